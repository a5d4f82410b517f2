// Log lines for a sink that may be slow (a back office's stderr, read by journald): any thread
// appends without waiting for the sink; a thread of the buffer's own writes what waits every
// `period`, or at once when `flushAt` bytes wait. So the threads that log (gRPC's, the store's
// syncer answering a group of writes) never stall behind a sink that lags. Past `most` bytes
// waiting (a sink that has stopped taking lines), lines are dropped and counted, and the count
// goes out as a line of its own with the next write.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace renshe::util {

class LogBuffer {
public:
    // `sink` gets whole lines, each ending in '\n', in the order appended; called by one
    // thread at a time; must not throw (it runs on the buffer's thread).
    using Sink = std::function<void(const std::string&)>;
    static constexpr std::size_t kFlushAt = 64 * 1024;
    static constexpr std::size_t kMost = 16 * 1024 * 1024;

    explicit LogBuffer(Sink sink, std::size_t flushAt = kFlushAt, std::size_t most = kMost,
                       std::chrono::milliseconds period = std::chrono::milliseconds(100));
    ~LogBuffer();  // writes what waits, then stops its thread
    LogBuffer(const LogBuffer&) = delete;
    LogBuffer& operator=(const LogBuffer&) = delete;

    // `line` without its '\n'.
    void append(std::string_view line);
    // Writes what waits now, on the caller's thread (which waits for the sink).
    void flush();
    // Lines dropped since the buffer was made.
    std::size_t dropped() const;

private:
    const Sink m_sink;
    const std::size_t m_flushAt, m_most;
    const std::chrono::milliseconds m_period;
    mutable std::mutex m_mutex;  // guards the fields below
    std::string m_waiting;
    std::size_t m_droppedSinceWrite = 0, m_dropped = 0;
    bool m_stopping = false;
    std::condition_variable m_wake;
    std::mutex m_writing;  // one write at a time, so lines keep their order
    std::thread m_writer;
};

}  // namespace renshe::util
