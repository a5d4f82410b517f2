// The card lifecycle over mutual TLS against the real renshe-backoffice, on SQLite and on a
// private PostgreSQL: activation, loss report and un-report, staff operations, PIN reset
// cryptograms, auto lift, and every refusal with its status code and reason.
#include <gtest/gtest.h>

#include <thread>

#include "drivers/sscard/pin_reset_crypto.hpp"
#include "services/store/store.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using namespace renshe::v1;
using renshe::testing::activate;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::lossReport;
using renshe::testing::newRequestId;
using renshe::testing::Outcome;
using renshe::testing::SeededCard;
using renshe::testing::StoreKind;
using Card = CardService::Stub;
using Admin = AdminService::Stub;

google::protobuf::Timestamp secondsAgo(int s) {
    google::protobuf::Timestamp t;
    t.set_seconds(std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count() -
                  s);
    return t;
}

Outcome status(const renshe::testing::Clients& c, const SeededCard& card,
               GetCardStatusResponse* out) {
    GetCardStatusRequest r;
    *r.mutable_card() = card.inserted();
    return call(*c.card, &Card::GetCardStatus, r, out);
}

UnreportLossRequest unreport(const SeededCard& card, std::optional<int> verifiedSecondsAgo) {
    UnreportLossRequest r;
    r.set_request_id(newRequestId());
    *r.mutable_card() = card.inserted();
    if (verifiedSecondsAgo)
        *r.mutable_pin_verified_at() = secondsAgo(*verifiedSecondsAgo);
    return r;
}

CardOperationRequest cardOp(const std::string& number, const std::string& reason) {
    CardOperationRequest r;
    r.set_request_id(newRequestId());
    r.set_card_number(number);
    r.set_reason(reason);
    return r;
}

bool hasAction(const CardInfo& info, CardAction a) {
    for (int x : info.allowed_actions()) {
        if (x == a)
            return true;
    }
    return false;
}

// A card seeded, activated and reported temporarily lost at the terminal: the report's answer,
// nullopt when a step failed.
std::optional<ReportTemporaryLossResponse> reportedLost(const renshe::testing::Clients& staff,
                                                        const renshe::testing::Clients& touch,
                                                        const SeededCard& card) {
    renshe::testing::seed(staff, card);
    ReportTemporaryLossResponse lr;
    if (!activate(touch, card, "285714").ok() ||
        !call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "285714"), &lr)
             .ok())
        return std::nullopt;
    return lr;
}

// After the un-report: the holder's history, then a new service password (PIN verified) that
// replaces the old one.
void historyAndANewServicePassword(const renshe::testing::Clients& touch, const SeededCard& card) {
    // The holder's history, card present and PIN verified.
    GetCardHistoryRequest hr;
    *hr.mutable_card() = card.inserted();
    *hr.mutable_pin_verified_at() = secondsAgo(1);
    GetCardHistoryResponse history;
    ASSERT_TRUE(call(*touch.card, &Card::GetCardHistory, hr, &history).ok());
    ASSERT_EQ(history.cards_size(), 1);
    ASSERT_GE(history.history_size(), 4);  // issued, activation, loss, un-report
    EXPECT_EQ(history.history(0).to_status(), CARD_STATUS_ACTIVE);
    EXPECT_EQ(history.history(0).from_status(), CARD_STATUS_TEMP_LOST);

    // The service password can be changed with the PIN verified; the old one stops working.
    SetServicePasswordRequest sp;
    sp.set_request_id(newRequestId());
    *sp.mutable_card() = card.inserted();
    *sp.mutable_pin_verified_at() = secondsAgo(2);
    sp.set_new_service_password("951357");
    SetServicePasswordResponse spr;
    ASSERT_TRUE(call(*touch.card, &Card::SetServicePassword, sp, &spr).ok());
    ReportTemporaryLossResponse lr;
    auto old =
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "285714"), &lr);
    EXPECT_EQ(old.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED") << old;
    ASSERT_TRUE(
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "951357"), &lr)
            .ok());
}

class CardLifecycle : public ::testing::TestWithParam<StoreKind> {};

TEST_P(CardLifecycle, ActivationLossReportAndUnreportAtTheTerminal) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    const auto touch = env.touch();
    const SeededCard card;
    renshe::testing::seed(staff, card);

    GetCardStatusResponse st;
    ASSERT_TRUE(status(touch, card, &st).ok());
    EXPECT_EQ(st.card().status(), CARD_STATUS_ISSUED);
    EXPECT_TRUE(hasAction(st.card(), CARD_ACTION_ACTIVATE));
    EXPECT_FALSE(hasAction(st.card(), CARD_ACTION_REPORT_LOSS));
    EXPECT_EQ(st.card().holder().masked_ssn(), "370***********0017");
    EXPECT_EQ(st.card().holder().masked_name(), "张*丰");

    // A weak service password is refused with its reason and changes nothing.
    auto weak = activate(touch, card, "123456");
    EXPECT_EQ(weak.code, grpc::StatusCode::INVALID_ARGUMENT) << weak;
    EXPECT_EQ(weak.refusal, "REFUSAL_REASON_WEAK_PASSWORD");
    ASSERT_TRUE(status(touch, card, &st).ok());
    EXPECT_EQ(st.card().status(), CARD_STATUS_ISSUED);

    // A loss report of an ISSUED card: it is not in use yet.
    ReportTemporaryLossResponse lr;
    auto early =
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "285714"), &lr);
    EXPECT_EQ(early.code, grpc::StatusCode::PERMISSION_DENIED) << early;  // no password set yet
    EXPECT_EQ(early.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED");

    // Activation, and its retry with the same request id answering the same.
    ReportPinChangedRequest act;
    act.set_request_id(newRequestId());
    *act.mutable_card() = card.inserted();
    act.set_kind(PIN_CHANGE_KIND_ACTIVATION);
    act.set_service_password("285714");
    ReportPinChangedResponse first, again;
    ASSERT_TRUE(call(*touch.card, &Card::ReportPinChanged, act, &first).ok());
    EXPECT_EQ(first.card().status(), CARD_STATUS_ACTIVE);
    EXPECT_TRUE(first.card().service_password_set());
    ASSERT_TRUE(call(*touch.card, &Card::ReportPinChanged, act, &again).ok());
    EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
    // A second activation (a new user action) is a wrong state.
    auto twice = activate(touch, card, "285714");
    EXPECT_EQ(twice.code, grpc::StatusCode::FAILED_PRECONDITION) << twice;
    EXPECT_EQ(twice.refusal, "REFUSAL_REASON_WRONG_CARD_STATE");
    // The same request id with another body.
    act.set_service_password("385714");
    auto reused = call(*touch.card, &Card::ReportPinChanged, act, &again);
    EXPECT_EQ(reused.code, grpc::StatusCode::INVALID_ARGUMENT) << reused;
    EXPECT_EQ(reused.refusal, "REFUSAL_REASON_REQUEST_ID_REUSED");

    // Second factor failures all look alike: wrong name, wrong password, unknown person.
    for (const auto& [name, password] : std::vector<std::pair<std::string, std::string>>{
             {"张三", "285714"}, {"张三丰", "285715"}}) {
        auto bad =
            call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, name, password), &lr);
        EXPECT_EQ(bad.code, grpc::StatusCode::PERMISSION_DENIED) << bad;
        EXPECT_EQ(bad.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED");
    }
    SeededCard stranger = renshe::testing::inventedCard(7);
    auto unknown = call(*touch.card, &Card::ReportTemporaryLoss,
                        lossReport(stranger, stranger.name, "285714"), &lr);
    EXPECT_EQ(unknown.code, grpc::StatusCode::PERMISSION_DENIED) << unknown;
    EXPECT_EQ(unknown.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED");

    // The loss report: name compared after trimming spaces.
    const auto report = lossReport(card, " 张三丰 ", "285714");
    ASSERT_TRUE(call(*touch.card, &Card::ReportTemporaryLoss, report, &lr).ok());
    EXPECT_EQ(lr.card().status(), CARD_STATUS_TEMP_LOST);
    EXPECT_FALSE(lr.card().loss_report().report_number().empty());
    EXPECT_TRUE(lr.card().loss_report().reported_at_terminal());
    const auto days = (lr.card().loss_report().auto_lift_at().seconds() -
                       lr.card().loss_report().reported_at().seconds()) /
                      86400;
    EXPECT_EQ(days, 15);
    // Retried: the same answer. Reported again by a new action: the existing report.
    ReportTemporaryLossResponse retried, anew;
    ASSERT_TRUE(call(*touch.card, &Card::ReportTemporaryLoss, report, &retried).ok());
    EXPECT_EQ(retried.SerializeAsString(), lr.SerializeAsString());
    ASSERT_TRUE(
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "285714"), &anew)
            .ok());
    EXPECT_EQ(anew.card().loss_report().report_number(), lr.card().loss_report().report_number());

    ASSERT_TRUE(status(touch, card, &st).ok());
    EXPECT_EQ(st.card().status(), CARD_STATUS_TEMP_LOST);
    EXPECT_TRUE(hasAction(st.card(), CARD_ACTION_UNREPORT_LOSS));
    EXPECT_FALSE(hasAction(st.card(), CARD_ACTION_CHANGE_PIN));

    // Un-report needs a fresh PIN verification on the card.
    UnreportLossResponse ur;
    for (auto verified : {std::optional<int>{}, std::optional<int>{600}}) {
        auto stale = call(*touch.card, &Card::UnreportLoss, unreport(card, verified), &ur);
        EXPECT_EQ(stale.code, grpc::StatusCode::FAILED_PRECONDITION) << stale;
        EXPECT_EQ(stale.refusal, "REFUSAL_REASON_VERIFICATION_STALE");
    }
    ASSERT_TRUE(call(*touch.card, &Card::UnreportLoss, unreport(card, 5), &ur).ok());
    EXPECT_EQ(ur.card().status(), CARD_STATUS_ACTIVE);
    EXPECT_FALSE(ur.card().has_loss_report());
    auto notLost = call(*touch.card, &Card::UnreportLoss, unreport(card, 5), &ur);
    EXPECT_EQ(notLost.refusal, "REFUSAL_REASON_WRONG_CARD_STATE") << notLost;

    ASSERT_NO_FATAL_FAILURE(historyAndANewServicePassword(touch, card));
}

TEST_P(CardLifecycle, StaffOperationsFormalLossReplacementAndCancellation) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    const auto touch = env.touch();
    const SeededCard card;
    renshe::testing::seed(staff, card);
    ASSERT_TRUE(activate(touch, card, "285714").ok());
    ReportTemporaryLossResponse lr;
    ASSERT_TRUE(
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "285714"), &lr)
            .ok());

    // Formal loss: the terminal can no longer un-report.
    CardOperationResponse op;
    auto formal = cardOp(card.cardNumber, "holder at the counter, ID seen");
    ASSERT_TRUE(call(*staff.admin, &Admin::RecordFormalLoss, formal, &op).ok());
    EXPECT_EQ(op.card().status(), CARD_STATUS_LOST);
    EXPECT_TRUE(op.card().loss_report().formal());
    EXPECT_FALSE(op.card().loss_report().has_auto_lift_at());
    EXPECT_EQ(op.card().loss_report().report_number(), lr.card().loss_report().report_number());
    UnreportLossResponse ur;
    auto refused = call(*touch.card, &Card::UnreportLoss, unreport(card, 3), &ur);
    EXPECT_EQ(refused.code, grpc::StatusCode::FAILED_PRECONDITION) << refused;
    EXPECT_EQ(refused.refusal, "REFUSAL_REASON_LOSS_IS_FORMAL");

    // Lifted at the counter, then a replacement requested: un-report refused for that reason.
    ASSERT_TRUE(
        call(*staff.admin, &Admin::LiftLoss, cardOp(card.cardNumber, "found it"), &op).ok());
    EXPECT_EQ(op.card().status(), CARD_STATUS_ACTIVE);
    ASSERT_TRUE(
        call(*staff.admin, &Admin::RequestReplacement, cardOp(card.cardNumber, "worn chip"), &op)
            .ok());
    EXPECT_EQ(op.card().status(), CARD_STATUS_REPLACEMENT_REQUESTED);
    refused = call(*touch.card, &Card::UnreportLoss, unreport(card, 3), &ur);
    EXPECT_EQ(refused.refusal, "REFUSAL_REASON_REPLACEMENT_REQUESTED") << refused;
    auto lift = call(*staff.admin, &Admin::LiftLoss, cardOp(card.cardNumber, "x"), &op);
    EXPECT_EQ(lift.refusal, "REFUSAL_REASON_REPLACEMENT_REQUESTED") << lift;

    // Issuing the new card replaces the old one.
    SeededCard second = card;
    second.cardNumber = "A37010002";
    second.identifierHex = "370102D1560000058600000000000002";
    IssueCardRequest issue;
    issue.set_request_id(newRequestId());
    issue.mutable_card()->set_card_number(second.cardNumber);
    issue.mutable_card()->set_card_identifier(
        renshe::services::store::fromHex(second.identifierHex));
    issue.mutable_card()->set_ssn(second.ssn);
    *issue.mutable_card()->mutable_issue_date() = [] {
        Date d;
        d.set_year(2026);
        d.set_month(11);
        d.set_day(1);
        return d;
    }();
    *issue.mutable_card()->mutable_expiry_date() = [] {
        Date d;
        d.set_year(2036);
        d.set_month(10);
        d.set_day(31);
        return d;
    }();
    IssueCardResponse issued;
    ASSERT_TRUE(call(*staff.admin, &Admin::IssueCard, issue, &issued).ok());
    EXPECT_EQ(issued.card().status(), CARD_STATUS_ISSUED);
    EXPECT_EQ(issued.replaced_card().status(), CARD_STATUS_REPLACED);
    // A third card while the second is in use: refused.
    issue.set_request_id(newRequestId());
    issue.mutable_card()->set_card_number("A37010003");
    issue.mutable_card()->set_card_identifier(
        renshe::services::store::fromHex("370102D1560000058600000000000003"));
    auto third = call(*staff.admin, &Admin::IssueCard, issue, &issued);
    EXPECT_EQ(third.code, grpc::StatusCode::FAILED_PRECONDITION) << third;
    // The same card number again: already exists.
    issue.set_request_id(newRequestId());
    issue.mutable_card()->set_card_number(second.cardNumber);
    auto dup = call(*staff.admin, &Admin::IssueCard, issue, &issued);
    EXPECT_EQ(dup.code, grpc::StatusCode::ALREADY_EXISTS) << dup;

    // The old card at a terminal: only a query.
    GetCardStatusResponse st;
    ASSERT_TRUE(status(touch, card, &st).ok());
    EXPECT_EQ(st.card().status(), CARD_STATUS_REPLACED);
    ASSERT_EQ(st.card().allowed_actions_size(), 1);
    EXPECT_EQ(st.card().allowed_actions(0), CARD_ACTION_QUERY);

    // Cancellation; a replaced card cannot be cancelled; cancelling twice is fine.
    ASSERT_TRUE(
        call(*staff.admin, &Admin::CancelCard, cardOp(second.cardNumber, "holder deceased"), &op)
            .ok());
    EXPECT_EQ(op.card().status(), CARD_STATUS_CANCELLED);
    ASSERT_TRUE(
        call(*staff.admin, &Admin::CancelCard, cardOp(second.cardNumber, "again"), &op).ok());
    auto replacedCancel = call(*staff.admin, &Admin::CancelCard, cardOp(card.cardNumber, "x"), &op);
    EXPECT_EQ(replacedCancel.refusal, "REFUSAL_REASON_WRONG_CARD_STATE") << replacedCancel;
    auto unknownCard = call(*staff.admin, &Admin::CancelCard, cardOp("Z99999999", "x"), &op);
    EXPECT_EQ(unknownCard.code, grpc::StatusCode::NOT_FOUND) << unknownCard;

    // The counter's query of the person: both cards, the whole history, masked.
    GetPersonRequest gp;
    gp.mutable_person()->set_ssn(card.ssn);
    GetPersonResponse person;
    ASSERT_TRUE(call(*staff.admin, &Admin::GetPerson, gp, &person).ok());
    EXPECT_EQ(person.person().masked_name(), "张*丰");
    ASSERT_EQ(person.cards_size(), 2);
    EXPECT_EQ(person.cards(0).card_number(), second.cardNumber);
    EXPECT_GE(person.history_size(), 8);
    EXPECT_TRUE(person.service_password_set());
}

TEST_P(CardLifecycle, TemporaryLossLiftsItselfAfterTheConfiguredPeriod) {
    BackofficeEnv env(GetParam(), {"--temp-loss-seconds", "2", "--sweep-seconds", "1"});
    const auto staff = env.staff();
    const auto touch = env.touch();
    const SeededCard card;
    const auto reported = reportedLost(staff, touch, card);
    ASSERT_TRUE(reported);
    EXPECT_EQ(reported->card().loss_report().auto_lift_at().seconds() -
                  reported->card().loss_report().reported_at().seconds(),
              2);
    ReportTemporaryLossResponse lr;

    // Past the auto-lift time (the clock moved, not waited for); the sweeper (every second)
    // writes the lift into the history.
    env.backoffice().advanceClock(std::chrono::milliseconds(2500));
    GetPersonRequest gp;
    gp.mutable_person()->set_card_number(card.cardNumber);
    GetPersonResponse person;
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] {
            return call(*staff.admin, &Admin::GetPerson, gp, &person).ok() &&
                   person.history_size() > 0 && person.history(0).reason() == "auto lift";
        },
        std::chrono::seconds(10)));
    EXPECT_EQ(person.cards(0).status(), CARD_STATUS_ACTIVE);
    ASSERT_GE(person.history_size(), 1);
    EXPECT_EQ(person.history(0).reason(), "auto lift");
    EXPECT_EQ(person.history(0).actor(), "system");

    // A formal loss never lifts itself.
    ASSERT_TRUE(
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "285714"), &lr)
            .ok());
    CardOperationResponse op;
    ASSERT_TRUE(
        call(*staff.admin, &Admin::RecordFormalLoss, cardOp(card.cardNumber, "at counter"), &op)
            .ok());
    env.backoffice().advanceClock(std::chrono::seconds(3));  // reading the status lifts what is due
    GetCardStatusResponse st;
    ASSERT_TRUE(status(touch, card, &st).ok());
    EXPECT_EQ(st.card().status(), CARD_STATUS_LOST);
}

// A status look-up that finds a temporary loss past its lift answers the card active, and the
// lift (its history, its audit event) is written before that answer, not at the sweeper's next
// round (an hour away here).
TEST_P(CardLifecycle, AStatusLookUpWritesTheLiftItFindsDueBeforeAnswering) {
    BackofficeEnv env(GetParam(), {"--temp-loss-seconds", "2", "--sweep-seconds", "3600"});
    const auto staff = env.staff();
    const auto touch = env.touch();
    const SeededCard card;
    ASSERT_TRUE(reportedLost(staff, touch, card));
    GetCardStatusResponse st;
    ASSERT_TRUE(status(touch, card, &st).ok());
    EXPECT_EQ(st.card().status(), CARD_STATUS_TEMP_LOST);

    env.backoffice().advanceClock(std::chrono::milliseconds(2500));
    ASSERT_TRUE(status(touch, card, &st).ok());
    EXPECT_EQ(st.card().status(), CARD_STATUS_ACTIVE);
    GetPersonRequest gp;
    gp.mutable_person()->set_card_number(card.cardNumber);
    GetPersonResponse person;
    ASSERT_TRUE(call(*staff.admin, &Admin::GetPerson, gp, &person).ok());
    EXPECT_EQ(person.cards(0).status(), CARD_STATUS_ACTIVE);
    ASSERT_GE(person.history_size(), 1);
    EXPECT_EQ(person.history(0).reason(), "auto lift");
}

TEST_P(CardLifecycle, PinResetSessionGivesTheCardsSessionKeyForEachChallenge) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    const auto touch = env.touch();
    const SeededCard card;
    renshe::testing::seed(staff, card);

    // An ISSUED card has no service password yet: the second factor cannot succeed.
    BeginPinResetRequest begin;
    begin.set_request_id(newRequestId());
    *begin.mutable_card() = card.inserted();
    begin.mutable_second_factor()->set_service_password("285714");
    BeginPinResetResponse session;
    auto noFactor = call(*touch.card, &Card::BeginPinReset, begin, &session);
    EXPECT_EQ(noFactor.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED") << noFactor;

    ASSERT_TRUE(activate(touch, card, "285714").ok());
    begin.set_request_id(newRequestId());
    ASSERT_TRUE(call(*touch.card, &Card::BeginPinReset, begin, &session).ok());
    EXPECT_FALSE(session.reset_session_id().empty());
    EXPECT_EQ(session.cryptograms_allowed(), 3);
    EXPECT_EQ(session.allowed_operations_size(), 2);

    const std::string challenge("\x11\x22\x33\x44\x55\x66\x77\x88", 8);
    ComputePinResetCryptogramRequest cr;
    cr.set_request_id(newRequestId());
    cr.set_reset_session_id(session.reset_session_id());
    cr.set_card_identifier(renshe::services::store::fromHex(card.identifierHex));
    cr.set_challenge(challenge);
    cr.set_operation(PIN_RESET_OPERATION_RELOAD);
    ComputePinResetCryptogramResponse k1, k1again;
    ASSERT_TRUE(call(*touch.card, &Card::ComputePinResetCryptogram, cr, &k1).ok());
    EXPECT_EQ(k1.cryptograms_left(), 2);

    // The key the card computes itself: demo master key → card key → session key.
    renshe::drivers::sscard::Key master{};
    const std::string masterText = "RENSHE-DEMO-MK01";
    std::copy(masterText.begin(), masterText.end(), master.begin());
    const std::string id = renshe::services::store::fromHex(card.identifierHex);
    const auto cardKey = renshe::drivers::sscard::deriveCardKey(
        master, {reinterpret_cast<const std::uint8_t*>(id.data()), id.size()});
    const auto sessionKey = renshe::drivers::sscard::deriveSessionKey(
        cardKey, {reinterpret_cast<const std::uint8_t*>(challenge.data()), challenge.size()},
        renshe::drivers::sscard::ResetOperation::Reload);
    EXPECT_EQ(k1.cryptogram(),
              std::string(reinterpret_cast<const char*>(sessionKey.data()), sessionKey.size()));

    // A retry returns the same key and spends nothing.
    ASSERT_TRUE(call(*touch.card, &Card::ComputePinResetCryptogram, cr, &k1again).ok());
    EXPECT_EQ(k1again.cryptogram(), k1.cryptogram());
    EXPECT_EQ(k1again.cryptograms_left(), 2);

    // Another terminal cannot use the session; another card cannot either.
    ComputePinResetCryptogramResponse other;
    cr.set_request_id(newRequestId());
    auto foreign = call(*env.otherTouch().card, &Card::ComputePinResetCryptogram, cr, &other);
    EXPECT_EQ(foreign.refusal, "REFUSAL_REASON_RESET_SESSION_INVALID") << foreign;
    cr.set_card_identifier(renshe::services::store::fromHex("370102D1560000058600000000000009"));
    auto wrongCard = call(*touch.card, &Card::ComputePinResetCryptogram, cr, &other);
    EXPECT_EQ(wrongCard.refusal, "REFUSAL_REASON_RESET_SESSION_INVALID") << wrongCard;
    cr.set_card_identifier(id);

    // Two more cryptograms, then the session is used up.
    for (int left : {1, 0}) {
        cr.set_request_id(newRequestId());
        ComputePinResetCryptogramResponse k;
        ASSERT_TRUE(call(*touch.card, &Card::ComputePinResetCryptogram, cr, &k).ok());
        EXPECT_EQ(k.cryptograms_left(), left);
    }
    cr.set_request_id(newRequestId());
    auto usedUp = call(*touch.card, &Card::ComputePinResetCryptogram, cr, &other);
    EXPECT_EQ(usedUp.code, grpc::StatusCode::FAILED_PRECONDITION) << usedUp;
    EXPECT_EQ(usedUp.refusal, "REFUSAL_REASON_RESET_SESSION_INVALID");
    EXPECT_TRUE(other.cryptogram().empty());

    ReportPinResetResultRequest result;
    result.set_request_id(newRequestId());
    result.set_reset_session_id(session.reset_session_id());
    *result.mutable_card() = card.inserted();
    result.set_operation(PIN_RESET_OPERATION_RELOAD);
    result.set_succeeded(true);
    result.set_card_status_word("9000");
    ReportPinResetResultResponse rr;
    ASSERT_TRUE(call(*touch.card, &Card::ReportPinResetResult, result, &rr).ok());
    EXPECT_EQ(rr.card().status(), CARD_STATUS_ACTIVE);
}

// One result per reset session, and none for a session that expired before it handed out a
// cryptogram; a session that did hand one out still takes its (late) result: the card may have
// changed while the kiosk was offline. The cryptogram is the key for the operation asked for.
TEST_P(CardLifecycle, PinResetResultsOncePerSessionAndOnlyWhileTheyCanBeTrue) {
    BackofficeEnv env(GetParam());
    const auto touch = env.touch();
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    ASSERT_TRUE(activate(touch, card, "285714").ok());
    auto begin = [&] {
        BeginPinResetRequest b;
        b.set_request_id(newRequestId());
        *b.mutable_card() = card.inserted();
        b.mutable_second_factor()->set_service_password("285714");
        BeginPinResetResponse session;
        EXPECT_TRUE(call(*touch.card, &Card::BeginPinReset, b, &session).ok());
        return session.reset_session_id();
    };
    auto cryptogram = [&](const std::string& session, PinResetOperation op) {
        ComputePinResetCryptogramRequest cr;
        cr.set_request_id(newRequestId());
        cr.set_reset_session_id(session);
        cr.set_card_identifier(renshe::services::store::fromHex(card.identifierHex));
        cr.set_challenge(std::string(8, '\x5A'));
        cr.set_operation(op);
        ComputePinResetCryptogramResponse k;
        EXPECT_TRUE(call(*touch.card, &Card::ComputePinResetCryptogram, cr, &k).ok());
        return k.cryptogram();
    };
    auto report = [&](const std::string& session) {
        ReportPinResetResultRequest r;
        r.set_request_id(newRequestId());
        r.set_reset_session_id(session);
        *r.mutable_card() = card.inserted();
        r.set_operation(PIN_RESET_OPERATION_RELOAD);
        r.set_succeeded(true);
        r.set_card_status_word("9000");
        ReportPinResetResultResponse rr;
        return call(*touch.card, &Card::ReportPinResetResult, r, &rr);
    };

    const auto first = begin();
    const auto reload = cryptogram(first, PIN_RESET_OPERATION_RELOAD);
    const auto unblock = cryptogram(first, PIN_RESET_OPERATION_UNBLOCK);
    EXPECT_EQ(reload.size(), 16u);
    EXPECT_NE(reload, unblock) << "one key for both operations";
    ASSERT_TRUE(report(first).ok());
    const auto again = report(first);
    EXPECT_EQ(again.refusal, "REFUSAL_REASON_RESET_SESSION_INVALID") << again;

    const auto unused = begin();
    const auto used = begin();
    cryptogram(used, PIN_RESET_OPERATION_RELOAD);
    env.backoffice().advanceClock(std::chrono::seconds(301));  // both sessions expire
    const auto late = report(unused);
    EXPECT_EQ(late.refusal, "REFUSAL_REASON_RESET_SESSION_INVALID") << late;
    EXPECT_TRUE(report(used).ok()) << "a late result of a session that gave a cryptogram";
}

TEST_P(CardLifecycle, FailedSecondFactorsAreRateLimitedAcrossARestart) {
    BackofficeEnv env(GetParam(), {"--limit-ssn-failures", "3/3600"});
    const auto staff = env.staff();
    const auto touch = env.touch();
    const SeededCard card;
    renshe::testing::seed(staff, card);
    ASSERT_TRUE(activate(touch, card, "285714").ok());
    ReportTemporaryLossResponse lr;
    for (int i = 0; i < 3; ++i) {
        auto bad = call(*touch.card, &Card::ReportTemporaryLoss,
                        lossReport(card, "张三丰", "111222"), &lr);
        EXPECT_EQ(bad.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED") << bad;
    }
    auto limited =
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "285714"), &lr);
    EXPECT_EQ(limited.code, grpc::StatusCode::RESOURCE_EXHAUSTED) << limited;
    EXPECT_EQ(limited.refusal, "REFUSAL_REASON_RATE_LIMITED");
    ASSERT_FALSE(limited.retryAfter.empty());
    EXPECT_GT(std::stoi(limited.retryAfter), 3500);
    EXPECT_LE(std::stoi(limited.retryAfter), 3600);

    env.backoffice().restart();
    const auto again = env.touch();
    limited =
        call(*again.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "285714"), &lr);
    EXPECT_EQ(limited.refusal, "REFUSAL_REASON_RATE_LIMITED") << limited;
    // Staff still act at the counter.
    CardOperationResponse op;
    ASSERT_TRUE(
        call(*staff.admin, &Admin::RecordFormalLoss, cardOp(card.cardNumber, "at counter"), &op)
            .ok());
}

TEST_P(CardLifecycle, TerminalLookUpsAreRateLimitedPerTerminal) {
    BackofficeEnv env(GetParam(), {"--limit-terminal-lookups", "4/600"});
    const auto staff = env.staff();
    const auto touch = env.touch();
    const SeededCard card;
    renshe::testing::seed(staff, card);
    ReportTemporaryLossResponse lr;
    for (int i = 0; i < 4; ++i) {
        SeededCard someone = renshe::testing::inventedCard(100 + i);
        auto r = call(*touch.card, &Card::ReportTemporaryLoss,
                      lossReport(someone, someone.name, "285714"), &lr);
        EXPECT_EQ(r.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED") << r;
    }
    auto limited =
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "285714"), &lr);
    EXPECT_EQ(limited.refusal, "REFUSAL_REASON_RATE_LIMITED") << limited;
    // Another terminal is not affected.
    auto other = call(*env.otherTouch().card, &Card::ReportTemporaryLoss,
                      lossReport(card, "张三丰", "285714"), &lr);
    EXPECT_EQ(other.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED")
        << other;  // not activated: no password
}

// A first attempt does not look for an earlier one's outcome; it finds it by colliding with
// its row, or, when it would not store its own (over a limit now), by looking then. Either
// way a retry of an answered request gets that answer, and the retry changes nothing.
TEST_P(CardLifecycle, ARetryGetsItsFirstAnswerEvenWhenTheTerminalIsNowOverItsLimit) {
    BackofficeEnv env(GetParam(), {"--limit-terminal-lookups", "2/600"});
    const auto staff = env.staff();
    const auto touch = env.touch();
    const SeededCard card;
    renshe::testing::seed(staff, card);
    ASSERT_TRUE(activate(touch, card, "285714").ok());
    const auto report = lossReport(card, "张三丰", "285714");
    ReportTemporaryLossResponse first, again;
    ASSERT_TRUE(call(*touch.card, &Card::ReportTemporaryLoss, report, &first).ok());
    ASSERT_EQ(first.card().status(), CARD_STATUS_TEMP_LOST);
    // The retry collides with the first attempt's row and answers what it answered.
    ASSERT_TRUE(call(*touch.card, &Card::ReportTemporaryLoss, report, &again).ok());
    EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
    // A second look-up: the terminal is at its limit now.
    const SeededCard someone = renshe::testing::inventedCard(100);
    ReportTemporaryLossResponse lr;
    auto other = call(*touch.card, &Card::ReportTemporaryLoss,
                      lossReport(someone, someone.name, "285714"), &lr);
    EXPECT_EQ(other.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED") << other;
    auto limited =
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, "张三丰", "285714"), &lr);
    EXPECT_EQ(limited.refusal, "REFUSAL_REASON_RATE_LIMITED") << limited;
    // The first report's retry is not a new look-up: it still gets its answer.
    again.Clear();
    auto retry = call(*touch.card, &Card::ReportTemporaryLoss, report, &again);
    ASSERT_TRUE(retry.ok()) << retry;
    EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
    // Its request id with another body is still refused as reused.
    auto changed = report;
    changed.set_name("张三");
    auto reused = call(*touch.card, &Card::ReportTemporaryLoss, changed, &lr);
    EXPECT_EQ(reused.refusal, "REFUSAL_REASON_REQUEST_ID_REUSED") << reused;
    // The card was reported once.
    GetCardHistoryRequest hr;
    *hr.mutable_card() = card.inserted();
    *hr.mutable_pin_verified_at() = secondsAgo(1);
    GetCardHistoryResponse history;
    ASSERT_TRUE(call(*touch.card, &Card::GetCardHistory, hr, &history).ok());
    int lost = 0;
    for (const auto& h : history.history())
        lost += h.to_status() == CARD_STATUS_TEMP_LOST ? 1 : 0;
    EXPECT_EQ(lost, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, CardLifecycle,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
