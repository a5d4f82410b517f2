// Form validation of the back office's card and admin requests
// (services/backoffice/checks/checks.hpp): every rule with a passing and a failing case, the
// status code and refusal reason, and that no message carries a full ID number or name.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "drivers/sscard/id_number.hpp"
#include "services/backoffice/admin/checks.hpp"
#include "services/backoffice/card/checks.hpp"
#include "services/backoffice/checks/checks.hpp"

namespace checks = renshe::services::backoffice::checks;
using renshe::services::backoffice::Refusal;
using namespace renshe::v1;

namespace {

constexpr const char* kSsn = "370102194704090017";   // 张三丰, born 1947-04-09
constexpr const char* kSsnX = "11010519491231002X";  // GB 11643 worked example, born 1949-12-31
constexpr const char* kName = "张三丰";
constexpr const char* kCardNumber = "A37010001";
constexpr const char* kRequestId = "0f8fad5b-d9cb-469f-a165-70867728950e";

std::string identifier(std::size_t n = 16) {
    return std::string(n, '\x37');
}

InsertedCard insertedCard() {
    InsertedCard c;
    c.set_card_identifier(identifier());
    c.set_card_number(kCardNumber);
    c.set_ssn(kSsn);
    return c;
}

void setDate(Date* d, int y, int m, int day) {
    d->set_year(y);
    d->set_month(m);
    d->set_day(day);
}

::testing::AssertionResult accepted(const std::optional<Refusal>& r) {
    if (r) {
        return ::testing::AssertionFailure()
               << "refused (" << RefusalReason_Name(r->reason) << "): " << r->message;
    }
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult refused(const std::optional<Refusal>& r, RefusalReason reason) {
    if (!r) {
        return ::testing::AssertionFailure() << "accepted";
    }
    if (r->code != grpc::StatusCode::INVALID_ARGUMENT || r->reason != reason) {
        return ::testing::AssertionFailure() << "refused with code " << r->code << " and "
                                             << RefusalReason_Name(r->reason) << ": " << r->message;
    }
    if (r->message.empty()) {
        return ::testing::AssertionFailure() << "refused without a message";
    }
    return ::testing::AssertionSuccess() << r->message;
}

::testing::AssertionResult malformed(const std::optional<Refusal>& r) {
    return refused(r, REFUSAL_REASON_MALFORMED_FIELD);
}
::testing::AssertionResult badIdNumber(const std::optional<Refusal>& r) {
    return refused(r, REFUSAL_REASON_MALFORMED_ID_NUMBER);
}
::testing::AssertionResult weakPassword(const std::optional<Refusal>& r) {
    return refused(r, REFUSAL_REASON_WEAK_PASSWORD);
}

// Valid requests of each kind; the tests change one field.
ReportTemporaryLossRequest lossReport() {
    ReportTemporaryLossRequest r;
    r.set_request_id(kRequestId);
    r.set_ssn(kSsn);
    r.set_name(kName);
    r.mutable_second_factor()->set_service_password("285714");
    return r;
}

ReportPinChangedRequest activation(const std::string& password = "285714") {
    ReportPinChangedRequest r;
    r.set_request_id(kRequestId);
    *r.mutable_card() = insertedCard();
    r.set_kind(PIN_CHANGE_KIND_ACTIVATION);
    r.set_service_password(password);
    r.mutable_changed_at()->set_seconds(1'700'000'000);
    return r;
}

SetServicePasswordRequest setPassword(const std::string& password) {
    SetServicePasswordRequest r;
    r.set_request_id(kRequestId);
    *r.mutable_card() = insertedCard();
    r.mutable_pin_verified_at()->set_seconds(1'700'000'000);
    r.set_new_service_password(password);
    return r;
}

GetCardStatusRequest cardStatus() {
    GetCardStatusRequest r;
    *r.mutable_card() = insertedCard();
    return r;
}

RegisterPersonRequest registerPerson() {
    RegisterPersonRequest r;
    r.set_request_id(kRequestId);
    auto* p = r.mutable_person();
    p->set_ssn(kSsn);
    p->set_name(kName);
    p->set_sex(SEX_MALE);
    p->set_ethnicity_code(1);
    setDate(p->mutable_birth_date(), 1947, 4, 9);
    p->set_birthplace_code("370102");
    p->mutable_region()->set_division_code("371302");
    p->mutable_region()->set_township_code("101");
    setDate(p->mutable_pension_first_payment(), 2007, 5, 1);
    return r;
}

IssueCardRequest issueCard() {
    IssueCardRequest r;
    r.set_request_id(kRequestId);
    auto* c = r.mutable_card();
    c->set_card_number(kCardNumber);
    c->set_card_identifier(identifier());
    c->set_ssn(kSsn);
    setDate(c->mutable_issue_date(), 2024, 3, 1);
    setDate(c->mutable_expiry_date(), 2034, 2, 28);
    return r;
}

ComputePinResetCryptogramRequest cryptogram() {
    ComputePinResetCryptogramRequest r;
    r.set_request_id(kRequestId);
    r.set_reset_session_id("6f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e");
    r.set_card_identifier(identifier());
    r.set_challenge(std::string(8, '\x01'));
    r.set_operation(PIN_RESET_OPERATION_RELOAD);
    return r;
}

ReportPinResetResultRequest resetResult() {
    ReportPinResetResultRequest r;
    r.set_request_id(kRequestId);
    r.set_reset_session_id("6f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e");
    *r.mutable_card() = insertedCard();
    r.set_operation(PIN_RESET_OPERATION_UNBLOCK);
    r.set_succeeded(true);
    r.set_card_status_word("9000");
    return r;
}

CardOperationRequest cardOperation() {
    CardOperationRequest r;
    r.set_request_id(kRequestId);
    r.set_card_number(kCardNumber);
    r.set_reason("holder request at counter, ID seen");
    return r;
}

UpsertServicePointRequest servicePoint() {
    UpsertServicePointRequest r;
    r.set_request_id(kRequestId);
    auto* sp = r.mutable_service_point();
    sp->set_name("费县探沂镇人社所");
    sp->mutable_region()->set_division_code("371325");
    sp->mutable_region()->set_township_code("104");
    sp->set_facility_class(FACILITY_CLASS_I);
    sp->set_display_area_m2(12.5);
    sp->set_address("探沂镇政府院内");
    return r;
}

EnrollTerminalRequest enrollTerminal() {
    EnrollTerminalRequest r;
    r.set_request_id(kRequestId);
    r.set_csr_pem(
        "-----BEGIN CERTIFICATE REQUEST-----\nMIIBADCBpwIBADBF\n-----END CERTIFICATE "
        "REQUEST-----\n");
    r.set_terminal_id("T-371302101-01");
    r.set_role(TERMINAL_ROLE_TOUCH);
    r.set_service_point_id("sp-0001");
    return r;
}

QueryAuditRequest queryAudit() {
    QueryAuditRequest r;
    r.mutable_from_time()->set_seconds(1'700'000'000);
    r.mutable_to_time()->set_seconds(1'700'003'600);
    r.set_actor("S-0001");
    r.set_subject_ssn(kSsn);
    r.set_event_type("card.");
    r.mutable_page()->set_page_size(50);
    r.mutable_page()->set_page_token("1234");
    return r;
}

// A valid ID number whose check character is 'X' (for the lower-case 'x' rule).
std::string ssnEndingInX() {
    for (int n = 0; n < 1000; ++n) {
        char body[18];
        std::snprintf(body, sizeof body, "37010219470409%03d", n);
        if (renshe::drivers::sscard::idNumberCheckCharacter(body) == 'X') {
            return std::string(body) + "X";
        }
    }
    return {};
}

}  // namespace

// --- building blocks ---------------------------------------------------------------------

TEST(Utf8, AcceptsWellFormedText) {
    EXPECT_TRUE(checks::isValidUtf8(""));
    EXPECT_TRUE(checks::isValidUtf8("Zhang San"));
    EXPECT_TRUE(checks::isValidUtf8("张三丰"));
    EXPECT_TRUE(checks::isValidUtf8("\xC2\x80"));          // U+0080, smallest 2-byte
    EXPECT_TRUE(checks::isValidUtf8("\xE0\xA0\x80"));      // U+0800, smallest 3-byte
    EXPECT_TRUE(checks::isValidUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
    EXPECT_TRUE(checks::isValidUtf8("\xEE\x80\x80"));      // U+E000, just above
    EXPECT_TRUE(checks::isValidUtf8("\xF0\x90\x80\x80"));  // U+10000
    EXPECT_TRUE(checks::isValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last
    EXPECT_TRUE(checks::isValidUtf8(std::string_view("a\0b", 3)));
}

TEST(Utf8, RejectsTruncatedSequences) {
    EXPECT_FALSE(checks::isValidUtf8("\xE5\xBC"));  // 张 without its last byte
    EXPECT_FALSE(checks::isValidUtf8("张\xE4"));
    EXPECT_FALSE(checks::isValidUtf8("\xF0\x9F\x98"));
    EXPECT_FALSE(checks::isValidUtf8("\xC3"));
    EXPECT_FALSE(checks::isValidUtf8("\xC3\x28"));  // lead byte, then no continuation
    EXPECT_FALSE(checks::isValidUtf8("\x80"));      // stray continuation
    EXPECT_FALSE(checks::isValidUtf8("a\xBF"));
}

TEST(Utf8, RejectsOverlongForms) {
    EXPECT_FALSE(checks::isValidUtf8("\xC0\xAF"));  // '/' in 2 bytes
    EXPECT_FALSE(checks::isValidUtf8("\xC1\xBF"));
    EXPECT_FALSE(checks::isValidUtf8("\xE0\x80\xAF"));      // '/' in 3 bytes
    EXPECT_FALSE(checks::isValidUtf8("\xE0\x9F\xBF"));      // U+07FF in 3 bytes
    EXPECT_FALSE(checks::isValidUtf8("\xF0\x80\x80\xAF"));  // '/' in 4 bytes
    EXPECT_FALSE(checks::isValidUtf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in 4 bytes
    EXPECT_FALSE(checks::isValidUtf8("\xC0\x80"));          // "modified UTF-8" NUL
}

TEST(Utf8, RejectsSurrogatesAndBeyondUnicode) {
    EXPECT_FALSE(checks::isValidUtf8("\xED\xA0\x80"));              // U+D800
    EXPECT_FALSE(checks::isValidUtf8("\xED\xBF\xBF"));              // U+DFFF
    EXPECT_FALSE(checks::isValidUtf8("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 pair
    EXPECT_FALSE(checks::isValidUtf8("\xF4\x90\x80\x80"));          // U+110000
    EXPECT_FALSE(checks::isValidUtf8("\xF5\x80\x80\x80"));
    EXPECT_FALSE(checks::isValidUtf8("\xF8\x88\x80\x80\x80"));
    EXPECT_FALSE(checks::isValidUtf8("\xFE"));
    EXPECT_FALSE(checks::isValidUtf8("\xFF"));
}

TEST(Normalize, SsnUpperCasesTheCheckCharacterOnly) {
    EXPECT_EQ(checks::normalizeSsn("11010519491231002x"), kSsnX);
    EXPECT_EQ(checks::normalizeSsn(kSsnX), kSsnX);
    EXPECT_EQ(checks::normalizeSsn(kSsn), kSsn);
    EXPECT_EQ(checks::normalizeSsn("x"), "x");  // not an ID number: untouched
}

TEST(Normalize, NameTrimsAsciiAndIdeographicSpacesAndComposes) {
    EXPECT_EQ(checks::normalizeName("  张三丰 "), "张三丰");
    EXPECT_EQ(checks::normalizeName("\xE3\x80\x80张三丰\xE3\x80\x80 \t"), "张三丰");
    EXPECT_EQ(checks::normalizeName("买买提·艾力"), "买买提·艾力");
    EXPECT_EQ(checks::normalizeName("Zhang San"), "Zhang San");  // inner space kept
    // NFD "Mu¨ller" composes to NFC "Müller"; Hangul jamo compose to the syllable.
    EXPECT_EQ(checks::normalizeName("Mu\xCC\x88ller"), "M\xC3\xBCller");
    EXPECT_EQ(checks::normalizeName("\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80");  // 가
    EXPECT_EQ(checks::normalizeName("   \xE3\x80\x80 "), "");
    // Invalid UTF-8 is only trimmed.
    EXPECT_EQ(checks::normalizeName(" \xFF\xFE "), "\xFF\xFE");
}

TEST(Normalize, RequestIdAndCardNumberForms) {
    EXPECT_TRUE(checks::isRequestId(kRequestId));
    EXPECT_TRUE(checks::isRequestId("00000000-0000-4000-8000-000000000000"));
    EXPECT_FALSE(checks::isRequestId("0F8FAD5B-D9CB-469F-A165-70867728950E"));  // upper case
    EXPECT_FALSE(checks::isRequestId("0f8fad5bd9cb469fa16570867728950e"));      // no hyphens
    EXPECT_FALSE(checks::isRequestId("0f8fad5b-d9cb-469f-a165-70867728950"));   // 35
    EXPECT_FALSE(checks::isRequestId("0f8fad5b-d9cb-469f-a165-70867728950e0"));
    EXPECT_FALSE(checks::isRequestId("0f8fad5b-d9cb-469f-a165-70867728950g"));
    EXPECT_FALSE(checks::isRequestId("0f8fad5bd-9cb-469f-a165-70867728950e"));  // hyphen moved
    EXPECT_FALSE(checks::isRequestId("{0f8fad5b-d9cb-469f-a165-70867728950}"));
    EXPECT_TRUE(checks::isCardNumber("A37010001"));
    EXPECT_TRUE(checks::isCardNumber("123456789"));
    EXPECT_FALSE(checks::isCardNumber("a37010001"));
    EXPECT_FALSE(checks::isCardNumber("A3701000"));
    EXPECT_FALSE(checks::isCardNumber("A370100010"));
    EXPECT_FALSE(checks::isCardNumber("A3701000!"));
}

// --- request id and size -----------------------------------------------------------------

TEST(Validation, RequestIdMustBeALowerCaseUuid) {
    auto r = lossReport();
    EXPECT_TRUE(accepted(checks::check(r)));
    for (const std::string bad :
         {"", "not-a-uuid", "0F8FAD5B-D9CB-469F-A165-70867728950E",
          "0f8fad5b-d9cb-469f-a165-70867728950e ", "0f8fad5b_d9cb_469f_a165_70867728950e"}) {
        r.set_request_id(bad);
        EXPECT_TRUE(malformed(checks::check(r))) << bad;
    }
    auto pin = activation();
    pin.clear_request_id();
    EXPECT_TRUE(malformed(checks::check(pin)));
    auto op = cardOperation();
    op.set_request_id("0f8fad5b-d9cb-469f-a165-70867728950E");
    EXPECT_TRUE(malformed(checks::check(op)));
}

TEST(Validation, OversizedRequestsAreRefused) {
    auto r = lossReport();
    r.set_name(std::string(100 * 1024, 'a'));
    const auto refusal = checks::check(r);
    ASSERT_TRUE(malformed(refusal));
    EXPECT_EQ(refusal->message, "request too large");

    auto op = cardOperation();
    op.set_reason(std::string(checks::kMaxRequestBytes, 'a'));
    EXPECT_TRUE(malformed(checks::check(op)));
    auto audit = queryAudit();
    audit.set_actor(std::string(checks::kMaxRequestBytes + 1, 'a'));
    EXPECT_TRUE(malformed(checks::check(audit)));
    EXPECT_EQ(checks::check(audit)->message, "request too large");
    auto status = cardStatus();
    status.mutable_card()->set_card_identifier(std::string(70 * 1024, '\0'));
    EXPECT_EQ(checks::check(status)->message, "request too large");
}

TEST(Validation, ImportRegistryMayCarryUpTo32MiBOfUtf8) {
    ImportRegistryRequest r;
    r.set_request_id(kRequestId);
    r.set_persons_csv("ssn,name,sex,birth_date,region\n" +
                      std::string(1024 * 1024, 'a'));  // over 64 KiB: fine
    r.set_cards_csv("card_number,card_identifier,ssn,issue_date,expiry_date\n");
    EXPECT_TRUE(accepted(checks::check(r)));

    auto big = r;
    big.set_persons_csv(std::string(checks::kMaxImportBytes - 10, 'a'));
    big.set_cards_csv(std::string(10, 'b'));
    EXPECT_TRUE(accepted(checks::check(big)));
    big.set_cards_csv(std::string(11, 'b'));
    EXPECT_TRUE(malformed(checks::check(big)));

    auto bad = r;
    bad.set_persons_csv("ssn,name\n370102194704090017,\xE5\xBC\n");  // truncated 张
    EXPECT_TRUE(malformed(checks::check(bad)));
    bad = r;
    bad.set_cards_csv("card_number\n\xC0\xAF\n");
    EXPECT_TRUE(malformed(checks::check(bad)));
    bad = r;
    bad.clear_request_id();
    EXPECT_TRUE(malformed(checks::check(bad)));
}

// --- ID numbers ----------------------------------------------------------------------------

TEST(Validation, MalformedIdNumbersAreMalformedIdNumber) {
    auto r = lossReport();
    EXPECT_TRUE(accepted(checks::check(r)));
    for (const std::string bad : {
             "",                     // missing
             "37010219470409001",    // 17 characters
             "3701021947040900177",  // 19 characters
             "37010219470409001A",   // a letter other than X last
             "3701021947O4090017",   // letter O for zero
             "370102194704090 17",   // a space
             "370102194713090017",   // month 13
             "370102190002290013",   // 1900-02-29 (not a leap year)
             "370102194704090018",   // check digit
             "000102194704090017",   // impossible region
         }) {
        r.set_ssn(bad);
        EXPECT_TRUE(badIdNumber(checks::check(r))) << bad;
    }
    r.set_ssn("11010519491231002x");  // lower-case x is accepted (and normalised by the service)
    EXPECT_TRUE(accepted(checks::check(r)));
    const std::string withX = ssnEndingInX();
    ASSERT_FALSE(withX.empty());
    r.set_ssn(withX);
    EXPECT_TRUE(accepted(checks::check(r)));
}

TEST(Validation, IdNumbersOfEveryRequestAreChecked) {
    auto status = cardStatus();
    status.mutable_card()->set_ssn("370102194704090018");
    EXPECT_TRUE(badIdNumber(checks::check(status)));
    auto person = registerPerson();
    person.mutable_person()->set_ssn("37010219470409001");
    EXPECT_TRUE(badIdNumber(checks::check(person)));
    auto card = issueCard();
    card.mutable_card()->set_ssn("37010219470409001X");
    EXPECT_TRUE(badIdNumber(checks::check(card)));
    auto audit = queryAudit();
    audit.set_subject_ssn("370102194704090018");
    EXPECT_TRUE(badIdNumber(checks::check(audit)));
    audit.clear_subject_ssn();  // optional there
    EXPECT_TRUE(accepted(checks::check(audit)));
    GetPersonRequest gp;
    gp.mutable_person()->set_ssn("370102194704090018");
    EXPECT_TRUE(badIdNumber(checks::check(gp)));
    gp.mutable_person()->set_ssn(kSsn);
    EXPECT_TRUE(accepted(checks::check(gp)));
}

// --- names ---------------------------------------------------------------------------------

TEST(Validation, NamesMayHoldLettersOfAnyScriptMiddleDotsAndSpaces) {
    auto r = lossReport();
    for (const std::string good :
         {"张三丰", "买买提·艾力", "阿卜杜·热合曼", "Zhang San", "Müller", "Mu\xCC\x88ller",
          "김철수", "Иван", "  张三丰\xE3\x80\x80", "欧阳　锋", "𠮷野"}) {
        r.set_name(good);
        EXPECT_TRUE(accepted(checks::check(r))) << good;
    }
    for (const std::string bad : {"'; DROP TABLE persons; --", "张三1", "Robert'); --", "<script>",
                                  "张_三", "张三!", "a@b", "😀", "·", "  ", "\xE3\x80\x80", ""}) {
        r.set_name(bad);
        EXPECT_TRUE(malformed(checks::check(r))) << bad;
    }
}

TEST(Validation, NamesAreAtMost30BytesInGbk) {
    auto r = lossReport();
    r.set_name("张三丰张三丰张三丰张三丰张三丰");  // 15 characters = 30 GBK bytes (45 UTF-8 bytes)
    EXPECT_TRUE(accepted(checks::check(r)));
    r.set_name("张三丰张三丰张三丰张三丰张三丰a");  // 31 GBK bytes
    EXPECT_TRUE(malformed(checks::check(r)));
    r.set_name(std::string(30, 'a'));
    EXPECT_TRUE(accepted(checks::check(r)));
    r.set_name(std::string(31, 'a'));
    EXPECT_TRUE(malformed(checks::check(r)));
    r.set_name("  " + std::string(30, 'a') + "  ");  // measured after trimming
    EXPECT_TRUE(accepted(checks::check(r)));
    r.set_name("张三丰张三丰张三丰张三丰张三丰张三丰");  // 18 characters = 36 GBK bytes
    EXPECT_TRUE(malformed(checks::check(r)));
    auto person = registerPerson();
    person.mutable_person()->set_name(std::string(31, 'a'));
    EXPECT_TRUE(malformed(checks::check(person)));
}

TEST(Validation, NamesMustBeValidUtf8) {
    auto r = lossReport();
    for (const std::string bad : {"张\xE4", "\xE5\xBC", "\xC0\xAF张", "\xE0\x80\xAF",
                                  "张\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC3\x28\xFF\xFE"}) {
        r.set_name(bad);
        const auto refusal = checks::check(r);
        EXPECT_TRUE(malformed(refusal)) << bad;
        if (refusal) {
            EXPECT_NE(refusal->message.find("UTF-8"), std::string::npos) << refusal->message;
        }
    }
}

TEST(Validation, NamesMustNotHoldControlCharacters) {
    auto r = lossReport();
    const std::vector<std::string> bads = {
        "张\n三丰",
        "张\t三丰",
        "张\x01三",
        "张三丰\x7F",
        "张\xC2\x85三",            // NEL (C1)
        "张\xE2\x80\xAE三",        // right-to-left override
        "张\xE2\x80\x8B三",        // zero-width space
        std::string("张\0三", 7),  // NUL
    };
    for (const std::string& bad : bads) {
        r.set_name(bad);
        const auto refusal = checks::check(r);
        EXPECT_TRUE(malformed(refusal));
        if (refusal) {
            EXPECT_NE(refusal->message.find("control"), std::string::npos) << refusal->message;
        }
    }
}

TEST(Validation, RegisterPersonChecksTheName) {
    auto r = registerPerson();
    EXPECT_TRUE(accepted(checks::check(r)));
    r.mutable_person()->set_name("'; DROP TABLE persons; --");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_person()->clear_name();
    EXPECT_TRUE(malformed(checks::check(r)));
}

// --- enums ---------------------------------------------------------------------------------

TEST(Validation, UnknownAndUnspecifiedEnumValuesAreMalformed) {
    auto pin = activation();
    EXPECT_TRUE(accepted(checks::check(pin)));
    pin.set_kind(static_cast<PinChangeKind>(99));
    EXPECT_TRUE(malformed(checks::check(pin)));
    pin.set_kind(static_cast<PinChangeKind>(-1));
    EXPECT_TRUE(malformed(checks::check(pin)));
    pin.set_kind(PIN_CHANGE_KIND_UNSPECIFIED);
    EXPECT_TRUE(malformed(checks::check(pin)));

    auto crypto = cryptogram();
    EXPECT_TRUE(accepted(checks::check(crypto)));
    crypto.set_operation(static_cast<PinResetOperation>(3));
    EXPECT_TRUE(malformed(checks::check(crypto)));
    crypto.set_operation(PIN_RESET_OPERATION_UNSPECIFIED);
    EXPECT_TRUE(malformed(checks::check(crypto)));

    auto result = resetResult();
    EXPECT_TRUE(accepted(checks::check(result)));
    result.set_operation(static_cast<PinResetOperation>(42));
    EXPECT_TRUE(malformed(checks::check(result)));

    auto person = registerPerson();
    person.mutable_person()->set_sex(static_cast<Sex>(7));
    EXPECT_TRUE(malformed(checks::check(person)));
    person.mutable_person()->set_sex(SEX_UNSPECIFIED);
    EXPECT_TRUE(malformed(checks::check(person)));
    person.mutable_person()->set_sex(SEX_FEMALE);
    EXPECT_TRUE(accepted(checks::check(person)));

    auto enroll = enrollTerminal();
    EXPECT_TRUE(accepted(checks::check(enroll)));
    enroll.set_role(static_cast<TerminalRole>(9));
    EXPECT_TRUE(malformed(checks::check(enroll)));
    enroll.set_role(TERMINAL_ROLE_UNSPECIFIED);
    EXPECT_TRUE(malformed(checks::check(enroll)));

    auto sp = servicePoint();
    EXPECT_TRUE(accepted(checks::check(sp)));
    sp.mutable_service_point()->set_facility_class(static_cast<FacilityClass>(4));
    EXPECT_TRUE(malformed(checks::check(sp)));
    sp.mutable_service_point()->set_facility_class(FACILITY_CLASS_UNSPECIFIED);
    EXPECT_TRUE(malformed(checks::check(sp)));
}

// --- service passwords ---------------------------------------------------------------------

TEST(Validation, NewServicePasswordsAreSixDigitsAndNotWeak) {
    EXPECT_TRUE(accepted(checks::check(activation("285714"))));
    EXPECT_TRUE(accepted(checks::check(activation("951357"))));
    for (const std::string weak : {"123456",                      // the initial PIN
                                   "000000", "888888",            // all the same
                                   "234567", "987654", "890123",  // runs, also across 9-0
                                   "470409",  // the holder's birth date YYMMDD (1947-04-09)
                                   "12ab56", "12345", "1234567", "１２３４５６", " 28571"}) {
        EXPECT_TRUE(weakPassword(checks::check(activation(weak)))) << weak;
        EXPECT_TRUE(weakPassword(checks::check(setPassword(weak)))) << weak;
    }
    EXPECT_TRUE(accepted(checks::check(setPassword("285714"))));
}

TEST(Validation, ActivationNeedsAServicePasswordAndAChangeReportHasNone) {
    EXPECT_TRUE(malformed(checks::check(activation(""))));
    EXPECT_TRUE(malformed(checks::check(setPassword(""))));
    auto change = activation();
    change.set_kind(PIN_CHANGE_KIND_CHANGE);
    EXPECT_TRUE(malformed(checks::check(change)));
    change.clear_service_password();
    EXPECT_TRUE(accepted(checks::check(change)));
}

// --- second factor -------------------------------------------------------------------------

TEST(Validation, SecondFactorIsExactlyOneNonEmptyFactor) {
    auto r = lossReport();
    EXPECT_TRUE(accepted(checks::check(r)));
    r.clear_second_factor();
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_second_factor();  // present but empty: no factor set
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_second_factor()->set_service_password("");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_second_factor()->set_service_password(
        "12ab56");  // the contract says MALFORMED_FIELD here
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_second_factor()->set_service_password(
        "123456");  // weak is not checked when verifying
    EXPECT_TRUE(accepted(checks::check(r)));
    r.mutable_second_factor()->set_fingerprint_verification_id(
        "f3b0c442-98fc-4c14-9afb-f4c8996fb924");
    EXPECT_TRUE(accepted(checks::check(r)));
    EXPECT_FALSE(
        r.second_factor().has_service_password());  // a oneof: setting one clears the other
    r.mutable_second_factor()->set_fingerprint_verification_id("");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_second_factor()->set_fingerprint_verification_id("id with spaces");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_second_factor()->set_fingerprint_verification_id(std::string(65, 'a'));
    EXPECT_TRUE(malformed(checks::check(r)));

    BeginPinResetRequest begin;
    begin.set_request_id(kRequestId);
    *begin.mutable_card() = insertedCard();
    EXPECT_TRUE(malformed(checks::check(begin)));
    begin.mutable_second_factor()->set_service_password("285714");
    EXPECT_TRUE(accepted(checks::check(begin)));
}

// --- the inserted card ---------------------------------------------------------------------

TEST(Validation, InsertedCardHas16ByteIdentifier9CharacterNumberAndValidIdNumber) {
    auto r = cardStatus();
    EXPECT_TRUE(accepted(checks::check(r)));
    for (std::size_t n : {0u, 15u, 17u, 32u}) {
        r = cardStatus();
        r.mutable_card()->set_card_identifier(identifier(n));
        EXPECT_TRUE(malformed(checks::check(r))) << n;
    }
    for (const std::string bad :
         {"", "A3701000", "A370100011", "a37010001", "A3701000!", "A3701 001", "Ａ37010001"}) {
        r = cardStatus();
        r.mutable_card()->set_card_number(bad);
        EXPECT_TRUE(malformed(checks::check(r))) << bad;
    }
    r = cardStatus();
    r.mutable_card()->set_ssn("370102194704090018");
    EXPECT_TRUE(badIdNumber(checks::check(r)));
    r.clear_card();
    EXPECT_TRUE(malformed(checks::check(r)));

    UnreportLossRequest unreport;
    unreport.set_request_id(kRequestId);
    EXPECT_TRUE(malformed(checks::check(unreport)));
    *unreport.mutable_card() = insertedCard();
    EXPECT_TRUE(accepted(checks::check(unreport)));
    GetCardHistoryRequest history;
    EXPECT_TRUE(malformed(checks::check(history)));
    *history.mutable_card() = insertedCard();
    EXPECT_TRUE(accepted(checks::check(history)));
}

// --- times and dates -----------------------------------------------------------------------

TEST(Validation, TimestampsMustBeInRange) {
    auto r = setPassword("285714");
    r.mutable_pin_verified_at()->set_nanos(-1);
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_pin_verified_at()->set_nanos(1'000'000'000);
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_pin_verified_at()->set_nanos(999'999'999);
    EXPECT_TRUE(accepted(checks::check(r)));
    r.mutable_pin_verified_at()->set_seconds(std::numeric_limits<std::int64_t>::max());
    EXPECT_TRUE(malformed(checks::check(r)));
    r.clear_pin_verified_at();  // missing is the service's VERIFICATION_STALE, not a form error
    EXPECT_TRUE(accepted(checks::check(r)));

    GetCardHistoryRequest history;
    *history.mutable_card() = insertedCard();
    history.mutable_pin_verified_at()->set_seconds(-62135596801);
    EXPECT_TRUE(malformed(checks::check(history)));
}

TEST(Validation, DatesMustBeRealCalendarDates) {
    auto r = issueCard();
    EXPECT_TRUE(accepted(checks::check(r)));
    setDate(r.mutable_card()->mutable_issue_date(), 2024, 2, 29);  // leap year
    EXPECT_TRUE(accepted(checks::check(r)));
    setDate(r.mutable_card()->mutable_issue_date(), 2023, 2, 29);
    EXPECT_TRUE(malformed(checks::check(r)));
    setDate(r.mutable_card()->mutable_issue_date(), 2024, 4, 31);
    EXPECT_TRUE(malformed(checks::check(r)));
    setDate(r.mutable_card()->mutable_issue_date(), 2024, 13, 1);
    EXPECT_TRUE(malformed(checks::check(r)));
    setDate(r.mutable_card()->mutable_issue_date(), 2024, 0, 1);
    EXPECT_TRUE(malformed(checks::check(r)));
    setDate(r.mutable_card()->mutable_issue_date(), 0, 0, 0);
    EXPECT_TRUE(malformed(checks::check(r)));
    r = issueCard();
    r.mutable_card()->clear_expiry_date();
    EXPECT_TRUE(malformed(checks::check(r)));
}

TEST(Validation, CardExpiryMustBeAfterIssue) {
    auto r = issueCard();
    *r.mutable_card()->mutable_expiry_date() = r.card().issue_date();
    EXPECT_TRUE(malformed(checks::check(r)));
    setDate(r.mutable_card()->mutable_expiry_date(), 2024, 2, 29);
    EXPECT_TRUE(malformed(checks::check(r)));
    setDate(r.mutable_card()->mutable_expiry_date(), 2024, 3, 2);
    EXPECT_TRUE(accepted(checks::check(r)));
}

TEST(Validation, IssueCardChecksNumberAndIdentifier) {
    auto r = issueCard();
    r.mutable_card()->set_card_number("A3701000");
    EXPECT_TRUE(malformed(checks::check(r)));
    r = issueCard();
    r.mutable_card()->set_card_identifier(identifier(15));
    EXPECT_TRUE(malformed(checks::check(r)));
    r.clear_card();
    EXPECT_TRUE(malformed(checks::check(r)));
}

TEST(Validation, PersonBirthDateMustAgreeWithTheIdNumber) {
    auto r = registerPerson();
    setDate(r.mutable_person()->mutable_birth_date(), 1947, 4, 10);
    EXPECT_TRUE(malformed(checks::check(r)));
    setDate(r.mutable_person()->mutable_birth_date(), 1974, 4, 9);
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_person()->clear_birth_date();
    EXPECT_TRUE(malformed(checks::check(r)));
    setDate(r.mutable_person()->mutable_birth_date(), 1947, 4, 9);
    EXPECT_TRUE(accepted(checks::check(r)));
}

TEST(Validation, PersonRecordOtherFields) {
    auto r = registerPerson();
    r.mutable_person()->set_ethnicity_code(0);
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_person()->set_ethnicity_code(57);
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_person()->set_ethnicity_code(56);
    EXPECT_TRUE(accepted(checks::check(r)));
    r.mutable_person()->set_ethnicity_code(97);
    EXPECT_TRUE(accepted(checks::check(r)));

    r = registerPerson();
    r.mutable_person()->set_birthplace_code("37010");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_person()->clear_birthplace_code();
    EXPECT_TRUE(accepted(checks::check(r)));

    r = registerPerson();
    setDate(r.mutable_person()->mutable_pension_first_payment(), 1940, 1, 1);  // before birth
    EXPECT_TRUE(malformed(checks::check(r)));
    setDate(r.mutable_person()->mutable_pension_first_payment(), 2007, 2, 30);
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_person()->clear_pension_first_payment();  // not a retiree
    EXPECT_TRUE(accepted(checks::check(r)));

    r.clear_person();
    EXPECT_TRUE(malformed(checks::check(r)));
}

// --- region codes --------------------------------------------------------------------------

TEST(Validation, RegionCodesAreSixDigitsPlusOptionalThreePlusOptionalThree) {
    auto r = registerPerson();
    auto* region = r.mutable_person()->mutable_region();
    region->clear_township_code();
    EXPECT_TRUE(accepted(checks::check(r)));
    region->set_township_code("101");
    region->set_village_code("201");
    EXPECT_TRUE(accepted(checks::check(r)));
    region->set_village_code("20");
    EXPECT_TRUE(malformed(checks::check(r)));
    region->set_village_code("201");
    region->clear_township_code();  // village without township
    EXPECT_TRUE(malformed(checks::check(r)));
    region->clear_village_code();
    region->set_township_code("1011");
    EXPECT_TRUE(malformed(checks::check(r)));
    region->set_township_code("10a");
    EXPECT_TRUE(malformed(checks::check(r)));
    region->clear_township_code();
    for (const std::string bad :
         {"", "37130", "3713021", "37130a", "001302", "991302", "３７１３０２"}) {
        region->set_division_code(bad);
        EXPECT_TRUE(malformed(checks::check(r))) << bad;
    }
    r.mutable_person()->clear_region();
    EXPECT_TRUE(malformed(checks::check(r)));

    auto sp = servicePoint();
    sp.mutable_service_point()->mutable_region()->set_division_code("3713");
    EXPECT_TRUE(malformed(checks::check(sp)));

    ListServicePointsRequest list;
    EXPECT_TRUE(accepted(checks::check(list)));
    for (const std::string good : {"37", "3713", "371302", "371302101201"}) {
        list.set_region_prefix(good);
        EXPECT_TRUE(accepted(checks::check(list))) << good;
    }
    for (const std::string bad : {"37a", "3713021012011", "3713 02", "371302%"}) {
        list.set_region_prefix(bad);
        EXPECT_TRUE(malformed(checks::check(list))) << bad;
    }
}

// --- card operations -----------------------------------------------------------------------

TEST(Validation, CardOperationReasonIsShortUtf8WithoutControls) {
    auto r = cardOperation();
    EXPECT_TRUE(accepted(checks::check(r)));
    r.clear_reason();  // the service writes a default
    EXPECT_TRUE(accepted(checks::check(r)));
    r.set_reason(std::string(200, 'a'));
    EXPECT_TRUE(accepted(checks::check(r)));
    r.set_reason(std::string(201, 'a'));
    EXPECT_TRUE(malformed(checks::check(r)));
    r.set_reason("持卡人本人到柜台申请");
    EXPECT_TRUE(accepted(checks::check(r)));
    r.set_reason("lost \xE5\xBC");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.set_reason("lost\nOK admin.cancel_card");  // a forged log line
    EXPECT_TRUE(malformed(checks::check(r)));
    r = cardOperation();
    r.set_card_number("A3701000");
    EXPECT_TRUE(malformed(checks::check(r)));
}

// --- PIN reset -----------------------------------------------------------------------------

TEST(Validation, PinResetCryptogramNeeds8ByteChallengeAndSession) {
    auto r = cryptogram();
    for (std::size_t n : {0u, 7u, 9u, 16u}) {
        r.set_challenge(std::string(n, '\x01'));
        EXPECT_TRUE(malformed(checks::check(r))) << n;
    }
    r = cryptogram();
    r.set_card_identifier(identifier(15));
    EXPECT_TRUE(malformed(checks::check(r)));
    r = cryptogram();
    r.set_reset_session_id(std::string(64, 'a'));
    EXPECT_TRUE(accepted(checks::check(r)));
    for (const std::string& bad :
         {std::string(), std::string(65, 'a'), std::string("abc def"), std::string("abc\n")}) {
        r.set_reset_session_id(bad);
        EXPECT_TRUE(malformed(checks::check(r))) << bad;
    }
}

TEST(Validation, PinResetResultStatusWordIsEmptyOrFourHexDigits) {
    auto r = resetResult();
    for (const std::string good : {"9000", "6982", "63c2", ""}) {
        r.set_card_status_word(good);
        EXPECT_TRUE(accepted(checks::check(r))) << good;
    }
    for (const std::string bad : {"900", "90000", "zz00", "90 0"}) {
        r.set_card_status_word(bad);
        EXPECT_TRUE(malformed(checks::check(r))) << bad;
    }
    r = resetResult();
    r.clear_reset_session_id();
    EXPECT_TRUE(malformed(checks::check(r)));
}

// --- paging, audit -------------------------------------------------------------------------

TEST(Validation, PageSizeIsZeroTo100) {
    ListServicePointsRequest r;
    for (int good : {0, 1, 100}) {
        r.mutable_page()->set_page_size(good);
        EXPECT_TRUE(accepted(checks::check(r))) << good;
    }
    for (int bad : {-1, 101, 1'000'000}) {
        r.mutable_page()->set_page_size(bad);
        EXPECT_TRUE(malformed(checks::check(r))) << bad;
    }
    r.mutable_page()->set_page_size(10);
    r.mutable_page()->set_page_token("token with space");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_page()->set_page_token(std::string(129, 'a'));
    EXPECT_TRUE(malformed(checks::check(r)));
    auto audit = queryAudit();
    audit.mutable_page()->set_page_size(101);
    EXPECT_TRUE(malformed(checks::check(audit)));
}

TEST(Validation, QueryAuditTimeRangeIsOrdered) {
    auto r = queryAudit();
    EXPECT_TRUE(accepted(checks::check(r)));
    *r.mutable_to_time() = r.from_time();  // empty range: allowed
    EXPECT_TRUE(accepted(checks::check(r)));
    r.mutable_to_time()->set_seconds(r.from_time().seconds() - 1);
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_to_time()->set_seconds(r.from_time().seconds());
    r.mutable_from_time()->set_nanos(1);
    EXPECT_TRUE(malformed(checks::check(r)));
    r.clear_from_time();  // open start
    EXPECT_TRUE(accepted(checks::check(r)));
    r = queryAudit();
    r.set_event_type("card; DROP");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.set_event_type("card.report_temporary_loss");
    EXPECT_TRUE(accepted(checks::check(r)));
    r.set_actor("S-0001\n");
    EXPECT_TRUE(malformed(checks::check(r)));
}

TEST(Validation, VerifyAuditChainFromSequenceIsNotNegative) {
    VerifyAuditChainRequest r;
    EXPECT_TRUE(accepted(checks::check(r)));
    r.set_from_sequence(42);
    EXPECT_TRUE(accepted(checks::check(r)));
    r.set_from_sequence(-1);
    EXPECT_TRUE(malformed(checks::check(r)));
}

// --- service points, terminals, persons ----------------------------------------------------

TEST(Validation, ServicePointFields) {
    auto r = servicePoint();
    r.mutable_service_point()->set_display_area_m2(-0.5);
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_service_point()->set_display_area_m2(std::nan(""));
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_service_point()->set_display_area_m2(std::numeric_limits<double>::infinity());
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_service_point()->set_display_area_m2(0);
    EXPECT_TRUE(accepted(checks::check(r)));
    r.mutable_service_point()->clear_name();
    EXPECT_TRUE(malformed(checks::check(r)));
    r = servicePoint();
    r.mutable_service_point()->set_id("sp 1");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.clear_service_point();
    EXPECT_TRUE(malformed(checks::check(r)));
}

TEST(Validation, EnrollTerminalFields) {
    auto r = enrollTerminal();
    r.set_terminal_id("T 371302");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.set_terminal_id("");
    EXPECT_TRUE(malformed(checks::check(r)));
    r.set_terminal_id("T-371302-001-D");
    EXPECT_TRUE(accepted(checks::check(r)));
    r.clear_csr_pem();
    EXPECT_TRUE(malformed(checks::check(r)));
    r.set_csr_pem("not a pem");
    EXPECT_TRUE(malformed(checks::check(r)));
    r = enrollTerminal();
    r.clear_service_point_id();
    EXPECT_TRUE(malformed(checks::check(r)));
}

TEST(Validation, GetPersonNeedsAWellFormedKey) {
    GetPersonRequest r;
    EXPECT_TRUE(malformed(checks::check(r)));
    r.mutable_person()->set_card_number("A37010001");
    EXPECT_TRUE(accepted(checks::check(r)));
    r.mutable_person()->set_card_number("A3701");
    EXPECT_TRUE(malformed(checks::check(r)));
}

// --- messages ------------------------------------------------------------------------------

TEST(Validation, MessagesNeverHoldAFullIdNumberOrName) {
    std::vector<std::optional<Refusal>> refusals;
    auto loss = lossReport();
    loss.set_name("张三丰1");
    refusals.push_back(checks::check(loss));
    loss = lossReport();
    loss.mutable_second_factor()->set_service_password("12ab56");
    refusals.push_back(checks::check(loss));
    auto pin = activation("470409");
    refusals.push_back(checks::check(pin));
    auto person = registerPerson();
    setDate(person.mutable_person()->mutable_birth_date(), 1947, 4, 10);
    refusals.push_back(checks::check(person));
    person = registerPerson();
    person.mutable_person()->set_name("张三丰张三丰张三丰张三丰张三丰张三丰");
    refusals.push_back(checks::check(person));
    auto card = issueCard();
    card.mutable_card()->set_ssn("370102194704090018");
    refusals.push_back(checks::check(card));
    for (const auto& r : refusals) {
        ASSERT_TRUE(r.has_value());
        EXPECT_FALSE(r->message.empty());
        EXPECT_EQ(r->message.find("3701021947040900"), std::string::npos) << r->message;
        EXPECT_EQ(r->message.find("张三丰"), std::string::npos) << r->message;
        EXPECT_EQ(r->message.find("470409"), std::string::npos) << r->message;
        EXPECT_EQ(r->message.find("12ab56"), std::string::npos) << r->message;
    }
}
