// toHex/fromHex of store.hpp: no database, so readers of outside input (the registry import)
// and their fuzz targets use them alone.
#include <stdexcept>
#include <string>
#include <string_view>

#include "services/store/store.hpp"

namespace renshe::services::store {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

std::string toHex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(bytes.size() * 2, '\0');  // written in place: no push_back a character
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        out[2 * i] = kDigits[b >> 4];
        out[2 * i + 1] = kDigits[b & 0x0f];
    }
    return out;
}

std::string fromHex(std::string_view hex) {
    if (hex.size() % 2 != 0) {
        throw std::invalid_argument("hex text of odd length");
    }
    std::string out(hex.size() / 2, '\0');
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = hexDigit(hex[2 * i]);
        const int lo = hexDigit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            throw std::invalid_argument("not a hex digit");
        }
        out[i] = static_cast<char>((hi << 4) | lo);
    }
    return out;
}

}  // namespace renshe::services::store
