// The write path's ordering (issue: a write path that never waits):
//  - a PIN change waiting for the SQLite writer holds no thread of the back office (a gRPC
//    callback method: MutationRunner::mutateAsync, Store::writeAsync); a status look-up's
//    audited refusal, and a content stream's admission that the gate must write for, wait off
//    gRPC's callback threads;
//  - Store priorities on both backends: with the writer (SQLite) or the one pooled connection
//    (PostgreSQL) held, an Urgent write queued last runs before the Normal ones queued before
//    it, and Background writes run after every Normal one;
//  - SQLite: at most one Background write joins a group;
//  - PostgreSQL's audit chaining through the real back office: audit_chaining_test.cpp.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/card.grpc.pb.h"
#include "renshe/v1/content.grpc.pb.h"
#include "services/client/client.hpp"
#include "services/client/renewal.hpp"
#include "services/store/store.hpp"
#include "tests/fixtures/postgres.hpp"
#include "tests/fixtures/process.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/backoffice_env.hpp"
#include "tests/service/held_writer.hpp"

using namespace std::chrono_literals;
using renshe::services::store::Store;
using renshe::services::store::Tx;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::HeldWriter;
using renshe::testing::SeededCard;
using renshe::testing::StoreKind;
using Priority = Store::Priority;
using renshe::services::pki::Role;
namespace client = renshe::services::client;

namespace {

std::int64_t nowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A status look-up of `card` by `touch`, within `deadline`.
renshe::testing::Outcome statusOf(const renshe::testing::Clients& touch, const SeededCard& card,
                                  std::chrono::milliseconds deadline) {
    renshe::v1::GetCardStatusRequest r;
    *r.mutable_card() = card.inserted();
    renshe::v1::GetCardStatusResponse resp;
    return call(*touch.card, &renshe::v1::CardService::Stub::GetCardStatus, r, &resp, deadline);
}

// With calls waiting behind a held writer: once they have all arrived (300 ms), how `lookUp`
// fared and how long it took, and what `done` counted meanwhile; then the writer is released
// and the waiting calls' threads joined.
struct WhileHeld {
    renshe::testing::Outcome outcome;
    std::chrono::steady_clock::duration took{};
    int doneMeanwhile = 0;
};
WhileHeld lookUpWhileHeld(const std::function<renshe::testing::Outcome()>& lookUp,
                          const std::atomic<int>& done, HeldWriter& held,
                          std::vector<std::thread>& waiting) {
    std::this_thread::sleep_for(300ms);
    WhileHeld r;
    const auto asked = std::chrono::steady_clock::now();
    r.outcome = lookUp();
    r.took = std::chrono::steady_clock::now() - asked;
    r.doneMeanwhile = done.load();
    held.release();
    for (auto& t : waiting)
        t.join();
    return r;
}

class WritePriority : public ::testing::TestWithParam<StoreKind> {
protected:
    void SetUp() override {
        if (GetParam() == StoreKind::Sqlite) {
            m_dir.emplace("renshe-write-priority");
            m_url = "sqlite:" + (m_dir->path() / "store.db").string();
        } else {
            m_pg.emplace();
            m_url = "postgres:" + m_pg->createDatabase("priority");
        }
        Store::Options one;
        one.connections = 1;  // PostgreSQL: every write waits for the one connection
        m_store = Store::open(m_url, one);
    }

    std::optional<renshe::testing::TempDir> m_dir;
    std::optional<renshe::testing::PrivatePostgres> m_pg;
    std::string m_url;
    std::unique_ptr<Store> m_store;
};

INSTANTIATE_TEST_SUITE_P(Backends, WritePriority,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

TEST_P(WritePriority, UrgentGoesFirstAndBackgroundAfterEveryCallersWrite) {
    std::mutex mutex;
    std::vector<std::string> order;
    const auto record = [&](const std::string& who) {
        std::lock_guard lock(mutex);
        order.push_back(who);
    };
    HeldWriter held(*m_store);

    std::vector<std::thread> writers;
    const auto queue = [&](const std::string& who, Priority priority) {
        writers.emplace_back([&, who, priority] {
            m_store->write(
                [&](Tx& tx) {
                    tx.exec(
                        "INSERT INTO rate_limits (bucket, window_start, count) VALUES "
                        "($1, 1, 1)",
                        {who});
                    record(who);
                },
                priority);
        });
        // Nothing observable says a writer has queued: each gets a moment, in this order.
        std::this_thread::sleep_for(100ms);
    };
    const auto before = m_store->stats();
    for (const char* b : {"B1", "B2", "B3"})
        queue(b, Priority::Background);
    for (const char* n : {"N1", "N2", "N3"})
        queue(n, Priority::Normal);
    queue("U", Priority::Urgent);
    held.release();
    for (auto& w : writers)
        w.join();

    ASSERT_EQ(order.size(), 7u);
    EXPECT_EQ(order.front(), "U") << "the urgent write, queued last, runs first";
    for (std::size_t i = 1; i <= 3; ++i)
        EXPECT_EQ(order[i][0], 'N') << "callers' writes before background work: " << order[i];
    for (std::size_t i = 4; i < 7; ++i)
        EXPECT_EQ(order[i][0], 'B') << order[i];
    if (GetParam() == StoreKind::Sqlite) {
        // U + N1-N3 + one background write, then each other background write alone.
        EXPECT_EQ(m_store->stats().commits - before.commits, 1u + 3u);
    }
}

// PostgreSQL: each answered write's event is in the chain an audit reader reads.
// A PIN change is served by a gRPC callback method: while its write waits for the writer (here
// held by another connection's transaction) no thread of the back office waits with it. A
// synchronous handler held one thread a waiting call (gRPC's pool grew by one for each).
TEST(WaitingWrites, PinChangesWaitingForTheWriterHoldNoThreads) {
    constexpr int kWaiting = 48;
    BackofficeEnv env(StoreKind::Sqlite);
    const auto staff = env.staff();
    const auto touch = env.touch();
    std::vector<SeededCard> people;
    for (int i = 0; i < kWaiting; ++i)
        people.push_back(renshe::testing::inventedCard(4300 + i));
    renshe::v1::ImportRegistryResponse ir;
    ASSERT_TRUE(call(*staff.admin, &renshe::v1::AdminService::Stub::ImportRegistry,
                     renshe::testing::registryImportOf(people), &ir)
                    .ok());
    for (const auto& person : people)  // one at a time: no pool grows for them
        ASSERT_TRUE(renshe::testing::activate(touch, person, "285714").ok());
    const auto threads = [&] {
        return renshe::testing::processThreads(env.backoffice().process().pid());
    };
    const int before = threads();
    ASSERT_GT(before, 0);

    auto db = Store::open("sqlite:" + env.backoffice().sqlitePath().string());
    HeldWriter held(*db);
    std::atomic<int> answered{0}, ok{0};
    std::vector<std::thread> callers;
    for (const auto& person : people) {
        callers.emplace_back([&, person] {
            renshe::v1::ReportPinChangedRequest r;
            r.set_request_id(renshe::testing::newRequestId());
            *r.mutable_card() = person.inserted();
            r.set_kind(renshe::v1::PIN_CHANGE_KIND_CHANGE);
            renshe::v1::ReportPinChangedResponse resp;
            const auto status =
                call(*touch.card, &renshe::v1::CardService::Stub::ReportPinChanged, r, &resp);
            if (status.ok() && resp.card().status() == renshe::v1::CARD_STATUS_ACTIVE)
                ++ok;
            ++answered;
        });
    }
    // Every call has arrived and waits (the writer's BEGIN waits up to 5 s for the lock).
    std::this_thread::sleep_for(1500ms);
    const int during = threads();
    EXPECT_EQ(answered.load(), 0) << "answered while the writer was held";
    held.release();
    for (auto& c : callers)
        c.join();
    EXPECT_EQ(ok.load(), kWaiting);
    EXPECT_LT(during - before, kWaiting / 4)
        << before << " threads before, " << during << " while " << kWaiting << " calls waited";
}

// What a status look-up must wait for runs off gRPC's callback threads (a few, two here,
// shared by every call of the callback methods): a refusal naming someone is answered only once
// its audit event is durable, and a terminal's first call in a while reads its enrolment. With
// the writer held, 24 look-ups of unknown cards wait for their audit events while a look-up of
// a known card is answered at once; a synchronous audit write on gRPC's threads held the known
// one until the writer was free.
TEST(WaitingWrites, RefusedLookUpsWaitingForTheirAuditHoldNoCallbackThread) {
    constexpr int kRefused = 24;
    BackofficeEnv env(StoreKind::Sqlite);
    const auto staff = env.staff();
    const auto touch = env.touch();
    const SeededCard known = renshe::testing::inventedCard(4400);
    renshe::testing::seed(staff, known);
    const auto lookUp = [&](const SeededCard& card, std::chrono::milliseconds deadline) {
        return statusOf(touch, card, deadline);
    };
    ASSERT_TRUE(lookUp(known, 10s).ok());

    auto db = Store::open("sqlite:" + env.backoffice().sqlitePath().string());
    HeldWriter held(*db);
    std::atomic<int> answered{0}, notFound{0};
    std::vector<std::thread> callers;
    for (int i = 0; i < kRefused; ++i) {
        callers.emplace_back([&, i] {
            const auto o = lookUp(renshe::testing::inventedCard(4500 + i), 10s);
            if (o.code == grpc::StatusCode::NOT_FOUND && o.refusal == "REFUSAL_REASON_UNKNOWN_CARD")
                ++notFound;
            ++answered;
        });
    }
    const auto known2s =
        lookUpWhileHeld([&] { return lookUp(known, 2s); }, answered, held, callers);
    EXPECT_TRUE(known2s.outcome.ok()) << known2s.outcome;
    EXPECT_LT(known2s.took, 1s) << "the known card's look-up waited behind the refused ones";
    EXPECT_EQ(known2s.doneMeanwhile, 0)
        << "a refusal was answered before its audit event was written";
    EXPECT_EQ(notFound.load(), kRefused);
}

// WatchContent's start on gRPC's callback threads: a display calling with its renewed
// certificate's key for the first time has the gate switch its enrolment (a write). With the
// writer held, 24 such displays' streams wait for their switches while a known card's look-up
// is answered at once; each stream then starts with its first update, and one whose display
// gave up while it waited ends without harm. Admitting the streams on gRPC's threads held the
// look-up until the writer was free.
TEST(WaitingWrites, ContentStreamsWaitingForTheirGateHoldNoCallbackThread) {
    constexpr int kDisplays = 24;
    BackofficeEnv env(StoreKind::Sqlite);
    const auto staff = env.staff();
    const auto touch = env.touch();
    const SeededCard known = renshe::testing::inventedCard(4600);
    renshe::testing::seed(staff, known);
    const auto lookUp = [&](std::chrono::milliseconds deadline) {
        return statusOf(touch, known, deadline);
    };
    ASSERT_TRUE(lookUp(10s).ok());

    // Each display renews its certificate; its next call, with the new key, switches the
    // enrolment to it.
    renshe::testing::TempDir dir("renshe-watch-admission");
    std::vector<client::Endpoint> renewed;
    for (int i = 0; i <= kDisplays; ++i) {  // the last one gives up
        const auto issued = env.pki().client(
            {"T-371302-" + std::to_string(700 + i) + "-D", Role::Display, BackofficeEnv::kRegion});
        const client::IdentityFiles files{dir / (std::to_string(i) + ".crt"),
                                          dir / (std::to_string(i) + ".key")};
        std::filesystem::copy_file(issued.certificate, files.certificate);
        std::filesystem::copy_file(issued.privateKey, files.privateKey);
        const auto endpoint = [&] {
            return client::Endpoint::fromFiles(env.backoffice().target(), env.pki().caCertificate(),
                                               files.certificate, files.privateKey);
        };
        client::ChannelKeeper keeper(endpoint());
        const auto r = client::renewCertificateIfDue(keeper, files, nowSeconds(), 48h, 10s);
        ASSERT_EQ(r.outcome, client::RenewalOutcome::Renewed) << r.detail;
        renewed.push_back(endpoint());
    }

    auto db = Store::open("sqlite:" + env.backoffice().sqlitePath().string());
    HeldWriter held(*db);
    std::atomic<int> started{0}, updated{0};
    std::vector<std::thread> displays;
    grpc::StatusCode leaverCode = grpc::StatusCode::OK;
    const client::Endpoint leaver = renewed.back();
    renewed.pop_back();
    displays.emplace_back([&] {  // leaves while its admission waits for the writer
        auto stub = renshe::v1::ContentService::NewStub(client::makeChannel(leaver));
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + 150ms);
        auto reader = stub->WatchContent(&ctx, renshe::v1::WatchContentRequest{});
        renshe::v1::ContentUpdate u;
        while (reader->Read(&u)) {
        }
        leaverCode = reader->Finish().error_code();
    });
    for (const auto& endpoint : renewed) {
        displays.emplace_back([&, endpoint] {
            auto stub = renshe::v1::ContentService::NewStub(client::makeChannel(endpoint));
            grpc::ClientContext ctx;
            ctx.set_deadline(std::chrono::system_clock::now() + 10s);
            auto reader = stub->WatchContent(&ctx, renshe::v1::WatchContentRequest{});
            renshe::v1::ContentUpdate u;
            if (reader->Read(&u)) {
                ++started;
                if (u.revision() >= 0 && u.has_server_time())
                    ++updated;
            }
            ctx.TryCancel();
            reader->Finish();
        });
    }
    const auto known2s = lookUpWhileHeld([&] { return lookUp(2s); }, started, held, displays);
    EXPECT_TRUE(known2s.outcome.ok()) << known2s.outcome;
    EXPECT_LT(known2s.took, 1s) << "the look-up waited behind the streams' admissions";
    EXPECT_EQ(known2s.doneMeanwhile, 0) << "a stream started before its key was switched to";
    EXPECT_EQ(started.load(), kDisplays);
    EXPECT_EQ(updated.load(), kDisplays);
    EXPECT_EQ(leaverCode, grpc::StatusCode::DEADLINE_EXCEEDED);
    EXPECT_TRUE(lookUp(10s).ok()) << "the back office after a stream left mid-admission";
}

}  // namespace
