// The private PostgreSQL cluster every PostgreSQL storage test runs on.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <memory>

#include "tests/fixtures/postgres.hpp"

using renshe::testing::PrivatePostgres;

namespace {
struct PgConn {
    explicit PgConn(const std::string& conninfo) : c(PQconnectdb(conninfo.c_str())) {}
    ~PgConn() { PQfinish(c); }
    std::string scalar(const std::string& sql) {
        std::unique_ptr<PGresult, decltype(&PQclear)> r(PQexec(c, sql.c_str()), &PQclear);
        if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
            return "ERROR: " + std::string(PQerrorMessage(c));
        }
        return PQgetvalue(r.get(), 0, 0);
    }
    bool exec(const std::string& sql) {
        std::unique_ptr<PGresult, decltype(&PQclear)> r(PQexec(c, sql.c_str()), &PQclear);
        return PQresultStatus(r.get()) == PGRES_COMMAND_OK;
    }
    PGconn* c;
};
}  // namespace

TEST(PrivatePostgresFixture, AnswersAQueryOverItsUnixSocket) {
    PrivatePostgres pg;
    PgConn conn(pg.connectionString());
    ASSERT_EQ(PQstatus(conn.c), CONNECTION_OK) << PQerrorMessage(conn.c);
    EXPECT_EQ(conn.scalar("select 40 + 2"), "42");
    EXPECT_EQ(conn.scalar("show listen_addresses"), "");
    EXPECT_EQ(conn.scalar("select current_user"), "renshe");
}

TEST(PrivatePostgresFixture, CommittedRowsSurviveACrashOfThePostmaster) {
    PrivatePostgres pg;
    const std::string db = pg.createDatabase("survive");
    {
        PgConn conn(db);
        ASSERT_TRUE(conn.exec("create table t (v text)"));
        ASSERT_TRUE(conn.exec("insert into t values ('社保卡')"));
    }
    pg.kill9();
    pg.start();
    PgConn conn(db);
    EXPECT_EQ(conn.scalar("select v from t"), "社保卡");
}
