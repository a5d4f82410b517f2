// Reader monitoring on the real pcscd: readers present at start, readers plugged in later
// (pcscd restarted with more vpcd entries), and the daemon going away and coming back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "drivers/pcsc/pcsc.hpp"
#include "tests/fixtures/pcscd.hpp"

namespace pcsc = renshe::drivers::pcsc;
using Kind = pcsc::ReaderEvent::Kind;
using namespace std::chrono_literals;
using renshe::testing::PrivatePcscd;

namespace {

// Collects events until `done` holds for what was collected, or `timeout` passes.
template <typename Done>
std::vector<pcsc::ReaderEvent> collect(pcsc::Monitor& m, Done done,
                                       std::chrono::milliseconds timeout = 10s) {
    std::vector<pcsc::ReaderEvent> all;
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (!done(all) && std::chrono::steady_clock::now() < end) {
        for (auto& e : m.next(500ms)) {
            all.push_back(std::move(e));
        }
    }
    return all;
}

bool has(const std::vector<pcsc::ReaderEvent>& events, Kind kind, const std::string& reader = {}) {
    return std::any_of(events.begin(), events.end(), [&](const auto& e) {
        return e.kind == kind && (reader.empty() || e.reader == reader);
    });
}

}  // namespace

TEST(PcscMonitor, ReportsReadersPresentAtStart) {
    PrivatePcscd pcscd;
    pcsc::Monitor monitor;
    const auto events = collect(
        monitor, [&](const auto& ev) { return has(ev, Kind::ReaderAdded, pcscd.readerName(1)); });
    EXPECT_TRUE(has(events, Kind::ReaderAdded, pcscd.readerName(0)));
    EXPECT_TRUE(has(events, Kind::ReaderAdded, pcscd.readerName(1)));
    EXPECT_FALSE(has(events, Kind::CardInserted));
}

TEST(PcscMonitor, QuietWhenNothingHappens) {
    PrivatePcscd pcscd;
    pcsc::Monitor monitor;
    collect(monitor,
            [&](const auto& ev) { return has(ev, Kind::ReaderAdded, pcscd.readerName(1)); });
    EXPECT_TRUE(monitor.next(300ms).empty());
}

TEST(PcscMonitor, SurvivesPcscdRestartAndSeesReadersPluggedInMeanwhile) {
    PrivatePcscd pcscd(1);
    pcsc::Monitor monitor;
    collect(monitor,
            [&](const auto& ev) { return has(ev, Kind::ReaderAdded, pcscd.readerName(1)); });

    pcscd.stop();
    const auto down =
        collect(monitor, [](const auto& ev) { return has(ev, Kind::ServiceStopped); });
    EXPECT_TRUE(has(down, Kind::ServiceStopped));
    EXPECT_TRUE(has(down, Kind::ReaderRemoved, pcscd.readerName(0)));

    pcscd.start(2);  // comes back with a second reader entry "plugged in"
    const auto up = collect(
        monitor, [&](const auto& ev) { return has(ev, Kind::ReaderAdded, pcscd.readerName(3)); });
    EXPECT_TRUE(has(up, Kind::ServiceRestored));
    EXPECT_TRUE(has(up, Kind::ReaderAdded, pcscd.readerName(0)));
    EXPECT_TRUE(has(up, Kind::ReaderAdded, pcscd.readerName(2)));
    EXPECT_TRUE(has(up, Kind::ReaderAdded, pcscd.readerName(3)));
}

TEST(PcscMonitor, StartsWithoutPcscdAndPicksItUpLater) {
    PrivatePcscd pcscd;
    pcscd.stop();
    pcsc::Monitor monitor;
    const auto down =
        collect(monitor, [](const auto& ev) { return has(ev, Kind::ServiceStopped); });
    ASSERT_TRUE(has(down, Kind::ServiceStopped));
    pcscd.start();
    const auto up = collect(
        monitor, [&](const auto& ev) { return has(ev, Kind::ReaderAdded, pcscd.readerName(1)); });
    EXPECT_TRUE(has(up, Kind::ServiceRestored));
}

TEST(PcscMonitor, CancelWakesABlockedWait) {
    PrivatePcscd pcscd;
    pcsc::Monitor monitor;
    collect(monitor,
            [&](const auto& ev) { return has(ev, Kind::ReaderAdded, pcscd.readerName(1)); });
    std::thread canceller([&] {
        // The wait must already be blocked when cancel() comes: real time is what is tested.
        std::this_thread::sleep_for(200ms);
        monitor.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    monitor.next(20s);
    canceller.join();
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}
