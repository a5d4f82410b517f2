#include "drivers/sscard/codec.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <memory>

namespace renshe::drivers::sscard {

namespace {

bool isPadding(std::uint8_t b) {
    return b == 0x00 || b == 0x20 || b == 0xFF;
}

std::string convert(const char* to, const char* from, std::span<const std::uint8_t> in,
                    std::string_view key) {
    iconv_t cd = iconv_open(to, from);
    // (iconv_t)-1 is iconv_open's documented failure value.
    if (cd == reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr)
        throw std::runtime_error(std::string("iconv cannot convert ") + from + " to " + to);
    }
    std::unique_ptr<void, int (*)(iconv_t)> guard(cd, &iconv_close);
    std::string out(in.size() * 4 + 8, '\0');
    char* src = const_cast<char*>(reinterpret_cast<const char*>(in.data()));
    std::size_t srcLeft = in.size();
    char* dst = out.data();
    std::size_t dstLeft = out.size();
    if (iconv(cd, &src, &srcLeft, &dst, &dstLeft) == static_cast<std::size_t>(-1)) {
        throw MalformedRecord(key, std::string("not valid ") + from + " text");
    }
    out.resize(out.size() - dstLeft);
    return out;
}

}  // namespace

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::compact() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
    return buf;
}

bool Date::valid() const {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + ((month == 2 && leap) ? 1 : 0);
}

Bytes parseRecordTlv(const profile::Record& record, std::span<const std::uint8_t> answer) {
    if (answer.size() < 2) {
        throw MalformedRecord(record.key, "record shorter than its tag and length");
    }
    if (answer[0] != record.number) {
        throw MalformedRecord(record.key, "record tag " + std::to_string(answer[0]) + " where " +
                                              std::to_string(record.number) + " was asked for");
    }
    const std::size_t length = answer[1];
    if (length != record.length || answer.size() < 2 + length) {
        throw MalformedRecord(record.key, "length " + std::to_string(length) + " (" +
                                              std::to_string(answer.size() - 2) +
                                              " bytes present), profile says " +
                                              std::to_string(record.length));
    }
    return Bytes(answer.begin() + 2, answer.begin() + 2 + static_cast<std::ptrdiff_t>(length));
}

std::string decodeBcd(std::span<const std::uint8_t> value, std::string_view key) {
    std::string digits;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const int nibbles[2] = {value[i] >> 4, value[i] & 0x0F};
        for (int n = 0; n < 2; ++n) {
            if (nibbles[n] == 0x0F) {
                // Right padding: the rest of this byte and every later byte are F.
                const bool restOfByte = n == 1 || nibbles[1] == 0x0F;
                for (std::size_t k = i + 1; k < value.size() && restOfByte; ++k) {
                    if (value[k] != 0xFF) {
                        throw MalformedRecord(key, "BCD digits after F padding");
                    }
                }
                if (!restOfByte) {
                    throw MalformedRecord(key, "BCD digits after F padding");
                }
                return digits;
            }
            if (nibbles[n] > 9) {
                throw MalformedRecord(key, "not a BCD digit");
            }
            digits.push_back(static_cast<char>('0' + nibbles[n]));
        }
    }
    return digits;
}

Bytes encodeBcd(std::string_view digits, std::size_t length) {
    Bytes out(length, 0xFF);
    for (std::size_t i = 0; i < digits.size() && i / 2 < length; ++i) {
        if (digits[i] < '0' || digits[i] > '9') {
            throw std::invalid_argument("BCD takes digits only");
        }
        const auto d = static_cast<std::uint8_t>(digits[i] - '0');
        auto& b = out[i / 2];
        b = (i % 2 == 0) ? static_cast<std::uint8_t>((d << 4) | 0x0F)
                         : static_cast<std::uint8_t>((b & 0xF0) | d);
    }
    return out;
}

std::string decodeAlnum(std::span<const std::uint8_t> value, std::string_view key) {
    std::size_t end = value.size();
    while (end > 0 && isPadding(value[end - 1])) {
        --end;
    }
    std::string out;
    for (std::size_t i = 0; i < end; ++i) {
        const std::uint8_t c = value[i];
        if (c < 0x20 || c > 0x7E) {
            throw MalformedRecord(key, "non-printable byte in a text field");
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

std::string gbkToUtf8(std::span<const std::uint8_t> value, std::string_view key) {
    std::size_t end = value.size();
    while (end > 0 && isPadding(value[end - 1])) {
        --end;
    }
    return convert("UTF-8", "GB18030", value.first(end), key);
}

Bytes utf8ToGbk(std::string_view utf8, std::size_t length) {
    const std::string gbk =
        convert("GB18030", "UTF-8",
                std::span(reinterpret_cast<const std::uint8_t*>(utf8.data()), utf8.size()), "name");
    if (gbk.size() > length) {
        throw std::invalid_argument("text longer than its field");
    }
    Bytes out(gbk.begin(), gbk.end());
    out.resize(length, 0x00);
    return out;
}

Date decodeDate(std::span<const std::uint8_t> value, std::string_view key) {
    const std::string digits = decodeBcd(value, key);
    if (digits.size() != 8) {
        throw MalformedRecord(key, "a date needs 8 digits");
    }
    Date d{std::stoi(digits.substr(0, 4)), std::stoi(digits.substr(4, 2)),
           std::stoi(digits.substr(6, 2))};
    if (!d.valid()) {
        throw MalformedRecord(key, "not a real date: " + digits);
    }
    return d;
}

}  // namespace renshe::drivers::sscard
