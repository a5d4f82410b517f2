// PostgreSQL's connection pool (postgres_store.cpp): a fixed number of connections, lent for
// one transaction each, the most urgent waiter served first.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "services/store/pg_tx.hpp"
#include "services/store/store.hpp"

namespace renshe::services::store::detail::pg {

inline constexpr std::size_t kPriorities = 3;  // Store::Priority's values, Urgent first

class Pool {
public:
    explicit Pool(std::size_t max) : m_max(max) {}
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    std::size_t max() const noexcept { return m_max; }

    // A free connection for a transaction of `priority` (reads wait as Normal): none goes to a
    // waiter while one of a higher priority waits. A connection opened for the first time is
    // not yet connected. Throws StoreUnavailable when none is free within 30 s.
    std::unique_ptr<PgConn> acquire(Store::Priority priority);
    void giveBack(std::unique_ptr<PgConn> conn);

private:
    void wakeNext();

    const std::size_t m_max;
    std::mutex m_mutex;
    std::condition_variable m_free[kPriorities];
    std::size_t m_waiting[kPriorities] = {0, 0, 0};
    std::vector<std::unique_ptr<PgConn>> m_idle;
    std::size_t m_open = 0;
};

// Connects `conn` to `conninfo` (or resets it) within `limit` whatever the string sets, or
// without one within libpq's connect_timeout (10 s unless the string sets its own); the client
// encoding is always UTF-8 (store.hpp: text is UTF-8). Throws StoreUnavailable when it cannot.
void connect(PgConn& conn, const std::string& conninfo,
             std::optional<std::chrono::milliseconds> limit = std::nullopt);

// A connection borrowed from the pool for one transaction.
class Lease {
public:
    explicit Lease(Pool& pool, Store::Priority priority = Store::Priority::Normal)
        : m_pool(pool), m_conn(pool.acquire(priority)) {}
    ~Lease() { release(); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    PgConn& conn() { return *m_conn; }
    void release() {
        if (m_conn)
            m_pool.giveBack(std::move(m_conn));
    }

private:
    Pool& m_pool;
    std::unique_ptr<PgConn> m_conn;
};

}  // namespace renshe::services::store::detail::pg
