// util::LogBuffer: lines reach the sink whole and in order, from its own thread; a thread that
// logs never waits for a sink that has stopped taking lines; past the bound, lines are dropped
// and the count is written once the sink takes lines again.
#include "drivers/util/log_buffer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using renshe::util::LogBuffer;

namespace {

// A sink that keeps what it gets, and can be made to stop taking lines until released.
class Sink {
public:
    LogBuffer::Sink sink() {
        return [this](const std::string& lines) {
            if (m_stuck)
                m_release.wait();
            std::lock_guard lock(m_mutex);
            m_text += lines;
            m_threads.push_back(std::this_thread::get_id());
        };
    }
    void stick() { m_stuck = true; }
    void release() { m_release.count_down(); }
    std::string text() const {
        std::lock_guard lock(m_mutex);
        return m_text;
    }
    std::vector<std::thread::id> threads() const {
        std::lock_guard lock(m_mutex);
        return m_threads;
    }

private:
    mutable std::mutex m_mutex;
    std::string m_text;
    std::vector<std::thread::id> m_threads;
    std::atomic<bool> m_stuck{false};
    std::latch m_release{1};
};

TEST(LogBuffer, LinesReachTheSinkWholeAndInOrderFromItsOwnThread) {
    Sink sink;
    {
        LogBuffer log(sink.sink(), 1024, 1 << 20, 20ms);
        for (int i = 0; i < 1000; ++i)
            log.append("line " + std::to_string(i));
        std::this_thread::sleep_for(100ms);
        for (const auto& id : sink.threads())
            EXPECT_NE(id, std::this_thread::get_id());
    }
    std::string expected;
    for (int i = 0; i < 1000; ++i)
        expected += "line " + std::to_string(i) + "\n";
    EXPECT_EQ(sink.text(), expected);
}

TEST(LogBuffer, AStuckSinkHoldsNoThreadThatLogsAndDroppedLinesAreCounted) {
    Sink sink;
    sink.stick();
    LogBuffer log(sink.sink(), 1024, 64 * 1024, 20ms);
    const std::string line(99, 'x');  // 100 bytes with its '\n'
    // 200 KiB appended while the sink takes nothing: never waits, keeps what fits.
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 2048; ++i)
        log.append(line);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s) << "appending waited for the sink";
    EXPECT_GT(log.dropped(), 0U);
    const std::size_t dropped = log.dropped();
    sink.release();
    log.flush();
    log.flush();  // the first may have found the writer's batch only
    const std::string text = sink.text();
    EXPECT_NE(text.find("\"event\":\"log_lines_dropped\",\"lines\":" + std::to_string(dropped)),
              std::string::npos)
        << text.substr(text.size() > 200 ? text.size() - 200 : 0);
    std::size_t kept = 0;
    for (std::size_t at = text.find(line); at != std::string::npos; at = text.find(line, at + 1))
        ++kept;
    EXPECT_EQ(kept + dropped, 2048U);
}

}  // namespace
