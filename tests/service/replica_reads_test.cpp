// Reads that may be a little stale (job search, guides, insurance records, display media) go
// to a hot standby (--database-replica) while it is at most --replica-max-lag-seconds behind
// the primary, measured from the primary's WAL position; beyond that, to the primary. What the
// standby refuses because it has not replayed a row yet, the primary decides again. A real
// primary and a real streaming standby (pg_basebackup), the standby's replay paused to make
// it fall behind.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <string>
#include <thread>

#include "renshe/v1/content.grpc.pb.h"
#include "renshe/v1/guides.grpc.pb.h"
#include "renshe/v1/records.grpc.pb.h"
#include "tests/fixtures/postgres.hpp"
#include "tests/fixtures/prometheus_text.hpp"
#include "tests/service/backoffice_env.hpp"
#include "tests/service/sample_guide.hpp"

namespace {

using namespace renshe::testing;
using namespace renshe::v1;
using namespace std::chrono_literals;
using Guides = GuideService::Stub;
using Records = RecordsService::Stub;
using Content = ContentService::Stub;
using Clock = std::chrono::steady_clock;

constexpr int kMaxLagSeconds = 3;

// One statement on `conninfo`; its first value. Fails the test when it cannot.
std::string sql(const std::string& conninfo, const std::string& statement) {
    PGconn* c = PQconnectdb(conninfo.c_str());
    std::string value;
    if (PQstatus(c) == CONNECTION_OK) {
        PGresult* r = PQexec(c, statement.c_str());
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
            value = PQgetvalue(r, 0, 0);
        else
            ADD_FAILURE() << statement << ": " << PQerrorMessage(c);
        PQclear(r);
    } else {
        ADD_FAILURE() << "cannot connect: " << PQerrorMessage(c);
    }
    PQfinish(c);
    return value;
}

double servedBy(const BackofficeProcess& backoffice, const std::string& where) {
    const auto samples = backoffice.scrapeMetrics();
    const auto* s = findMetric(samples, "renshe_replica_reads_total", {{"served_by", where}});
    return s ? s->value : -1;
}

// renshe_replica_lag_seconds now; NaN (no comparison holds) when it is not served.
double lagGauge(const BackofficeProcess& backoffice) {
    const auto samples = backoffice.scrapeMetrics();
    const auto* s = findMetric(samples, "renshe_replica_lag_seconds");
    return s ? s->value : std::nan("");
}

// The catalogue version a touch terminal is shown now; -1 when the call fails (or takes longer
// than `deadline`).
long long shownVersion(Guides& touch, std::chrono::milliseconds deadline = 10s) {
    ListGuidesRequest list;
    ListGuidesResponse resp;
    return call(touch, &Guides::ListGuides, list, &resp, deadline).ok() ? resp.catalogue_version()
                                                                        : -1;
}

// A frozen server thawed when the test ends, before the back office stops: its reads end.
struct ThawAtEnd {
    PrivatePostgres& server;
    ~ThawAtEnd() { server.thaw(); }
};

// A private primary, a streaming standby of it, and a back office that sends the stale-tolerant
// reads to the standby while it is at most kMaxLagSeconds behind; the province's staff and a
// touch terminal to call it.
struct PrimaryAndStandby {
    PrivatePostgres primary;
    const std::string database = primary.createDatabase("renshe");
    const std::unique_ptr<PrivatePostgres> standby = primary.standby();
    const std::string standbyDatabase = standby->connectionString("renshe");
    BackofficeEnv env{
        StoreKind::Sqlite,
        {"--database", "postgres:" + database, "--database-replica", "postgres:" + standbyDatabase,
         "--replica-max-lag-seconds", std::to_string(kMaxLagSeconds), "@metrics"}};
    BackofficeProcess& backoffice = env.backoffice();
    const std::unique_ptr<Guides> province =
        GuideService::NewStub(renshe::services::client::makeChannel(
            env.pki().endpoint(backoffice.staffTarget(), env.provinceStaffFiles())));
    const std::shared_ptr<grpc::Channel> touchChannel =
        renshe::services::client::makeChannel(env.pki().endpoint(
            backoffice.target(), env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion)));
    const std::unique_ptr<Guides> touch = GuideService::NewStub(touchChannel);

    // Imports the first catalogue; true once the standby has streamed it in and served it.
    bool firstCatalogueFromTheStandby() {
        ImportGuidesRequest first;
        first.set_request_id(newRequestId());
        *first.add_guides() = sampleGuide("G-CARD-LOSS", "社会保障卡挂失");
        ImportGuidesResponse imported;
        if (!call(*province, &Guides::ImportGuides, first, &imported).ok() ||
            imported.catalogue_version() != 1) {
            ADD_FAILURE() << "the first catalogue was not imported";
            return false;
        }
        const double fromStandbyBefore = servedBy(backoffice, "replica");
        EXPECT_GE(fromStandbyBefore, 0) << "no renshe_replica_reads_total";
        return waitUntil(
            [&] {
                return shownVersion(*touch) == 1 &&
                       servedBy(backoffice, "replica") > fromStandbyBefore;
            },
            15s);
    }
};

TEST(ReplicaReads, AStandbyWithinItsLagBoundServesThenThePrimaryOnceItFallsFurtherBehind) {
    PrimaryAndStandby setup;
    auto& backoffice = setup.backoffice;
    auto& touch = setup.touch;
    auto& standbyDatabase = setup.standbyDatabase;
    const auto touchRecords = RecordsService::NewStub(setup.touchChannel);
    const auto touchContent = ContentService::NewStub(setup.touchChannel);
    // The first catalogue: the standby streams it in and, once measured, serves it.
    ASSERT_TRUE(setup.firstCatalogueFromTheStandby()) << "the standby never served the guides";
    EXPECT_GE(lagGauge(backoffice), 0) << "a streaming standby's lag not known";
    EXPECT_LE(lagGauge(backoffice), kMaxLagSeconds);

    // The standby stops replaying: everything written from now on is missing there.
    sql(standbyDatabase, "SELECT pg_wal_replay_pause()");
    ImportGuidesRequest second;
    second.set_request_id(newRequestId());
    *second.add_guides() = sampleGuide("G-CARD-LOSS", "社会保障卡挂失（新）");
    *second.add_guides() = sampleGuide("G-CARD-PIN", "社会保障卡密码重置");
    ImportGuidesResponse imported;
    ASSERT_TRUE(call(*setup.province, &Guides::ImportGuides, second, &imported).ok());
    const auto acknowledged = Clock::now();
    ASSERT_EQ(imported.catalogue_version(), 2);

    // Within the bound the standby still answers, a little stale...
    const double staleBefore = servedBy(backoffice, "replica");
    EXPECT_EQ(shownVersion(*touch), 1) << "not the standby's (stale) catalogue";
    EXPECT_GT(servedBy(backoffice, "replica"), staleBefore);
    // ...and what it does not have yet, it does not refuse: the primary finds it.
    const double rechecksBefore = servedBy(backoffice, "primary_recheck");
    GetGuideRequest newGuide;
    newGuide.set_id("G-CARD-PIN");
    GetGuideResponse found;
    const auto got = call(*touch, &Guides::GetGuide, newGuide, &found);
    ASSERT_TRUE(got.ok()) << got;
    EXPECT_EQ(found.guide().title(), "社会保障卡密码重置");
    EXPECT_EQ(servedBy(backoffice, "primary_recheck"), rechecksBefore + 1);
    // A terminal already shown the new catalogue is not sent back to the old one.
    ListGuidesRequest cached;
    cached.set_if_none_match_version(2);
    ListGuidesResponse unchanged;
    ASSERT_TRUE(call(*touch, &Guides::ListGuides, cached, &unchanged).ok());
    EXPECT_TRUE(unchanged.not_modified());
    EXPECT_EQ(unchanged.catalogue_version(), 2);
    EXPECT_EQ(servedBy(backoffice, "primary_recheck"), rechecksBefore + 2);
    // Insurance records and display media take the same way: the standby first, and what it
    // refuses (an ID number from a touch terminal: staff only; an image it does not hold) the
    // primary refuses again.
    GetInsuranceSummaryRequest records;
    records.mutable_subject()->set_ssn("11010519491231002X");
    GetInsuranceSummaryResponse summary;
    EXPECT_EQ(call(*touchRecords, &Records::GetInsuranceSummary, records, &summary).refusal,
              "REFUSAL_REASON_STAFF_ONLY");
    EXPECT_EQ(servedBy(backoffice, "primary_recheck"), rechecksBefore + 3);
    GetMediaRequest media;
    media.set_sha256(std::string(64, 'a'));
    GetMediaResponse image;
    EXPECT_EQ(call(*touchContent, &Content::GetMedia, media, &image).code,
              grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(servedBy(backoffice, "primary_recheck"), rechecksBefore + 4);
    const auto staleFor = Clock::now() - acknowledged;

    // Past the bound the primary answers, with what was acknowledged.
    const double laggingBefore = servedBy(backoffice, "primary_lagging");
    ASSERT_TRUE(waitUntil([&] { return shownVersion(*touch) == 2; }, 15s))
        << "the lagging standby kept answering";
    const auto primaryAfter = Clock::now() - acknowledged;
    EXPECT_GT(servedBy(backoffice, "primary_lagging"), laggingBefore);
    // The reads move when a read finds the bound passed; the gauge, set by the next sample,
    // follows within an interval (200 ms).
    EXPECT_TRUE(waitUntil([&] { return lagGauge(backoffice) > kMaxLagSeconds; }, 5s))
        << "the lag gauge says " << lagGauge(backoffice);
    // The lag counts from the last sample the standby had replayed: up to an interval (200 ms)
    // before the import began, earlier if the primary wrote WAL of its own meanwhile, and the
    // import itself takes a while on a loaded machine; a second of slack.
    EXPECT_GE(primaryAfter, std::chrono::seconds(kMaxLagSeconds) - 1s);
    EXPECT_LT(primaryAfter, std::chrono::seconds(kMaxLagSeconds) + 5s);

    // Replaying again, it catches up and serves once more.
    sql(standbyDatabase, "SELECT pg_wal_replay_resume()");
    const double caughtUpBefore = servedBy(backoffice, "replica");
    ASSERT_TRUE(waitUntil(
        [&] {
            return shownVersion(*touch) == 2 && servedBy(backoffice, "replica") > caughtUpBefore;
        },
        15s))
        << "the standby never served again after catching up";
    std::cout << "[ replica ] stale answers for "
              << std::chrono::duration_cast<std::chrono::milliseconds>(staleFor).count()
              << " ms after the write; the primary from "
              << std::chrono::duration_cast<std::chrono::milliseconds>(primaryAfter).count()
              << " ms (bound " << kMaxLagSeconds << " s)" << std::endl;
}

// A standby that stops answering with its connections left open (its processes stopped, as
// behind a network that drops packets) leaves the lag sampler waiting on it. The reads that
// may be stale go back to the primary once the bound has passed since the standby last showed
// what it held, rather than waiting on it for as long as it hangs.
TEST(ReplicaReads, AStandbyThatStopsAnsweringIsLeftToThePrimaryOnceItsBoundHasPassed) {
    PrimaryAndStandby setup;
    auto& backoffice = setup.backoffice;
    auto& touch = setup.touch;
    const auto& standby = setup.standby;
    ASSERT_TRUE(setup.firstCatalogueFromTheStandby()) << "the standby never served the guides";

    const ThawAtEnd thawAtEnd{*standby};
    standby->freeze();
    const auto frozen = Clock::now();
    // No read is sent meanwhile (one would be cut off after the replica's answer limit and
    // answered by the primary: AReadSentToAStandbyThatStopsAnsweringIsAnsweredByThePrimary).
    // Once the bound has passed, the first read is the primary's by the lag's verdict.
    const double laggingBefore = servedBy(backoffice, "primary_lagging");
    std::this_thread::sleep_until(frozen + std::chrono::seconds(kMaxLagSeconds) + 500ms);
    // A short call: one the back office sends to the hung standby never answers.
    EXPECT_EQ(shownVersion(*touch, 3s), 1) << "the read waited on the hung standby";
    EXPECT_EQ(servedBy(backoffice, "primary_lagging"), laggingBefore + 1);
    // What is written meanwhile is shown at once: the primary serves.
    ImportGuidesRequest second;
    second.set_request_id(newRequestId());
    *second.add_guides() = sampleGuide("G-CARD-PIN", "社会保障卡密码重置");
    ImportGuidesResponse imported;
    ASSERT_TRUE(call(*setup.province, &Guides::ImportGuides, second, &imported).ok());
    EXPECT_EQ(shownVersion(*touch, 5s), 2);

    // Answering again, it serves again.
    standby->thaw();
    const double thawedBefore = servedBy(backoffice, "replica");
    EXPECT_TRUE(waitUntil(
        [&] {
            return shownVersion(*touch, 5s) == 2 && servedBy(backoffice, "replica") > thawedBefore;
        },
        20s))
        << "the standby never served again after it answered again";
}

// A read sent to the standby as it stops answering (connections left open) is not left
// waiting on it: past the replica's answer limit (1 s) its connection is cut and the primary
// answers, within a short call's deadline and before the lag bound has passed. The reads after
// it are answered too, until the bound sends them all to the primary: none holds a pooled
// connection on the hung standby.
TEST(ReplicaReads, AReadSentToAStandbyThatStopsAnsweringIsAnsweredByThePrimary) {
    PrimaryAndStandby setup;
    auto& backoffice = setup.backoffice;
    auto& touch = setup.touch;
    const auto& standby = setup.standby;
    ASSERT_TRUE(setup.firstCatalogueFromTheStandby()) << "the standby never served the guides";

    const ThawAtEnd thawAtEnd{*standby};
    const double fallbackBefore = servedBy(backoffice, "primary_fallback");
    standby->freeze();
    const auto frozen = Clock::now();
    EXPECT_EQ(shownVersion(*touch, 2500ms), 1) << "the read waited on the hung standby";
    EXPECT_LT(Clock::now() - frozen, std::chrono::seconds(kMaxLagSeconds))
        << "answered only once the lag bound had passed";
    EXPECT_GE(servedBy(backoffice, "primary_fallback"), fallbackBefore + 1)
        << "the primary answered a read the standby did not";
    int reads = 1;
    while (Clock::now() < frozen + std::chrono::seconds(kMaxLagSeconds) + 1s) {
        // A read on a connection the watch cut reconnects first (1 s at most, then the primary).
        EXPECT_EQ(shownVersion(*touch, 2500ms), 1) << "read " << reads << " waited on the standby";
        ++reads;
    }
    EXPECT_GE(reads, 2);
}

}  // namespace
