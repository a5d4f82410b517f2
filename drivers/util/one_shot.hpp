// A flag set once by one thread and waited for by one other: a futex on the flag's own word.
//
// Not std::atomic<bool>::wait: libstdc++ 12 waits on a bool through one of 16 process-wide
// proxy words, so every notify wakes all the waiters that hash to the same word, and each waiter
// first spins with four sched_yield calls. With 64 callers waiting on SQLite's group commit,
// __sched_yield was 11.8 % of the back office's perf samples (bench.backoffice's writes);
// waiting on its own word, a write costs no sched_yield and 2.5 fewer context switches.
#pragma once

#include <atomic>
#include <cstdint>

namespace renshe::util {

class OneShot {
public:
    // Returns once set() has been called (at once if it already has). Its writes happen
    // before this returns (release/acquire).
    void wait() noexcept;
    // Sets the flag and wakes the waiter. Call once; the object may be destroyed by the waiter
    // as soon as the flag is set, so keep it alive across the call (shared ownership).
    void set() noexcept;
    bool isSet() const noexcept { return m_word.load(std::memory_order_acquire) != 0; }

private:
    std::atomic<std::uint32_t> m_word{0};
};

}  // namespace renshe::util
