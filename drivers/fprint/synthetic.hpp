// Synthetic fingerprints for libfprint's virtual_image sensor, so the real NBIS pipeline
// (mindtct minutiae detection, bozorth3 matching) runs in tests and in the demo.
//
// A finger is a seed. Its ridges are concentric ellipses around a core whose phase is bent
// by a few slow waves and wound once around each of ~30 points (a spiral phase): each winding
// ends or forks one ridge, i.e. a minutia that moves with the finger. The same seed shifted a
// few pixels scores well above bozorth3's threshold (40) against itself, other seeds close to
// zero. Deliberately no finger outline: its edge would give every finger the same false
// minutiae and make different fingers match.
//
// No GLib, no libfprint: the feeder speaks the virtual_image socket protocol directly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace renshe::drivers::fprint::synthetic {

// 8-bit grey, row-major, dark ridges on light valleys (what virtual_image expects).
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

// About the active area of a common press sensor at 500 dpi (13 x 16 mm).
constexpr int kDefaultWidth = 256;
constexpr int kDefaultHeight = 320;

// The finger `seed` placed on the sensor moved by (dx, dy) pixels from its centre.
Image image(std::uint64_t seed, int dx = 0, int dy = 0, int width = kDefaultWidth,
            int height = kDefaultHeight);

// The finger `seed` as presented the `attempt`-th time: a small, different displacement
// each time (within ±4 px), as a person places the same finger again.
Image presentation(std::uint64_t seed, int attempt, int width = kDefaultWidth,
                   int height = kDefaultHeight);

// One connection to libfprint's virtual_image socket (the path in FP_VIRTUAL_IMAGE; the socket
// exists while the device is open). Keep it for the device's lifetime: a new connection makes
// the driver drop the old one. Messages are two host-endian int32 then, for an image,
// width x height bytes; negative first values are control messages.
// Send an image only while the device waits for a finger (FingerStatus::waitingForFinger()):
// otherwise it lands in the wrong action. Throws std::system_error on socket failures.
class VirtualImageFeeder {
public:
    explicit VirtualImageFeeder(const std::string& socketPath);
    ~VirtualImageFeeder() noexcept;
    VirtualImageFeeder(VirtualImageFeeder&& other) noexcept;
    VirtualImageFeeder& operator=(VirtualImageFeeder&& other) noexcept;
    VirtualImageFeeder(const VirtualImageFeeder&) = delete;
    VirtualImageFeeder& operator=(const VirtualImageFeeder&) = delete;

    void send(const Image& image);
    void retry(int fpDeviceRetry);     // -1: the scan fails with this FP_DEVICE_RETRY_* reason
    void error(int fpDeviceError);     // -2: the operation fails with this FP_DEVICE_ERROR_*
    void automaticFinger(bool on);     // -3: images come with finger on/off (the default)
    void fingerPresent(bool present);  // -4: report the finger on or off by hand
    void unplug();                     // -5: the sensor disappears

private:
    void header(std::int32_t first, std::int32_t second);
    void writeAll(const void* data, std::size_t length);
    int m_fd = -1;
};

}  // namespace renshe::drivers::fprint::synthetic
