#include "kiosk/outbox.hpp"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>
#include <openssl/crypto.h>
#include <sqlite3.h>

#include <QCoreApplication>
#include <future>
#include <stdexcept>
#include <vector>

#include "kiosk/ui_async.hpp"
#include "services/client/call.hpp"

namespace renshe::kiosk {

namespace {

void check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(std::string("outbox: ") + what + ": " + sqlite3_errmsg(db));
    }
}

struct Entry {
    std::string requestId, method, payload;
};

}  // namespace

Outbox::Outbox(const std::string& path, std::shared_ptr<services::client::ChannelKeeper> backoffice,
               std::chrono::milliseconds interval, const util::Clock* clock, QObject* parent)
    : QObject(parent),
      m_clock(clock ? *clock : util::SystemClock::instance()),
      m_backoffice(std::move(backoffice)),
      m_interval(interval) {
    if (sqlite3_open_v2(path.c_str(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string why = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        throw std::runtime_error("outbox: cannot open " + path + ": " + why);
    }
    // secure_delete: a delivered entry's bytes (a sealed password, an ID number) are
    // overwritten in the file, not left in free pages.
    check(m_db,
          sqlite3_exec(m_db,
                       "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;"
                       "CREATE TABLE IF NOT EXISTS outbox (request_id TEXT PRIMARY KEY, method "
                       "TEXT NOT NULL, payload BLOB NOT NULL, created_at INTEGER NOT NULL, "
                       "attempts INTEGER NOT NULL DEFAULT 0)",
                       nullptr, nullptr, nullptr),
          "schema");
    // Version 1: an entry is 'pending' (due at not_before) or 'needs_staff' (with why).
    if (count("PRAGMA user_version") < 1) {
        check(m_db,
              sqlite3_exec(m_db,
                           "BEGIN;"
                           "ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'pending';"
                           "ALTER TABLE outbox ADD COLUMN not_before INTEGER NOT NULL DEFAULT 0;"
                           "ALTER TABLE outbox ADD COLUMN why TEXT NOT NULL DEFAULT '';"
                           "PRAGMA user_version = 1; COMMIT;",
                           nullptr, nullptr, nullptr),
              "schema upgrade");
    }
    m_thread = std::thread([this] { run(); });
}

Outbox::~Outbox() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    sqlite3_close(m_db);
}

int Outbox::count(const char* sql) const {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr);
    int n = 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

int Outbox::pending() const {
    std::lock_guard lock(m_mutex);
    return count("SELECT count(*) FROM outbox WHERE state = 'pending'");
}

int Outbox::needsStaff() const {
    std::lock_guard lock(m_mutex);
    return count("SELECT count(*) FROM outbox WHERE state = 'needs_staff'");
}

std::vector<Outbox::EntryView> Outbox::entries() const {
    std::lock_guard lock(m_mutex);
    std::vector<EntryView> out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(m_db,
                       "SELECT request_id, method, state, why, not_before FROM outbox "
                       "ORDER BY created_at, rowid",
                       -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
        EntryView e;
        e.requestId = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        e.method = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
        e.needsStaff =
            std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(st, 2))) ==
            "needs_staff";
        e.why = reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
        e.notBefore = sqlite3_column_int64(st, 4);
        out.push_back(std::move(e));
    }
    sqlite3_finalize(st);
    return out;
}

void Outbox::enqueue(const std::string& method, const std::string& requestId,
                     const std::string& serialized) {
    {
        std::lock_guard lock(m_mutex);
        sqlite3_stmt* st = nullptr;
        check(m_db,
              sqlite3_prepare_v2(
                  m_db,
                  "INSERT OR IGNORE INTO outbox (request_id, method, payload, created_at) "
                  "VALUES (?1, ?2, ?3, ?4)",
                  -1, &st, nullptr),
              "prepare");
        sqlite3_bind_text(st, 1, requestId.data(), static_cast<int>(requestId.size()),
                          SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, method.data(), static_cast<int>(method.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(st, 3, serialized.data(), static_cast<int>(serialized.size()),
                          SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 4, m_clock.nowMicros() / 1'000'000);
        const int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        check(m_db, rc, "insert");
    }
    qInfo("outbox: queued %s for later delivery", method.c_str());
    notifyPending();
    deliverNow();
}

void Outbox::deliverNow() {
    {
        std::lock_guard lock(m_mutex);
        m_kick = true;
    }
    m_wake.notify_all();
}

void Outbox::notifyPending() {
    postToUi(this, [this] { Q_EMIT pendingChanged(); });
}

void Outbox::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, m_interval, [&] { return m_stopping || m_kick; });
        if (m_stopping)
            break;
        m_kick = false;
        lock.unlock();
        try {
            deliverAll();
        } catch (const std::exception& e) {
            qWarning("%s", e.what());
        }
        lock.lock();
    }
}

void Outbox::settle(const std::string& requestId, const outbox_policy::Decision& how) {
    using outbox_policy::Verdict;
    sqlite3_stmt* st = nullptr;
    switch (how.verdict) {
        case Verdict::Delivered:
            sqlite3_prepare_v2(m_db, "DELETE FROM outbox WHERE request_id = ?1", -1, &st, nullptr);
            break;
        case Verdict::Away:
            sqlite3_prepare_v2(m_db,
                               "UPDATE outbox SET attempts = attempts + 1 WHERE request_id = ?1",
                               -1, &st, nullptr);
            break;
        case Verdict::RetryLater:
            sqlite3_prepare_v2(m_db,
                               "UPDATE outbox SET attempts = attempts + 1, not_before = ?2, why = "
                               "?3 WHERE request_id = ?1",
                               -1, &st, nullptr);
            break;
        case Verdict::NeedsStaff:
            sqlite3_prepare_v2(m_db,
                               "UPDATE outbox SET attempts = attempts + 1, not_before = ?2, why = "
                               "?3, state = 'needs_staff' WHERE request_id = ?1",
                               -1, &st, nullptr);
            break;
    }
    sqlite3_bind_text(st, 1, requestId.data(), static_cast<int>(requestId.size()),
                      SQLITE_TRANSIENT);
    if (how.verdict == Verdict::RetryLater || how.verdict == Verdict::NeedsStaff) {
        sqlite3_bind_int64(st, 2, how.notBefore);
        sqlite3_bind_text(st, 3, how.why.data(), static_cast<int>(how.why.size()),
                          SQLITE_TRANSIENT);
    }
    const int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    check(m_db, rc, "settling an entry");
    if (how.verdict == Verdict::Delivered) {
        // secure_delete zeroed the row in the page; the WAL still holds the frames that wrote
        // it: fold them into the file and truncate the WAL.
        sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    }
}

void Outbox::deliverAll() {
    if (!m_backoffice)
        return;
    const std::int64_t now = m_clock.nowMicros() / 1'000'000;
    std::vector<Entry> entries;
    bool changed = false;
    {
        std::lock_guard lock(m_mutex);
        // Too old to send: the back office may no longer know its request id.
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(m_db,
                           "UPDATE outbox SET state = 'needs_staff', why = 'EXPIRED' WHERE state = "
                           "'pending' AND created_at < ?1",
                           -1, &st, nullptr);
        sqlite3_bind_int64(st, 1, now - outbox_policy::kMaxAgeSeconds);
        check(m_db, sqlite3_step(st), "expiring entries");
        sqlite3_finalize(st);
        changed = sqlite3_changes(m_db) > 0;
        sqlite3_prepare_v2(m_db,
                           "SELECT request_id, method, payload FROM outbox WHERE state = 'pending' "
                           "AND not_before <= ?1 ORDER BY created_at, rowid LIMIT 100",
                           -1, &st, nullptr);
        sqlite3_bind_int64(st, 1, now);
        while (sqlite3_step(st) == SQLITE_ROW) {
            entries.push_back({reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                               reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                               std::string(static_cast<const char*>(sqlite3_column_blob(st, 2)),
                                           static_cast<std::size_t>(sqlite3_column_bytes(st, 2)))});
        }
        sqlite3_finalize(st);
    }
    for (auto& e : entries) {
        grpc::GenericStub stub(m_backoffice->channel());
        grpc::ClientContext ctx;
        services::client::setDeadline(ctx, services::client::kDefaultDeadline);
        grpc::Slice slice(e.payload);
        grpc::ByteBuffer request(&slice, 1), response;
        std::promise<grpc::Status> done;
        stub.UnaryCall(&ctx, e.method, grpc::StubOptions(), &request, &response,
                       [&done](grpc::Status s) { done.set_value(std::move(s)); });
        const auto result = services::client::resultOf(done.get_future().get(), ctx);
        OPENSSL_cleanse(e.payload.data(), e.payload.size());
        m_backoffice->reportReachable(!result.transient());
        const auto decision = outbox_policy::decide(result, now);
        if (decision.verdict == outbox_policy::Verdict::RetryLater) {
            qWarning("outbox: %s not taken yet (%s); again in %lld s", e.method.c_str(),
                     decision.why.c_str(), static_cast<long long>(decision.notBefore - now));
        } else if (decision.verdict == outbox_policy::Verdict::NeedsStaff) {
            qWarning("outbox: %s refused for good (%s: %s); kept for staff", e.method.c_str(),
                     decision.why.c_str(), result.message.c_str());
        }
        std::lock_guard lock(m_mutex);
        settle(e.requestId, decision);
        if (decision.verdict == outbox_policy::Verdict::Away)
            break;  // the back office is away: try the rest on the next round, in order
        changed = true;
    }
    if (changed)
        notifyPending();
}

}  // namespace renshe::kiosk
