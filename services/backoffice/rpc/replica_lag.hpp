// How far the read replica (--database-replica) is behind the primary, so that reads that may
// be a little stale go to it only while it is at most --replica-max-lag-seconds behind.
//
// The bound comes from the primary's WAL position, not from the replica's own clock: every
// sample interval a thread reads the time, then the primary's current WAL position
// (pg_current_wal_lsn), then the replica's replayed position (pg_last_wal_replay_lsn). A
// commit the primary had made when a sample's time was taken lies at or below that sample's
// position, so a replica that has replayed up to it holds every such commit. The replica is
// therefore at most (now - that sample's time) behind, idle primary or busy.
//
// That bound keeps growing with the clock until the next sample lowers it: verdict() judges it
// when asked, not when it was sampled, so a sample that hangs (a standby that stopped
// answering, its connection still open) sends the stale-tolerant reads back to the primary
// once the bound is passed, instead of leaving the last verdict standing. A primary that has
// not given its position for longer than the bound counts as away, as one that refuses does.
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
    // The time of that newest sample (the replica holds every commit made before it).
    static std::optional<Clock::time_point> heldAt(const std::deque<Sample>& samples,
                                                   std::int64_t replayed);

    // A WAL position (bytes), nothing when the server cannot say; throws as Store::read does.
    using Position = std::function<std::optional<std::int64_t>()>;

    // Told each sample's lag (nothing: not known); the metrics' gauge.
    using Observer = std::function<void(std::optional<Clock::duration>)>;

    // Starts sampling at once, every `interval`; both stores outlive this.
    ReplicaLag(store::Store& primary, store::Store& replica, Clock::duration maxLag,
               Observer observer = {}, Clock::duration interval = std::chrono::milliseconds(200));
    // The same, the positions read by `primary` (pg_current_wal_lsn) and `replayed`
    // (pg_last_wal_replay_lsn); tests give their own to make a sample hang.
    ReplicaLag(Position primary, Position replayed, Clock::duration maxLag, Observer observer,
               Clock::duration interval);
    ~ReplicaLag();
    ReplicaLag(const ReplicaLag&) = delete;
    ReplicaLag& operator=(const ReplicaLag&) = delete;

    Verdict verdict() const { return verdictAt(Clock::now()); }
    Verdict verdictAt(Clock::time_point now) const;

private:
    void run();
    void sampleOnce();

    const Position m_primary;
    const Position m_replayed;
    const Clock::duration m_maxLag;
    const Clock::duration m_interval;
    const Observer m_observer;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::deque<Sample> m_samples;  // the sampling thread's own
    Verdict m_verdict = Verdict::Primary;
    Clock::time_point m_heldAt;  // with Verdict::Replica: the replica holds what preceded it
    std::optional<Clock::time_point> m_askingPrimarySince;  // a sample waiting for the primary
    std::thread m_thread;
};

}  // namespace renshe::services::backoffice
