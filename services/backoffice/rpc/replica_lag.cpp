#include "services/backoffice/rpc/replica_lag.hpp"

#include <string_view>
#include <utility>

namespace renshe::services::backoffice {

namespace {

// Positions as bytes from the start of the WAL (a pg_lsn difference fits a bigint).
constexpr std::string_view kPrimaryPosition =
    "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint";
// NULL on a server that is not replaying (not a standby): its lag is unknown.
constexpr std::string_view kReplayedPosition =
    "SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";

std::optional<std::int64_t> position(store::Store& store, std::string_view sql) {
    std::optional<std::int64_t> out;
    store.read([&](store::Tx& tx) {
        const auto row = tx.queryOne(sql);
        if (row)
            out = row->optionalInteger(0);
    });
    return out;
}

}  // namespace

std::optional<ReplicaLag::Clock::time_point> ReplicaLag::heldAt(const std::deque<Sample>& samples,
                                                                std::int64_t replayed) {
    for (auto it = samples.rbegin(); it != samples.rend(); ++it) {
        if (it->primaryLsn <= replayed)
            return it->at;
    }
    return std::nullopt;
}

std::optional<ReplicaLag::Clock::duration> ReplicaLag::lagOf(const std::deque<Sample>& samples,
                                                             std::int64_t replayed,
                                                             Clock::time_point now) {
    const auto held = heldAt(samples, replayed);
    if (!held)
        return std::nullopt;
    return now > *held ? now - *held : Clock::duration::zero();
}

ReplicaLag::ReplicaLag(store::Store& primary, store::Store& replica, Clock::duration maxLag,
                       Observer observer, Clock::duration interval)
    : ReplicaLag([&primary] { return position(primary, kPrimaryPosition); },
                 [&replica] { return position(replica, kReplayedPosition); }, maxLag,
                 std::move(observer), interval) {}

ReplicaLag::ReplicaLag(Position primary, Position replayed, Clock::duration maxLag,
                       Observer observer, Clock::duration interval)
    : m_primary(std::move(primary)),
      m_replayed(std::move(replayed)),
      m_maxLag(maxLag),
      m_interval(interval),
      m_observer(std::move(observer)) {
    m_thread = std::thread([this] { run(); });
}

ReplicaLag::~ReplicaLag() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

ReplicaLag::Verdict ReplicaLag::verdictAt(Clock::time_point now) const {
    const std::lock_guard lock(m_mutex);
    if (m_askingPrimarySince && now - *m_askingPrimarySince > m_maxLag)
        return Verdict::PrimaryAway;  // no position for longer than the bound: as if refused
    if (m_verdict == Verdict::Replica && now - m_heldAt > m_maxLag)
        return Verdict::Primary;  // no newer sample has lowered the bound since
    return m_verdict;
}

void ReplicaLag::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        sampleOnce();
        lock.lock();
        m_wake.wait_for(lock, m_interval, [&] { return m_stopping; });
    }
}

void ReplicaLag::sampleOnce() {
    const Clock::time_point at = Clock::now();
    {
        const std::lock_guard lock(m_mutex);
        m_askingPrimarySince = at;
    }
    std::optional<std::int64_t> primaryLsn;
    bool primaryAway = false;
    try {
        primaryLsn = m_primary();
    } catch (const store::StoreUnavailable&) {
        primaryAway = true;
    } catch (const std::exception&) {
        primaryLsn.reset();  // it answers but cannot say (in recovery): the lag is not known
    }
    {
        const std::lock_guard lock(m_mutex);
        m_askingPrimarySince.reset();
        if (primaryAway) {
            // Down or failing over: nothing to bound the replica by, and a stale answer beats
            // none for the reads that may use it.
            m_verdict = Verdict::PrimaryAway;
        }
    }
    if (primaryAway) {
        if (m_observer)
            m_observer(std::nullopt);
        return;
    }
    if (primaryLsn) {
        m_samples.push_back({at, *primaryLsn});
        // Kept for twice the bound (and two intervals): a replica behind all of them lags more
        // than the bound for sure, and up to that the gauge still says by how much.
        while (m_samples.size() > 1 && at - m_samples.front().at > 2 * m_maxLag + 2 * m_interval)
            m_samples.pop_front();
    }
    std::optional<Clock::time_point> held;
    try {
        const auto replayed = m_replayed();
        if (replayed)
            held = heldAt(m_samples, *replayed);
    } catch (const std::exception&) {
        held.reset();  // the replica cannot be read: the primary serves
    }
    const auto now = Clock::now();
    std::optional<Clock::duration> lag;
    if (held)
        lag = now > *held ? now - *held : Clock::duration::zero();
    {
        const std::lock_guard lock(m_mutex);
        if (lag && *lag <= m_maxLag) {
            m_verdict = Verdict::Replica;
            m_heldAt = *held;
        } else {
            m_verdict = Verdict::Primary;
        }
    }
    if (m_observer)
        m_observer(lag);
}

}  // namespace renshe::services::backoffice
