// Store::writeAsync on both backends: `done` once per write, after the write is durable or with
// its error, never on the caller's thread; a continuation may start the next write; closing
// the store answers every write posted before it, and what was acknowledged is kept; on
// PostgreSQL, a write run again is answered once; readIfFree runs a read only when no
// connection need be waited for.
#include <gtest/gtest.h>
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <latch>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "services/store/store.hpp"
#include "tests/fixtures/postgres.hpp"
#include "tests/fixtures/temp_dir.hpp"

using namespace std::chrono_literals;
using renshe::services::store::Backend;
using renshe::services::store::Store;
using renshe::services::store::StoreError;
using renshe::services::store::StoreUnavailable;
using renshe::services::store::Tx;

namespace {

// What the `done` callbacks reported, and a wait for a number of them.
class Outcomes {
public:
    Store::WriteDone recorder(std::string key) {
        return [this, key = std::move(key)](const std::exception_ptr& error) {
            std::lock_guard lock(m_mutex);
            m_threads.insert(std::this_thread::get_id());
            if (!error) {
                m_ok.push_back(key);
            } else {
                try {
                    std::rethrow_exception(error);
                } catch (const StoreError& e) {
                    m_failed.push_back(key + ": StoreError" +
                                       (e.uniqueViolation() ? " unique" : ""));
                } catch (const StoreUnavailable&) {
                    m_failed.push_back(key + ": unavailable");
                } catch (const std::exception& e) {
                    m_failed.push_back(key + ": " + e.what());
                }
            }
            m_changed.notify_all();
        };
    }
    bool waitFor(std::size_t n) {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, 30s, [&] { return m_ok.size() + m_failed.size() >= n; });
    }
    std::vector<std::string> ok() const {
        std::lock_guard lock(m_mutex);
        return m_ok;
    }
    std::vector<std::string> failed() const {
        std::lock_guard lock(m_mutex);
        return m_failed;
    }
    std::set<std::thread::id> threads() const {
        std::lock_guard lock(m_mutex);
        return m_threads;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::string> m_ok, m_failed;
    std::set<std::thread::id> m_threads;
};

std::function<void(Tx&)> insertBucket(const std::string& bucket) {
    return [bucket](Tx& tx) {
        tx.exec("INSERT INTO rate_limits (bucket, window_start, count) VALUES ($1, 0, 1)",
                {bucket});
    };
}

std::int64_t buckets(Store& store) {
    std::int64_t n = -1;
    store.read([&](Tx& tx) { n = tx.queryOne("SELECT count(*) FROM rate_limits")->integer(0); });
    return n;
}

class StoreAsync : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        if (GetParam() == Backend::Sqlite) {
            m_dir = std::make_unique<renshe::testing::TempDir>("renshe-store-async");
            m_url = "sqlite:" + (*m_dir / "store.db").string();
        } else {
            m_pg = std::make_unique<renshe::testing::PrivatePostgres>();
            m_url = "postgres:" + m_pg->createDatabase("store_async");
        }
    }
    std::unique_ptr<Store> open() { return Store::open(m_url); }

    std::unique_ptr<renshe::testing::TempDir> m_dir;
    std::unique_ptr<renshe::testing::PrivatePostgres> m_pg;
    std::string m_url;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreAsync,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                             return info.param == Backend::Sqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace

TEST_P(StoreAsync, EachWriteIsAnsweredOnceDurableOffTheCallersThread) {
    Outcomes outcomes;  // outlives the store, whose threads call into it
    auto store = open();
    constexpr int kWrites = 200;
    for (int i = 0; i < kWrites; ++i)
        store->writeAsync(insertBucket("b" + std::to_string(i)), Store::Priority::Normal,
                          outcomes.recorder("b" + std::to_string(i)));
    ASSERT_TRUE(outcomes.waitFor(kWrites));
    EXPECT_EQ(outcomes.ok().size(), static_cast<std::size_t>(kWrites));
    EXPECT_TRUE(outcomes.failed().empty());
    EXPECT_EQ(outcomes.threads().count(std::this_thread::get_id()), 0u);
    EXPECT_EQ(buckets(*store), kWrites);
    // Acknowledged means durable: a fresh store on the same database finds every row.
    store.reset();
    EXPECT_EQ(buckets(*open()), kWrites);
}

TEST_P(StoreAsync, AFailedWriteGetsItsOwnErrorAndTheOthersCommit) {
    Outcomes outcomes;
    auto store = open();
    store->write(insertBucket("taken"));
    store->writeAsync(insertBucket("first"), Store::Priority::Normal, outcomes.recorder("first"));
    store->writeAsync(
        [](Tx& tx) {
            insertBucket("undone")(tx);
            throw std::runtime_error("the body gave up");
        },
        Store::Priority::Normal, outcomes.recorder("thrown"));
    store->writeAsync(insertBucket("taken"), Store::Priority::Normal, outcomes.recorder("again"));
    store->writeAsync(insertBucket("last"), Store::Priority::Normal, outcomes.recorder("last"));
    ASSERT_TRUE(outcomes.waitFor(4));
    const auto ok = outcomes.ok();
    EXPECT_EQ(std::set<std::string>(ok.begin(), ok.end()),
              (std::set<std::string>{"first", "last"}));
    const auto failed = outcomes.failed();
    EXPECT_EQ(std::set<std::string>(failed.begin(), failed.end()),
              (std::set<std::string>{"thrown: the body gave up", "again: StoreError unique"}));
    EXPECT_EQ(buckets(*store), 3);  // taken, first, last
}

TEST_P(StoreAsync, ADoneCallbackMayStartTheNextWrite) {
    Outcomes outcomes;
    auto store = open();
    constexpr int kChain = 5;
    std::function<void(int)> step = [&](int i) {
        store->writeAsync(insertBucket("c" + std::to_string(i)), Store::Priority::Normal,
                          [&, i, record = outcomes.recorder("c" + std::to_string(i))](
                              const std::exception_ptr& error) {
                              if (!error && i + 1 < kChain)
                                  step(i + 1);
                              record(error);
                          });
    };
    step(0);
    ASSERT_TRUE(outcomes.waitFor(kChain));
    EXPECT_EQ(outcomes.ok().size(), static_cast<std::size_t>(kChain));
    EXPECT_EQ(buckets(*store), kChain);
}

TEST_P(StoreAsync, ClosingAnswersEveryWritePostedAndKeepsWhatWasAcknowledged) {
    Outcomes outcomes;
    constexpr int kWrites = 100;
    {
        auto store = open();
        for (int i = 0; i < kWrites; ++i)
            store->writeAsync(insertBucket("k" + std::to_string(i)), Store::Priority::Normal,
                              outcomes.recorder("k" + std::to_string(i)));
    }  // closed with writes still queued
    ASSERT_TRUE(outcomes.waitFor(kWrites));
    const auto ok = outcomes.ok();
    for (const std::string& failure : outcomes.failed())
        EXPECT_NE(failure.find(": unavailable"), std::string::npos) << failure;
    EXPECT_EQ(buckets(*open()), static_cast<std::int64_t>(ok.size()));
}

// PostgreSQL answers a write from the group writer that committed it, with no thread waiting
// for it. A write to run again goes on elsewhere and is still answered once: one that met a
// serialization failure (after a pause), one whose server restarted after its connection was
// looked at and before its BEGIN went out (on a fresh connection), and one still to run again
// when the store closes. A pooled connection the server closed while idle is found closed
// before anything is sent on it: its write runs once.
TEST(PostgresStoreAsync, AWriteToRunAgainIsRunAgainAndAnsweredOnce) {
    renshe::testing::PrivatePostgres pg;
    const std::string url = "postgres:" + pg.createDatabase("store_async");
    Outcomes outcomes;
    Store::Options two;
    two.connections = 2;  // one group writer: the restart below leaves it one stale connection
    auto store = Store::open(url, two);
    std::string answeredOn;
    store->writeAsync(insertBucket("plain"), Store::Priority::Normal,
                      [&, record = outcomes.recorder("plain")](const std::exception_ptr& error) {
                          char name[16] = {};
                          pthread_getname_np(pthread_self(), name, sizeof name);
                          answeredOn = name;
                          record(error);
                      });
    ASSERT_TRUE(outcomes.waitFor(1));
    EXPECT_EQ(answeredOn, "store-writer");

    // Fails with 40001 (serialization_failure) on its first `failing` runs.
    std::atomic<int> runs{0};
    const auto collides = [&](const std::string& bucket, int failing) {
        return [&runs, bucket, failing](Tx& tx) {
            if (runs.fetch_add(1) < failing)
                tx.exec("DO $$ BEGIN RAISE EXCEPTION 'collided' USING ERRCODE = '40001'; END $$");
            insertBucket(bucket)(tx);
        };
    };
    const auto retriesBefore = store->stats().retries;
    store->writeAsync(collides("retried", 2), Store::Priority::Normal,
                      outcomes.recorder("retried"));
    ASSERT_TRUE(outcomes.waitFor(2));
    EXPECT_EQ(runs.load(), 3);
    EXPECT_EQ(store->stats().retries - retriesBefore, 2u);

    // The writer's pooled connection is dropped while idle: found closed before a statement
    // goes out on it, and re-connected. The callback runs once.
    pg.stop();
    pg.start();
    runs = 0;
    store->writeAsync(
        [&](Tx& tx) {
            ++runs;
            insertBucket("after-restart")(tx);
        },
        Store::Priority::Normal, outcomes.recorder("after-restart"));
    ASSERT_TRUE(outcomes.waitFor(3));
    EXPECT_EQ(runs.load(), 1) << "a statement went out on the closed connection first";
    // The server restarts after the connection was looked at, before the BEGIN goes out with
    // the callback's first statement: no answer to the BEGIN, so the write runs again, on a
    // fresh connection.
    runs = 0;
    std::latch inCallback(1), restarted(1);
    store->writeAsync(
        [&](Tx& tx) {
            if (runs.fetch_add(1) == 0) {
                inCallback.count_down();
                restarted.wait();
            }
            insertBucket("restarted-meanwhile")(tx);
        },
        Store::Priority::Normal, outcomes.recorder("restarted-meanwhile"));
    inCallback.wait();
    pg.stop();  // from this thread: a server started by the writer's would die with it
    pg.start();
    restarted.count_down();
    ASSERT_TRUE(outcomes.waitFor(4));
    EXPECT_EQ(runs.load(), 2);

    runs = 0;
    store->writeAsync(collides("closing", 1), Store::Priority::Normal,
                      outcomes.recorder("closing"));
    while (runs.load() == 0)
        std::this_thread::sleep_for(1ms);
    store.reset();  // its retry still to come, or under way
    EXPECT_EQ(outcomes.ok().size() + outcomes.failed().size(), 5u) << "closed before answering";
    EXPECT_TRUE(outcomes.failed().empty());
    EXPECT_EQ(outcomes.ok(), (std::vector<std::string>{"plain", "retried", "after-restart",
                                                       "restarted-meanwhile", "closing"}));
    EXPECT_EQ(buckets(*Store::open(url)), 5);
}

// readIfFree(), for a thread that must not wait: on SQLite a read when a connection is there at
// once, none (nothing run, at once) while every reader is busy, one again when a reader is back;
// PostgreSQL never promises one.
TEST_P(StoreAsync, ReadIfFreeRunsOnlyWhenItNeedNotWaitForAConnection) {
    Store::Options two;
    two.connections = 2;
    auto store = Store::open(m_url, two);
    int ran = 0;
    const auto look = [&](Tx& tx) {
        tx.queryOne("SELECT count(*) FROM rate_limits");
        ++ran;
    };
    if (GetParam() == Backend::Postgres) {
        EXPECT_FALSE(store->readIfFree(look));
        EXPECT_EQ(ran, 0);
        return;
    }
    EXPECT_TRUE(store->readIfFree(look));
    std::latch reading{2}, release{1};
    std::vector<std::thread> holders;
    for (int i = 0; i < 2; ++i)
        holders.emplace_back([&] {
            store->read([&](Tx&) {
                reading.count_down();
                release.wait();
            });
        });
    reading.wait();  // both readers busy
    const auto asked = std::chrono::steady_clock::now();
    EXPECT_FALSE(store->readIfFree(look));
    EXPECT_LT(std::chrono::steady_clock::now() - asked, 1s) << "it waited for a reader";
    release.count_down();
    for (auto& h : holders)
        h.join();
    EXPECT_TRUE(store->readIfFree(look));
    EXPECT_EQ(ran, 2);
}
