// Frame intervals taken only inside measurement windows (the display's transitions): the time
// from one presented frame to the next, the first frame of a window only starting the count.
// Fed from the render thread while another thread asks for the report. Plain C++ so that
// bench.display's floor window counts its frames the same way as the display.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace renshe::kiosk {

class FrameTimes {
public:
    using Clock = std::chrono::steady_clock;

    explicit FrameTimes(std::size_t maxSamples = 100'000) : m_maxSamples(maxSamples) {}

    // A window of `length` from `now`; a frame before the window's first one is not an interval.
    void openWindow(std::chrono::nanoseconds length, Clock::time_point now = Clock::now());
    void framePresented(Clock::time_point now = Clock::now());
    // {"frames":N,"p50":ms,"p99":ms}; empty before the first interval.
    std::string reportJson() const;

private:
    mutable std::mutex m_mutex;
    std::size_t m_maxSamples;
    Clock::time_point m_windowEnds{};
    std::optional<Clock::time_point> m_last;
    std::vector<double> m_ms;
};

}  // namespace renshe::kiosk
