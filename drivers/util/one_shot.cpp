#include "drivers/util/one_shot.hpp"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <climits>

namespace renshe::util {

namespace {

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t),
              "the futex word is the atomic's own storage");

long futex(std::atomic<std::uint32_t>& word, int op, std::uint32_t value) noexcept {
    return ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), op | FUTEX_PRIVATE_FLAG,
                     value, nullptr, nullptr, 0);
}

}  // namespace

void OneShot::wait() noexcept {
    // FUTEX_WAIT sleeps only while the word still reads 0, so a set() between the load and
    // the call returns at once (EAGAIN); EINTR and spurious wake-ups loop.
    while (m_word.load(std::memory_order_acquire) == 0)
        futex(m_word, FUTEX_WAIT, 0);
}

void OneShot::set() noexcept {
    m_word.store(1, std::memory_order_release);
    futex(m_word, FUTEX_WAKE, INT_MAX);
}

}  // namespace renshe::util
