// What the back office counts about its RPCs for /metrics (Prometheus text format): calls by
// method and status code with their latency as histograms, the stages of a call (authorise,
// storage wait, the query or mutation itself, commit), refusals by reason, rate-limit refusals
// by which limit, audit events, the audit chain's lag (PostgreSQL) and open WatchContent
// streams. Label values are method names, status codes, refusal reasons and limit kinds:
// bounded sets, never an ID number or a terminal id. The fleet's gauges come from the store at
// scrape time (fleet/fleet_metrics).
#pragma once

#include <grpcpp/support/status.h>

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <tuple>

#include "drivers/util/histogram.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

// The gRPC status code's name ("OK", "UNAVAILABLE", …).
const char* codeName(grpc::StatusCode code);

class Metrics {
public:
    enum class Stage { Authorise, StorageWait, Work, Commit };

    void count(const std::string& method, grpc::StatusCode code, std::chrono::nanoseconds took);
    void stage(const std::string& method, Stage stage, std::chrono::nanoseconds took);
    void countRefusal(const std::string& method, const std::string& reason);
    void countRateLimit(const std::string& kind);
    void countAudit() { m_auditEvents.fetch_add(1, std::memory_order_relaxed); }
    // PostgreSQL: from the oldest ask a chaining round answered to the round's end.
    void chainLag(std::chrono::nanoseconds took) { m_chainLag.observe(took); }
    void streamOpened() { m_streams.fetch_add(1, std::memory_order_relaxed); }
    void streamClosed() { m_streams.fetch_sub(1, std::memory_order_relaxed); }
    // Where a stale-tolerant read was served (renshe_replica_reads_total{served_by}).
    enum class ReplicaRead {
        Replica,          // the read replica
        PrimaryFallback,  // the primary: the replica failed
        PrimaryLagging,   // the primary: the replica's lag was over the bound, or not known
        PrimaryRecheck,   // the replica refused; the primary decided again
    };
    void replicaRead(ReplicaRead where) {
        m_replicaReads[static_cast<std::size_t>(where)].fetch_add(1, std::memory_order_relaxed);
    }
    // The read replica's lag at its last sample (seconds; negative: not known).
    void replicaLag(double seconds) {
        m_replicaLagMillis.store(static_cast<std::int64_t>(seconds * 1000),
                                 std::memory_order_relaxed);
    }

    // Prometheus text exposition format.
    std::string render(const store::Store::Stats& storeStats) const;

private:
    // Orders (method, label) keys and finds one by a pair of string_views (no copies on the
    // way to an existing histogram).
    struct PairLess {
        using is_transparent = void;
        template <typename A, typename B>
        bool operator()(const A& x, const B& y) const noexcept {
            const std::string_view x1 = x.first, y1 = y.first;
            if (x1 != y1)
                return x1 < y1;
            return std::string_view(x.second) < std::string_view(y.second);
        }
    };
    using Histograms = std::map<std::pair<std::string, std::string>,
                                std::unique_ptr<util::LatencyHistogram>, PairLess>;
    util::LatencyHistogram& histogram(Histograms& map, std::string_view a, std::string_view b);

    // Shared by every call's look-ups; exclusive only for adding a series.
    mutable std::shared_mutex m_mutex;
    // (method, code) and (method, stage); histograms are never removed, so a reference taken
    // under the mutex stays valid for a lock-free observe().
    Histograms m_calls;
    Histograms m_stages;
    std::map<std::pair<std::string, std::string>, std::uint64_t> m_refusals;  // method, reason
    std::map<std::string, std::uint64_t> m_rateLimits;                        // kind
    std::atomic<std::uint64_t> m_auditEvents{0};
    util::LatencyHistogram m_chainLag;
    std::atomic<std::int64_t> m_streams{0};
    std::array<std::atomic<std::uint64_t>, 4> m_replicaReads{};
    std::atomic<std::int64_t> m_replicaLagMillis{-1000};
};

}  // namespace renshe::services::backoffice
