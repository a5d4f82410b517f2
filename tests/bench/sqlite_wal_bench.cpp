// The SQLite writer's WAL VFS (services/store/sqlite_wal_vfs.hpp) against the platform's own,
// the same loop on each in the same run, alternating three times: transactions of 20 rows
// (a 200-byte text each, keyed by a random text in an index, as the audit's by-subject index
// is: each commit lands on ~30 pages), WAL with synchronous=NORMAL (the store's writer: its
// syncer flushes), a checkpoint every 4,000 frames on the same thread. Prints CPU and wall time
// per commit, the WAL writes SQLite asked for and those made, and the ratio platform / ours of
// CPU per commit — target >= 1.0 (holding frames costs nothing it does not save).
#include <sqlite3.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "services/store/sqlite_wal_vfs.hpp"
#include "tests/fixtures/temp_dir.hpp"

namespace {

using renshe::services::store::detail::sqlite::walCoalescingVfs;
using renshe::services::store::detail::sqlite::walWriteCounts;

constexpr int kCommits = 15000;
constexpr int kRowsEach = 20;
constexpr int kRowsBefore = 100000;  // an index of many pages first
constexpr int kRounds = 3;

double threadCpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Result {
    double cpuMicros = 0;   // a commit
    double wallMicros = 0;  // a commit
    unsigned long long asked = 0, issued = 0;
};

bool ok(sqlite3* db, int rc, const char* what) {
    if (rc == SQLITE_OK || rc == SQLITE_DONE)
        return true;
    std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
    return false;
}

bool run(const std::filesystem::path& file, const char* vfs, Result& out) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs) !=
        SQLITE_OK) {
        std::fprintf(stderr, "cannot open %s\n", file.c_str());
        sqlite3_close(db);
        return false;
    }
    bool good = ok(db,
                   sqlite3_exec(db,
                                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=4000;"
                                "CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT, body TEXT);"
                                "CREATE INDEX t_by_k ON t(k)",
                                nullptr, nullptr, nullptr),
                   "schema");
    sqlite3_stmt* insert = nullptr;
    good = good &&
           ok(db,
              sqlite3_prepare_v2(db, "INSERT INTO t (k, body) VALUES (hex(randomblob(16)), ?1)", -1,
                                 &insert, nullptr),
              "prepare");
    const std::string body(200, 'b');
    const auto rows = [&](int n) {
        for (int i = 0; i < n && good; ++i) {
            sqlite3_bind_text(insert, 1, body.c_str(), -1, SQLITE_STATIC);
            good = ok(db, sqlite3_step(insert), "insert");
            sqlite3_reset(insert);
        }
    };
    const auto exec = [&](const char* sql) {
        good = good && ok(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql);
    };
    exec("BEGIN");
    rows(kRowsBefore);
    exec("COMMIT");
    const auto before = walWriteCounts();
    const double cpu = threadCpuSeconds();
    const auto wall = std::chrono::steady_clock::now();
    for (int c = 0; c < kCommits && good; ++c) {
        exec("BEGIN");
        rows(kRowsEach);
        exec("COMMIT");
    }
    out.cpuMicros = (threadCpuSeconds() - cpu) * 1e6 / kCommits;
    out.wallMicros =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - wall).count() /
        kCommits;
    const auto after = walWriteCounts();
    out.asked = after.asked - before.asked;
    out.issued = after.issued - before.issued;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return good;
}

}  // namespace

int main() {
    const renshe::testing::TempDir dir("renshe-bench-sqlite-wal");
    double platformCpu = 0, oursCpu = 0;
    std::printf("%d commits of %d rows each, after %d rows; per commit:\n", kCommits, kRowsEach,
                kRowsBefore);
    for (int round = 0; round < kRounds; ++round) {
        for (const bool ours : {false, true}) {
            Result r;
            const auto file =
                dir / (std::string(ours ? "ours" : "platform") + std::to_string(round) + ".db");
            if (!run(file, ours ? walCoalescingVfs() : nullptr, r))
                return 2;
            std::printf("  %-34s CPU %6.1f us  wall %6.1f us",
                        ours ? "ours (renshe-wal-coalescing VFS)" : "raw (the platform's VFS)",
                        r.cpuMicros, r.wallMicros);
            if (ours)
                std::printf("  (WAL writes: SQLite asked %llu, made %llu)", r.asked, r.issued);
            std::printf("\n");
            (ours ? oursCpu : platformCpu) += r.cpuMicros / kRounds;
        }
    }
    const double ratio = platformCpu / oursCpu;
    std::printf("ratio raw/ours CPU per commit: %.2f (target >= 1.00: %s)\n", ratio,
                ratio >= 1.0 ? "met" : "MISSED");
    return ratio >= 1.0 ? 0 : 1;
}
