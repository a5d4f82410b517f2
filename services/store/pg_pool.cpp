#include "services/store/pg_pool.hpp"

#include <string>

namespace renshe::services::store::detail::pg {

namespace {
constexpr auto kPoolWait = std::chrono::seconds(30);
void ignoreNotice(void*, const char*) {}
}  // namespace

std::unique_ptr<PgConn> Pool::acquire(Store::Priority priority) {
    const auto level = static_cast<std::size_t>(priority);
    std::unique_lock lock(m_mutex);
    ++m_waiting[level];
    const bool free = m_free[level].wait_for(lock, kPoolWait, [&] {
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
        conn = std::make_unique<PgConn>();  // connected by its first user
    }
    wakeNext();  // a less urgent waiter may take what is left
    return conn;
}

void Pool::giveBack(std::unique_ptr<PgConn> conn) {
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(conn));
    wakeNext();
}

// Under m_mutex: when a connection is to be had, wakes one waiter of the most urgent level
// that has any.
void Pool::wakeNext() {
    if (m_idle.empty() && m_open >= m_max)
        return;
    for (std::size_t level = 0; level < kLevels; ++level) {
        if (m_waiting[level] > 0) {
            m_free[level].notify_one();
            return;
        }
    }
}

void connect(PgConn& conn, const std::string& conninfo) {
    if (conn.c == nullptr) {
        // connect_timeout applies unless the connection string sets its own; the
        // client encoding is always UTF-8 (store.hpp: text is UTF-8).
        const char* keys[] = {"connect_timeout", "dbname", "client_encoding", nullptr};
        const char* values[] = {"10", conninfo.c_str(), "UTF8", nullptr};
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

void begin(PgConn& conn, const std::string& conninfo, const char* sql) {
    if (conn.c == nullptr || conn.needsReset || !conn.ok()) {
        connect(conn, conninfo);
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
            connect(conn, conninfo);
            continue;
        }
        if (lost) {
            conn.needsReset = true;
        }
        raise(s, message, lost, true);
    }
}

bool finish(PgConn& conn, PgTx& tx) {
    tx.abandon();  // what was sent ahead, read back first
    if (!tx.lost()) {
        Result r(PQexec(conn.c, "ROLLBACK"));
        if (PQresultStatus(r.get()) == PGRES_COMMAND_OK) {
            return true;
        }
    }
    conn.needsReset = true;
    return false;
}

}  // namespace renshe::services::store::detail::pg
