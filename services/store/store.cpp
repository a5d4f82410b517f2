#include "services/store/store.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <optional>

#include "services/store/internal.hpp"

namespace renshe::services::store {

namespace {

constexpr std::size_t kDefaultPostgresConnections = 8;
// Readers are opened as needed up to this many. With four, 64 calls at once queued for one
// whenever a holder was preempted (bench.backoffice's card status: read-wait p99 2.2–2.4 ms);
// with sixteen, 0.9–1.1 ms and 6 % fewer context switches per call. A reader costs three file
// descriptors and at most SQLite's default page cache (about 2 MB).
constexpr std::size_t kDefaultSqliteReaders = 16;

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

// --- Row ---

bool Row::isNull(std::size_t i) const {
    if (i >= m_cells.size()) {
        throw StoreError("column " + std::to_string(i) + " out of range (row has " +
                         std::to_string(m_cells.size()) + ")");
    }
    return std::holds_alternative<std::nullptr_t>(m_cells[i]);
}

std::int64_t Row::integer(std::size_t i) const {
    if (isNull(i)) {
        throw StoreError("column " + std::to_string(i) + " is NULL, expected an integer");
    }
    if (const auto* v = std::get_if<std::int64_t>(&m_cells[i])) {
        return *v;
    }
    const std::string& s = std::get<std::string>(m_cells[i]);
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
        throw StoreError("column " + std::to_string(i) + " is not an integer");
    }
    return v;
}

std::string Row::text(std::size_t i) const {
    if (isNull(i)) {
        return {};
    }
    if (const auto* v = std::get_if<std::int64_t>(&m_cells[i])) {
        return std::to_string(*v);
    }
    return std::get<std::string>(m_cells[i]);
}

std::optional<std::int64_t> Row::optionalInteger(std::size_t i) const {
    if (isNull(i)) {
        return std::nullopt;
    }
    return integer(i);
}

// --- Tx ---

std::optional<Row> Tx::queryOne(std::string_view sql, const std::vector<Value>& params) {
    std::vector<Row> rows = query(sql, params);
    if (rows.empty()) {
        return std::nullopt;
    }
    return std::move(rows.front());
}

// --- Store ---

std::unique_ptr<Store> Store::open(const std::string& url) {
    return open(url, Options{});
}

std::unique_ptr<Store> Store::open(const std::string& url, const Options& options) {
    // The URL may carry a password: never put it into an error message.
    if (startsWith(url, "sqlite:")) {
        if (options.readReplica)
            throw StoreError("a read replica must be PostgreSQL");
        std::string path = url.substr(7);
        if (startsWith(path, "//")) {
            path = path.substr(2);  // sqlite:///abs/path.db
        }
        if (path.empty() || path == ":memory:") {
            throw StoreError("sqlite: needs a file path");
        }
        Options o = options;
        if (o.connections == 0) {
            o.connections = kDefaultSqliteReaders;
        }
        return detail::openSqlite(path, o);
    }
    Options o = options;
    if (o.connections == 0) {
        o.connections = kDefaultPostgresConnections;
    }
    if (startsWith(url, "postgresql://") || startsWith(url, "postgres://")) {
        return detail::openPostgres(url, o);
    }
    if (startsWith(url, "postgres:")) {
        return detail::openPostgres(url.substr(9), o);
    }
    throw StoreError("storage URL must start with sqlite:, postgres: or postgresql://");
}

int Store::latestSchemaVersion() noexcept {
    int latest = 0;
    for (const auto& m : detail::migrations()) {
        latest = std::max(latest, m.version);
    }
    return latest;
}

// --- shared by the backends ---

namespace detail {

namespace {
thread_local int t_writeDepth = 0;
}  // namespace

void ensureNotInsideWrite() {
    if (t_writeDepth > 0) {
        throw StoreError("write() called inside a write callback");
    }
}

WriteScope::WriteScope() {
    ++t_writeDepth;
}

WriteScope::~WriteScope() {
    --t_writeDepth;
}

std::int64_t nowMicros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void checkTextParameter(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        // Eight bytes at a time while they are ASCII and none is NUL: nearly every parameter
        // (digests, ids, hex) is all of that.
        constexpr std::uint64_t kLow = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
        std::uint64_t word = 0;
        while (end - p >= 8 && (std::memcpy(&word, p, 8), ((word | (word - kLow)) & kHigh) == 0))
            p += 8;
        if (p == end)
            break;
        const unsigned char c = *p;
        if (c == 0) {
            throw StoreError("text parameter contains a NUL byte");
        }
        if (c < 0x80) {
            ++p;
            continue;
        }
        int follow = 0;
        std::uint32_t cp = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            follow = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            follow = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            follow = 3;
            cp = c & 0x07;
        } else {
            throw StoreError("text parameter is not valid UTF-8");
        }
        if (end - p <= follow) {
            throw StoreError("text parameter is not valid UTF-8");
        }
        for (int k = 1; k <= follow; ++k) {
            if ((p[k] & 0xc0) != 0x80) {
                throw StoreError("text parameter is not valid UTF-8");
            }
            cp = (cp << 6) | (p[k] & 0x3f);
        }
        // Overlong forms, surrogates, beyond U+10FFFF.
        if ((follow == 2 && cp < 0x800) || (follow == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff)) {
            throw StoreError("text parameter is not valid UTF-8");
        }
        p += follow + 1;
    }
}

void tellDone(const Store::WriteDone& done, const std::exception_ptr& error) noexcept {
    try {
        done(error);
    } catch (...) {
    }
}

std::exception_ptr writeOutcome(std::exception_ptr thrown, std::exception_ptr firstFailure) {
    if (!firstFailure || thrown == firstFailure) {
        return thrown;
    }
    try {
        std::rethrow_exception(thrown);
    } catch (const StoreError&) {
        return firstFailure;
    } catch (...) {
        return thrown;
    }
}

bool applyMigration(ScriptTx& tx, const Migration& m) {
    tx.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
        "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    if (tx.queryOne("SELECT version FROM schema_migrations WHERE version = $1",
                    {std::int64_t{m.version}})) {
        return false;
    }
    // A migration whose first line is "-- only: postgresql" (or sqlite) runs on that backend
    // only; the other records it as applied with nothing to do (e.g. PostgreSQL partitioning).
    const auto onlyOn = [&]() -> std::optional<Backend> {
        constexpr std::string_view kOnly = "-- only: ";
        if (m.sql.substr(0, kOnly.size()) != kOnly)
            return std::nullopt;
        const auto word = m.sql.substr(kOnly.size(), m.sql.find('\n') - kOnly.size());
        if (word == "postgresql")
            return Backend::Postgres;
        if (word == "sqlite")
            return Backend::Sqlite;
        throw StoreError("migration " + std::to_string(m.version) +
                         ": '-- only:' names neither postgresql nor sqlite");
    }();
    try {
        if (!onlyOn || *onlyOn == tx.backend())
            tx.execScript(m.sql);
    } catch (const StoreUnavailable&) {
        throw;
    } catch (const StoreError& e) {
        throw StoreError("migration " + std::to_string(m.version) + "_" + std::string(m.name) +
                         " failed: " + e.what());
    }
    tx.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            {std::int64_t{m.version}, std::string(m.name), nowMicros()});
    return true;
}

int recordedSchemaVersion(Tx& tx) {
    const auto row = tx.queryOne("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    return row ? static_cast<int>(row->integer(0)) : 0;
}

}  // namespace detail

}  // namespace renshe::services::store
