// SQLite backend: one writer connection owned by one writer thread (group commit), and a
// small pool of read-only WAL connections for read().
#include <sqlite3.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "services/store/internal.hpp"
#include "services/store/sqlite_connection.hpp"

namespace renshe::services::store::detail {

namespace {

using sqlite::Connection;
using sqlite::fail;
using sqlite::SqliteTx;

constexpr std::size_t kMaxGroup = 256;                  // writes committed together at most
constexpr auto kReaderWait = std::chrono::seconds(30);  // for a free read connection

class SqliteStore final : public Store {
public:
    SqliteStore(const std::string& path, std::size_t readers)
        : m_path(path), m_maxReaders(std::max<std::size_t>(readers, 1)) {
        if (sqlite3_threadsafe() == 0) {
            throw StoreError("sqlite: the library was built without thread support");
        }
        m_writer = std::make_unique<Connection>(m_path, false);
        migrate();
        // Checkpoints (copying the WAL back into the database file, with its own fsync) run
        // on a connection and thread of their own, so the writer never stalls on one in the
        // middle of a group commit.
        m_writer->execSimple("PRAGMA wal_autocheckpoint=0");
        m_writer->execSimple("PRAGMA journal_size_limit=67108864");
        m_checkpointConnection = std::make_unique<Connection>(m_path, false);
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
        m_checkpointWake.notify_all();
        if (m_checkpointer.joinable()) {
            m_checkpointer.join();
        }
    }

    void write(const std::function<void(Tx&)>& fn) override {
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
            m_queue.push_back(pending);
        }
        m_work.notify_one();
        pending->done.wait(false, std::memory_order_acquire);
        if (pending->error) {
            std::rethrow_exception(pending->error);
        }
    }

    void read(const std::function<void(Tx&)>& fn) override {
        const auto asked = std::chrono::steady_clock::now();
        std::unique_ptr<Connection> conn = acquireReader();
        bool keep = true;
        std::exception_ptr failure;
        try {
            conn->execSimple("BEGIN");
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
            conn->execSimple("COMMIT");
        } catch (...) {
            const std::exception_ptr error = writeOutcome(std::current_exception(), failure);
            try {
                if (conn->inTransaction()) {
                    conn->execSimple("ROLLBACK");
                }
            } catch (...) {
                keep = false;
            }
            releaseReader(std::move(conn), keep);
            std::rethrow_exception(error);
        }
        releaseReader(std::move(conn), keep);
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
    struct Pending {
        const std::function<void(Tx&)>* fn = nullptr;
        std::exception_ptr error;
        std::chrono::steady_clock::time_point queued;
        // Set by the writer once the group is committed; each caller waits on its own flag
        // (a futex), so a commit wakes exactly the callers it completed.
        std::atomic<bool> done{false};
    };

    void migrate() {
        for (const Migration& m : migrations()) {
            m_writer->execSimple("BEGIN IMMEDIATE");  // one migrator at a time, across processes
            try {
                SqliteTx tx(*m_writer);
                applyMigration(tx, m);
                m_writer->execSimple("COMMIT");
            } catch (...) {
                if (m_writer->inTransaction()) {
                    try {
                        m_writer->execSimple("ROLLBACK");
                    } catch (...) {
                    }
                }
                throw;
            }
        }
    }

    void writerLoop() {
        WriteScope scope;  // a callback calling write() would wait for this thread forever
        for (;;) {
            std::vector<std::shared_ptr<Pending>> owned;
            std::vector<Pending*> group;
            {
                std::unique_lock lock(m_mutex);
                m_work.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty()) {
                    return;  // stopping, and everything queued is done
                }
                while (!m_queue.empty() && group.size() < kMaxGroup) {
                    owned.push_back(m_queue.front());
                    group.push_back(owned.back().get());
                    m_queue.pop_front();
                }
            }
            runGroup(group);
            for (Pending* p : group) {
                p->done.store(true, std::memory_order_release);
                p->done.notify_one();
            }
        }
    }

    void rollbackQuietly() noexcept {
        try {
            if (m_writer->inTransaction()) {
                m_writer->execSimple("ROLLBACK");
            }
        } catch (...) {
        }
    }

    // Runs the group in as few transactions as possible (one unless SQLite itself rolls a
    // transaction back on an error), each callback in its own savepoint. Never throws: every
    // outcome lands in the Pending entries.
    void runGroup(const std::vector<Pending*>& group) noexcept {
        std::size_t i = 0;
        while (i < group.size()) {
            try {
                m_writer->execSimple("BEGIN IMMEDIATE");
            } catch (...) {
                const std::exception_ptr error = std::current_exception();
                for (; i < group.size(); ++i) {
                    group[i]->error = error;
                }
                return;
            }
            std::vector<Pending*> members;  // callbacks released into this transaction
            bool lost = false;              // the transaction ended before COMMIT
            for (; i < group.size() && !lost; ++i) {
                Pending* p = group[i];
                try {
                    m_writer->execSimple("SAVEPOINT s");
                } catch (...) {
                    p->error = std::current_exception();
                    lost = !m_writer->inTransaction();
                    continue;
                }
                m_writeWait.observe(std::chrono::steady_clock::now() - p->queued);
                SqliteTx tx(*m_writer);
                try {
                    (*p->fn)(tx);
                    if (tx.failure()) {
                        std::rethrow_exception(tx.failure());
                    }
                    if (!m_writer->inTransaction()) {
                        throw StoreError("sqlite: the write callback ended the transaction");
                    }
                    m_writer->execSimple("RELEASE s");
                    members.push_back(p);
                } catch (...) {
                    p->error = writeOutcome(std::current_exception(), tx.failure());
                    if (!m_writer->inTransaction()) {
                        lost = true;  // SQLite rolled the whole transaction back (disk full, …)
                        continue;
                    }
                    try {
                        m_writer->execSimple("ROLLBACK TO s");
                        m_writer->execSimple("RELEASE s");
                    } catch (...) {
                        rollbackQuietly();
                        lost = true;
                    }
                }
            }
            if (lost) {
                rollbackQuietly();
                const auto error = std::make_exception_ptr(StoreUnavailable(
                    "sqlite: the group transaction was rolled back by another write's failure"));
                for (Pending* p : members) {
                    p->error = error;
                }
                continue;  // the rest of the group gets a fresh transaction
            }
            try {
                const auto committing = std::chrono::steady_clock::now();
                m_writer->execSimple("COMMIT");
                m_commit.observe(std::chrono::steady_clock::now() - committing);
                m_commits.fetch_add(1);
                m_writes.fetch_add(members.size());
            } catch (const std::exception& e) {
                rollbackQuietly();
                const auto error = std::make_exception_ptr(
                    StoreUnavailable(std::string("sqlite: commit failed: ") + e.what()));
                for (Pending* p : members) {
                    p->error = error;
                }
            }
        }
    }

    std::unique_ptr<Connection> acquireReader() {
        std::unique_lock lock(m_readMutex);
        const bool free = m_readerFree.wait_for(lock, kReaderWait, [&] {
            return !m_idleReaders.empty() || m_openReaders < m_maxReaders;
        });
        if (!free) {
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
    std::unique_ptr<Connection> m_writer;  // only the writer thread uses it once running

    std::mutex m_mutex;
    std::condition_variable m_work;  // writer: something queued, or stopping
    std::deque<std::shared_ptr<Pending>> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
    std::unique_ptr<Connection> m_checkpointConnection;
    std::thread m_checkpointer;
    std::condition_variable m_checkpointWake;  // checkpointer: stopping (its own, so a write's
                                               // notify_one always reaches the writer)

    // PASSIVE checkpoints every 200 ms while running (they never block the writer or readers),
    // and a TRUNCATE one on the way out so a clean shutdown leaves an empty WAL.
    void checkpointLoop() {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            m_checkpointWake.wait_for(lock, std::chrono::milliseconds(200),
                                      [&] { return m_stopping; });
            const bool last = m_stopping;
            lock.unlock();
            int logFrames = 0, checkpointed = 0;
            sqlite3_wal_checkpoint_v2(m_checkpointConnection->db(), nullptr,
                                      last ? SQLITE_CHECKPOINT_TRUNCATE : SQLITE_CHECKPOINT_PASSIVE,
                                      &logFrames, &checkpointed);
            lock.lock();
        }
    }

    std::mutex m_readMutex;
    std::condition_variable m_readerFree;
    std::vector<std::unique_ptr<Connection>> m_idleReaders;
    std::size_t m_openReaders = 0;
    const std::size_t m_maxReaders;

    std::atomic<std::uint64_t> m_writes{0};
    std::atomic<std::uint64_t> m_commits{0};
    util::LatencyHistogram m_readWait, m_writeWait, m_commit;
};

}  // namespace

std::unique_ptr<Store> openSqlite(const std::string& path, const Store::Options& options) {
    return std::make_unique<SqliteStore>(path, options.connections);
}

}  // namespace renshe::services::store::detail
