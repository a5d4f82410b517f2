// Loss reports are never lost: many concurrent reports, the server killed with SIGKILL in the
// middle, restarted, every report retried with its request id — each acknowledged report is
// there with the same report number, each report is applied exactly once, and the audit chain
// is intact. On SQLite and PostgreSQL; on two replicas sharing one PostgreSQL; and on two
// replicas behind haproxy with one killed while a terminal fleet runs through it.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "tests/bench/fleet_load.hpp"
#include "tests/fixtures/net.hpp"
#include "tests/fixtures/process.hpp"
#include "tests/fixtures/prometheus_text.hpp"
#include "tests/service/backoffice_env.hpp"
#include "tests/service/loss_storm.hpp"

namespace {

using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::BackofficeProcess;
using renshe::testing::call;
using renshe::testing::Clients;
using renshe::testing::newRequestId;
using renshe::testing::SeededCard;
using renshe::testing::StoreKind;
using Card = CardService::Stub;
using Admin = AdminService::Stub;

using namespace renshe::testing::storm;

class LossDurability : public ::testing::TestWithParam<StoreKind> {};

TEST_P(LossDurability, AcknowledgedReportsSurviveKill9AndRetriesApplyOnce) {
    BackofficeEnv env(GetParam(), {"--limit-terminal-lookups", "100000/3600"});
    const auto staff = env.staff();
    const auto people = seedPeople(staff, env.touch());

    std::vector<std::string> requestIds;
    for (int i = 0; i < kPeople; ++i)
        requestIds.push_back(newRequestId());
    std::mutex m;
    std::map<int, std::string> acked;
    std::atomic<int> ackCount{0}, failures{0};
    constexpr int kThreads = 8;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            const auto touch = env.touch();
            for (int i = t; i < kPeople; i += kThreads) {
                ReportTemporaryLossResponse resp;
                const auto o = call(*touch.card, &Card::ReportTemporaryLoss,
                                    reportFor(people[i], requestIds[i]), &resp);
                if (o.ok()) {
                    std::lock_guard lock(m);
                    acked[i] = resp.card().loss_report().report_number();
                    ++ackCount;
                } else {
                    ++failures;
                }
            }
        });
    }
    // Crash the server once a third of the reports are acknowledged.
    ASSERT_TRUE(renshe::testing::waitUntil([&] { return ackCount.load() >= kPeople / 3; },
                                           std::chrono::seconds(60)));
    env.backoffice().kill9();
    for (auto& t : threads)
        t.join();
    std::cerr << "acknowledged before the crash: " << acked.size()
              << ", failed: " << failures.load() << "\n";
    EXPECT_LT(static_cast<int>(acked.size()), kPeople)
        << "the crash came too late to test anything";

    env.backoffice().restart();
    // The terminal's outbox delivers everything again with the same request ids.
    const auto touch = env.touch();
    for (int i = 0; i < kPeople; ++i) {
        ReportTemporaryLossResponse resp;
        const auto o = call(*touch.card, &Card::ReportTemporaryLoss,
                            reportFor(people[i], requestIds[i]), &resp);
        ASSERT_TRUE(o.ok()) << o << " person " << i;
        if (auto it = acked.find(i); it != acked.end()) {
            EXPECT_EQ(resp.card().loss_report().report_number(), it->second) << "person " << i;
        }
    }
    expectExactlyOnce(env.staff(), people, acked);
}

INSTANTIATE_TEST_SUITE_P(Backends, LossDurability,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

// The database gone while a loss report comes in (its second factor is checked before the
// transaction, against the same database): the terminal is told UNAVAILABLE, which its outbox
// retries, never UNKNOWN; with the database back the same request goes through once.
TEST(LossDurabilityDatabaseDown, AReportWhileTheDatabaseIsDownIsUnavailableThenAppliedOnce) {
    BackofficeEnv env(StoreKind::Postgres, {"--limit-terminal-lookups", "100000/3600"});
    const SeededCard person = renshe::testing::inventedCard(3);
    renshe::testing::seed(env.staff(), person);
    ASSERT_TRUE(renshe::testing::activate(env.touch(), person, kPassword).ok());
    const auto report = reportFor(person, newRequestId());
    env.postgres()->kill9();
    ReportTemporaryLossResponse resp;
    const auto touch = env.touch();
    const auto down = call(*touch.card, &Card::ReportTemporaryLoss, report, &resp);
    EXPECT_EQ(down.code, grpc::StatusCode::UNAVAILABLE) << down;
    env.postgres()->start();
    const auto back = call(*touch.card, &Card::ReportTemporaryLoss, report, &resp);
    ASSERT_TRUE(back.ok()) << back;
    EXPECT_EQ(resp.card().status(), CARD_STATUS_TEMP_LOST);
    const auto again = call(*touch.card, &Card::ReportTemporaryLoss, report, &resp);
    EXPECT_TRUE(again.ok()) << again;
}

// A burst of loss reports from callers who give up early (a short deadline), their password
// checks queued for the Argon2id turns (one per core): a check whose caller's deadline passes
// before its turn is abandoned, answered DEADLINE_EXCEEDED. It is neither hashed for no one
// nor counted as a wrong password, and no outcome is stored for its request id, so every
// report retried with its request id is served, and the card carries one loss.
TEST(LossDurabilityOverload, ChecksForCallersWhoGaveUpAreAbandonedAndTheirRetriesServed) {
    BackofficeEnv env(StoreKind::Sqlite, {"--limit-terminal-lookups", "100000/3600", "@metrics"});
    const SeededCard person = renshe::testing::inventedCard(4);
    renshe::testing::seed(env.staff(), person);
    ASSERT_TRUE(renshe::testing::activate(env.touch(), person, kPassword).ok());
    // 50 reports a turn (one per core): more than a 400 ms deadline lets through even with a
    // hash of 8 ms, the floor of 19 MiB read and written twice.
    const int reportCount =
        50 * static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
    std::vector<ReportTemporaryLossRequest> reports;
    for (int i = 0; i < reportCount; ++i)
        reports.push_back(reportFor(person, newRequestId()));
    const auto touch = env.touch();
    std::atomic<int> gaveUp{0}, other{0};
    std::vector<std::thread> threads;
    for (const auto& report : reports) {
        threads.emplace_back([&, r = &report] {
            ReportTemporaryLossResponse resp;
            const auto o = call(*touch.card, &Card::ReportTemporaryLoss, *r, &resp,
                                std::chrono::milliseconds(400));
            if (o.code == grpc::StatusCode::DEADLINE_EXCEEDED)
                ++gaveUp;
            else if (!o.ok())
                ++other;
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(other.load(), 0);
    EXPECT_GE(gaveUp.load(), 1);
    std::vector<renshe::testing::MetricSample> m;
    const auto value = [&](const char* name) {
        const auto* s = renshe::testing::findMetric(m, name, {});
        return s ? s->value : -1;
    };
    // The back office reaches each call in its own time, after the callers have gone (gRPC
    // drops some that expired before a handler took them): wait until the calls it handled
    // stop growing and none waits for a turn.
    const auto handled = [&] {
        double n = 0;
        for (const auto& sample : m)
            if (sample.name == "renshe_rpc_total" && sample.labels.count("method") != 0 &&
                sample.labels.at("method") == "card.report_temporary_loss")
                n += sample.value;
        return n;
    };
    std::array<double, 3> last{-1, -1, -1};
    int still = 0;
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] {
            m = env.backoffice().scrapeMetrics();
            const std::array<double, 3> now{handled(),
                                            value("renshe_password_hashes_abandoned_total"),
                                            value("renshe_password_hash_wait_seconds_count")};
            still = now == last && value("renshe_password_hashes_waiting") == 0 ? still + 1 : 0;
            last = now;
            return still >= 100;  // about two seconds unchanged
        },
        std::chrono::seconds(60)));
    const double abandoned = value("renshe_password_hashes_abandoned_total");
    const double hashed = value("renshe_password_hash_wait_seconds_count");
    std::cout << reportCount << " reports with a 400 ms deadline: " << gaveUp << " gave up, "
              << handled() << " handled; " << abandoned << " checks abandoned, " << hashed
              << " hashes (1 the activation's)\n";
    // Each report handled had its check's turn or abandoned it, and some were abandoned.
    EXPECT_GE(abandoned, 1);
    EXPECT_EQ(abandoned + hashed, 1 + handled());

    // Every report retried with its request id (8 at a time): served, one loss.
    std::mutex m2;
    std::set<std::string> numbers;
    std::atomic<std::size_t> next{0};
    std::atomic<int> served{0};
    threads.clear();
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (std::size_t i; (i = next++) < reports.size();) {
                ReportTemporaryLossResponse resp;
                if (!call(*touch.card, &Card::ReportTemporaryLoss, reports[i], &resp).ok() ||
                    resp.card().status() != CARD_STATUS_TEMP_LOST)
                    continue;
                ++served;
                const std::lock_guard lock(m2);
                numbers.insert(resp.card().loss_report().report_number());
            }
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(served.load(), reportCount);
    EXPECT_EQ(numbers.size(), 1u) << "one loss, one report number";
}

TEST(ScaleOut, TwoReplicasOnOnePostgresApplyEachReportOnce) {
    BackofficeEnv env(StoreKind::Postgres, {"--limit-terminal-lookups", "100000/3600"});
    BackofficeProcess second(env.pki(), {"--database", env.database(), "--keystore",
                                         env.backoffice().keystorePath().string(),
                                         "--limit-terminal-lookups", "100000/3600"});
    const auto people = seedPeople(env.staff(), env.touch());

    auto replicaClients = [&](BackofficeProcess& b) {
        return CardService::NewStub(renshe::services::client::makeChannel(env.pki().endpoint(
            b.target(), env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion))));
    };
    // Each report goes to both replicas at the same time with the same request id (a retry
    // racing the original through the load balancer), from 8 threads.
    std::vector<std::string> requestIds;
    for (int i = 0; i < kPeople; ++i)
        requestIds.push_back(newRequestId());
    std::mutex m;
    std::map<int, std::string> numbers;
    std::atomic<int> mismatches{0}, errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            auto a = replicaClients(env.backoffice());
            auto b = replicaClients(second);
            for (int i = t; i < kPeople; i += 8) {
                ReportTemporaryLossResponse ra, rb;
                renshe::testing::Outcome oa, ob;
                std::thread other([&] {
                    ob = call(*b, &Card::ReportTemporaryLoss, reportFor(people[i], requestIds[i]),
                              &rb);
                });
                oa = call(*a, &Card::ReportTemporaryLoss, reportFor(people[i], requestIds[i]), &ra);
                other.join();
                if (!oa.ok() || !ob.ok()) {
                    ++errors;
                    continue;
                }
                if (ra.card().loss_report().report_number() !=
                    rb.card().loss_report().report_number())
                    ++mismatches;
                std::lock_guard lock(m);
                numbers[i] = ra.card().loss_report().report_number();
            }
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(errors.load(), 0);
    EXPECT_EQ(mismatches.load(), 0);
    expectExactlyOnce(env.staff(), people, numbers);
}

// Two replicas on one PostgreSQL behind haproxy (TCP mode: mutual TLS ends at the back office,
// which needs the terminal's certificate), a fleet of terminals heartbeating and querying
// through it, and terminals reporting losses with the kiosk's rule (a transient failure is
// retried with the same request id). One replica is killed with SIGKILL mid-run: every report
// is acknowledged in the end, each applied exactly once; the fleet's calls fail only while
// their connections move (UNAVAILABLE), and keep succeeding after.
TEST(ScaleOut, BehindHaproxyAReplicaKilledMidRunLosesNothing) {
    if (!std::filesystem::exists("/usr/sbin/haproxy"))
        GTEST_SKIP() << "haproxy is not installed";
    BackofficeEnv env(StoreKind::Postgres, {"--limit-terminal-lookups", "1000000/3600"});
    BackofficeProcess second(env.pki(), {"--database", env.database(), "--keystore",
                                         env.backoffice().keystorePath().string(),
                                         "--limit-terminal-lookups", "1000000/3600"});
    const auto people = seedPeople(env.staff(), env.touch());
    renshe::testing::TempDir dir("renshe-haproxy");
    const int port = renshe::testing::freeTcpPortPair();
    const auto haproxy =
        startHaproxy(dir.path(), port, {env.backoffice().target(), second.target()});
    const std::string balanced = "localhost:" + std::to_string(port);

    // The fleet, through haproxy.
    auto fo = stormFleet(env, balanced, second.staffTarget());  // `second` is not killed
    fo.seconds = 16;
    std::ostringstream fleetLog;
    renshe::bench::FleetLoadResult fleet;
    std::atomic<bool> fleetSteady{false};
    std::thread fleetThread([&] {
        fleet = renshe::bench::runFleetLoad(fo, fleetLog);
        fleetSteady = true;
    });

    // The reports, through haproxy, retried like the kiosk's outbox does.
    ReportStorm storm(env, balanced, people, 4, std::chrono::milliseconds(700),
                      std::chrono::seconds(60));
    // Mid-run: half of the reports in (about 9 s), the fleet in its steady state.
    ASSERT_TRUE(renshe::testing::waitUntil([&] { return storm.acked() >= kPeople / 2; },
                                           std::chrono::seconds(90)));
    env.backoffice().kill9();
    const int ackedAtKill = storm.acked();
    storm.join();
    fleetThread.join();
    std::cout << fleetLog.str();
    renshe::bench::printFleetLoad(fo, fleet, std::cout);
    std::cout << "[ haproxy ] reports acknowledged " << storm.acked() << "/" << kPeople << " ("
              << ackedAtKill << " before the kill), " << storm.retries() << " retries" << std::endl;

    EXPECT_LT(ackedAtKill, kPeople) << "the kill came too late to test anything";
    EXPECT_EQ(storm.givenUp(), 0);
    EXPECT_EQ(storm.acked(), kPeople);
    // Every report there once, with the number its terminal was told (asked of the survivor).
    auto survivor = renshe::services::client::makeChannel(env.pki().endpoint(
        second.staffTarget(), env.pki().staff("S-0001", BackofficeEnv::kRegion)));
    const renshe::testing::Clients staff{CardService::NewStub(survivor),
                                         AdminService::NewStub(survivor)};
    expectExactlyOnce(staff, people, storm.numbers());
    // The fleet kept working through the failover: only connection-level failures, and far
    // fewer than the calls that went through.
    for (const auto* rpc : {&fleet.steady.heartbeat, &fleet.steady.status}) {
        EXPECT_GT(rpc->ok, 0);
        long failed = 0;
        for (const auto& [code, n] : rpc->failed) {
            EXPECT_TRUE(code == "UNAVAILABLE" || code == "INTERNAL") << code << " x" << n;
            failed += n;
        }
        EXPECT_LT(failed * 10, rpc->ok);
    }
}

}  // namespace
