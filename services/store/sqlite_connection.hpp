// The SQLite backend's connection (statement cache, typed binding, error mapping) and its
// transaction; sqlite_store.cpp builds the writer thread and the reader pool on them.
#pragma once

#include <sqlite3.h>

#include <charconv>
#include <chrono>
#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "services/store/internal.hpp"

namespace renshe::services::store::detail::sqlite {

inline constexpr int kBusyTimeoutMs = 5000;
inline constexpr std::size_t kMaxCachedStatements = 256;  // per connection

[[noreturn]] inline void fail(int rc, const std::string& message) {
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

[[noreturn]] inline void fail(sqlite3* db, int rc, std::string_view context) {
    std::string message(context);
    message += ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    fail(rc, message);
}

// The start of a statement, for error messages (parameters are never part of it).
inline std::string excerpt(std::string_view sql) {
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
    // `vfs`: the VFS's name (sqlite_wal_vfs.hpp); null: the platform's.
    Connection(const std::string& path, bool readOnly, const char* vfs = nullptr) {
        const int flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
            SQLITE_OPEN_NOMUTEX;
        const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, vfs);
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

    // Transaction control (BEGIN, COMMIT, SAVEPOINT …): kept prepared like any statement, so
    // that every read and every write of a group does not parse it again.
    void control(std::string_view sql) { run(sql, {}, false, nullptr); }

    // Runs one statement with $1…$N parameters; collects rows when `wantRows`.
    std::vector<Row> run(std::string_view sql, const std::vector<Value>& params, bool wantRows,
                         std::int64_t* changes) {
        const Prepared& prepared = prepare(sql);
        sqlite3_stmt* stmt = prepared.stmt;
        struct Reset {
            sqlite3_stmt* s;
            ~Reset() {
                sqlite3_reset(s);
                sqlite3_clear_bindings(s);
            }
        } reset{stmt};
        bind(prepared, params);

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
        for (auto& [sql, prepared] : m_cache) {
            sqlite3_finalize(prepared.stmt);
        }
        m_cache.clear();
        if (m_db != nullptr) {
            sqlite3_close_v2(m_db);
            m_db = nullptr;
        }
    }

    // A statement kept prepared, with the number N of each of its parameters ($N), in
    // SQLite's order: read once here, not by name at every bind (SQLite finds a parameter's
    // name by a walk through all of them, so binding a multi-row INSERT by name grew with
    // the square of its rows).
    struct Prepared {
        sqlite3_stmt* stmt = nullptr;
        std::vector<std::size_t> numbers;
    };

    const Prepared& prepare(std::string_view sql) {
        if (const auto it = m_cache.find(sql); it != m_cache.end()) {
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
        Prepared prepared{stmt, {}};
        try {
            prepared.numbers = parameterNumbers(stmt);
        } catch (...) {
            sqlite3_finalize(stmt);
            throw;
        }
        if (m_cache.size() >= kMaxCachedStatements) {
            for (auto& [text, cached] : m_cache) {
                sqlite3_finalize(cached.stmt);
            }
            m_cache.clear();
        }
        return m_cache.emplace(std::string(sql), std::move(prepared)).first->second;
    }

    // Parameters are $1…$N. SQLite numbers named parameters in order of appearance (a name
    // used twice keeps its first index): the N of each index.
    static std::vector<std::size_t> parameterNumbers(sqlite3_stmt* stmt) {
        const int count = sqlite3_bind_parameter_count(stmt);
        std::vector<std::size_t> numbers;
        numbers.reserve(static_cast<std::size_t>(count));
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
            numbers.push_back(n);
        }
        return numbers;
    }

    // Each index is bound with the value its $N says; every parameter given must be used, and
    // only those.
    static void bind(const Prepared& prepared, const std::vector<Value>& params) {
        sqlite3_stmt* const stmt = prepared.stmt;
        std::vector<bool> used(params.size() + 1, false);
        for (std::size_t i = 0; i < prepared.numbers.size(); ++i) {
            const int j = static_cast<int>(i) + 1;
            const std::size_t n = prepared.numbers[i];
            if (n > params.size()) {
                throw StoreError("sqlite: statement uses $" + std::to_string(n) + " but " +
                                 std::to_string(params.size()) + " parameters were given");
            }
            used[n] = true;
            const Value& v = params[n - 1];
            int rc = SQLITE_OK;
            if (std::holds_alternative<std::nullptr_t>(v)) {
                rc = sqlite3_bind_null(stmt, j);
            } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
                rc = sqlite3_bind_int64(stmt, j, *i);
            } else {
                const std::string& text = std::get<std::string>(v);
                checkTextParameter(text);
                // The parameter vector outlives the statement's use (reset + clear_bindings).
                rc = sqlite3_bind_text64(stmt, j, text.data(), text.size(), SQLITE_STATIC,
                                         SQLITE_UTF8);
            }
            if (rc != SQLITE_OK) {
                fail(sqlite3_db_handle(stmt), rc, "cannot bind $" + std::to_string(n));
            }
        }
        for (std::size_t n = 1; n <= params.size(); ++n) {
            if (!used[n]) {
                throw StoreError("sqlite: parameter $" + std::to_string(n) +
                                 " is not used by the statement");
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
    // Looked up by the caller's string_view: no copy of the statement's text per call.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, Prepared, TextHash, std::equal_to<>> m_cache;
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

}  // namespace renshe::services::store::detail::sqlite
