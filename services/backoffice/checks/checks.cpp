#include "services/backoffice/checks/checks.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "drivers/sscard/codec.hpp"
#include "drivers/sscard/id_number.hpp"

namespace renshe::services::backoffice::checks {

using namespace renshe::v1;
namespace sscard = renshe::drivers::sscard;

namespace {

constexpr char32_t kIdeographicSpace = 0x3000;

// Decodes the code point at s[i] into `cp`; returns its length in bytes, 0 when the bytes
// there are not well-formed UTF-8 (RFC 3629 table: no overlong forms, no surrogates, nothing
// above U+10FFFF).
std::size_t decodeUtf8(std::string_view s, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0F;
        if (b0 == 0xE0) {
            lo = 0xA0;  // below: overlong
        } else if (b0 == 0xED) {
            hi = 0x9F;  // above: surrogates
        }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
        if (b0 == 0xF0) {
            lo = 0x90;  // below: overlong
        } else if (b0 == 0xF4) {
            hi = 0x8F;  // above: beyond U+10FFFF
        }
    } else {
        return 0;  // a stray continuation byte, C0/C1 (overlong) or F5..FF
    }
    if (i + len > s.size()) {
        return 0;  // truncated
    }
    for (std::size_t k = 1; k < len; ++k) {
        const unsigned char b = byte(i + k);
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
            return 0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    return len;
}

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// C0/C1 controls, DEL, and the invisible format characters (zero-width, bidi overrides,
// BOM) that make logs and screens lie.
bool isControlOrFormat(char32_t cp) {
    const GUnicodeType type = g_unichar_type(static_cast<gunichar>(cp));
    return type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT;
}

bool isLetter(char32_t cp) {
    switch (g_unichar_type(static_cast<gunichar>(cp))) {
        case G_UNICODE_LOWERCASE_LETTER:
        case G_UNICODE_MODIFIER_LETTER:
        case G_UNICODE_OTHER_LETTER:
        case G_UNICODE_TITLECASE_LETTER:
        case G_UNICODE_UPPERCASE_LETTER:
            return true;
        default:
            return false;
    }
}

// Combining marks: part of the letter before them in many scripts (and after NFC, of the
// few Latin/Cyrillic letters without a precomposed form).
bool isCombiningMark(char32_t cp) {
    const GUnicodeType type = g_unichar_type(static_cast<gunichar>(cp));
    return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK;
}

// The separator of transliterated minority and foreign names (买买提·艾力): U+00B7 as the
// standards write it, and the look-alikes Chinese input methods produce.
bool isNameDot(char32_t cp) {
    return cp == 0x00B7 || cp == 0x2022 || cp == 0x30FB;
}

bool isNameSpace(char32_t cp) {
    return cp == U' ' || cp == kIdeographicSpace;
}

}  // namespace

// The code points of text already known to be valid UTF-8.
std::vector<char32_t> codePoints(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = decodeUtf8(s, i, cp);
        if (len == 0) {
            break;
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isLowerHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f');
}

bool isHex(char c) {
    return isLowerHex(c) || (c >= 'A' && c <= 'F');
}

bool allDigits(std::string_view s) {
    for (char c : s) {
        if (!isDigit(c)) {
            return false;
        }
    }
    return true;
}

bool isDigits(std::string_view s, std::size_t n) {
    return s.size() == n && allDigits(s);
}

bool isVisibleAscii(std::string_view s) {
    for (char c : s) {
        if (c < 0x21 || c > 0x7E) {
            return false;
        }
    }
    return true;
}

bool isPrintableAscii(std::string_view s) {
    for (char c : s) {
        if (c < 0x20 || c > 0x7E) {
            return false;
        }
    }
    return true;
}

std::size_t codePointCount(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8) {
        if ((c & 0xC0) != 0x80) {
            ++n;
        }
    }
    return n;
}

bool hasControlCharacter(std::string_view validUtf8) {
    for (char32_t cp : codePoints(validUtf8)) {
        if (isControlOrFormat(cp)) {
            return true;
        }
    }
    return false;
}

std::string str(std::string_view s) {
    return std::string(s);
}

Result tooLarge(const google::protobuf::MessageLite& request, std::size_t maxBytes) {
    if (request.ByteSizeLong() > maxBytes) {
        return Refusal::malformed("request too large");
    }
    return std::nullopt;
}

Result checkRequestId(std::string_view id) {
    if (id.empty()) {
        return Refusal::malformed("request_id is missing");
    }
    if (!isRequestId(id)) {
        return Refusal::malformed("request_id is not a lower-case UUID");
    }
    return std::nullopt;
}

Result checkSsn(std::string_view ssn, std::string_view field) {
    const auto problem = sscard::validateIdNumber(ssn);
    if (!problem) {
        return std::nullopt;
    }
    std::string why;
    switch (*problem) {
        case sscard::IdNumberProblem::WrongLength:
            why = ssn.empty() ? " is missing" : " is not 18 characters long";
            break;
        case sscard::IdNumberProblem::NotDigits:
            why = " has a character other than digits (and X last)";
            break;
        case sscard::IdNumberProblem::BadRegion:
            why = " has an impossible region code";
            break;
        case sscard::IdNumberProblem::BadBirthDate:
            why = " has an impossible birth date";
            break;
        case sscard::IdNumberProblem::BadCheckDigit:
            why = "'s check digit does not match";
            break;
    }
    return Refusal::badIdNumber(str(field) + why);
}

// The birth date in positions 7-14 of a valid ID number.
sscard::Date birthDateOf(std::string_view ssn) {
    const auto number = [&](std::size_t pos, std::size_t len) {
        return std::stoi(std::string(ssn.substr(pos, len)));
    };
    return {number(6, 4), number(10, 2), number(12, 2)};
}

Result checkName(std::string_view name, std::string_view field) {
    if (!isValidUtf8(name)) {
        return Refusal::malformed(str(field) + " is not valid UTF-8");
    }
    if (hasControlCharacter(name)) {
        return Refusal::malformed(str(field) + " contains a control character");
    }
    const std::string normal = normalizeName(name);
    if (normal.empty()) {
        return Refusal::malformed(str(field) + " is empty");
    }
    bool letters = false;
    for (char32_t cp : codePoints(normal)) {
        if (isLetter(cp)) {
            letters = true;
        } else if (!(letters && isCombiningMark(cp)) && !isNameDot(cp) && !isNameSpace(cp)) {
            return Refusal::malformed(str(field) +
                                      " may only hold letters, middle dots and spaces");
        }
    }
    if (!letters) {
        return Refusal::malformed(str(field) + " has no letters");
    }
    try {
        sscard::utf8ToGbk(normal, kMaxNameGbkBytes);
    } catch (const std::invalid_argument&) {
        return Refusal::malformed(str(field) + " is longer than 30 bytes in GBK");
    } catch (const std::exception&) {
        return Refusal::malformed(str(field) + " cannot be written in GBK");
    }
    return std::nullopt;
}

// Free text for history rows, logs and screens: UTF-8, bounded, no control characters.
Result checkText(std::string_view text, std::size_t maxBytes, std::string_view field,
                 bool required) {
    if (required && text.empty()) {
        return Refusal::malformed(str(field) + " is missing");
    }
    if (text.size() > maxBytes) {
        return Refusal::malformed(str(field) + " is longer than " + std::to_string(maxBytes) +
                                  " bytes");
    }
    if (!isValidUtf8(text)) {
        return Refusal::malformed(str(field) + " is not valid UTF-8");
    }
    if (hasControlCharacter(text)) {
        return Refusal::malformed(str(field) + " contains a control character");
    }
    return std::nullopt;
}

Result checkCsrPem(std::string_view pem, std::string_view field) {
    constexpr std::size_t kMaxCsrBytes = 16 * 1024;
    if (pem.empty())
        return Refusal::malformed(str(field) + " is missing");
    const auto printable = [](char c) {
        return c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c <= 0x7E);
    };
    if (pem.size() > kMaxCsrBytes ||
        pem.find("-----BEGIN CERTIFICATE REQUEST-----") == std::string_view::npos ||
        !std::all_of(pem.begin(), pem.end(), printable)) {
        return Refusal::malformed(str(field) + " is not a PEM certificate request");
    }
    return std::nullopt;
}

Result checkOpaqueId(std::string_view id, std::size_t maxChars, std::string_view field,
                     bool required) {
    if (id.empty()) {
        return required ? std::optional(Refusal::malformed(str(field) + " is missing"))
                        : std::nullopt;
    }
    if (id.size() > maxChars || !isVisibleAscii(id)) {
        return Refusal::malformed(str(field) + " is malformed");
    }
    return std::nullopt;
}

Result checkEnum(int value, bool (*isValid)(int), bool required, std::string_view field) {
    if (!isValid(value)) {
        return Refusal::malformed(str(field) + " has an unknown value");
    }
    if (required && value == 0) {
        return Refusal::malformed(str(field) + " is missing");
    }
    return std::nullopt;
}

Result checkTimestamp(const google::protobuf::Timestamp& t, std::string_view field) {
    if (t.seconds() < kMinTimestampSeconds || t.seconds() > kMaxTimestampSeconds || t.nanos() < 0 ||
        t.nanos() > 999'999'999) {
        return Refusal::malformed(str(field) + " is not a valid time");
    }
    return std::nullopt;
}

sscard::Date toDate(const Date& d) {
    return {d.year(), d.month(), d.day()};
}

Result checkDate(bool present, const Date& d, std::string_view field, bool required) {
    if (!present) {
        return required ? std::optional(Refusal::malformed(str(field) + " is missing"))
                        : std::nullopt;
    }
    if (!toDate(d).valid()) {
        return Refusal::malformed(str(field) + " is not a real date");
    }
    return std::nullopt;
}

// A 6-digit county-level code (GB/T 2260): province part 11..82.
bool isDivisionCode(std::string_view code) {
    if (!isDigits(code, 6)) {
        return false;
    }
    const int province = (code[0] - '0') * 10 + (code[1] - '0');
    return province >= 11 && province <= 82;
}

Result checkRegion(bool present, const Region& r, std::string_view field) {
    if (!present || r.division_code().empty()) {
        return Refusal::malformed(str(field) + " is missing");
    }
    if (!isDivisionCode(r.division_code())) {
        return Refusal::malformed(str(field) + ".division_code is not a 6-digit division code");
    }
    if (!r.township_code().empty() && !isDigits(r.township_code(), 3)) {
        return Refusal::malformed(str(field) + ".township_code is not 3 digits");
    }
    if (!r.village_code().empty()) {
        if (r.township_code().empty()) {
            return Refusal::malformed(str(field) + ".village_code needs a township_code");
        }
        if (!isDigits(r.village_code(), 3)) {
            return Refusal::malformed(str(field) + ".village_code is not 3 digits");
        }
    }
    return std::nullopt;
}

Result checkPage(const PageRequest& page) {
    if (page.page_size() < 0 || page.page_size() > kMaxPageSize) {
        return Refusal::malformed("page.page_size is not between 0 and 100");
    }
    return checkOpaqueId(page.page_token(), kMaxPageTokenChars, "page.page_token", false);
}

bool timestampBefore(const google::protobuf::Timestamp& a, const google::protobuf::Timestamp& b) {
    return a.seconds() < b.seconds() || (a.seconds() == b.seconds() && a.nanos() < b.nanos());
}

Result checkPersonRef(bool present, const PersonRef& person) {
    switch (present ? person.key_case() : PersonRef::KEY_NOT_SET) {
        case PersonRef::kSsn:
            return checkSsn(person.ssn(), "person.ssn");
        case PersonRef::kCardNumber:
            if (!isCardNumber(person.card_number()))
                return Refusal::malformed("person.card_number is not 9 characters of 0-9 and A-Z");
            return std::nullopt;
        case PersonRef::KEY_NOT_SET:
            break;
    }
    return Refusal::malformed("person has neither an ID number nor a card number");
}

bool isValidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = decodeUtf8(text, i, cp);
        if (len == 0) {
            return false;
        }
        i += len;
    }
    return true;
}

std::string normalizeSsn(std::string_view ssn) {
    std::string out(ssn);
    if (out.size() == 18 && out[17] == 'x') {
        out[17] = 'X';
    }
    return out;
}

std::string normalizeName(std::string_view name) {
    static constexpr std::string_view kIdeographic = "\xE3\x80\x80";  // U+3000 in UTF-8
    for (bool trimmed = true; trimmed && !name.empty();) {
        trimmed = false;
        if (isAsciiSpace(name.front())) {
            name.remove_prefix(1);
            trimmed = true;
        } else if (name.starts_with(kIdeographic)) {
            name.remove_prefix(kIdeographic.size());
            trimmed = true;
        }
    }
    for (bool trimmed = true; trimmed && !name.empty();) {
        trimmed = false;
        if (isAsciiSpace(name.back())) {
            name.remove_suffix(1);
            trimmed = true;
        } else if (name.ends_with(kIdeographic)) {
            name.remove_suffix(kIdeographic.size());
            trimmed = true;
        }
    }
    // g_utf8_normalize stops at a NUL even with an explicit length, and wants valid UTF-8.
    if (name.empty() || name.find('\0') != std::string_view::npos || !isValidUtf8(name)) {
        return std::string(name);
    }
    std::unique_ptr<gchar, decltype(&g_free)> nfc(
        g_utf8_normalize(name.data(), static_cast<gssize>(name.size()), G_NORMALIZE_NFC), &g_free);
    return nfc ? std::string(nfc.get()) : std::string(name);
}

bool isRequestId(std::string_view text) {
    if (text.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool hyphenPlace = i == 8 || i == 13 || i == 18 || i == 23;
        if (hyphenPlace ? text[i] != '-' : !isLowerHex(text[i])) {
            return false;
        }
    }
    return true;
}

bool isCardNumber(std::string_view text) {
    if (text.size() != 9) {
        return false;
    }
    for (char c : text) {
        if (!isDigit(c) && !(c >= 'A' && c <= 'Z')) {
            return false;
        }
    }
    return true;
}

}  // namespace renshe::services::backoffice::checks
