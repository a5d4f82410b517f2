#include "services/backoffice/validation.hpp"

#include <glib.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "drivers/sscard/codec.hpp"
#include "drivers/sscard/id_number.hpp"
#include "drivers/sscard/pin.hpp"

namespace renshe::services::backoffice::validation {

using namespace renshe::v1;
namespace sscard = renshe::drivers::sscard;

namespace {

using Result = std::optional<Refusal>;

constexpr std::size_t kCardIdentifierBytes = 16;
constexpr std::size_t kChallengeBytes = 8;
constexpr std::size_t kMaxOpaqueIdChars = 64;
constexpr std::size_t kMaxPageTokenChars = 128;
constexpr std::size_t kMaxServicePointNameBytes = 200;
constexpr std::size_t kMaxAddressBytes = 500;
constexpr std::size_t kMaxActorBytes = 128;
constexpr std::size_t kMaxEventTypeChars = 64;
constexpr std::size_t kMaxCsrBytes = 16 * 1024;
constexpr double kMaxDisplayAreaM2 = 100000.0;
// google.protobuf.Timestamp's range: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
constexpr std::int64_t kMinTimestampSeconds = -62135596800;
constexpr std::int64_t kMaxTimestampSeconds = 253402300799;

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

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
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

// Visible ASCII without spaces: opaque ids and tokens.
bool isPrintableAscii(std::string_view s) {
    for (char c : s) {
        if (c < 0x21 || c > 0x7E) {
            return false;
        }
    }
    return true;
}

// C0/C1 controls, DEL, and the invisible format characters (zero-width, bidi overrides,
// BOM) that make logs and screens lie.
bool isControlOrFormat(char32_t cp) {
    const GUnicodeType type = g_unichar_type(static_cast<gunichar>(cp));
    return type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT;
}

bool hasControlCharacter(std::string_view validUtf8) {
    for (char32_t cp : codePoints(validUtf8)) {
        if (isControlOrFormat(cp)) {
            return true;
        }
    }
    return false;
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

std::string str(std::string_view s) {
    return std::string(s);
}

Result tooLarge(const google::protobuf::MessageLite& request) {
    if (request.ByteSizeLong() > kMaxRequestBytes) {
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

Result checkOpaqueId(std::string_view id, std::size_t maxChars, std::string_view field,
                     bool required) {
    if (id.empty()) {
        return required ? std::optional(Refusal::malformed(str(field) + " is missing"))
                        : std::nullopt;
    }
    if (id.size() > maxChars || !isPrintableAscii(id)) {
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

Result checkInsertedCard(bool present, const InsertedCard& card) {
    if (!present) {
        return Refusal::malformed("card is missing");
    }
    if (card.card_identifier().size() != kCardIdentifierBytes) {
        return Refusal::malformed("card.card_identifier is not 16 bytes");
    }
    if (!isCardNumber(card.card_number())) {
        return Refusal::malformed("card.card_number is not 9 characters of 0-9 and A-Z");
    }
    return checkSsn(card.ssn(), "card.ssn");
}

// A service password being set: 6 digits and not weak by the PIN rules of drivers/sscard
// (initial PIN, all the same, runs, the holder's birth date).
Result checkNewServicePassword(std::string_view password, std::string_view field,
                               const std::optional<sscard::Date>& birthDate) {
    const auto pin = sscard::Pin::fromDigits(password);
    if (!pin) {
        return Refusal::invalid(REFUSAL_REASON_WEAK_PASSWORD,
                                str(field) + " is not exactly 6 digits");
    }
    const auto weak = sscard::weakPinReason(*pin, birthDate);
    if (!weak) {
        return std::nullopt;
    }
    std::string why;
    switch (*weak) {
        case sscard::WeakPinReason::InitialPin:
            why = "the card's initial PIN";
            break;
        case sscard::WeakPinReason::AllSame:
            why = "all digits the same";
            break;
        case sscard::WeakPinReason::Sequence:
            why = "a run of consecutive digits";
            break;
        case sscard::WeakPinReason::BirthDate:
            why = "the holder's birth date";
            break;
        case sscard::WeakPinReason::SameAsOld:
            why = "the old one";
            break;
    }
    return Refusal::invalid(REFUSAL_REASON_WEAK_PASSWORD,
                            str(field) + " is too weak (" + why + ")");
}

// `sealedAllowed`: a sealed service password (ReportTemporaryLoss only, where the request id
// and ID number it is bound to are the request's own).
Result checkSecondFactor(bool present, const SecondFactor& factor, bool sealedAllowed = false) {
    switch (present ? factor.factor_case() : SecondFactor::FACTOR_NOT_SET) {
        case SecondFactor::kSealedServicePassword: {
            if (!sealedAllowed)
                return Refusal::malformed(
                    "second_factor.sealed_service_password is not accepted here");
            const auto& s = factor.sealed_service_password();
            if (s.ephemeral_public_key().size() != 32 || s.nonce().size() != 12 ||
                s.ciphertext().size() < 17 || s.ciphertext().size() > 64 ||
                s.key_id().size() > 32) {
                return Refusal::malformed("second_factor.sealed_service_password is malformed");
            }
            return std::nullopt;
        }
        case SecondFactor::kServicePassword:
            if (factor.service_password().empty()) {
                return Refusal::malformed("second_factor.service_password is empty");
            }
            if (!isDigits(factor.service_password(), 6)) {
                return Refusal::malformed("second_factor.service_password is not 6 digits");
            }
            return std::nullopt;
        case SecondFactor::kFingerprintVerificationId:
            return checkOpaqueId(factor.fingerprint_verification_id(), kMaxOpaqueIdChars,
                                 "second_factor.fingerprint_verification_id", true);
        case SecondFactor::FACTOR_NOT_SET:
            break;
    }
    return Refusal::malformed("second_factor is missing");
}

Result checkPage(const PageRequest& page) {
    if (page.page_size() < 0 || page.page_size() > kMaxPageSize) {
        return Refusal::malformed("page.page_size is not between 0 and 100");
    }
    return checkOpaqueId(page.page_token(), kMaxPageTokenChars, "page.page_token", false);
}

Result checkResetSessionId(std::string_view id) {
    return checkOpaqueId(id, kMaxResetSessionIdChars, "reset_session_id", true);
}

bool timestampBefore(const google::protobuf::Timestamp& a, const google::protobuf::Timestamp& b) {
    return a.seconds() < b.seconds() || (a.seconds() == b.seconds() && a.nanos() < b.nanos());
}

// GB 3304: 1..56, 97 (其他), 98 (外国血统中国籍人士).
bool isEthnicityCode(int code) {
    return (code >= 1 && code <= 56) || code == 97 || code == 98;
}

bool isTerminalId(std::string_view id) {
    if (id.empty() || id.size() > kMaxOpaqueIdChars) {
        return false;
    }
    for (char c : id) {
        const bool ok = isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        c == '-' || c == '_' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return true;
}

bool isEventType(std::string_view type) {
    for (char c : type) {
        if (!(isDigit(c) || (c >= 'a' && c <= 'z') || c == '_' || c == '.')) {
            return false;
        }
    }
    return type.size() <= kMaxEventTypeChars;
}

// Runs the checks in order and returns the first refusal.
template <typename... Checks>
Result firstOf(Checks&&... checks) {
    Result result;
    ((result = result ? result : checks()), ...);
    return result;
}

}  // namespace

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

// --- CardService -------------------------------------------------------------------------

std::optional<Refusal> check(const GetCardStatusRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkInsertedCard(r.has_card(), r.card()); });
}

std::optional<Refusal> check(const ReportPinChangedRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkInsertedCard(r.has_card(), r.card()); },
        [&] { return checkEnum(r.kind(), PinChangeKind_IsValid, true, "kind"); },
        [&]() -> Result {
            if (r.kind() != PIN_CHANGE_KIND_ACTIVATION) {
                if (!r.service_password().empty()) {
                    return Refusal::malformed("service_password is only sent with an activation");
                }
                return std::nullopt;
            }
            if (r.service_password().empty()) {
                return Refusal::malformed("service_password is required for an activation");
            }
            return checkNewServicePassword(r.service_password(), "service_password",
                                           birthDateOf(r.card().ssn()));
        },
        [&]() -> Result {
            return r.has_changed_at() ? checkTimestamp(r.changed_at(), "changed_at") : std::nullopt;
        });
}

std::optional<Refusal> check(const SetServicePasswordRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkInsertedCard(r.has_card(), r.card()); },
        [&]() -> Result {
            return r.has_pin_verified_at() ? checkTimestamp(r.pin_verified_at(), "pin_verified_at")
                                           : std::nullopt;
        },
        [&]() -> Result {
            if (r.new_service_password().empty()) {
                return Refusal::malformed("new_service_password is missing");
            }
            return checkNewServicePassword(r.new_service_password(), "new_service_password",
                                           birthDateOf(r.card().ssn()));
        });
}

std::optional<Refusal> check(const ReportTemporaryLossRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkSsn(r.ssn(), "ssn"); }, [&] { return checkName(r.name(), "name"); },
        [&] { return checkSecondFactor(r.has_second_factor(), r.second_factor(), true); });
}

std::optional<Refusal> check(const UnreportLossRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkInsertedCard(r.has_card(), r.card()); },
                   [&]() -> Result {
                       return r.has_pin_verified_at()
                                  ? checkTimestamp(r.pin_verified_at(), "pin_verified_at")
                                  : std::nullopt;
                   });
}

std::optional<Refusal> check(const BeginPinResetRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkInsertedCard(r.has_card(), r.card()); },
                   [&] { return checkSecondFactor(r.has_second_factor(), r.second_factor()); });
}

std::optional<Refusal> check(const ComputePinResetCryptogramRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkResetSessionId(r.reset_session_id()); },
        [&]() -> Result {
            if (r.card_identifier().size() != kCardIdentifierBytes) {
                return Refusal::malformed("card_identifier is not 16 bytes");
            }
            if (r.challenge().size() != kChallengeBytes) {
                return Refusal::malformed("challenge is not 8 bytes");
            }
            return std::nullopt;
        },
        [&] { return checkEnum(r.operation(), PinResetOperation_IsValid, true, "operation"); });
}

std::optional<Refusal> check(const ReportPinResetResultRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkResetSessionId(r.reset_session_id()); },
        [&] { return checkInsertedCard(r.has_card(), r.card()); },
        [&] { return checkEnum(r.operation(), PinResetOperation_IsValid, true, "operation"); },
        [&]() -> Result {
            const std::string& sw = r.card_status_word();
            const bool ok = sw.empty() || (sw.size() == 4 && isHex(sw[0]) && isHex(sw[1]) &&
                                           isHex(sw[2]) && isHex(sw[3]));
            if (!ok) {
                return Refusal::malformed("card_status_word is not 4 hex digits");
            }
            return std::nullopt;
        });
}

std::optional<Refusal> check(const GetCardHistoryRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkInsertedCard(r.has_card(), r.card()); },
        [&]() -> Result {
            return r.has_pin_verified_at() ? checkTimestamp(r.pin_verified_at(), "pin_verified_at")
                                           : std::nullopt;
        });
}

// --- AdminService ------------------------------------------------------------------------

std::optional<Refusal> check(const RegisterPersonRequest& r) {
    const PersonRecord& p = r.person();
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            return r.has_person() ? std::nullopt
                                  : std::optional(Refusal::malformed("person is missing"));
        },
        [&] { return checkSsn(p.ssn(), "person.ssn"); },
        [&] { return checkName(p.name(), "person.name"); },
        [&] { return checkEnum(p.sex(), Sex_IsValid, true, "person.sex"); },
        [&]() -> Result {
            if (!isEthnicityCode(p.ethnicity_code())) {
                return Refusal::malformed("person.ethnicity_code is not a GB 3304 code");
            }
            return std::nullopt;
        },
        [&] { return checkDate(p.has_birth_date(), p.birth_date(), "person.birth_date", true); },
        [&]() -> Result {
            if (toDate(p.birth_date()) != birthDateOf(p.ssn())) {
                return Refusal::malformed("person.birth_date disagrees with the ID number");
            }
            return std::nullopt;
        },
        [&]() -> Result {
            if (!p.birthplace_code().empty() && !isDivisionCode(p.birthplace_code())) {
                return Refusal::malformed("person.birthplace_code is not a 6-digit division code");
            }
            return std::nullopt;
        },
        [&] { return checkRegion(p.has_region(), p.region(), "person.region"); },
        [&] {
            return checkDate(p.has_pension_first_payment(), p.pension_first_payment(),
                             "person.pension_first_payment", false);
        },
        [&]() -> Result {
            if (p.has_pension_first_payment() &&
                toDate(p.pension_first_payment()) <= toDate(p.birth_date())) {
                return Refusal::malformed(
                    "person.pension_first_payment is not after the birth date");
            }
            return std::nullopt;
        });
}

std::optional<Refusal> check(const IssueCardRequest& r) {
    const CardRecord& c = r.card();
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            return r.has_card() ? std::nullopt
                                : std::optional(Refusal::malformed("card is missing"));
        },
        [&]() -> Result {
            if (!isCardNumber(c.card_number())) {
                return Refusal::malformed("card.card_number is not 9 characters of 0-9 and A-Z");
            }
            if (c.card_identifier().size() != kCardIdentifierBytes) {
                return Refusal::malformed("card.card_identifier is not 16 bytes");
            }
            return std::nullopt;
        },
        [&] { return checkSsn(c.ssn(), "card.ssn"); },
        [&] { return checkDate(c.has_issue_date(), c.issue_date(), "card.issue_date", true); },
        [&] { return checkDate(c.has_expiry_date(), c.expiry_date(), "card.expiry_date", true); },
        [&]() -> Result {
            if (toDate(c.expiry_date()) <= toDate(c.issue_date())) {
                return Refusal::malformed("card.expiry_date is not after card.issue_date");
            }
            return std::nullopt;
        });
}

std::optional<Refusal> check(const ImportRegistryRequest& r) {
    return firstOf([&] { return checkRequestId(r.request_id()); },
                   [&]() -> Result {
                       if (r.persons_csv().size() > kMaxImportBytes ||
                           r.cards_csv().size() > kMaxImportBytes - r.persons_csv().size()) {
                           return Refusal::malformed("registry content is over 32 MiB");
                       }
                       if (!isValidUtf8(r.persons_csv())) {
                           return Refusal::malformed("persons_csv is not valid UTF-8");
                       }
                       if (!isValidUtf8(r.cards_csv())) {
                           return Refusal::malformed("cards_csv is not valid UTF-8");
                       }
                       return std::nullopt;
                   });
}

std::optional<Refusal> check(const CardOperationRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            if (!isCardNumber(r.card_number())) {
                return Refusal::malformed("card_number is not 9 characters of 0-9 and A-Z");
            }
            return std::nullopt;
        },
        [&] { return checkText(r.reason(), kMaxReasonBytes, "reason", false); });
}

std::optional<Refusal> check(const UpsertServicePointRequest& r) {
    const ServicePoint& sp = r.service_point();
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            return r.has_service_point()
                       ? std::nullopt
                       : std::optional(Refusal::malformed("service_point is missing"));
        },
        [&] { return checkOpaqueId(sp.id(), kMaxOpaqueIdChars, "service_point.id", false); },
        [&] { return checkText(sp.name(), kMaxServicePointNameBytes, "service_point.name", true); },
        [&] { return checkRegion(sp.has_region(), sp.region(), "service_point.region"); },
        [&] {
            return checkEnum(sp.facility_class(), FacilityClass_IsValid, true,
                             "service_point.facility_class");
        },
        [&]() -> Result {
            const double area = sp.display_area_m2();
            if (!std::isfinite(area) || area < 0.0 || area > kMaxDisplayAreaM2) {
                return Refusal::malformed(
                    "service_point.display_area_m2 is negative or impossible");
            }
            return std::nullopt;
        },
        [&] { return checkText(sp.address(), kMaxAddressBytes, "service_point.address", false); });
}

std::optional<Refusal> check(const ListServicePointsRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&]() -> Result {
                       if (r.region_prefix().size() > 12 || !allDigits(r.region_prefix())) {
                           return Refusal::malformed("region_prefix is not up to 12 digits");
                       }
                       return std::nullopt;
                   },
                   [&] { return checkPage(r.page()); });
}

std::optional<Refusal> check(const EnrollTerminalRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            const std::string& pem = r.csr_pem();
            if (pem.empty()) {
                return Refusal::malformed("csr_pem is missing");
            }
            if (pem.size() > kMaxCsrBytes ||
                pem.find("-----BEGIN CERTIFICATE REQUEST-----") == std::string::npos) {
                return Refusal::malformed("csr_pem is not a PEM certificate request");
            }
            for (char c : pem) {
                if (!(c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c <= 0x7E))) {
                    return Refusal::malformed("csr_pem is not a PEM certificate request");
                }
            }
            return std::nullopt;
        },
        [&]() -> Result {
            if (!isTerminalId(r.terminal_id())) {
                return Refusal::malformed(
                    "terminal_id is not 1-64 characters of A-Z, a-z, 0-9, '-', '_', '.'");
            }
            return std::nullopt;
        },
        [&] { return checkEnum(r.role(), TerminalRole_IsValid, true, "role"); },
        [&] {
            return checkOpaqueId(r.service_point_id(), kMaxOpaqueIdChars, "service_point_id", true);
        });
}

std::optional<Refusal> check(const QueryAuditRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); },
        [&]() -> Result {
            return r.has_from_time() ? checkTimestamp(r.from_time(), "from_time") : std::nullopt;
        },
        [&]() -> Result {
            return r.has_to_time() ? checkTimestamp(r.to_time(), "to_time") : std::nullopt;
        },
        [&]() -> Result {
            if (r.has_from_time() && r.has_to_time() &&
                timestampBefore(r.to_time(), r.from_time())) {
                return Refusal::malformed("to_time is before from_time");
            }
            return std::nullopt;
        },
        [&] { return checkText(r.actor(), kMaxActorBytes, "actor", false); },
        [&]() -> Result {
            return r.subject_ssn().empty() ? std::nullopt
                                           : checkSsn(r.subject_ssn(), "subject_ssn");
        },
        [&]() -> Result {
            if (!isEventType(r.event_type())) {
                return Refusal::malformed(
                    "event_type is not up to 64 characters of a-z, 0-9, '_', '.'");
            }
            return std::nullopt;
        },
        [&] { return checkPage(r.page()); });
}

std::optional<Refusal> check(const VerifyAuditChainRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&]() -> Result {
                       if (r.from_sequence() < 0) {
                           return Refusal::malformed("from_sequence is negative");
                       }
                       return std::nullopt;
                   });
}

std::optional<Refusal> check(const GetPersonRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); },
        [&]() -> Result {
            switch (r.person().key_case()) {
                case PersonRef::kSsn:
                    return checkSsn(r.person().ssn(), "person.ssn");
                case PersonRef::kCardNumber:
                    if (!isCardNumber(r.person().card_number())) {
                        return Refusal::malformed(
                            "person.card_number is not 9 characters of 0-9 and A-Z");
                    }
                    return std::nullopt;
                case PersonRef::KEY_NOT_SET:
                    break;
            }
            return Refusal::malformed("person has neither an ID number nor a card number");
        });
}

}  // namespace renshe::services::backoffice::validation
