// The PostgreSQL backend's pooled connection and its transaction (statement preparation, typed
// parameters, error mapping, statements sent ahead in a libpq pipeline); postgres_store.cpp
// builds the pool and the write/read loops on them.
#pragma once

#include <libpq-fe.h>

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "services/store/internal.hpp"

namespace renshe::services::store::detail::pg {

struct ResultDeleter {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// The server is gone or going: the connection must be re-established.
bool connectionLost(std::string_view state);
// Worth running the whole callback again in a fresh transaction.
bool retryable(std::string_view state);
// libpq's message without its trailing newline.
std::string trimmed(const char* message);
// Throws StoreUnavailable (connection lost, or a state a retry may cure) or StoreError.
[[noreturn]] void raise(std::string_view state, const std::string& message, bool lost,
                        bool writable);

// One pooled connection; the pool hands it to one thread at a time.
struct PgConn {
    PGconn* c = nullptr;
    bool needsReset = false;
    std::unordered_map<std::string, std::string> prepared;  // key → statement name
    std::size_t nextPrepared = 0;                           // names are renshe_0, renshe_1 …

    PgConn() = default;
    PgConn(const PgConn&) = delete;
    PgConn& operator=(const PgConn&) = delete;
    ~PgConn() {
        if (c != nullptr) {
            PQfinish(c);
        }
    }
    bool ok() const { return c != nullptr && PQstatus(c) == CONNECTION_OK; }
    // Whether a transaction may begin on it: connected, not marked for a reset, and not
    // closed by the server while it sat in the pool (a restart, a failover, an idle timeout).
    // libpq learns of a close only when it next reads; the server's end of the socket is
    // looked at here without waiting (one poll()).
    bool usable() const;
};

// A transaction on one connection. Statements given to execLater() are sent at once and
// travel with the next statement or the COMMIT: their outcomes are collected in the same
// round trip (a libpq pipeline ended by one Sync).
class PgTx final : public ScriptTx {
public:
    PgTx(PgConn& conn, bool writable) : m_conn(conn), m_writable(writable) {}

    std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override;
    std::int64_t exec(std::string_view sql, const std::vector<Value>& params) override;
    void execLater(std::string_view sql, const std::vector<Value>& params) override;
    void execScript(std::string_view sql) override;
    Backend backend() const noexcept override { return Backend::Postgres; }

    // BEGIN sent ahead: it travels with the transaction's first statement (or its COMMIT).
    // Throws StoreUnavailable when the connection cannot take it.
    void beginAhead(const char* sql);
    // BEGIN's answer has come back; until then, and unless the COMMIT went out with it, a lost
    // connection means that nothing of the transaction took effect.
    bool begun() const noexcept { return m_begun; }
    bool commitSent() const noexcept { return m_commitSent; }

    // COMMIT (with whatever was sent ahead); throws (and records) like any statement.
    void commit();
    // After a failure: reads whatever is still on its way back, so that the connection can
    // take a ROLLBACK; never throws (a broken connection shows in lost()).
    void abandon() noexcept;

    // Group commit (postgres_store.cpp): the statements sent from here on belong to the
    // write numbered `member`, until the next call. A write's last statements travel with the
    // next write's first ones, so a failure read back may be an earlier write's.
    void beginMember(std::size_t member);
    // The write whose statement failed first (the member named when it was sent), if any
    // failed since the last rollbackToSavepoint().
    std::optional<std::size_t> failedMember() const noexcept { return m_failedMember; }
    // Reads back whatever was sent ahead (a Sync): the first failure, or nullptr.
    std::exception_ptr flush() noexcept;
    // After a failure inside savepoint `name`: reads back what was sent ahead, rolls back to
    // the savepoint and releases it, and forgets the failure, so that the transaction goes on.
    // False when it cannot (the connection is gone, or the savepoint is): the transaction is
    // then lost.
    bool rollbackToSavepoint(const char* name) noexcept;

    std::exception_ptr failure() const noexcept { return m_failure; }
    const std::string& state() const noexcept { return m_state; }
    bool lost() const noexcept { return m_lost || !m_conn.ok(); }

private:
    // One statement's parameters in libpq's form.
    struct Bound {
        std::vector<std::string> storage;
        std::vector<const char*> values;
        std::vector<Oid> types;
    };
    // An entry of the pipeline: what its result is checked for.
    struct Sent {
        enum Kind { Begin, Prepare, Statement, Commit } kind;
        std::string key, name;  // Prepare: the cache entry it makes once it succeeded
    };

    template <typename F>
    void guarded(F&& f);
    void check(PGresult* r);
    Bound bind(std::string_view sql, const std::vector<Value>& params) const;
    void run(std::string_view sql, const std::vector<Value>& params, std::vector<Row>* rows,
             std::int64_t* changes);
    static std::string cacheKey(const std::string& text, const std::vector<Oid>& types);
    const std::string* preparedName(const std::string& text, const std::vector<Oid>& types);
    // Sends `text` into the pipeline (entering it if needed), prepared when it can be.
    void send(const std::string& text, const Bound& b);
    // Ends the pipeline with a Sync and reads every result in order; the last statement's
    // rows and changes go to `rows`/`changes`. Throws the first failure once all are read.
    void collect(std::vector<Row>* rows = nullptr, std::int64_t* changes = nullptr);
    static void readRows(PGresult* r, std::vector<Row>& rows);
    // Records whose statement the one at `index` of a collected pipeline was.
    void noteFailedMember(const std::vector<std::pair<std::size_t, std::size_t>>& members,
                          std::size_t index);

    PgConn& m_conn;
    const bool m_writable;
    std::exception_ptr m_failure;
    std::string m_state;  // SQLSTATE of the first failed statement
    bool m_lost = false;
    bool m_pipelined = false;
    bool m_begun = false;
    bool m_commitSent = false;
    std::vector<Sent> m_sent;
    // (index in m_sent, member): where each write's statements begin (beginMember).
    std::vector<std::pair<std::size_t, std::size_t>> m_members;
    std::optional<std::size_t> m_failedMember;
};

}  // namespace renshe::services::store::detail::pg
