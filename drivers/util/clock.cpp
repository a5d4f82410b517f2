#include "drivers/util/clock.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <stdexcept>

namespace renshe::util {

namespace {

constexpr std::size_t kOffsetBytes = sizeof(std::int64_t);

std::runtime_error systemError(const std::string& what, const std::filesystem::path& path) {
    return std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

// Opens (creating, zero-filled) the offset file and maps its first 8 bytes shared.
void* mapOffset(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        throw systemError("cannot open clock offset file", path);
    struct stat st {};
    if (::fstat(fd, &st) != 0 ||
        (st.st_size < static_cast<off_t>(kOffsetBytes) && ::ftruncate(fd, kOffsetBytes) != 0)) {
        ::close(fd);
        throw systemError("cannot size clock offset file", path);
    }
    void* map = ::mmap(nullptr, kOffsetBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED)
        throw systemError("cannot map clock offset file", path);
    return map;
}

std::atomic_ref<std::int64_t> offsetAt(void* map) {
    return std::atomic_ref<std::int64_t>(*static_cast<std::int64_t*>(map));
}

std::string format(std::int64_t utcSeconds, const char* pattern) {
    const std::time_t t = static_cast<std::time_t>(chinaLocalSeconds(utcSeconds));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    const std::size_t n = std::strftime(buf, sizeof buf, pattern, &tm);
    return std::string(buf, n);
}

}  // namespace

std::int64_t SystemClock::nowMicros() const {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

const SystemClock& SystemClock::instance() {
    static const SystemClock clock;
    return clock;
}

OffsetClock::OffsetClock(const std::filesystem::path& offsetFile) : m_map(mapOffset(offsetFile)) {}

OffsetClock::~OffsetClock() {
    ::munmap(m_map, kOffsetBytes);
}

std::int64_t OffsetClock::nowMicros() const {
    return SystemClock::instance().nowMicros() + offsetAt(m_map).load(std::memory_order_acquire);
}

void OffsetClock::advance(const std::filesystem::path& offsetFile, std::int64_t micros) {
    void* map = mapOffset(offsetFile);
    offsetAt(map).fetch_add(micros, std::memory_order_acq_rel);
    ::munmap(map, kOffsetBytes);
}

std::string chinaDate(std::int64_t micros) {
    // Floor division: an instant before 1970 still falls on the right day.
    std::int64_t seconds = micros / 1'000'000;
    if (micros % 1'000'000 < 0)
        --seconds;
    return format(seconds, "%Y%m%d");
}

std::string chinaDateTime(std::int64_t utcSeconds) {
    return format(utcSeconds, "%Y-%m-%d %H:%M:%S");
}

}  // namespace renshe::util
