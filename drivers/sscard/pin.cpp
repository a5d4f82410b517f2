#include "drivers/sscard/pin.hpp"

#include <openssl/crypto.h>

#include <cstdio>
#include <string>

namespace renshe::drivers::sscard {

std::optional<Pin> Pin::fromDigits(std::string_view digits) {
    if (digits.size() != 6) {
        return std::nullopt;
    }
    Pin pin;
    for (std::size_t i = 0; i < 6; ++i) {
        if (digits[i] < '0' || digits[i] > '9') {
            return std::nullopt;
        }
        pin.m_digits[i] = digits[i];
    }
    return pin;
}

Pin::~Pin() {
    OPENSSL_cleanse(m_digits.data(), m_digits.size());
}
Pin::Pin(const Pin& other) : m_digits(other.m_digits) {}
Pin& Pin::operator=(const Pin& other) {
    m_digits = other.m_digits;
    return *this;
}

std::array<std::uint8_t, 3> Pin::bcd() const {
    std::array<std::uint8_t, 3> out{};
    for (std::size_t i = 0; i < 3; ++i) {
        out[i] =
            static_cast<std::uint8_t>((m_digits[2 * i] - '0') << 4 | (m_digits[2 * i + 1] - '0'));
    }
    return out;
}

bool Pin::operator==(const Pin& other) const {
    return CRYPTO_memcmp(m_digits.data(), other.m_digits.data(), 6) == 0;
}

std::optional<WeakPinReason> weakPinReason(const Pin& newPin, const std::optional<Date>& birthDate,
                                           const std::optional<Pin>& oldPin) {
    const auto bcd = newPin.bcd();
    int d[6];
    for (int i = 0; i < 3; ++i) {
        d[2 * i] = bcd[static_cast<std::size_t>(i)] >> 4;
        d[2 * i + 1] = bcd[static_cast<std::size_t>(i)] & 0x0F;
    }
    if (newPin == *Pin::fromDigits(profile::kInitialPin)) {
        return WeakPinReason::InitialPin;
    }
    if (oldPin && newPin == *oldPin) {
        return WeakPinReason::SameAsOld;
    }
    bool same = true, up = true, down = true;
    for (int i = 1; i < 6; ++i) {
        same = same && d[i] == d[0];
        up = up && d[i] == (d[i - 1] + 1) % 10;
        down = down && d[i] == (d[i - 1] + 9) % 10;
    }
    if (same) {
        return WeakPinReason::AllSame;
    }
    if (up || down) {
        return WeakPinReason::Sequence;
    }
    if (birthDate) {
        char yymmdd[8], mmddyy[8], ddmmyy[8];
        std::snprintf(yymmdd, sizeof yymmdd, "%02d%02d%02d", birthDate->year % 100,
                      birthDate->month, birthDate->day);
        std::snprintf(mmddyy, sizeof mmddyy, "%02d%02d%02d", birthDate->month, birthDate->day,
                      birthDate->year % 100);
        std::snprintf(ddmmyy, sizeof ddmmyy, "%02d%02d%02d", birthDate->day, birthDate->month,
                      birthDate->year % 100);
        for (const char* candidate : {yymmdd, mmddyy, ddmmyy}) {
            if (newPin == *Pin::fromDigits(candidate)) {
                return WeakPinReason::BirthDate;
            }
        }
    }
    return std::nullopt;
}

}  // namespace renshe::drivers::sscard
