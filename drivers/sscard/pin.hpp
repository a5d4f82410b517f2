// A PIN held in memory only as long as needed: never printed, wiped on destruction.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "drivers/sscard/codec.hpp"

namespace renshe::drivers::sscard {

class Pin {
public:
    // Nullopt unless exactly 6 ASCII digits.
    static std::optional<Pin> fromDigits(std::string_view digits);
    ~Pin();
    Pin(const Pin&);
    Pin& operator=(const Pin&);

    // 3 bytes of packed BCD, as VERIFY / CHANGE PIN send it.
    std::array<std::uint8_t, 3> bcd() const;
    bool operator==(const Pin& other) const;

private:
    Pin() = default;
    std::array<char, 6> m_digits{};
};

enum class WeakPinReason {
    InitialPin,  // 123456, the issuer's initial PIN
    AllSame,     // 000000, 888888
    Sequence,    // 123456, 654321, 234567 ...
    BirthDate,   // YYMMDD or MMDDYY of the holder's birth date
    SameAsOld,   // the new PIN is the old one
};

// Why a new PIN would be refused before anything is sent to the card; nullopt if it is fine.
std::optional<WeakPinReason> weakPinReason(const Pin& newPin, const std::optional<Date>& birthDate,
                                           const std::optional<Pin>& oldPin = std::nullopt);

}  // namespace renshe::drivers::sscard
