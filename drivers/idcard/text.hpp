// The 256-byte text block of a second-generation resident ID card (居民身份证, GA 467 / GB
// 19896): fixed fields in UCS-2 little-endian, padded with spaces —
//   name 15 characters, sex 1 (GB/T 2261.1 code), nation 2 (GB 3304 code), birth date 8
//   (YYYYMMDD), address 35, ID number 18, issuing authority 15, valid from 8, valid until 8
//   (a date, or 长期 for cards that do not expire), 18 reserved.
// parseText() checks every field and the ID number's check digit (GB 11643), and that the
// birth date agrees with the ID number, before anything downstream sees the data.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "drivers/idcard/frame.hpp"

namespace renshe::drivers::idcard {

inline constexpr std::size_t kTextBytes = 256;
inline constexpr std::size_t kPhotoBytes = 1024;  // WLT-compressed photo
inline constexpr std::string_view kLongTerm = "长期";

// The card's text as it is on the chip, in UTF-8; codes as codes ("1", "01").
struct IdCardText {
    std::string name;
    std::string sex;     // "0" unknown, "1" male, "2" female, "9" unstated
    std::string nation;  // GB 3304 two-digit code
    std::string birth;   // YYYYMMDD
    std::string address;
    std::string idNumber;    // 18 characters, upper-case X
    std::string authority;   // 签发机关
    std::string validFrom;   // YYYYMMDD
    std::string validUntil;  // YYYYMMDD or 长期

    // Wipes every field (the data leaves memory with the session).
    void cleanse();
};

// Throws IdCardError(BadText) naming the field that is wrong (never its value).
IdCardText parseText(std::span<const std::uint8_t> text);

// The 256 bytes for `text` (the simulator and tests). Throws std::invalid_argument when a
// field does not fit its place or is not representable in UCS-2.
Bytes encodeText(const IdCardText& text);

// 男 / 女 / 未知的性别 / 未说明的性别; empty for other codes.
std::string_view sexName(std::string_view code);
// 汉, 蒙古, ..., 其他, 外国血统中国籍人士 (the names as printed on the card); empty when unknown.
std::string_view nationName(std::string_view code);

// Expired on `todayYyyymmdd` (China date): the last valid day has passed. 长期 never expires.
bool isExpired(const IdCardText& text, std::string_view todayYyyymmdd);

}  // namespace renshe::drivers::idcard
