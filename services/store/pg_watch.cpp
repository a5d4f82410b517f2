#include "services/store/pg_watch.hpp"

#include <pthread.h>
#include <sys/socket.h>

namespace renshe::services::store::detail::pg {

AnswerWatch::AnswerWatch(std::chrono::milliseconds limit) : m_limit(limit) {
    m_thread = std::thread([this] { loop(); });
}

AnswerWatch::~AnswerWatch() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

AnswerWatch::Watch AnswerWatch::watch(int socket) {
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_next++;
        m_entries.emplace(id, Entry{Clock::now() + m_limit, socket});
    }
    m_wake.notify_one();
    return Watch(*this, id);  // not copied: made in its caller's place
}

void AnswerWatch::end(std::uint64_t id) {
    std::lock_guard lock(m_mutex);
    m_entries.erase(id);
}

bool AnswerWatch::fired(std::uint64_t id) {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    return it != m_entries.end() && it->second.fired;
}

void AnswerWatch::loop() {
    pthread_setname_np(pthread_self(), "answer-watch");
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        // Every entry has the same limit, so the oldest one not yet fired is due first.
        auto due = m_entries.begin();
        while (due != m_entries.end() && due->second.fired)
            ++due;
        if (due == m_entries.end()) {
            m_wake.wait(lock);
            continue;
        }
        if (const auto deadline = due->second.deadline; Clock::now() < deadline) {
            m_wake.wait_until(lock, deadline);  // a copy: the entry may end meanwhile
            continue;
        }
        // Under the lock: the read cannot end its watch, and give its socket back to the pool
        // or close it, meanwhile.
        ::shutdown(due->second.socket, SHUT_RDWR);
        due->second.fired = true;
    }
}

}  // namespace renshe::services::store::detail::pg
