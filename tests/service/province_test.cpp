// The province's layout (deploy/PROVINCE-SCALE.md) under failure: a Patroni-managed PostgreSQL
// (three etcd members, a primary, a synchronous standby with synchronous_commit=on, a replica;
// haproxy routing to the primary by Patroni's REST check), two back-office replicas behind a
// second haproxy, 400 terminals heartbeating and asking card status through it, and loss
// reports from four terminals with the kiosk's retry rule (a transient failure retried with the
// same request id). Mid-run the asynchronous database replica is SIGKILLed (and restarted), then
// the database primary, then one back-office replica. Patroni promotes the synchronous standby, the
// back office reconnects by itself (the broken connection is UNAVAILABLE to the terminal, which
// retries), and every acknowledged report is there exactly once with the number its terminal
// was told. The write unavailability is measured and printed.
#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <sstream>
#include <thread>

#include "tests/bench/fleet_load.hpp"
#include "tests/fixtures/net.hpp"
#include "tests/fixtures/patroni.hpp"
#include "tests/service/backoffice_env.hpp"
#include "tests/service/loss_storm.hpp"

namespace {

using namespace std::chrono_literals;
using namespace renshe::testing::storm;
using renshe::testing::BackofficeEnv;
using renshe::testing::BackofficeProcess;
using renshe::testing::PatroniCluster;
using renshe::testing::StoreKind;

long failedCalls(const renshe::bench::RpcFigures& rpc) {
    long failed = 0;
    for (const auto& [code, n] : rpc.failed) {
        EXPECT_TRUE(code == "UNAVAILABLE" || code == "INTERNAL") << code << " x" << n;
        failed += n;
    }
    return failed;
}

TEST(Province, PrimaryKilledMidStormLosesNothing) {
    if (!PatroniCluster::available())
        GTEST_SKIP() << "patroni, etcd or haproxy is not installed";
    const auto started = std::chrono::steady_clock::now();
    PatroniCluster db;
    const auto formed = std::chrono::steady_clock::now() - started;
    const std::string database = "postgres:" + db.connectionString();
    BackofficeEnv env(StoreKind::Sqlite,
                      {"--database", database, "--limit-terminal-lookups", "1000000/3600"});
    BackofficeProcess second(
        env.pki(), {"--database", database, "--keystore", env.backoffice().keystorePath().string(),
                    "--limit-terminal-lookups", "1000000/3600"});
    const auto people = seedPeople(env.staff(), env.touch());
    renshe::testing::TempDir dir("renshe-province");
    const int port = renshe::testing::freeTcpPortPair();
    const auto haproxy =
        startHaproxy(dir.path(), port, {env.backoffice().target(), second.target()});
    const std::string balanced = "localhost:" + std::to_string(port);

    // The fleet, through haproxy, until the reports are done.
    renshe::bench::FleetLoadOptions fo;
    fo.target = balanced;
    fo.staffTarget = second.staffTarget();  // the back-office replica that is not killed
    fo.caCertificatePem = env.pki().ca().certificatePem();
    fo.caPrivateKeyPem = env.pki().ca().privateKeyPem();
    fo.terminals = 400;
    fo.intervalSeconds = 4;
    fo.statusRate = 20;
    fo.cards = 40;
    std::atomic<bool> stopFleet{false}, fleetSteady{false};
    fo.stop = &stopFleet;
    fo.onSteady = [&] { fleetSteady = true; };
    std::ostringstream fleetLog;
    renshe::bench::FleetLoadResult fleet;
    std::thread fleetThread([&] { fleet = renshe::bench::runFleetLoad(fo, fleetLog); });
    ASSERT_TRUE(renshe::testing::waitUntil([&] { return fleetSteady.load(); }, 120s))
        << fleetLog.str();

    ReportStorm storm(env, balanced, people, 4, 500ms, 90s);
    // A sixth of the reports in: the replica that is not synchronous goes (writes go on: the
    // synchronous standby has them), and comes back.
    ASSERT_TRUE(renshe::testing::waitUntil([&] { return storm.acked() >= kPeople / 6; }, 90s));
    std::string standby = db.synchronousStandby();
    std::string async;
    for (const auto& r : db.replicas())
        if (r != standby)
            async = r;
    ASSERT_FALSE(async.empty()) << db.logs();
    const int ackedAtReplicaKill = storm.acked();
    db.kill(async);
    ASSERT_TRUE(
        renshe::testing::waitUntil([&] { return storm.acked() >= ackedAtReplicaKill + 4; }, 30s))
        << "writes stopped when a replica that is not synchronous went";
    db.restart(async);
    ASSERT_TRUE(db.waitForReplicas(2, 60s)) << db.logs();
    // A third in: the database primary goes.
    ASSERT_TRUE(renshe::testing::waitUntil([&] { return storm.acked() >= kPeople / 3; }, 90s));
    standby = db.synchronousStandby();
    const std::string oldPrimary = db.primary();
    ASSERT_FALSE(oldPrimary.empty());
    const auto killedAt = std::chrono::steady_clock::now();
    const int ackedAtKill = storm.acked();
    db.kill(oldPrimary);
    const auto newPrimary = db.waitForNewPrimary(oldPrimary, 60s);
    ASSERT_TRUE(newPrimary.has_value()) << db.logs();
    const auto promoted = std::chrono::steady_clock::now() - killedAt;
    EXPECT_EQ(*newPrimary, standby) << "Patroni promotes the synchronous standby";
    // Two thirds in: a back-office replica goes too.
    ASSERT_TRUE(renshe::testing::waitUntil([&] { return storm.acked() >= 2 * kPeople / 3; }, 120s));
    env.backoffice().kill9();
    storm.join();
    std::this_thread::sleep_for(5s);  // the fleet on the new primary a while longer
    stopFleet = true;
    fleetThread.join();

    const auto unavailable = storm.firstAckAfter(killedAt);
    const auto ms = [](auto d) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
    };
    std::cout << fleetLog.str();
    renshe::bench::printFleetLoad(fo, fleet, std::cout);
    std::cout << "[ province ] cluster formed in " << ms(formed) << " ms; replica " << async
              << " killed with " << ackedAtReplicaKill << "/" << kPeople
              << " reports in (writes went on) and restarted; primary " << oldPrimary
              << " killed with " << ackedAtKill << "/" << kPeople << " reports in; " << *newPrimary
              << " promoted after " << ms(promoted) << " ms; writes unavailable for "
              << (unavailable ? std::to_string(unavailable->count()) + " ms" : "ever")
              << "; the longest a report waited " << storm.longestWait().count() << " ms; "
              << storm.retries() << " retries; " << storm.acked() << "/" << kPeople
              << " acknowledged" << std::endl;

    EXPECT_LT(ackedAtKill, kPeople) << "the kill came too late to test anything";
    EXPECT_EQ(storm.givenUp(), 0);
    EXPECT_EQ(storm.acked(), kPeople);
    ASSERT_TRUE(unavailable.has_value());
    EXPECT_LE(unavailable->count(), 30'000) << "writes unavailable for longer than 30 s";
    // Every report there once, with the number its terminal was told (asked of the survivor,
    // on the new primary).
    auto survivor = renshe::services::client::makeChannel(env.pki().endpoint(
        second.staffTarget(), env.pki().staff("S-0001", BackofficeEnv::kRegion)));
    const renshe::testing::Clients staff{renshe::v1::CardService::NewStub(survivor),
                                         renshe::v1::AdminService::NewStub(survivor)};
    expectExactlyOnce(staff, people, storm.numbers());
    // The fleet kept working around the failover: it failed only with connection-level codes
    // while the database moved, and most of its calls went through.
    for (const auto* rpc : {&fleet.steady.heartbeat, &fleet.steady.status}) {
        EXPECT_GT(rpc->ok, 0);
        EXPECT_LT(failedCalls(*rpc), rpc->ok);
    }
}

}  // namespace
