// The pool for work that blocks (drivers/util/blocking_pool.hpp): every job posted runs once;
// no more threads than its bound, and no new one while an idle one can take the job; closing
// runs what was posted, a job posted by a job while it closes included.
#include "drivers/util/blocking_pool.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "tests/fixtures/process.hpp"

using renshe::util::BlockingPool;
using namespace std::chrono_literals;

TEST(BlockingPool, RunsEveryJobOnceOnNoMoreThreadsThanItsBound) {
    constexpr int kJobs = 40;
    constexpr std::size_t kMost = 4;
    std::atomic<int> ran{0}, running{0}, mostAtOnce{0};
    std::mutex mutex;
    std::set<std::thread::id> threads;
    {
        BlockingPool pool(kMost, "test-pool");
        for (int i = 0; i < kJobs; ++i) {
            pool.post([&] {
                const int now = ++running;
                int seen = mostAtOnce.load();
                while (now > seen && !mostAtOnce.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::sleep_for(20ms);  // blocks, as a write waiting for its commit
                {
                    std::lock_guard lock(mutex);
                    threads.insert(std::this_thread::get_id());
                }
                --running;
                ++ran;
            });
        }
    }  // closed: what was posted has run
    EXPECT_EQ(ran.load(), kJobs);
    EXPECT_LE(threads.size(), kMost);
    EXPECT_EQ(mostAtOnce.load(), static_cast<int>(kMost))
        << "jobs waited though threads could start";
    EXPECT_EQ(threads.count(std::this_thread::get_id()), 0u);
}

TEST(BlockingPool, AnIdleThreadTakesTheNextJobInsteadOfANewOne) {
    BlockingPool pool(64, "test-pool");
    const int before = renshe::testing::processThreads(getpid());
    for (int i = 0; i < 20; ++i) {
        std::latch done(1);
        pool.post([&] { done.count_down(); });
        done.wait();
        std::this_thread::sleep_for(2ms);  // the thread is back waiting
    }
    EXPECT_LE(renshe::testing::processThreads(getpid()) - before, 1);
}

TEST(BlockingPool, AJobPostedByAJobWhileThePoolClosesStillRuns) {
    std::atomic<int> ran{0};
    auto pool = std::make_unique<BlockingPool>(2, "test-pool");
    BlockingPool* raw = pool.get();
    pool->post([&, raw] {
        std::this_thread::sleep_for(50ms);  // the pool is closing by now
        raw->post([&] { ++ran; });
        ++ran;
    });
    pool.reset();
    EXPECT_EQ(ran.load(), 2);
}
