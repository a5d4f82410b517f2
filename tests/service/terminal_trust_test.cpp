// A terminal is its certificate AND its enrolment (docs/SECURITY.md): a certificate that chains
// to the CA but whose terminal id is not enrolled, or is enrolled with another key, or was
// revoked, is UNAUTHENTICATED on every RPC, heartbeats included; revocation reaches every
// replica within a second; renshe-admin registers, lists and revokes.
#include <gtest/gtest.h>

#include <iostream>
#include <thread>

#include "renshe/v1/terminal.grpc.pb.h"
#include "services/pki/pki.hpp"
#include "tests/service/admin_cli_runner.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::BackofficeProcess;
using renshe::testing::call;
using renshe::testing::CertFiles;
using renshe::testing::newRequestId;
using renshe::testing::Outcome;
using renshe::testing::SeededCard;
using renshe::testing::StoreKind;
using Card = CardService::Stub;
using Admin = AdminService::Stub;
namespace pki = renshe::services::pki;
using Clock = std::chrono::steady_clock;

class TerminalTrust : public ::testing::TestWithParam<StoreKind> {};

Outcome status(const renshe::testing::Clients& who, const SeededCard& card) {
    GetCardStatusRequest r;
    *r.mutable_card() = card.inserted();
    GetCardStatusResponse resp;
    return call(*who.card, &Card::GetCardStatus, r, &resp);
}

Outcome heartbeat(BackofficeEnv& env, const CertFiles& who) {
    auto channel =
        renshe::services::client::makeChannel(env.pki().endpoint(env.backoffice().target(), who));
    auto stub = TerminalService::NewStub(channel);
    HeartbeatRequest r;
    r.set_role(TERMINAL_ROLE_TOUCH);
    r.set_software_version("test");
    HeartbeatResponse resp;
    return call(*stub, &TerminalService::Stub::Heartbeat, r, &resp);
}

RegisterTerminalsRequest registration(const std::vector<std::string>& pems) {
    RegisterTerminalsRequest r;
    r.set_request_id(newRequestId());
    for (const auto& pem : pems)
        r.add_certificate_pem(pem);
    return r;
}

TEST_P(TerminalTrust, OnlyTheEnrolledKeyOfAnEnrolledTerminalGetsIn) {
    BackofficeEnv env(GetParam());
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    ASSERT_TRUE(status(env.touch(), card).ok());

    // Chains to the CA, never enrolled: refused on a card RPC and on a heartbeat.
    const auto stranger = env.pki().unenrolledClient({"T-371302-077", pki::Role::Touch, "371302"});
    auto o = status(env.as(stranger), card);
    EXPECT_EQ(o.code, grpc::StatusCode::UNAUTHENTICATED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_TERMINAL_NOT_ENROLLED");
    o = heartbeat(env, stranger);
    EXPECT_EQ(o.code, grpc::StatusCode::UNAUTHENTICATED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_TERMINAL_NOT_ENROLLED");

    // The enrolled terminal id with another key (a copied certificate re-keyed by the CA, or
    // a second machine claiming the id).
    const auto twin = env.pki().unenrolledClient({"T-371302-001", pki::Role::Touch, "371302"});
    o = status(env.as(twin), card);
    EXPECT_EQ(o.code, grpc::StatusCode::UNAUTHENTICATED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_TERMINAL_KEY_MISMATCH");
    // …and its registration is refused while the first key stands.
    RegisterTerminalsResponse rr;
    o = call(*env.staff().admin, &Admin::RegisterTerminals,
             registration({pki::readFile(twin.certificate)}), &rr);
    EXPECT_EQ(o.code, grpc::StatusCode::ALREADY_EXISTS) << o;

    // Registering: not a certificate of the client CA, a staff certificate, another region.
    renshe::testing::TestPki otherCa("Another CA");
    o = call(*env.staff().admin, &Admin::RegisterTerminals,
             registration({pki::readFile(otherCa.touchTerminal("T-371302-078").certificate)}), &rr);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    EXPECT_NE(o.message.find("does not verify"), std::string::npos) << o;
    o = call(*env.staff().admin, &Admin::RegisterTerminals,
             registration({pki::readFile(env.pki().staff("S-0077").certificate)}), &rr);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    const auto far = env.pki().unenrolledClient({"T-370102-078", pki::Role::Touch, "370102"});
    o = call(*env.staff().admin, &Admin::RegisterTerminals,
             registration({pki::readFile(far.certificate)}), &rr);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION") << o;
    // A terminal may not register anyone.
    o = call(*env.touch().admin, &Admin::RegisterTerminals,
             registration({pki::readFile(stranger.certificate)}), &rr);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_STAFF_ONLY") << o;

    // All or nothing: a good certificate beside a bad one is not enrolled either.
    o = call(*env.staff().admin, &Admin::RegisterTerminals,
             registration({pki::readFile(stranger.certificate), "-----BEGIN CERTIFICATE-----\n"}),
             &rr);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    EXPECT_EQ(status(env.as(stranger), card).refusal, "REFUSAL_REASON_TERMINAL_NOT_ENROLLED");

    // Registered, the stranger gets in (within the gate's freshness).
    ASSERT_TRUE(call(*env.staff().admin, &Admin::RegisterTerminals,
                     registration({pki::readFile(stranger.certificate)}), &rr)
                    .ok());
    ASSERT_EQ(rr.terminals_size(), 1);
    EXPECT_EQ(rr.terminals(0).terminal_id(), "T-371302-077");
    EXPECT_EQ(rr.terminals(0).region(), "371302");
    EXPECT_EQ(rr.terminals(0).public_key_sha256(),
              pki::certificateFacts(pki::readFile(stranger.certificate)).publicKeySha256);
    std::this_thread::sleep_for(std::chrono::milliseconds(600));  // past the gate's freshness
    EXPECT_TRUE(status(env.as(stranger), card).ok());
    EXPECT_TRUE(heartbeat(env, stranger).ok());
}

TEST_P(TerminalTrust, RevokedTerminalIsRefusedWithinASecondOnEveryReplica) {
    BackofficeEnv env(GetParam());
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    // On PostgreSQL a second replica of the same database; on SQLite the one back office.
    std::optional<BackofficeProcess> second;
    if (GetParam() == StoreKind::Postgres) {
        second.emplace(env.pki(),
                       std::vector<std::string>{"--database", env.database(), "--keystore",
                                                env.backoffice().keystorePath().string()});
    }
    const std::string replica = second ? second->target() : env.backoffice().target();
    const auto touchFiles = env.pki().touchTerminal("T-371302-001", "371302");
    auto viaReplica = [&] {
        auto channel =
            renshe::services::client::makeChannel(env.pki().endpoint(replica, touchFiles));
        return renshe::testing::Clients{CardService::NewStub(channel),
                                        AdminService::NewStub(channel)};
    }();
    ASSERT_TRUE(status(viaReplica, card).ok());  // known to the replica's gate

    // Staff of another region may not revoke it.
    RevokeTerminalRequest rv;
    rv.set_request_id(newRequestId());
    rv.set_terminal_id("T-371302-001");
    rv.set_reason("被盗 stolen from the hall");
    RevokeTerminalResponse rvr;
    auto farStaff = env.as(env.pki().staff("S-0900", "370102"));
    EXPECT_EQ(call(*farStaff.admin, &Admin::RevokeTerminal, rv, &rvr).refusal,
              "REFUSAL_REASON_OUTSIDE_REGION");
    rv.set_request_id(newRequestId());
    ASSERT_TRUE(call(*env.staff().admin, &Admin::RevokeTerminal, rv, &rvr).ok());
    EXPECT_TRUE(rvr.terminal().has_revoked_at());
    EXPECT_EQ(rvr.terminal().revoked_by(), "S-0001");
    const auto revokedAt = Clock::now();

    Outcome o;
    while (Clock::now() - revokedAt < std::chrono::seconds(3)) {
        o = status(viaReplica, card);
        if (o.code != grpc::StatusCode::OK)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const auto took = Clock::now() - revokedAt;
    EXPECT_EQ(o.code, grpc::StatusCode::UNAUTHENTICATED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_TERMINAL_REVOKED");
    const auto tookMs = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
    EXPECT_LT(took, std::chrono::seconds(1)) << tookMs << " ms";
    std::cout << "revocation refused on the " << (second ? "second replica" : "back office")
              << " after " << tookMs << " ms\n";
    // Every RPC, on every replica: a mutation and a heartbeat too.
    ReportTemporaryLossResponse lr;
    EXPECT_EQ(call(*env.touch().card, &Card::ReportTemporaryLoss,
                   renshe::testing::lossReport(card, card.name, "285714"), &lr)
                  .refusal,
              "REFUSAL_REASON_TERMINAL_REVOKED");
    EXPECT_EQ(heartbeat(env, touchFiles).refusal, "REFUSAL_REASON_TERMINAL_REVOKED");

    // The revocation is audited with the terminal as its subject.
    QueryAuditRequest q;
    q.set_event_type("admin.revoke_terminal");
    QueryAuditResponse events;
    ASSERT_TRUE(call(*env.staff().admin, &Admin::QueryAudit, q, &events).ok());
    ASSERT_GE(events.events_size(), 1);
    EXPECT_EQ(events.events(events.events_size() - 1).masked_subject(), "T-371302-001");
    EXPECT_EQ(events.events(events.events_size() - 1).outcome(), "OK");

    // The revoked key never comes back; a replacement machine's new key may take the id.
    RegisterTerminalsResponse rr;
    o = call(*env.staff().admin, &Admin::RegisterTerminals,
             registration({pki::readFile(touchFiles.certificate)}), &rr);
    EXPECT_EQ(o.code, grpc::StatusCode::FAILED_PRECONDITION) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_TERMINAL_REVOKED");
    const auto replacement =
        env.pki().unenrolledClient({"T-371302-001", pki::Role::Touch, "371302"});
    ASSERT_TRUE(call(*env.staff().admin, &Admin::RegisterTerminals,
                     registration({pki::readFile(replacement.certificate)}), &rr)
                    .ok());
    // Past the gate's freshness (0.5 s of real time: the cache's age is what is waited out).
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    EXPECT_TRUE(status(env.as(replacement), card).ok());
    EXPECT_EQ(status(env.touch(), card).refusal, "REFUSAL_REASON_TERMINAL_KEY_MISMATCH");
}

INSTANTIATE_TEST_SUITE_P(Backends, TerminalTrust,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

TEST(TerminalTrustCli, RegisterListAndRevokeFromTheCommandLine) {
    BackofficeEnv env(StoreKind::Sqlite);
    renshe::testing::TempDir dir{"renshe-trust-cli"};
    auto admin = [&](std::vector<std::string> args) {
        return renshe::testing::runAdmin(env.backoffice().staffTarget(), env.pki(), dir.path(),
                                         std::move(args));
    };
    const auto a = env.pki().unenrolledClient({"T-371302101-11", pki::Role::Touch, "371302101"});
    const auto b =
        env.pki().unenrolledClient({"T-371302101-12-D", pki::Role::Display, "371302101"});
    auto r = admin({"terminal", "register", a.certificate.string(), b.certificate.string()});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("T-371302101-11  touch  371302101"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("T-371302101-12-D  display"), std::string::npos) << r.output;

    r = admin({"terminal", "revoke", "T-371302101-11"});
    EXPECT_EQ(r.code, 2) << r.output;  // no reason given
    r = admin({"terminal", "revoke", "T-371302101-11", "--reason", "replaced"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("REVOKED"), std::string::npos) << r.output;

    r = admin({"terminal", "list", "--region", "371302101"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("T-371302101-12-D"), std::string::npos) << r.output;
    r = admin({"terminal", "list", "--revoked"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("T-371302101-11"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("replaced"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("T-371302101-12-D"), std::string::npos) << r.output;
    r = admin({"terminal", "revoke", "T-371302101-99", "--reason", "x"});
    EXPECT_NE(r.code, 0) << r.output;
}

}  // namespace
