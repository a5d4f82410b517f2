// Decoding and encoding of the card's record values: TLV records, packed BCD, padded ASCII,
// GBK text. Pure functions over bytes (fuzzed in tests/fuzz).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "drivers/sscard/profile.hpp"

namespace renshe::drivers::sscard {

using Bytes = std::vector<std::uint8_t>;

// A record value that does not follow the profile.
class MalformedRecord : public std::runtime_error {
public:
    MalformedRecord(std::string_view key, const std::string& why)
        : std::runtime_error(std::string(key) + ": " + why), m_key(key) {}
    const std::string& key() const { return m_key; }

private:
    std::string m_key;
};

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    std::string iso() const;      // YYYY-MM-DD
    std::string compact() const;  // YYYYMMDD
    bool valid() const;
    auto operator<=>(const Date&) const = default;
};

// The value of one READ RECORD answer: checks tag = record number and length, returns value.
Bytes parseRecordTlv(const profile::Record& record, std::span<const std::uint8_t> answer);

// Packed BCD digits, stopping at the first F nibble (right padding). Throws on other nibbles.
std::string decodeBcd(std::span<const std::uint8_t> value, std::string_view key);
Bytes encodeBcd(std::string_view digits, std::size_t length);  // right-padded with F

// ASCII with right padding ('0' for numeric-looking, 0x00/0x20/0xFF anywhere) removed.
std::string decodeAlnum(std::span<const std::uint8_t> value, std::string_view key);

// GBK (GB 18030 subset) to UTF-8; trailing 0x00/0x20/0xFF padding removed.
std::string gbkToUtf8(std::span<const std::uint8_t> value, std::string_view key);
Bytes utf8ToGbk(std::string_view utf8, std::size_t length);  // right-padded with 0x00

Date decodeDate(std::span<const std::uint8_t> value, std::string_view key);

}  // namespace renshe::drivers::sscard
