// PostgreSQL backend (libpq): a fixed pool of connections; write() = BEGIN; fn; COMMIT,
// re-run on serialization failures, deadlocks and unique-key races between replicas.
#include <libpq-fe.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>

#include "services/store/internal.hpp"
#include "services/store/pg_parameters.hpp"

namespace renshe::services::store::detail {

namespace {

constexpr int kMaxAttempts = 8;
constexpr auto kPoolWait = std::chrono::seconds(30);
// pg_advisory_xact_lock key of the migrators: "renshe" 0x00 0x01.
constexpr std::int64_t kMigrationLock = 0x72656e7368650001;

constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;

struct ResultDeleter {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

void ignoreNotice(void*, const char*) {}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// The server is gone or going: the connection must be re-established.
bool connectionLost(std::string_view state) {
    return startsWith(state, "08") || startsWith(state, "57P0");
}

// Worth running the whole callback again in a fresh transaction.
bool retryable(std::string_view state) {
    return state == "40001" || state == "40P01" || state == "23505";
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

std::string trimmed(const char* message) {
    std::string s = message != nullptr ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

// Statements prepared on one connection (server-side, named): the planner's work is kept
// between calls, as SQLite's statement cache keeps it. A key is the parameters' types and the
// text; texts with many parameters (batched inserts, each of its own length) are not kept.
constexpr std::size_t kMaxPreparedStatements = 256;  // per connection
constexpr std::size_t kMaxPreparedParameters = 32;

// One pooled connection; the pool hands it to one thread at a time.
struct PgConn {
    PGconn* c = nullptr;
    bool needsReset = false;
    std::unordered_map<std::string, std::string> prepared;  // key → statement name

    ~PgConn() {
        if (c != nullptr) {
            PQfinish(c);
        }
    }
    bool ok() const { return c != nullptr && PQstatus(c) == CONNECTION_OK; }
};

// Raised by a statement; the PgTx keeps the SQLSTATE for the retry decision.
[[noreturn]] void raise(std::string_view state, const std::string& message, bool lost,
                        bool writable) {
    if (lost) {
        throw StoreUnavailable("postgres: connection lost: " + message);
    }
    if (transient(state, writable)) {
        throw StoreUnavailable("postgres: " + message);
    }
    throw StoreError("postgres: " + message, state == "23505");
}

class PgTx final : public ScriptTx {
public:
    PgTx(PgConn& conn, bool writable) : m_conn(conn), m_writable(writable) {}

    std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override {
        std::vector<Row> rows;
        run(sql, params, &rows, nullptr);
        return rows;
    }

    std::int64_t exec(std::string_view sql, const std::vector<Value>& params) override {
        std::int64_t changes = 0;
        run(sql, params, nullptr, &changes);
        return changes;
    }

    void execScript(std::string_view sql) override {
        guarded([&] {
            const std::string text(sql);
            Result r(PQexec(m_conn.c, text.c_str()));
            check(r.get());
        });
    }

    Backend backend() const noexcept override { return Backend::Postgres; }

    // COMMIT; throws (and records) like any statement.
    void commit() {
        guarded([&] {
            Result r(PQexec(m_conn.c, "COMMIT"));
            check(r.get());
            if (std::string_view(PQcmdStatus(r.get())) != "COMMIT") {
                throw StoreError("postgres: the transaction was rolled back at COMMIT");
            }
        });
    }

    std::exception_ptr failure() const noexcept { return m_failure; }
    const std::string& state() const noexcept { return m_state; }
    bool lost() const noexcept { return m_lost || !m_conn.ok(); }

private:
    template <typename F>
    void guarded(F&& f) {
        try {
            f();
        } catch (...) {
            if (!m_failure) {
                m_failure = std::current_exception();
            }
            throw;
        }
    }

    void check(PGresult* r) {
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
            return;
        }
        const char* state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
        // The primary message only: PostgreSQL's DETAIL repeats key values (an ID number in a
        // unique violation), and these messages end up in logs.
        const char* primary =
            r != nullptr ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
        const std::string message =
            trimmed(primary != nullptr ? primary : PQerrorMessage(m_conn.c));
        const std::string s = state != nullptr ? state : "";
        const bool lost = PQstatus(m_conn.c) != CONNECTION_OK || connectionLost(s);
        if (m_state.empty()) {
            m_state = s;
        }
        m_lost = m_lost || lost;
        raise(s, message.empty() ? "statement failed" : message, lost, m_writable);
    }

    void run(std::string_view sql, const std::vector<Value>& params, std::vector<Row>* rows,
             std::int64_t* changes) {
        guarded([&] {
            const std::vector<bool> refs = referencedParameters(sql);
            if (refs.size() > params.size() + 1) {
                throw StoreError("postgres: statement uses $" + std::to_string(refs.size() - 1) +
                                 " but " + std::to_string(params.size()) +
                                 " parameters were given");
            }
            std::vector<std::string> storage(params.size());
            std::vector<const char*> values(params.size(), nullptr);
            std::vector<Oid> types(params.size(), 0);
            for (std::size_t k = 0; k < params.size(); ++k) {
                if (k + 1 >= refs.size() || !refs[k + 1]) {
                    throw StoreError("postgres: parameter $" + std::to_string(k + 1) +
                                     " is not used by the statement");
                }
                const Value& v = params[k];
                if (const auto* i = std::get_if<std::int64_t>(&v)) {
                    storage[k] = std::to_string(*i);
                    values[k] = storage[k].c_str();
                    types[k] = kInt8Oid;
                } else if (const auto* s = std::get_if<std::string>(&v)) {
                    checkTextParameter(*s);
                    values[k] = s->c_str();
                }
            }
            const std::string text(sql);
            const int n = static_cast<int>(params.size());
            const std::string* name = preparedName(text, types);
            Result r(name != nullptr ? PQexecPrepared(m_conn.c, name->c_str(), n, values.data(),
                                                      nullptr, nullptr, 0)
                                     : PQexecParams(m_conn.c, text.c_str(), n, types.data(),
                                                    values.data(), nullptr, nullptr, 0));
            check(r.get());
            if (rows != nullptr) {
                readRows(r.get(), *rows);
            }
            if (changes != nullptr) {
                const char* tuples = PQcmdTuples(r.get());
                *changes = (tuples != nullptr && *tuples != '\0') ? std::stoll(tuples) : 0;
            }
        });
    }

    // The connection's prepared statement for `text` with parameters of `types`, prepared now
    // if new; nullptr when it is not to be kept (many parameters, the cache full). A failed
    // PREPARE raises as the statement would have.
    const std::string* preparedName(const std::string& text, const std::vector<Oid>& types) {
        if (types.size() > kMaxPreparedParameters)
            return nullptr;
        std::string key;
        key.reserve(types.size() + 1 + text.size());
        for (const Oid t : types)
            key.push_back(t == kInt8Oid ? 'i' : 't');
        key.push_back('\0');
        key += text;
        auto& cache = m_conn.prepared;
        if (const auto it = cache.find(key); it != cache.end())
            return &it->second;
        if (cache.size() >= kMaxPreparedStatements)
            return nullptr;
        std::string name = "renshe_" + std::to_string(cache.size());
        Result r(PQprepare(m_conn.c, name.c_str(), text.c_str(), static_cast<int>(types.size()),
                           types.data()));
        check(r.get());
        return &cache.emplace(std::move(key), std::move(name)).first->second;
    }

    static void readRows(PGresult* r, std::vector<Row>& rows) {
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

    PgConn& m_conn;
    const bool m_writable;
    std::exception_ptr m_failure;
    std::string m_state;  // SQLSTATE of the first failed statement
    bool m_lost = false;
};

class PostgresStore final : public Store {
public:
    PostgresStore(std::string conninfo, std::size_t connections, bool readReplica)
        : m_conninfo(std::move(conninfo)),
          m_max(std::max<std::size_t>(connections, 1)),
          m_readReplica(readReplica) {
        if (!m_readReplica)
            migrate();  // a replica connects on its first read
    }

    using Store::write;
    void write(const std::function<void(Tx&)>& fn, Priority priority) override {
        if (m_readReplica)
            throw StoreError("postgres: a read replica takes no writes");
        ensureNotInsideWrite();
        WriteScope scope;
        for (int attempt = 1;; ++attempt) {
            const auto asked = std::chrono::steady_clock::now();
            Lease lease(*this, priority);
            PgConn& conn = lease.conn();
            begin(conn, "BEGIN");
            m_writeWait.observe(std::chrono::steady_clock::now() - asked);
            PgTx tx(conn, true);
            std::exception_ptr error;
            try {
                fn(tx);
                if (tx.failure()) {
                    std::rethrow_exception(tx.failure());
                }
                const auto committing = std::chrono::steady_clock::now();
                tx.commit();
                m_commit.observe(std::chrono::steady_clock::now() - committing);
                m_writes.fetch_add(1);
                m_commits.fetch_add(1);
                return;
            } catch (...) {
                error = std::current_exception();
            }
            if (!finish(conn, tx)) {
                rethrowAsUnavailable(error);
            }
            error = writeOutcome(error, tx.failure());
            if (tx.state() == "25006") {
                conn.needsReset = true;  // a standby (after a failover): find the primary again
            }
            if (retryable(tx.state()) && attempt < kMaxAttempts) {
                m_retries.fetch_add(1);
                lease.release();
                backOff(attempt);
                continue;
            }
            std::rethrow_exception(error);
        }
    }

    void read(const std::function<void(Tx&)>& fn) override {
        const auto asked = std::chrono::steady_clock::now();
        Lease lease(*this);
        PgConn& conn = lease.conn();
        begin(conn, "BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ");
        m_readWait.observe(std::chrono::steady_clock::now() - asked);
        PgTx tx(conn, false);
        std::exception_ptr error;
        try {
            fn(tx);
            if (tx.failure()) {
                std::rethrow_exception(tx.failure());
            }
            tx.commit();
            return;
        } catch (...) {
            error = std::current_exception();
        }
        if (!finish(conn, tx)) {
            rethrowAsUnavailable(error);
        }
        std::rethrow_exception(writeOutcome(error, tx.failure()));
    }

    Backend backend() const noexcept override { return Backend::Postgres; }

    int schemaVersion() override {
        int version = 0;
        read([&](Tx& tx) { version = recordedSchemaVersion(tx); });
        return version;
    }

    Stats stats() const override {
        Stats s;
        s.writes = m_writes.load();
        s.commits = m_commits.load();
        s.retries = m_retries.load();
        s.readWait = m_readWait.snapshot();
        s.writeWait = m_writeWait.snapshot();
        s.commit = m_commit.snapshot();
        return s;
    }

private:
    // A connection borrowed from the pool for one transaction.
    class Lease {
    public:
        explicit Lease(PostgresStore& store, Priority priority = Priority::Normal)
            : m_store(store), m_conn(store.acquire(priority)) {}
        ~Lease() { release(); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        PgConn& conn() { return *m_conn; }
        void release() {
            if (m_conn) {
                m_store.giveBack(std::move(m_conn));
            }
        }

    private:
        PostgresStore& m_store;
        std::unique_ptr<PgConn> m_conn;
    };

    // A free connection for a transaction of `priority`: none goes to a waiter while one of a
    // higher priority waits (reads wait as Normal).
    std::unique_ptr<PgConn> acquire(Priority priority) {
        const auto level = static_cast<std::size_t>(priority);
        std::unique_lock lock(m_poolMutex);
        ++m_waiting[level];
        const bool free = m_poolFree[level].wait_for(lock, kPoolWait, [&] {
            for (std::size_t higher = 0; higher < level; ++higher)
                if (m_waiting[higher] > 0)
                    return false;
            return !m_idle.empty() || m_open < m_max;
        });
        --m_waiting[level];
        if (!free) {
            wakeNext();
            throw StoreUnavailable("postgres: no connection free in the pool");
        }
        std::unique_ptr<PgConn> conn;
        if (!m_idle.empty()) {
            conn = std::move(m_idle.back());
            m_idle.pop_back();
        } else {
            ++m_open;
            conn = std::make_unique<PgConn>();  // connected by begin()
        }
        wakeNext();  // a less urgent waiter may take what is left
        return conn;
    }

    void giveBack(std::unique_ptr<PgConn> conn) {
        std::lock_guard lock(m_poolMutex);
        m_idle.push_back(std::move(conn));
        wakeNext();
    }

    // Under m_poolMutex: when a connection is to be had, wakes one waiter of the most urgent
    // level that has any.
    void wakeNext() {
        if (m_idle.empty() && m_open >= m_max)
            return;
        for (std::size_t level = 0; level < kLevels; ++level) {
            if (m_waiting[level] > 0) {
                m_poolFree[level].notify_one();
                return;
            }
        }
    }

    // Connects a new pooled connection, or re-connects a broken one. Throws StoreUnavailable.
    void connect(PgConn& conn) {
        if (conn.c == nullptr) {
            // connect_timeout applies unless the connection string sets its own; the
            // client encoding is always UTF-8 (store.hpp: text is UTF-8).
            const char* keys[] = {"connect_timeout", "dbname", "client_encoding", nullptr};
            const char* values[] = {"10", m_conninfo.c_str(), "UTF8", nullptr};
            conn.c = PQconnectdbParams(keys, values, 1);
            if (conn.c == nullptr) {
                throw StoreUnavailable("postgres: out of memory while connecting");
            }
            PQsetNoticeProcessor(conn.c, ignoreNotice, nullptr);
        } else {
            PQreset(conn.c);
        }
        conn.prepared.clear();  // a new session has none
        conn.needsReset = !conn.ok();
        if (conn.needsReset) {
            throw StoreUnavailable("postgres: cannot connect: " + trimmed(PQerrorMessage(conn.c)));
        }
    }

    // Opens the transaction. A pooled connection the server dropped while it sat idle (a
    // restart, a failover) is re-connected once here: nothing of the transaction was sent.
    void begin(PgConn& conn, const char* sql) {
        if (conn.c == nullptr || conn.needsReset || !conn.ok()) {
            connect(conn);
        }
        for (int round = 0;; ++round) {
            Result r(PQexec(conn.c, sql));
            if (PQresultStatus(r.get()) == PGRES_COMMAND_OK) {
                return;
            }
            const char* state = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
            const std::string s = state != nullptr ? state : "";
            const std::string message = trimmed(PQerrorMessage(conn.c));
            const bool lost = !conn.ok() || connectionLost(s);
            if (lost && round == 0) {
                connect(conn);
                continue;
            }
            if (lost) {
                conn.needsReset = true;
            }
            raise(s, message, lost, true);
        }
    }

    // After a failed callback: rolls back. False when the connection is gone (it is then
    // re-connected by its next user).
    bool finish(PgConn& conn, const PgTx& tx) {
        if (!tx.lost()) {
            Result r(PQexec(conn.c, "ROLLBACK"));
            if (PQresultStatus(r.get()) == PGRES_COMMAND_OK) {
                return true;
            }
        }
        conn.needsReset = true;
        return false;
    }

    [[noreturn]] static void rethrowAsUnavailable(const std::exception_ptr& error) {
        try {
            std::rethrow_exception(error);
        } catch (const StoreUnavailable&) {
            throw;
        } catch (const std::exception& e) {
            throw StoreUnavailable(std::string("postgres: connection lost: ") + e.what());
        } catch (...) {
            throw StoreUnavailable("postgres: connection lost");
        }
    }

    static void backOff(int attempt) {
        thread_local std::mt19937 rng(std::random_device{}());
        const int ceiling = std::min(2 << attempt, 64);  // ms: 4, 8, 16, 32, 64 …
        std::uniform_int_distribution<int> pick(1, ceiling);
        std::this_thread::sleep_for(std::chrono::milliseconds(pick(rng)));
    }

    // Each migration in its own transaction under one advisory lock, so that replicas
    // starting together apply it once; the later ones find it recorded and skip it.
    void migrate() {
        for (const Migration& m : migrations()) {
            Lease lease(*this);
            PgConn& conn = lease.conn();
            begin(conn, "BEGIN");
            PgTx tx(conn, true);
            try {
                tx.exec("SELECT pg_advisory_xact_lock($1)", {kMigrationLock});
                applyMigration(tx, m);
                tx.commit();
            } catch (...) {
                const std::exception_ptr error = std::current_exception();
                if (!finish(conn, tx)) {
                    rethrowAsUnavailable(error);
                }
                std::rethrow_exception(error);
            }
        }
    }

    const std::string m_conninfo;
    const std::size_t m_max;
    const bool m_readReplica;

    std::mutex m_poolMutex;
    static constexpr std::size_t kLevels = 3;  // Priority's values
    std::condition_variable m_poolFree[kLevels];
    std::size_t m_waiting[kLevels] = {0, 0, 0};
    std::vector<std::unique_ptr<PgConn>> m_idle;
    std::size_t m_open = 0;

    std::atomic<std::uint64_t> m_writes{0};
    std::atomic<std::uint64_t> m_commits{0};
    util::LatencyHistogram m_readWait, m_writeWait, m_commit;
    std::atomic<std::uint64_t> m_retries{0};
};

}  // namespace

std::unique_ptr<Store> openPostgres(const std::string& conninfo, const Store::Options& options) {
    return std::make_unique<PostgresStore>(conninfo, options.connections, options.readReplica);
}

}  // namespace renshe::services::store::detail
