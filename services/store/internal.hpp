// What the two backends share: migrations, parameter checks, the nested-write guard.
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "services/store/migrations.hpp"
#include "services/store/store.hpp"

namespace renshe::services::store::detail {

// A transaction that can also run a multi-statement script (a migration).
class ScriptTx : public Tx {
public:
    virtual void execScript(std::string_view sql) = 0;
};

// Inside a transaction the backend has opened and serialized against other migrators
// (SQLite: BEGIN IMMEDIATE; PostgreSQL: pg_advisory_xact_lock): creates schema_migrations
// when missing and applies `m` unless it is recorded there. True when it applied it.
bool applyMigration(ScriptTx& tx, const Migration& m);

// The highest version recorded in schema_migrations (0 on an empty database).
int recordedSchemaVersion(Tx& tx);

std::int64_t nowMicros();

// Text parameters must be valid UTF-8 without NUL bytes on both backends (PostgreSQL
// refuses anything else); SQLite would store them, so it checks with this. Throws StoreError.
void checkTextParameter(std::string_view text);

// What a callback that failed reports (store.hpp: a failed statement aborts the write): the
// first failed statement's StoreError rather than a later statement's (on PostgreSQL, "current
// transaction is aborted"), but the callback's own exception, or StoreUnavailable, as thrown.
std::exception_ptr writeOutcome(std::exception_ptr thrown, std::exception_ptr firstFailure);

// Calls a writeAsync() caller's `done` with its write's outcome; `done` must not throw
// (store.hpp), and if it does, the store's thread goes on to tell the other writes theirs.
void tellDone(const Store::WriteDone& done, const std::exception_ptr& error) noexcept;

// write() inside a write callback is a bug (on SQLite it would wait for itself forever):
// write() calls ensureNotInsideWrite(), and a WriteScope marks the thread that runs callbacks.
void ensureNotInsideWrite();
class WriteScope {
public:
    WriteScope();
    ~WriteScope();
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;
};

std::unique_ptr<Store> openSqlite(const std::string& path, const Store::Options& options);
std::unique_ptr<Store> openPostgres(const std::string& conninfo, const Store::Options& options);

}  // namespace renshe::services::store::detail
