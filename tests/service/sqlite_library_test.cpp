// How the SQLite store sets up the library for the process: no count of allocations under a
// process-wide mutex (services/store/sqlite_store.cpp).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>

#include "services/store/store.hpp"
#include "tests/fixtures/temp_dir.hpp"

namespace {

// Opens a store, writes through it, and answers 0 when SQLite counted no memory in use.
int storeThenSqlitesCount() {
    renshe::testing::TempDir dir("renshe-sqlite-library");
    auto store = renshe::services::store::Store::open("sqlite:" + (dir / "store.db").string(), {});
    store->write([](renshe::services::store::Tx& tx) {
        tx.exec("CREATE TABLE t (x TEXT)");
        tx.exec("INSERT INTO t VALUES (hex(randomblob(5000)))");
    });
    sqlite3_int64 used = -1;
    sqlite3_int64 highest = -1;
    sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &highest, 0);
    // Counted, the migrations alone would have left hundreds of KiB in use.
    return used == 0 && highest == 0 ? 0 : 1;
}

// In a process of its own (a "threadsafe" death test runs this test again in a new process),
// where no other test has initialised SQLite first.
TEST(SqliteLibrary, TheFirstStoreSwitchesOffSqlitesMemoryStatus) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(std::exit(storeThenSqlitesCount()), ::testing::ExitedWithCode(0), "");
}

}  // namespace
