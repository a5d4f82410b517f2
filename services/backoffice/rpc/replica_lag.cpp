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

std::optional<ReplicaLag::Clock::duration> ReplicaLag::lagOf(const std::deque<Sample>& samples,
                                                             std::int64_t replayed,
                                                             Clock::time_point now) {
    for (auto it = samples.rbegin(); it != samples.rend(); ++it) {
        if (it->primaryLsn <= replayed)
            return now > it->at ? now - it->at : Clock::duration::zero();
    }
    return std::nullopt;
}

ReplicaLag::ReplicaLag(store::Store& primary, store::Store& replica, Clock::duration maxLag,
                       Observer observer, Clock::duration interval)
    : m_primary(primary),
      m_replica(replica),
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

ReplicaLag::Verdict ReplicaLag::verdict() const {
    const std::lock_guard lock(m_mutex);
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
    std::optional<std::int64_t> primaryLsn;
    try {
        primaryLsn = position(m_primary, kPrimaryPosition);
    } catch (const store::StoreUnavailable&) {
        // Down or failing over: nothing to bound the replica by, and a stale answer beats none
        // for the reads that may use it.
        {
            const std::lock_guard lock(m_mutex);
            m_verdict = Verdict::PrimaryAway;
        }
        if (m_observer)
            m_observer(std::nullopt);
        return;
    } catch (const std::exception&) {
        primaryLsn.reset();  // it answers but cannot say (in recovery): the lag is not known
    }
    if (primaryLsn) {
        m_samples.push_back({at, *primaryLsn});
        // Kept for twice the bound (and two intervals): a replica behind all of them lags more
        // than the bound for sure, and up to that the gauge still says by how much.
        while (m_samples.size() > 1 && at - m_samples.front().at > 2 * m_maxLag + 2 * m_interval)
            m_samples.pop_front();
    }
    std::optional<Clock::duration> lag;
    try {
        const auto replayed = position(m_replica, kReplayedPosition);
        if (replayed)
            lag = lagOf(m_samples, *replayed, Clock::now());
    } catch (const std::exception&) {
        lag.reset();  // the replica cannot be read: the primary serves
    }
    {
        const std::lock_guard lock(m_mutex);
        m_verdict = lag && *lag <= m_maxLag ? Verdict::Replica : Verdict::Primary;
    }
    if (m_observer)
        m_observer(lag);
}

}  // namespace renshe::services::backoffice
