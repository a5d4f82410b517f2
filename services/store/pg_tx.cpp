#include "services/store/pg_tx.hpp"

#include <poll.h>

#include "services/store/pg_parameters.hpp"

namespace renshe::services::store::detail::pg {

bool PgConn::usable() const {
    if (needsReset || !ok())
        return false;
    // Between transactions the server sends nothing a caller waits for; a hang-up (its FATAL
    // message, then the end of the stream) means the session is gone.
    pollfd fd{PQsocket(c), POLLRDHUP, 0};
    if (::poll(&fd, 1, 0) <= 0)
        return true;  // nothing to read (or poll failed: let the statement find out)
    return (fd.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) == 0;
}

namespace {

constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;

// Statements prepared on one connection (server-side, named): the planner's work is kept
// between calls, as SQLite's statement cache keeps it. A key is the parameters' types and the
// text; texts with many parameters (batched inserts, each of its own length) are not kept.
constexpr std::size_t kMaxPreparedStatements = 256;  // per connection
constexpr std::size_t kMaxPreparedParameters = 32;

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// A retry later may cure it: the gRPC layer answers UNAVAILABLE.
bool transient(std::string_view state, bool writable) {
    return connectionLost(state) || state == "40001" || state == "40P01" ||
           state == "55P03" ||              // lock_not_available (lock_timeout)
           state == "57014" ||              // query_canceled (statement_timeout)
           startsWith(state, "53") ||       // insufficient resources: disk, memory, connections
           startsWith(state, "58") ||       // system error (I/O)
           (writable && state == "25006");  // read-only: we reached a standby
}

// The rows and the count of rows affected of a statement's result.
void take(PGresult* r, std::vector<Row>* rows, std::int64_t* changes,
          void (*readRows)(PGresult*, std::vector<Row>&)) {
    if (rows != nullptr) {
        readRows(r, *rows);
    }
    if (changes != nullptr) {
        const char* tuples = PQcmdTuples(r);
        *changes = (tuples != nullptr && *tuples != '\0') ? std::stoll(tuples) : 0;
    }
}

}  // namespace

bool connectionLost(std::string_view state) {
    return startsWith(state, "08") || startsWith(state, "57P0");
}

bool retryable(std::string_view state) {
    return state == "40001" || state == "40P01" || state == "23505";
}

std::string trimmed(const char* message) {
    std::string s = message != nullptr ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

void raise(std::string_view state, const std::string& message, bool lost, bool writable) {
    if (lost) {
        throw StoreUnavailable("postgres: connection lost: " + message);
    }
    if (transient(state, writable)) {
        throw StoreUnavailable("postgres: " + message);
    }
    throw StoreError("postgres: " + message, state == "23505");
}

template <typename F>
void PgTx::guarded(F&& f) {
    try {
        f();
    } catch (...) {
        if (!m_failure) {
            m_failure = std::current_exception();
        }
        throw;
    }
}

std::vector<Row> PgTx::query(std::string_view sql, const std::vector<Value>& params) {
    std::vector<Row> rows;
    run(sql, params, &rows, nullptr);
    return rows;
}

std::int64_t PgTx::exec(std::string_view sql, const std::vector<Value>& params) {
    std::int64_t changes = 0;
    run(sql, params, nullptr, &changes);
    return changes;
}

void PgTx::execLater(std::string_view sql, const std::vector<Value>& params) {
    guarded([&] { send(std::string(sql), bind(sql, params)); });
}

void PgTx::execScript(std::string_view sql) {
    guarded([&] {
        if (m_pipelined) {
            collect();
        }
        const std::string text(sql);
        Result r(PQexec(m_conn.c, text.c_str()));
        check(r.get());
    });
}

void PgTx::beginAhead(const char* sql) {
    guarded([&] {
        if (PQenterPipelineMode(m_conn.c) != 1 ||
            PQsendQueryParams(m_conn.c, sql, 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) {
            m_lost = true;
            raise("", "cannot begin: " + trimmed(PQerrorMessage(m_conn.c)), true, m_writable);
        }
        m_pipelined = true;
        m_sent.push_back({Sent::Begin, {}, {}});
    });
}

void PgTx::commit() {
    guarded([&] {
        if (m_pipelined) {
            // The statements sent ahead and the COMMIT: one round trip.
            m_commitSent = true;  // from here on, the outcome may be unknown
            if (PQsendQueryParams(m_conn.c, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) !=
                1) {
                m_lost = true;
                raise("", trimmed(PQerrorMessage(m_conn.c)), true, m_writable);
            }
            m_sent.push_back({Sent::Commit, {}, {}});
            collect();
            return;
        }
        m_commitSent = true;
        Result r(PQexec(m_conn.c, "COMMIT"));
        check(r.get());
        if (std::string_view(PQcmdStatus(r.get())) != "COMMIT") {
            throw StoreError("postgres: the transaction was rolled back at COMMIT");
        }
    });
}

void PgTx::abandon() noexcept {
    if (!m_pipelined) {
        return;
    }
    try {
        collect();
    } catch (...) {
        // Recorded in m_state / m_lost; the caller already has the error it reports.
    }
}

void PgTx::beginMember(std::size_t member) {
    m_members.emplace_back(m_sent.size(), member);
}

std::exception_ptr PgTx::flush() noexcept {
    if (!m_pipelined)
        return nullptr;
    try {
        collect();
        return nullptr;
    } catch (...) {
        if (!m_failure)
            m_failure = std::current_exception();
        return std::current_exception();
    }
}

bool PgTx::rollbackToSavepoint(const char* name) noexcept {
    if (flush() && lost())
        return false;
    try {
        for (const char* verb : {"ROLLBACK TO SAVEPOINT ", "RELEASE SAVEPOINT "}) {
            const std::string sql = verb + std::string(name);
            Result r(PQexec(m_conn.c, sql.c_str()));
            if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
                m_lost = m_lost || !m_conn.ok();
                return false;
            }
        }
    } catch (...) {
        return false;
    }
    m_failure = nullptr;
    m_state.clear();
    m_failedMember.reset();
    return true;
}

void PgTx::check(PGresult* r) {
    const ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        return;
    }
    const char* state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    // The primary message only: PostgreSQL's DETAIL repeats key values (an ID number in a
    // unique violation), and these messages end up in logs.
    const char* primary = r != nullptr ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string message = trimmed(primary != nullptr ? primary : PQerrorMessage(m_conn.c));
    const std::string s = state != nullptr ? state : "";
    const bool lost = PQstatus(m_conn.c) != CONNECTION_OK || connectionLost(s);
    if (m_state.empty()) {
        m_state = s;
    }
    m_lost = m_lost || lost;
    raise(s, message.empty() ? "statement failed" : message, lost, m_writable);
}

PgTx::Bound PgTx::bind(std::string_view sql, const std::vector<Value>& params) const {
    const std::vector<bool> refs = referencedParameters(sql);
    if (refs.size() > params.size() + 1) {
        throw StoreError("postgres: statement uses $" + std::to_string(refs.size() - 1) + " but " +
                         std::to_string(params.size()) + " parameters were given");
    }
    Bound b;
    b.storage.resize(params.size());
    b.values.assign(params.size(), nullptr);
    b.types.assign(params.size(), 0);
    for (std::size_t k = 0; k < params.size(); ++k) {
        if (k + 1 >= refs.size() || !refs[k + 1]) {
            throw StoreError("postgres: parameter $" + std::to_string(k + 1) +
                             " is not used by the statement");
        }
        const Value& v = params[k];
        if (const auto* i = std::get_if<std::int64_t>(&v)) {
            b.storage[k] = std::to_string(*i);
            b.values[k] = b.storage[k].c_str();
            b.types[k] = kInt8Oid;
        } else if (const auto* s = std::get_if<std::string>(&v)) {
            checkTextParameter(*s);
            b.values[k] = s->c_str();
        }
    }
    return b;
}

void PgTx::run(std::string_view sql, const std::vector<Value>& params, std::vector<Row>* rows,
               std::int64_t* changes) {
    guarded([&] {
        const Bound b = bind(sql, params);
        const std::string text(sql);
        if (m_pipelined) {
            // What was sent ahead travels with this statement: one round trip for all.
            send(text, b);
            collect(rows, changes);
            return;
        }
        const int n = static_cast<int>(b.values.size());
        const std::string* name = preparedName(text, b.types);
        Result r(name != nullptr ? PQexecPrepared(m_conn.c, name->c_str(), n, b.values.data(),
                                                  nullptr, nullptr, 0)
                                 : PQexecParams(m_conn.c, text.c_str(), n, b.types.data(),
                                                b.values.data(), nullptr, nullptr, 0));
        check(r.get());
        take(r.get(), rows, changes, &PgTx::readRows);
    });
}

std::string PgTx::cacheKey(const std::string& text, const std::vector<Oid>& types) {
    std::string key;
    key.reserve(types.size() + 1 + text.size());
    for (const Oid t : types)
        key.push_back(t == kInt8Oid ? 'i' : 't');
    key.push_back('\0');
    key += text;
    return key;
}

// The connection's prepared statement for `text` with parameters of `types`, prepared now
// if new; nullptr when it is not to be kept (many parameters, the cache full). A failed
// PREPARE raises as the statement would have.
const std::string* PgTx::preparedName(const std::string& text, const std::vector<Oid>& types) {
    if (types.size() > kMaxPreparedParameters)
        return nullptr;
    std::string key = cacheKey(text, types);
    auto& cache = m_conn.prepared;
    if (const auto it = cache.find(key); it != cache.end())
        return &it->second;
    if (cache.size() >= kMaxPreparedStatements)
        return nullptr;
    std::string name = "renshe_" + std::to_string(m_conn.nextPrepared++);
    Result r(PQprepare(m_conn.c, name.c_str(), text.c_str(), static_cast<int>(types.size()),
                       types.data()));
    check(r.get());
    return &cache.emplace(std::move(key), std::move(name)).first->second;
}

void PgTx::send(const std::string& text, const Bound& b) {
    const auto lostWhile = [&](const char* what) {
        m_lost = true;
        raise("", std::string(what) + ": " + trimmed(PQerrorMessage(m_conn.c)), true, m_writable);
    };
    if (!m_pipelined) {
        if (PQenterPipelineMode(m_conn.c) != 1)
            lostWhile("cannot enter pipeline mode");
        m_pipelined = true;
    }
    const int n = static_cast<int>(b.values.size());
    std::string name;  // empty: not prepared (sent with its text)
    if (b.types.size() <= kMaxPreparedParameters) {
        std::string key = cacheKey(text, b.types);
        if (const auto it = m_conn.prepared.find(key); it != m_conn.prepared.end()) {
            name = it->second;
        } else {
            for (const Sent& s : m_sent) {
                if (s.kind == Sent::Prepare && s.key == key)
                    name = s.name;
            }
            if (name.empty() && m_conn.prepared.size() + m_sent.size() < kMaxPreparedStatements) {
                name = "renshe_" + std::to_string(m_conn.nextPrepared++);
                if (PQsendPrepare(m_conn.c, name.c_str(), text.c_str(), n, b.types.data()) != 1)
                    lostWhile("cannot send a statement");
                m_sent.push_back({Sent::Prepare, std::move(key), name});
            }
        }
    }
    const int sent = !name.empty() ? PQsendQueryPrepared(m_conn.c, name.c_str(), n, b.values.data(),
                                                         nullptr, nullptr, 0)
                                   : PQsendQueryParams(m_conn.c, text.c_str(), n, b.types.data(),
                                                       b.values.data(), nullptr, nullptr, 0);
    if (sent != 1)
        lostWhile("cannot send a statement");
    m_sent.push_back({Sent::Statement, {}, {}});
}

void PgTx::collect(std::vector<Row>* rows, std::int64_t* changes) {
    std::vector<Sent> sent;
    sent.swap(m_sent);
    std::vector<std::pair<std::size_t, std::size_t>> members;
    members.swap(m_members);
    if (!members.empty())  // what is sent next belongs to the write running now
        m_members.emplace_back(0, members.back().second);
    m_pipelined = false;
    if (PQpipelineSync(m_conn.c) != 1) {
        m_lost = true;
        raise("", "cannot end the pipeline: " + trimmed(PQerrorMessage(m_conn.c)), true,
              m_writable);
    }
    // Every result is read, in order, before the first failure is thrown: a connection left
    // with results unread could take no next statement. After a failure the server skips the
    // rest up to the Sync (PGRES_PIPELINE_ABORTED).
    std::exception_ptr first;
    for (std::size_t i = 0; i < sent.size() && !m_lost; ++i) {
        Result r(PQgetResult(m_conn.c));
        if (!r) {
            m_lost = true;  // out of step with the server
            break;
        }
        if (PQresultStatus(r.get()) != PGRES_PIPELINE_ABORTED) {
            try {
                check(r.get());
                if (sent[i].kind == Sent::Begin) {
                    m_begun = true;
                } else if (sent[i].kind == Sent::Prepare) {
                    // Prepared for the session, whatever becomes of the transaction.
                    m_conn.prepared.emplace(sent[i].key, sent[i].name);
                } else if (sent[i].kind == Sent::Commit &&
                           std::string_view(PQcmdStatus(r.get())) != "COMMIT") {
                    throw StoreError("postgres: the transaction was rolled back at COMMIT");
                } else if (i + 1 == sent.size()) {
                    take(r.get(), rows, changes, &PgTx::readRows);
                }
            } catch (...) {
                if (!first) {
                    first = std::current_exception();
                    noteFailedMember(members, i);
                }
            }
        }
        Result end(PQgetResult(m_conn.c));  // each statement's results end with a null
        m_lost = m_lost || !m_conn.ok();
    }
    if (!m_lost) {
        Result sync(PQgetResult(m_conn.c));
        m_lost = !sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC ||
                 PQexitPipelineMode(m_conn.c) != 1;
    }
    if (first)
        std::rethrow_exception(first);
    if (m_lost)
        raise("", "the pipeline was cut: " + trimmed(PQerrorMessage(m_conn.c)), true, m_writable);
}

void PgTx::noteFailedMember(const std::vector<std::pair<std::size_t, std::size_t>>& members,
                            std::size_t index) {
    if (m_failedMember || members.empty())
        return;
    // The BEGIN, sent before any write's statements, counts as the first write's.
    m_failedMember = members.front().second;
    for (const auto& [start, member] : members) {
        if (start <= index)
            m_failedMember = member;
    }
}

void PgTx::readRows(PGresult* r, std::vector<Row>& rows) {
    const int n = PQntuples(r);
    const int columns = PQnfields(r);
    rows.reserve(static_cast<std::size_t>(n));
    for (int row = 0; row < n; ++row) {
        std::vector<Value> cells;
        cells.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(r, row, c)) {
                cells.emplace_back(nullptr);
                continue;
            }
            const char* value = PQgetvalue(r, row, c);
            const auto length = static_cast<std::size_t>(PQgetlength(r, row, c));
            const Oid type = PQftype(r, c);
            if (type == kInt8Oid || type == kInt2Oid || type == kInt4Oid) {
                cells.emplace_back(static_cast<std::int64_t>(std::stoll(value)));
            } else if (type == kBoolOid) {
                cells.emplace_back(std::int64_t{value[0] == 't' ? 1 : 0});
            } else {
                cells.emplace_back(std::string(value, length));
            }
        }
        rows.emplace_back(std::move(cells));
    }
}

}  // namespace renshe::services::store::detail::pg
