#include "tests/bench/in_flight.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "tests/bench/bench_stats.hpp"

namespace renshe::bench {

namespace {

using Clock = std::chrono::steady_clock;

// One run of inFlight(): the slots' latencies and who is still calling. A slot's state is
// touched by one call at a time (the next starts from the last one's end).
class Run {
public:
    Run(int slots, const StartCall& start)
        : m_slots(static_cast<std::size_t>(slots)), m_start(start), m_live(slots) {}

    void next(int s) {
        Slot& slot = m_slots[static_cast<std::size_t>(s)];
        if (m_stop.load(std::memory_order_relaxed))
            return end();
        slot.began = Clock::now();
        const bool started = m_start(s, slot.calls++, [this, s](bool ok) { ended(s, ok); });
        if (!started)
            end();
    }

    // Until `run` has passed or every slot has ended; then no slot starts another call, and
    // this waits for the calls still in flight.
    void wait(Clock::duration run) {
        std::unique_lock lock(m_mutex);
        m_allEnded.wait_for(lock, run, [&] { return m_live == 0; });
        m_stop = true;
        m_allEnded.wait(lock, [&] { return m_live == 0; });
    }

    Load result(double seconds) const {
        std::vector<double> all;
        for (const Slot& s : m_slots)
            all.insert(all.end(), s.latencies.begin(), s.latencies.end());
        Load l;
        l.failures = m_failures.load();
        l.calls = static_cast<long>(all.size());
        l.qps = seconds > 0 ? static_cast<double>(all.size()) / seconds : 0;
        if (!all.empty()) {
            l.p50 = percentile(all, 0.5);
            l.p99 = percentile(all, 0.99);
        }
        return l;
    }

private:
    struct Slot {
        Clock::time_point began;
        int calls = 0;
        std::vector<double> latencies;  // microseconds
    };

    void ended(int s, bool ok) {
        Slot& slot = m_slots[static_cast<std::size_t>(s)];
        if (!ok) {
            ++m_failures;
            return end();
        }
        slot.latencies.push_back(
            std::chrono::duration<double, std::micro>(Clock::now() - slot.began).count());
        next(s);
    }

    void end() {
        const std::lock_guard lock(m_mutex);
        if (--m_live == 0)
            m_allEnded.notify_all();
    }

    std::vector<Slot> m_slots;
    const StartCall& m_start;
    std::atomic<bool> m_stop{false};
    std::atomic<long> m_failures{0};
    std::mutex m_mutex;
    std::condition_variable m_allEnded;
    int m_live;  // slots still calling; under m_mutex
};

}  // namespace

Load inFlight(int slots, Clock::duration run, const StartCall& start) {
    Run r(slots, start);
    const auto t0 = Clock::now();
    for (int s = 0; s < slots; ++s)
        r.next(s);
    r.wait(run);
    return r.result(std::chrono::duration<double>(Clock::now() - t0).count());
}

}  // namespace renshe::bench
