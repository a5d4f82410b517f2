// libFuzzer target: the back office's request validation (services/backoffice/checks/checks.hpp).
// The first input byte picks a CardService/AdminService request type, the rest is parsed as
// that message (inputs that do not parse are dropped, as gRPC drops them) and checked. The
// last kind feeds the raw bytes as text into the name, reason, ID number and password fields
// of otherwise valid requests, since protobuf's parser never lets invalid UTF-8 into a string
// field. A crash, a sanitizer report or a broken invariant (abort) is a bug:
// - a refusal is INVALID_ARGUMENT with one of the three form reasons and a message;
// - an accepted request has a 36-character request id, valid ID numbers, names that fit 30
//   bytes of GBK, and so on for every rule;
// - check() is deterministic; normalizeName() is idempotent on what it accepts;
// - isValidUtf8() agrees with GLib's g_utf8_validate_len().
#include <glib.h>
#include <google/protobuf/stubs/logging.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <type_traits>

#include "drivers/sscard/codec.hpp"
#include "drivers/sscard/id_number.hpp"
#include "services/backoffice/admin/checks.hpp"
#include "services/backoffice/card/checks.hpp"
#include "services/backoffice/checks/checks.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace checks = renshe::services::backoffice::checks;
namespace sscard = renshe::drivers::sscard;
using renshe::services::backoffice::Refusal;
using namespace renshe::v1;

using renshe::fuzz::require;

namespace {

constexpr const char* kSsn = "370102194704090017";
constexpr const char* kRequestId = "0f8fad5b-d9cb-469f-a165-70867728950e";

void requireValidSsn(std::string_view ssn) {
    require(!sscard::validateIdNumber(ssn), "an accepted ID number validates");
}

void requireName(std::string_view name) {
    require(checks::isValidUtf8(name), "an accepted name is UTF-8");
    const std::string normal = checks::normalizeName(name);
    require(!normal.empty(), "an accepted name is not empty");
    require(checks::normalizeName(normal) == normal, "normalizeName is idempotent");
    try {
        (void)sscard::utf8ToGbk(normal, checks::kMaxNameGbkBytes);
    } catch (const std::exception&) {
        require(false, "an accepted name converts to at most 30 GBK bytes");
    }
}

void requireInsertedCard(const InsertedCard& card) {
    require(card.card_identifier().size() == 16, "an accepted card identifier is 16 bytes");
    require(checks::isCardNumber(card.card_number()), "an accepted card number is 9 characters");
    requireValidSsn(card.ssn());
}

void requireRefusal(const Refusal& r) {
    require(r.code == grpc::StatusCode::INVALID_ARGUMENT, "a form refusal is INVALID_ARGUMENT");
    require(r.reason == REFUSAL_REASON_MALFORMED_FIELD ||
                r.reason == REFUSAL_REASON_MALFORMED_ID_NUMBER ||
                r.reason == REFUSAL_REASON_WEAK_PASSWORD,
            "a form refusal has a form reason");
    require(!r.message.empty(), "a refusal has a message");
}

// What each accepted request guarantees beyond the common rules.
void accepted(const GetCardStatusRequest& m) {
    requireInsertedCard(m.card());
}
void accepted(const ReportPinChangedRequest& m) {
    requireInsertedCard(m.card());
    require(m.kind() == PIN_CHANGE_KIND_ACTIVATION || m.kind() == PIN_CHANGE_KIND_CHANGE,
            "a known kind");
    require((m.kind() == PIN_CHANGE_KIND_ACTIVATION) == (m.service_password().size() == 6),
            "a password with and only with an activation");
}
void accepted(const SetServicePasswordRequest& m) {
    requireInsertedCard(m.card());
    require(m.new_service_password().size() == 6, "a 6-digit password");
}
void accepted(const ReportTemporaryLossRequest& m) {
    requireValidSsn(m.ssn());
    requireName(m.name());
    require(m.second_factor().factor_case() != SecondFactor::FACTOR_NOT_SET, "a second factor");
}
void accepted(const UnreportLossRequest& m) {
    requireInsertedCard(m.card());
}
void accepted(const BeginPinResetRequest& m) {
    requireInsertedCard(m.card());
    require(m.second_factor().factor_case() != SecondFactor::FACTOR_NOT_SET, "a second factor");
}
void accepted(const ComputePinResetCryptogramRequest& m) {
    require(m.card_identifier().size() == 16, "a 16-byte identifier");
    require(m.challenge().size() == 8, "an 8-byte challenge");
    require(!m.reset_session_id().empty() && m.reset_session_id().size() <= 64, "a session id");
    require(PinResetOperation_IsValid(m.operation()) && m.operation() != 0, "a known operation");
}
void accepted(const ReportPinResetResultRequest& m) {
    requireInsertedCard(m.card());
    require(PinResetOperation_IsValid(m.operation()) && m.operation() != 0, "a known operation");
}
void accepted(const GetCardHistoryRequest& m) {
    requireInsertedCard(m.card());
}
void accepted(const RegisterPersonRequest& m) {
    requireValidSsn(m.person().ssn());
    requireName(m.person().name());
    require(Sex_IsValid(m.person().sex()) && m.person().sex() != 0, "a known sex");
    require(m.person().region().division_code().size() == 6, "a 6-digit division code");
}
void accepted(const IssueCardRequest& m) {
    requireValidSsn(m.card().ssn());
    require(m.card().card_identifier().size() == 16, "a 16-byte identifier");
    require(checks::isCardNumber(m.card().card_number()), "a 9-character card number");
}
void accepted(const ImportRegistryRequest& m) {
    require(m.persons_csv().size() + m.cards_csv().size() <= checks::kMaxImportBytes,
            "at most 32 MiB");
    require(checks::isValidUtf8(m.persons_csv()) && checks::isValidUtf8(m.cards_csv()),
            "UTF-8 content");
}
void accepted(const CardOperationRequest& m) {
    require(checks::isCardNumber(m.card_number()), "a 9-character card number");
    require(m.reason().size() <= checks::kMaxReasonBytes && checks::isValidUtf8(m.reason()),
            "a short reason");
}
void accepted(const UpsertServicePointRequest& m) {
    require(m.service_point().display_area_m2() >= 0.0, "a non-negative area");
}
void accepted(const ListServicePointsRequest& m) {
    require(m.page().page_size() >= 0 && m.page().page_size() <= 100, "a page size of 0..100");
}
void accepted(const EnrollTerminalRequest& m) {
    require(TerminalRole_IsValid(m.role()) && m.role() != 0, "a known role");
}
void accepted(const QueryAuditRequest& m) {
    if (!m.subject_ssn().empty()) {
        requireValidSsn(m.subject_ssn());
    }
    require(m.page().page_size() >= 0 && m.page().page_size() <= 100, "a page size of 0..100");
}
void accepted(const VerifyAuditChainRequest& m) {
    require(m.from_sequence() >= 0, "a sequence >= 0");
}
void accepted(const GetPersonRequest& m) {
    if (m.person().has_ssn()) {
        requireValidSsn(m.person().ssn());
    } else {
        require(checks::isCardNumber(m.person().card_number()), "a card number or an ID number");
    }
}

template <typename M>
void verify(const M& m) {
    const auto refusal = checks::check(m);
    const auto again = checks::check(m);
    require(refusal.has_value() == again.has_value(), "check() is deterministic");
    if (refusal) {
        requireRefusal(*refusal);
        require(refusal->reason == again->reason && refusal->message == again->message,
                "check() is deterministic");
        return;
    }
    if constexpr (requires { m.request_id(); }) {
        require(m.request_id().size() == 36 && checks::isRequestId(m.request_id()),
                "an accepted request id is a 36-character UUID");
    }
    if constexpr (!std::is_same_v<M, ImportRegistryRequest>) {
        require(m.ByteSizeLong() <= checks::kMaxRequestBytes,
                "an accepted request is at most 64 KiB");
    }
    accepted(m);
}

template <typename M>
void parseAndVerify(const std::uint8_t* data, std::size_t size) {
    M m;
    if (!m.ParseFromArray(data, static_cast<int>(size))) {
        return;
    }
    verify(m);
}

InsertedCard insertedCard() {
    InsertedCard c;
    c.set_card_identifier(std::string(16, '\x37'));
    c.set_card_number("A37010001");
    c.set_ssn(kSsn);
    return c;
}

// The raw bytes as text in the fields that take free text from people.
void verifyText(std::string_view text) {
    const std::string s(text);
    if (s.find('\0') == std::string::npos) {
        const bool glib = g_utf8_validate_len(s.data(), s.size(), nullptr);
        require(checks::isValidUtf8(s) == glib, "isValidUtf8 agrees with g_utf8_validate_len");
        if (glib) {
            const std::string normal = checks::normalizeName(s);
            require(checks::isValidUtf8(normal), "normalizeName keeps UTF-8 valid");
            require(checks::normalizeName(normal) == normal, "normalizeName is idempotent");
        }
    }
    (void)checks::normalizeName(s);
    (void)checks::normalizeSsn(s);

    ReportTemporaryLossRequest loss;
    loss.set_request_id(kRequestId);
    loss.set_ssn(kSsn);
    loss.set_name(s);
    loss.mutable_second_factor()->set_service_password(s.substr(0, 8));
    verify(loss);
    loss.set_ssn(s);
    loss.set_name("张三丰");
    loss.mutable_second_factor()->set_service_password("285714");
    verify(loss);

    RegisterPersonRequest person;
    person.set_request_id(kRequestId);
    person.mutable_person()->set_ssn(kSsn);
    person.mutable_person()->set_name(s);
    person.mutable_person()->set_sex(SEX_MALE);
    person.mutable_person()->set_ethnicity_code(1);
    person.mutable_person()->mutable_birth_date()->set_year(1947);
    person.mutable_person()->mutable_birth_date()->set_month(4);
    person.mutable_person()->mutable_birth_date()->set_day(9);
    person.mutable_person()->mutable_region()->set_division_code("371302");
    verify(person);

    ReportPinChangedRequest activation;
    activation.set_request_id(kRequestId);
    *activation.mutable_card() = insertedCard();
    activation.set_kind(PIN_CHANGE_KIND_ACTIVATION);
    activation.set_service_password(s);
    verify(activation);

    CardOperationRequest op;
    op.set_request_id(kRequestId);
    op.set_card_number("A37010001");
    op.set_reason(s);
    verify(op);

    QueryAuditRequest audit;
    audit.set_actor(s);
    audit.set_event_type(s.substr(0, 16));
    verify(audit);
}

void silence(google::protobuf::LogLevel, const char*, int, const std::string&) {}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // protobuf logs every string field with invalid UTF-8 it refuses to parse.
    google::protobuf::SetLogHandler(&silence);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::uint8_t* body = data + 1;
    const std::size_t n = size - 1;
    switch (data[0] % 20) {
        case 0:
            parseAndVerify<GetCardStatusRequest>(body, n);
            break;
        case 1:
            parseAndVerify<ReportPinChangedRequest>(body, n);
            break;
        case 2:
            parseAndVerify<SetServicePasswordRequest>(body, n);
            break;
        case 3:
            parseAndVerify<ReportTemporaryLossRequest>(body, n);
            break;
        case 4:
            parseAndVerify<UnreportLossRequest>(body, n);
            break;
        case 5:
            parseAndVerify<BeginPinResetRequest>(body, n);
            break;
        case 6:
            parseAndVerify<ComputePinResetCryptogramRequest>(body, n);
            break;
        case 7:
            parseAndVerify<ReportPinResetResultRequest>(body, n);
            break;
        case 8:
            parseAndVerify<GetCardHistoryRequest>(body, n);
            break;
        case 9:
            parseAndVerify<RegisterPersonRequest>(body, n);
            break;
        case 10:
            parseAndVerify<IssueCardRequest>(body, n);
            break;
        case 11:
            parseAndVerify<ImportRegistryRequest>(body, n);
            break;
        case 12:
            parseAndVerify<CardOperationRequest>(body, n);
            break;
        case 13:
            parseAndVerify<UpsertServicePointRequest>(body, n);
            break;
        case 14:
            parseAndVerify<ListServicePointsRequest>(body, n);
            break;
        case 15:
            parseAndVerify<EnrollTerminalRequest>(body, n);
            break;
        case 16:
            parseAndVerify<QueryAuditRequest>(body, n);
            break;
        case 17:
            parseAndVerify<VerifyAuditChainRequest>(body, n);
            break;
        case 18:
            parseAndVerify<GetPersonRequest>(body, n);
            break;
        default:
            verifyText(std::string_view(reinterpret_cast<const char*>(body), n));
            break;
    }
    return 0;
}
