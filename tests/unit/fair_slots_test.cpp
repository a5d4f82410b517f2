// FairSlots (drivers/util/fair_slots.hpp): first come first served, never more than N holders,
// a caller that gives up leaves no slot lost and no hole in the queue.
#include "drivers/util/fair_slots.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using renshe::util::FairSlots;
using namespace std::chrono_literals;

// Waits (bounded) until `slots` has `n` callers queued.
void awaitQueued(const FairSlots& slots, std::size_t n) {
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (slots.waiting() != n && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(1ms);
    ASSERT_EQ(slots.waiting(), n);
}

TEST(FairSlots, ASlotGoesToTheOldestWaiter) {
    FairSlots slots(1);
    ASSERT_TRUE(slots.acquire());
    std::mutex m;
    std::vector<int> served;
    std::vector<std::thread> callers;
    for (int i = 0; i < 12; ++i) {
        callers.emplace_back([&, i] {
            slots.acquire();
            {
                std::lock_guard lock(m);
                served.push_back(i);
            }
            slots.release();
        });
        awaitQueued(slots, static_cast<std::size_t>(i) + 1);  // queued in the order started
    }
    slots.release();
    for (auto& t : callers)
        t.join();
    std::vector<int> inOrder(12);
    for (int i = 0; i < 12; ++i)
        inOrder[static_cast<std::size_t>(i)] = i;
    EXPECT_EQ(served, inOrder);
    EXPECT_EQ(slots.waiting(), 0u);
}

TEST(FairSlots, NeverMoreHoldersThanSlots) {
    FairSlots slots(2);
    std::atomic<int> holding{0}, most{0};
    std::vector<std::thread> callers;
    for (int t = 0; t < 8; ++t) {
        callers.emplace_back([&] {
            for (int i = 0; i < 200; ++i) {
                ASSERT_TRUE(slots.acquire());
                const renshe::util::HeldSlot held(slots);
                const int now = ++holding;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::yield();
                --holding;
            }
        });
    }
    for (auto& t : callers)
        t.join();
    EXPECT_LE(most.load(), 2);
    EXPECT_GE(most.load(), 1);
    // Both slots are free again: two holders at once without waiting.
    EXPECT_TRUE(slots.acquire(std::chrono::steady_clock::now() + 1s));
    EXPECT_TRUE(slots.acquire(std::chrono::steady_clock::now() + 1s));
    EXPECT_FALSE(slots.acquire(std::chrono::steady_clock::now() + 20ms));
}

TEST(FairSlots, ACallerWhoGivesUpLeavesTheQueueIntact) {
    FairSlots slots(1);
    ASSERT_TRUE(slots.acquire());
    std::atomic<int> first{-1};
    std::thread patient([&] {
        slots.acquire();
        first.store(0);
        slots.release();
    });
    awaitQueued(slots, 1);
    // Queued behind the patient one, gives up: false, and off the queue.
    EXPECT_FALSE(slots.acquire(std::chrono::steady_clock::now() + 50ms));
    EXPECT_EQ(slots.waiting(), 1u);
    slots.release();
    patient.join();
    EXPECT_EQ(first.load(), 0);
    // The slot the patient one released is free: nothing was lost to the one that gave up.
    EXPECT_TRUE(slots.acquire(std::chrono::steady_clock::now() + 1s));
    slots.release();
}

TEST(FairSlots, ACallerWhoseDeadlineHasPassedTakesNoFreeSlot) {
    FairSlots slots(1);
    EXPECT_FALSE(slots.acquire(std::chrono::steady_clock::now() - 1ms));
    EXPECT_TRUE(slots.acquire(std::chrono::steady_clock::now() + 1s));  // still free
    slots.release();
}

}  // namespace
