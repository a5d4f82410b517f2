#include "services/store/pg_pool.hpp"

namespace renshe::services::store::detail::pg {

namespace {
constexpr auto kPoolWait = std::chrono::seconds(30);
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

}  // namespace renshe::services::store::detail::pg
