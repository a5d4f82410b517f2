// A read a PostgreSQL server does not answer in time, cut off (postgres_store.cpp, on a read
// replica). A hot standby that stops answering with its connections left open (its processes
// stopped, a network that drops packets) leaves libpq waiting for as long as it hangs: the
// kernel still acknowledges what is sent, so neither TCP keepalives nor tcp_user_timeout end
// the wait, and the server cannot take a cancel request. Past its limit, the watch shuts the
// connection's socket down: the libpq call waiting on it returns with the connection lost, the
// read throws StoreUnavailable, and its caller reads the primary instead.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

namespace renshe::services::store::detail::pg {

class AnswerWatch {
public:
    explicit AnswerWatch(std::chrono::milliseconds limit);
    ~AnswerWatch();
    AnswerWatch(const AnswerWatch&) = delete;
    AnswerWatch& operator=(const AnswerWatch&) = delete;

    // One read's watch of one socket, from its making until its end (destruction).
    class Watch {
    public:
        Watch(AnswerWatch& owner, std::uint64_t id) : m_owner(owner), m_id(id) {}
        ~Watch() { m_owner.end(m_id); }
        Watch(const Watch&) = delete;
        Watch& operator=(const Watch&) = delete;
        // True once the limit passed and the socket was shut down.
        bool fired() const { return m_owner.fired(m_id); }

    private:
        AnswerWatch& m_owner;
        std::uint64_t m_id;
    };

    // Watches `socket` (libpq's PQsocket) for the limit. The caller ends the watch before the
    // socket may close or serve another read.
    [[nodiscard]] Watch watch(int socket);
    std::chrono::milliseconds limit() const noexcept { return m_limit; }

private:
    using Clock = std::chrono::steady_clock;
    struct Entry {
        Clock::time_point deadline;
        int socket;
        bool fired = false;
    };

    void loop();
    void end(std::uint64_t id);
    bool fired(std::uint64_t id);

    const std::chrono::milliseconds m_limit;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::uint64_t, Entry> m_entries;  // by id: the oldest (earliest deadline) first
    std::uint64_t m_next = 0;
    bool m_stopping = false;
    std::thread m_thread;  // started last
};

}  // namespace renshe::services::store::detail::pg
