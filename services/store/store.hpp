// One storage interface, two backends: SQLite (embedded default: WAL, synchronous=FULL) and
// PostgreSQL (province scale, libpq). Callers write SQL once, in the subset both accept:
// placeholders $1, $2 …; integers (BIGINT) and text only — bytes travel as lower-case hex
// text, times as microseconds since the Unix epoch; `INSERT … ON CONFLICT … DO NOTHING` and
// `RETURNING` work on both. Row locks go through Tx::forUpdate().
//
// Durability: write() returns only after the transaction is committed to stable storage
// (SQLite: the WAL fdatasync()ed; PostgreSQL: synchronous_commit). Both backends commit in
// groups: a writer thread (SQLite: one; PostgreSQL: a few, each on a pooled connection) runs
// queued writes back to back in one transaction, each inside its own SAVEPOINT, and commits
// them together. On SQLite a syncer thread flushes the WAL behind the writer, one fsync for
// many callers while the writer goes on (a read() may see a group a moment before its flush;
// sqlite_store.cpp says what that means).
//
// Rules both backends enforce alike, so that code tried on SQLite behaves the same on
// PostgreSQL:
// - One statement per query()/exec() call; every parameter passed must appear in the SQL
//   ($1 … $N, each at least once), and text parameters must be UTF-8 without NUL bytes.
// - A statement that fails aborts the whole write (as PostgreSQL does), even when `fn`
//   catches the exception and goes on: the write then fails with that statement's error.
//   Use `INSERT … ON CONFLICT DO NOTHING` instead of catching unique violations.
// - Result columns: integer columns read as int64 (PostgreSQL int2/int4/int8, and booleans
//   as 0/1), everything else as text (e.g. sum() or numeric on PostgreSQL: Row::integer()
//   parses it), NULL as nullptr.
// - Isolation: SQLite writes are serial; PostgreSQL writes run at READ COMMITTED (take row
//   locks with forUpdate()); a callback cannot change its isolation level, as it shares its
//   transaction with the others of its group. read() is a REPEATABLE READ / WAL snapshot on
//   both. A callback runs on a writer's thread, not its caller's.
// - write() inside a write callback throws StoreError (it would deadlock the SQLite writer);
//   read() inside one is allowed but sees the last commit, not the callback's own changes.
// - If the connection to PostgreSQL breaks during COMMIT the outcome is unknown: write()
//   throws StoreUnavailable and the caller's request id makes the retry safe.
// - Migrations (services/store/migrations/NNNN_name.sql, compiled in) run at open(); a
//   database whose schema is newer than this build is accepted (rolling upgrades) as long
//   as every migration this build knows is recorded.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "drivers/util/histogram.hpp"

namespace renshe::services::store {

// The storage failed in a way a retry may cure (database down, disk full, lock timeout):
// the gRPC layer maps it to UNAVAILABLE and nothing of the failed write is kept.
class StoreUnavailable : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A statement was wrong (SQL error, constraint violated): a bug or a race the caller did not
// guard against. Nothing of the failed write is kept.
class StoreError : public std::runtime_error {
public:
    StoreError(const std::string& what, bool uniqueViolation = false)
        : std::runtime_error(what), m_unique(uniqueViolation) {}
    bool uniqueViolation() const noexcept { return m_unique; }

private:
    bool m_unique;
};

using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;

class Row {
public:
    explicit Row(std::vector<Value> cells) : m_cells(std::move(cells)) {}
    std::size_t size() const noexcept { return m_cells.size(); }
    bool isNull(std::size_t i) const;
    // Integer column (throws StoreError on NULL or text that is not an integer).
    std::int64_t integer(std::size_t i) const;
    // Text column; NULL reads as "".
    std::string text(std::size_t i) const;
    std::optional<std::int64_t> optionalInteger(std::size_t i) const;

private:
    std::vector<Value> m_cells;
};

enum class Backend { Sqlite, Postgres };

// A transaction in progress. Only valid inside the callback it was handed to.
class Tx {
public:
    virtual ~Tx() = default;
    virtual std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
    // Rows affected.
    virtual std::int64_t exec(std::string_view sql, const std::vector<Value>& params = {}) = 0;
    // A statement whose result the callback does not read (a record inserted, an audit event,
    // a savepoint): PostgreSQL sends it at once without waiting, and its outcome comes back
    // with the next statement's or the COMMIT's (one round trip for several); SQLite runs it
    // now. Its failure fails the write as any statement's does, raised by that next statement
    // or by the commit.
    virtual void execLater(std::string_view sql, const std::vector<Value>& params = {}) {
        exec(sql, params);
    }
    virtual Backend backend() const noexcept = 0;
    // " FOR UPDATE" on PostgreSQL, "" on SQLite (whose writer already holds the database).
    std::string_view forUpdate() const noexcept {
        return backend() == Backend::Postgres ? " FOR UPDATE" : "";
    }

    // The first row, or nullopt when there is none.
    std::optional<Row> queryOne(std::string_view sql, const std::vector<Value>& params = {});
};

class Store {
public:
    virtual ~Store() = default;

    // "sqlite:/path/to/file.db" (created if missing), or a libpq connection string:
    // "postgresql://…" / "postgres://…" URI or "postgres:host=… dbname=…" keyword form.
    // Applies pending migrations (services/store/migrations) before returning; concurrent
    // openers (two replicas) migrate once. Throws StoreUnavailable when it cannot connect.
    static std::unique_ptr<Store> open(const std::string& url);

    struct Options {
        // PostgreSQL: connections in the pool (0 = 8). SQLite: read-only connections for
        // read() (0 = 16); writes always go through the one writer connection.
        std::size_t connections = 0;
        // PostgreSQL only: a hot standby for reads that may be a little stale (--database-
        // replica). No migrations are run (the primary's are streamed to it); write() throws
        // StoreError.
        bool readReplica = false;
    };
    static std::unique_ptr<Store> open(const std::string& url, const Options& options);

    // The highest migration compiled into this build.
    static int latestSchemaVersion() noexcept;

    // Runs `fn` in a durable read-write transaction and returns after the commit. `fn` may be
    // run more than once (PostgreSQL deadlocks and unique-key races are retried, and a write
    // whose statements travelled with a failed one's in a group is run again), so it must keep
    // no state outside the transaction except what it overwrites on each run. An exception from
    // `fn` rolls back its work and is rethrown to the caller, other writes of the same group commit
    // are unaffected.
    //
    // `priority` orders writes waiting for a writer: Urgent before Normal before Background.
    // Urgent is for work callers are waiting on (the audit chainer's rounds): on PostgreSQL it
    // runs at once on the caller's thread, in a transaction of its own. Background is for work
    // nobody waits on (sweeps, heartbeat flushes, aggregate audit): at most one Background
    // write joins each SQLite group, so a caller's write waits behind one at most, and
    // background work still moves; on PostgreSQL a Background write is a group of its own,
    // run when no other write waits (so `SET LOCAL` in it concerns it alone).
    enum class Priority { Urgent, Normal, Background };
    virtual void write(const std::function<void(Tx&)>& fn, Priority priority) = 0;
    void write(const std::function<void(Tx&)>& fn) { write(fn, Priority::Normal); }

    // write() without waiting for it, for a caller that must not hold a thread while its write
    // waits for a group commit (a gRPC callback handler). `done` is called exactly once: with
    // nullptr once the transaction is durable, or with what write() would have thrown. It runs
    // on a thread of the store's (SQLite: the syncer's, right after the flush that made the
    // write durable, with the rest of its group's; PostgreSQL: the group writer's, after its
    // group's COMMIT, or a pool thread's for a write run again), so it must be short, must not
    // throw and must not wait for another write; it may start one with writeAsync(). When the store
    // is closing it may be called at once, on the caller's thread, with StoreUnavailable. `fn`
    // follows write()'s rules and is kept until `done`.
    using WriteDone = std::function<void(std::exception_ptr)>;
    virtual void writeAsync(std::function<void(Tx&)> fn, Priority priority, WriteDone done) = 0;

    // A read-only transaction with a consistent snapshot; runs concurrently with writes.
    virtual void read(const std::function<void(Tx&)>& fn) = 0;
    // read() when a connection is there for it at once (SQLite: an idle reader, or room to
    // open one), for a thread that must not wait (a gRPC callback thread); else false, `fn`
    // not run. PostgreSQL's reads are round trips that may wait: always false.
    virtual bool readIfFree(const std::function<void(Tx&)>& fn) {
        static_cast<void>(fn);
        return false;
    }

    virtual Backend backend() const noexcept = 0;
    // The highest migration applied.
    virtual int schemaVersion() = 0;

    // Writes committed, and commits (fsyncs) done, since open: write groups in action.
    struct Stats {
        std::uint64_t writes = 0;
        std::uint64_t commits = 0;
        // PostgreSQL: callbacks run again after a serialization failure, a deadlock or a
        // unique-key race (always 0 on SQLite, whose one writer cannot race).
        std::uint64_t retries = 0;
        // How long a read() or write() waited before its callback ran (a free connection;
        // SQLite's writer queue), and how long its COMMIT took (the fsync).
        util::LatencyHistogram::Snapshot readWait, writeWait, commit;
    };
    virtual Stats stats() const = 0;
};

// Lower-case hex of bytes, and back (throws std::invalid_argument on odd length or non-hex).
std::string toHex(std::string_view bytes);
std::string fromHex(std::string_view hex);

}  // namespace renshe::services::store
