// The one clock (drivers/util/clock.hpp): China dates whatever the host's zone, and the offset
// clock a test moves instead of sleeping, seen across processes through its mapped file.
#include "drivers/util/clock.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include "tests/fixtures/temp_dir.hpp"

namespace util = renshe::util;

namespace {

constexpr std::int64_t kSecond = 1'000'000;

}  // namespace

TEST(ChinaTime, DatesTurnAtMidnightChinaTimeNotUtc) {
    EXPECT_EQ(util::chinaDate(0), "19700101");
    EXPECT_EQ(util::chinaDate((16 * 3600 - 1) * kSecond), "19700101");  // 23:59:59 CST
    EXPECT_EQ(util::chinaDate(16 * 3600 * kSecond), "19700102");        // 00:00 CST
    // 2026-12-31T16:00:00Z is New Year's Day in China.
    EXPECT_EQ(util::chinaDate(1798732800LL * kSecond), "20270101");
}

TEST(ChinaTime, InstantsBeforeTheEpochFallOnTheRightDay) {
    // 1969-12-31T15:59:59.5Z = 23:59:59.5 CST on 1969-12-31.
    EXPECT_EQ(util::chinaDate(-8 * 3600 * kSecond - kSecond / 2), "19691231");
}

TEST(ChinaTime, DateTimeIsChinaWallClock) {
    EXPECT_EQ(util::chinaDateTime(0), "1970-01-01 08:00:00");
    EXPECT_EQ(util::chinaDateTime(1798732800LL), "2027-01-01 00:00:00");
    EXPECT_EQ(util::chinaLocalSeconds(0), 8 * 3600);
}

TEST(ManualClock, StandsStillUntilMoved) {
    util::ManualClock clock(1000);
    EXPECT_EQ(clock.nowMicros(), 1000);
    EXPECT_EQ(clock.nowMicros(), 1000);
    clock.advance(5 * kSecond);
    EXPECT_EQ(clock.nowMicros(), 1000 + 5 * kSecond);
    clock.set(7);
    EXPECT_EQ(clock.nowMicros(), 7);
}

TEST(SystemClock, FollowsTheSystemTime) {
    const auto system = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    const auto ours = util::SystemClock::instance().nowMicros();
    EXPECT_GE(ours, system);
    EXPECT_LT(ours - system, 5 * kSecond);
}

TEST(OffsetClock, StartsAtRealTimeAndMovesWhenAdvanced) {
    renshe::testing::TempDir dir("clock");
    const auto file = dir / "clock";
    util::OffsetClock clock(file);
    const auto before = util::SystemClock::instance().nowMicros();
    EXPECT_GE(clock.nowMicros(), before);
    EXPECT_LT(clock.nowMicros() - before, 5 * kSecond);

    util::OffsetClock::advance(file, 3600 * kSecond);
    const auto moved = clock.nowMicros() - util::SystemClock::instance().nowMicros();
    EXPECT_GE(moved, 3600 * kSecond - kSecond);
    EXPECT_LE(moved, 3600 * kSecond + kSecond);

    // A second clock on the same file (another process's view) sees the same offset, and the
    // offsets add up.
    util::OffsetClock other(file);
    util::OffsetClock::advance(file, 60 * kSecond);
    const auto a = clock.nowMicros() - util::SystemClock::instance().nowMicros();
    const auto b = other.nowMicros() - util::SystemClock::instance().nowMicros();
    EXPECT_NEAR(static_cast<double>(a), static_cast<double>(3660 * kSecond), 1.0 * kSecond);
    EXPECT_NEAR(static_cast<double>(b), static_cast<double>(3660 * kSecond), 1.0 * kSecond);
}

TEST(OffsetClock, AnAdvanceInAnotherProcessIsSeenAtOnce) {
    renshe::testing::TempDir dir("clock");
    const auto file = dir / "clock";
    util::OffsetClock clock(file);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        util::OffsetClock::advance(file, 86400 * kSecond);
        ::_exit(0);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    const auto moved = clock.nowMicros() - util::SystemClock::instance().nowMicros();
    EXPECT_GE(moved, 86400 * kSecond - kSecond);
}

TEST(OffsetClock, AnUnusableFileIsAnError) {
    EXPECT_THROW(util::OffsetClock("/nonexistent-dir/clock"), std::runtime_error);
}
