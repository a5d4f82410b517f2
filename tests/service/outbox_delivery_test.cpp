// The kiosk's outbox (kiosk/outbox.cpp) against the real back office: a queued loss report the
// back office rate-limits is delivered after the wait it names, a final refusal is kept for
// staff (and reported in heartbeats), an entry too old to send is never sent, and an outbox
// file from before these states keeps its entries.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <QCoreApplication>
#include <fstream>
#include <iterator>
#include <thread>

#include "drivers/util/clock.hpp"
#include "kiosk/outbox.hpp"
#include "renshe/v1/terminal.grpc.pb.h"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using namespace renshe::v1;
using renshe::kiosk::Outbox;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::newRequestId;
using renshe::testing::SeededCard;
using renshe::testing::StoreKind;
using renshe::testing::TempDir;
using Card = CardService::Stub;
constexpr const char* kLossMethod = "/renshe.v1.CardService/ReportTemporaryLoss";
constexpr const char* kPassword = "285714";

// Waits (pumping Qt events, as the kiosk's UI thread would) until `done`.
template <typename F>
bool eventually(F done, std::chrono::milliseconds limit = std::chrono::seconds(15)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        QCoreApplication::processEvents();
        if (done())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

ReportTemporaryLossRequest lossReport(const SeededCard& card, const std::string& password) {
    return renshe::testing::lossReport(card, card.name, password);
}

CardStatus statusOf(BackofficeEnv& env, const SeededCard& card) {
    GetCardStatusRequest r;
    *r.mutable_card() = card.inserted();
    GetCardStatusResponse resp;
    EXPECT_TRUE(call(*env.staff().card, &Card::GetCardStatus, r, &resp).ok());
    return resp.card().status();
}

class OutboxDelivery : public ::testing::TestWithParam<StoreKind> {
protected:
    TempDir dir{"renshe-outbox"};
    std::int64_t nowMicros() const {
        return std::chrono::duration_cast<std::chrono::microseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
    std::shared_ptr<renshe::services::client::ChannelKeeper> keeper(BackofficeEnv& env) {
        return std::make_shared<renshe::services::client::ChannelKeeper>(
            env.pki().endpoint(env.backoffice().target(), env.pki().touchTerminal()));
    }
};

TEST_P(OutboxDelivery, RateLimitedLossReportIsDeliveredAfterTheWait) {
    BackofficeEnv env(GetParam());
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    ASSERT_TRUE(renshe::testing::activate(env.touch(), card, kPassword).ok());
    // Five wrong passwords for this ID number: its second-factor budget is spent for the hour.
    for (int i = 0; i < 5; ++i) {
        ReportTemporaryLossResponse resp;
        const auto o = call(*env.otherTouch().card, &Card::ReportTemporaryLoss,
                            lossReport(card, "999888"), &resp);
        ASSERT_EQ(o.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED") << o;
    }

    renshe::util::ManualClock clock(nowMicros());
    Outbox outbox((dir / "outbox.db").string(), keeper(env), std::chrono::hours(1), &clock);
    const auto report = lossReport(card, kPassword);
    outbox.enqueue(kLossMethod, report.request_id(), report.SerializeAsString());
    ASSERT_TRUE(eventually([&] {
        const auto e = outbox.entries();
        return e.size() == 1 && e[0].why == "REFUSAL_REASON_RATE_LIMITED";
    }));
    const auto waiting = outbox.entries().at(0);
    EXPECT_FALSE(waiting.needsStaff);
    EXPECT_EQ(outbox.pending(), 1);
    const std::int64_t wait = waiting.notBefore - clock.nowMicros() / 1'000'000;
    EXPECT_GT(wait, 0);
    EXPECT_LE(wait, 3600);
    EXPECT_EQ(statusOf(env, card), CARD_STATUS_ACTIVE);

    // Before the wait is over nothing is sent.
    outbox.deliverNow();
    // An absence (nothing sent) is checked over a while: real time is what this waits for.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(outbox.pending(), 1);
    EXPECT_EQ(statusOf(env, card), CARD_STATUS_ACTIVE);

    // The hour passes on both sides: the report goes through, with its request id.
    env.backoffice().advanceClock(std::chrono::seconds(wait + 1));
    clock.advance((wait + 1) * 1'000'000);
    outbox.deliverNow();
    ASSERT_TRUE(eventually([&] { return outbox.entries().empty(); }));
    EXPECT_EQ(statusOf(env, card), CARD_STATUS_TEMP_LOST);
    // Delivered and deleted: the ID number is in neither the file nor its WAL any more.
    for (const char* suffix : {"", "-wal"}) {
        std::ifstream in(dir / ("outbox.db" + std::string(suffix)), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
        EXPECT_EQ(bytes.find(card.ssn), std::string::npos) << "outbox.db" << suffix;
    }
}

TEST_P(OutboxDelivery, FinalRefusalIsKeptForStaffAndReported) {
    BackofficeEnv env(GetParam());
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    // Not activated: the card has no service password, so the report cannot succeed.
    renshe::util::ManualClock clock(nowMicros());
    Outbox outbox((dir / "outbox.db").string(), keeper(env), std::chrono::hours(1), &clock);
    const auto report = lossReport(card, kPassword);
    outbox.enqueue(kLossMethod, report.request_id(), report.SerializeAsString());
    ASSERT_TRUE(eventually([&] { return outbox.needsStaff() == 1; }));
    EXPECT_EQ(outbox.pending(), 0);
    const auto held = outbox.entries().at(0);
    EXPECT_EQ(held.requestId, report.request_id());
    EXPECT_EQ(held.method, kLossMethod);
    EXPECT_FALSE(held.why.empty());
    // Not retried: a later round leaves it as it is (an absence, checked over real time).
    outbox.deliverNow();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(outbox.needsStaff(), 1);

    // The heartbeat carries the count to the fleet list.
    auto fleetStub = TerminalService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().target(), env.pki().touchTerminal())));
    HeartbeatRequest beat;
    beat.set_role(TERMINAL_ROLE_TOUCH);
    beat.set_software_version("test");
    beat.set_outbox_needs_staff(outbox.needsStaff());
    HeartbeatResponse beatResp;
    ASSERT_TRUE(call(*fleetStub, &TerminalService::Stub::Heartbeat, beat, &beatResp).ok());
    auto staffFleet = TerminalService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().staffTarget(), env.pki().staff())));
    ListTerminalsRequest list;
    ListTerminalsResponse listed;
    ASSERT_TRUE(call(*staffFleet, &TerminalService::Stub::ListTerminals, list, &listed).ok());
    ASSERT_EQ(listed.terminals_size(), 1);
    EXPECT_EQ(listed.terminals(0).outbox_needs_staff(), 1);
}

TEST_P(OutboxDelivery, AnEntryTooOldToSendIsKeptNotSent) {
    BackofficeEnv env(GetParam());
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    ASSERT_TRUE(renshe::testing::activate(env.touch(), card, kPassword).ok());
    renshe::util::ManualClock clock(nowMicros());
    // No back office reachable while it is queued: a port nothing listens on.
    auto away = std::make_shared<renshe::services::client::ChannelKeeper>(
        env.pki().endpoint("127.0.0.1:9", env.pki().touchTerminal()));
    {
        Outbox outbox((dir / "outbox.db").string(), away, std::chrono::hours(1), &clock);
        const auto report = lossReport(card, kPassword);
        outbox.enqueue(kLossMethod, report.request_id(), report.SerializeAsString());
        ASSERT_TRUE(eventually([&] { return outbox.pending() == 1; }));
    }
    // 31 days later the back office is back, but the entry is older than its memory of ids.
    clock.advance(31LL * 86400 * 1'000'000);
    Outbox outbox((dir / "outbox.db").string(), keeper(env), std::chrono::hours(1), &clock);
    outbox.deliverNow();
    ASSERT_TRUE(eventually([&] { return outbox.needsStaff() == 1; }));
    EXPECT_EQ(outbox.entries().at(0).why, "EXPIRED");
    EXPECT_EQ(statusOf(env, card), CARD_STATUS_ACTIVE);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxDelivery,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

TEST(OutboxFile, AnOutboxFromBeforeTheStatesKeepsItsEntries) {
    TempDir dir{"renshe-outbox-upgrade"};
    const auto path = (dir / "outbox.db").string();
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db,
                               "CREATE TABLE outbox (request_id TEXT PRIMARY KEY, method TEXT NOT "
                               "NULL, payload BLOB NOT NULL, created_at INTEGER NOT NULL, "
                               "attempts INTEGER NOT NULL DEFAULT 0);"
                               "INSERT INTO outbox VALUES ('r-1', 'm', x'01', 1, 0);",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    renshe::util::ManualClock clock(2'000'000);  // 2 s after the entry was queued
    Outbox outbox(path, nullptr, std::chrono::hours(1), &clock);
    ASSERT_EQ(outbox.entries().size(), 1u);
    EXPECT_EQ(outbox.entries()[0].requestId, "r-1");
    EXPECT_FALSE(outbox.entries()[0].needsStaff);
    EXPECT_EQ(outbox.pending(), 1);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
