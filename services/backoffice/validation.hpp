// Form checks of every CardService and AdminService request (proto/renshe/v1/card.proto and
// admin.proto), before anything touches the database: UUID request ids, ID numbers, names,
// enum values, service passwords, dates, region codes, sizes. A request that fails one gets a
// Refusal with INVALID_ARGUMENT and MALFORMED_ID_NUMBER, MALFORMED_FIELD or WEAK_PASSWORD; the
// message is a short English sentence that never holds a full ID number, name or password.
//
// What is checked here is only what the request says about itself. Whether the person or card
// exists, or the caller may act on it, is the service's job.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "renshe/v1/admin.pb.h"
#include "renshe/v1/card.pb.h"
#include "services/backoffice/refusal.hpp"

namespace renshe::services::backoffice::validation {

// Every request but ImportRegistry is refused above this serialized size.
inline constexpr std::size_t kMaxRequestBytes = 64 * 1024;
// ImportRegistry: persons_csv + cards_csv together.
inline constexpr std::size_t kMaxImportBytes = 32 * 1024 * 1024;
// The card's 姓名 record (EF06 09) holds 30 bytes of GBK.
inline constexpr std::size_t kMaxNameGbkBytes = 30;
// CardOperationRequest.reason, UTF-8 bytes.
inline constexpr std::size_t kMaxReasonBytes = 200;
inline constexpr int kMaxPageSize = 100;
inline constexpr std::size_t kMaxResetSessionIdChars = 64;

// Well-formed UTF-8: no truncated or stray sequences, no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF. NUL is a valid code point here.
bool isValidUtf8(std::string_view text);

// The ID number as stored and compared: a lower-case check character 'x' becomes 'X'.
// Nothing else is changed (validate with check() or drivers/sscard validateIdNumber).
std::string normalizeSsn(std::string_view ssn);

// A name as stored and compared: ASCII whitespace and ideographic spaces (U+3000) trimmed at
// both ends, then Unicode NFC. Invalid UTF-8 (or text with NUL) is only trimmed.
std::string normalizeName(std::string_view name);

// A lower-case RFC 4122 UUID in text form: 36 characters, hyphens at 8, 13, 18 and 23, the
// rest 0-9a-f.
bool isRequestId(std::string_view text);

// A card number (卡号) as the terminal sends it: exactly 9 characters of 0-9 and A-Z.
bool isCardNumber(std::string_view text);

// CardService (card.proto).
std::optional<Refusal> check(const renshe::v1::GetCardStatusRequest& request);
std::optional<Refusal> check(const renshe::v1::ReportPinChangedRequest& request);
std::optional<Refusal> check(const renshe::v1::SetServicePasswordRequest& request);
std::optional<Refusal> check(const renshe::v1::ReportTemporaryLossRequest& request);
std::optional<Refusal> check(const renshe::v1::UnreportLossRequest& request);
std::optional<Refusal> check(const renshe::v1::BeginPinResetRequest& request);
std::optional<Refusal> check(const renshe::v1::ComputePinResetCryptogramRequest& request);
std::optional<Refusal> check(const renshe::v1::ReportPinResetResultRequest& request);
std::optional<Refusal> check(const renshe::v1::GetCardHistoryRequest& request);

// AdminService (admin.proto).
std::optional<Refusal> check(const renshe::v1::RegisterPersonRequest& request);
std::optional<Refusal> check(const renshe::v1::IssueCardRequest& request);
std::optional<Refusal> check(const renshe::v1::ImportRegistryRequest& request);
std::optional<Refusal> check(const renshe::v1::CardOperationRequest& request);
std::optional<Refusal> check(const renshe::v1::UpsertServicePointRequest& request);
std::optional<Refusal> check(const renshe::v1::ListServicePointsRequest& request);
std::optional<Refusal> check(const renshe::v1::EnrollTerminalRequest& request);
std::optional<Refusal> check(const renshe::v1::QueryAuditRequest& request);
std::optional<Refusal> check(const renshe::v1::VerifyAuditChainRequest& request);
std::optional<Refusal> check(const renshe::v1::GetPersonRequest& request);

}  // namespace renshe::services::backoffice::validation
