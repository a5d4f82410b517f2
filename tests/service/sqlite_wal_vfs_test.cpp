// The writer's WAL VFS (services/store/sqlite_wal_vfs.hpp) against SQLite itself: a commit's
// frames reach the file in a write or two, other connections see every commit, and after every
// commit the files as they are (what a kill -9 leaves: the kernel's page cache) recover to
// exactly that commit — through transactions that spill pages before they commit, rewrite
// frames they wrote and roll back, and through the log starting over.
#include "services/store/sqlite_wal_vfs.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>

#include "services/store/store.hpp"
#include "tests/fixtures/temp_dir.hpp"

using renshe::services::store::Store;
using renshe::services::store::Tx;
using renshe::services::store::detail::sqlite::walCoalescingVfs;
using renshe::services::store::detail::sqlite::walWriteCounts;
using renshe::testing::TempDir;

namespace {

class Db {
public:
    Db(const std::filesystem::path& file, const char* vfs) {
        const int rc =
            sqlite3_open_v2(file.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs);
        if (rc != SQLITE_OK)
            ADD_FAILURE() << "open " << file << ": " << sqlite3_errstr(rc);
    }
    ~Db() { sqlite3_close_v2(m_db); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(const std::string& sql) {
        char* error = nullptr;
        const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
        EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error != nullptr ? error : "");
        sqlite3_free(error);
    }

    // The first column of the first row, as text ("" when there is none).
    std::string text(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        std::string out;
        EXPECT_EQ(sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
        if (st != nullptr && sqlite3_step(st) == SQLITE_ROW &&
            sqlite3_column_text(st, 0) != nullptr)
            out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        return out;
    }

    // What the table holds, in one line: rows, their ids, their bodies' bytes and contents.
    std::string contents() {
        return text(
            "SELECT count(*) || ' ' || total(id) || ' ' || total(length(body)) || ' ' || "
            "total(unicode(substr(body, 1 + id % 50, 1)) * id) FROM t");
    }

private:
    sqlite3* m_db = nullptr;
};

// The database and its WAL as they are now, copied aside and opened with the platform's VFS:
// SQLite rebuilds the WAL index from the frames whose checksums hold. Its contents, or what
// went wrong.
std::string recovered(const std::filesystem::path& file, const std::filesystem::path& into) {
    std::filesystem::remove_all(into);
    std::filesystem::create_directories(into);
    std::filesystem::copy_file(file, into / "copy.db");
    const std::filesystem::path log(file.string() + "-wal");
    if (std::filesystem::exists(log))
        std::filesystem::copy_file(log, into / "copy.db-wal");
    Db copy(into / "copy.db", nullptr);
    const std::string check = copy.text("PRAGMA integrity_check");
    if (check != "ok")
        return "integrity_check: " + check;
    return copy.contents();
}

// Rows `from`..`to` with bodies of `bytes` bytes, keyed by a scattered text (an index whose
// pages each commit lands on here and there, like the audit's by-subject index).
std::string insertRows(int from, int to, int bytes) {
    return "WITH RECURSIVE n(i) AS (SELECT " + std::to_string(from) + " UNION ALL SELECT i + 1 " +
           "FROM n WHERE i < " + std::to_string(to) + ") INSERT INTO t (id, k, body) SELECT i, " +
           "hex(i * 2654435761 % 4294967296), substr(printf('%." + std::to_string(bytes) +
           "c', char(65 + i % 26)) || hex(randomblob(8)), 1, " + std::to_string(bytes) + ") FROM n";
}

void createTable(Db& db) {
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=NORMAL");  // as the store's writer: the syncer flushes
    db.exec("PRAGMA wal_autocheckpoint=0");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL, body BLOB NOT NULL)");
    db.exec("CREATE INDEX t_by_k ON t(k)");
}

}  // namespace

TEST(WalCoalescing, ACommitsFramesReachTheFileInAWriteOrTwoAndEveryoneSeesThem) {
    const TempDir dir("renshe-wal-vfs");
    const auto file = dir / "one.db";
    Db writer(file, walCoalescingVfs());
    createTable(writer);
    Db reader(file, nullptr);
    ASSERT_EQ(reader.text("SELECT count(*) FROM t"), "0");

    const auto before = walWriteCounts();
    writer.exec("BEGIN");
    writer.exec(insertRows(1, 100, 1000));  // ~30 table pages and the index's
    writer.exec("COMMIT");
    const auto after = walWriteCounts();
    const auto asked = after.asked - before.asked;
    const auto issued = after.issued - before.issued;
    std::printf("one commit: SQLite asked for %llu writes, %llu made\n",
                static_cast<unsigned long long>(asked), static_cast<unsigned long long>(issued));
    EXPECT_GE(asked, 60U);  // a header and a page a frame
    EXPECT_LE(issued, 3U);  // 31 pages a write at most
    EXPECT_EQ(after.elsewhere, before.elsewhere);

    // Before the writer reads anything (a read of its WAL would write out what it held).
    const std::string copied = recovered(file, dir / "copy");
    EXPECT_EQ(reader.text("SELECT count(*) FROM t"), "100");
    const std::string seen = reader.contents();
    EXPECT_EQ(seen, writer.contents());
    EXPECT_EQ(copied, writer.contents());
}

TEST(WalCoalescing, WhatAKillLeavesAfterEachCommitIsThatCommit) {
    const TempDir dir("renshe-wal-vfs");
    const auto file = dir / "kill.db";
    Db writer(file, walCoalescingVfs());
    createTable(writer);
    writer.exec("PRAGMA cache_size=16");  // transactions spill pages to the log before they commit
    int step = 0;
    // Commits the open transaction and copies the files at once: nothing may touch the
    // writer's WAL between the two (a read would write out what is held). The writes the
    // COMMIT asked for and made.
    const auto commit = [&](const char* what) {
        SCOPED_TRACE(what);
        const std::string expected = writer.contents();  // the transaction's own view
        const auto before = walWriteCounts();
        writer.exec("COMMIT");
        const auto after = walWriteCounts();
        EXPECT_EQ(recovered(file, dir / ("copy" + std::to_string(++step))), expected);
        return std::make_pair(after.asked - before.asked, after.issued - before.issued);
    };

    // A transaction too large for the cache, which then changes pages it already spilled
    // (SQLite rewrites those frames in place, then their checksums, after the commit frame).
    const auto before = walWriteCounts();
    writer.exec("BEGIN");
    writer.exec(insertRows(1, 600, 1500));
    writer.exec("UPDATE t SET body = upper(hex(randomblob(400))) WHERE id % 7 = 0");
    commit("a spilling transaction that rewrote its own frames");
    EXPECT_GT(walWriteCounts().elsewhere, before.elsewhere) << "no frame was rewritten";

    // One that spills and is rolled back: its frames are in the file, never committed.
    const std::string kept = writer.contents();
    writer.exec("BEGIN");
    writer.exec(insertRows(1000, 1400, 1500));
    writer.exec("ROLLBACK");
    EXPECT_EQ(recovered(file, dir / "rolled-back"), kept);

    for (int i = 0; i < 20; ++i) {  // after it, frames go over the rolled-back ones
        writer.exec("BEGIN");
        writer.exec(insertRows(2000 + i * 3, 2002 + i * 3, 300));
        writer.exec("UPDATE t SET body = 'x' || body WHERE id = " + std::to_string(1 + i * 11));
        commit("small commits after the rollback");
    }

    // The log starts over from its beginning: a commit's frames are held again (with a cache
    // large enough that the transaction spills nothing before).
    EXPECT_EQ(writer.text("PRAGMA wal_checkpoint(TRUNCATE)"), "0");
    writer.exec("PRAGMA cache_size=-16000");
    for (int i = 0; i < 20; ++i) {
        writer.exec("BEGIN");
        writer.exec(insertRows(3000 + i * 40, 3039 + i * 40, 1000));
        writer.exec("DELETE FROM t WHERE id = " + std::to_string(1 + i * 13));
        const auto [asked, issued] = commit("commits after the log started over");
        EXPECT_GE(asked, 20U);
        EXPECT_LE(issued, 2U);
    }

    // A commit larger than what is held at most: written out as it grows, its end at once.
    writer.exec("BEGIN");
    writer.exec(insertRows(10000, 13000, 2000));  // ~6 MiB
    const auto [asked, issued] = commit("a transaction larger than kMaxHeld");
    EXPECT_GT(asked, 2 * (std::size_t{6} << 20) / 4096 - 100);
    EXPECT_LT(issued, asked / 20);
}

// The store's writer uses it: its commits' frames are held and written together.
TEST(WalCoalescing, TheStoresWriterHoldsItsFrames) {
    const TempDir dir("renshe-wal-vfs");
    auto store = Store::open("sqlite:" + (dir / "store.db").string(), {});
    store->write([](Tx& tx) { tx.exec("CREATE TABLE notes (id BIGINT PRIMARY KEY, note TEXT)"); });
    const auto before = walWriteCounts();
    store->write([](Tx& tx) {
        for (std::int64_t id = 0; id < 200; ++id)
            tx.exec("INSERT INTO notes (id, note) VALUES ($1, $2)", {id, std::string(500, 'n')});
    });
    const auto after = walWriteCounts();
    EXPECT_GE(after.asked - before.asked, 50U);
    EXPECT_LE(after.issued - before.issued, 3U);
    std::int64_t rows = 0;
    store->read([&](Tx& tx) { rows = tx.queryOne("SELECT count(*) FROM notes")->integer(0); });
    EXPECT_EQ(rows, 200);
}
