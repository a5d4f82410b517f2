// The card services' flows (kiosk/card) against a scripted card and a scripted back office:
// activation, change PIN, un-report and the history query — what goes to the card and to the
// back office, in which order, what is retried or queued, what the citizen is told — and the
// secrets the flows wipe.
#include "services/pki/sealing.hpp"
#include "tests/unit/card_flows_fakes.hpp"

namespace card_flows_test {

// --- activation (启用) ---------------------------------------------------------------------

TEST_F(CardFlows, ActivationChangesTheInitialPinAndReportsItWithTheServicePassword) {
    const auto out = run(card::activate);
    ASSERT_EQ(cardPort.calls.size(), 1u);
    EXPECT_EQ(cardPort.calls[0].cmd, Cmd::Change);
    EXPECT_EQ(cardPort.calls[0].pin, kInitialBcd);
    EXPECT_EQ(cardPort.calls[0].newPin, kNewBcd);
    ASSERT_EQ(office.pinChanged.size(), 1u);
    const auto& req = office.pinChanged[0];
    EXPECT_EQ(req.kind(), PIN_CHANGE_KIND_ACTIVATION);
    EXPECT_EQ(req.service_password(), kServicePassword);
    EXPECT_FALSE(req.request_id().empty());
    expectSameCard(req.card(), inserted);
    expectNow(req.changed_at());
    EXPECT_TRUE(out.done);
    EXPECT_FALSE(out.error);
    EXPECT_EQ(out.message, MessageId::Activated);
    ASSERT_TRUE(out.info.has_value());
    EXPECT_EQ(out.info->status(), CARD_STATUS_ACTIVE);
    EXPECT_TRUE(outbox.entries.empty());
}

TEST_F(CardFlows, ActivationOfACardWhoseInitialPinWasAlreadyChangedSaysSoAndReportsNothing) {
    cardPort.statusWords = {0x63C2};
    const auto out = run(card::activate);
    EXPECT_EQ(out.message, MessageId::InitialPinChanged);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.done);
    ASSERT_TRUE(out.pin.has_value());
    EXPECT_EQ(out.pin->triesLeft, 2);
    EXPECT_TRUE(office.order.empty());
    EXPECT_FALSE(out.info.has_value());
}

TEST_F(CardFlows, ActivationOnABlockedPinGivesTheBlockedGuidance) {
    cardPort.statusWords = {0x6983};
    const auto out = run(card::activate);
    EXPECT_EQ(out.message, MessageId::PinBlocked);
    EXPECT_TRUE(out.error);
    ASSERT_TRUE(out.pin.has_value());
    EXPECT_EQ(out.pin->status, Status::Blocked);
    EXPECT_EQ(out.pin->statusWord, 0x6983);
    EXPECT_TRUE(office.order.empty());
}

TEST_F(CardFlows, ActivationTheCardRefusesIsNotReported) {
    cardPort.statusWords = {0x6982};
    const auto out = run(card::activate);
    EXPECT_EQ(out.message, MessageId::CardRefused);
    EXPECT_TRUE(out.error);
    ASSERT_TRUE(out.pin.has_value());
    EXPECT_EQ(out.pin->statusWord, 0x6982);
    EXPECT_TRUE(office.order.empty());
}

TEST_F(CardFlows, ActivationReportIsTriedThreeTimesWithOneRequestIdThenQueuedInTheOutbox) {
    office.script[Rpc::ReportPinChanged] = {unavailable(), deadlineExceeded(), unavailable()};
    const auto out = run(card::activate);
    ASSERT_EQ(office.pinChanged.size(), 3u);
    const auto& first = office.pinChanged[0];
    for (const auto& attempt : office.pinChanged) {
        EXPECT_EQ(attempt.request_id(), first.request_id());
        EXPECT_EQ(attempt.SerializeAsString(),
                  first.SerializeAsString());  // byte for byte the same request
    }
    ASSERT_EQ(outbox.entries.size(), 1u);
    EXPECT_EQ(outbox.entries[0].method, "/renshe.v1.CardService/ReportPinChanged");
    EXPECT_EQ(outbox.entries[0].requestId, first.request_id());
    ReportPinChangedRequest queued;
    ASSERT_TRUE(queued.ParseFromString(outbox.entries[0].serialized));
    EXPECT_EQ(queued.request_id(), first.request_id());
    EXPECT_EQ(queued.kind(), PIN_CHANGE_KIND_ACTIVATION);
    EXPECT_EQ(queued.service_password(), kServicePassword);  // the activation needs it
    expectNow(queued.changed_at());
    EXPECT_TRUE(out.done);
    EXPECT_FALSE(out.error);
    EXPECT_EQ(out.message, MessageId::ActivatedPending);
    EXPECT_FALSE(out.info.has_value());
}

// With the back office's sealing key known, the service password travels sealed to it (bound
// to the request id and the card's ID number) and waits in the outbox the same way: nowhere
// in clear, and only the back office's private key opens it.
TEST_F(CardFlows, ActivationSealsTheServicePasswordWhenTheKeyIsKnown) {
    const auto privateKey = renshe::services::pki::newSealingKey();
    office.key.emplace();
    office.key->set_key_id("k1");
    office.key->set_public_key(renshe::services::pki::sealingPublicKey(privateKey));
    office.script[Rpc::ReportPinChanged] = {unavailable(), unavailable(), unavailable()};
    const auto out = run(card::activate);
    EXPECT_EQ(out.message, MessageId::ActivatedPending);
    ASSERT_EQ(outbox.entries.size(), 1u);
    EXPECT_EQ(outbox.entries[0].serialized.find(kServicePassword), std::string::npos)
        << "the service password in clear in the outbox";
    ReportPinChangedRequest queued;
    ASSERT_TRUE(queued.ParseFromString(outbox.entries[0].serialized));
    EXPECT_TRUE(queued.service_password().empty());
    ASSERT_TRUE(queued.has_sealed_service_password());
    const auto& s = queued.sealed_service_password();
    EXPECT_EQ(s.key_id(), "k1");
    const renshe::services::pki::SealedSecret sealed{s.ephemeral_public_key(), s.nonce(),
                                                     s.ciphertext()};
    const auto opened = renshe::services::pki::unseal(privateKey, sealed,
                                                      queued.request_id() + '\0' + inserted.ssn());
    ASSERT_TRUE(opened.has_value());
    EXPECT_EQ(*opened, kServicePassword);
    // Bound to its request: under another request id it does not open.
    EXPECT_FALSE(renshe::services::pki::unseal(privateKey, sealed, "another\0" + inserted.ssn()));
    EXPECT_EQ(office.pinChanged[0].SerializeAsString(), outbox.entries[0].serialized)
        << "the queued report is byte for byte the one tried";
}

// A kiosk that does not hold the sealing key asks for it before it touches the card; the key
// it gets seals the password, which then waits in the outbox sealed.
TEST_F(CardFlows, ActivationFetchesTheSealingKeyItLacksBeforeChangingTheCard) {
    const auto privateKey = renshe::services::pki::newSealingKey();
    office.fetchable.emplace();
    office.fetchable->set_key_id("k2");
    office.fetchable->set_public_key(renshe::services::pki::sealingPublicKey(privateKey));
    office.script[Rpc::ReportPinChanged] = {unavailable(), unavailable(), unavailable()};
    const auto out = run(card::activate);
    EXPECT_EQ(office.sealingKeyFetches, 1);
    EXPECT_EQ(out.message, MessageId::ActivatedPending);
    ASSERT_EQ(outbox.entries.size(), 1u);
    EXPECT_EQ(outbox.entries[0].serialized.find(kServicePassword), std::string::npos);
    ReportPinChangedRequest queued;
    ASSERT_TRUE(queued.ParseFromString(outbox.entries[0].serialized));
    EXPECT_EQ(queued.sealed_service_password().key_id(), "k2");
}

// Without the key and without an answer from the back office, the activation stops before
// the card is changed: otherwise its report would have to wait in the outbox with the
// password in clear. Nothing changed, nothing queued, the citizen may try again.
TEST_F(CardFlows, ActivationWithoutTheSealingKeyWhileTheBackOfficeIsAwayLeavesTheCardUntouched) {
    office.script[Rpc::GetSealingKey] = {unavailable()};
    const auto out = run(card::activate);
    EXPECT_EQ(office.sealingKeyFetches, 1);
    EXPECT_TRUE(cardPort.calls.empty()) << "the card was changed";
    EXPECT_TRUE(office.pinChanged.empty());
    EXPECT_TRUE(outbox.entries.empty());
    EXPECT_EQ(out.message, MessageId::NetworkDown);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.done);
}

TEST_F(CardFlows, ActivationReportThatGetsThroughOnTheSecondTryIsNotQueued) {
    office.script[Rpc::ReportPinChanged] = {unavailable(), ok()};
    const auto out = run(card::activate);
    ASSERT_EQ(office.pinChanged.size(), 2u);
    EXPECT_EQ(office.pinChanged[0].request_id(), office.pinChanged[1].request_id());
    EXPECT_TRUE(outbox.entries.empty());
    EXPECT_EQ(out.message, MessageId::Activated);
    EXPECT_TRUE(out.info.has_value());
}

TEST_F(CardFlows, ActivationUnreachableBackOfficeWithoutOutboxLeavesTheCardChangedButNotReported) {
    office.script[Rpc::ReportPinChanged] = {unavailable(), unavailable(), unavailable()};
    const auto out = run(card::activate, /*withOutbox=*/false);
    EXPECT_EQ(office.pinChanged.size(), 3u);
    EXPECT_EQ(out.message, MessageId::CardChangedButNotReported);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.done);
}

TEST_F(CardFlows, ActivationRefusedByTheBackOfficeIsNotRetriedNorQueued) {
    office.script[Rpc::ReportPinChanged] = {refused(REFUSAL_REASON_WRONG_CARD_STATE)};
    const auto out = run(card::activate);
    EXPECT_EQ(office.pinChanged.size(), 1u);
    EXPECT_TRUE(outbox.entries.empty());
    EXPECT_EQ(out.message, MessageId::CardChangedButNotReported);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.done);
    EXPECT_EQ(out.refusal, REFUSAL_REASON_WRONG_CARD_STATE);
}

// --- change PIN ----------------------------------------------------------------------------

TEST_F(CardFlows, ChangePinChangesFromTheHoldersPinAndReportsAnOrdinaryChange) {
    const auto out = run(card::changePin);
    ASSERT_EQ(cardPort.calls.size(), 1u);
    EXPECT_EQ(cardPort.calls[0].cmd, Cmd::Change);
    EXPECT_EQ(cardPort.calls[0].pin, kCurrentBcd);
    EXPECT_EQ(cardPort.calls[0].newPin, kNewBcd);
    ASSERT_EQ(office.pinChanged.size(), 1u);
    EXPECT_EQ(office.pinChanged[0].kind(), PIN_CHANGE_KIND_CHANGE);
    EXPECT_TRUE(office.pinChanged[0].service_password().empty());
    expectNow(office.pinChanged[0].changed_at());
    EXPECT_TRUE(out.done);
    EXPECT_FALSE(out.error);
    EXPECT_EQ(out.message, MessageId::PinChanged);
    EXPECT_TRUE(out.info.has_value());
}

TEST_F(CardFlows, ChangePinWithAWrongPinTellsTheTriesLeftAndReportsNothing) {
    cardPort.statusWords = {0x63C2};
    const auto out = run(card::changePin);
    EXPECT_EQ(out.message, MessageId::PinWrong);
    EXPECT_TRUE(out.error);
    ASSERT_TRUE(out.pin.has_value());
    EXPECT_EQ(out.pin->status, Status::Wrong);
    EXPECT_EQ(out.pin->triesLeft, 2);
    EXPECT_EQ(out.pin->statusWord, 0x63C2);
    EXPECT_TRUE(office.order.empty());
}

TEST_F(CardFlows, ChangePinWithTheLastTryUsedUpIsBlocked) {
    cardPort.statusWords = {0x63C0};
    const auto out = run(card::changePin);
    EXPECT_EQ(out.message, MessageId::PinBlocked);
    ASSERT_TRUE(out.pin.has_value());
    EXPECT_EQ(out.pin->triesLeft, 0);
    EXPECT_TRUE(office.order.empty());
}

TEST_F(CardFlows, ChangePinReportTheBackOfficeCannotTakeGoesToTheOutboxWithItsRequestId) {
    office.script[Rpc::ReportPinChanged] = {unavailable(), unavailable(), unavailable()};
    const auto out = run(card::changePin);
    ASSERT_EQ(office.pinChanged.size(), 3u);
    ASSERT_EQ(outbox.entries.size(), 1u);
    EXPECT_EQ(outbox.entries[0].requestId, office.pinChanged[0].request_id());
    EXPECT_EQ(outbox.entries[0].serialized, office.pinChanged[2].SerializeAsString());
    EXPECT_TRUE(out.done);
    EXPECT_EQ(out.message, MessageId::PinChanged);
}

TEST_F(CardFlows, ChangePinRefusedAuditRecordStillTellsTheHolderTheChangeButGivesNoReceipt) {
    office.script[Rpc::ReportPinChanged] = {
        refused(REFUSAL_REASON_OUTSIDE_REGION, grpc::StatusCode::PERMISSION_DENIED)};
    const auto out = run(card::changePin);
    EXPECT_EQ(out.message, MessageId::PinChanged);
    EXPECT_FALSE(out.error);
    EXPECT_FALSE(out.done);
    EXPECT_FALSE(out.info.has_value());
    EXPECT_TRUE(outbox.entries.empty());
}

// --- un-report (解挂) ----------------------------------------------------------------------

TEST_F(CardFlows, UnreportVerifiesThePinThenAsksTheBackOffice) {
    const auto out = run(card::unreport);
    ASSERT_EQ(cardPort.calls.size(), 1u);
    EXPECT_EQ(cardPort.calls[0].cmd, Cmd::Verify);
    EXPECT_EQ(cardPort.calls[0].pin, kCurrentBcd);
    ASSERT_EQ(office.unreports.size(), 1u);
    EXPECT_FALSE(office.unreports[0].request_id().empty());
    expectSameCard(office.unreports[0].card(), inserted);
    expectNow(office.unreports[0].pin_verified_at());
    EXPECT_TRUE(out.done);
    EXPECT_EQ(out.message, MessageId::Unreported);
    ASSERT_TRUE(out.info.has_value());
    EXPECT_EQ(out.info->card_number(), "A37010001");
}

TEST_F(CardFlows, UnreportWithAWrongPinAsksNothingOfTheBackOffice) {
    cardPort.statusWords = {0x63C1};
    const auto out = run(card::unreport);
    EXPECT_EQ(out.message, MessageId::PinWrong);
    ASSERT_TRUE(out.pin.has_value());
    EXPECT_EQ(out.pin->triesLeft, 1);
    EXPECT_TRUE(office.order.empty());
}

TEST_F(CardFlows, UnreportWithABlockedPinAsksNothingOfTheBackOffice) {
    cardPort.statusWords = {0x6983};
    const auto out = run(card::unreport);
    EXPECT_EQ(out.message, MessageId::PinBlocked);
    EXPECT_TRUE(office.order.empty());
}

TEST_F(CardFlows, UnreportWhileTheBackOfficeIsAwayIsNotQueued) {
    office.script[Rpc::UnreportLoss] = {deadlineExceeded()};
    const auto out = run(card::unreport);
    EXPECT_EQ(out.message, MessageId::NetworkDown);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.done);
    EXPECT_EQ(office.unreports.size(), 1u);  // a citizen at the screen retries, not the kiosk
    EXPECT_TRUE(outbox.entries.empty());
}

struct RefusalCase {
    RefusalReason reason;
    grpc::StatusCode code;
    int retryAfterSeconds;
};
std::ostream& operator<<(std::ostream& os, const RefusalCase& c) {
    return os << RefusalReason_Name(c.reason);
}

class UnreportRefused : public CardFlows, public ::testing::WithParamInterface<RefusalCase> {};

TEST_P(UnreportRefused, CarriesTheBackOfficesReasonToTheScreen) {
    const auto c = GetParam();
    office.script[Rpc::UnreportLoss] = {refused(c.reason, c.code, c.retryAfterSeconds)};
    const auto out = run(card::unreport);
    EXPECT_EQ(out.message, MessageId::Refusal);
    EXPECT_EQ(out.refusal, c.reason);
    EXPECT_EQ(out.retryAfterSeconds, c.retryAfterSeconds);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.done);
    EXPECT_FALSE(out.info.has_value());
    EXPECT_TRUE(outbox.entries.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Reasons, UnreportRefused,
    ::testing::Values(
        RefusalCase{REFUSAL_REASON_REPLACEMENT_REQUESTED, grpc::StatusCode::FAILED_PRECONDITION, 0},
        RefusalCase{REFUSAL_REASON_LOSS_IS_FORMAL, grpc::StatusCode::FAILED_PRECONDITION, 0},
        RefusalCase{REFUSAL_REASON_WRONG_CARD_STATE, grpc::StatusCode::FAILED_PRECONDITION, 0},
        RefusalCase{REFUSAL_REASON_VERIFICATION_STALE, grpc::StatusCode::FAILED_PRECONDITION, 0},
        RefusalCase{REFUSAL_REASON_OUTSIDE_REGION, grpc::StatusCode::PERMISSION_DENIED, 0},
        RefusalCase{REFUSAL_REASON_UNKNOWN_CARD, grpc::StatusCode::NOT_FOUND, 0},
        RefusalCase{REFUSAL_REASON_RATE_LIMITED, grpc::StatusCode::RESOURCE_EXHAUSTED, 600}),
    [](const auto& info) { return RefusalReason_Name(info.param.reason); });

// --- history query (个人信息查询) ------------------------------------------------------------

TEST_F(CardFlows, HistoryQueryMapsEveryEntryInTheBackOfficesOrder) {
    auto change = [](std::int64_t at, const char* number, CardStatus from, CardStatus to) {
        CardStatusChange h;
        h.mutable_at()->set_seconds(at);
        h.set_card_number(number);
        h.set_from_status(from);
        h.set_to_status(to);
        h.set_actor("T-0001");
        return h;
    };
    office.history = {
        change(1'700'000'500, "A37010001", CARD_STATUS_TEMP_LOST, CARD_STATUS_ACTIVE),
        change(1'690'000'000, "A37010001", CARD_STATUS_ACTIVE, CARD_STATUS_TEMP_LOST),
        change(1'600'000'000, "A37009999", CARD_STATUS_UNSPECIFIED, CARD_STATUS_ISSUED)};
    const auto out = run(card::queryHistory);
    ASSERT_EQ(cardPort.commands(), std::vector<Cmd>{Cmd::Verify});
    ASSERT_EQ(office.historyRequests.size(), 1u);
    expectNow(office.historyRequests[0].pin_verified_at());
    expectSameCard(office.historyRequests[0].card(), inserted);
    EXPECT_TRUE(out.done);
    EXPECT_EQ(out.message, MessageId::Queried);
    ASSERT_EQ(out.history.size(), 3u);
    EXPECT_EQ(out.history[0].atSeconds, 1'700'000'500);
    EXPECT_EQ(out.history[0].cardNumber, "A37010001");
    EXPECT_EQ(out.history[0].from, CARD_STATUS_TEMP_LOST);
    EXPECT_EQ(out.history[0].to, CARD_STATUS_ACTIVE);
    EXPECT_EQ(out.history[1].from, CARD_STATUS_ACTIVE);
    EXPECT_EQ(out.history[1].to, CARD_STATUS_TEMP_LOST);
    EXPECT_EQ(out.history[2].atSeconds, 1'600'000'000);
    EXPECT_EQ(out.history[2].cardNumber, "A37009999");
    EXPECT_EQ(out.history[2].from, CARD_STATUS_UNSPECIFIED);  // issuance: the kiosk shows 发卡
    EXPECT_EQ(out.history[2].to, CARD_STATUS_ISSUED);
    EXPECT_FALSE(out.info.has_value());
}

TEST_F(CardFlows, HistoryQueryWithAWrongPinShowsNoHistory) {
    cardPort.statusWords = {0x63C2};
    office.history.resize(1);
    const auto out = run(card::queryHistory);
    EXPECT_EQ(out.message, MessageId::PinWrong);
    EXPECT_TRUE(out.history.empty());
    EXPECT_TRUE(office.order.empty());
}

TEST_F(CardFlows, HistoryQueryWhileTheBackOfficeIsAwaySaysTheNetworkIsDown) {
    office.script[Rpc::GetCardHistory] = {unavailable()};
    const auto out = run(card::queryHistory);
    EXPECT_EQ(out.message, MessageId::NetworkDown);
    EXPECT_TRUE(out.error);
    EXPECT_FALSE(out.done);
}

TEST_F(CardFlows, HistoryQueryWithAStaleVerificationIsRefused) {
    office.script[Rpc::GetCardHistory] = {refused(REFUSAL_REASON_VERIFICATION_STALE)};
    const auto out = run(card::queryHistory);
    EXPECT_EQ(out.message, MessageId::Refusal);
    EXPECT_EQ(out.refusal, REFUSAL_REASON_VERIFICATION_STALE);
    EXPECT_TRUE(out.history.empty());
}

// --- 我的社保 ----------------------------------------------------------------------------------

// RecordsService answers: a summary, the year's contributions in pages of `pageSize`, one
// payment; or the scripted failure of a call.
class FakeRecords : public card::RecordsBackOffice {
public:
    std::vector<std::string> calls;  // "summary", "contributions <token>", "payments"
    std::optional<client::CallResult> failSummary, failContributions;
    std::vector<GetInsuranceSummaryRequest> summaries;
    std::vector<ListContributionsRequest> contributionRequests;
    int pageSize = 5;

    card::Reply<GetInsuranceSummaryResponse> getInsuranceSummary(
        const GetInsuranceSummaryRequest& r) override {
        calls.push_back("summary");
        summaries.push_back(r);
        card::Reply<GetInsuranceSummaryResponse> reply;
        reply.result = failSummary.value_or(ok());
        reply.response.add_insurances()->set_type(INSURANCE_TYPE_EMPLOYEE_PENSION);
        return reply;
    }
    card::Reply<IssueStatementResponse> issueStatement(const IssueStatementRequest& r) override {
        calls.push_back("statement " + r.request_id());
        card::Reply<IssueStatementResponse> reply;
        reply.result = statementAnswers.empty() ? ok() : statementAnswers.front();
        if (!statementAnswers.empty())
            statementAnswers.erase(statementAnswers.begin());
        reply.response.mutable_statement()->set_number("202612030000000001");
        return reply;
    }
    std::vector<client::CallResult> statementAnswers;  // in order; then OK
    card::Reply<ListContributionsResponse> listContributions(
        const ListContributionsRequest& r) override {
        calls.push_back("contributions " + r.page().page_token());
        contributionRequests.push_back(r);
        card::Reply<ListContributionsResponse> reply;
        reply.result = failContributions.value_or(ok());
        const int from = r.page().page_token().empty() ? 1 : std::stoi(r.page().page_token());
        for (int m = from; m < from + pageSize && m <= 12; ++m)
            reply.response.add_contributions()->set_month("2026-" + std::string(m < 10 ? "0" : "") +
                                                          std::to_string(m));
        if (from + pageSize <= 12)
            reply.response.mutable_page()->set_next_page_token(std::to_string(from + pageSize));
        return reply;
    }
    card::Reply<ListBenefitPaymentsResponse> listBenefitPayments(
        const ListBenefitPaymentsRequest&) override {
        calls.push_back("payments");
        card::Reply<ListBenefitPaymentsResponse> reply;
        reply.result = ok();
        reply.response.add_payments()->set_month("2026-05");
        return reply;
    }
};

TEST_F(CardFlows, MyRecordsVerifyThePinThenReadTheSummaryAndEveryPageOfTheYear) {
    FakeRecords records;
    const auto out = card::queryRecords(cardPort, records, inserted, secrets, clock, 2026);
    ASSERT_EQ(cardPort.commands(), std::vector<Cmd>{Cmd::Verify});
    EXPECT_EQ(records.calls,
              (std::vector<std::string>{"summary", "contributions ", "contributions 6",
                                        "contributions 11", "payments"}));
    ASSERT_EQ(records.summaries.size(), 1u);
    expectSameCard(records.summaries[0].subject().card().card(), inserted);
    expectNow(records.summaries[0].subject().card().pin_verified_at());
    EXPECT_EQ(records.contributionRequests[0].year(), 2026);
    EXPECT_TRUE(out.done);
    EXPECT_EQ(out.message, MessageId::RecordsFound);
    ASSERT_TRUE(out.records.has_value());
    EXPECT_EQ(out.records->year, 2026);
    EXPECT_EQ(out.records->contributions.size(), 12u);
    EXPECT_EQ(out.records->contributions.back().month(), "2026-12");
    EXPECT_EQ(out.records->payments.size(), 1u);
    EXPECT_EQ(out.records->summary.insurances_size(), 1);
    EXPECT_TRUE(secrets.currentPin.empty());  // wiped
}

TEST_F(CardFlows, MyRecordsWithAWrongPinAskNothingOfTheBackOffice) {
    FakeRecords records;
    cardPort.statusWords = {0x63C1};
    const auto out = card::queryRecords(cardPort, records, inserted, secrets, clock, 2026);
    EXPECT_EQ(out.message, MessageId::PinWrong);
    EXPECT_TRUE(records.calls.empty());
    EXPECT_FALSE(out.records.has_value());
}

TEST_F(CardFlows, MyRecordsRefusedOrUnreachableShowNothing) {
    FakeRecords stale;
    stale.failContributions = refused(REFUSAL_REASON_VERIFICATION_STALE);
    auto out = card::queryRecords(cardPort, stale, inserted, secrets, clock, 2026);
    EXPECT_EQ(out.message, MessageId::Refusal);
    EXPECT_EQ(out.refusal, REFUSAL_REASON_VERIFICATION_STALE);
    EXPECT_FALSE(out.records.has_value());
    FakeRecords away;
    away.failSummary = unavailable();
    secrets.currentPin = kCurrentPin;
    out = card::queryRecords(cardPort, away, inserted, secrets, clock, 2026);
    EXPECT_EQ(out.message, MessageId::NetworkDown);
    EXPECT_EQ(away.calls, std::vector<std::string>{"summary"});
}

TEST_F(CardFlows, AStatementLostOnTheWayIsAskedForAgainWithTheSameRequestId) {
    FakeRecords records;
    records.statementAnswers = {unavailable(), unavailable()};
    IssueStatementResponse out;
    const auto result =
        card::issueStatement(records, card::cardHolder(inserted, std::chrono::system_clock::now()),
                             STATEMENT_KIND_PARTICIPATION, 0, "req-1", out);
    EXPECT_TRUE(result.ok());
    EXPECT_EQ(records.calls,
              (std::vector<std::string>{"statement req-1", "statement req-1", "statement req-1"}));
    EXPECT_EQ(out.statement().number(), "202612030000000001");

    FakeRecords refusing;  // a refusal is an answer: not asked again
    refusing.statementAnswers = {refused(REFUSAL_REASON_VERIFICATION_STALE)};
    IssueStatementResponse none;
    EXPECT_EQ(
        card::issueStatement(refusing, card::cardHolder(inserted, std::chrono::system_clock::now()),
                             STATEMENT_KIND_PARTICIPATION, 0, "req-2", none)
            .refusal,
        REFUSAL_REASON_VERIFICATION_STALE);
    EXPECT_EQ(refusing.calls.size(), 1u);
    EXPECT_FALSE(none.has_statement());

    FakeRecords away;
    away.statementAnswers = {unavailable(), unavailable(), unavailable(), unavailable()};
    EXPECT_EQ(
        card::issueStatement(away, card::cardHolder(inserted, std::chrono::system_clock::now()),
                             STATEMENT_KIND_PARTICIPATION, 0, "req-3", none)
            .code,
        grpc::StatusCode::UNAVAILABLE);
    EXPECT_EQ(away.calls.size(), 3u);
}

// --- secrets ---------------------------------------------------------------------------------

struct NamedFlow {
    const char* name;
    FlowFn flow;
};
std::ostream& operator<<(std::ostream& os, const NamedFlow& f) {
    return os << f.name;
}

class EveryFlow : public CardFlows, public ::testing::WithParamInterface<NamedFlow> {};

TEST_P(EveryFlow, WipesTheSecretsAndLeavesNoneInTheOutcome) {
    CardStatusChange h;
    h.set_card_number("A37010001");
    office.history = {h};
    const auto out = run(GetParam().flow);
    EXPECT_TRUE(out.done);
    EXPECT_TRUE(secrets.empty());
    std::string everything = out.diagnostic;
    if (out.info)
        everything += out.info->SerializeAsString();
    for (const auto& e : out.history)
        everything += e.cardNumber;
    for (const char* secret : {kCurrentPin, kNewPin, kServicePassword}) {
        EXPECT_EQ(everything.find(secret), std::string::npos) << secret;
    }
}

INSTANTIATE_TEST_SUITE_P(Flows, EveryFlow,
                         ::testing::Values(NamedFlow{"Activate", card::activate},
                                           NamedFlow{"ChangePin", card::changePin},
                                           NamedFlow{"Unreport", card::unreport},
                                           NamedFlow{"Reset", card::resetPin},
                                           NamedFlow{"Query", card::queryHistory}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST_F(CardFlows, SecretsAreWipedEvenWhenTheCardRefuses) {
    cardPort.statusWords = {0x6982};
    run(card::changePin);
    EXPECT_TRUE(secrets.empty());
}

TEST_F(CardFlows, AMalformedPinSendsNothing) {
    secrets.currentPin = "12345";
    const auto out = run(card::changePin);
    EXPECT_TRUE(out.error);
    EXPECT_EQ(out.message, MessageId::Refusal);
    EXPECT_TRUE(cardPort.calls.empty());
    EXPECT_TRUE(office.order.empty());
}

TEST(CardSecrets, WipeZeroesTheCharactersAndEmptiesTheString) {
    std::string s = "271828";
    const char* data = s.data();  // short-string buffer: still readable after clear()
    card::wipe(s);
    EXPECT_TRUE(s.empty());
    for (int i = 0; i < 6; ++i)
        EXPECT_EQ(data[i], '\0') << i;
}

// --- the card's status word ---------------------------------------------------------------

TEST(PinStatus, TheDriverKeepsTheStatusWordItInterpreted) {
    EXPECT_EQ(sscard::interpretPinStatus(0x9000).statusWord, 0x9000);
    EXPECT_EQ(sscard::interpretPinStatus(0x63C2).statusWord, 0x63C2);
    EXPECT_EQ(sscard::interpretPinStatus(0x63C0).statusWord, 0x63C0);
    EXPECT_EQ(sscard::interpretPinStatus(0x6983).statusWord, 0x6983);
    EXPECT_EQ(sscard::interpretPinStatus(0x6982).statusWord, 0x6982);
    EXPECT_EQ(sscard::interpretPinStatus(0x63C0).status, Status::Blocked);
}

TEST(PinStatus, StatusWordTextIsFourUpperCaseHexDigits) {
    EXPECT_EQ(card::statusWordText(0x9000), "9000");
    EXPECT_EQ(card::statusWordText(0x63CA), "63CA");
    EXPECT_EQ(card::statusWordText(0x6a81), "6A81");
    EXPECT_EQ(card::statusWordText(0x0001), "0001");
}

}  // namespace card_flows_test
