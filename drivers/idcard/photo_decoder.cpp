#include "drivers/idcard/photo_decoder.hpp"

#include <dlfcn.h>

namespace renshe::drivers::idcard {

namespace {
// A 102×126 24-bit photo is 38,862 bytes as BMP; room for a decoder that pads or adds a
// larger header.
constexpr std::size_t kBmpCapacity = 64 * 1024;
}  // namespace

std::unique_ptr<PhotoDecoder> PhotoDecoder::load(const std::string& path, std::string* why) {
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        if (why)
            *why = ::dlerror();
        return nullptr;
    }
    auto* fn = reinterpret_cast<Fn>(::dlsym(handle, "renshe_wlt_decode"));
    if (!fn) {
        if (why)
            *why = path + ": no renshe_wlt_decode";
        ::dlclose(handle);
        return nullptr;
    }
    return std::unique_ptr<PhotoDecoder>(new PhotoDecoder(handle, fn));
}

PhotoDecoder::~PhotoDecoder() {
    ::dlclose(m_handle);
}

std::optional<Bytes> PhotoDecoder::decode(std::span<const std::uint8_t> wlt) const {
    Bytes bmp(kBmpCapacity);
    std::size_t size = bmp.size();
    if (m_fn(wlt.data(), wlt.size(), bmp.data(), &size) != 0 || size == 0 || size > bmp.size())
        return std::nullopt;
    bmp.resize(size);
    return bmp;
}

}  // namespace renshe::drivers::idcard
