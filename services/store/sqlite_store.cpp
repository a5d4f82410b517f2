// SQLite backend: one writer connection owned by one writer thread (group commit), and a
// small pool of read-only WAL connections for read().
//
// The fsync is pipelined: the writer commits a group with synchronous=NORMAL (the WAL frames
// are written, not flushed) and hands it to a syncer thread, which fdatasync()s the WAL file
// and only then tells the group's callers their writes are done; meanwhile the writer already
// runs the next group. One flush may cover several groups. So write() still returns only once
// its transaction is on stable storage, but the writer no longer sits idle through each flush
// (it did for 60 % of its time under load: tests/bench/backoffice_bench.cpp). What changes:
// a read() may see a committed group a millisecond before its flush; were the machine to lose
// power in that millisecond, that group would be gone, unacknowledged (its callers retry with
// the same request ids). A process crash (kill -9) loses nothing either way: the frames are in
// the kernel's page cache. If a flush ever fails, the store stops taking writes (the kernel
// may have dropped the dirty pages; a retried fsync would lie).
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "drivers/util/one_shot.hpp"
#include "services/store/internal.hpp"
#include "services/store/sqlite_connection.hpp"
#include "services/store/sqlite_group.hpp"
#include "services/store/sqlite_wal_vfs.hpp"

namespace renshe::services::store::detail {

namespace {

using sqlite::Connection;
using sqlite::fail;
using sqlite::SqliteTx;

constexpr std::size_t kMaxGroup = 256;                  // writes committed together at most
constexpr auto kReaderWait = std::chrono::seconds(30);  // for a free read connection
// The WAL starts over from its beginning only when a write transaction begins while every frame
// in it has been copied back (checkpointed) and no reader still reads from it. Under writes that
// never pause, the checkpointer (every 200 ms, beside the writer) never catches up at that
// moment: the WAL grew by ~90 MB/s in bench.backoffice (440 MB in a 5 s run), every frame
// appended to a growing file (fresh pages, and a flush that must also record the new size).
// So once the WAL holds this many frames after a commit (4 KiB pages and their 24-byte headers:
// just under the journal_size_limit of 64 MiB, so the file is reused, never cut back and grown
// again), the writer asks the checkpointer for passes at once, then copies what is left itself
// and waits briefly for readers (a RESTART checkpoint); its next transaction writes from the
// start of the file again.
constexpr int kLogRestartFrames = 16000;
// Readers still on old frames are waited for in short steps, 20 ms at most (else tried later).
constexpr auto kLogRestartPoll = std::chrono::microseconds(200);
constexpr int kLogRestartPolls = 100;
// Checkpointer passes asked for first: each copies what the writer committed during the one
// before, so the writer's own share (and its stall) shrinks with each.
constexpr std::uint64_t kLogRestartPasses = 2;
constexpr auto kLogRestartRetry = std::chrono::milliseconds(100);

// By default SQLite counts every allocation it makes under one process-wide mutex (its memory
// status), which the writer, the readers and the checkpointer then take in turn; nothing here
// reads those counts (a raw insert loop: ~1 us a write less without them). The setting is
// SQLite's own and can only change before SQLite initialises, so the process's first store
// makes it; asked again later, SQLite refuses (SQLITE_MISUSE) and nothing changes.
void withoutMemoryStatus() {
    static const int once = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)once;
}

class SqliteStore final : public Store {
public:
    SqliteStore(const std::string& path, std::size_t readers)
        : m_path(path), m_maxReaders(std::max<std::size_t>(readers, 1)) {
        if (sqlite3_threadsafe() == 0) {
            throw StoreError("sqlite: the library was built without thread support");
        }
        withoutMemoryStatus();
        // The only connection that appends to the WAL: a commit's frames in one write.
        m_writer = std::make_unique<Connection>(m_path, false, sqlite::walCoalescingVfs());
        migrate();
        // Checkpoints (copying the WAL back into the database file, with its own fsync) run
        // on a connection and thread of their own, so the writer never stalls on one in the
        // middle of a group commit.
        m_writer->execSimple("PRAGMA wal_autocheckpoint=0");
        m_writer->execSimple("PRAGMA journal_size_limit=67108864");
        // A write's savepoint (a group run again after a failure, sqlite_group.hpp) keeps the
        // pages it changes in a statement journal: in memory, not in a temporary file written
        // (and spilled past 64 KiB) for every group.
        m_writer->execSimple("PRAGMA temp_store=MEMORY");
        // The writer's page cache: 64 MiB rather than SQLite's 2 MiB, so the index pages a
        // write lands on (random ones: the audit's by-subject index) are rarely read back
        // from the file: bench.backoffice's writes made 0.6 pread() calls each, now 0.03.
        m_writer->execSimple("PRAGMA cache_size=-65536");
        // After each commit: how many frames the WAL holds (restartLogIfLong()). Replaces the
        // automatic checkpoint's hook, switched off just above.
        sqlite3_wal_hook(
            m_writer->db(),
            [](void* self, sqlite3*, const char*, int frames) {
                static_cast<SqliteStore*>(self)->m_logFrames = frames;
                return SQLITE_OK;
            },
            this);
        m_checkpointConnection = std::make_unique<Connection>(m_path, false);
        // The WAL exists once a connection has read the database in WAL mode (migrate() did).
        // Without it (another journal mode), commits flush inline as before.
        m_walFd = ::open((m_path + "-wal").c_str(), O_RDONLY | O_CLOEXEC);
        if (m_walFd >= 0) {
            m_writer->execSimple("PRAGMA synchronous=NORMAL");
            m_syncer = std::thread([this] { syncLoop(); });
        }
        m_group.emplace(*m_writer,
                        sqlite::GroupCommitter::Counters{
                            m_writeWait, m_walFd < 0 ? &m_commit : nullptr, m_commits, m_writes});
        m_thread = std::thread([this] { writerLoop(); });
        m_checkpointer = std::thread([this] { checkpointLoop(); });
    }

    ~SqliteStore() override {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_work.notify_all();
        if (m_thread.joinable()) {
            m_thread.join();
        }
        {
            std::lock_guard lock(m_syncMutex);
            m_syncStopping = true;
        }
        m_syncWake.notify_all();
        if (m_syncer.joinable()) {
            m_syncer.join();  // after the writer: every group it handed over is flushed first
        }
        if (m_walFd >= 0) {
            ::close(m_walFd);
        }
        m_checkpointWake.notify_all();
        if (m_checkpointer.joinable()) {
            m_checkpointer.join();
        }
    }

    using Store::write;
    void write(const std::function<void(Tx&)>& fn, Priority priority) override {
        ensureNotInsideWrite();
        // Shared with the writer, which may still be inside notify_one() when this caller
        // has already seen `done` and returned.
        const auto pending = std::make_shared<Pending>();
        pending->fn = &fn;
        pending->queued = std::chrono::steady_clock::now();
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) {
                throw StoreUnavailable("sqlite: the store is closing");
            }
            m_queues[static_cast<std::size_t>(priority)].push_back(pending);
        }
        m_work.notify_one();
        pending->done.wait();
        if (pending->error) {
            std::rethrow_exception(pending->error);
        }
    }

    // Queued as write() queues; the syncer (or the writer, without a WAL) calls `done` where
    // write() would have been woken.
    void writeAsync(std::function<void(Tx&)> fn, Priority priority, WriteDone done) override {
        const auto pending = std::make_shared<Pending>();
        pending->ownedFn = std::move(fn);
        pending->fn = &pending->ownedFn;
        pending->then = std::move(done);
        pending->queued = std::chrono::steady_clock::now();
        {
            std::lock_guard lock(m_mutex);
            if (!m_stopping) {
                m_queues[static_cast<std::size_t>(priority)].push_back(pending);
                m_work.notify_one();
                return;
            }
        }
        tellDone(pending->then,
                 std::make_exception_ptr(StoreUnavailable("sqlite: the store is closing")));
    }

    void read(const std::function<void(Tx&)>& fn) override {
        const auto asked = std::chrono::steady_clock::now();
        readOn(acquireReader(true), fn, asked);
    }

    bool readIfFree(const std::function<void(Tx&)>& fn) override {
        const auto asked = std::chrono::steady_clock::now();
        std::unique_ptr<Connection> conn = acquireReader(false);
        if (!conn) {
            return false;
        }
        readOn(std::move(conn), fn, asked);
        return true;
    }

    Backend backend() const noexcept override { return Backend::Sqlite; }

    int schemaVersion() override {
        int version = 0;
        read([&](Tx& tx) { version = recordedSchemaVersion(tx); });
        return version;
    }

    Stats stats() const override {
        Stats s;
        s.writes = m_writes.load();
        s.commits = m_commits.load();
        s.readWait = m_readWait.snapshot();
        s.writeWait = m_writeWait.snapshot();
        s.commit = m_commit.snapshot();
        return s;
    }

private:
    std::atomic<std::uint64_t> m_writes{0};
    std::atomic<std::uint64_t> m_commits{0};
    util::LatencyHistogram m_readWait, m_writeWait, m_commit;

    struct Pending : sqlite::GroupWrite {
        // Set by the writer once the group is committed; each caller waits on its own flag
        // (a futex on it, util/one_shot.hpp), so a commit wakes exactly the callers it
        // completed.
        util::OneShot done;
        // writeAsync(): the callback, kept here, and what to call instead of waking a caller.
        std::function<void(Tx&)> ownedFn;
        WriteDone then;
    };

    void migrate() {
        for (const Migration& m : migrations()) {
            m_writer->control("BEGIN IMMEDIATE");  // one migrator at a time, across processes
            try {
                SqliteTx tx(*m_writer);
                applyMigration(tx, m);
                m_writer->control("COMMIT");
            } catch (...) {
                if (m_writer->inTransaction()) {
                    try {
                        m_writer->control("ROLLBACK");
                    } catch (...) {
                    }
                }
                throw;
            }
        }
    }

    void writerLoop() {
        pthread_setname_np(pthread_self(), "store-writer");
        WriteScope scope;  // a callback calling write() would wait for this thread forever
        for (;;) {
            std::vector<std::shared_ptr<Pending>> owned;
            std::vector<sqlite::GroupWrite*> group;
            {
                std::unique_lock lock(m_mutex);
                m_work.wait(lock, [&] { return m_stopping || queued(); });
                if (!queued()) {
                    return;  // stopping, and everything queued is done
                }
                // Urgent, then Normal, then one Background write at most (store.hpp).
                for (auto& queue : m_queues) {
                    const std::size_t most =
                        &queue == &m_queues[kBackground] ? group.size() + 1 : kMaxGroup;
                    while (!queue.empty() && group.size() < std::min(most, kMaxGroup)) {
                        owned.push_back(queue.front());
                        group.push_back(owned.back().get());
                        queue.pop_front();
                    }
                }
            }
            if (m_flushFailed.load()) {
                const auto error = std::make_exception_ptr(StoreUnavailable(
                    "sqlite: the store takes no writes since a flush of its log failed"));
                for (sqlite::GroupWrite* p : group) {
                    p->error = error;
                }
            } else {
                m_group->run(group);
            }
            if (m_walFd < 0) {
                complete(owned);
                continue;
            }
            {
                std::lock_guard lock(m_syncMutex);
                m_syncQueue.insert(m_syncQueue.end(), owned.begin(), owned.end());
            }
            m_syncWake.notify_one();
            restartLogIfLong();
        }
    }

    // See kLogRestartFrames. The writer thread only, between groups. The checkpointer's passes
    // come first, so what is left for the writer to copy and flush is only what it committed
    // during the last of them: in bench.backoffice the writer's stall was 9.5-22 ms when it did
    // the whole catch-up itself, 3.7-14 ms after two passes (no reader was ever waited for). The
    // checkpoint flushes the WAL before copying from it and the database file after, so a group
    // the syncer has not flushed yet is durable either way once the WAL's start is written over.
    void restartLogIfLong() noexcept {
        const auto now = std::chrono::steady_clock::now();
        if (m_logFrames <= kLogRestartFrames || now < m_nextLogRestart) {
            return;
        }
        if (!m_logRestartAsked) {
            m_logRestartAsked = now;
            m_passesWhenAsked = m_checkpointPasses.load();
            m_passesAsked = 0;
        }
        const std::uint64_t done = m_checkpointPasses.load() - m_passesWhenAsked;
        if (done < kLogRestartPasses && now - *m_logRestartAsked < kLogRestartRetry) {
            if (m_passesAsked <= done) {  // one more pass, once the last one asked for is done
                ++m_passesAsked;
                {
                    std::lock_guard lock(m_mutex);
                    m_checkpointNow = true;
                }
                m_checkpointWake.notify_all();
            }
            return;  // the writer goes on meanwhile
        }
        sqlite3* db = m_writer->db();
        int waits = 0;
        sqlite3_busy_handler(
            db,
            [](void* count, int) {
                ++*static_cast<int*>(count);
                std::this_thread::sleep_for(kLogRestartPoll);
                return *static_cast<int*>(count) < kLogRestartPolls ? 1 : 0;
            },
            &waits);
        int logFrames = 0, checkpointed = 0;
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_RESTART, &logFrames,
                                                 &checkpointed);
        sqlite3_busy_timeout(db, sqlite::kBusyTimeoutMs);
        m_logRestartAsked.reset();
        if (rc == SQLITE_OK) {
            m_logFrames = 0;  // the next transaction writes from the WAL's start
        } else {
            // A reader held on, or a pass of the checkpointer began: not again every group.
            m_nextLogRestart = now + kLogRestartRetry;
        }
    }

    static void complete(const std::vector<std::shared_ptr<Pending>>& done) {
        for (const auto& p : done) {
            if (p->then)
                tellDone(p->then, p->error);
            else
                p->done.set();
        }
    }

    // Flushes the WAL for every group committed since the last flush, then completes them.
    void syncLoop() {
        pthread_setname_np(pthread_self(), "store-syncer");
        std::unique_lock lock(m_syncMutex);
        for (;;) {
            m_syncWake.wait(lock, [&] { return m_syncStopping || !m_syncQueue.empty(); });
            if (m_syncQueue.empty()) {
                return;  // stopping, and everything handed over is flushed
            }
            std::vector<std::shared_ptr<Pending>> batch;
            batch.swap(m_syncQueue);
            lock.unlock();
            const auto flushing = std::chrono::steady_clock::now();
            if (::fdatasync(m_walFd) == 0) {
                m_commit.observe(std::chrono::steady_clock::now() - flushing);
            } else {
                m_flushFailed = true;
                const auto error = std::make_exception_ptr(StoreUnavailable(
                    std::string("sqlite: flushing the log failed: ") + std::strerror(errno)));
                for (const auto& p : batch) {
                    if (!p->error) {
                        p->error = error;
                    }
                }
            }
            complete(batch);
            lock.lock();
        }
    }

    // read()'s transaction on `conn`, which it gives back to the idle readers (or closes).
    void readOn(std::unique_ptr<Connection> conn, const std::function<void(Tx&)>& fn,
                std::chrono::steady_clock::time_point asked) {
        bool keep = true;
        std::exception_ptr failure;
        try {
            conn->control("BEGIN");
            m_readWait.observe(std::chrono::steady_clock::now() - asked);
            SqliteTx tx(*conn);
            try {
                fn(tx);
            } catch (...) {
                failure = tx.failure();
                throw;
            }
            if (tx.failure()) {
                std::rethrow_exception(tx.failure());
            }
            conn->control("COMMIT");
        } catch (...) {
            const std::exception_ptr error = writeOutcome(std::current_exception(), failure);
            try {
                if (conn->inTransaction()) {
                    conn->control("ROLLBACK");
                }
            } catch (...) {
                keep = false;
            }
            releaseReader(std::move(conn), keep);
            std::rethrow_exception(error);
        }
        releaseReader(std::move(conn), keep);
    }

    // An idle reader, or a new one while fewer than m_maxReaders are open; else, with `mayWait`,
    // the first to come free (StoreUnavailable after kReaderWait), without it nullptr.
    std::unique_ptr<Connection> acquireReader(bool mayWait) {
        std::unique_lock lock(m_readMutex);
        const auto free = [&] { return !m_idleReaders.empty() || m_openReaders < m_maxReaders; };
        if (!mayWait && !free()) {
            return nullptr;
        }
        if (!m_readerFree.wait_for(lock, kReaderWait, free)) {
            throw StoreUnavailable("sqlite: no read connection free");
        }
        if (!m_idleReaders.empty()) {
            auto conn = std::move(m_idleReaders.back());
            m_idleReaders.pop_back();
            return conn;
        }
        ++m_openReaders;
        lock.unlock();
        try {
            return std::make_unique<Connection>(m_path, true);
        } catch (...) {
            lock.lock();
            --m_openReaders;
            lock.unlock();
            m_readerFree.notify_one();
            throw;
        }
    }

    void releaseReader(std::unique_ptr<Connection> conn, bool keep) {
        {
            std::lock_guard lock(m_readMutex);
            if (keep) {
                m_idleReaders.push_back(std::move(conn));
            } else {
                --m_openReaders;
            }
        }
        m_readerFree.notify_one();
        // A connection not kept is closed here, outside the lock.
    }

    const std::string m_path;
    std::unique_ptr<Connection> m_writer;           // only the writer thread uses it once running
    std::optional<sqlite::GroupCommitter> m_group;  // runs the writer's groups, on its thread

    std::mutex m_mutex;
    std::condition_variable m_work;  // writer: something queued, or stopping
    static constexpr std::size_t kBackground = static_cast<std::size_t>(Priority::Background);
    std::deque<std::shared_ptr<Pending>> m_queues[kBackground + 1];  // by Priority
    bool queued() const {
        for (const auto& queue : m_queues)
            if (!queue.empty())
                return true;
        return false;
    }
    bool m_stopping = false;
    std::thread m_thread;
    int m_walFd = -1;  // the WAL file, for the syncer's fdatasync(); -1: commits flush inline
    // restartLogIfLong(), on the writer thread: frames in the WAL after its last commit, when it
    // asked the checkpointer for a pass (and how many passes were done then), when to try again.
    int m_logFrames = 0;
    std::optional<std::chrono::steady_clock::time_point> m_logRestartAsked;
    std::uint64_t m_passesWhenAsked = 0;
    std::uint64_t m_passesAsked = 0;
    std::chrono::steady_clock::time_point m_nextLogRestart;
    std::mutex m_syncMutex;
    std::condition_variable m_syncWake;
    std::vector<std::shared_ptr<Pending>> m_syncQueue;  // committed, not yet flushed
    bool m_syncStopping = false;
    std::atomic<bool> m_flushFailed{false};
    std::thread m_syncer;
    std::unique_ptr<Connection> m_checkpointConnection;
    std::thread m_checkpointer;
    std::condition_variable m_checkpointWake;  // checkpointer: stopping, or a pass wanted now
                                               // (its own, so a write's notify_one always
                                               // reaches the writer)
    bool m_checkpointNow = false;              // under m_mutex
    std::atomic<std::uint64_t> m_checkpointPasses{0};

    // PASSIVE checkpoints every 200 ms while running (they never block the writer or readers),
    // and a TRUNCATE one on the way out so a clean shutdown leaves an empty WAL.
    void checkpointLoop() {
        pthread_setname_np(pthread_self(), "store-checkpoint");
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            m_checkpointWake.wait_for(lock, std::chrono::milliseconds(200),
                                      [&] { return m_stopping || m_checkpointNow; });
            const bool last = m_stopping;
            m_checkpointNow = false;
            lock.unlock();
            int logFrames = 0, checkpointed = 0;
            sqlite3_wal_checkpoint_v2(m_checkpointConnection->db(), nullptr,
                                      last ? SQLITE_CHECKPOINT_TRUNCATE : SQLITE_CHECKPOINT_PASSIVE,
                                      &logFrames, &checkpointed);
            m_checkpointPasses.fetch_add(1);
            lock.lock();
        }
    }

    std::mutex m_readMutex;
    std::condition_variable m_readerFree;
    std::vector<std::unique_ptr<Connection>> m_idleReaders;
    std::size_t m_openReaders = 0;
    const std::size_t m_maxReaders;
};

}  // namespace

std::unique_ptr<Store> openSqlite(const std::string& path, const Store::Options& options) {
    return std::make_unique<SqliteStore>(path, options.connections);
}

}  // namespace renshe::services::store::detail
