// PostgreSQL backend (libpq): a fixed pool of connections (pg_tx.hpp); write() = BEGIN; fn;
// COMMIT, re-run on serialization failures, deadlocks and unique-key races between replicas.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>
#include <utility>

#include "services/store/pg_tx.hpp"

namespace renshe::services::store::detail {

namespace {

constexpr int kMaxAttempts = 8;
constexpr auto kPoolWait = std::chrono::seconds(30);
// pg_advisory_xact_lock key of the migrators: "renshe" 0x00 0x01.
constexpr std::int64_t kMigrationLock = 0x72656e7368650001;

void ignoreNotice(void*, const char*) {}

using pg::connectionLost;
using pg::PgConn;
using pg::PgTx;
using pg::raise;
using pg::Result;
using pg::retryable;
using pg::trimmed;

class PostgresStore final : public Store {
public:
    PostgresStore(std::string conninfo, std::size_t connections, bool readReplica)
        : m_conninfo(std::move(conninfo)),
          m_max(std::max<std::size_t>(connections, 1)),
          m_readReplica(readReplica) {
        if (!m_readReplica)
            migrate();  // a replica connects on its first read
    }

    using Store::write;
    void write(const std::function<void(Tx&)>& fn, Priority priority) override {
        if (m_readReplica)
            throw StoreError("postgres: a read replica takes no writes");
        ensureNotInsideWrite();
        WriteScope scope;
        bool rerunOnFreshConnection = true;
        for (int attempt = 1;; ++attempt) {
            const auto asked = std::chrono::steady_clock::now();
            Lease lease(*this, priority);
            PgConn& conn = lease.conn();
            if (conn.c == nullptr || conn.needsReset || !conn.ok()) {
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
        Lease lease(*this);
        PgConn& conn = lease.conn();
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
    // A connection borrowed from the pool for one transaction.
    class Lease {
    public:
        explicit Lease(PostgresStore& store, Priority priority = Priority::Normal)
            : m_store(store), m_conn(store.acquire(priority)) {}
        ~Lease() { release(); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        PgConn& conn() { return *m_conn; }
        void release() {
            if (m_conn) {
                m_store.giveBack(std::move(m_conn));
            }
        }

    private:
        PostgresStore& m_store;
        std::unique_ptr<PgConn> m_conn;
    };

    // A free connection for a transaction of `priority`: none goes to a waiter while one of a
    // higher priority waits (reads wait as Normal).
    std::unique_ptr<PgConn> acquire(Priority priority) {
        const auto level = static_cast<std::size_t>(priority);
        std::unique_lock lock(m_poolMutex);
        ++m_waiting[level];
        const bool free = m_poolFree[level].wait_for(lock, kPoolWait, [&] {
            for (std::size_t higher = 0; higher < level; ++higher)
                if (m_waiting[higher] > 0)
                    return false;
            return !m_idle.empty() || m_open < m_max;
        });
        --m_waiting[level];
        if (!free) {
            wakeNext();
            throw StoreUnavailable("postgres: no connection free in the pool");
        }
        std::unique_ptr<PgConn> conn;
        if (!m_idle.empty()) {
            conn = std::move(m_idle.back());
            m_idle.pop_back();
        } else {
            ++m_open;
            conn = std::make_unique<PgConn>();  // connected by begin()
        }
        wakeNext();  // a less urgent waiter may take what is left
        return conn;
    }

    void giveBack(std::unique_ptr<PgConn> conn) {
        std::lock_guard lock(m_poolMutex);
        m_idle.push_back(std::move(conn));
        wakeNext();
    }

    // Under m_poolMutex: when a connection is to be had, wakes one waiter of the most urgent
    // level that has any.
    void wakeNext() {
        if (m_idle.empty() && m_open >= m_max)
            return;
        for (std::size_t level = 0; level < kLevels; ++level) {
            if (m_waiting[level] > 0) {
                m_poolFree[level].notify_one();
                return;
            }
        }
    }

    // Connects a new pooled connection, or re-connects a broken one. Throws StoreUnavailable.
    void connect(PgConn& conn) {
        if (conn.c == nullptr) {
            // connect_timeout applies unless the connection string sets its own; the
            // client encoding is always UTF-8 (store.hpp: text is UTF-8).
            const char* keys[] = {"connect_timeout", "dbname", "client_encoding", nullptr};
            const char* values[] = {"10", m_conninfo.c_str(), "UTF8", nullptr};
            conn.c = PQconnectdbParams(keys, values, 1);
            if (conn.c == nullptr) {
                throw StoreUnavailable("postgres: out of memory while connecting");
            }
            PQsetNoticeProcessor(conn.c, ignoreNotice, nullptr);
        } else {
            PQreset(conn.c);
        }
        conn.prepared.clear();  // a new session has none
        conn.needsReset = !conn.ok();
        if (conn.needsReset) {
            throw StoreUnavailable("postgres: cannot connect: " + trimmed(PQerrorMessage(conn.c)));
        }
    }

    // Opens the transaction. A pooled connection the server dropped while it sat idle (a
    // restart, a failover) is re-connected once here: nothing of the transaction was sent.
    void begin(PgConn& conn, const char* sql) {
        if (conn.c == nullptr || conn.needsReset || !conn.ok()) {
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
            if (lost && round == 0) {
                connect(conn);
                continue;
            }
            if (lost) {
                conn.needsReset = true;
            }
            raise(s, message, lost, true);
        }
    }

    // After a failed callback: rolls back. False when the connection is gone (it is then
    // re-connected by its next user).
    bool finish(PgConn& conn, PgTx& tx) {
        tx.abandon();  // what was sent ahead, read back first
        if (!tx.lost()) {
            Result r(PQexec(conn.c, "ROLLBACK"));
            if (PQresultStatus(r.get()) == PGRES_COMMAND_OK) {
                return true;
            }
        }
        conn.needsReset = true;
        return false;
    }

    [[noreturn]] static void rethrowAsUnavailable(const std::exception_ptr& error) {
        try {
            std::rethrow_exception(error);
        } catch (const StoreUnavailable&) {
            throw;
        } catch (const std::exception& e) {
            throw StoreUnavailable(std::string("postgres: connection lost: ") + e.what());
        } catch (...) {
            throw StoreUnavailable("postgres: connection lost");
        }
    }

    static void backOff(int attempt) {
        thread_local std::mt19937 rng(std::random_device{}());
        const int ceiling = std::min(2 << attempt, 64);  // ms: 4, 8, 16, 32, 64 …
        std::uniform_int_distribution<int> pick(1, ceiling);
        std::this_thread::sleep_for(std::chrono::milliseconds(pick(rng)));
    }

    // Each migration in its own transaction under one advisory lock, so that replicas
    // starting together apply it once; the later ones find it recorded and skip it.
    void migrate() {
        for (const Migration& m : migrations()) {
            Lease lease(*this);
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
    const std::size_t m_max;
    const bool m_readReplica;

    std::mutex m_poolMutex;
    static constexpr std::size_t kLevels = 3;  // Priority's values
    std::condition_variable m_poolFree[kLevels];
    std::size_t m_waiting[kLevels] = {0, 0, 0};
    std::vector<std::unique_ptr<PgConn>> m_idle;
    std::size_t m_open = 0;

    std::atomic<std::uint64_t> m_writes{0};
    std::atomic<std::uint64_t> m_commits{0};
    util::LatencyHistogram m_readWait, m_writeWait, m_commit;
    std::atomic<std::uint64_t> m_retries{0};
};

}  // namespace

std::unique_ptr<Store> openPostgres(const std::string& conninfo, const Store::Options& options) {
    return std::make_unique<PostgresStore>(conninfo, options.connections, options.readReplica);
}

}  // namespace renshe::services::store::detail
