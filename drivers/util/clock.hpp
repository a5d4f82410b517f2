// The one clock and the one China-time helper every layer reads.
//
// Domain code never asks the system for the time: it is given a Clock, so a test moves time
// forward instead of sleeping. China Standard Time (北京时间) is UTC+8 all year (no daylight
// saving); dates a citizen or a clerk reads (card expiry, certification deadlines, receipts,
// schedules) are China dates whatever the host's time zone.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>

namespace renshe::util {

// China Standard Time's offset from UTC.
inline constexpr std::int64_t kChinaUtcOffsetSeconds = 8 * 3600;
// Microseconds in a second (the stores' and the protocol's times are microseconds).
inline constexpr std::int64_t kMicrosPerSecond = 1'000'000;

class Clock {
public:
    virtual ~Clock() = default;
    // Microseconds since the Unix epoch.
    virtual std::int64_t nowMicros() const = 0;
};

// The system's real time.
class SystemClock final : public Clock {
public:
    std::int64_t nowMicros() const override;
    // The process-wide instance.
    static const SystemClock& instance();
};

// The system's real time plus an offset a test moves forward instead of sleeping: the offset
// (signed 64-bit microseconds, host byte order) is the first 8 bytes of `offsetFile`, mapped
// shared, so a write by the test process is seen by the very next read here. Only test
// builds start the back office with one (--test-clock-file).
class OffsetClock final : public Clock {
public:
    // Creates the file (offset 0) if it is missing. Throws std::runtime_error.
    explicit OffsetClock(const std::filesystem::path& offsetFile);
    ~OffsetClock() override;
    OffsetClock(const OffsetClock&) = delete;
    OffsetClock& operator=(const OffsetClock&) = delete;
    std::int64_t nowMicros() const override;

    // For the test's side: moves the clock of whoever maps `offsetFile` forward by `micros`.
    static void advance(const std::filesystem::path& offsetFile, std::int64_t micros);

private:
    void* m_map = nullptr;
};

// A clock that stands still until moved (tests in one process; safe to move from one thread
// while another reads it).
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t startMicros) : m_now(startMicros) {}
    std::int64_t nowMicros() const override { return m_now.load(std::memory_order_relaxed); }
    void advance(std::int64_t micros) { m_now.fetch_add(micros, std::memory_order_relaxed); }
    void set(std::int64_t micros) { m_now.store(micros, std::memory_order_relaxed); }

private:
    std::atomic<std::int64_t> m_now;
};

// Seconds since the epoch shifted to China Standard Time: gmtime() of it gives the China
// calendar date and wall-clock time.
inline std::int64_t chinaLocalSeconds(std::int64_t utcSeconds) {
    return utcSeconds + kChinaUtcOffsetSeconds;
}
// "YYYYMMDD" of the instant in China Standard Time.
std::string chinaDate(std::int64_t micros);
// "YYYY-MM-DD HH:MM:SS" of the instant in China Standard Time.
std::string chinaDateTime(std::int64_t utcSeconds);

}  // namespace renshe::util
