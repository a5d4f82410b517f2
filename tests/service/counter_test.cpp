// CounterService.GetPersonFile (counter.proto) on both backends: the counter's person page in
// one call — the registry's masked view with cards and history, certification status, the
// person's applications (made by them and serving them) — audited at every read, the full
// identity only with a reason (audited with it), and nothing for terminals or other counties;
// an activation made on the counter's PIN pad, reported by the clerk.
#include <gtest/gtest.h>

#include "renshe/v1/counter.grpc.pb.h"
#include "tests/service/applications_fixture.hpp"

namespace renshe::testing::applications {
namespace {

using namespace renshe::v1;

class Counter : public ApplicationsFixture {
protected:
    static std::unique_ptr<CounterService::Stub> counterOn(const std::string& target,
                                                           const TestPki& pki,
                                                           const CertFiles& who) {
        return CounterService::NewStub(services::client::makeChannel(pki.endpoint(target, who)));
    }
    std::unique_ptr<CounterService::Stub> clerk =
        counterOn(env.backoffice().staffTarget(), env.pki(),
                  env.pki().staff("S-0001", BackofficeEnv::kRegion));

    Outcome file(CounterService::Stub& as, const GetPersonFileRequest& r,
                 GetPersonFileResponse* out) {
        return call(as, &CounterService::Stub::GetPersonFile, r, out);
    }
    GetPersonFileRequest byId(const std::string& ssn) const {
        GetPersonFileRequest r;
        r.mutable_person()->set_ssn(ssn);
        return r;
    }
    std::vector<AuditEvent> audit(const std::string& type) {
        QueryAuditRequest q;
        q.set_event_type(type);
        q.set_subject_ssn(card.ssn);
        QueryAuditResponse resp;
        EXPECT_TRUE(call(*staff.admin, &AdminService::Stub::QueryAudit, q, &resp).ok());
        return {resp.events().begin(), resp.events().end()};
    }
};

TEST_P(Counter, APersonsFileHasCardsCertificationAndApplicationsAllMasked) {
    SubmitApplicationResponse submitted;
    ASSERT_TRUE(submit(touch, unemployment(withTheCard()), &submitted).ok());

    GetPersonFileResponse f;
    ASSERT_TRUE(file(*clerk, byId(card.ssn), &f).ok());
    EXPECT_EQ(f.person().person().masked_ssn(), "370***********0017");
    EXPECT_EQ(f.person().person().masked_name(), "张*丰");
    ASSERT_EQ(f.person().cards_size(), 1);
    EXPECT_EQ(f.person().cards(0).card_number(), card.cardNumber);
    EXPECT_EQ(f.person().cards(0).status(), CARD_STATUS_ACTIVE);
    EXPECT_GE(f.person().history_size(), 2);  // issued, activated
    EXPECT_TRUE(f.person().service_password_set());
    EXPECT_NE(f.certification().state(), CERTIFICATION_STATE_UNSPECIFIED);
    ASSERT_EQ(f.applications_size(), 1);
    EXPECT_EQ(f.applications(0).number(), submitted.application().number());
    EXPECT_EQ(f.applications(0).kind(), APPLICATION_KIND_UNEMPLOYMENT_REGISTRATION);
    EXPECT_FALSE(f.has_revealed());
    EXPECT_EQ(f.insurances_size(), 0);  // no records loaded for this person
    EXPECT_EQ(f.records_through(), "");
    // By the card number: the same person.
    GetPersonFileRequest byCard;
    byCard.mutable_person()->set_card_number(card.cardNumber);
    GetPersonFileResponse again;
    ASSERT_TRUE(file(*clerk, byCard, &again).ok());
    EXPECT_EQ(again.person().person().masked_ssn(), f.person().person().masked_ssn());
    // Every read is audited, without the full number anywhere.
    const auto events = audit("counter.person_file");
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].outcome(), "OK");
    EXPECT_EQ(events[0].actor(), "S-0001");
    EXPECT_EQ(events[0].masked_subject(), "370***********0017");
}

TEST_P(Counter, TheFullIdentityOnlyWithAReasonAndTheReasonIsAudited) {
    auto r = byId(card.ssn);
    r.set_reveal(true);
    GetPersonFileResponse f;
    EXPECT_EQ(file(*clerk, r, &f).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    EXPECT_FALSE(f.has_revealed());
    r.set_reveal_reason(std::string(700, 'x'));  // over 200 characters' worth
    EXPECT_EQ(file(*clerk, r, &f).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    r.set_reveal_reason("核对身份证原件");
    ASSERT_TRUE(file(*clerk, r, &f).ok());
    EXPECT_EQ(f.revealed().ssn(), card.ssn);
    EXPECT_EQ(f.revealed().name(), card.name);
    const auto events = audit("counter.person_file");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].outcome(), "REVEALED: 核对身份证原件");
    // A reason without asking to reveal is a malformed request, not a silent no-op.
    auto odd = byId(card.ssn);
    odd.set_reveal_reason("why");
    EXPECT_EQ(file(*clerk, odd, &f).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
}

TEST_P(Counter, ARelativesHomeVisitIsOnTheRelativesFileToo) {
    // 张三丰's application serving another registered person of the region.
    const SeededCard relative = inventedCard(321);
    seed(env.staff(), relative);
    SubmitApplicationRequest r;
    r.set_request_id(newRequestId());
    *r.mutable_applicant() = withTheCard();
    auto* v = r.mutable_payload()->mutable_home_visit();
    v->mutable_relative()->set_ssn(relative.ssn);
    v->mutable_relative()->set_name(relative.name);
    v->mutable_relative()->set_relationship(RELATIONSHIP_PARENT);
    v->set_address("兰山区探沂镇东村3排5号");
    v->add_needs(HOME_VISIT_NEED_CERTIFICATION);
    v->set_reason(MOBILITY_REASON_BEDRIDDEN);
    r.set_phone("13812345678");
    SubmitApplicationResponse submitted;
    ASSERT_TRUE(submit(touch, r, &submitted).ok()) << submitted.DebugString();
    GetPersonFileResponse f;
    ASSERT_TRUE(file(*clerk, byId(relative.ssn), &f).ok());
    ASSERT_EQ(f.applications_size(), 1);
    EXPECT_EQ(f.applications(0).number(), submitted.application().number());
}

TEST_P(Counter, TerminalsAndOtherCountiesLearnNothing) {
    GetPersonFileResponse f;
    auto elsewhere =
        counterOn(env.backoffice().staffTarget(), env.pki(), env.pki().staff("S-0900", "370102"));
    EXPECT_EQ(file(*elsewhere, byId(card.ssn), &f).refusal, "REFUSAL_REASON_OUTSIDE_REGION");
    EXPECT_EQ(f.person().cards_size(), 0);
    auto terminal = counterOn(env.backoffice().target(), env.pki(),
                              env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion));
    EXPECT_EQ(file(*terminal, byId(card.ssn), &f).refusal, "REFUSAL_REASON_STAFF_ONLY");
    EXPECT_EQ(file(*clerk, byId("370102194704090018"), &f).refusal,
              "REFUSAL_REASON_MALFORMED_ID_NUMBER");
    EXPECT_EQ(file(*clerk, byId(inventedCard(99).ssn), &f).refusal,
              "REFUSAL_REASON_UNKNOWN_PERSON");
    GetPersonFileRequest none;
    EXPECT_EQ(file(*clerk, none, &f).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
}

// 协助启用: the citizen types the new PIN on the counter's PIN pad window and the clerk's
// workstation reports the activation as the staff member; only for a card of their region,
// and staff report nothing but activations.
TEST_P(Counter, AClerkReportsAnActivationMadeOnTheCountersPinPad) {
    const SeededCard fresh = inventedCard(7);
    seed(env.staff(), fresh);
    const auto clerkCards = env.staff();
    GetSealingKeyResponse key;
    EXPECT_TRUE(
        call(*clerkCards.card, &CardService::Stub::GetSealingKey, GetSealingKeyRequest(), &key)
            .ok());
    EXPECT_FALSE(key.public_key().empty());

    const auto elsewhere = env.asStaff(env.pki().staff("S-0900", "370102"));
    EXPECT_EQ(activate(elsewhere, fresh, "285714").refusal, "REFUSAL_REASON_OUTSIDE_REGION");
    ReportPinChangedRequest change;
    change.set_request_id(newRequestId());
    *change.mutable_card() = fresh.inserted();
    change.set_kind(PIN_CHANGE_KIND_CHANGE);
    ReportPinChangedResponse changed;
    EXPECT_EQ(
        call(*clerkCards.card, &CardService::Stub::ReportPinChanged, change, &changed).refusal,
        "REFUSAL_REASON_WRONG_ROLE");

    ReportPinChangedResponse activated;
    ASSERT_TRUE(activate(clerkCards, fresh, "285714", &activated).ok());
    EXPECT_EQ(activated.card().status(), CARD_STATUS_ACTIVE);
    GetPersonFileResponse f;
    ASSERT_TRUE(file(*clerk, byId(fresh.ssn), &f).ok());
    ASSERT_GE(f.person().history_size(), 2);
    bool byTheClerk = false;
    for (const auto& h : f.person().history()) {
        if (h.to_status() == CARD_STATUS_ACTIVE) {
            byTheClerk = h.actor() == "S-0001" && h.reason() == "activation at the counter";
        }
    }
    EXPECT_TRUE(byTheClerk) << f.person().DebugString();
    EXPECT_TRUE(f.person().service_password_set());
    // Once only: the card is no longer ISSUED.
    EXPECT_EQ(activate(clerkCards, fresh, "285714").refusal, "REFUSAL_REASON_WRONG_CARD_STATE");
}

INSTANTIATE_TEST_SUITE_P(Backends, Counter,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
}  // namespace renshe::testing::applications
