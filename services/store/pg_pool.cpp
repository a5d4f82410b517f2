#include "services/store/pg_pool.hpp"

#include <poll.h>

#include <cerrno>

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
    for (std::size_t level = 0; level < kPriorities; ++level) {
        if (m_waiting[level] > 0) {
            m_free[level].notify_one();
            return;
        }
    }
}

namespace {

// Drives a connection begun with PQconnectStartParams or PQresetStart to its end, giving up
// once `limit` has passed (libpq's connect_timeout does not apply to these calls). False when
// it failed or took too long.
bool connectWithin(PGconn* c, bool reset, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    PostgresPollingStatusType status = PGRES_POLLING_WRITING;  // as the first poll asks
    while (status != PGRES_POLLING_OK) {
        if (status == PGRES_POLLING_FAILED)
            return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        // The socket may change between calls (the next of a host's addresses).
        pollfd p{PQsocket(c),
                 static_cast<short>(status == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        if (left.count() <= 0 || p.fd < 0)
            return false;
        const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno != EINTR)
            return false;
        if (ready > 0)
            status = reset ? PQresetPoll(c) : PQconnectPoll(c);
    }
    return true;
}

}  // namespace

void connect(PgConn& conn, const std::string& conninfo,
             std::optional<std::chrono::milliseconds> limit) {
    const char* keys[] = {"connect_timeout", "dbname", "client_encoding", nullptr};
    const char* values[] = {"10", conninfo.c_str(), "UTF8", nullptr};
    const bool reset = conn.c != nullptr;
    bool connected = false;
    if (!reset) {
        conn.c = limit ? PQconnectStartParams(keys, values, 1) : PQconnectdbParams(keys, values, 1);
        if (conn.c == nullptr) {
            throw StoreUnavailable("postgres: out of memory while connecting");
        }
        PQsetNoticeProcessor(conn.c, ignoreNotice, nullptr);
        connected =
            !limit || (PQstatus(conn.c) != CONNECTION_BAD && connectWithin(conn.c, false, *limit));
    } else if (limit) {
        connected = PQresetStart(conn.c) == 1 && connectWithin(conn.c, true, *limit);
    } else {
        PQreset(conn.c);
        connected = true;
    }
    conn.prepared.clear();  // a new session has none
    conn.needsReset = !connected || !conn.ok();
    if (conn.needsReset) {
        const std::string why = limit && PQstatus(conn.c) != CONNECTION_BAD
                                    ? "no answer within " + std::to_string(limit->count()) + " ms"
                                    : trimmed(PQerrorMessage(conn.c));
        throw StoreUnavailable("postgres: cannot connect: " + why);
    }
}

}  // namespace renshe::services::store::detail::pg
