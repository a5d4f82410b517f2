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

namespace renshe::services::store::detail {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr std::size_t kMaxGroup = 256;                  // writes committed together at most
constexpr std::size_t kMaxCachedStatements = 256;       // per connection
constexpr auto kReaderWait = std::chrono::seconds(30);  // for a free read connection

[[noreturn]] void fail(int rc, const std::string& message) {
    const int primary = rc & 0xff;
    switch (primary) {
        case SQLITE_BUSY:
        case SQLITE_FULL:
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_NOMEM:
        case SQLITE_PROTOCOL:
            throw StoreUnavailable("sqlite: " + message);
        default:
            break;
    }
    const bool unique = rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY;
    throw StoreError("sqlite: " + message, unique);
}

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context) {
    std::string message(context);
    message += ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    fail(rc, message);
}

// The start of a statement, for error messages (parameters are never part of it).
std::string excerpt(std::string_view sql) {
    constexpr std::size_t kMax = 80;
    std::string s(sql.substr(0, kMax));
    for (char& c : s) {
        if (c == '\n' || c == '\t') {
            c = ' ';
        }
    }
    return sql.size() > kMax ? s + "…" : s;
}

// One SQLite connection with its statement cache. Used by one thread at a time.
class Connection {
public:
    Connection(const std::string& path, bool readOnly) {
        const int flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
            SQLITE_OPEN_NOMUTEX;
        const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
        if (rc != SQLITE_OK) {
            const std::string message = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
            sqlite3_close_v2(m_db);
            m_db = nullptr;
            // Whatever keeps us from opening the file (missing directory, permissions, disk)
            // is the operator's to cure: unavailable, not a bug.
            throw StoreUnavailable("sqlite: cannot open " + path + ": " + message);
        }
        sqlite3_extended_result_codes(m_db, 1);
        sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
        try {
            if (!readOnly) {
                if (enableWal() != "wal") {
                    throw StoreUnavailable("sqlite: " + path + " cannot use WAL journaling");
                }
                execSimple("PRAGMA synchronous=FULL");
                execSimple("PRAGMA foreign_keys=ON");
            }
        } catch (...) {
            close();
            throw;
        }
    }

    ~Connection() { close(); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* db() const noexcept { return m_db; }

    // PRAGMA journal_mode=WAL; returns the mode now in force. Switching a new database file
    // needs it to itself for a moment and answers SQLITE_BUSY without consulting the busy
    // handler when another connection (a second process opening it too) is busy: retried.
    std::string enableWal() {
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
        for (;;) {
            std::string mode;
            const auto keep = [](void* out, int columns, char** values, char**) {
                if (columns > 0 && values[0] != nullptr) {
                    *static_cast<std::string*>(out) = values[0];
                }
                return 0;
            };
            char* error = nullptr;
            const int rc = sqlite3_exec(m_db, "PRAGMA journal_mode=WAL", keep, &mode, &error);
            sqlite3_free(error);
            if (rc == SQLITE_OK) {
                return mode;
            }
            const int primary = rc & 0xff;
            if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) ||
                std::chrono::steady_clock::now() > deadline) {
                fail(m_db, rc, "PRAGMA journal_mode=WAL");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    bool inTransaction() const noexcept { return sqlite3_get_autocommit(m_db) == 0; }

    // Statements without parameters (transaction control, pragmas, migration scripts).
    void execSimple(std::string_view sql) {
        const std::string text(sql);
        char* error = nullptr;
        const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
        if (rc != SQLITE_OK) {
            const std::string message = error != nullptr ? error : sqlite3_errstr(rc);
            sqlite3_free(error);
            fail(sqlite3_extended_errcode(m_db), message);
        }
    }

    // Runs one statement with $1…$N parameters; collects rows when `wantRows`.
    std::vector<Row> run(std::string_view sql, const std::vector<Value>& params, bool wantRows,
                         std::int64_t* changes) {
        sqlite3_stmt* stmt = prepare(sql);
        struct Reset {
            sqlite3_stmt* s;
            ~Reset() {
                sqlite3_reset(s);
                sqlite3_clear_bindings(s);
            }
        } reset{stmt};
        bind(stmt, params);

        std::vector<Row> rows;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            if (wantRows) {
                rows.push_back(readRow(stmt));
            }
        }
        if (rc != SQLITE_DONE) {
            fail(m_db, rc, excerpt(sql));
        }
        if (changes != nullptr) {
            *changes = sqlite3_changes64(m_db);
        }
        return rows;
    }

private:
    void close() noexcept {
        for (auto& [sql, stmt] : m_cache) {
            sqlite3_finalize(stmt);
        }
        m_cache.clear();
        if (m_db != nullptr) {
            sqlite3_close_v2(m_db);
            m_db = nullptr;
        }
    }

    sqlite3_stmt* prepare(std::string_view sql) {
        std::string key(sql);
        if (const auto it = m_cache.find(key); it != m_cache.end()) {
            return it->second;
        }
        sqlite3_stmt* stmt = nullptr;
        const char* tail = nullptr;
        int rc = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
        if (rc != SQLITE_OK) {
            fail(m_db, rc, "cannot prepare statement");
        }
        if (stmt == nullptr) {
            throw StoreError("sqlite: empty statement");
        }
        // Whatever follows the first statement must be blank (or comments).
        const char* end = sql.data() + sql.size();
        if (tail != nullptr && tail < end) {
            sqlite3_stmt* extra = nullptr;
            rc = sqlite3_prepare_v2(m_db, tail, static_cast<int>(end - tail), &extra, nullptr);
            sqlite3_finalize(extra);
            if (rc != SQLITE_OK || extra != nullptr) {
                sqlite3_finalize(stmt);
                throw StoreError("sqlite: one statement per call");
            }
        }
        if (m_cache.size() >= kMaxCachedStatements) {
            for (auto& [text, cached] : m_cache) {
                sqlite3_finalize(cached);
            }
            m_cache.clear();
        }
        m_cache.emplace(std::move(key), stmt);
        return stmt;
    }

    // Parameters are $1…$N. SQLite numbers named parameters in order of appearance, so each
    // is bound through its name; every parameter given must be used, and only those.
    static void bind(sqlite3_stmt* stmt, const std::vector<Value>& params) {
        const int count = sqlite3_bind_parameter_count(stmt);
        std::vector<bool> used(params.size() + 1, false);
        for (int j = 1; j <= count; ++j) {
            const char* name = sqlite3_bind_parameter_name(stmt, j);
            std::size_t n = 0;
            const std::string_view s = name != nullptr ? name : "";
            const bool dollar = s.size() > 1 && s[0] == '$';
            const auto [end, ec] =
                dollar ? std::from_chars(s.data() + 1, s.data() + s.size(), n)
                       : std::from_chars_result{s.data(), std::errc::invalid_argument};
            if (!dollar || ec != std::errc() || end != s.data() + s.size() || n == 0) {
                throw StoreError("sqlite: parameters are written $1, $2 … (found '" +
                                 std::string(s) + "')");
            }
            if (n > params.size()) {
                throw StoreError("sqlite: statement uses $" + std::to_string(n) + " but " +
                                 std::to_string(params.size()) + " parameters were given");
            }
            used[n] = true;
        }
        for (std::size_t n = 1; n <= params.size(); ++n) {
            if (!used[n]) {
                throw StoreError("sqlite: parameter $" + std::to_string(n) +
                                 " is not used by the statement");
            }
            const std::string name = "$" + std::to_string(n);
            const int index = sqlite3_bind_parameter_index(stmt, name.c_str());
            const Value& v = params[n - 1];
            int rc = SQLITE_OK;
            if (std::holds_alternative<std::nullptr_t>(v)) {
                rc = sqlite3_bind_null(stmt, index);
            } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
                rc = sqlite3_bind_int64(stmt, index, *i);
            } else {
                const std::string& text = std::get<std::string>(v);
                checkTextParameter(text);
                // The parameter vector outlives the statement's use (reset + clear_bindings).
                rc = sqlite3_bind_text64(stmt, index, text.data(), text.size(), SQLITE_STATIC,
                                         SQLITE_UTF8);
            }
            if (rc != SQLITE_OK) {
                fail(sqlite3_db_handle(stmt), rc, "cannot bind " + name);
            }
        }
    }

    static Row readRow(sqlite3_stmt* stmt) {
        const int columns = sqlite3_column_count(stmt);
        std::vector<Value> cells;
        cells.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(stmt, c)) {
                case SQLITE_NULL:
                    cells.emplace_back(nullptr);
                    break;
                case SQLITE_INTEGER:
                    cells.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c)));
                    break;
                case SQLITE_BLOB: {
                    const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, c));
                    const int size = sqlite3_column_bytes(stmt, c);
                    cells.emplace_back(
                        std::string(data != nullptr ? data : "", static_cast<std::size_t>(size)));
                    break;
                }
                default: {  // TEXT, and FLOAT as its text (as PostgreSQL sends numeric)
                    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                    const int size = sqlite3_column_bytes(stmt, c);
                    cells.emplace_back(
                        std::string(data != nullptr ? data : "", static_cast<std::size_t>(size)));
                    break;
                }
            }
        }
        return Row(std::move(cells));
    }

    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> m_cache;
};

// A transaction (or, on the writer, one savepoint of a group) on one connection. The first
// statement that fails poisons it, as on PostgreSQL: see store.hpp.
class SqliteTx final : public ScriptTx {
public:
    explicit SqliteTx(Connection& c) : m_conn(c) {}

    std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override {
        try {
            return m_conn.run(sql, params, true, nullptr);
        } catch (...) {
            remember();
            throw;
        }
    }

    std::int64_t exec(std::string_view sql, const std::vector<Value>& params) override {
        try {
            std::int64_t changes = 0;
            m_conn.run(sql, params, false, &changes);
            return changes;
        } catch (...) {
            remember();
            throw;
        }
    }

    void execScript(std::string_view sql) override {
        try {
            m_conn.execSimple(sql);
        } catch (...) {
            remember();
            throw;
        }
    }

    Backend backend() const noexcept override { return Backend::Sqlite; }

    std::exception_ptr failure() const noexcept { return m_failure; }

private:
    void remember() {
        if (!m_failure) {
            m_failure = std::current_exception();
        }
    }

    Connection& m_conn;
    std::exception_ptr m_failure;
};

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
        std::unique_ptr<Connection> conn = acquireReader();
        bool keep = true;
        std::exception_ptr failure;
        try {
            conn->execSimple("BEGIN");
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
        return s;
    }

private:
    struct Pending {
        const std::function<void(Tx&)>* fn = nullptr;
        std::exception_ptr error;
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
                m_writer->execSimple("COMMIT");
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
};

}  // namespace

std::unique_ptr<Store> openSqlite(const std::string& path, const Store::Options& options) {
    return std::make_unique<SqliteStore>(path, options.connections);
}

}  // namespace renshe::services::store::detail
