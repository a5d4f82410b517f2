// The ID card's photo is 1024 bytes compressed with a licensed algorithm (WLT); only a
// licensed decoder turns it into a picture, so none ships with renshe-kiosk and nothing in
// the kiosk depends on the photo. An operator who has a licensed decoder installs it as a
// shared library (a thin shim around the vendor's) exporting, with C linkage,
//
//   int renshe_wlt_decode(const unsigned char* wlt, size_t wlt_size,
//                         unsigned char* bmp, size_t* bmp_size);
//
// returning 0 on success with the BMP file in `bmp` (*bmp_size: capacity in, bytes out), and
// anything else when the data cannot be decoded. PhotoDecoder loads it at run time (dlopen).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "drivers/idcard/frame.hpp"

namespace renshe::drivers::idcard {

class PhotoDecoder {
public:
    // The decoder in library `path`; nullptr (and `why`, if given) when the library cannot be
    // loaded or does not export renshe_wlt_decode.
    static std::unique_ptr<PhotoDecoder> load(const std::string& path, std::string* why = nullptr);
    ~PhotoDecoder();
    PhotoDecoder(const PhotoDecoder&) = delete;
    PhotoDecoder& operator=(const PhotoDecoder&) = delete;

    // The photo as a BMP file; nullopt when the decoder refuses the data.
    std::optional<Bytes> decode(std::span<const std::uint8_t> wlt) const;

private:
    using Fn = int (*)(const unsigned char*, std::size_t, unsigned char*, std::size_t*);
    PhotoDecoder(void* handle, Fn fn) : m_handle(handle), m_fn(fn) {}
    void* m_handle;
    Fn m_fn;
};

}  // namespace renshe::drivers::idcard
