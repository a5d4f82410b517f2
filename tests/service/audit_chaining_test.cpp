// PostgreSQL's audit chaining through the real back office (issue: a write path that never
// waits): a card write is answered while another transaction holds the chain's head (it does
// not wait for its event's chaining round), an audit query then waits for the round, and the
// metrics show the wait; 16 terminals' worth of concurrent card writes leave nothing pending
// for an audit reader, and the chain verifies with gapless sequences; an event left pending by
// a replica that died between its commit and its round is chained by the sweep; an asked-for
// round reads from a bound and a reader's round reads everything, and an event older than the
// bound is chained while writes keep coming.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <latch>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/card.grpc.pb.h"
#include "services/backoffice/rpc/audit.hpp"
#include "services/backoffice/rpc/audit_chainer.hpp"
#include "services/backoffice/rpc/keystore.hpp"
#include "services/store/store.hpp"
#include "tests/fixtures/postgres.hpp"
#include "tests/fixtures/process.hpp"
#include "tests/fixtures/prometheus_text.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/backoffice_env.hpp"

using namespace std::chrono_literals;
using renshe::services::backoffice::AuditChainer;
using renshe::services::backoffice::AuditEntry;
using renshe::services::backoffice::AuditVerification;
using renshe::services::backoffice::Keystore;
using renshe::services::store::Store;
using renshe::services::store::Tx;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::SeededCard;
using renshe::testing::StoreKind;

namespace {

// Invented person `n`, imported by `staff`, the card activated at `touch`.
SeededCard activatedPerson(const renshe::testing::Clients& staff,
                           const renshe::testing::Clients& touch, int n) {
    auto person = renshe::testing::inventedCard(n);
    renshe::v1::ImportRegistryResponse ir;
    EXPECT_TRUE(call(*staff.admin, &renshe::v1::AdminService::Stub::ImportRegistry,
                     renshe::testing::registryImportOf({person}), &ir)
                    .ok());
    EXPECT_TRUE(renshe::testing::activate(touch, person, "285714").ok());
    return person;
}

// A private PostgreSQL and a keystore, for a chainer run alone (no back office).
struct ChainerAlone {
    renshe::testing::PrivatePostgres pg;
    std::unique_ptr<Store> store = Store::open("postgres:" + pg.createDatabase("chainer"));
    const renshe::testing::TempDir dir{"renshe-chainer"};
    const Keystore keys = [this] {
        Keystore::create(dir.path() / "keys");
        return Keystore::load(dir.path() / "keys");
    }();
};

TEST(AuditChaining, ConcurrentWritesOnPostgresLeaveNothingPendingAndAGaplessChain) {
    BackofficeEnv env(StoreKind::Postgres);
    const auto staff = env.staff();
    std::vector<SeededCard> people;
    for (int i = 0; i < 16; ++i)
        people.push_back(renshe::testing::inventedCard(4000 + i));
    renshe::v1::ImportRegistryResponse ir;
    ASSERT_TRUE(call(*staff.admin, &renshe::v1::AdminService::Stub::ImportRegistry,
                     renshe::testing::registryImportOf(people), &ir)
                    .ok());
    auto db = Store::open(env.database());
    const auto pending = [&] {
        std::int64_t n = -1;
        db->read(
            [&](Tx& tx) { n = tx.queryOne("SELECT count(*) FROM audit_pending")->integer(0); });
        return n;
    };

    std::vector<std::thread> terminals;
    std::atomic<int> failed{0};
    for (int t = 0; t < 16; ++t) {
        terminals.emplace_back([&, t] {
            const auto touch = env.as(env.pki().touchTerminal("T-371302-" + std::to_string(100 + t),
                                                              BackofficeEnv::kRegion));
            if (!renshe::testing::activate(touch, people[static_cast<std::size_t>(t)], "285714")
                     .ok())
                ++failed;
            for (int i = 0; i < 10; ++i) {
                renshe::v1::ReportPinChangedRequest r;
                r.set_request_id(renshe::testing::newRequestId());
                *r.mutable_card() = people[static_cast<std::size_t>(t)].inserted();
                r.set_kind(renshe::v1::PIN_CHANGE_KIND_CHANGE);
                renshe::v1::ReportPinChangedResponse resp;
                if (!call(*touch.card, &renshe::v1::CardService::Stub::ReportPinChanged, r, &resp)
                         .ok())
                    ++failed;
            }
        });
    }
    for (auto& t : terminals)
        t.join();
    EXPECT_EQ(failed, 0);
    // The audit reader waits for a round that began after its call.
    renshe::v1::VerifyAuditChainResponse v;
    ASSERT_TRUE(call(*staff.admin, &renshe::v1::AdminService::Stub::VerifyAuditChain,
                     renshe::v1::VerifyAuditChainRequest{}, &v)
                    .ok());
    EXPECT_EQ(pending(), 0) << "every answered write's event is in the chain the reader read";

    std::vector<std::int64_t> seqs;
    db->read([&](Tx& tx) {
        for (const auto& r : tx.query("SELECT seq FROM audit_events ORDER BY seq"))
            seqs.push_back(r.integer(0));
    });
    ASSERT_GE(seqs.size(), 16u + 160u);
    for (std::size_t i = 0; i < seqs.size(); ++i)
        ASSERT_EQ(seqs[i], static_cast<std::int64_t>(i + 1));
    EXPECT_TRUE(v.intact()) << v.reason();
    EXPECT_EQ(v.events_checked(), static_cast<std::int64_t>(seqs.size()));
}

// PostgreSQL: the chain's head held by another transaction (a stuck session, another replica's
// long round) holds up no citizen's write: it is answered, its event stays pending, the
// metrics show how long it has waited, a terminal's audit query is refused without waiting,
// and a staff audit query made meanwhile waits for the round (up to its 5 s) rather than
// answer without it once the head is free.
TEST(AuditChaining, AWriteIsAnsweredWhileTheChainsHeadIsHeld) {
    BackofficeEnv env(StoreKind::Postgres, {"@metrics"});
    const auto staff = env.staff();
    const auto touch = env.touch();
    const auto person = activatedPerson(staff, touch, 4100);
    const auto metric = [&](const char* name) {
        const auto samples = env.backoffice().scrapeMetrics();
        const auto* m = renshe::testing::findMetric(samples, name, {});
        return m ? m->value : -1.0;
    };
    const double lagsBefore = metric("renshe_audit_chain_lag_seconds_count");
    ASSERT_GE(lagsBefore, 0) << "PostgreSQL's back office serves the chain's lag";

    auto db = Store::open(env.database());
    std::latch locked(1), release(1);
    std::thread holder([&] {
        db->write([&](Tx& tx) {
            tx.exec("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE");
            locked.count_down();
            release.wait();
        });
    });
    locked.wait();

    renshe::v1::ReportPinChangedRequest r;
    r.set_request_id(renshe::testing::newRequestId());
    *r.mutable_card() = person.inserted();
    r.set_kind(renshe::v1::PIN_CHANGE_KIND_CHANGE);
    renshe::v1::ReportPinChangedResponse resp;
    const auto asked = std::chrono::steady_clock::now();
    const auto status =
        call(*touch.card, &renshe::v1::CardService::Stub::ReportPinChanged, r, &resp);
    const auto answeredIn = std::chrono::steady_clock::now() - asked;
    EXPECT_TRUE(status.ok()) << status.message;
    // The chainer's rounds wait for the head; an answer that waited for one would take the
    // whole 5 s a round is waited for.
    EXPECT_LT(answeredIn, 3s) << "the write waited for its chaining round";
    std::int64_t pendingNow = 0;
    db->read([&](Tx& tx) {
        pendingNow = tx.queryOne("SELECT count(*) FROM audit_pending WHERE request_id = $1",
                                 {r.request_id()})
                         ->integer(0);
    });
    EXPECT_EQ(pendingNow, 1) << "committed with its write, waiting for the head";
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] { return metric("renshe_audit_chain_waiting_seconds") >= 1.0; }, 10s))
        << "the metric shows the chain falling behind";

    // A terminal asking for the audit log is refused at once: it waits for no round.
    {
        renshe::v1::QueryAuditResponse none;
        const auto askedAt = std::chrono::steady_clock::now();
        const auto refused = call(*touch.admin, &renshe::v1::AdminService::Stub::QueryAudit,
                                  renshe::v1::QueryAuditRequest{}, &none);
        EXPECT_EQ(refused.code, grpc::StatusCode::PERMISSION_DENIED) << refused.message;
        EXPECT_LT(std::chrono::steady_clock::now() - askedAt, 3s)
            << "a terminal's refused audit query waited for the chain";
        EXPECT_EQ(none.events_size(), 0);
    }

    // A staff audit query now waits for a round; the head is let go while it waits.
    std::thread letGo([&] {
        std::this_thread::sleep_for(1s);
        release.count_down();
    });
    renshe::v1::QueryAuditRequest q;
    q.mutable_page()->set_page_size(100);
    renshe::v1::QueryAuditResponse events;
    ASSERT_TRUE(call(*staff.admin, &renshe::v1::AdminService::Stub::QueryAudit, q, &events).ok());
    letGo.join();
    holder.join();
    bool found = false;
    for (const auto& e : events.events())
        found = found || e.request_id() == r.request_id();
    EXPECT_TRUE(found) << "the answered write's event is in the chain the query read";
    EXPECT_LT(metric("renshe_audit_chain_waiting_seconds"), 1.0);
    EXPECT_GT(metric("renshe_audit_chain_lag_seconds_count"), lagsBefore);
    renshe::v1::VerifyAuditChainResponse v;
    ASSERT_TRUE(call(*staff.admin, &renshe::v1::AdminService::Stub::VerifyAuditChain,
                     renshe::v1::VerifyAuditChainRequest{}, &v)
                    .ok());
    EXPECT_TRUE(v.intact()) << v.reason();
}

// The chainer alone on a private PostgreSQL, with no sweep and no periodic full round: an
// asked-for round leaves pending an event far older than its bound; a round a reader waits for
// (awaitRound) reads every pending event.
TEST(AuditChaining, AnAskedForRoundReadsFromItsBoundAReadersRoundReadsEverything) {
    ChainerAlone alone;
    auto& store = alone.store;
    const auto& keys = alone.keys;
    std::atomic<int> rounds{0};
    AuditChainer chainer(
        *store, keys, [](const std::string&) {}, [&](std::chrono::nanoseconds) { ++rounds; }, 1h,
        1h);
    const std::int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    const auto pend = [&](const std::string& id, std::int64_t at) {
        store->write([&](Tx& tx) {
            appendAuditPending(tx, id,
                               AuditEntry{"T-371302-001", "T-371302-001", "card.pin_changed", "",
                                          "", "OK", "req-" + id, "371302", 1},
                               at);
        });
    };
    const auto pending = [&] {
        std::vector<std::string> ids;
        store->read([&](Tx& tx) {
            for (const auto& r : tx.query("SELECT id FROM audit_pending ORDER BY id"))
                ids.push_back(r.text(0));
        });
        return ids;
    };
    const auto askAndWait = [&] {
        const int before = rounds;
        chainer.ask();
        return renshe::testing::waitUntil([&] { return rounds > before; }, 10s);
    };
    pend("first", now);
    ASSERT_TRUE(askAndWait());
    EXPECT_TRUE(pending().empty()) << "the first round reads every pending event";
    pend("late", now - 30'000'000);
    pend("recent", now);
    ASSERT_TRUE(askAndWait());
    EXPECT_EQ(pending(), std::vector<std::string>{"late"})
        << "an asked-for round reads from 100 ms before the newest event it chained";
    chainer.awaitRound();
    EXPECT_TRUE(pending().empty()) << "a reader's round reads every pending event";
    AuditVerification v;
    store->read([&](Tx& tx) { v = verifyAudit(tx, keys, 0, nullptr); });
    EXPECT_TRUE(v.intact) << v.reason;
    EXPECT_EQ(v.eventsChecked, 3);
}

// PostgreSQL: a batch's events go to audit_events as one array a column. Every character a
// field may hold, the array literal's own included (quotes, backslashes, commas, braces, the
// word NULL, an empty string), is chained as it was written, in batches of 500 and a rest.
TEST(AuditChaining, EveryCharacterOfAnEventIsChainedAsItWasWritten) {
    ChainerAlone alone;
    auto& store = alone.store;
    const auto& keys = alone.keys;
    AuditChainer chainer(
        *store, keys, [](const std::string&) {}, [](std::chrono::nanoseconds) {}, 1h, 1h);
    const std::vector<std::string> awkward{
        "\"",  "\\", "\\\"",    ",",           "{",      "}",     "{\"a\",\"b\"}",   "NULL", "",
        " x ", "'",  "a\nb\tc", "张三 370***", "$1, $2", "(0,1)", "\u00e9\U0001F600"};
    constexpr int kEvents = 1100;  // two full batches and a rest
    std::vector<AuditEntry> written;
    for (int i = 0; i < kEvents; ++i) {
        const auto pick = [&](int k) {
            return awkward[static_cast<std::size_t>(i + k) % awkward.size()];
        };
        written.push_back(AuditEntry{pick(0), pick(1), pick(2), pick(3), pick(4), pick(5),
                                     "req-" + std::to_string(i), pick(6), i % 3 + 1});
    }
    store->write([&](Tx& tx) {
        for (int i = 0; i < kEvents; ++i)
            appendAuditPending(tx, "id-" + std::to_string(100000 + i),
                               written[static_cast<std::size_t>(i)], 1'000'000 + i);
    });
    chainer.awaitRound();

    std::vector<AuditEntry> chained;
    std::int64_t pendingLeft = -1;
    store->read([&](Tx& tx) {
        for (const auto& r : tx.query(
                 "SELECT actor, terminal_id, event_type, masked_subject, subject_digest, outcome, "
                 "request_id, region, repeats, seq, at FROM audit_events ORDER BY seq")) {
            EXPECT_EQ(r.integer(9), static_cast<std::int64_t>(chained.size()) + 1);
            EXPECT_EQ(r.integer(10), 1'000'000 + static_cast<std::int64_t>(chained.size()));
            chained.push_back(AuditEntry{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4),
                                         r.text(5), r.text(6), r.text(7), r.integer(8)});
        }
        pendingLeft = tx.queryOne("SELECT count(*) FROM audit_pending")->integer(0);
    });
    EXPECT_EQ(pendingLeft, 0);
    ASSERT_EQ(chained.size(), written.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        const AuditEntry& w = written[i];
        const AuditEntry& c = chained[i];
        ASSERT_EQ(std::tie(c.actor, c.terminalId, c.eventType, c.maskedSubject, c.subjectDigest,
                           c.outcome, c.requestId, c.region, c.repeats),
                  std::tie(w.actor, w.terminalId, w.eventType, w.maskedSubject, w.subjectDigest,
                           w.outcome, w.requestId, w.region, w.repeats))
            << "event " << i;
    }
    AuditVerification v;
    store->read([&](Tx& tx) { v = verifyAudit(tx, keys, 0, nullptr); });
    EXPECT_TRUE(v.intact) << v.reason;
    EXPECT_EQ(v.eventsChecked, kEvents);
}

// An asked-for round reads pending events from a bound (a little older than the newest it
// chained), not the whole index. An event that reaches audit_pending long after the time it
// carries (a write that ran again, a replica whose clock is behind) is below that bound; while
// writes keep the chainer asked (no sweep), a full round still chains it within seconds.
TEST(AuditChaining, AnEventOlderThanTheBoundIsChainedWhileWritesKeepComing) {
    BackofficeEnv env(StoreKind::Postgres);
    const auto staff = env.staff();
    const auto touch = env.touch();
    const auto person = activatedPerson(staff, touch, 4200);
    std::atomic<bool> stop{false};
    std::atomic<int> answered{0}, failed{0};
    std::vector<std::thread> writers;
    for (int t = 0; t < 2; ++t)
        writers.emplace_back([&] {
            while (!stop) {
                renshe::v1::ReportPinChangedRequest r;
                r.set_request_id(renshe::testing::newRequestId());
                *r.mutable_card() = person.inserted();
                r.set_kind(renshe::v1::PIN_CHANGE_KIND_CHANGE);
                renshe::v1::ReportPinChangedResponse resp;
                const bool ok =
                    call(*touch.card, &renshe::v1::CardService::Stub::ReportPinChanged, r, &resp)
                        .ok();
                ++(ok ? answered : failed);
            }
        });
    auto db = Store::open(env.database());
    const auto count = [&](const char* sql) {
        std::int64_t n = -1;
        db->read([&](Tx& tx) { n = tx.queryOne(sql)->integer(0); });
        return n;
    };
    // Rounds have chained some of the stream: the bound is set.
    const bool streaming = renshe::testing::waitUntil(
        [&] { return count("SELECT count(*) FROM audit_events") >= 20; }, 20s);
    const std::int64_t thirtySecondsAgo =
        std::chrono::duration_cast<std::chrono::microseconds>(
            (std::chrono::system_clock::now() - 30s).time_since_epoch())
            .count();
    db->write([&](Tx& tx) {
        tx.exec(
            "INSERT INTO audit_pending (id, at, actor, terminal_id, event_type, masked_subject, "
            "subject_digest, outcome, request_id, region, repeats) VALUES ('late-comer', $1, "
            "'T-371302-001', 'T-371302-001', 'card.pin_changed', '', '', 'OK', 'req-late', "
            "'371302', 1)",
            {thirtySecondsAgo});
    });
    const int answeredBefore = answered;
    const auto inserted = std::chrono::steady_clock::now();
    const bool chained = renshe::testing::waitUntil(
        [&] {
            return count("SELECT count(*) FROM audit_events WHERE request_id = 'req-late'") == 1;
        },
        10s);
    const auto took = std::chrono::steady_clock::now() - inserted;
    // The stream went on around it (a full round may come within milliseconds of the insert,
    // before many writes are answered: they are counted until ten are).
    const bool wentOn =
        renshe::testing::waitUntil([&] { return answered - answeredBefore >= 10; }, 20s);
    stop = true;
    for (auto& w : writers)
        w.join();
    ASSERT_TRUE(streaming) << "the writes' events were not chained";
    EXPECT_TRUE(chained) << "the event below the bound was never chained";
    EXPECT_LT(took, 3s) << "chained only once the writes stopped";
    EXPECT_TRUE(wentOn) << "the writes stopped coming";
    EXPECT_EQ(failed, 0);
    renshe::v1::VerifyAuditChainResponse v;
    ASSERT_TRUE(call(*staff.admin, &renshe::v1::AdminService::Stub::VerifyAuditChain,
                     renshe::v1::VerifyAuditChainRequest{}, &v)
                    .ok());
    EXPECT_TRUE(v.intact()) << v.reason();
    EXPECT_EQ(count("SELECT count(*) FROM audit_pending"), 0);
}

// A replica that died after committing a write and before its chaining round leaves the event
// pending; a living replica's sweep chains it.
TEST(AuditChaining, AnEventLeftPendingIsChainedByTheSweep) {
    BackofficeEnv env(StoreKind::Postgres);
    auto db = Store::open(env.database());
    db->write([&](Tx& tx) {
        tx.exec(
            "INSERT INTO audit_pending (id, at, actor, terminal_id, event_type, masked_subject, "
            "subject_digest, outcome, request_id, region, repeats) VALUES ('left-behind', 1, "
            "'T-371302-009', 'T-371302-009', 'card.pin_changed', '', '', 'OK', 'req-left', "
            "'371302', 1)");
    });
    std::int64_t chained = 0, left = 1;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while ((chained == 0 || left > 0) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(50ms);
        db->read([&](Tx& tx) {
            chained = tx.queryOne("SELECT count(*) FROM audit_events WHERE request_id = 'req-left'")
                          ->integer(0);
            left = tx.queryOne("SELECT count(*) FROM audit_pending")->integer(0);
        });
    }
    EXPECT_EQ(chained, 1);
    EXPECT_EQ(left, 0);
    renshe::v1::VerifyAuditChainResponse v;
    ASSERT_TRUE(call(*env.staff().admin, &renshe::v1::AdminService::Stub::VerifyAuditChain,
                     renshe::v1::VerifyAuditChainRequest{}, &v)
                    .ok());
    EXPECT_TRUE(v.intact()) << v.reason();
}

}  // namespace
