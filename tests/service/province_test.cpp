// The province's layout (deploy/PROVINCE-SCALE.md) under failure: a Patroni-managed PostgreSQL
// (three etcd members, a primary, a synchronous standby with synchronous_commit=on, a replica;
// haproxy routing to the primary by Patroni's REST check), two back-office replicas behind a
// second haproxy, 400 terminals heartbeating and asking card status through it, and loss
// reports from four terminals with the kiosk's retry rule (a transient failure retried with the
// same request id). Mid-run the asynchronous database replica is SIGKILLed (and restarted), then
// the database primary, then one back-office replica. Patroni promotes the synchronous standby, the
// back office reconnects by itself (the broken connection is UNAVAILABLE to the terminal, which
// retries), and every acknowledged report is there exactly once with the number its terminal
// was told. Job searches go to the database replicas (--database-replica) and keep answering
// while writes cannot. The write unavailability and the replica's lag are measured and printed.
#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <sstream>
#include <thread>

#include "renshe/v1/jobs.grpc.pb.h"
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
using namespace renshe::v1;

long failedCalls(const renshe::bench::RpcFigures& rpc) {
    long failed = 0;
    for (const auto& [code, n] : rpc.failed) {
        EXPECT_TRUE(code == "UNAVAILABLE" || code == "INTERNAL") << code << " x" << n;
        failed += n;
    }
    return failed;
}

// Staff clients on `backoffice`'s staff port.
renshe::testing::Clients staffOn(const BackofficeEnv& env, BackofficeProcess& backoffice) {
    auto channel = renshe::services::client::makeChannel(env.pki().endpoint(
        backoffice.staffTarget(), env.pki().staff("S-0001", BackofficeEnv::kRegion)));
    return {CardService::NewStub(channel), AdminService::NewStub(channel)};
}

// The fleet kept working around the failover: it failed only with connection-level codes while
// the database moved, and most of its calls went through.
void expectTheFleetKeptWorking(const renshe::bench::FleetLoadResult& fleet) {
    for (const auto* rpc : {&fleet.steady.heartbeat, &fleet.steady.status}) {
        EXPECT_GT(rpc->ok, 0);
        EXPECT_LT(failedCalls(*rpc), rpc->ok);
    }
}

// Imports postings through the staff port (to the primary) and searches for a new one through
// the terminal port (the read replica) until it is found; how long that took.
std::optional<std::chrono::milliseconds> importJobsAndWaitForTheReplica(BackofficeEnv& env) {
    auto jobs = JobService::NewStub(renshe::services::client::makeChannel(env.pki().endpoint(
        env.backoffice().staffTarget(), env.pki().staff("S-0001", BackofficeEnv::kRegion))));
    ImportJobsRequest imp;
    imp.set_request_id(renshe::testing::newRequestId());
    imp.set_csv(
        "title,employer,region,salary_min,salary_max,expires_at\n"
        "货车司机,顺达物流,371302101,6000,9000,2030-12-31\n"
        "电焊工,兰山机械厂,371302101,5000,8000,2030-12-31\n");
    ImportJobsResponse imported;
    const auto started = std::chrono::steady_clock::now();
    EXPECT_TRUE(renshe::testing::call(*jobs, &JobService::Stub::ImportJobs, imp, &imported).ok());
    auto terminal = JobService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().target(), env.pki().touchTerminal())));
    SearchJobsRequest search;
    search.set_keyword("电焊");
    SearchJobsResponse found;
    const bool seen = renshe::testing::waitUntil(
        [&] {
            return renshe::testing::call(*terminal, &JobService::Stub::SearchJobs, search, &found)
                       .ok() &&
                   found.jobs_size() == 1;
        },
        10s);
    if (!seen)
        return std::nullopt;
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 started);
}

// A touch terminal searching jobs through `target` every 100 ms until stop(); searches that
// succeed while loss reports cannot be written are the replicas serving.
class JobSearches {
public:
    struct Figures {
        int ok = 0, failed = 0, okWhileWritesDown = 0;
    };
    JobSearches(const BackofficeEnv& env, const std::string& target)
        : m_jobs(JobService::NewStub(renshe::services::client::makeChannel(env.pki().endpoint(
              target, env.pki().touchTerminal("T-371302-009", BackofficeEnv::kRegion))))),
          m_thread([this] { run(); }) {}
    ~JobSearches() { stop(); }
    // Writes are failing (the primary was killed) until writesBack().
    void writesDown() { m_writesDown = true; }
    void writesBack() { m_writesDown = false; }
    Figures stop() {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        return m_figures;
    }

private:
    void run() {
        while (!m_stop) {
            SearchJobsRequest r;
            r.set_keyword("司机");
            SearchJobsResponse resp;
            const auto o = renshe::testing::call(*m_jobs, &JobService::Stub::SearchJobs, r, &resp);
            if (o.ok() && resp.jobs_size() == 1) {
                ++m_figures.ok;
                m_figures.okWhileWritesDown += m_writesDown ? 1 : 0;
            } else {
                ++m_figures.failed;
            }
            std::this_thread::sleep_for(100ms);
        }
    }
    std::unique_ptr<JobService::Stub> m_jobs;
    std::atomic<bool> m_stop{false}, m_writesDown{false};
    Figures m_figures;
    std::thread m_thread;
};

TEST(Province, PrimaryKilledMidStormLosesNothing) {
    if (!PatroniCluster::available())
        GTEST_SKIP() << "patroni, etcd or haproxy is not installed";
    const auto started = std::chrono::steady_clock::now();
    PatroniCluster db;
    const auto formed = std::chrono::steady_clock::now() - started;
    const std::string database = "postgres:" + db.connectionString();
    const std::string replica = "postgres:" + db.replicaConnectionString();
    BackofficeEnv env(StoreKind::Sqlite, {"--database", database, "--database-replica", replica,
                                          "--limit-terminal-lookups", "1000000/3600"});
    BackofficeProcess second(env.pki(), {"--database", database, "--database-replica", replica,
                                         "--keystore", env.backoffice().keystorePath().string(),
                                         "--limit-terminal-lookups", "1000000/3600"});
    const auto people = seedPeople(env.staff(), env.touch());
    // Postings for the job searches that go to the replicas; how late a replica is, measured by
    // how long a new posting takes to be found there.
    const auto replicaLag = importJobsAndWaitForTheReplica(env);
    ASSERT_TRUE(replicaLag.has_value()) << "the posting never reached the replica";
    renshe::testing::TempDir dir("renshe-province");
    const int port = renshe::testing::freeTcpPortPair();
    const auto haproxy =
        startHaproxy(dir.path(), port, {env.backoffice().target(), second.target()});
    const std::string balanced = "localhost:" + std::to_string(port);

    // The fleet, through haproxy, until the reports are done.
    auto fo = stormFleet(env, balanced, second.staffTarget());  // `second` is not killed
    std::atomic<bool> stopFleet{false}, fleetSteady{false};
    fo.stop = &stopFleet;
    fo.onSteady = [&] { fleetSteady = true; };
    std::ostringstream fleetLog;
    renshe::bench::FleetLoadResult fleet;
    std::thread fleetThread([&] { fleet = renshe::bench::runFleetLoad(fo, fleetLog); });
    ASSERT_TRUE(renshe::testing::waitUntil([&] { return fleetSteady.load(); }, 120s))
        << fleetLog.str();

    ASSERT_TRUE(db.waitForReplicas(2, 60s)) << db.logs();  // both standbys streaming
    JobSearches searches(env, balanced);
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
    searches.writesDown();
    const auto newPrimary = db.waitForNewPrimary(oldPrimary, 60s);
    ASSERT_TRUE(newPrimary.has_value()) << db.logs();
    const auto promoted = std::chrono::steady_clock::now() - killedAt;
    EXPECT_EQ(*newPrimary, standby) << "Patroni promotes the synchronous standby";
    // Writes are back once a report first sent after the kill is acknowledged.
    ASSERT_TRUE(
        renshe::testing::waitUntil([&] { return storm.firstAckAfter(killedAt).has_value(); }, 60s));
    searches.writesBack();
    // Two thirds in: a back-office replica goes too (the searches stop counting before it).
    ASSERT_TRUE(renshe::testing::waitUntil([&] { return storm.acked() >= 2 * kPeople / 3; }, 120s));
    const auto searched = searches.stop();
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
              << " acknowledged; job searches on the replicas " << searched.ok << " ok, "
              << searched.failed << " failed (" << searched.okWhileWritesDown
              << " ok while writes were down); a new posting on the replica after "
              << replicaLag->count() << " ms" << std::endl;

    EXPECT_LT(ackedAtKill, kPeople) << "the kill came too late to test anything";
    EXPECT_EQ(storm.givenUp(), 0);
    EXPECT_EQ(storm.acked(), kPeople);
    ASSERT_TRUE(unavailable.has_value());
    EXPECT_LE(unavailable->count(), 30'000) << "writes unavailable for longer than 30 s";
    // Reads that may be a little stale kept serving while the primary was away.
    EXPECT_GT(searched.okWhileWritesDown, 0);
    EXPECT_LE(searched.failed * 20, searched.ok) << "more than 5 % of the searches failed";
    EXPECT_LT(replicaLag->count(), 2000) << "the replica lags by seconds";
    // Every report there once, with the number its terminal was told (asked of the survivor,
    // on the new primary).
    expectExactlyOnce(staffOn(env, second), people, storm.numbers());
    expectTheFleetKeptWorking(fleet);
}

}  // namespace
