// Short-lived terminal certificates (docs/SECURITY.md): a terminal renews its certificate over
// the channel its current key opens, with a new key each time. The old key keeps working until
// the new one is first used and is refused from then on; a renewal cut short after its answer
// was saved is completed at the next start; a revoked terminal's pending key never becomes
// valid; staff cannot renew; every renewal is audited. On SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <cctype>
#include <thread>

#include "renshe/v1/terminal.grpc.pb.h"
#include "services/client/call.hpp"
#include "services/client/renewal.hpp"
#include "services/pki/pki.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::CertFiles;
using renshe::testing::newRequestId;
using renshe::testing::Outcome;
using renshe::testing::StoreKind;
using renshe::testing::TempDir;
namespace client = renshe::services::client;
namespace pki = renshe::services::pki;
namespace fs = std::filesystem;
using Admin = AdminService::Stub;

class CertificateRenewal : public ::testing::TestWithParam<StoreKind> {};

constexpr const char* kTerminal = "T-371302-031";

std::int64_t nowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A heartbeat as `who` on a channel of its own: the gate's answer for that key.
Outcome heartbeatAs(const client::Endpoint& who) {
    auto stub = TerminalService::NewStub(client::makeChannel(who));
    HeartbeatRequest r;
    r.set_role(TERMINAL_ROLE_TOUCH);
    r.set_software_version("test");
    HeartbeatResponse resp;
    return call(*stub, &TerminalService::Stub::Heartbeat, r, &resp);
}

client::Endpoint endpointOf(BackofficeEnv& env, const client::IdentityFiles& files) {
    return client::Endpoint::fromFiles(env.backoffice().target(), env.pki().caCertificate(),
                                       files.certificate, files.privateKey);
}

// The terminal's working copy of its enrolled certificate and key, and a copy of the original.
struct Terminal {
    TempDir dir{"renshe-renewal"};
    client::IdentityFiles files{dir / "terminal.crt", dir / "terminal.key"};
    client::IdentityFiles original{dir / "original.crt", dir / "original.key"};

    explicit Terminal(const CertFiles& issued) {
        for (const auto* f : {&files, &original}) {
            fs::copy_file(issued.certificate, f->certificate);
            fs::copy_file(issued.privateKey, f->privateKey);
        }
    }
};

TerminalEnrolment enrolmentOf(BackofficeEnv& env, const std::string& terminalId) {
    ListEnrolmentsRequest r;
    r.set_region_prefix(BackofficeEnv::kRegion);
    ListEnrolmentsResponse resp;
    EXPECT_TRUE(call(*env.staff().admin, &Admin::ListEnrolments, r, &resp).ok());
    for (const auto& e : resp.terminals()) {
        if (e.terminal_id() == terminalId)
            return e;
    }
    ADD_FAILURE() << terminalId << " is not enrolled";
    return {};
}

// Waits out the gate's freshness for `who` (a cached answer lives at most 0.5 s).
Outcome heartbeatAfterGate(const client::Endpoint& who) {
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    return heartbeatAs(who);
}

// What renewCertificate() sends for `keyPem`, as the terminal in `files`, made by hand.
RenewCertificateRequest renewalRequest(const client::IdentityFiles& files,
                                       const std::string& keyPem) {
    RenewCertificateRequest req;
    req.set_request_id(newRequestId());
    req.set_csr_pem(pki::createCsrPem(
        keyPem, pki::identityFromCertificatePem(pki::readFile(files.certificate))));
    return req;
}

RenewCertificateResponse renewedBy(client::ChannelKeeper& keeper,
                                   const RenewCertificateRequest& req) {
    RenewCertificateResponse resp;
    const auto r = client::unary<TerminalService>(keeper, &TerminalService::Stub::RenewCertificate,
                                                  req, &resp);
    EXPECT_TRUE(r.ok()) << r.message;
    return resp;
}

TEST_P(CertificateRenewal, TheNewKeyTakesOverOnItsFirstUseAndTheOldOneIsRefusedAfter) {
    BackofficeEnv env(GetParam());
    Terminal t(env.pki().touchTerminal(kTerminal, BackofficeEnv::kRegion));
    const auto oldEndpoint = endpointOf(env, t.original);
    const std::string oldKey = pki::certificateFacts(oldEndpoint.certificatePem).publicKeySha256;
    client::ChannelKeeper keeper(endpointOf(env, t.files));

    // The test CA's certificates last a day: not due with a third of it left…
    auto r = client::renewCertificateIfDue(keeper, t.files, nowSeconds(), std::chrono::seconds(0),
                                           std::chrono::seconds(10));
    EXPECT_EQ(r.outcome, client::RenewalOutcome::NotDue) << r.detail;
    // …due when the operator renews two days ahead.
    r = client::renewCertificateIfDue(keeper, t.files, nowSeconds(), std::chrono::hours(48),
                                      std::chrono::seconds(10));
    ASSERT_EQ(r.outcome, client::RenewalOutcome::Renewed) << r.detail;

    const std::string pem = pki::readFile(t.files.certificate);
    const auto facts = pki::certificateFacts(pem);
    const auto identity = pki::identityFromCertificatePem(pem);
    EXPECT_EQ(identity.id, kTerminal);
    EXPECT_EQ(identity.role, pki::Role::Touch);
    EXPECT_EQ(identity.region, BackofficeEnv::kRegion);
    EXPECT_NE(facts.publicKeySha256, oldKey);
    EXPECT_NEAR(static_cast<double>(facts.notAfter - nowSeconds()), 90.0 * 86400, 120.0)
        << "the back office's default lifetime is 90 days";
    EXPECT_EQ(r.notAfter, facts.notAfter);
    EXPECT_EQ(fs::status(t.files.privateKey).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_FALSE(fs::exists(t.files.pendingKey()));
    EXPECT_FALSE(fs::exists(t.files.pendingCertificate()));

    // Until the new key is used, the old one still works (the enrolment has not switched).
    EXPECT_EQ(enrolmentOf(env, kTerminal).public_key_sha256(), oldKey);
    EXPECT_TRUE(heartbeatAfterGate(oldEndpoint).ok());
    // The first call with the new pair switches the enrolment…
    EXPECT_TRUE(heartbeatAs(endpointOf(env, t.files)).ok());
    const auto enrolment = enrolmentOf(env, kTerminal);
    EXPECT_EQ(enrolment.public_key_sha256(), facts.publicKeySha256);
    EXPECT_EQ(enrolment.not_after().seconds(), facts.notAfter);
    // …and the old key is refused from then on, on every RPC.
    const auto o = heartbeatAfterGate(oldEndpoint);
    EXPECT_EQ(o.code, grpc::StatusCode::UNAUTHENTICATED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_TERMINAL_KEY_MISMATCH");
    // The keeper itself now calls with the new pair.
    HeartbeatRequest hb;
    hb.set_role(TERMINAL_ROLE_TOUCH);
    HeartbeatResponse hbr;
    EXPECT_TRUE(
        client::unary<TerminalService>(keeper, &TerminalService::Stub::Heartbeat, hb, &hbr).ok());

    // Audited, with the terminal as the subject.
    QueryAuditRequest q;
    q.set_event_type("terminal.renew_certificate");
    QueryAuditResponse events;
    ASSERT_TRUE(call(*env.staff().admin, &Admin::QueryAudit, q, &events).ok());
    ASSERT_EQ(events.events_size(), 1);
    EXPECT_EQ(events.events(0).masked_subject(), kTerminal);
    EXPECT_EQ(events.events(0).outcome(), "OK");
}

// A crash at either point of a renewal: before the answer (the pending key is asked for again,
// not thrown away) and after the answer was saved (completed at the next start).
TEST_P(CertificateRenewal, ARenewalCutShortByACrashIsCompletedNotLost) {
    BackofficeEnv env(GetParam());
    Terminal t(env.pki().touchTerminal(kTerminal, BackofficeEnv::kRegion));
    client::ChannelKeeper keeper(endpointOf(env, t.files));

    // Crash before the answer: only the pending key was written.
    const std::string pendingKey = pki::generatePrivateKeyPem();
    pki::writeFileAtomically(t.files.pendingKey(), pendingKey,
                             fs::perms::owner_read | fs::perms::owner_write);
    client::finishInterruptedRenewal(t.files);  // nothing to complete: old pair kept
    EXPECT_TRUE(fs::exists(t.files.pendingKey()));
    EXPECT_EQ(pki::readFile(t.files.certificate), pki::readFile(t.original.certificate));
    auto r = client::renewCertificate(keeper, t.files, std::chrono::seconds(10));
    ASSERT_EQ(r.outcome, client::RenewalOutcome::Renewed) << r.detail;
    EXPECT_EQ(pki::readFile(t.files.privateKey), pendingKey) << "the pending key was kept";
    EXPECT_TRUE(heartbeatAs(endpointOf(env, t.files)).ok());

    // Crash after the answer was saved, before the files were moved into place.
    const std::string nextKey = pki::generatePrivateKeyPem();
    pki::writeFileAtomically(t.files.pendingKey(), nextKey,
                             fs::perms::owner_read | fs::perms::owner_write);
    const auto resp = renewedBy(keeper, renewalRequest(t.files, nextKey));
    EXPECT_TRUE(resp.key_rotated());
    pki::writeFileAtomically(t.files.pendingCertificate(), resp.certificate_pem(),
                             fs::perms::owner_read | fs::perms::owner_write);
    client::finishInterruptedRenewal(t.files);  // the next start
    EXPECT_EQ(pki::readFile(t.files.privateKey), nextKey);
    EXPECT_EQ(pki::readFile(t.files.certificate), resp.certificate_pem());
    EXPECT_FALSE(fs::exists(t.files.pendingKey()));
    EXPECT_FALSE(fs::exists(t.files.pendingCertificate()));
    EXPECT_TRUE(heartbeatAs(endpointOf(env, t.files)).ok());
}

TEST_P(CertificateRenewal, ARevokedTerminalsPendingKeyNeverBecomesValidAndStaffCannotRenew) {
    BackofficeEnv env(GetParam());
    Terminal t(env.pki().touchTerminal(kTerminal, BackofficeEnv::kRegion));
    client::ChannelKeeper keeper(endpointOf(env, t.files));

    // A renewal answered but not yet used, then the terminal is reported stolen.
    const std::string nextKey = pki::generatePrivateKeyPem();
    RenewCertificateRequest req = renewalRequest(t.files, nextKey);
    RenewCertificateResponse resp = renewedBy(keeper, req);
    RevokeTerminalRequest rv;
    rv.set_request_id(newRequestId());
    rv.set_terminal_id(kTerminal);
    rv.set_reason("被盗 stolen");
    RevokeTerminalResponse rvr;
    ASSERT_TRUE(call(*env.staff().admin, &Admin::RevokeTerminal, rv, &rvr).ok());

    client::Endpoint pending = endpointOf(env, t.files);
    pending.certificatePem = resp.certificate_pem();
    pending.privateKeyPem = nextKey;
    auto o = heartbeatAfterGate(pending);
    EXPECT_EQ(o.code, grpc::StatusCode::UNAUTHENTICATED) << o;
    // Nor can it be registered again: the pending key was revoked with the enrolled one.
    RegisterTerminalsRequest reg;
    reg.set_request_id(newRequestId());
    reg.add_certificate_pem(resp.certificate_pem());
    RegisterTerminalsResponse regr;
    o = call(*env.staff().admin, &Admin::RegisterTerminals, reg, &regr);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_TERMINAL_REVOKED") << o;
    // The revoked terminal cannot renew either.
    const auto r = client::renewCertificate(keeper, t.files, std::chrono::seconds(10));
    EXPECT_EQ(r.outcome, client::RenewalOutcome::Refused) << r.detail;

    // Staff certificates are not renewed here; a CSR whose signature fails is malformed.
    auto staffStub = TerminalService::NewStub(
        client::makeChannel(env.pki().endpoint(env.backoffice().staffTarget(), env.pki().staff())));
    req.set_request_id(newRequestId());
    o = call(*staffStub, &TerminalService::Stub::RenewCertificate, req, &resp);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_WRONG_ROLE") << o;
    auto other = env.pki().touchTerminal("T-371302-032", BackofficeEnv::kRegion);
    auto otherStub = TerminalService::NewStub(
        client::makeChannel(env.pki().endpoint(env.backoffice().target(), other)));
    std::string forged = req.csr_pem();
    std::size_t at = forged.size() / 2;
    while (!std::isalnum(static_cast<unsigned char>(forged[at])))
        ++at;
    forged[at] = forged[at] == 'A' ? 'B' : 'A';
    req.set_csr_pem(forged);
    req.set_request_id(newRequestId());
    o = call(*otherStub, &TerminalService::Stub::RenewCertificate, req, &resp);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
}

INSTANTIATE_TEST_SUITE_P(Backends, CertificateRenewal,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         [](const auto& info) {
                             return info.param == StoreKind::Sqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
