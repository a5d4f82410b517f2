// Threads for work that blocks, handed over by callers that must not: PostgreSQL's
// Store::writeAsync() pauses and retries a write on one; the back office's callback methods run
// what must wait (an activation's Argon2id turn) on one, never on gRPC's threads. A thread is
// started when a job arrives and none is idle, up to `most`; past that, jobs wait their turn. Idle
// threads stay for the next job. The destructor runs every job already posted, then joins the
// threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace renshe::util {

class BlockingPool {
public:
    // `name`: the threads' name (at most 15 characters).
    BlockingPool(std::size_t most, std::string name);
    ~BlockingPool();
    BlockingPool(const BlockingPool&) = delete;
    BlockingPool& operator=(const BlockingPool&) = delete;

    // `job` must not throw. Throws std::system_error, without keeping the job, only when no
    // thread could be started and none is there to take it. Run at once on the caller's thread
    // when posted while the pool closes after its threads have gone.
    void post(std::function<void()> job);

private:
    void run();

    const std::size_t m_most;
    const std::string m_name;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    std::vector<std::thread> m_threads;
    std::size_t m_idle = 0;
    std::size_t m_running = 0;  // threads started that have not left run()
    bool m_stopping = false;
};

}  // namespace renshe::util
