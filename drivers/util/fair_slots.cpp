#include "drivers/util/fair_slots.hpp"

namespace renshe::util {

bool FairSlots::acquire(std::chrono::steady_clock::time_point until) {
    std::unique_lock lock(m_mutex);
    if (std::chrono::steady_clock::now() >= until)
        return false;  // a caller already gone takes no slot
    if (m_free > 0 && m_queue.empty()) {
        --m_free;
        return true;
    }
    Waiter me;
    const auto at = m_queue.insert(m_queue.end(), &me);
    const bool granted = until == std::chrono::steady_clock::time_point::max()
                             ? (me.wake.wait(lock, [&] { return me.granted; }), true)
                             : me.wake.wait_until(lock, until, [&] { return me.granted; });
    if (granted)
        return true;  // release() took us off the queue and gave us its slot
    m_queue.erase(at);
    return false;
}

void FairSlots::release() {
    std::lock_guard lock(m_mutex);
    if (m_queue.empty()) {
        ++m_free;
        return;
    }
    Waiter* next = m_queue.front();
    m_queue.pop_front();
    next->granted = true;  // the slot passes to it without ever being free
    next->wake.notify_one();
}

std::size_t FairSlots::waiting() const {
    std::lock_guard lock(m_mutex);
    return m_queue.size();
}

}  // namespace renshe::util
