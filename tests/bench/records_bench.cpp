// 我的社保 at scale: a county on SQLite (100,000 persons × 15 years of monthly pension
// contributions, 18,000,000 rows) and a province slice on PostgreSQL (120,000 persons × 15
// years, 21,600,000 rows in the partitions by year of migration 0022), each figure beside its
// floor in the same run:
//  - ours: GetInsuranceSummary and a year of ListContributions as staff over mutual TLS
//    against the real renshe-backoffice;
//  - raw floor: the same indexed queries (the summary's aggregate and base look-up, the
//    year's range) on a bare sqlite3 / libpq connection to the same database, prepared once;
//    ours and the floor take turns at reading a person first (the cold read from disk);
//  - import: `renshe-admin records import` of 240,000 rows (chunks over gRPC, applied at
//    once) against the raw floor, the same rows in one bare batched transaction.
// Target: p95 ≤ 30 ms and ≤ 2× the floor; each line also gives the ratio to the floor plus a
// bare round trip on the same mutual-TLS channel (gRPC's health check), what no RPC can go
// under however small its query (a year's 12 rows take 10 µs in SQLite). The generated county and
// province are cached between runs (bench-cache/ beside the bench, or $RENSHE_BENCH_CACHE; the
// province as a kept PostgreSQL cluster): the first run spends several minutes making them.
#include <grpcpp/grpcpp.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "drivers/sscard/id_number.hpp"
#include "grpc/health/v1/health.grpc.pb.h"
#include "renshe/v1/records.grpc.pb.h"
#include "services/store/store.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/fixtures/postgres.hpp"
#include "tests/fixtures/process.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/backoffice_env.hpp"

using Clock = std::chrono::steady_clock;
using namespace renshe::v1;
using renshe::bench::fail;
using renshe::bench::ms;
using renshe::bench::percentile;
using renshe::testing::BackofficeEnv;

namespace {

constexpr int kPersons = 100'000;
constexpr int kFirstYear = 2011, kYears = 15;
constexpr int kRounds = 300;          // reads of each kind
constexpr int kImportRows = 240'000;  // 1,000 persons × 20 years
constexpr const char* kVersion = "records-county-v1";
constexpr int kProvincePersons = 120'000;
constexpr const char* kProvinceVersion = "records-province-v1";

// A valid ID number for person `n` of the county (兰山区): 1,000 a birth day, from 1950-01-01
// (unique for n below 336,000).
std::string ssnOf(int n) {
    char body[64];
    const int day = n / 1000;
    std::snprintf(body, sizeof body, "3713021950%02d%02d%03d", 1 + day / 28, 1 + day % 28,
                  n % 1000);
    std::string s(body, 17);
    return s + renshe::drivers::sscard::idNumberCheckCharacter(s);
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        fail(std::string(what) + ": " + sqlite3_errmsg(db));
}

sqlite3* openBare(const std::filesystem::path& file, bool readOnly) {
    sqlite3* c = nullptr;
    check(sqlite3_open_v2(file.c_str(), &c, readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                          nullptr),
          c, "open");
    return c;
}

// Inserts persons [from, to) with `years` of monthly pension from `firstYear`, in one bare
// transaction; returns the contribution rows written.
std::int64_t insertRows(sqlite3* c, int from, int to, int firstYear, int years, bool persons) {
    check(sqlite3_exec(c, "BEGIN", nullptr, nullptr, nullptr), c, "begin");
    sqlite3_stmt* person = nullptr;
    sqlite3_stmt* row = nullptr;
    check(sqlite3_prepare_v2(c,
                             "INSERT INTO persons (ssn, name, sex, ethnicity, birth_date, "
                             "birthplace, region, created_at, updated_at) VALUES (?1, '王伟', 1, "
                             "1, '19500101', '371302', '371302101', 0, 0)",
                             -1, &person, nullptr),
          c, "prepare persons");
    check(sqlite3_prepare_v2(c,
                             "INSERT INTO record_contributions (ssn, month, insurance_type, "
                             "base_fen, personal_fen, employer_fen, paid, payer) VALUES "
                             "(?1, ?2, 1, ?3, ?4, ?5, ?6, '临沂顺达物流有限公司')",
                             -1, &row, nullptr),
          c, "prepare contributions");
    std::mt19937 rng(static_cast<unsigned>(from));
    std::int64_t rows = 0;
    for (int n = from; n < to; ++n) {
        const std::string ssn = ssnOf(n);
        if (persons) {
            sqlite3_bind_text(person, 1, ssn.c_str(), -1, SQLITE_TRANSIENT);
            check(sqlite3_step(person), c, "insert person");
            sqlite3_reset(person);
        }
        for (int y = firstYear; y < firstYear + years; ++y) {
            const std::int64_t base = 300000 + static_cast<std::int64_t>(rng() % 400) * 1000;
            for (int m = 1; m <= 12; ++m) {
                sqlite3_bind_text(row, 1, ssn.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_int64(row, 2, y * 100 + m);
                sqlite3_bind_int64(row, 3, base);
                sqlite3_bind_int64(row, 4, base * 8 / 100);
                sqlite3_bind_int64(row, 5, base * 16 / 100);
                sqlite3_bind_int64(row, 6, rng() % 50 == 0 ? 0 : 1);
                check(sqlite3_step(row), c, "insert contribution");
                sqlite3_reset(row);
                ++rows;
            }
        }
    }
    sqlite3_finalize(person);
    sqlite3_finalize(row);
    check(sqlite3_exec(c, "COMMIT", nullptr, nullptr, nullptr), c, "commit");
    return rows;
}

// The county, made once and kept (a file is only renamed into place when complete).
std::filesystem::path county(const std::filesystem::path& cache) {
    auto db = cache / (std::string(kVersion) + ".db");
    if (std::filesystem::exists(db)) {
        std::printf("county: cached %s (%.0f MiB)\n", db.c_str(),
                    static_cast<double>(std::filesystem::file_size(db)) / (1 << 20));
        return db;
    }
    std::filesystem::create_directories(cache);
    const auto making = cache / (std::string(kVersion) + ".making.db");
    std::filesystem::remove(making);
    { renshe::services::store::Store::open("sqlite:" + making.string()); }  // the schema
    sqlite3* c = openBare(making, false);
    check(sqlite3_exec(c,
                       "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                       "PRAGMA cache_size=-2000000",
                       nullptr, nullptr, nullptr),
          c, "pragmas");
    const auto t0 = Clock::now();
    std::int64_t rows = 0;
    for (int from = 0; from < kPersons; from += 10'000)
        rows += insertRows(c, from, from + 10'000, kFirstYear, kYears, true);
    check(sqlite3_exec(c, "PRAGMA journal_mode=WAL; ANALYZE", nullptr, nullptr, nullptr), c,
          "analyze");
    sqlite3_close(c);
    std::filesystem::rename(making, db);
    std::printf("county: generated %d persons, %lld contribution rows, %.0f MiB, in %.0f s\n",
                kPersons, static_cast<long long>(rows),
                static_cast<double>(std::filesystem::file_size(db)) / (1 << 20),
                std::chrono::duration<double>(Clock::now() - t0).count());
    return db;
}

// The raw floor: the summary's and the year's queries on one bare connection.
class Raw {
public:
    explicit Raw(const std::filesystem::path& db) : m_db(openBare(db, true)) {
        check(sqlite3_prepare_v2(
                  m_db,
                  "SELECT insurance_type, MIN(month), MAX(month), MAX(CASE WHEN paid = 1 THEN "
                  "month ELSE 0 END), SUM(paid), SUM(1 - paid) FROM record_contributions WHERE "
                  "ssn = ?1 GROUP BY insurance_type ORDER BY insurance_type",
                  -1, &m_totals, nullptr),
              m_db, "prepare totals");
        check(sqlite3_prepare_v2(m_db,
                                 "SELECT base_fen FROM record_contributions WHERE ssn = ?1 AND "
                                 "month = ?2 AND insurance_type = ?3",
                                 -1, &m_base, nullptr),
              m_db, "prepare base");
        check(sqlite3_prepare_v2(
                  m_db,
                  "SELECT month, insurance_type, base_fen, personal_fen, employer_fen, paid, "
                  "payer FROM record_contributions WHERE ssn = ?1 AND month >= ?2 AND month <= "
                  "?3 ORDER BY month, insurance_type LIMIT 101",
                  -1, &m_year, nullptr),
              m_db, "prepare year");
    }
    ~Raw() {
        sqlite3_finalize(m_totals);
        sqlite3_finalize(m_base);
        sqlite3_finalize(m_year);
        sqlite3_close(m_db);
    }
    int summary(const std::string& ssn) {
        sqlite3_bind_text(m_totals, 1, ssn.c_str(), -1, SQLITE_TRANSIENT);
        std::vector<std::pair<int, int>> latest;
        while (sqlite3_step(m_totals) == SQLITE_ROW)
            latest.emplace_back(sqlite3_column_int(m_totals, 0), sqlite3_column_int(m_totals, 2));
        sqlite3_reset(m_totals);
        for (const auto& [type, month] : latest) {
            sqlite3_bind_text(m_base, 1, ssn.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(m_base, 2, month);
            sqlite3_bind_int(m_base, 3, type);
            sqlite3_step(m_base);
            sqlite3_reset(m_base);
        }
        return static_cast<int>(latest.size());
    }
    int year(const std::string& ssn, int y) {
        sqlite3_bind_text(m_year, 1, ssn.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(m_year, 2, y * 100 + 1);
        sqlite3_bind_int(m_year, 3, y * 100 + 12);
        int n = 0;
        while (sqlite3_step(m_year) == SQLITE_ROW)
            ++n;
        sqlite3_reset(m_year);
        return n;
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_totals = nullptr;
    sqlite3_stmt* m_base = nullptr;
    sqlite3_stmt* m_year = nullptr;
};

// The raw floor on PostgreSQL: the same statements, prepared, on one bare libpq connection.
class RawPg {
public:
    explicit RawPg(const std::string& conn) : m_c(PQconnectdb(conn.c_str())) {
        if (PQstatus(m_c) != CONNECTION_OK)
            fail(std::string("libpq: ") + PQerrorMessage(m_c));
        prepare("totals",
                "SELECT insurance_type, MIN(month), MAX(month), MAX(CASE WHEN paid = 1 THEN "
                "month ELSE 0 END), SUM(paid), SUM(1 - paid) FROM record_contributions WHERE "
                "ssn = $1 GROUP BY insurance_type ORDER BY insurance_type");
        prepare("base",
                "SELECT base_fen FROM record_contributions WHERE ssn = $1 AND month = $2::bigint "
                "AND insurance_type = $3::bigint");
        prepare("year",
                "SELECT month, insurance_type, base_fen, personal_fen, employer_fen, paid, payer "
                "FROM record_contributions WHERE ssn = $1 AND month >= $2::bigint AND month <= "
                "$3::bigint ORDER BY month, insurance_type LIMIT 101");
    }
    ~RawPg() { PQfinish(m_c); }
    int summary(const std::string& ssn) {
        PGresult* r = run("totals", {ssn});
        const int n = PQntuples(r);
        for (int i = 0; i < n; ++i)
            PQclear(run("base", {ssn, PQgetvalue(r, i, 2), PQgetvalue(r, i, 0)}));
        PQclear(r);
        return n;
    }
    int year(const std::string& ssn, int y) {
        PGresult* r = run("year", {ssn, std::to_string(y * 100 + 1), std::to_string(y * 100 + 12)});
        const int n = PQntuples(r);
        PQclear(r);
        return n;
    }

private:
    void prepare(const char* name, const char* sql) {
        PGresult* r = PQprepare(m_c, name, sql, 0, nullptr);
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            fail(std::string("prepare ") + name + ": " + PQerrorMessage(m_c));
        PQclear(r);
    }
    PGresult* run(const char* name, const std::vector<std::string>& params) {
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const auto& p : params)
            values.push_back(p.c_str());
        PGresult* r = PQexecPrepared(m_c, name, static_cast<int>(values.size()), values.data(),
                                     nullptr, nullptr, 0);
        if (PQresultStatus(r) != PGRES_TUPLES_OK)
            fail(std::string("query ") + name + ": " + PQerrorMessage(m_c));
        return r;
    }
    PGconn* m_c;
};

void execPg(PGconn* c, const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
        fail(sql.substr(0, 60) + ": " + PQerrorMessage(c));
    PQclear(r);
}

// COPY text rows into `table`, `make(n, out)` appending the rows of person n.
template <class Make>
void copyRows(PGconn* c, const std::string& table, int persons, Make make) {
    PGresult* r = PQexec(c, ("COPY " + table + " FROM STDIN").c_str());
    if (PQresultStatus(r) != PGRES_COPY_IN)
        fail("COPY " + table + ": " + PQerrorMessage(c));
    PQclear(r);
    std::string buf;
    for (int n = 0; n < persons; ++n) {
        make(n, buf);
        if (buf.size() > (1 << 20) || n + 1 == persons) {
            if (PQputCopyData(c, buf.data(), static_cast<int>(buf.size())) != 1)
                fail("COPY data: " + std::string(PQerrorMessage(c)));
            buf.clear();
        }
    }
    if (PQputCopyEnd(c, nullptr) != 1)
        fail("COPY end: " + std::string(PQerrorMessage(c)));
    r = PQgetResult(c);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        fail("COPY " + table + ": " + PQerrorMessage(c));
    PQclear(r);
    while ((r = PQgetResult(c)) != nullptr)
        PQclear(r);
}

// The province slice in a PostgreSQL cluster kept in the cache; its database's connection
// string (the cluster runs as long as `pg` lives).
std::string province(const std::filesystem::path& cache,
                     std::unique_ptr<renshe::testing::PrivatePostgres>& pg) {
    const auto dir = cache / (std::string(kProvinceVersion) + "-pgdata");
    const auto ready = cache / (std::string(kProvinceVersion) + ".ready");
    if (!std::filesystem::exists(ready))
        std::filesystem::remove_all(dir);
    std::filesystem::create_directories(cache);
    pg = std::make_unique<renshe::testing::PrivatePostgres>(dir, "512MB");
    if (std::filesystem::exists(ready)) {
        std::printf("province: cached PostgreSQL cluster %s\n", dir.c_str());
        return pg->connectionString("renshe");
    }
    const auto t0 = Clock::now();
    std::string conn = pg->createDatabase("renshe");
    { renshe::services::store::Store::open("postgres:" + conn); }  // the schema, partitioned
    PGconn* c = PQconnectdb(conn.c_str());
    if (PQstatus(c) != CONNECTION_OK)
        fail(std::string("libpq: ") + PQerrorMessage(c));
    execPg(c, "SET synchronous_commit = off");
    copyRows(c,
             "persons (ssn, name, sex, ethnicity, birth_date, birthplace, region, created_at, "
             "updated_at)",
             kProvincePersons, [](int n, std::string& out) {
                 out += ssnOf(n) + "\t王伟\t1\t1\t19500101\t371302\t371302101\t0\t0\n";
             });
    std::mt19937 rng(7);
    copyRows(c, "record_contributions", kProvincePersons, [&](int n, std::string& out) {
        const std::string ssn = ssnOf(n);
        for (int y = kFirstYear; y < kFirstYear + kYears; ++y) {
            const long base = 300000 + static_cast<long>(rng() % 400) * 1000;
            for (int m = 1; m <= 12; ++m) {
                out += ssn;
                out += '\t' + std::to_string(y * 100 + m) + "\t1\t" + std::to_string(base) + '\t' +
                       std::to_string(base * 8 / 100) + '\t' + std::to_string(base * 16 / 100) +
                       (rng() % 50 == 0 ? "\t0" : "\t1") + "\t临沂顺达物流有限公司\n";
            }
        }
    });
    execPg(c, "ANALYZE");
    execPg(c, "CHECKPOINT");
    PQfinish(c);
    std::ofstream(ready) << "done\n";
    std::printf(
        "province: generated %d persons, %d contribution rows in partitions by year, in "
        "%.0f s\n",
        kProvincePersons, kProvincePersons * kYears * 12,
        std::chrono::duration<double>(Clock::now() - t0).count());
    return conn;
}

struct Figures {
    std::vector<double> ours, raw;
};

// `rpc`: a bare round trip on the same mutual-TLS channel (gRPC's health check: no
// authorisation, no database), the floor under any RPC however small its query.
void report(const char* what, const Figures& f, const std::vector<double>& rpc, bool& met) {
    const double o50 = percentile(f.ours, 0.5), o95 = percentile(f.ours, 0.95);
    const double r50 = percentile(f.raw, 0.5), r95 = percentile(f.raw, 0.95);
    const double rpc95 = percentile(rpc, 0.95);
    std::printf(
        "  %-34s ours p50 %6.2f p95 %6.2f ms   raw p50 %6.3f p95 %6.3f ms   p95 ratio %.1f"
        "   vs raw + bare RPC %.1f\n",
        what, o50, o95, r50, r95, o95 / r95, o95 / (r95 + rpc95));
    met = met && o95 <= 30.0;
}

template <class Floor>
bool reads(const char* where, const std::string& database, Floor& raw, int persons) {
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite, {"--database", database});
    auto stub = RecordsService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().staffTarget(), env.pki().staff("S-0001", "371302"))));
    std::mt19937 rng(20261203);
    Figures summary, year;
    std::vector<double> rpc;
    auto health = grpc::health::v1::Health::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().staffTarget(), env.pki().staff("S-0001", "371302"))));
    for (int i = 0; i < kRounds; ++i) {
        const std::string ssn = ssnOf(static_cast<int>(rng() % static_cast<unsigned>(persons)));
        const int y = kFirstYear + static_cast<int>(rng() % kYears);
        // Whichever reads a person first finds their pages on disk, the other in the cache:
        // ours and the floor take turns at going first, so each pays the cold read as often.
        const bool oursFirst = i % 2 == 0;
        const auto ours = [&] {
            GetInsuranceSummaryRequest s;
            s.mutable_subject()->set_ssn(ssn);
            GetInsuranceSummaryResponse sr;
            const auto t = Clock::now();
            const auto o =
                renshe::testing::call(*stub, &RecordsService::Stub::GetInsuranceSummary, s, &sr);
            summary.ours.push_back(ms(Clock::now() - t));
            if (!o.ok() || sr.insurances_size() != 1 ||
                sr.insurances(0).paid_months() + sr.insurances(0).owed_months() != kYears * 12)
                fail("the summary of " + std::to_string(i) + " is not the generated one");
            ListContributionsRequest l;
            l.mutable_subject()->set_ssn(ssn);
            l.set_year(y);
            ListContributionsResponse lr;
            const auto t2 = Clock::now();
            const auto lo =
                renshe::testing::call(*stub, &RecordsService::Stub::ListContributions, l, &lr);
            year.ours.push_back(ms(Clock::now() - t2));
            if (!lo.ok() || lr.contributions_size() != 12)
                fail("a year of " + std::to_string(i) + " is not 12 months");
        };
        const auto floor = [&] {
            auto t = Clock::now();
            raw.summary(ssn);
            summary.raw.push_back(ms(Clock::now() - t));
            t = Clock::now();
            if (raw.year(ssn, y) != 12)
                fail("the raw year is not 12 months");
            year.raw.push_back(ms(Clock::now() - t));
        };
        {
            grpc::ClientContext ctx;
            grpc::health::v1::HealthCheckRequest hq;
            grpc::health::v1::HealthCheckResponse hr;
            const auto t = Clock::now();
            if (!health->Check(&ctx, hq, &hr).ok())
                fail("the health check failed");
            rpc.push_back(ms(Clock::now() - t));
        }
        if (oursFirst) {
            ours();
            floor();
        } else {
            floor();
            ours();
        }
    }
    std::printf("\n%s: reads over mutual TLS as staff, %d random persons of %d:\n", where, kRounds,
                persons);
    std::printf("  bare RPC (health check, same channel) p50 %.3f p95 %.3f ms\n",
                percentile(rpc, 0.5), percentile(rpc, 0.95));
    bool met = true;
    report("GetInsuranceSummary", summary, rpc, met);
    report("ListContributions (a year)", year, rpc, met);
    std::printf("  target p95 <= 30 ms: %s\n", met ? "met" : "NOT met");
    return met;
}

// Import: the CLI through the service against the same rows in one bare transaction.
void imports(const std::filesystem::path& dir) {
    const int persons = kImportRows / (20 * 12);
    const auto csv = dir / "contributions.csv";
    {
        std::ofstream out(csv);
        out << "ssn,month,type,base,personal,employer,paid,payer\n";
        for (int n = 0; n < persons; ++n) {
            const std::string ssn = ssnOf(kPersons + n);
            for (int y = 2005; y < 2025; ++y)
                for (int m = 1; m <= 12; ++m)
                    out << ssn << ',' << y << (m < 10 ? "-0" : "-") << m
                        << ",employee_pension,4000,320,640,paid,临沂顺达物流有限公司\n";
        }
    }
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite);
    const auto staff = env.provinceStaffFiles();
    renshe::testing::ProcessOptions o;
    o.argv = {RENSHE_ADMIN_BIN, "records", "import", "--contributions", csv.string()};
    o.env = {{"RENSHE_SERVER", env.backoffice().target()},
             {"RENSHE_CA", env.pki().caCertificate().string()},
             {"RENSHE_CERT", staff.certificate.string()},
             {"RENSHE_KEY", staff.privateKey.string()}};
    o.logFile = dir / "import.log";
    auto t = Clock::now();
    if (renshe::testing::runToCompletion(std::move(o), std::chrono::minutes(10)) != 0)
        fail("the import failed (see " + (dir / "import.log").string() + ")");
    const double ours = std::chrono::duration<double>(Clock::now() - t).count();

    const auto floorDb = dir / "floor.db";
    { renshe::services::store::Store::open("sqlite:" + floorDb.string()); }
    sqlite3* c = openBare(floorDb, false);
    check(sqlite3_exec(c, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL", nullptr, nullptr,
                       nullptr),
          c, "pragmas");
    t = Clock::now();
    const auto rows = insertRows(c, kPersons, kPersons + persons, 2005, 20, false);
    const double floor = std::chrono::duration<double>(Clock::now() - t).count();
    sqlite3_close(c);
    std::printf(
        "\nimport of %lld rows: renshe-admin records import %.1f s (%.0f rows/s), raw "
        "batched insert %.1f s (%.0f rows/s), ratio %.1f\n",
        static_cast<long long>(rows), ours, static_cast<double>(rows) / ours, floor,
        static_cast<double>(rows) / floor, ours / floor);
}

}  // namespace

int main() {
    const char* cacheEnv = std::getenv("RENSHE_BENCH_CACHE");
    const std::filesystem::path cache = cacheEnv ? std::filesystem::path(cacheEnv)
                                                 : std::filesystem::current_path() / "bench-cache";
    const auto db = county(cache);
    bool met = false;
    {
        Raw raw(db);
        met = reads("county (SQLite)", "sqlite:" + db.string(), raw, kPersons);
    }
    {
        std::unique_ptr<renshe::testing::PrivatePostgres> pg;
        const std::string conn = province(cache, pg);
        RawPg raw(conn);
        met = reads("province slice (PostgreSQL, partitioned by year)", "postgres:" + conn, raw,
                    kProvincePersons) &&
              met;
    }
    renshe::testing::TempDir dir("renshe-records-bench");
    imports(dir.path());
    return met ? 0 : 1;
}
