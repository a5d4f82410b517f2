// How far the read replica (--database-replica) is behind the primary, so that reads that may
// be a little stale go to it only while it is at most --replica-max-lag-seconds behind.
//
// The bound comes from the primary's WAL position, not from the replica's own clock: every
// sample interval a thread reads the time, then the primary's current WAL position
// (pg_current_wal_lsn), then the replica's replayed position (pg_last_wal_replay_lsn). A
// commit the primary had made when a sample's time was taken lies at or below that sample's
// position, so a replica that has replayed up to it holds every such commit. The replica is
// therefore at most (now - that sample's time) behind, idle primary or busy.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "services/store/store.hpp"

namespace renshe::services::backoffice {

class ReplicaLag {
public:
    using Clock = std::chrono::steady_clock;

    // Where a stale-tolerant read goes now.
    enum class Verdict {
        Replica,      // it is known to be at most the bound behind
        Primary,      // it lags more, cannot be read, or has not been measured yet
        PrimaryAway,  // the primary was unavailable at the last sample: the replica, whatever its
                      // lag
    };

    struct Sample {
        Clock::time_point at;     // taken before the primary's position was read
        std::int64_t primaryLsn;  // bytes
    };

    // How far behind a replica that has replayed up to `replayed` is at `now`, given the
    // primary's positions in `samples` (oldest first): now - the time of the newest sample at
    // or below `replayed`. Nothing when no sample is (it is further behind than they reach).
    static std::optional<Clock::duration> lagOf(const std::deque<Sample>& samples,
                                                std::int64_t replayed, Clock::time_point now);

    // Told each sample's lag (nothing: not known); the metrics' gauge.
    using Observer = std::function<void(std::optional<Clock::duration>)>;

    // Starts sampling at once, every `interval`; both stores outlive this.
    ReplicaLag(store::Store& primary, store::Store& replica, Clock::duration maxLag,
               Observer observer = {}, Clock::duration interval = std::chrono::milliseconds(200));
    ~ReplicaLag();
    ReplicaLag(const ReplicaLag&) = delete;
    ReplicaLag& operator=(const ReplicaLag&) = delete;

    Verdict verdict() const;

private:
    void run();
    void sampleOnce();

    store::Store& m_primary;
    store::Store& m_replica;
    const Clock::duration m_maxLag;
    const Clock::duration m_interval;
    const Observer m_observer;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::deque<Sample> m_samples;  // the sampling thread's own
    Verdict m_verdict = Verdict::Primary;
    std::thread m_thread;
};

}  // namespace renshe::services::backoffice
