#include "drivers/fprint/synthetic.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <numbers>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace renshe::drivers::fprint::synthetic {

namespace {

// splitmix64: the same fingers on every platform and standard library (the <random>
// distributions are implementation-defined).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed ^ 0x5EED'F1A6'E2B0'0C7DULL) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E37'79B9'7F4A'7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58'476D'1CE4'E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D0'49BB'1331'11EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double range(double lo, double hi) { return lo + (hi - lo) * uniform(); }

private:
    std::uint64_t m_state;
};

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr int kMinutiae = 30;
constexpr int kWaves = 3;
// Where the minutiae lie, in finger coordinates around the sensor centre: inside the default
// image with a margin, so most of them are seen whatever the displacement.
constexpr double kSpreadX = 108.0;
constexpr double kSpreadY = 136.0;
constexpr double kMinDistance = 22.0;  // about 2.5 ridge periods: windings must not cancel
constexpr double kCoreClearance = 26.0;

struct FingerModel {
    double coreX, coreY;
    double cosAngle, sinAngle;
    double aspect;      // ellipse axis ratio
    double wavenumber;  // 2π / ridge period
    struct Wave {
        double kx, ky, amplitude, phase;
    };
    std::array<Wave, kWaves> waves;
    struct Winding {
        double x, y, sign;
    };
    std::vector<Winding> windings;
};

FingerModel makeFinger(std::uint64_t seed) {
    Rng rng(seed);
    FingerModel f{};
    f.coreX = rng.range(-18.0, 18.0);
    f.coreY = rng.range(-24.0, 24.0);
    const double angle = rng.range(-0.5, 0.5);
    f.cosAngle = std::cos(angle);
    f.sinAngle = std::sin(angle);
    f.aspect = rng.range(1.25, 1.7);
    f.wavenumber = kTwoPi / rng.range(8.4, 9.8);
    for (auto& w : f.waves) {
        const double direction = rng.range(0.0, kTwoPi);
        const double k = kTwoPi / rng.range(140.0, 320.0);
        w = {k * std::cos(direction), k * std::sin(direction), rng.range(1.0, 2.6),
             rng.range(0.0, kTwoPi)};
    }
    int attempts = 0;
    while (static_cast<int>(f.windings.size()) < kMinutiae && attempts++ < 10000) {
        const double x = rng.range(-kSpreadX, kSpreadX);
        const double y = rng.range(-kSpreadY, kSpreadY);
        const double sign = (rng.next() & 1U) != 0 ? 1.0 : -1.0;
        if (std::hypot(x - f.coreX, y - f.coreY) < kCoreClearance) {
            continue;
        }
        const bool crowded = std::any_of(f.windings.begin(), f.windings.end(), [&](const auto& m) {
            return std::hypot(x - m.x, y - m.y) < kMinDistance;
        });
        if (!crowded) {
            f.windings.push_back({x, y, sign});
        }
    }
    return f;
}

// Ridge phase at finger coordinates (u, v).
double phase(const FingerModel& f, double u, double v) {
    const double du = u - f.coreX;
    const double dv = v - f.coreY;
    const double p = du * f.cosAngle + dv * f.sinAngle;
    const double q = (-du * f.sinAngle + dv * f.cosAngle) / f.aspect;
    double phi = f.wavenumber * std::sqrt(p * p + q * q);
    for (const auto& w : f.waves) {
        phi += w.amplitude * std::sin(w.kx * u + w.ky * v + w.phase);
    }
    for (const auto& m : f.windings) {
        phi += m.sign * std::atan2(v - m.y, u - m.x);
    }
    return phi;
}

// A little sensor noise, fixed per pixel position on the sensor (not per finger).
int noise(int x, int y) {
    std::uint32_t h =
        static_cast<std::uint32_t>(x) * 0x9E37'79B1U ^ static_cast<std::uint32_t>(y) * 0x85EB'CA77U;
    h ^= h >> 15;
    h *= 0x2C1B'3C6DU;
    h ^= h >> 12;
    return static_cast<int>(h % 13U) - 6;
}

}  // namespace

Image image(std::uint64_t seed, int dx, int dy, int width, int height) {
    if (width <= 0 || height <= 0 || width > 5000 || height > 5000) {
        throw std::invalid_argument("synthetic::image: size out of range");
    }
    const FingerModel finger = makeFinger(seed);
    Image out{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height)};
    const double originX = width / 2.0 + dx;
    const double originY = height / 2.0 + dy;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const double c = std::cos(phase(finger, x - originX, y - originY));
            const int grey = static_cast<int>(std::lround(128.0 - 100.0 * c)) + noise(x, y);
            out.pixels[static_cast<std::size_t>(y) * width + x] =
                static_cast<std::uint8_t>(std::clamp(grey, 0, 255));
        }
    }
    return out;
}

Image presentation(std::uint64_t seed, int attempt, int width, int height) {
    static constexpr std::array<std::pair<int, int>, 8> kOffsets{
        {{0, 0}, {3, -2}, {-2, 3}, {4, 2}, {-3, -4}, {2, 4}, {-4, 1}, {1, -3}}};
    const auto& [dx, dy] = kOffsets[static_cast<std::size_t>(attempt) % kOffsets.size()];
    return image(seed, dx, dy, width, height);
}

// ---------------------------------------------------------------- VirtualImageFeeder

VirtualImageFeeder::VirtualImageFeeder(const std::string& socketPath) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (socketPath.size() >= sizeof address.sun_path) {
        throw std::system_error(ENAMETOOLONG, std::generic_category(), socketPath);
    }
    std::memcpy(address.sun_path, socketPath.c_str(), socketPath.size() + 1);
    m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        throw std::system_error(errno, std::generic_category(), "socket");
    }
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        const int err = errno;
        ::close(m_fd);
        m_fd = -1;
        throw std::system_error(err, std::generic_category(), "connect " + socketPath);
    }
}

VirtualImageFeeder::~VirtualImageFeeder() noexcept {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

VirtualImageFeeder::VirtualImageFeeder(VirtualImageFeeder&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)) {}

VirtualImageFeeder& VirtualImageFeeder::operator=(VirtualImageFeeder&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

void VirtualImageFeeder::writeAll(const void* data, std::size_t length) {
    const auto* p = static_cast<const char*>(data);
    while (length > 0) {
        const ssize_t n = ::send(m_fd, p, length, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw std::system_error(errno, std::generic_category(), "virtual_image send");
        }
        p += n;
        length -= static_cast<std::size_t>(n);
    }
}

void VirtualImageFeeder::header(std::int32_t first, std::int32_t second) {
    const std::int32_t h[2] = {first, second};
    writeAll(h, sizeof h);
}

void VirtualImageFeeder::send(const Image& image) {
    if (image.pixels.size() != static_cast<std::size_t>(image.width) * image.height) {
        throw std::invalid_argument("VirtualImageFeeder::send: pixels do not fit the size");
    }
    header(image.width, image.height);
    writeAll(image.pixels.data(), image.pixels.size());
}

void VirtualImageFeeder::retry(int fpDeviceRetry) {
    header(-1, fpDeviceRetry);
}
void VirtualImageFeeder::error(int fpDeviceError) {
    header(-2, fpDeviceError);
}
void VirtualImageFeeder::automaticFinger(bool on) {
    header(-3, on ? 1 : 0);
}
void VirtualImageFeeder::fingerPresent(bool present) {
    header(-4, present ? 1 : 0);
}
void VirtualImageFeeder::unplug() {
    header(-5, 0);
}

}  // namespace renshe::drivers::fprint::synthetic
