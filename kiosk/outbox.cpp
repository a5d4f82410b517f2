#include "kiosk/outbox.hpp"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>
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
               std::chrono::milliseconds interval, QObject* parent)
    : QObject(parent), m_backoffice(std::move(backoffice)), m_interval(interval) {
    if (sqlite3_open_v2(path.c_str(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string why = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        throw std::runtime_error("outbox: cannot open " + path + ": " + why);
    }
    check(
        m_db,
        sqlite3_exec(
            m_db,
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
            "CREATE TABLE IF NOT EXISTS outbox (request_id TEXT PRIMARY KEY, method TEXT NOT NULL,"
            " payload BLOB NOT NULL, created_at INTEGER NOT NULL, attempts INTEGER NOT NULL "
            "DEFAULT 0)",
            nullptr, nullptr, nullptr),
        "schema");
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

int Outbox::pending() const {
    std::lock_guard lock(m_mutex);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(m_db, "SELECT count(*) FROM outbox", -1, &st, nullptr);
    int n = 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
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
                  "VALUES (?1, ?2, ?3, strftime('%s','now'))",
                  -1, &st, nullptr),
              "prepare");
        sqlite3_bind_text(st, 1, requestId.data(), static_cast<int>(requestId.size()),
                          SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, method.data(), static_cast<int>(method.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(st, 3, serialized.data(), static_cast<int>(serialized.size()),
                          SQLITE_TRANSIENT);
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

void Outbox::deliverAll() {
    if (!m_backoffice)
        return;
    std::vector<Entry> entries;
    {
        std::lock_guard lock(m_mutex);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(
            m_db,
            "SELECT request_id, method, payload FROM outbox ORDER BY created_at, rowid LIMIT 100",
            -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) {
            entries.push_back({reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                               reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                               std::string(static_cast<const char*>(sqlite3_column_blob(st, 2)),
                                           static_cast<std::size_t>(sqlite3_column_bytes(st, 2)))});
        }
        sqlite3_finalize(st);
    }
    bool changed = false;
    for (const auto& e : entries) {
        grpc::GenericStub stub(m_backoffice->channel());
        grpc::ClientContext ctx;
        services::client::setDeadline(ctx, services::client::kDefaultDeadline);
        grpc::Slice slice(e.payload);
        grpc::ByteBuffer request(&slice, 1), response;
        std::promise<grpc::Status> done;
        stub.UnaryCall(&ctx, e.method, grpc::StubOptions(), &request, &response,
                       [&done](grpc::Status s) { done.set_value(std::move(s)); });
        const auto result = services::client::resultOf(done.get_future().get(), ctx);
        m_backoffice->reportReachable(!result.transient());
        std::lock_guard lock(m_mutex);
        if (result.transient()) {
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(m_db,
                               "UPDATE outbox SET attempts = attempts + 1 WHERE request_id = ?1",
                               -1, &st, nullptr);
            sqlite3_bind_text(st, 1, e.requestId.data(), static_cast<int>(e.requestId.size()),
                              SQLITE_TRANSIENT);
            sqlite3_step(st);
            sqlite3_finalize(st);
            break;  // the back office is away: try the rest on the next round, in order
        }
        // A final answer (done, or refused for good): the entry has been delivered.
        if (!result.ok()) {
            qWarning("outbox: %s refused for good (%d %s)", e.method.c_str(),
                     static_cast<int>(result.code), result.message.c_str());
        }
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(m_db, "DELETE FROM outbox WHERE request_id = ?1", -1, &st, nullptr);
        sqlite3_bind_text(st, 1, e.requestId.data(), static_cast<int>(e.requestId.size()),
                          SQLITE_TRANSIENT);
        sqlite3_step(st);
        sqlite3_finalize(st);
        changed = true;
    }
    if (changed)
        notifyPending();
}

}  // namespace renshe::kiosk
