// The form checks every service shares, before anything touches the database: text (UTF-8,
// control characters, names), request ids, ID numbers, card numbers, dates, timestamps,
// regions, paging, sizes; one wording per error and one named limit per bound. A check
// returns the Refusal (INVALID_ARGUMENT with MALFORMED_ID_NUMBER, MALFORMED_FIELD or
// WEAK_PASSWORD) of the first problem, or nothing; its message is a short English sentence
// that never holds a full ID number, name or password.
//
// Each domain keeps the checks of its own requests beside its service (card/checks.hpp,
// admin/checks.hpp, certification/checks.hpp, ...). What is checked there is only what the
// request says about itself: whether the person or card exists, or the caller may act on it,
// is the service's job.
#pragma once

#include <google/protobuf/message_lite.h>
#include <google/protobuf/timestamp.pb.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/sscard/pin.hpp"
#include "renshe/v1/common.pb.h"
#include "services/backoffice/rpc/refusal.hpp"

namespace renshe::services::backoffice::checks {

using Result = std::optional<Refusal>;

// --- limits ------------------------------------------------------------------------------

// Every request without a bulk payload is refused above this serialized size.
inline constexpr std::size_t kMaxRequestBytes = 64 * 1024;
// ImportRegistry: persons_csv + cards_csv together.
inline constexpr std::size_t kMaxImportBytes = 32 * 1024 * 1024;
// The card's 姓名 record (EF06 09) holds 30 bytes of GBK.
inline constexpr std::size_t kMaxNameGbkBytes = 30;
// CardOperationRequest.reason, UTF-8 bytes.
inline constexpr std::size_t kMaxReasonBytes = 200;
inline constexpr int kMaxPageSize = 100;
inline constexpr std::size_t kMaxPageTokenChars = 128;
inline constexpr std::size_t kMaxOpaqueIdChars = 64;
inline constexpr std::size_t kMaxResetSessionIdChars = 64;
// The card's 卡识别码 (EF05 01).
inline constexpr std::size_t kCardIdentifierBytes = 16;
// google.protobuf.Timestamp's range: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
inline constexpr std::int64_t kMinTimestampSeconds = -62135596800;
inline constexpr std::int64_t kMaxTimestampSeconds = 253402300799;

// Runs the checks in order and returns the first refusal.
template <typename... Checks>
Result firstOf(Checks&&... checks) {
    Result result;
    ((result = result ? result : checks()), ...);
    return result;
}

// --- text --------------------------------------------------------------------------------

// Well-formed UTF-8: no truncated or stray sequences, no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF. NUL is a valid code point here.
bool isValidUtf8(std::string_view text);
// The code points of valid UTF-8 (stops at the first malformed sequence).
std::vector<char32_t> codePoints(std::string_view validUtf8);
// How many code points UTF-8 text holds (continuation bytes not counted).
std::size_t codePointCount(std::string_view utf8);
// C0/C1 controls, DEL and the invisible format characters (zero-width, bidi overrides, BOM)
// that make logs and screens lie.
bool hasControlCharacter(std::string_view validUtf8);
// Visible ASCII without spaces (0x21..0x7E): opaque ids and tokens.
bool isVisibleAscii(std::string_view s);
// Printable ASCII with spaces (0x20..0x7E): device names and similar labels.
bool isPrintableAscii(std::string_view s);
bool isDigit(char c);
bool isLowerHex(char c);
bool isHex(char c);
bool allDigits(std::string_view s);
// Exactly `n` characters, all 0-9.
bool isDigits(std::string_view s, std::size_t n);
std::string str(std::string_view s);

// The ID number as stored and compared: a lower-case check character 'x' becomes 'X'.
// Nothing else is changed (validate with checkSsn() or drivers/sscard validateIdNumber).
std::string normalizeSsn(std::string_view ssn);
// A name as stored and compared: ASCII whitespace and ideographic spaces (U+3000) trimmed at
// both ends, then Unicode NFC. Invalid UTF-8 (or text with NUL) is only trimmed.
std::string normalizeName(std::string_view name);

// --- identifiers -------------------------------------------------------------------------

// A lower-case RFC 4122 UUID in text form: 36 characters, hyphens at 8, 13, 18 and 23, the
// rest 0-9a-f.
bool isRequestId(std::string_view text);
// A card number (卡号) as the terminal sends it: exactly 9 characters of 0-9 and A-Z.
bool isCardNumber(std::string_view text);
// A 6-digit county-level code (GB/T 2260): province part 11..82.
bool isDivisionCode(std::string_view code);
// The birth date in positions 7-14 of a valid ID number.
drivers::sscard::Date birthDateOf(std::string_view ssn);
drivers::sscard::Date toDate(const renshe::v1::Date& d);
bool timestampBefore(const google::protobuf::Timestamp& a, const google::protobuf::Timestamp& b);

// --- checks ------------------------------------------------------------------------------

// The serialized request is larger than `maxBytes`.
Result tooLarge(const google::protobuf::MessageLite& request,
                std::size_t maxBytes = kMaxRequestBytes);
// The request id of a mutation: present and a lower-case UUID.
Result checkRequestId(std::string_view id);
Result checkSsn(std::string_view ssn, std::string_view field);
Result checkName(std::string_view name, std::string_view field);
// Free text for history rows, logs and screens: UTF-8, bounded, no control characters.
Result checkText(std::string_view text, std::size_t maxBytes, std::string_view field,
                 bool required);
// An opaque id: visible ASCII up to `maxChars`.
Result checkOpaqueId(std::string_view id, std::size_t maxChars, std::string_view field,
                     bool required);
Result checkEnum(int value, bool (*isValid)(int), bool required, std::string_view field);
// A PKCS#10 request in PEM: present, up to 16 KiB of printable ASCII with its header (whether
// it parses and its signature verifies is pki's to say).
Result checkCsrPem(std::string_view pem, std::string_view field);
// Inside google.protobuf.Timestamp's range.
Result checkTimestamp(const google::protobuf::Timestamp& t, std::string_view field);
Result checkDate(bool present, const renshe::v1::Date& d, std::string_view field, bool required);
Result checkRegion(bool present, const renshe::v1::Region& r, std::string_view field);
Result checkPage(const renshe::v1::PageRequest& page);
// Who a request is about (`person`): an ID number or a card number, well formed.
Result checkPersonRef(bool present, const renshe::v1::PersonRef& person);

}  // namespace renshe::services::backoffice::checks
