// Pension eligibility certification (养老金领取资格认证) over mutual TLS against the real
// renshe-backoffice, on SQLite and on a private PostgreSQL: face-to-face enrolment, the
// certification status derived from the first payment and the last certification, template
// fetches (touch terminals of the person's region only), recorded scans with their device, the
// suspension and resumption of a pension, tampering with stored templates, rate limits, and
// the fingerprint second factor of a temporary loss report and a PIN reset.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "renshe/v1/certification.grpc.pb.h"
#include "services/store/store.hpp"
#include "tests/fixtures/prometheus_text.hpp"
#include "tests/fixtures/web.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using namespace renshe::v1;
using renshe::testing::activate;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::CertFiles;
using renshe::testing::Clients;
using renshe::testing::newRequestId;
using renshe::testing::Outcome;
using renshe::testing::SeededCard;
using renshe::testing::StoreKind;
using Cert = CertificationService::Stub;
using Card = CardService::Stub;
using Admin = AdminService::Stub;
namespace chr = std::chrono;

constexpr const char* kDriver = "virtual_image";
constexpr const char* kOtherDriver = "elan";

// --- dates in China Standard Time, as the back office computes them -------------------------

chr::year_month_day chinaToday() {
    return chr::year_month_day{chr::floor<chr::days>(chr::system_clock::now() + chr::hours(8))};
}

chr::year_month_day addMonths(const chr::year_month_day& d, int n) {
    chr::year_month_day r = d + chr::months{n};
    if (!r.ok())
        r = chr::year_month_day{chr::year_month_day_last{r.year(), chr::month_day_last{r.month()}}};
    return r;
}

chr::year_month_day addDays(const chr::year_month_day& d, int n) {
    return chr::year_month_day{chr::sys_days{d} + chr::days{n}};
}

std::string text(const chr::year_month_day& d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::string text(const Date& d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year(), d.month(), d.day());
    return buf;
}

// --- clients and requests ------------------------------------------------------------------

std::unique_ptr<Cert> certAs(BackofficeEnv& env, const CertFiles& who) {
    return CertificationService::NewStub(
        renshe::services::client::makeChannel(env.pki().endpoint(env.backoffice().target(), who)));
}

struct CertClients {
    std::unique_ptr<Cert> touch, otherTouch, display, elsewhere, staff;
    explicit CertClients(BackofficeEnv& env)
        : touch(certAs(env, env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion))),
          otherTouch(certAs(env, env.pki().touchTerminal("T-371302-002", BackofficeEnv::kRegion))),
          display(
              certAs(env, env.pki().client({"T-371302-001-D", renshe::services::pki::Role::Display,
                                            BackofficeEnv::kRegion}))),
          elsewhere(certAs(env, env.pki().touchTerminal("T-370102-001", "370102"))),
          staff(certAs(env, env.pki().staff("S-0001", BackofficeEnv::kRegion))) {}
};

// Registers `who` (no card) through the staff RegisterPerson RPC, a retiree when
// `firstPayment` is given.
void registerPerson(const Clients& staff, const SeededCard& who,
                    std::optional<chr::year_month_day> firstPayment) {
    RegisterPersonRequest p = renshe::testing::personRegistration(who);
    auto* person = p.mutable_person();
    if (firstPayment) {
        person->mutable_pension_first_payment()->set_year(static_cast<int>(firstPayment->year()));
        person->mutable_pension_first_payment()->set_month(
            static_cast<int>(static_cast<unsigned>(firstPayment->month())));
        person->mutable_pension_first_payment()->set_day(
            static_cast<int>(static_cast<unsigned>(firstPayment->day())));
    }
    RegisterPersonResponse out;
    const auto registered = call(*staff.admin, &Admin::RegisterPerson, p, &out);
    ASSERT_TRUE(registered.ok()) << registered;
}

// Stand-in for libfprint fp_print_serialize() output: opaque bytes, NULs included.
std::string printBytes(int seed) {
    std::string out("FP3\0", 4);
    std::uint32_t x = 2463534242u + static_cast<std::uint32_t>(seed);
    for (int i = 0; i < 700; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        out.push_back(static_cast<char>(x & 0xFF));
    }
    return out;
}

EnrollFingerprintRequest enrolment(const std::string& ssn, Finger finger, const std::string& print,
                                   const std::string& driver = kDriver, bool replace = false) {
    EnrollFingerprintRequest r;
    r.set_request_id(newRequestId());
    r.mutable_person()->set_ssn(ssn);
    r.set_finger(finger);
    r.set_serialized_print(print);
    r.mutable_device()->set_driver(driver);
    r.mutable_device()->set_device_id("counter-0");
    r.set_replace_existing(replace);
    return r;
}

Outcome enrol(Cert& stub, const std::string& ssn, Finger finger, const std::string& print,
              const std::string& driver = kDriver, bool replace = false,
              EnrollFingerprintResponse* out = nullptr) {
    EnrollFingerprintResponse local;
    return call(stub, &Cert::EnrollFingerprint, enrolment(ssn, finger, print, driver, replace),
                out ? out : &local);
}

Outcome status(Cert& stub, const std::string& ssn, GetCertificationStatusResponse* out) {
    GetCertificationStatusRequest r;
    r.mutable_person()->set_ssn(ssn);
    return call(stub, &Cert::GetCertificationStatus, r, out);
}

Outcome fetch(Cert& stub, const std::string& ssn, VerificationPurpose purpose,
              GetTemplatesForVerifyResponse* out, const std::string& driver = kDriver) {
    out->Clear();  // what is checked afterwards is what this call delivered
    GetTemplatesForVerifyRequest r;
    r.mutable_person()->set_ssn(ssn);
    r.set_purpose(purpose);
    r.mutable_sensor()->set_driver(driver);
    r.mutable_sensor()->set_device_id("kiosk-0");
    return call(stub, &Cert::GetTemplatesForVerify, r, out);
}

RecordVerificationResultRequest scan(const std::string& ssn, VerificationPurpose purpose,
                                     bool matched, Finger finger = FINGER_RIGHT_INDEX,
                                     int attempt = 1, const std::string& driver = kDriver) {
    RecordVerificationResultRequest r;
    r.set_request_id(newRequestId());
    r.mutable_person()->set_ssn(ssn);
    r.set_purpose(purpose);
    r.set_matched(matched);
    r.set_finger(finger);
    r.set_attempt(attempt);
    r.mutable_device()->set_driver(driver);
    r.mutable_device()->set_device_id("kiosk-0");
    const auto now =
        chr::duration_cast<chr::seconds>(chr::system_clock::now().time_since_epoch()).count();
    r.mutable_scan_started_at()->set_seconds(now - 3);
    r.mutable_scanned_at()->set_seconds(now);
    return r;
}

// Records `r`; without a ticket in it, first fetches the templates for its person and purpose
// as a terminal does (the ticket is kept in `r`, so a retry of `r` is the same request).
Outcome record(Cert& stub, RecordVerificationResultRequest& r,
               RecordVerificationResultResponse* out = nullptr) {
    if (r.ticket().empty()) {
        GetTemplatesForVerifyRequest f;
        *f.mutable_person() = r.person();
        f.set_purpose(r.purpose());
        f.mutable_sensor()->set_driver(r.device().driver());
        f.mutable_sensor()->set_device_id(r.device().device_id());
        GetTemplatesForVerifyResponse tpl;
        // A scan from a sensor no template suits: the ticket of a fetch for the usual one,
        // so the server's own checks of the scan are what answers.
        if (!call(stub, &Cert::GetTemplatesForVerify, f, &tpl).ok()) {
            f.mutable_sensor()->set_driver(kDriver);
            call(stub, &Cert::GetTemplatesForVerify, f, &tpl);
        }
        r.set_ticket(tpl.ticket());
    }
    RecordVerificationResultResponse local;
    return call(stub, &Cert::RecordVerificationResult, r, out ? out : &local);
}
Outcome record(Cert& stub, RecordVerificationResultRequest&& r,
               RecordVerificationResultResponse* out = nullptr) {
    return record(stub, r, out);
}

std::vector<AuditEvent> auditOf(const Clients& staff, const std::string& ssn) {
    QueryAuditRequest q;
    q.set_subject_ssn(ssn);
    q.set_event_type("certification.");
    q.mutable_page()->set_page_size(100);
    QueryAuditResponse r;
    const auto o = call(*staff.admin, &Admin::QueryAudit, q, &r);
    EXPECT_TRUE(o.ok()) << o;
    return {r.events().begin(), r.events().end()};
}

int count(const std::vector<AuditEvent>& events, const std::string& type,
          const std::string& outcome) {
    int n = 0;
    for (const auto& e : events)
        n += e.event_type() == type && e.outcome() == outcome;
    return n;
}

std::vector<int> fingers(const google::protobuf::RepeatedField<int>& f) {
    return {f.begin(), f.end()};
}

ReportTemporaryLossRequest lossReport(const SeededCard& card, const std::string& verificationId) {
    ReportTemporaryLossRequest r;
    r.set_request_id(newRequestId());
    r.set_ssn(card.ssn);
    r.set_name(card.name);
    r.mutable_second_factor()->set_fingerprint_verification_id(verificationId);
    return r;
}

std::unique_ptr<renshe::services::store::Store> openStore(BackofficeEnv& env) {
    return renshe::services::store::Store::open(
        env.postgres() ? env.database() : "sqlite:" + env.backoffice().sqlitePath().string());
}

// Enrolments refused: from a terminal, without a template, finger or device, by a clerk of
// another region.
void expectEnrolmentRefused(BackofficeEnv& env, CertClients& c, const std::string& ssn) {
    auto byTerminal = enrol(*c.touch, ssn, FINGER_RIGHT_INDEX, printBytes(1));
    EXPECT_EQ(byTerminal.code, grpc::StatusCode::PERMISSION_DENIED) << byTerminal;
    EXPECT_EQ(byTerminal.refusal, "REFUSAL_REASON_STAFF_ONLY");
    auto empty = enrol(*c.staff, ssn, FINGER_RIGHT_INDEX, "");
    EXPECT_EQ(empty.code, grpc::StatusCode::INVALID_ARGUMENT) << empty;
    EXPECT_EQ(empty.refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    auto noFinger = enrol(*c.staff, ssn, FINGER_UNSPECIFIED, printBytes(1));
    EXPECT_EQ(noFinger.refusal, "REFUSAL_REASON_MALFORMED_FIELD") << noFinger;
    auto noDevice = enrol(*c.staff, ssn, FINGER_RIGHT_INDEX, printBytes(1), "");
    EXPECT_EQ(noDevice.refusal, "REFUSAL_REASON_MALFORMED_FIELD") << noDevice;
    auto otherStaff = certAs(env, env.pki().staff("S-0002", "370102"));
    auto outside = enrol(*otherStaff, ssn, FINGER_RIGHT_INDEX, printBytes(1));
    EXPECT_EQ(outside.refusal, "REFUSAL_REASON_OUTSIDE_REGION") << outside;
}

// Scans the server cannot accept: another kind of sensor, a finger not enrolled, a fourth
// attempt, no device.
void expectUnacceptableScansRefused(CertClients& c, const std::string& ssn) {
    auto otherSensor = record(*c.touch, scan(ssn, VERIFICATION_PURPOSE_CERTIFICATION, true,
                                             FINGER_RIGHT_INDEX, 1, "goodixmoc"));
    EXPECT_EQ(otherSensor.refusal, "REFUSAL_REASON_TEMPLATE_INCOMPATIBLE") << otherSensor;
    auto wrongFingerSensor = record(*c.touch, scan(ssn, VERIFICATION_PURPOSE_CERTIFICATION, true,
                                                   FINGER_RIGHT_INDEX, 1, kOtherDriver));
    EXPECT_EQ(wrongFingerSensor.refusal, "REFUSAL_REASON_TEMPLATE_INCOMPATIBLE")
        << wrongFingerSensor;
    auto notEnrolledFinger =
        record(*c.touch, scan(ssn, VERIFICATION_PURPOSE_CERTIFICATION, true, FINGER_LEFT_THUMB));
    EXPECT_EQ(notEnrolledFinger.refusal, "REFUSAL_REASON_NOT_ENROLLED") << notEnrolledFinger;
    auto fourth = record(
        *c.touch, scan(ssn, VERIFICATION_PURPOSE_CERTIFICATION, false, FINGER_RIGHT_INDEX, 4));
    EXPECT_EQ(fourth.code, grpc::StatusCode::INVALID_ARGUMENT) << fourth;
    EXPECT_EQ(fourth.refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    auto noDeviceScan = scan(ssn, VERIFICATION_PURPOSE_CERTIFICATION, true);
    noDeviceScan.clear_device();
    EXPECT_EQ(record(*c.touch, noDeviceScan).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
}

// The journey's fetches, scans and enrolments, each in the audit log with the ID number masked.
void expectEveryStepAudited(const renshe::testing::Clients& staff, const std::string& ssn) {
    const auto events = auditOf(staff, ssn);
    EXPECT_EQ(count(events, "certification.verify_match", "OK"), 1);
    EXPECT_EQ(count(events, "certification.verify_no_match", "OK"), 1);
    EXPECT_EQ(count(events, "certification.verify_match", "REFUSAL_REASON_TEMPLATE_INCOMPATIBLE"),
              2);
    // The fetches above and the one before each scan (record() fetches the ticket).
    EXPECT_EQ(count(events, "certification.get_templates", "OK"), 9);
    EXPECT_EQ(count(events, "certification.get_templates", "REFUSAL_REASON_NOT_ENROLLED"), 3);
    EXPECT_EQ(count(events, "certification.get_templates", "REFUSAL_REASON_TEMPLATE_INCOMPATIBLE"),
              2);
    EXPECT_EQ(count(events, "certification.enroll_fingerprint", "OK"), 3);
    for (const auto& e : events) {
        EXPECT_EQ(e.masked_subject().find(ssn), std::string::npos);  // masked only
    }
}

class Certification : public ::testing::TestWithParam<StoreKind> {};

TEST_P(Certification, EnrolAtTheCounterThenCertifyAtTheTerminalStartsANewCycle) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    CertClients c(env);
    const SeededCard due = renshe::testing::inventedCard(1);
    const auto today = chinaToday();
    const auto firstPayment =
        addDays(addMonths(today, -12), 10);  // the first cycle ends in about 10 days
    registerPerson(staff, due, firstPayment);

    GetCertificationStatusResponse st;
    ASSERT_TRUE(status(*c.touch, due.ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_DUE);
    EXPECT_EQ(st.status().pension(), PENSION_STATUS_ACTIVE);
    EXPECT_EQ(text(st.status().certified_until()), text(addMonths(firstPayment, 12)));
    EXPECT_FALSE(st.status().has_last_certified_at());
    EXPECT_EQ(st.status().enrolled_fingers_size(), 0);
    EXPECT_EQ(st.status().person().masked_ssn(),
              due.ssn.substr(0, 3) + "***********" + due.ssn.substr(14));
    ASSERT_TRUE(status(*c.staff, due.ssn, &st).ok());  // staff may read it too

    // Nothing enrolled yet: nothing to verify against.
    GetTemplatesForVerifyResponse tpl;
    auto none = fetch(*c.touch, due.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl);
    EXPECT_EQ(none.code, grpc::StatusCode::FAILED_PRECONDITION) << none;
    EXPECT_EQ(none.refusal, "REFUSAL_REASON_NOT_ENROLLED");
    // …and no ticket to record a scan with.
    auto unenrolledScan = record(*c.touch, scan(due.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true));
    EXPECT_EQ(unenrolledScan.refusal, "REFUSAL_REASON_VERIFICATION_STALE") << unenrolledScan;

    // Enrolment is face to face, at the counter: staff only, with a template and a device.
    expectEnrolmentRefused(env, c, due.ssn);

    const auto first = enrolment(due.ssn, FINGER_RIGHT_INDEX, printBytes(1));
    EnrollFingerprintResponse er, again;
    ASSERT_TRUE(call(*c.staff, &Cert::EnrollFingerprint, first, &er).ok());
    EXPECT_EQ(fingers(er.enrolled_fingers()), std::vector<int>{FINGER_RIGHT_INDEX});
    ASSERT_TRUE(call(*c.staff, &Cert::EnrollFingerprint, first, &again).ok());  // a retry
    EXPECT_EQ(again.SerializeAsString(), er.SerializeAsString());
    auto twice = enrol(*c.staff, due.ssn, FINGER_RIGHT_INDEX, printBytes(2));
    EXPECT_EQ(twice.code, grpc::StatusCode::ALREADY_EXISTS) << twice;
    EXPECT_EQ(twice.refusal, "REFUSAL_REASON_ALREADY_EXISTS");
    auto replacement = enrolment(due.ssn, FINGER_RIGHT_INDEX, printBytes(2), kDriver, true);
    replacement.set_reason("指纹磨损，本人到窗口重新登记");
    ASSERT_TRUE(call(*c.staff, &Cert::EnrollFingerprint, replacement, &er).ok());  // replaced
    // The replacement is audited with the finger and the reason.
    EXPECT_EQ(count(auditOf(staff, due.ssn), "certification.fingerprint_replaced",
                    "FINGER_RIGHT_INDEX: 指纹磨损，本人到窗口重新登记"),
              1);
    // Another finger on another kind of sensor.
    ASSERT_TRUE(
        enrol(*c.staff, due.ssn, FINGER_LEFT_INDEX, printBytes(3), kOtherDriver, false, &er).ok());
    EXPECT_EQ(fingers(er.enrolled_fingers()),
              (std::vector<int>{FINGER_LEFT_INDEX, FINGER_RIGHT_INDEX}));

    // The terminal gets the templates its sensor can use, decrypted, with their device.
    ASSERT_TRUE(fetch(*c.touch, due.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl).ok());
    ASSERT_EQ(tpl.templates_size(), 1);
    EXPECT_EQ(tpl.templates(0).finger(), FINGER_RIGHT_INDEX);
    EXPECT_EQ(tpl.templates(0).serialized_print(), printBytes(2));  // the replacement
    EXPECT_EQ(tpl.templates(0).device().driver(), kDriver);
    EXPECT_EQ(tpl.templates(0).device().device_id(), "counter-0");
    EXPECT_GT(tpl.templates(0).enrolled_at().seconds(), 0);
    EXPECT_EQ(tpl.incompatible_count(), 1);
    ASSERT_TRUE(
        fetch(*c.touch, due.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl, kOtherDriver).ok());
    ASSERT_EQ(tpl.templates_size(), 1);
    EXPECT_EQ(tpl.templates(0).serialized_print(), printBytes(3));
    auto incompatible =
        fetch(*c.touch, due.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl, "goodixmoc");
    EXPECT_EQ(incompatible.code, grpc::StatusCode::FAILED_PRECONDITION) << incompatible;
    EXPECT_EQ(incompatible.refusal, "REFUSAL_REASON_TEMPLATE_INCOMPATIBLE");
    EXPECT_EQ(tpl.templates_size(), 0);

    expectUnacceptableScansRefused(c, due.ssn);

    // A failed scan is recorded and changes nothing; a match certifies for a new cycle.
    RecordVerificationResultResponse rr;
    ASSERT_TRUE(
        record(*c.touch,
               scan(due.ssn, VERIFICATION_PURPOSE_CERTIFICATION, false, FINGER_RIGHT_INDEX, 1), &rr)
            .ok());
    EXPECT_EQ(rr.attempts_left(), 2);
    EXPECT_EQ(rr.status().state(), CERTIFICATION_STATE_DUE);
    EXPECT_TRUE(rr.verification_id().empty());
    auto match = scan(due.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true, FINGER_RIGHT_INDEX, 2);
    ASSERT_TRUE(record(*c.touch, match, &rr).ok());
    EXPECT_EQ(rr.status().state(), CERTIFICATION_STATE_CERTIFIED);
    EXPECT_EQ(rr.status().pension(), PENSION_STATUS_ACTIVE);
    EXPECT_EQ(text(rr.status().certified_until()), text(addMonths(chinaToday(), 12)));
    EXPECT_NEAR(
        static_cast<double>(rr.status().last_certified_at().seconds()),
        static_cast<double>(
            chr::duration_cast<chr::seconds>(chr::system_clock::now().time_since_epoch()).count()),
        30.0);
    EXPECT_FALSE(rr.pension_resumed());
    EXPECT_FALSE(rr.back_pay_due());
    EXPECT_TRUE(rr.verification_id().empty());  // certification gives no second factor
    EXPECT_EQ(fingers(rr.status().enrolled_fingers()),
              (std::vector<int>{FINGER_LEFT_INDEX, FINGER_RIGHT_INDEX}));
    RecordVerificationResultResponse replay;
    ASSERT_TRUE(record(*c.touch, match, &replay).ok());  // a retry answers the same
    EXPECT_EQ(replay.SerializeAsString(), rr.SerializeAsString());
    auto reused = match;
    reused.set_attempt(3);
    EXPECT_EQ(record(*c.touch, reused).refusal, "REFUSAL_REASON_REQUEST_ID_REUSED");

    ASSERT_TRUE(status(*c.touch, due.ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_CERTIFIED);
    EXPECT_EQ(text(st.status().certified_until()), text(addMonths(chinaToday(), 12)));
    EXPECT_EQ(st.status().last_certified_at().seconds(), rr.status().last_certified_at().seconds());

    // Every fetch and every scan is in the audit log, match or not.
    expectEveryStepAudited(staff, due.ssn);
}

TEST_P(Certification, NotARetireeAndUnknownPersons) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    CertClients c(env);
    const SeededCard worker = renshe::testing::inventedCard(2);
    registerPerson(staff, worker, std::nullopt);
    const SeededCard future = renshe::testing::inventedCard(3);
    registerPerson(staff, future, addMonths(chinaToday(), 2));  // retires in two months
    const SeededCard recent = renshe::testing::inventedCard(4);
    const auto recentPayment = addMonths(chinaToday(), -2);
    registerPerson(staff, recent, recentPayment);

    GetCertificationStatusResponse st;
    ASSERT_TRUE(status(*c.touch, worker.ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_NOT_REQUIRED);
    EXPECT_EQ(st.status().pension(), PENSION_STATUS_NONE);
    EXPECT_FALSE(st.status().has_certified_until());
    ASSERT_TRUE(status(*c.touch, future.ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_NOT_REQUIRED);
    ASSERT_TRUE(status(*c.touch, recent.ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_CERTIFIED);
    EXPECT_EQ(st.status().pension(), PENSION_STATUS_ACTIVE);
    EXPECT_EQ(text(st.status().certified_until()), text(addMonths(recentPayment, 12)));

    // A person who draws no pension has nothing to certify, but may still use the
    // fingerprint as a second factor.
    ASSERT_TRUE(enrol(*c.staff, worker.ssn, FINGER_RIGHT_INDEX, printBytes(4)).ok());
    GetTemplatesForVerifyResponse tpl;
    auto noCert = fetch(*c.touch, worker.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl);
    EXPECT_EQ(noCert.code, grpc::StatusCode::FAILED_PRECONDITION) << noCert;
    EXPECT_EQ(noCert.refusal, "REFUSAL_REASON_NOT_A_RETIREE");
    ASSERT_TRUE(fetch(*c.touch, worker.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, &tpl).ok());
    EXPECT_EQ(tpl.templates_size(), 1);
    auto noCertScan = record(*c.touch, scan(worker.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true));
    EXPECT_EQ(noCertScan.refusal, "REFUSAL_REASON_NOT_A_RETIREE") << noCertScan;

    const SeededCard nobody = renshe::testing::inventedCard(5);
    auto unknown = status(*c.touch, nobody.ssn, &st);
    EXPECT_EQ(unknown.code, grpc::StatusCode::NOT_FOUND) << unknown;
    EXPECT_EQ(unknown.refusal, "REFUSAL_REASON_UNKNOWN_PERSON");
    EXPECT_EQ(fetch(*c.touch, nobody.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, &tpl).refusal,
              "REFUSAL_REASON_UNKNOWN_PERSON");
    EXPECT_EQ(enrol(*c.staff, nobody.ssn, FINGER_RIGHT_INDEX, printBytes(5)).refusal,
              "REFUSAL_REASON_UNKNOWN_PERSON");
    std::string bad = worker.ssn;
    bad.back() = bad.back() == '1' ? '2' : '1';  // check digit broken
    auto malformed = status(*c.touch, bad, &st);
    EXPECT_EQ(malformed.code, grpc::StatusCode::INVALID_ARGUMENT) << malformed;
    EXPECT_EQ(malformed.refusal, "REFUSAL_REASON_MALFORMED_ID_NUMBER");
    GetCertificationStatusRequest empty;
    EXPECT_EQ(call(*c.touch, &Cert::GetCertificationStatus, empty, &st).refusal,
              "REFUSAL_REASON_MALFORMED_FIELD");
    auto noPurpose = fetch(*c.touch, worker.ssn, VERIFICATION_PURPOSE_UNSPECIFIED, &tpl);
    EXPECT_EQ(noPurpose.refusal, "REFUSAL_REASON_MALFORMED_FIELD") << noPurpose;
    auto noSensor = fetch(*c.touch, worker.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, &tpl, "");
    EXPECT_EQ(noSensor.refusal, "REFUSAL_REASON_MALFORMED_FIELD") << noSensor;
}

TEST_P(Certification, TemplatesGoOnlyToTouchTerminalsOfThePersonsRegion) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    CertClients c(env);
    SeededCard person = renshe::testing::inventedCard(6);
    renshe::testing::seed(staff, person);  // registered with a card
    ASSERT_TRUE(enrol(*c.staff, person.ssn, FINGER_RIGHT_INDEX, printBytes(6)).ok());

    GetTemplatesForVerifyResponse tpl;
    auto display = fetch(*c.display, person.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, &tpl);
    EXPECT_EQ(display.code, grpc::StatusCode::PERMISSION_DENIED) << display;
    EXPECT_EQ(display.refusal, "REFUSAL_REASON_WRONG_ROLE");
    EXPECT_EQ(tpl.templates_size(), 0);
    auto byStaff = fetch(*c.staff, person.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, &tpl);
    EXPECT_EQ(byStaff.refusal, "REFUSAL_REASON_WRONG_ROLE") << byStaff;
    EXPECT_EQ(tpl.templates_size(), 0);
    // Outside its region a terminal gets the answer an unknown person gets (no oracle).
    auto elsewhere = fetch(*c.elsewhere, person.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, &tpl);
    EXPECT_EQ(elsewhere.code, grpc::StatusCode::NOT_FOUND) << elsewhere;
    EXPECT_EQ(elsewhere.refusal, "REFUSAL_REASON_UNKNOWN_PERSON");
    EXPECT_EQ(tpl.templates_size(), 0);

    GetCertificationStatusResponse st;
    EXPECT_EQ(status(*c.display, person.ssn, &st).refusal, "REFUSAL_REASON_WRONG_ROLE");
    EXPECT_EQ(status(*c.elsewhere, person.ssn, &st).refusal, "REFUSAL_REASON_UNKNOWN_PERSON");
    EXPECT_EQ(record(*c.display, scan(person.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, true)).refusal,
              "REFUSAL_REASON_WRONG_ROLE");
    EXPECT_EQ(record(*c.staff, scan(person.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, true)).refusal,
              "REFUSAL_REASON_WRONG_ROLE");
    RecordVerificationResultResponse rr;
    auto recordElsewhere =
        record(*c.elsewhere, scan(person.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, true), &rr);
    EXPECT_EQ(recordElsewhere.refusal, "REFUSAL_REASON_UNKNOWN_PERSON") << recordElsewhere;
    EXPECT_TRUE(rr.verification_id().empty());

    // The card read at a terminal names the person as well as the typed ID number.
    GetTemplatesForVerifyRequest byCard;
    byCard.mutable_person()->set_card_number(person.cardNumber);
    byCard.set_purpose(VERIFICATION_PURPOSE_LOSS_REPORT);
    byCard.mutable_sensor()->set_driver(kDriver);
    ASSERT_TRUE(call(*c.touch, &Cert::GetTemplatesForVerify, byCard, &tpl).ok());
    ASSERT_EQ(tpl.templates_size(), 1);
    EXPECT_EQ(tpl.templates(0).serialized_print(), printBytes(6));
    byCard.mutable_person()->set_card_number("Z99999999");
    EXPECT_EQ(call(*c.touch, &Cert::GetTemplatesForVerify, byCard, &tpl).refusal,
              "REFUSAL_REASON_UNKNOWN_CARD");

    const auto events = auditOf(staff, person.ssn);
    EXPECT_EQ(count(events, "certification.get_templates", "OK"), 1);
    // The one above and record()'s two tries for a ticket at the terminal elsewhere.
    EXPECT_EQ(count(events, "certification.get_templates", "REFUSAL_REASON_UNKNOWN_PERSON"), 3);
}

TEST_P(Certification, OverduePensionIsSuspendedAndResumedWithBackPay) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    CertClients c(env);
    const SeededCard late = renshe::testing::inventedCard(7);
    const auto firstPayment = addMonths(chinaToday(), -36);
    registerPerson(staff, late, firstPayment);
    ASSERT_TRUE(enrol(*c.staff, late.ssn, FINGER_RIGHT_THUMB, printBytes(7)).ok());

    GetCertificationStatusResponse st;
    ASSERT_TRUE(status(*c.touch, late.ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_OVERDUE);
    EXPECT_EQ(st.status().pension(), PENSION_STATUS_SUSPENDED);
    EXPECT_EQ(text(st.status().certified_until()), text(addMonths(firstPayment, 12)));

    RecordVerificationResultResponse rr;
    ASSERT_TRUE(
        record(*c.touch,
               scan(late.ssn, VERIFICATION_PURPOSE_CERTIFICATION, false, FINGER_RIGHT_THUMB, 1),
               &rr)
            .ok());
    EXPECT_EQ(rr.status().pension(), PENSION_STATUS_SUSPENDED);  // a failed scan resumes nothing
    EXPECT_FALSE(rr.pension_resumed());
    ASSERT_TRUE(
        record(*c.touch,
               scan(late.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true, FINGER_RIGHT_THUMB, 2), &rr)
            .ok());
    EXPECT_TRUE(rr.pension_resumed());
    EXPECT_TRUE(rr.back_pay_due());
    EXPECT_EQ(rr.status().state(), CERTIFICATION_STATE_CERTIFIED);
    EXPECT_EQ(rr.status().pension(), PENSION_STATUS_ACTIVE);
    EXPECT_EQ(text(rr.status().certified_until()), text(addMonths(chinaToday(), 12)));

    // Certifying again while certified resumes nothing and owes nothing.
    ASSERT_TRUE(
        record(*c.touch,
               scan(late.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true, FINGER_RIGHT_THUMB, 1), &rr)
            .ok());
    EXPECT_FALSE(rr.pension_resumed());
    EXPECT_FALSE(rr.back_pay_due());
    ASSERT_TRUE(status(*c.staff, late.ssn, &st).ok());
    EXPECT_EQ(st.status().pension(), PENSION_STATUS_ACTIVE);
}

TEST_P(Certification, ACycleRunsOutAndSuspendsThePensionAgain) {
    BackofficeEnv env(GetParam(), {"--certification-cycle-seconds", "3"});
    const auto staff = env.staff();
    CertClients c(env);
    const SeededCard person = renshe::testing::inventedCard(8);
    registerPerson(staff, person, addMonths(chinaToday(), -30));
    ASSERT_TRUE(enrol(*c.staff, person.ssn, FINGER_RIGHT_INDEX, printBytes(8)).ok());

    RecordVerificationResultResponse rr;
    ASSERT_TRUE(
        record(*c.touch, scan(person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true), &rr).ok());
    EXPECT_TRUE(rr.pension_resumed());
    EXPECT_EQ(rr.status().state(), CERTIFICATION_STATE_CERTIFIED);
    const auto certifiedAt = rr.status().last_certified_at().seconds();

    // Derived when read: once the cycle is over the person is overdue and the pension suspended
    // (the back office's clock is moved, not waited for).
    GetCertificationStatusResponse st;
    env.backoffice().advanceClock(chr::seconds(1));
    ASSERT_TRUE(status(*c.touch, person.ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_CERTIFIED);  // not before the cycle ended
    EXPECT_EQ(st.status().last_certified_at().seconds(), certifiedAt);
    env.backoffice().advanceClock(chr::milliseconds(2500));
    ASSERT_TRUE(status(*c.touch, person.ssn, &st).ok());
    ASSERT_EQ(st.status().state(), CERTIFICATION_STATE_OVERDUE);
    EXPECT_EQ(st.status().pension(), PENSION_STATUS_SUSPENDED);

    ASSERT_TRUE(
        record(*c.touch, scan(person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true), &rr).ok());
    EXPECT_TRUE(rr.pension_resumed());
    EXPECT_TRUE(rr.back_pay_due());
    EXPECT_EQ(rr.status().pension(), PENSION_STATUS_ACTIVE);
}

TEST_P(Certification, TamperedTemplatesAreDetectedAndNeverSent) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    CertClients c(env);
    const SeededCard a = renshe::testing::inventedCard(9), b = renshe::testing::inventedCard(10);
    registerPerson(staff, a, addMonths(chinaToday(), -6));
    registerPerson(staff, b, addMonths(chinaToday(), -6));
    ASSERT_TRUE(enrol(*c.staff, a.ssn, FINGER_RIGHT_INDEX, printBytes(91)).ok());
    ASSERT_TRUE(enrol(*c.staff, a.ssn, FINGER_LEFT_INDEX, printBytes(92)).ok());
    ASSERT_TRUE(enrol(*c.staff, b.ssn, FINGER_RIGHT_INDEX, printBytes(101)).ok());
    ASSERT_TRUE(enrol(*c.staff, b.ssn, FINGER_LEFT_THUMB, printBytes(102)).ok());

    auto db = openStore(env);
    auto sealedOf = [&](const std::string& ssn, Finger f) {
        std::string out;
        db->read([&](auto& tx) {
            const auto r = tx.queryOne(
                "SELECT sealed FROM fingerprint_templates WHERE ssn = $1 AND finger = $2",
                {ssn, static_cast<std::int64_t>(f)});
            ASSERT_TRUE(r);
            out = r->text(0);
        });
        return out;
    };
    auto setSealed = [&](const std::string& ssn, Finger f, const std::string& sealed) {
        db->write([&](auto& tx) {
            tx.exec("UPDATE fingerprint_templates SET sealed = $1 WHERE ssn = $2 AND finger = $3",
                    {sealed, ssn, static_cast<std::int64_t>(f)});
        });
    };
    // Encrypted at rest: the print is nowhere in the row, and two records never share a nonce.
    const std::string aRight = sealedOf(a.ssn, FINGER_RIGHT_INDEX);
    EXPECT_EQ(aRight.find(renshe::services::store::toHex(printBytes(91).substr(0, 16))),
              std::string::npos);
    EXPECT_NE(aRight.substr(0, 24), sealedOf(a.ssn, FINGER_LEFT_INDEX).substr(0, 24));

    // One edited byte in the ciphertext: that template is left out, the other still sent.
    std::string edited = aRight;
    edited[60] = edited[60] == '0' ? '1' : '0';
    setSealed(a.ssn, FINGER_RIGHT_INDEX, edited);
    GetTemplatesForVerifyResponse tpl;
    ASSERT_TRUE(fetch(*c.touch, a.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl).ok());
    ASSERT_EQ(tpl.templates_size(), 1);
    EXPECT_EQ(tpl.templates(0).finger(), FINGER_LEFT_INDEX);
    EXPECT_EQ(tpl.templates(0).serialized_print(), printBytes(92));
    // A match reported against the damaged finger is not accepted.
    auto onDamaged =
        record(*c.touch, scan(a.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true, FINGER_RIGHT_INDEX));
    EXPECT_EQ(onDamaged.code, grpc::StatusCode::FAILED_PRECONDITION) << onDamaged;
    EXPECT_EQ(onDamaged.refusal, "REFUSAL_REASON_NOT_ENROLLED");

    // Another person's sealed template moved into this person's row: nothing usable is left.
    setSealed(a.ssn, FINGER_LEFT_INDEX, sealedOf(b.ssn, FINGER_RIGHT_INDEX));
    auto moved = fetch(*c.touch, a.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl);
    EXPECT_EQ(moved.code, grpc::StatusCode::FAILED_PRECONDITION) << moved;
    EXPECT_EQ(moved.refusal, "REFUSAL_REASON_NOT_ENROLLED");
    EXPECT_EQ(tpl.templates_size(), 0);

    // Two fingers of one person swapped.
    const std::string bRight = sealedOf(b.ssn, FINGER_RIGHT_INDEX),
                      bThumb = sealedOf(b.ssn, FINGER_LEFT_THUMB);
    setSealed(b.ssn, FINGER_RIGHT_INDEX, bThumb);
    setSealed(b.ssn, FINGER_LEFT_THUMB, bRight);
    EXPECT_EQ(fetch(*c.touch, b.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl).refusal,
              "REFUSAL_REASON_NOT_ENROLLED");
    // Put back, they decrypt again.
    setSealed(b.ssn, FINGER_RIGHT_INDEX, bRight);
    setSealed(b.ssn, FINGER_LEFT_THUMB, bThumb);
    ASSERT_TRUE(fetch(*c.touch, b.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl).ok());
    EXPECT_EQ(tpl.templates_size(), 2);
    // The sensor a template was enrolled on is bound too.
    db->write([&](auto& tx) {
        tx.exec("UPDATE fingerprint_templates SET driver = 'elan' WHERE ssn = $1", {b.ssn});
    });
    EXPECT_EQ(fetch(*c.touch, b.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl, "elan").refusal,
              "REFUSAL_REASON_NOT_ENROLLED");

    // Each damaged template found is in the audit log, with the refusals.
    auto events = auditOf(staff, a.ssn);
    EXPECT_EQ(count(events, "certification.template_integrity", "TEMPLATE_DECRYPT_FAILED"),
              5);  // 1 + 1 + 2, and the fetch for the scan's ticket
    EXPECT_EQ(count(events, "certification.get_templates", "REFUSAL_REASON_NOT_ENROLLED"), 1);
    EXPECT_EQ(count(events, "certification.verify_match", "REFUSAL_REASON_NOT_ENROLLED"), 1);
    EXPECT_EQ(
        count(auditOf(staff, b.ssn), "certification.template_integrity", "TEMPLATE_DECRYPT_FAILED"),
        4);

    // Re-enrolment at the counter makes the person verifiable again.
    ASSERT_TRUE(enrol(*c.staff, a.ssn, FINGER_RIGHT_INDEX, printBytes(93), kDriver, true).ok());
    ASSERT_TRUE(fetch(*c.touch, a.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl).ok());
    ASSERT_EQ(tpl.templates_size(), 1);
    EXPECT_EQ(tpl.templates(0).serialized_print(), printBytes(93));
}

// A terminal key alone cannot certify anyone: a result counts only with the ticket of this
// terminal's template fetch for this person and purpose, within its 5 minutes, for one
// session (three results, or up to the first match). Without one nothing changes.
TEST_P(Certification, AResultNeedsTheTicketOfThisTerminalsFetch) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    CertClients c(env);
    const SeededCard person = renshe::testing::inventedCard(21);
    const SeededCard other = renshe::testing::inventedCard(22);
    registerPerson(staff, person, addDays(addMonths(chinaToday(), -12), 10));  // due
    registerPerson(staff, other, addDays(addMonths(chinaToday(), -12), 10));
    ASSERT_TRUE(enrol(*c.staff, person.ssn, FINGER_RIGHT_INDEX, printBytes(21)).ok());
    ASSERT_TRUE(enrol(*c.staff, other.ssn, FINGER_RIGHT_INDEX, printBytes(22)).ok());
    auto stale = [&](const std::string& ticket, Cert& by, const std::string& ssn,
                     VerificationPurpose purpose = VERIFICATION_PURPOSE_CERTIFICATION) {
        auto r = scan(ssn, purpose, true);
        r.set_ticket(ticket);
        const auto o = record(by, r);
        return o.code == grpc::StatusCode::FAILED_PRECONDITION &&
               o.refusal == "REFUSAL_REASON_VERIFICATION_STALE";
    };
    GetTemplatesForVerifyResponse tpl;
    ASSERT_TRUE(fetch(*c.touch, person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl).ok());
    const std::string ticket = tpl.ticket();
    ASSERT_EQ(ticket.size(), 32u);
    EXPECT_GT(tpl.ticket_expires_at().seconds(), 0);

    // No ticket, an invented one, another terminal's, for another person or purpose.
    auto bare = scan(person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true);
    bare.set_ticket("");
    RecordVerificationResultResponse ignored;  // (record() would fetch a ticket for it)
    EXPECT_EQ(call(*c.touch, &Cert::RecordVerificationResult, bare, &ignored).refusal,
              "REFUSAL_REASON_VERIFICATION_STALE");
    EXPECT_TRUE(stale(std::string(32, 'a'), *c.touch, person.ssn));
    EXPECT_TRUE(stale(ticket, *c.otherTouch, person.ssn));
    EXPECT_TRUE(stale(ticket, *c.touch, other.ssn));
    EXPECT_TRUE(stale(ticket, *c.touch, person.ssn, VERIFICATION_PURPOSE_LOSS_REPORT));
    auto malformed = scan(person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true);
    malformed.set_ticket("not-a-ticket");
    EXPECT_EQ(record(*c.touch, malformed).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    GetCertificationStatusResponse st;
    ASSERT_TRUE(status(*c.touch, person.ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_DUE);  // nothing was recorded
    ASSERT_TRUE(status(*c.touch, other.ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_DUE);

    // The right one: three results at most, and a match ends the session.
    for (int attempt = 1; attempt <= 2; ++attempt) {
        auto r = scan(person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, false, FINGER_RIGHT_INDEX,
                      attempt);
        r.set_ticket(ticket);
        ASSERT_TRUE(record(*c.touch, r).ok()) << attempt;
    }
    auto match = scan(person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true, FINGER_RIGHT_INDEX, 3);
    match.set_ticket(ticket);
    RecordVerificationResultResponse rr;
    ASSERT_TRUE(record(*c.touch, match, &rr).ok());
    EXPECT_EQ(rr.status().state(), CERTIFICATION_STATE_CERTIFIED);
    EXPECT_TRUE(record(*c.touch, match).ok());         // the same request again: its first answer
    EXPECT_TRUE(stale(ticket, *c.touch, person.ssn));  // a new request: the session is over

    // A ticket expires after 5 minutes.
    ASSERT_TRUE(fetch(*c.touch, other.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl).ok());
    env.backoffice().advanceClock(chr::seconds(301));
    EXPECT_TRUE(stale(tpl.ticket(), *c.touch, other.ssn));
    ASSERT_TRUE(status(*c.touch, other.ssn, &st).ok());
    EXPECT_NE(st.status().state(), CERTIFICATION_STATE_CERTIFIED);
}

// A stolen terminal key certifies at most the terminal's ceiling an hour: beyond it the match is
// refused RATE_LIMITED, audited, and the person stays uncertified.
TEST_P(Certification, ATerminalCertifiesAtMostItsCeilingAnHour) {
    BackofficeEnv env(GetParam(), {"--limit-terminal-certifications", "2/3600"});
    const auto staff = env.staff();
    CertClients c(env);
    std::vector<SeededCard> people;
    for (int i = 0; i < 3; ++i) {
        people.push_back(renshe::testing::inventedCard(31 + i));
        registerPerson(staff, people.back(), addDays(addMonths(chinaToday(), -12), 10));
        ASSERT_TRUE(
            enrol(*c.staff, people.back().ssn, FINGER_RIGHT_INDEX, printBytes(31 + i)).ok());
    }
    for (int i = 0; i < 2; ++i)
        ASSERT_TRUE(
            record(*c.touch, scan(people[i].ssn, VERIFICATION_PURPOSE_CERTIFICATION, true)).ok());
    const auto third =
        record(*c.touch, scan(people[2].ssn, VERIFICATION_PURPOSE_CERTIFICATION, true));
    EXPECT_EQ(third.code, grpc::StatusCode::RESOURCE_EXHAUSTED) << third;
    EXPECT_EQ(third.refusal, "REFUSAL_REASON_RATE_LIMITED");
    GetCertificationStatusResponse st;
    ASSERT_TRUE(status(*c.touch, people[2].ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_DUE);
    EXPECT_EQ(count(auditOf(staff, people[2].ssn), "certification.verify_match",
                    "REFUSAL_REASON_RATE_LIMITED"),
              1);
    // Another terminal of the hall is not held up by this one.
    EXPECT_TRUE(
        record(*c.otherTouch, scan(people[2].ssn, VERIFICATION_PURPOSE_CERTIFICATION, true)).ok());
}

// Status look-ups: a terminal elsewhere cannot tell "registered elsewhere" from "unknown";
// every answer is audited; a terminal has an hourly budget of them.
TEST_P(Certification, StatusLookUpsAreNoOracleAreAuditedAndLimited) {
    renshe::testing::TempDir work("renshe-cert-status");
    BackofficeEnv env(
        GetParam(), {"--limit-terminal-status-lookups", "3/3600", "--metrics-listen", "127.0.0.1:0",
                     "--metrics-port-file", (work.path() / "metrics.port").string()});
    const auto staff = env.staff();
    CertClients c(env);
    const SeededCard person = renshe::testing::inventedCard(41);
    registerPerson(staff, person, addDays(addMonths(chinaToday(), -12), 10));
    GetCertificationStatusResponse st;
    const auto known = status(*c.elsewhere, person.ssn, &st);
    const auto unknown = status(*c.elsewhere, renshe::testing::inventedCard(42).ssn, &st);
    EXPECT_EQ(known.code, grpc::StatusCode::NOT_FOUND) << known;
    EXPECT_EQ(known.code, unknown.code);
    EXPECT_EQ(known.refusal, unknown.refusal);

    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(status(*c.touch, person.ssn, &st).ok()) << i;
    GetCertificationStatusResponse refused;
    const auto fourth = status(*c.touch, person.ssn, &refused);
    EXPECT_EQ(fourth.code, grpc::StatusCode::RESOURCE_EXHAUSTED) << fourth;
    EXPECT_EQ(fourth.refusal, "REFUSAL_REASON_RATE_LIMITED");
    EXPECT_FALSE(refused.has_status());                   // nothing given out with the refusal
    EXPECT_TRUE(status(*c.staff, person.ssn, &st).ok());  // staff are not held by it

    const auto events = auditOf(staff, person.ssn);
    EXPECT_EQ(count(events, "certification.get_status", "OK"), 4);  // 3 at the terminal, staff
    EXPECT_EQ(count(events, "certification.get_status", "REFUSAL_REASON_RATE_LIMITED"), 1);
    EXPECT_EQ(count(events, "certification.get_status", "REFUSAL_REASON_UNKNOWN_PERSON"), 1);

    // The metrics count each look-up once, by how it ended: the refusal the budget gave (after
    // the read had succeeded) is not an OK.
    int port = 0;
    std::ifstream(work.path() / "metrics.port") >> port;
    const auto scraped = renshe::testing::httpGet(port, "/metrics");
    ASSERT_EQ(scraped.status, 200) << scraped.error;
    const auto samples = renshe::testing::parseMetrics(scraped.body);
    const auto calls = [&](const char* code) {
        const auto* m = renshe::testing::findMetric(
            samples, "renshe_rpc_total", {{"method", "certification.get_status"}, {"code", code}});
        return m != nullptr ? m->value : 0.0;
    };
    EXPECT_EQ(calls("OK"), 4);
    EXPECT_EQ(calls("RESOURCE_EXHAUSTED"), 1);
    EXPECT_EQ(calls("NOT_FOUND"), 2);
}

TEST_P(Certification, FailedScansAreLimitedPerPerson) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    CertClients c(env);
    const SeededCard person = renshe::testing::inventedCard(11);
    registerPerson(staff, person, addDays(addMonths(chinaToday(), -12), 10));  // due
    ASSERT_TRUE(enrol(*c.staff, person.ssn, FINGER_RIGHT_INDEX, printBytes(11)).ok());

    // Three sessions of three failed scans: the last one leaves no attempt.
    RecordVerificationResultResponse rr;
    for (int i = 0; i < 9; ++i) {
        ASSERT_TRUE(record(*c.touch,
                           scan(person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, false,
                                FINGER_RIGHT_INDEX, 1 + i % 3),
                           &rr)
                        .ok())
            << i;
        EXPECT_EQ(rr.attempts_left(), i == 8 ? 0 : 2 - i % 3) << i;
    }
    // The person's budget is spent: no templates, so no ticket to record a match with.
    GetTemplatesForVerifyResponse tpl;
    auto limited = fetch(*c.touch, person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl);
    EXPECT_EQ(limited.code, grpc::StatusCode::RESOURCE_EXHAUSTED) << limited;
    EXPECT_EQ(limited.refusal, "REFUSAL_REASON_RATE_LIMITED");
    EXPECT_GT(std::stoi(limited.retryAfter.empty() ? "0" : limited.retryAfter), 0);
    EXPECT_EQ(
        record(*c.touch, scan(person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true), &rr).refusal,
        "REFUSAL_REASON_VERIFICATION_STALE");
    EXPECT_EQ(fetch(*c.otherTouch, person.ssn, VERIFICATION_PURPOSE_CERTIFICATION, &tpl).refusal,
              "REFUSAL_REASON_RATE_LIMITED");
    GetCertificationStatusResponse st;
    ASSERT_TRUE(status(*c.touch, person.ssn, &st).ok());
    EXPECT_EQ(st.status().state(), CERTIFICATION_STATE_DUE);  // nothing certified
}

TEST_P(Certification, FingerprintVerificationIsASecondFactorUsableOnce) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    const auto touch = env.touch();
    CertClients c(env);
    const SeededCard a = renshe::testing::inventedCard(12), b = renshe::testing::inventedCard(13),
                     plain = renshe::testing::inventedCard(14);
    for (const auto& who : {a, b, plain}) {
        renshe::testing::seed(staff, who);
        ASSERT_TRUE(activate(touch, who, "285714").ok());
    }
    ASSERT_TRUE(enrol(*c.staff, a.ssn, FINGER_RIGHT_INDEX, printBytes(12)).ok());
    ASSERT_TRUE(enrol(*c.staff, b.ssn, FINGER_RIGHT_INDEX, printBytes(13)).ok());

    RecordVerificationResultResponse rr;
    ASSERT_TRUE(record(*c.touch, scan(a.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, false), &rr).ok());
    EXPECT_TRUE(rr.verification_id().empty());  // no match, no factor
    ASSERT_TRUE(record(*c.touch,
                       scan(a.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, true, FINGER_RIGHT_INDEX, 2),
                       &rr)
                    .ok());
    const std::string id = rr.verification_id();
    ASSERT_FALSE(id.empty());
    EXPECT_EQ(rr.status().state(), CERTIFICATION_STATE_NOT_REQUIRED);

    ReportTemporaryLossResponse lr;
    // Not for another person, not at another terminal, not for someone without templates.
    auto forB = call(*touch.card, &Card::ReportTemporaryLoss, lossReport(b, id), &lr);
    EXPECT_EQ(forB.code, grpc::StatusCode::FAILED_PRECONDITION) << forB;
    EXPECT_EQ(forB.refusal, "REFUSAL_REASON_VERIFICATION_STALE");
    auto otherTerminal =
        call(*env.otherTouch().card, &Card::ReportTemporaryLoss, lossReport(a, id), &lr);
    EXPECT_EQ(otherTerminal.refusal, "REFUSAL_REASON_VERIFICATION_STALE") << otherTerminal;
    auto notEnrolled = call(*touch.card, &Card::ReportTemporaryLoss, lossReport(plain, id), &lr);
    EXPECT_EQ(notEnrolled.code, grpc::StatusCode::FAILED_PRECONDITION) << notEnrolled;
    EXPECT_EQ(notEnrolled.refusal, "REFUSAL_REASON_NOT_ENROLLED");
    auto madeUp =
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(a, std::string(32, 'a')), &lr);
    EXPECT_EQ(madeUp.code, grpc::StatusCode::PERMISSION_DENIED) << madeUp;
    EXPECT_EQ(madeUp.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED");

    // Once, for the person and terminal it was recorded for (the refusals above spent nothing).
    const auto report = lossReport(a, id);
    ASSERT_TRUE(call(*touch.card, &Card::ReportTemporaryLoss, report, &lr).ok());
    EXPECT_EQ(lr.card().status(), CARD_STATUS_TEMP_LOST);
    ReportTemporaryLossResponse replay;
    ASSERT_TRUE(call(*touch.card, &Card::ReportTemporaryLoss, report, &replay)
                    .ok());  // a retry of that report
    EXPECT_EQ(replay.SerializeAsString(), lr.SerializeAsString());
    auto twice = call(*touch.card, &Card::ReportTemporaryLoss, lossReport(a, id), &lr);
    EXPECT_EQ(twice.code, grpc::StatusCode::FAILED_PRECONDITION) << twice;
    EXPECT_EQ(twice.refusal, "REFUSAL_REASON_VERIFICATION_STALE");

    // A PIN reset match is for a PIN reset only.
    ASSERT_TRUE(record(*c.touch, scan(b.ssn, VERIFICATION_PURPOSE_PIN_RESET, true), &rr).ok());
    const std::string resetId = rr.verification_id();
    ASSERT_FALSE(resetId.empty());
    EXPECT_EQ(call(*touch.card, &Card::ReportTemporaryLoss, lossReport(b, resetId), &lr).refusal,
              "REFUSAL_REASON_VERIFICATION_STALE");
    BeginPinResetRequest begin;
    begin.set_request_id(newRequestId());
    *begin.mutable_card() = b.inserted();
    begin.mutable_second_factor()->set_fingerprint_verification_id(resetId);
    BeginPinResetResponse br;
    const auto began = call(*touch.card, &Card::BeginPinReset, begin, &br);
    ASSERT_TRUE(began.ok()) << began;
    EXPECT_FALSE(br.reset_session_id().empty());
    begin.set_request_id(newRequestId());
    EXPECT_EQ(call(*touch.card, &Card::BeginPinReset, begin, &br).refusal,
              "REFUSAL_REASON_VERIFICATION_STALE");
}

TEST_P(Certification, FingerprintVerificationExpires) {
    BackofficeEnv env(GetParam(), {"--fingerprint-factor-seconds", "2"});
    const auto staff = env.staff();
    const auto touch = env.touch();
    CertClients c(env);
    const SeededCard a = renshe::testing::inventedCard(15);
    renshe::testing::seed(staff, a);
    ASSERT_TRUE(activate(touch, a, "285714").ok());
    ASSERT_TRUE(enrol(*c.staff, a.ssn, FINGER_RIGHT_INDEX, printBytes(15)).ok());

    RecordVerificationResultResponse rr;
    ASSERT_TRUE(record(*c.touch, scan(a.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, true), &rr).ok());
    ASSERT_FALSE(rr.verification_id().empty());
    env.backoffice().advanceClock(chr::seconds(3));  // what is awaited is time itself
    ReportTemporaryLossResponse lr;
    auto stale =
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(a, rr.verification_id()), &lr);
    EXPECT_EQ(stale.code, grpc::StatusCode::FAILED_PRECONDITION) << stale;
    EXPECT_EQ(stale.refusal, "REFUSAL_REASON_VERIFICATION_STALE");

    // A fresh match used at once works.
    ASSERT_TRUE(record(*c.touch, scan(a.ssn, VERIFICATION_PURPOSE_LOSS_REPORT, true), &rr).ok());
    const auto fresh =
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(a, rr.verification_id()), &lr);
    EXPECT_TRUE(fresh.ok()) << fresh;
}

// The fraud signal on /metrics: a terminal's pension certifications in the last hour carry
// its id once they reach ten (the few terminals an operator must look at), every region its
// total; the alert RensheTerminalCertificationRateImplausible reads the first.
TEST_P(Certification, ATerminalsCertificationsInTheLastHourAreOnTheMetrics) {
    BackofficeEnv env(GetParam(), {"@metrics"});
    const auto staff = env.staff();
    CertClients c(env);
    const auto firstPayment = addDays(addMonths(chinaToday(), -12), 10);
    const auto certify = [&](Cert& terminal, int n) {
        const SeededCard p = renshe::testing::inventedCard(200 + n);
        registerPerson(staff, p, firstPayment);
        ASSERT_TRUE(enrol(*c.staff, p.ssn, FINGER_RIGHT_INDEX, printBytes(n)).ok());
        RecordVerificationResultResponse rr;
        ASSERT_TRUE(
            record(terminal, scan(p.ssn, VERIFICATION_PURPOSE_CERTIFICATION, true), &rr).ok());
        ASSERT_EQ(rr.status().state(), CERTIFICATION_STATE_CERTIFIED);
    };
    for (int n = 0; n < 9; ++n)
        certify(*c.touch, n);
    certify(*c.otherTouch, 9);
    const std::map<std::string, std::string> busy{{"terminal", "T-371302-001"}};
    auto m = env.backoffice().scrapeMetrics();
    EXPECT_EQ(renshe::testing::findMetric(m, "renshe_terminal_certifications_last_hour", busy),
              nullptr)
        << "nine in an hour is an ordinary hall";
    certify(*c.touch, 10);
    const renshe::testing::MetricSample* terminal = nullptr;
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] {
            m = env.backoffice().scrapeMetrics();
            terminal =
                renshe::testing::findMetric(m, "renshe_terminal_certifications_last_hour", busy);
            return terminal != nullptr;
        },
        std::chrono::seconds(15)));
    EXPECT_EQ(terminal->value, 10);
    EXPECT_EQ(terminal->labels.at("region"), BackofficeEnv::kRegion);
    EXPECT_EQ(renshe::testing::findMetric(m, "renshe_terminal_certifications_last_hour",
                                          {{"terminal", "T-371302-002"}}),
              nullptr);
    const auto* region = renshe::testing::findMetric(m, "renshe_certifications_last_hour",
                                                     {{"region", BackofficeEnv::kRegion}});
    ASSERT_NE(region, nullptr);
    EXPECT_EQ(region->value, 11);
    // An hour later they have left the window.
    env.backoffice().advanceClock(chr::minutes(61));
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] {
            m = env.backoffice().scrapeMetrics();
            return renshe::testing::findMetric(m, "renshe_terminal_certifications_last_hour",
                                               busy) == nullptr;
        },
        std::chrono::seconds(15)));
}

INSTANTIATE_TEST_SUITE_P(Backends, Certification,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
