// PostgreSQL backend (libpq): a fixed pool of connections (pg_tx.hpp). Writes are committed in
// groups, as on SQLite: a few writer threads each take the writes queued (most urgent first),
// run them in one transaction, each in a savepoint of its own, and COMMIT once, so that one
// WAL flush and one BEGIN/COMMIT serve many callers. A write that fails rolls back to its
// savepoint and the others commit; one that met a serialization failure, a deadlock or a
// unique-key race between replicas is queued again by its caller.
#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "drivers/util/blocking_pool.hpp"
#include "drivers/util/one_shot.hpp"
#include "services/store/pg_group.hpp"
#include "services/store/pg_pool.hpp"
#include "services/store/pg_tx.hpp"
#include "services/store/pg_watch.hpp"

namespace renshe::services::store::detail {

namespace {

constexpr int kMaxAttempts = 8;
// Writes one group transaction takes at most. Each runs in a savepoint, a subtransaction of
// its own: PostgreSQL keeps up to 64 of a transaction's in shared memory, and snapshots
// slow down past that.
constexpr std::size_t kMaxGroup = 32;
constexpr std::size_t kMaxWriters = 4;
// How long a read replica has to answer a read, from its BEGIN to its COMMIT (and to a
// connection): a read that may be stale is a few look-ups, answered in milliseconds.
constexpr std::chrono::milliseconds kReplicaAnswerLimit{1000};
// pg_advisory_xact_lock key of the migrators: "renshe" 0x00 0x01.
constexpr std::int64_t kMigrationLock = 0x72656e7368650001;

using pg::asUnavailable;
using pg::backOff;
using pg::connectionLost;
using pg::decideRest;
using pg::finish;
using pg::Group;
using pg::Lease;
using pg::PendingWrite;
using pg::PgConn;
using pg::PgTx;
using pg::raise;
using pg::recover;
using pg::Result;
using pg::rethrowAsUnavailable;
using pg::retryable;
using pg::runMember;
using pg::trimmed;

class PostgresStore final : public Store {
public:
    PostgresStore(std::string conninfo, std::size_t connections, bool readReplica)
        : m_conninfo(std::move(conninfo)),
          m_pool(std::max<std::size_t>(connections, 1)),
          m_readReplica(readReplica) {
        if (m_readReplica)
            return;  // a replica connects on its first read
        migrate();
        // Group writers: while one commits, another runs its group, and one stays free for
        // callers' writes while another runs a Background one. Each holds one of the pool's
        // connections while it runs; the rest serve reads (one at least).
        const std::size_t writers =
            m_pool.max() < 3 ? 1 : std::clamp<std::size_t>(m_pool.max() / 4, 2, kMaxWriters);
        for (std::size_t i = 0; i < writers; ++i)
            m_writers.emplace_back([this] { writerLoop(); });
    }

    ~PostgresStore() override {
        {
            // writeAsync() refuses from here; the writes it took end first, while the writers
            // still run (a retry among them on a thread of m_asyncWrites).
            std::unique_lock lock(m_groupMutex);
            m_closing = true;
            m_asyncIdle.wait(lock, [&] { return m_asyncOpen == 0; });
        }
        m_asyncWrites.reset();
        {
            std::lock_guard lock(m_groupMutex);
            m_stopping = true;
        }
        m_groupWork.notify_all();
        for (std::thread& writer : m_writers)
            writer.join();  // each leaves once the queues are empty
    }

    // Queued for a group writer as write() queues, without a thread waiting for it: the writer
    // calls `done` (settle()). Only a write to run again (a retry after a pause, a rerun on a
    // fresh connection) goes on to a thread of m_asyncWrites, and carries on there as write()
    // would; so do an Urgent write and a read replica's refusal.
    void writeAsync(std::function<void(Tx&)> fn, Priority priority, WriteDone done) override {
        auto pending = std::make_shared<PendingWrite>();
        pending->ownedFn = std::move(fn);
        pending->fn = &pending->ownedFn;
        pending->priority = priority;
        pending->then = std::move(done);
        bool closing = false;
        {
            std::lock_guard lock(m_groupMutex);
            closing = m_closing;
            if (!closing) {
                ++m_asyncOpen;
                if (priority != Priority::Urgent && !m_readReplica) {
                    pending->queued = std::chrono::steady_clock::now();
                    m_queues[static_cast<std::size_t>(priority)].push_back(pending);
                    m_groupWork.notify_one();
                    return;
                }
            }
        }
        if (closing) {
            tellDone(pending->then,
                     std::make_exception_ptr(StoreUnavailable("postgres: the store is closing")));
            return;
        }
        carryOn(pending, [this, pending] { write(*pending->fn, pending->priority); });
    }

    using Store::write;
    // Queued for a group writer (runGroup), which runs it in a savepoint of a transaction it
    // shares with other queued writes, and waits for that transaction's COMMIT (Urgent writes
    // excepted). A write that met a retryable state is queued again here, after a pause; one
    // whose connection was dropped before anything took effect, once more at once.
    void write(const std::function<void(Tx&)>& fn, Priority priority) override {
        if (m_readReplica)
            throw StoreError("postgres: a read replica takes no writes");
        ensureNotInsideWrite();
        if (priority == Priority::Urgent) {
            writeAlone(fn, priority);
            return;
        }
        writeQueued(fn, priority, Attempts{});
    }

    // An Urgent write (the audit chainer's round, which callers wait on): run at once on the
    // caller's thread, in a transaction of its own, behind no group.
    void writeAlone(const std::function<void(Tx&)>& fn, Priority priority) {
        WriteScope scope;
        bool rerunOnFreshConnection = true;
        for (int attempt = 1;; ++attempt) {
            const auto asked = std::chrono::steady_clock::now();
            Lease lease(m_pool, priority);
            PgConn& conn = lease.conn();
            if (!conn.usable()) {
                connect(conn);
            }
            m_writeWait.observe(std::chrono::steady_clock::now() - asked);
            PgTx tx(conn, true);
            std::exception_ptr error;
            try {
                tx.beginAhead("BEGIN");  // with the first statement: one round trip fewer
                fn(tx);
                if (tx.failure()) {
                    std::rethrow_exception(tx.failure());
                }
                const auto committing = std::chrono::steady_clock::now();
                tx.commit();
                m_commit.observe(std::chrono::steady_clock::now() - committing);
                m_writes.fetch_add(1);
                m_commits.fetch_add(1);
                return;
            } catch (...) {
                error = std::current_exception();
            }
            if (!finish(conn, tx)) {
                // The BEGIN never answered and no COMMIT went out: nothing of the transaction
                // took effect. A pooled connection the server dropped while it sat idle (a
                // restart, a failover) is re-connected and the callback run again, once.
                if (!tx.begun() && !tx.commitSent() && std::exchange(rerunOnFreshConnection, false))
                    continue;
                rethrowAsUnavailable(error);
            }
            error = writeOutcome(error, tx.failure());
            if (tx.state() == "25006") {
                conn.needsReset = true;  // a standby (after a failover): find the primary again
            }
            if (retryable(tx.state()) && attempt < kMaxAttempts) {
                m_retries.fetch_add(1);
                lease.release();
                backOff(attempt);
                continue;
            }
            std::rethrow_exception(error);
        }
    }

    void read(const std::function<void(Tx&)>& fn) override {
        const auto asked = std::chrono::steady_clock::now();
        Lease lease(m_pool);
        PgConn& conn = lease.conn();
        if (!m_answers) {
            readOn(conn, fn, asked);
            return;
        }
        // A read replica: the read is cut off when the standby does not answer in time
        // (pg_watch.hpp), and its caller reads the primary.
        if (!conn.usable())
            connect(conn);
        const auto watch = m_answers->watch(PQsocket(conn.c));
        try {
            readOn(conn, fn, asked);
        } catch (const StoreUnavailable&) {
            if (!watch.fired())
                throw;
            conn.needsReset = true;
            throw StoreUnavailable("postgres: the read replica did not answer within " +
                                   std::to_string(m_answers->limit().count()) + " ms");
        }
        if (watch.fired())
            conn.needsReset = true;  // answered as its socket was shut down
    }

    void readOn(PgConn& conn, const std::function<void(Tx&)>& fn,
                std::chrono::steady_clock::time_point asked) {
        begin(conn, "BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ");
        m_readWait.observe(std::chrono::steady_clock::now() - asked);
        PgTx tx(conn, false);
        std::exception_ptr error;
        try {
            fn(tx);
            if (tx.failure()) {
                std::rethrow_exception(tx.failure());
            }
            tx.commit();
            return;
        } catch (...) {
            error = std::current_exception();
        }
        if (!finish(conn, tx)) {
            rethrowAsUnavailable(error);
        }
        std::rethrow_exception(writeOutcome(error, tx.failure()));
    }

    Backend backend() const noexcept override { return Backend::Postgres; }

    int schemaVersion() override {
        int version = 0;
        read([&](Tx& tx) { version = recordedSchemaVersion(tx); });
        return version;
    }

    Stats stats() const override {
        Stats s;
        s.writes = m_writes.load();
        s.commits = m_commits.load();
        s.retries = m_retries.load();
        s.readWait = m_readWait.snapshot();
        s.writeWait = m_writeWait.snapshot();
        s.commit = m_commit.snapshot();
        return s;
    }

private:
    // A queued write's attempts so far.
    struct Attempts {
        int made = 1;
        bool rerunLeft = true;  // one rerun on a fresh connection (abandonGroup)
    };

    // Queues the write until it commits, or throws its failure.
    void writeQueued(const std::function<void(Tx&)>& fn, Priority priority, Attempts attempts) {
        for (;;) {
            auto pending = std::make_shared<PendingWrite>();
            pending->fn = &fn;
            pending->priority = priority;
            pending->queued = std::chrono::steady_clock::now();
            {
                std::lock_guard lock(m_groupMutex);
                m_queues[static_cast<std::size_t>(priority)].push_back(pending);
            }
            m_groupWork.notify_one();
            pending->done.wait();
            if (!runAgain(*pending, attempts))
                return;
        }
    }

    // After a queued write's outcome: true when it is to be queued again (after the pause a
    // retry takes); false once committed. Throws its failure.
    bool runAgain(const PendingWrite& p, Attempts& attempts) {
        switch (p.outcome) {
            case PendingWrite::Outcome::Committed:
                return false;
            case PendingWrite::Outcome::Rerun:
                if (std::exchange(attempts.rerunLeft, false))
                    return true;
                rethrowAsUnavailable(p.error);
            case PendingWrite::Outcome::Retry:
                if (attempts.made < kMaxAttempts) {
                    m_retries.fetch_add(1);
                    backOff(attempts.made++);
                    return true;
                }
                break;
            case PendingWrite::Outcome::Failed:
                break;
        }
        std::rethrow_exception(p.error);
    }

    // A writeAsync() write, once its group is over (on the writer's thread): `done` is told
    // its outcome, unless it is to run again.
    void settle(const std::shared_ptr<PendingWrite>& p) noexcept {
        using Outcome = PendingWrite::Outcome;
        if (p->outcome != Outcome::Committed && p->outcome != Outcome::Failed) {
            carryOn(p, [this, p] {
                Attempts attempts;
                if (runAgain(*p, attempts))
                    writeQueued(*p->fn, p->priority, attempts);
            });
            return;
        }
        tellDone(p->then, p->outcome == Outcome::Committed ? nullptr : p->error);
        asyncEnded();
    }

    // Runs `work` for writeAsync() write `p` on a thread of m_asyncWrites, then tells `done`.
    void carryOn(const std::shared_ptr<PendingWrite>& p, std::function<void()> work) noexcept {
        try {
            m_asyncWrites->post([this, p, work = std::move(work)] {
                std::exception_ptr error;
                try {
                    work();
                } catch (...) {
                    error = std::current_exception();
                }
                tellDone(p->then, error);
                asyncEnded();
            });
        } catch (...) {  // no thread to be had
            tellDone(p->then, asUnavailable(std::current_exception()));
            asyncEnded();
        }
    }

    void asyncEnded() noexcept {
        std::lock_guard lock(m_groupMutex);
        if (--m_asyncOpen == 0)
            m_asyncIdle.notify_all();
    }

    void writerLoop() {
        pthread_setname_np(pthread_self(), "store-writer");
        WriteScope scope;  // a callback calling write() would wait for a writer forever
        for (;;) {
            const Group group = takeGroup();
            if (group.empty())
                return;  // stopping, and nothing is left for this writer
            runGroup(group);
            if (group.front()->priority == Priority::Background) {
                std::lock_guard lock(m_groupMutex);
                m_backgroundRunning = false;
                if (takeable())
                    m_groupWork.notify_one();
            }
            for (const auto& p : group)
                if (!p->then)
                    p->done.set();
            for (const auto& p : group)
                if (p->then)
                    settle(p);
        }
    }

    // Under m_groupMutex: a write this writer may take now.
    bool takeable() const {
        for (std::size_t level = 0; level + 1 < kLevels; ++level)
            if (!m_queues[level].empty())
                return true;
        return !m_backgroundRunning && !m_queues[kLevels - 1].empty();
    }

    // Normal writes (Urgent ones are never queued: writeAlone), up to kMaxGroup; or, when none
    // waits, one Background write alone, and one at a time: a sweep, or a heartbeat flush
    // committed asynchronously, holds up no caller's write, and the other writers stay free
    // for them.
    Group takeGroup() {
        std::unique_lock lock(m_groupMutex);
        m_groupWork.wait(lock, [&] { return m_stopping || takeable(); });
        Group group;
        for (std::size_t level = 0; level + 1 < kLevels; ++level) {
            auto& queue = m_queues[level];
            while (!queue.empty() && group.size() < kMaxGroup) {
                group.push_back(std::move(queue.front()));
                queue.pop_front();
            }
        }
        if (auto& background = m_queues[kLevels - 1];
            group.empty() && !background.empty() && !m_backgroundRunning) {
            group.push_back(std::move(background.front()));
            background.pop_front();
            m_backgroundRunning = true;
        }
        if (takeable())
            m_groupWork.notify_one();  // another writer takes what is left
        return group;
    }

    // Runs the group in one transaction, each write in a savepoint of its own, and commits
    // once. A write's last statements (its RELEASE, and what it sent ahead) travel with the next
    // write's first ones: one round trip a write. Never throws: every write's outcome lands in
    // its entry.
    void runGroup(const Group& group) noexcept {
        try {
            Lease lease(m_pool, group.front()->priority);
            PgConn& conn = lease.conn();
            if (!conn.usable())
                connect(conn);
            const auto started = std::chrono::steady_clock::now();
            for (const auto& p : group)
                m_writeWait.observe(started - p->queued);
            PgTx tx(conn, true);
            tx.beginAhead("BEGIN");  // with the first statement: one round trip fewer
            std::size_t next = 0;
            for (;;) {
                std::exception_ptr error;
                if (next < group.size()) {
                    error = runMember(tx, *group[next], next);
                    if (!error) {
                        ++next;
                        continue;
                    }
                } else if (!(error = tx.flush())) {
                    break;  // the last writes' statements went through
                }
                const auto resume = recover(tx, group, next, error);
                if (!resume) {
                    abandonGroup(conn, tx, group, error);
                    return;
                }
                next = *resume;
            }
            commitGroup(conn, tx, group);
        } catch (...) {  // no connection to be had
            decideRest(group, PendingWrite::Outcome::Failed, std::current_exception());
        }
    }

    // The transaction was lost before its COMMIT went out: nothing of it took effect. The
    // writes still open run again on a fresh connection when the server never answered the
    // BEGIN (a connection dropped while it sat in the pool: a restart, a failover); otherwise
    // they fail as unavailable, and their callers' retries find the database again.
    void abandonGroup(PgConn& conn, PgTx& tx, const Group& group,
                      const std::exception_ptr& error) noexcept {
        if (tx.state() == "25006")
            conn.needsReset = true;  // a standby (after a failover): find the primary again
        const bool neverBegun = !tx.begun();
        finish(conn, tx);
        decideRest(group, neverBegun ? PendingWrite::Outcome::Rerun : PendingWrite::Outcome::Failed,
                   asUnavailable(error));
    }

    // Commits the writes that released their savepoints; with none, rolls back.
    void commitGroup(PgConn& conn, PgTx& tx, const Group& group) noexcept {
        std::size_t released = 0;
        for (const auto& p : group)
            released += p->decided ? 0 : 1;
        if (released == 0) {
            finish(conn, tx);
            return;
        }
        std::exception_ptr error;
        try {
            const auto committing = std::chrono::steady_clock::now();
            tx.commit();
            m_commit.observe(std::chrono::steady_clock::now() - committing);
            m_writes.fetch_add(released);
            m_commits.fetch_add(1);
            decideRest(group, PendingWrite::Outcome::Committed, nullptr);
            return;
        } catch (...) {
            error = writeOutcome(std::current_exception(), tx.failure());
        }
        const std::string state = tx.state();
        if (!finish(conn, tx)) {
            // Lost at the COMMIT: the outcome is unknown (store.hpp), unless it never went out.
            decideRest(group,
                       !tx.begun() && !tx.commitSent() ? PendingWrite::Outcome::Rerun
                                                       : PendingWrite::Outcome::Failed,
                       asUnavailable(error));
            return;
        }
        if (state == "25006")
            conn.needsReset = true;
        decideRest(group,
                   retryable(state) ? PendingWrite::Outcome::Retry : PendingWrite::Outcome::Failed,
                   error);
    }

    // Connects a new pooled connection, or re-connects a broken one. Throws StoreUnavailable.
    void connect(PgConn& conn) {
        // A standby that stopped answering accepts the connection and never answers it: a
        // read replica's connection is given as long as a read, whatever the string says.
        pg::connect(conn, m_conninfo, m_answers ? std::optional(m_answers->limit()) : std::nullopt);
    }

    // Opens the transaction. A pooled connection the server dropped while it sat idle (a
    // restart, a failover) is re-connected once here: nothing of the transaction was sent. Not
    // on a read replica: read() connected before its watch began, and a socket must not change
    // under the watch.
    void begin(PgConn& conn, const char* sql) {
        if (!m_readReplica && !conn.usable()) {
            connect(conn);
        }
        for (int round = 0;; ++round) {
            Result r(PQexec(conn.c, sql));
            if (PQresultStatus(r.get()) == PGRES_COMMAND_OK) {
                return;
            }
            const char* state = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
            const std::string s = state != nullptr ? state : "";
            const std::string message = trimmed(PQerrorMessage(conn.c));
            const bool lost = !conn.ok() || connectionLost(s);
            if (lost && round == 0 && !m_readReplica) {  // the primary answers a replica's read
                connect(conn);
                continue;
            }
            if (lost) {
                conn.needsReset = true;
            }
            raise(s, message, lost, true);
        }
    }

    // Each migration in its own transaction under one advisory lock, so that replicas
    // starting together apply it once; the later ones find it recorded and skip it.
    void migrate() {
        for (const Migration& m : migrations()) {
            Lease lease(m_pool);
            PgConn& conn = lease.conn();
            begin(conn, "BEGIN");
            PgTx tx(conn, true);
            try {
                tx.exec("SELECT pg_advisory_xact_lock($1)", {kMigrationLock});
                applyMigration(tx, m);
                tx.commit();
            } catch (...) {
                const std::exception_ptr error = std::current_exception();
                if (!finish(conn, tx)) {
                    rethrowAsUnavailable(error);
                }
                std::rethrow_exception(error);
            }
        }
    }

    const std::string m_conninfo;
    pg::Pool m_pool;
    const bool m_readReplica;
    // A read replica's reads are answered within this, or go to the primary.
    const std::unique_ptr<pg::AnswerWatch> m_answers =
        m_readReplica ? std::make_unique<pg::AnswerWatch>(kReplicaAnswerLimit) : nullptr;

    static constexpr std::size_t kLevels = pg::kPriorities;

    std::mutex m_groupMutex;
    std::condition_variable m_groupWork;
    std::deque<std::shared_ptr<PendingWrite>> m_queues[kLevels];  // by Priority
    bool m_stopping = false;
    bool m_closing = false;       // writeAsync() refuses
    std::size_t m_asyncOpen = 0;  // writeAsync() writes whose `done` is still to be called
    std::condition_variable m_asyncIdle;
    bool m_backgroundRunning = false;    // a writer runs a Background write
    std::vector<std::thread> m_writers;  // started last, joined first

    std::atomic<std::uint64_t> m_writes{0};
    std::atomic<std::uint64_t> m_commits{0};
    util::LatencyHistogram m_readWait, m_writeWait, m_commit;
    std::atomic<std::uint64_t> m_retries{0};
    // Threads for writeAsync() writes that pause or wait: a retry, a rerun, an Urgent write.
    static constexpr std::size_t kAsyncWriteThreads = 256;
    std::unique_ptr<util::BlockingPool> m_asyncWrites =
        std::make_unique<util::BlockingPool>(kAsyncWriteThreads, "store-async");
};

}  // namespace

std::unique_ptr<Store> openPostgres(const std::string& conninfo, const Store::Options& options) {
    return std::make_unique<PostgresStore>(conninfo, options.connections, options.readReplica);
}

}  // namespace renshe::services::store::detail
