// FrameTimes: only intervals between frames inside a window count, the first frame of a
// window starts the count, and the report's percentiles are those of the counted intervals.
#include "kiosk/frame_times.hpp"

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using renshe::kiosk::FrameTimes;

TEST(FrameTimes, NothingToReportBeforeTheFirstInterval) {
    FrameTimes f;
    const auto t0 = FrameTimes::Clock::time_point{} + 1h;
    EXPECT_EQ(f.reportJson(), "");
    f.framePresented(t0);  // no window open
    f.openWindow(600ms, t0);
    f.framePresented(t0 + 10ms);  // the window's first frame: no interval yet
    EXPECT_EQ(f.reportJson(), "");
}

TEST(FrameTimes, CountsIntervalsInsideWindowsOnly) {
    FrameTimes f;
    const auto t0 = FrameTimes::Clock::time_point{} + 1h;
    f.openWindow(600ms, t0);
    for (int i = 0; i <= 30; ++i)
        f.framePresented(t0 + i * 16ms);  // 30 intervals of 16 ms
    f.framePresented(t0 + 900ms);         // after the window: ignored
    f.framePresented(t0 + 2000ms);
    f.openWindow(600ms, t0 + 3000ms);
    f.framePresented(t0 + 3040ms);  // the gap since the last window's frame is not an interval
    f.framePresented(t0 + 3090ms);  // one slow frame of 50 ms
    EXPECT_EQ(f.reportJson(), R"({"frames":31,"p50":16.00,"p99":50.00})");
}

TEST(FrameTimes, KeepsAtMostItsSampleLimit) {
    FrameTimes f(5);
    const auto t0 = FrameTimes::Clock::time_point{} + 1h;
    f.openWindow(1s, t0);
    for (int i = 0; i <= 20; ++i)
        f.framePresented(t0 + i * 20ms);
    EXPECT_EQ(f.reportJson(), R"({"frames":5,"p50":20.00,"p99":20.00})");
}
