// 我的社保 over mutual TLS on SQLite and PostgreSQL: records imported in chunks (a bad row named
// by its line and nothing applied, skip_bad, a resumed import, a chunk sent twice), then read
// by the holder at a touch terminal with the card and a fresh PIN, or without the card with a
// finger matched on the terminal's sensor, or by staff; participation status derived from the
// months recorded; keyset paging; who may read whose records.
#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "drivers/util/clock.hpp"
#include "renshe/v1/certification.grpc.pb.h"
#include "renshe/v1/records.grpc.pb.h"
#include "tests/service/records_fixture.hpp"

namespace {

using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::newRequestId;
using renshe::testing::Outcome;
using renshe::testing::StoreKind;
using namespace renshe::testing::records;

class RecordsTest : public RecordsFixture {};

TEST_P(RecordsTest, TheHolderReadsTheirRecordsWithTheCardAndAFreshPin) {
    EXPECT_EQ(importAll(RECORDS_FILE_KIND_CONTRIBUTIONS, twoYears()), 36);

    const auto s = summary(atTheTerminal());
    EXPECT_EQ(s.holder().masked_name(), "张*丰");
    EXPECT_EQ(s.holder().masked_ssn(), "370***********0017");
    ASSERT_EQ(s.insurances_size(), 2);
    const auto& pension = s.insurances(0);
    EXPECT_EQ(pension.type(), INSURANCE_TYPE_EMPLOYEE_PENSION);
    EXPECT_EQ(pension.status(), PARTICIPATION_STATUS_CONTRIBUTING);
    EXPECT_EQ(pension.first_month(), text(monthsBefore(now, 24)));
    EXPECT_EQ(pension.paid_months(), 22);
    EXPECT_EQ(pension.owed_months(), 2);
    EXPECT_EQ(pension.latest_paid_month(), text(monthsBefore(now, 3)));
    EXPECT_EQ(pension.base().fen(), 400000);
    const auto& medical = s.insurances(1);
    EXPECT_EQ(medical.type(), INSURANCE_TYPE_EMPLOYEE_MEDICAL);
    EXPECT_EQ(medical.paid_months(), 12);
    EXPECT_EQ(medical.owed_months(), 0);
    EXPECT_EQ(s.records_through(), text(monthsBefore(now, 1)));

    // A year by month, every type, walked in pages of 5 without a repeat or a gap.
    const int year = monthsBefore(now, 13) / 100;
    ListContributionsRequest lr;
    *lr.mutable_subject() = atTheTerminal();
    lr.set_year(year);
    lr.mutable_page()->set_page_size(5);
    std::vector<std::string> seen;
    for (int pages = 0; pages < 30; ++pages) {
        ListContributionsResponse resp;
        const auto o = call(*touch, &Records::ListContributions, lr, &resp);
        ASSERT_TRUE(o.ok()) << o;
        for (const auto& c : resp.contributions()) {
            EXPECT_EQ(c.month().substr(0, 4), std::to_string(year));
            seen.push_back(c.month() + "/" + std::to_string(c.type()));
        }
        if (resp.page().next_page_token().empty())
            break;
        lr.mutable_page()->set_page_token(resp.page().next_page_token());
    }
    std::size_t expected = 0;
    for (int back = 24; back >= 1; --back)
        if (monthsBefore(now, back) / 100 == year)
            expected += back <= 12 ? 2 : 1;
    EXPECT_EQ(seen.size(), expected);
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));

    // One type only, with the amounts as imported.
    lr.clear_page();
    lr.set_year(monthsBefore(now, 1) / 100);
    lr.set_type(INSURANCE_TYPE_EMPLOYEE_MEDICAL);
    ListContributionsResponse medicalYear;
    ASSERT_TRUE(call(*touch, &Records::ListContributions, lr, &medicalYear).ok());
    ASSERT_GT(medicalYear.contributions_size(), 0);
    EXPECT_EQ(medicalYear.contributions(0).type(), INSURANCE_TYPE_EMPLOYEE_MEDICAL);
    EXPECT_EQ(medicalYear.contributions(0).personal().fen(), 8050);
    EXPECT_EQ(medicalYear.contributions(0).employer().fen(), 32000);
    EXPECT_TRUE(medicalYear.contributions(0).paid());
    EXPECT_EQ(medicalYear.contributions(0).payer(), "临沂顺达物流有限公司");
}

TEST_P(RecordsTest, OnlyTheHolderWithAFreshPinOrStaffOfTheRegionReadThem) {
    importAll(RECORDS_FILE_KIND_CONTRIBUTIONS, twoYears());
    Outcome o;
    summary(atTheTerminal(600), &o);  // the PIN verified ten minutes ago
    EXPECT_EQ(o.code, grpc::StatusCode::FAILED_PRECONDITION) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_VERIFICATION_STALE");
    RecordsSubject noPin = atTheTerminal();
    noPin.mutable_card()->clear_pin_verified_at();
    summary(noPin, &o);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_VERIFICATION_STALE") << o;
    // A terminal may not look a number up.
    summary(byNumber(card.ssn), &o);
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_STAFF_ONLY");

    GetInsuranceSummaryRequest r;
    *r.mutable_subject() = atTheTerminal();
    GetInsuranceSummaryResponse resp;
    auto display =
        recordsAs(env, env.pki().client({"T-371302-001-D", renshe::services::pki::Role::Display,
                                         BackofficeEnv::kRegion}));
    o = call(*display, &Records::GetInsuranceSummary, r, &resp);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_WRONG_ROLE") << o;
    auto elsewhere = recordsAs(env, env.pki().touchTerminal("T-370102-001", "370102"));
    o = call(*elsewhere, &Records::GetInsuranceSummary, r, &resp);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION") << o;

    // A card not activated yet shows nothing.
    const auto fresh = renshe::testing::inventedCard(41);
    renshe::testing::seed(env.staff(), fresh);
    *r.mutable_subject()->mutable_card()->mutable_card() = fresh.inserted();
    o = call(*touch, &Records::GetInsuranceSummary, r, &resp);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_WRONG_CARD_STATE") << o;

    // Staff of the region by ID number; an unknown number is NOT_FOUND for them.
    *r.mutable_subject() = byNumber(card.ssn);
    o = call(*staff, &Records::GetInsuranceSummary, r, &resp);
    ASSERT_TRUE(o.ok()) << o;
    EXPECT_EQ(resp.insurances_size(), 2);
    *r.mutable_subject() = byNumber(renshe::testing::inventedCard(42).ssn);
    o = call(*staff, &Records::GetInsuranceSummary, r, &resp);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_UNKNOWN_PERSON") << o;
    // Only the province loads records: a county clerk or a terminal may not.
    BeginRecordsImportRequest begin;
    begin.set_request_id(newRequestId());
    begin.set_kind(RECORDS_FILE_KIND_CONTRIBUTIONS);
    begin.set_file_sha256(std::string(32, 'x'));
    BeginRecordsImportResponse began;
    o = call(*staff, &Records::BeginRecordsImport, begin, &began);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION") << o;
    o = call(*touch, &Records::BeginRecordsImport, begin, &began);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_STAFF_ONLY") << o;
    auto otherCounty = recordsAs(env, env.pki().staff("S-0002", "370102"));
    *r.mutable_subject() = byNumber(card.ssn);
    o = call(*otherCounty, &Records::GetInsuranceSummary, r, &resp);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION") << o;
}

// --- without the card: the finger ------------------------------------------------------------

using Cert = CertificationService::Stub;

std::unique_ptr<Cert> certAs(BackofficeEnv& env, const renshe::testing::CertFiles& who) {
    return CertificationService::NewStub(
        renshe::services::client::makeChannel(env.pki().endpoint(env.backoffice().target(), who)));
}

// A scan on `terminal`'s sensor for `ssn` and `purpose` as a kiosk reports it: the templates
// fetched (the ticket), then the result. Returns the verification id ("" for none).
std::string scanned(Cert& terminal, const std::string& ssn, VerificationPurpose purpose,
                    bool matched) {
    GetTemplatesForVerifyRequest f;
    f.mutable_person()->set_ssn(ssn);
    f.set_purpose(purpose);
    f.mutable_sensor()->set_driver("virtual_image");
    f.mutable_sensor()->set_device_id("kiosk-0");
    GetTemplatesForVerifyResponse tpl;
    const auto fetched = call(terminal, &Cert::GetTemplatesForVerify, f, &tpl);
    EXPECT_TRUE(fetched.ok()) << fetched;
    RecordVerificationResultRequest r;
    r.set_request_id(newRequestId());
    r.mutable_person()->set_ssn(ssn);
    r.set_purpose(purpose);
    r.set_matched(matched);
    r.set_finger(FINGER_RIGHT_INDEX);
    r.set_attempt(1);
    *r.mutable_device() = f.sensor();
    r.set_ticket(tpl.ticket());
    RecordVerificationResultResponse rr;
    const auto recorded = call(terminal, &Cert::RecordVerificationResult, r, &rr);
    EXPECT_TRUE(recorded.ok()) << recorded;
    return rr.verification_id();
}

RecordsSubject byFinger(const std::string& ssn, const std::string& verificationId) {
    RecordsSubject s;
    s.mutable_fingerprint()->set_ssn(ssn);
    s.mutable_fingerprint()->set_verification_id(verificationId);
    return s;
}

TEST_P(RecordsTest, WithoutTheCardAFingerMatchedAtThisTerminalOpensThemForFiveMinutes) {
    importAll(RECORDS_FILE_KIND_CONTRIBUTIONS, twoYears());
    auto clerk = certAs(env, env.pki().staff("S-0001", BackofficeEnv::kRegion));
    auto kiosk = certAs(env, env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion));
    EnrollFingerprintRequest e;
    e.set_request_id(newRequestId());
    e.mutable_person()->set_ssn(card.ssn);
    e.set_finger(FINGER_RIGHT_INDEX);
    e.set_serialized_print(std::string("FP3\0print", 9));
    e.mutable_device()->set_driver("virtual_image");
    e.mutable_device()->set_device_id("counter-0");
    EnrollFingerprintResponse er;
    ASSERT_TRUE(call(*clerk, &Cert::EnrollFingerprint, e, &er).ok());

    Outcome o;
    // Made up, or a scan that did not match: no records, and no word on who is registered.
    summary(byFinger(card.ssn, std::string(32, 'a')), &o);
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED");
    EXPECT_TRUE(scanned(*kiosk, card.ssn, VERIFICATION_PURPOSE_RECORDS, false).empty());
    const std::string nobody = renshe::testing::inventedCard(43).ssn;
    summary(byFinger(nobody, std::string(32, 'a')), &o);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED") << o;

    // A match: the summary, a year, again and again within the window.
    const std::string id = scanned(*kiosk, card.ssn, VERIFICATION_PURPOSE_RECORDS, true);
    ASSERT_FALSE(id.empty());
    for (int i = 0; i < 2; ++i) {
        const auto s = summary(byFinger(card.ssn, id));
        EXPECT_EQ(s.holder().masked_name(), "张*丰");
        ASSERT_EQ(s.insurances_size(), 2);
        EXPECT_EQ(s.insurances(0).paid_months(), 22);
    }
    ListContributionsRequest lr;
    *lr.mutable_subject() = byFinger(card.ssn, id);
    lr.set_year(monthsBefore(now, 1) / 100);
    ListContributionsResponse year;
    o = call(*touch, &Records::ListContributions, lr, &year);
    ASSERT_TRUE(o.ok()) << o;
    EXPECT_GT(year.contributions_size(), 0);
    // Written with the ID number in any case: the same person.
    std::string lower = card.ssn;
    lower.back() = static_cast<char>(std::tolower(lower.back()));
    summary(byFinger(lower, id), &o);
    EXPECT_TRUE(o.ok()) << o;

    // Only at the terminal that scanned, for the person scanned, for this purpose.
    auto other = recordsAs(env, env.pki().touchTerminal("T-371302-002", BackofficeEnv::kRegion));
    GetInsuranceSummaryRequest r;
    *r.mutable_subject() = byFinger(card.ssn, id);
    GetInsuranceSummaryResponse resp;
    o = call(*other, &Records::GetInsuranceSummary, r, &resp);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_VERIFICATION_STALE") << o;
    const auto neighbour = renshe::testing::inventedCard(44);
    renshe::testing::seed(env.staff(), neighbour);
    summary(byFinger(neighbour.ssn, id), &o);
    EXPECT_EQ(o.code, grpc::StatusCode::FAILED_PRECONDITION) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_VERIFICATION_STALE");
    const std::string lossId = scanned(*kiosk, card.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, true);
    ASSERT_FALSE(lossId.empty());
    summary(byFinger(card.ssn, lossId), &o);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_VERIFICATION_STALE") << o;
    // Not for staff or a display (a clerk reads by ID number), not from another county.
    o = call(*staff, &Records::GetInsuranceSummary, r, &resp);
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    auto display =
        recordsAs(env, env.pki().client({"T-371302-001-D", renshe::services::pki::Role::Display,
                                         BackofficeEnv::kRegion}));
    o = call(*display, &Records::GetInsuranceSummary, r, &resp);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_WRONG_ROLE") << o;
    auto elsewhere = recordsAs(env, env.pki().touchTerminal("T-370102-001", "370102"));
    o = call(*elsewhere, &Records::GetInsuranceSummary, r, &resp);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED") << o;

    // Five minutes after the match it has to be done again.
    env.backoffice().advanceClock(std::chrono::seconds(301));
    summary(byFinger(card.ssn, id), &o);
    EXPECT_EQ(o.code, grpc::StatusCode::FAILED_PRECONDITION) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_VERIFICATION_STALE");
    const std::string again = scanned(*kiosk, card.ssn, VERIFICATION_PURPOSE_RECORDS, true);
    summary(byFinger(card.ssn, again), &o);
    EXPECT_TRUE(o.ok()) << o;
}

TEST_P(RecordsTest, BadRowsAreNamedByLineAndNothingIsAppliedUnlessSkipped) {
    const std::string month = text(monthsBefore(now, 1));
    const std::string rows =
        card.ssn + "," + month + ",employee_pension,4000,320,640,paid,兰山机械厂\n" +   // 2
        "370102194704090018," + month + ",employee_pension,4000,320,640,paid,x\n" +     // 3
        card.ssn + ",2024-13,employee_pension,4000,320,640,paid,x\n" +                  // 4
        card.ssn + "," + month + ",unemployment,-5,1,1,paid,x\n" +                      // 5
        card.ssn + "," + month + ",employee_pension,4100,328,656,paid,x\n" +            // 6
        card.ssn + "," + text(monthsBefore(now, -2)) + ",work_injury,1,0,1,paid,x\n" +  // 7
        card.ssn + "," + month + ",unemployment,4000,8,16,paid,兰山机械厂\n";           // 8
    const std::string sha(32, 'b');
    const std::string id = begin(RECORDS_FILE_KIND_CONTRIBUTIONS, sha);
    AppendRecordsImportResponse ar;
    ASSERT_TRUE(append(id, 2, rows, &ar).ok());
    EXPECT_EQ(ar.accepted(), 2);
    ASSERT_EQ(ar.rejected(), 5);
    ASSERT_EQ(ar.errors_size(), 5);
    EXPECT_EQ(ar.errors(0).line(), 3);
    EXPECT_EQ(ar.errors(0).field(), "ssn");
    EXPECT_EQ(ar.errors(0).reason().find("370102194704090018"), std::string::npos);
    EXPECT_EQ(ar.errors(1).line(), 4);
    EXPECT_EQ(ar.errors(1).field(), "month");
    EXPECT_EQ(ar.errors(2).line(), 5);
    EXPECT_EQ(ar.errors(2).field(), "base");
    EXPECT_EQ(ar.errors(3).line(), 6);
    EXPECT_NE(ar.errors(3).reason().find("line 2"), std::string::npos) << ar.errors(3).reason();
    EXPECT_EQ(ar.errors(4).line(), 7);  // a month in the future
    EXPECT_EQ(ar.next_line(), 9);

    CommitRecordsImportResponse cr;
    auto o = commit(id, false, &cr);
    EXPECT_EQ(o.code, grpc::StatusCode::FAILED_PRECONDITION) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_IMPORT_HAS_ERRORS");
    EXPECT_NE(o.message.find("line 3"), std::string::npos) << o.message;
    GetInsuranceSummaryRequest sr;
    *sr.mutable_subject() = byNumber(card.ssn);
    GetInsuranceSummaryResponse s;
    ASSERT_TRUE(call(*staff, &Records::GetInsuranceSummary, sr, &s).ok());
    EXPECT_EQ(s.insurances_size(), 0);

    // The same file again finds the import where it stopped; skip_bad applies the good rows.
    int next = 0;
    EXPECT_EQ(begin(RECORDS_FILE_KIND_CONTRIBUTIONS, sha, &next), id);
    EXPECT_EQ(next, 9);
    o = commit(id, true, &cr);
    ASSERT_TRUE(o.ok()) << o;
    EXPECT_EQ(cr.applied(), 2);
    EXPECT_EQ(cr.rejected(), 5);
    EXPECT_EQ(cr.errors_size(), 5);
    ASSERT_TRUE(call(*staff, &Records::GetInsuranceSummary, sr, &s).ok());
    EXPECT_EQ(s.insurances_size(), 2);
    // Committed: nothing more goes into it.
    o = append(id, 9, rows, &ar);
    EXPECT_EQ(o.code, grpc::StatusCode::NOT_FOUND) << o;
}

TEST_P(RecordsTest, AnInterruptedImportGoesOnWhereItStoppedAndAChunkSentTwiceCountsOnce) {
    std::string all = twoYears();
    // The first 10 lines, then the rest.
    std::size_t cut = 0;
    for (int i = 0; i < 10; ++i)
        cut = all.find('\n', cut) + 1;
    const std::string first = all.substr(0, cut), rest = all.substr(cut);
    const std::string sha(32, 'c');
    const std::string id = begin(RECORDS_FILE_KIND_CONTRIBUTIONS, sha);
    AppendRecordsImportResponse a1, again;
    ASSERT_TRUE(append(id, 2, first, &a1).ok());
    EXPECT_EQ(a1.accepted(), 10);
    // The answer was lost: the same chunk again is answered as the first time, counted once.
    ASSERT_TRUE(append(id, 2, first, &again).ok());
    EXPECT_EQ(again.SerializeAsString(), a1.SerializeAsString());
    // The client restarts: the import says where to go on; a chunk elsewhere is refused.
    int next = 0;
    EXPECT_EQ(begin(RECORDS_FILE_KIND_CONTRIBUTIONS, sha, &next), id);
    EXPECT_EQ(next, 12);
    AppendRecordsImportResponse ar;
    auto o = append(id, 14, rest, &ar);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    ASSERT_TRUE(append(id, next, rest, &ar).ok());
    EXPECT_EQ(ar.accepted(), 26);
    CommitRecordsImportResponse cr;
    o = commit(id, false, &cr);
    ASSERT_TRUE(o.ok()) << o;
    EXPECT_EQ(cr.applied(), 36);
    // Imported again (a corrected file): rows replace their month, nothing doubles.
    EXPECT_EQ(importAll(RECORDS_FILE_KIND_CONTRIBUTIONS, twoYears() + "\n"), 36);
    EXPECT_EQ(summary(atTheTerminal()).insurances(0).paid_months(), 22);
}

TEST_P(RecordsTest, APensionPaidRecentlyMeansReceivingAndPaymentsShowOnlyTheAccountsEnd) {
    std::string contributions, payments;
    for (int back = 40; back >= 13; --back)
        contributions += card.ssn + "," + text(monthsBefore(now, back)) +
                         ",resident_pension,300,300,0,paid,个人\n";
    for (int back = 12; back >= 1; --back) {
        const int m = monthsBefore(now, back);
        payments += card.ssn + "," + text(m) + ",城乡居民养老保险待遇,215.50,6217001234567890123," +
                    text(m) + "-15\n";
    }
    importAll(RECORDS_FILE_KIND_CONTRIBUTIONS, contributions);
    EXPECT_EQ(importAll(RECORDS_FILE_KIND_PAYMENTS, payments), 12);
    const auto s = summary(atTheTerminal());
    ASSERT_EQ(s.insurances_size(), 1);
    EXPECT_EQ(s.insurances(0).type(), INSURANCE_TYPE_RESIDENT_PENSION);
    EXPECT_EQ(s.insurances(0).status(), PARTICIPATION_STATUS_RECEIVING);
    EXPECT_EQ(s.insurances(0).paid_months(), 28);
    EXPECT_EQ(s.insurances(0).base().fen(), 30000);

    ListBenefitPaymentsRequest lr;
    *lr.mutable_subject() = atTheTerminal();
    lr.set_year(monthsBefore(now, 1) / 100);
    ListBenefitPaymentsResponse resp;
    ASSERT_TRUE(call(*touch, &Records::ListBenefitPayments, lr, &resp).ok());
    ASSERT_GT(resp.payments_size(), 0);
    const auto& p = resp.payments(resp.payments_size() - 1);
    EXPECT_EQ(p.month(), text(monthsBefore(now, 1)));
    EXPECT_EQ(p.kind(), BENEFIT_KIND_RESIDENT_PENSION);
    EXPECT_EQ(p.amount().fen(), 21550);
    EXPECT_EQ(p.bank_account_masked(), "****0123");
    EXPECT_EQ(p.paid_on().day(), 15);
    // The account's other digits are never kept (record_payments.account_last4), so never shown.
    EXPECT_EQ(resp.DebugString().find("62170012345"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordsTest,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
