#include "drivers/util/log_buffer.hpp"

#include <pthread.h>

#include <utility>

namespace renshe::util {

LogBuffer::LogBuffer(Sink sink, std::size_t flushAt, std::size_t most,
                     std::chrono::milliseconds period)
    : m_sink(std::move(sink)), m_flushAt(flushAt), m_most(most), m_period(period) {
    m_writer = std::thread([this] {
        pthread_setname_np(pthread_self(), "log-writer");
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            m_wake.wait_for(lock, m_period,
                            [&] { return m_stopping || m_waiting.size() >= m_flushAt; });
            lock.unlock();
            flush();
            lock.lock();
        }
    });
}

LogBuffer::~LogBuffer() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_writer.join();
    flush();
}

void LogBuffer::append(std::string_view line) {
    bool full = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_waiting.size() + line.size() + 1 > m_most) {
            ++m_droppedSinceWrite;
            ++m_dropped;
            return;
        }
        m_waiting.append(line);
        m_waiting += '\n';
        full = m_waiting.size() >= m_flushAt;
    }
    if (full)
        m_wake.notify_one();
}

void LogBuffer::flush() {
    std::lock_guard writing(m_writing);
    std::string out;
    {
        std::lock_guard lock(m_mutex);
        out.swap(m_waiting);
        if (m_droppedSinceWrite > 0) {
            out += "{\"level\":\"warn\",\"event\":\"log_lines_dropped\",\"lines\":" +
                   std::to_string(m_droppedSinceWrite) + "}\n";
            m_droppedSinceWrite = 0;
        }
    }
    if (!out.empty())
        m_sink(out);
}

std::size_t LogBuffer::dropped() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

}  // namespace renshe::util
