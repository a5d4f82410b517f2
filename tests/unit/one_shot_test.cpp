// The store's per-caller completion flag (drivers/util/one_shot.hpp): a waiter returns only
// once the flag is set and sees what was written before it; many waiters, each on its own
// flag, are each woken by their own set() and by no other.
#include "drivers/util/one_shot.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

using renshe::util::OneShot;
using namespace std::chrono_literals;

TEST(OneShot, AWaitReturnsOnlyAfterSetAndSeesWhatWasWrittenBeforeIt) {
    OneShot flag;
    int payload = 0;
    std::atomic<bool> returned{false};
    std::thread waiter([&] {
        flag.wait();
        returned = true;
        EXPECT_EQ(payload, 42);
    });
    std::this_thread::sleep_for(50ms);
    EXPECT_FALSE(returned.load());
    EXPECT_FALSE(flag.isSet());
    payload = 42;
    flag.set();
    waiter.join();
    EXPECT_TRUE(returned.load());
    EXPECT_TRUE(flag.isSet());
}

TEST(OneShot, AWaitAfterSetReturnsAtOnce) {
    OneShot flag;
    flag.set();
    flag.wait();
    EXPECT_TRUE(flag.isSet());
}

TEST(OneShot, EachWaiterIsReleasedByItsOwnFlagOnly) {
    constexpr int kWaiters = 64;
    std::vector<std::shared_ptr<OneShot>> flags;
    std::vector<std::atomic<bool>> released(kWaiters);
    std::vector<std::thread> threads;
    for (int i = 0; i < kWaiters; ++i) {
        flags.push_back(std::make_shared<OneShot>());
        threads.emplace_back([flag = flags.back(), &released, i] {
            flag->wait();
            released[static_cast<std::size_t>(i)] = true;
        });
    }
    std::this_thread::sleep_for(50ms);
    // Set the even ones: the odd ones stay waiting.
    for (int i = 0; i < kWaiters; i += 2)
        flags[static_cast<std::size_t>(i)]->set();
    for (int i = 0; i < kWaiters; i += 2)
        threads[static_cast<std::size_t>(i)].join();
    std::this_thread::sleep_for(50ms);
    for (int i = 0; i < kWaiters; ++i)
        EXPECT_EQ(released[static_cast<std::size_t>(i)].load(), i % 2 == 0) << "waiter " << i;
    for (int i = 1; i < kWaiters; i += 2)
        flags[static_cast<std::size_t>(i)]->set();
    for (int i = 1; i < kWaiters; i += 2)
        threads[static_cast<std::size_t>(i)].join();
    for (int i = 0; i < kWaiters; ++i)
        EXPECT_TRUE(released[static_cast<std::size_t>(i)].load());
}

TEST(OneShot, ASetterRacingManyWaitersLosesNoWakeUp) {
    // Waiters start at the same moment as their setter: a set() landing between a waiter's
    // check and its sleep must still release it (the futex compares the word).
    for (int round = 0; round < 200; ++round) {
        auto flag = std::make_shared<OneShot>();
        std::thread waiter([flag] { flag->wait(); });
        std::thread setter([flag] { flag->set(); });
        setter.join();
        waiter.join();
        EXPECT_TRUE(flag->isSet());
    }
}
