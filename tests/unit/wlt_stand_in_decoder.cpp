// A stand-in for a licensed WLT photo decoder, to test that renshe-kiosk loads one at run time
// (drivers/idcard/photo_decoder.hpp). It does NOT decode WLT: it paints a 102×126 grey BMP
// from the bytes it is given, and refuses data that does not look like the simulator's photo
// (1024 bytes starting "WL").
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

void le32(unsigned char* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int renshe_wlt_decode(const unsigned char* wlt,
                                                                        std::size_t wltSize,
                                                                        unsigned char* bmp,
                                                                        std::size_t* bmpSize) {
    constexpr std::uint32_t kW = 102, kH = 126, kRow = (kW * 3 + 3) & ~3u;
    constexpr std::uint32_t kSize = 54 + kRow * kH;
    if (wltSize != 1024 || wlt[0] != 'W' || wlt[1] != 'L' || *bmpSize < kSize)
        return 1;
    std::memset(bmp, 0, kSize);
    bmp[0] = 'B';
    bmp[1] = 'M';
    le32(bmp + 2, kSize);
    le32(bmp + 10, 54);
    le32(bmp + 14, 40);
    le32(bmp + 18, kW);
    le32(bmp + 22, kH);
    bmp[26] = 1;
    bmp[28] = 24;
    le32(bmp + 34, kRow * kH);
    for (std::uint32_t y = 0; y < kH; ++y) {
        for (std::uint32_t x = 0; x < kW; ++x) {
            const unsigned char g = wlt[(y * kW + x) % wltSize];
            unsigned char* px = bmp + 54 + y * kRow + x * 3;
            px[0] = px[1] = px[2] = g;
        }
    }
    *bmpSize = kSize;
    return 0;
}
