#include "drivers/util/blocking_pool.hpp"

#include <pthread.h>

#include <system_error>

namespace renshe::util {

BlockingPool::BlockingPool(std::size_t most, std::string name)
    : m_most(most == 0 ? 1 : most), m_name(std::move(name)) {}

BlockingPool::~BlockingPool() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& t : m_threads)
        t.join();
}

void BlockingPool::post(std::function<void()> job) {
    std::unique_lock lock(m_mutex);
    if (m_stopping && m_running == 0) {
        lock.unlock();
        job();  // no thread left to take it: a job posted by a job while the pool closes
        return;
    }
    m_jobs.push_back(std::move(job));
    // A thread is started only when every one there is busy with a job of its own.
    if (!m_stopping && m_idle < m_jobs.size() && m_threads.size() < m_most) {
        try {
            m_threads.emplace_back([this] { run(); });
            ++m_running;
            return;
        } catch (const std::system_error&) {
            if (m_running == 0) {
                m_jobs.pop_back();  // nobody would ever run it: the caller hears why
                throw;
            }
            // The threads there take it in turn.
        }
    }
    m_wake.notify_one();
}

void BlockingPool::run() {
    pthread_setname_np(pthread_self(), m_name.c_str());
    std::unique_lock lock(m_mutex);
    for (;;) {
        ++m_idle;
        m_wake.wait(lock, [&] { return m_stopping || !m_jobs.empty(); });
        --m_idle;
        if (m_jobs.empty()) {
            --m_running;
            return;  // stopping, and every job posted has run
        }
        std::function<void()> job = std::move(m_jobs.front());
        m_jobs.pop_front();
        lock.unlock();
        job();
        lock.lock();
    }
}

}  // namespace renshe::util
