// The PIN reset flow (kiosk/card) against a scripted card and back office — the session, the
// cryptogram for the card's challenge, RELOAD PIN and the card's real status word reported —
// and every flow with the card pulled before or after each card command.
#include "tests/unit/card_flows_fakes.hpp"

namespace card_flows_test {

// --- PIN reset (重置) ----------------------------------------------------------------------

TEST_F(CardFlows, ResetTakesTheBackOfficesKeyForTheCardsChallengeAndReportsSuccessAs9000) {
    const auto out = run(card::resetPin);
    EXPECT_EQ(office.order, (std::vector<Rpc>{Rpc::BeginPinReset, Rpc::ComputeCryptogram,
                                              Rpc::ReportResetResult}));
    EXPECT_EQ(cardPort.commands(), (std::vector<Cmd>{Cmd::Challenge, Cmd::Reload}));
    ASSERT_EQ(office.begins.size(), 1u);
    EXPECT_EQ(office.begins[0].second_factor().service_password(), kServicePassword);
    expectSameCard(office.begins[0].card(), inserted);
    ASSERT_EQ(office.cryptogramRequests.size(), 1u);
    const auto& creq = office.cryptogramRequests[0];
    EXPECT_EQ(creq.reset_session_id(), office.resetSessionId);
    EXPECT_EQ(creq.card_identifier(), inserted.card_identifier());
    EXPECT_EQ(creq.challenge(), std::string(cardPort.challenge.begin(), cardPort.challenge.end()));
    EXPECT_EQ(creq.operation(), PIN_RESET_OPERATION_RELOAD);
    const auto& reload = cardPort.calls[1];
    EXPECT_EQ(std::string(reload.key.begin(), reload.key.end()), office.cryptogram);
    EXPECT_EQ(reload.pin, kNewBcd);
    ASSERT_EQ(office.resetResults.size(), 1u);
    const auto& rep = office.resetResults[0];
    EXPECT_TRUE(rep.succeeded());
    EXPECT_EQ(rep.card_status_word(), "9000");
    EXPECT_EQ(rep.reset_session_id(), office.resetSessionId);
    EXPECT_EQ(rep.operation(), PIN_RESET_OPERATION_RELOAD);
    std::set<std::string> ids{office.begins[0].request_id(), creq.request_id(), rep.request_id()};
    EXPECT_EQ(ids.size(), 3u);  // one request id per mutation
    EXPECT_TRUE(out.done);
    EXPECT_FALSE(out.error);
    EXPECT_EQ(out.message, MessageId::Reset);
    EXPECT_TRUE(out.info.has_value());
}

class ResetRefusedByTheCard : public CardFlows,
                              public ::testing::WithParamInterface<std::uint16_t> {};

TEST_P(ResetRefusedByTheCard, ReportsTheCardsRealStatusWord) {
    const std::uint16_t sw = GetParam();
    cardPort.statusWords = {sw};
    const auto out = run(card::resetPin);
    ASSERT_EQ(office.resetResults.size(), 1u);
    EXPECT_FALSE(office.resetResults[0].succeeded());
    char expected[5];
    std::snprintf(expected, sizeof expected, "%04X", static_cast<unsigned>(sw));
    EXPECT_EQ(office.resetResults[0].card_status_word(), expected);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.done);
    ASSERT_TRUE(out.pin.has_value());
    EXPECT_EQ(out.pin->statusWord, sw);
}

// 6982: a MAC the card does not accept; 63Cx/6983 as some cards answer RELOAD. "63CA" checks
// the upper-case hex the back office expects.
INSTANTIATE_TEST_SUITE_P(StatusWords, ResetRefusedByTheCard,
                         ::testing::Values(0x6982, 0x6983, 0x63C2, 0x63CA), [](const auto& info) {
                             char name[8];
                             std::snprintf(name, sizeof name, "SW%04X",
                                           static_cast<unsigned>(info.param));
                             return std::string(name);
                         });

TEST_F(CardFlows, ResetTheCardRefusesTellsTheHolderTheCardRefused) {
    cardPort.statusWords = {0x6982};
    const auto out = run(card::resetPin);
    EXPECT_EQ(out.message, MessageId::CardRefused);
    EXPECT_EQ(office.resetResults.at(0).card_status_word(), "6982");
}

TEST_F(CardFlows, ResetWithAWrongServicePasswordNeverTouchesTheCard) {
    office.script[Rpc::BeginPinReset] = {
        refused(REFUSAL_REASON_SECOND_FACTOR_FAILED, grpc::StatusCode::PERMISSION_DENIED)};
    const auto out = run(card::resetPin);
    EXPECT_EQ(out.message, MessageId::Refusal);
    EXPECT_EQ(out.refusal, REFUSAL_REASON_SECOND_FACTOR_FAILED);
    EXPECT_TRUE(cardPort.calls.empty());
    EXPECT_EQ(office.order, std::vector<Rpc>{Rpc::BeginPinReset});
}

TEST_F(CardFlows, ResetRateLimitedCarriesTheWait) {
    office.script[Rpc::BeginPinReset] = {
        refused(REFUSAL_REASON_RATE_LIMITED, grpc::StatusCode::RESOURCE_EXHAUSTED, 1800)};
    const auto out = run(card::resetPin);
    EXPECT_EQ(out.refusal, REFUSAL_REASON_RATE_LIMITED);
    EXPECT_EQ(out.retryAfterSeconds, 1800);
    EXPECT_TRUE(cardPort.calls.empty());
}

TEST_F(CardFlows, ResetWhileTheBackOfficeIsAwaySaysTheNetworkIsDown) {
    office.script[Rpc::BeginPinReset] = {unavailable()};
    const auto out = run(card::resetPin);
    EXPECT_EQ(out.message, MessageId::NetworkDown);
    EXPECT_TRUE(cardPort.calls.empty());
    EXPECT_TRUE(outbox.entries.empty());
}

TEST_F(CardFlows, ResetWhoseSessionTheBackOfficeNoLongerKnowsStopsBeforeReload) {
    office.script[Rpc::ComputeCryptogram] = {refused(REFUSAL_REASON_RESET_SESSION_INVALID)};
    const auto out = run(card::resetPin);
    EXPECT_EQ(out.message, MessageId::Refusal);
    EXPECT_EQ(out.refusal, REFUSAL_REASON_RESET_SESSION_INVALID);
    EXPECT_EQ(cardPort.commands(), std::vector<Cmd>{Cmd::Challenge});
    EXPECT_TRUE(office.resetResults.empty());
}

TEST_F(CardFlows, ResetWhoseCryptogramCallTimesOutSaysTheNetworkIsDown) {
    office.script[Rpc::ComputeCryptogram] = {deadlineExceeded()};
    const auto out = run(card::resetPin);
    EXPECT_EQ(out.message, MessageId::NetworkDown);
    EXPECT_EQ(cardPort.commands(), std::vector<Cmd>{Cmd::Challenge});
}

TEST_F(CardFlows, ResetWithACryptogramThatIsNot16BytesNeverSendsReload) {
    office.cryptogram = std::string(15, '\x42');
    const auto out = run(card::resetPin);
    EXPECT_EQ(out.message, MessageId::Refusal);
    EXPECT_EQ(out.refusal, REFUSAL_REASON_UNSPECIFIED);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.done);
    EXPECT_EQ(cardPort.commands(), std::vector<Cmd>{Cmd::Challenge});
    EXPECT_TRUE(office.resetResults.empty());

    office.cryptogram = std::string(17, '\x42');
    cardPort.calls.clear();
    secrets.newPin = kNewPin;
    secrets.servicePassword = kServicePassword;
    EXPECT_EQ(run(card::resetPin).message, MessageId::Refusal);
    EXPECT_EQ(cardPort.commands(), std::vector<Cmd>{Cmd::Challenge});
}

TEST_F(CardFlows, ResetResultTheBackOfficeCannotTakeGoesToTheOutbox) {
    office.script[Rpc::ReportResetResult] = {unavailable()};
    const auto out = run(card::resetPin);
    ASSERT_EQ(office.resetResults.size(), 1u);  // tried once: the card is done either way
    ASSERT_EQ(outbox.entries.size(), 1u);
    EXPECT_EQ(outbox.entries[0].method, "/renshe.v1.CardService/ReportPinResetResult");
    EXPECT_EQ(outbox.entries[0].requestId, office.resetResults[0].request_id());
    ReportPinResetResultRequest queued;
    ASSERT_TRUE(queued.ParseFromString(outbox.entries[0].serialized));
    EXPECT_EQ(queued.card_status_word(), "9000");
    EXPECT_TRUE(queued.succeeded());
    EXPECT_TRUE(out.done);
    EXPECT_EQ(out.message, MessageId::Reset);
    EXPECT_FALSE(out.info.has_value());
}

TEST_F(CardFlows, ResetFailureTheBackOfficeCannotTakeIsQueuedWithTheRealStatusWord) {
    cardPort.statusWords = {0x6982};
    office.script[Rpc::ReportResetResult] = {unavailable()};
    const auto out = run(card::resetPin);
    ASSERT_EQ(outbox.entries.size(), 1u);
    ReportPinResetResultRequest queued;
    ASSERT_TRUE(queued.ParseFromString(outbox.entries[0].serialized));
    EXPECT_FALSE(queued.succeeded());
    EXPECT_EQ(queued.card_status_word(), "6982");
    EXPECT_EQ(out.message, MessageId::CardRefused);
}

TEST_F(CardFlows, ResetWhoseResultTheBackOfficeRefusesIsStillDoneOnTheCard) {
    office.script[Rpc::ReportResetResult] = {refused(REFUSAL_REASON_RESET_SESSION_INVALID)};
    const auto out = run(card::resetPin);
    EXPECT_TRUE(out.done);
    EXPECT_EQ(out.message, MessageId::Reset);
    EXPECT_FALSE(out.info.has_value());
    EXPECT_TRUE(outbox.entries.empty());
}

// --- the card pulled (or failing) at each step ----------------------------------------------

struct PullCase {
    const char* name;
    FlowFn flow;
    Cmd at;
    When when;
    std::vector<Cmd> ranOnCard;      // the commands the card completed
    std::vector<Rpc> backOfficeSaw;  // the calls made before the card left
};
std::ostream& operator<<(std::ostream& os, const PullCase& c) {
    return os << c.name;
}

class CardPulled : public CardFlows, public ::testing::WithParamInterface<PullCase> {};

TEST_P(CardPulled, EndsTheFlowWithNothingHalfDoneReportedAndTheSecretsWiped) {
    const auto& c = GetParam();
    cardPort.pullAt(c.at, c.when);
    const auto out = run(c.flow);
    EXPECT_EQ(out.message, MessageId::CardPulled);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.done);
    EXPECT_FALSE(out.info.has_value());
    EXPECT_FALSE(out.pin.has_value());
    EXPECT_TRUE(out.history.empty());
    EXPECT_TRUE(out.diagnostic.empty());  // an ordinary pull: nothing for the log
    EXPECT_EQ(cardPort.commands(), c.ranOnCard);
    EXPECT_EQ(office.order, c.backOfficeSaw);
    EXPECT_TRUE(outbox.entries.empty());
    EXPECT_TRUE(secrets.empty());
}

const Rpc kBegin = Rpc::BeginPinReset;
const Rpc kCompute = Rpc::ComputeCryptogram;

INSTANTIATE_TEST_SUITE_P(
    EveryStep, CardPulled,
    ::testing::Values(
        PullCase{"ActivateBeforeChange", card::activate, Cmd::Change, When::Before, {}, {}},
        PullCase{
            "ActivateDuringChange", card::activate, Cmd::Change, When::After, {Cmd::Change}, {}},
        PullCase{"ChangePinBeforeChange", card::changePin, Cmd::Change, When::Before, {}, {}},
        PullCase{
            "ChangePinDuringChange", card::changePin, Cmd::Change, When::After, {Cmd::Change}, {}},
        PullCase{"UnreportBeforeVerify", card::unreport, Cmd::Verify, When::Before, {}, {}},
        PullCase{
            "UnreportAfterVerify", card::unreport, Cmd::Verify, When::After, {Cmd::Verify}, {}},
        PullCase{"QueryBeforeVerify", card::queryHistory, Cmd::Verify, When::Before, {}, {}},
        PullCase{
            "QueryAfterVerify", card::queryHistory, Cmd::Verify, When::After, {Cmd::Verify}, {}},
        PullCase{
            "ResetBeforeChallenge", card::resetPin, Cmd::Challenge, When::Before, {}, {kBegin}},
        PullCase{"ResetAfterChallenge",
                 card::resetPin,
                 Cmd::Challenge,
                 When::After,
                 {Cmd::Challenge},
                 {kBegin}},
        PullCase{"ResetBeforeReload",
                 card::resetPin,
                 Cmd::Reload,
                 When::Before,
                 {Cmd::Challenge},
                 {kBegin, kCompute}},
        PullCase{"ResetDuringReload",
                 card::resetPin,
                 Cmd::Reload,
                 When::After,
                 {Cmd::Challenge, Cmd::Reload},
                 {kBegin, kCompute}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(CardFlows, ACardFailingUnexpectedlyEndsTheFlowAsPulledWithTheDriversReasonForTheLog) {
    // 9303: the application locked itself during VERIFY; the driver throws ApplicationLocked.
    cardPort.statusWords = {0x9303};
    const auto out = run(card::unreport);
    EXPECT_EQ(out.message, MessageId::CardPulled);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.diagnostic.empty());
    EXPECT_EQ(out.diagnostic.find(kCurrentPin), std::string::npos);
    EXPECT_TRUE(office.order.empty());
    EXPECT_TRUE(secrets.empty());
}

TEST_F(CardFlows, ACardRemovedDuringAChangeIsPulledEvenWhenTheDriverSaysCardRemoved) {
    cardPort.failAt(Cmd::Change, When::Before,
                    std::make_exception_ptr(pcsc::CardRemoved("gone", 0)));
    const auto out = run(card::activate);
    EXPECT_EQ(out.message, MessageId::CardPulled);
    EXPECT_TRUE(out.diagnostic.empty());
    EXPECT_TRUE(office.order.empty());
}

}  // namespace card_flows_test
