// The heartbeat buffer's flush on both backends, with no back office around it: a flush of
// more rows than one SQLite statement holds (and a rest of every power of two) stores every
// column of every row as the terminal sent it (PostgreSQL sends each column as one array, so
// texts with quotes, backslashes, braces, the word NULL or nothing at all must come back as
// they were, and a heartbeat without sent_at as a NULL), and a row sent before the stored one
// is skipped until the stored one goes stale.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drivers/util/clock.hpp"
#include "services/backoffice/fleet/fleet_rules.hpp"
#include "services/backoffice/fleet/heartbeats.hpp"
#include "services/backoffice/rpc/keystore.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"
#include "services/store/store.hpp"
#include "tests/fixtures/postgres.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/backoffice_env.hpp"

using renshe::services::backoffice::Keystore;
using renshe::services::backoffice::MutationRunner;
using renshe::services::backoffice::Policy;
using renshe::services::backoffice::fleet::HeartbeatBuffer;
using renshe::services::backoffice::fleet::TerminalRow;
using renshe::services::store::Store;
using renshe::services::store::Tx;
using renshe::testing::StoreKind;

namespace {

constexpr std::int64_t kNow = 1'800'000'000'000'000;  // the server's clock, µs

// Texts a terminal may send (clean UTF-8, no control characters) that an array literal or a
// statement's text must not take for its own syntax.
const std::vector<std::string> kAwkward = {
    R"(a"b)", R"(back\slash)", "{1,2}",       "NULL", "",      "a, b", " spaced ", "it's",
    "$1",     "(0,1)",         "兰山区 终端", "😀",    R"(\")", "}{",
};

// Terminal `i`'s row: every column a value of its own, so that two columns swapped show; one
// text column carries the awkward texts bare (the word NULL, an empty string).
TerminalRow rowOf(int i) {
    const auto n = static_cast<std::int64_t>(i);
    const auto text = [&](const std::string& column) {
        return column + "-" + std::to_string(i) +
               kAwkward[static_cast<std::size_t>(i) % kAwkward.size()];
    };
    TerminalRow r;
    r.terminalId = "T-371302-" + std::to_string(1000 + i);
    r.role = 1 + n % 2;
    r.region = "371302" + std::to_string(100 + i % 20);
    r.softwareVersion = text("version");
    r.cardReader = n % 3;
    r.cardPresent = n % 2;
    r.fingerprintSensor = (n + 1) % 3;
    r.printer = (n + 2) % 4;
    r.display = (n + 3) % 3;
    r.cardReaderCount = n % 5;
    r.fingerprintDriver = text("driver");
    r.fingerprintDevice = text("device");
    r.contentRevision = 10'000 + n;
    r.uptimeSeconds = 20'000 + n;
    r.pendingOutbox = n % 7;
    r.outboxNeedsStaff = n % 2;
    r.idCardReader = (n + 1) % 2;
    r.idCardSamId = kAwkward[static_cast<std::size_t>(i) % kAwkward.size()];  // "NULL", "" bare
    if (i % 3 != 0)
        r.sentAt = kNow - 1'000'000 + n;  // every third sent without the terminal's clock
    r.lastSeen = kNow - n;
    return r;
}

// The stored row of `terminalId`, read back column by column; its first_seen in `firstSeen`.
std::optional<TerminalRow> stored(Store& store, const std::string& terminalId,
                                  std::int64_t* firstSeen = nullptr) {
    std::optional<TerminalRow> out;
    store.read([&](Tx& tx) {
        const auto row = tx.queryOne(
            "SELECT role, region, software_version, card_reader, card_present, "
            "fingerprint_sensor, printer, display, card_reader_count, fingerprint_driver, "
            "fingerprint_device, content_revision, uptime_seconds, pending_outbox, "
            "outbox_needs_staff, id_card_reader, id_card_sam_id, sent_at, last_seen, first_seen "
            "FROM terminal_status WHERE terminal_id = $1",
            {terminalId});
        if (!row)
            return;
        TerminalRow r;
        r.terminalId = terminalId;
        r.role = row->integer(0);
        r.region = row->text(1);
        r.softwareVersion = row->text(2);
        r.cardReader = row->integer(3);
        r.cardPresent = row->integer(4);
        r.fingerprintSensor = row->integer(5);
        r.printer = row->integer(6);
        r.display = row->integer(7);
        r.cardReaderCount = row->integer(8);
        r.fingerprintDriver = row->text(9);
        r.fingerprintDevice = row->text(10);
        r.contentRevision = row->integer(11);
        r.uptimeSeconds = row->integer(12);
        r.pendingOutbox = row->integer(13);
        r.outboxNeedsStaff = row->integer(14);
        r.idCardReader = row->integer(15);
        r.idCardSamId = row->text(16);
        if (!row->isNull(17))
            r.sentAt = row->integer(17);
        r.lastSeen = row->integer(18);
        if (firstSeen != nullptr)
            *firstSeen = row->integer(19);
        out = r;
    });
    return out;
}

void expectSame(const TerminalRow& got, const TerminalRow& want) {
    const auto& id = want.terminalId;
    EXPECT_EQ(got.role, want.role) << id;
    EXPECT_EQ(got.region, want.region) << id;
    EXPECT_EQ(got.softwareVersion, want.softwareVersion) << id;
    EXPECT_EQ(got.cardReader, want.cardReader) << id;
    EXPECT_EQ(got.cardPresent, want.cardPresent) << id;
    EXPECT_EQ(got.fingerprintSensor, want.fingerprintSensor) << id;
    EXPECT_EQ(got.printer, want.printer) << id;
    EXPECT_EQ(got.display, want.display) << id;
    EXPECT_EQ(got.cardReaderCount, want.cardReaderCount) << id;
    EXPECT_EQ(got.fingerprintDriver, want.fingerprintDriver) << id;
    EXPECT_EQ(got.fingerprintDevice, want.fingerprintDevice) << id;
    EXPECT_EQ(got.contentRevision, want.contentRevision) << id;
    EXPECT_EQ(got.uptimeSeconds, want.uptimeSeconds) << id;
    EXPECT_EQ(got.pendingOutbox, want.pendingOutbox) << id;
    EXPECT_EQ(got.outboxNeedsStaff, want.outboxNeedsStaff) << id;
    EXPECT_EQ(got.idCardReader, want.idCardReader) << id;
    EXPECT_EQ(got.idCardSamId, want.idCardSamId) << id;
    EXPECT_EQ(got.sentAt, want.sentAt) << id;
    EXPECT_EQ(got.lastSeen, want.lastSeen) << id;
}

class HeartbeatFlush : public ::testing::TestWithParam<StoreKind> {
protected:
    std::string url() {
        if (GetParam() == StoreKind::Sqlite)
            return "sqlite:" + (dir.path() / "fleet.db").string();
        pg = std::make_unique<renshe::testing::PrivatePostgres>();
        return "postgres:" + pg->createDatabase("fleet");
    }

    const renshe::testing::TempDir dir{"renshe-heartbeats"};
    std::unique_ptr<renshe::testing::PrivatePostgres> pg;
    std::unique_ptr<Store> store = Store::open(url());
    const Keystore keys = [this] {
        Keystore::create(dir.path() / "keys");
        return Keystore::load(dir.path() / "keys");
    }();
    renshe::util::ManualClock clock{kNow};
    MutationRunner runner{*store, keys, Policy{}, false, clock};
};

TEST_P(HeartbeatFlush, EveryColumnOfEveryRowIsStoredAsTheTerminalSentIt) {
    // On SQLite five statements of 50 rows and one each of 16, 8, 4, 2 and 1; on PostgreSQL one.
    constexpr int kTerminals = 281;
    HeartbeatBuffer buffer(runner);
    for (int i = 0; i < kTerminals; ++i)
        buffer.put(rowOf(i));
    buffer.flush();
    for (int i = 0; i < kTerminals; ++i) {
        const auto want = rowOf(i);
        std::int64_t firstSeen = 0;
        const auto got = stored(*store, want.terminalId, &firstSeen);
        ASSERT_TRUE(got) << want.terminalId << " was not stored";
        expectSame(*got, want);
        EXPECT_EQ(firstSeen, want.lastSeen) << want.terminalId << ": first seen at its only beat";
    }
    std::int64_t rows = 0;
    store->read(
        [&](Tx& tx) { rows = tx.queryOne("SELECT count(*) FROM terminal_status")->integer(0); });
    EXPECT_EQ(rows, kTerminals);
}

TEST_P(HeartbeatFlush, ARowSentBeforeTheStoredOneIsSkippedUntilTheStoredOneIsStale) {
    HeartbeatBuffer buffer(runner);
    const TerminalRow first = rowOf(1);  // sent at kNow - 1 s + 1
    buffer.put(first);
    buffer.flush();

    // Sent earlier than the stored one (a delayed retry): skipped while the stored one is fresh.
    TerminalRow earlier = first;
    earlier.softwareVersion = "earlier";
    earlier.sentAt = *first.sentAt - 10'000'000;
    earlier.lastSeen = kNow + 1;
    buffer.put(earlier);
    buffer.flush();
    std::int64_t firstSeen = 0;
    expectSame(*stored(*store, first.terminalId, &firstSeen), first);
    EXPECT_EQ(firstSeen, first.lastSeen);

    // Without the terminal's clock, whatever arrives is applied.
    TerminalRow unclocked = first;
    unclocked.softwareVersion = "unclocked";
    unclocked.sentAt.reset();
    unclocked.lastSeen = kNow + 2;
    buffer.put(unclocked);
    buffer.flush();
    auto got = stored(*store, first.terminalId);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->softwareVersion, "unclocked");
    EXPECT_EQ(got->sentAt, std::nullopt);
    stored(*store, first.terminalId, &firstSeen);
    EXPECT_EQ(firstSeen, first.lastSeen) << "first_seen is kept by an update";

    // A clock set back: once the stored row is older than the stale limit, the earlier wins.
    TerminalRow clocked = first;
    clocked.softwareVersion = "clocked";
    buffer.put(clocked);
    buffer.flush();
    TerminalRow setBack = first;
    setBack.softwareVersion = "set back";
    setBack.sentAt = *first.sentAt - 3'600'000'000;
    buffer.put(setBack);
    buffer.flush();
    EXPECT_EQ(stored(*store, first.terminalId)->softwareVersion, "clocked") << "still fresh";
    clock.advance(renshe::services::backoffice::fleet::staleAfterMicros(runner.policy()) +
                  1'000'000);
    setBack.lastSeen = clock.nowMicros();
    buffer.put(setBack);
    buffer.flush();
    EXPECT_EQ(stored(*store, first.terminalId)->softwareVersion, "set back");
}

INSTANTIATE_TEST_SUITE_P(Backends, HeartbeatFlush,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
