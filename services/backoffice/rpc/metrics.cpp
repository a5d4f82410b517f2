#include "services/backoffice/rpc/metrics.hpp"

#include "services/backoffice/rpc/keystore.hpp"

namespace renshe::services::backoffice {

const char* codeName(grpc::StatusCode code) {
    switch (code) {
        case grpc::StatusCode::OK:
            return "OK";
        case grpc::StatusCode::CANCELLED:
            return "CANCELLED";
        case grpc::StatusCode::INVALID_ARGUMENT:
            return "INVALID_ARGUMENT";
        case grpc::StatusCode::DEADLINE_EXCEEDED:
            return "DEADLINE_EXCEEDED";
        case grpc::StatusCode::NOT_FOUND:
            return "NOT_FOUND";
        case grpc::StatusCode::ALREADY_EXISTS:
            return "ALREADY_EXISTS";
        case grpc::StatusCode::PERMISSION_DENIED:
            return "PERMISSION_DENIED";
        case grpc::StatusCode::RESOURCE_EXHAUSTED:
            return "RESOURCE_EXHAUSTED";
        case grpc::StatusCode::FAILED_PRECONDITION:
            return "FAILED_PRECONDITION";
        case grpc::StatusCode::UNAVAILABLE:
            return "UNAVAILABLE";
        case grpc::StatusCode::UNAUTHENTICATED:
            return "UNAUTHENTICATED";
        case grpc::StatusCode::INTERNAL:
            return "INTERNAL";
        default:
            return "OTHER";
    }
}

namespace {

const char* stageName(Metrics::Stage s) {
    switch (s) {
        case Metrics::Stage::Authorise:
            return "authorise";
        case Metrics::Stage::StorageWait:
            return "storage_wait";
        case Metrics::Stage::Work:
            return "work";
        case Metrics::Stage::Commit:
            return "commit";
    }
    return "other";
}

void header(std::string& out, const char* name, const char* type, const char* help) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n# TYPE ");
    out.append(name).append(" ").append(type).append("\n");
}

std::string label(const char* name, const std::string& value) {
    return std::string(name) + "=\"" + util::escapeLabelValue(value) + "\"";
}

}  // namespace

util::LatencyHistogram& Metrics::histogram(Histograms& map, std::string_view a,
                                           std::string_view b) {
    const std::pair<std::string_view, std::string_view> key{a, b};
    {
        std::shared_lock lock(m_mutex);
        if (const auto it = map.find(key); it != map.end())
            return *it->second;
    }
    std::unique_lock lock(m_mutex);
    auto& h = map[{std::string(a), std::string(b)}];
    if (!h)
        h = std::make_unique<util::LatencyHistogram>();
    return *h;
}

void Metrics::count(const std::string& method, grpc::StatusCode code,
                    std::chrono::nanoseconds took) {
    histogram(m_calls, method, codeName(code)).observe(took);
}

void Metrics::stage(const std::string& method, Stage stage, std::chrono::nanoseconds took) {
    histogram(m_stages, method, stageName(stage)).observe(took);
}

void Metrics::countRefusal(const std::string& method, const std::string& reason) {
    std::lock_guard lock(m_mutex);
    ++m_refusals[{method, reason}];
}

void Metrics::countRateLimit(const std::string& kind) {
    std::lock_guard lock(m_mutex);
    ++m_rateLimits[kind];
}

std::string Metrics::render(const store::Store::Stats& storeStats) const {
    std::string out;
    std::shared_lock lock(m_mutex);
    header(out, "renshe_rpc_total", "counter", "RPCs handled, by method and status code.");
    for (const auto& [key, h] : m_calls) {
        out += "renshe_rpc_total{" + label("method", key.first) + "," + label("code", key.second) +
               "} " + std::to_string(h->snapshot().count) + "\n";
    }
    header(out, "renshe_rpc_duration_seconds", "histogram",
           "Time from a call's arrival in its handler to its answer, by method and status code.");
    for (const auto& [key, h] : m_calls)
        util::renderHistogram(out, "renshe_rpc_duration_seconds",
                              label("method", key.first) + "," + label("code", key.second),
                              h->snapshot());
    header(out, "renshe_rpc_stage_seconds", "histogram",
           "The stages of a call: authorise (certificate and enrolment), storage_wait (a free "
           "connection, the writer's queue), work (the query or mutation), commit.");
    for (const auto& [key, h] : m_stages)
        util::renderHistogram(out, "renshe_rpc_stage_seconds",
                              label("method", key.first) + "," + label("stage", key.second),
                              h->snapshot());
    header(out, "renshe_refusals_total", "counter",
           "Calls refused, by method and refusal reason (the renshe-refusal trailer).");
    for (const auto& [key, n] : m_refusals)
        out += "renshe_refusals_total{" + label("method", key.first) + "," +
               label("reason", key.second) + "} " + std::to_string(n) + "\n";
    header(out, "renshe_rate_limit_refusals_total", "counter",
           "Calls refused by a rate limit, by which limit.");
    for (const auto& [kind, n] : m_rateLimits)
        out += "renshe_rate_limit_refusals_total{" + label("kind", kind) + "} " +
               std::to_string(n) + "\n";
    header(out, "renshe_store_writes_total", "counter", "Durable write transactions committed.");
    out += "renshe_store_writes_total " + std::to_string(storeStats.writes) + "\n";
    header(out, "renshe_store_commits_total", "counter",
           "Commits (fsyncs) done; writes/commits is the group-commit factor.");
    out += "renshe_store_commits_total " + std::to_string(storeStats.commits) + "\n";
    header(out, "renshe_store_retries_total", "counter",
           "Write transactions run again after a serialization failure or deadlock.");
    out += "renshe_store_retries_total " + std::to_string(storeStats.retries) + "\n";
    header(out, "renshe_store_wait_seconds", "histogram",
           "How long a transaction waited before it ran: a free connection (read), the "
           "writer's queue or a pool connection (write).");
    util::renderHistogram(out, "renshe_store_wait_seconds", "kind=\"read\"", storeStats.readWait);
    util::renderHistogram(out, "renshe_store_wait_seconds", "kind=\"write\"", storeStats.writeWait);
    header(out, "renshe_store_commit_seconds", "histogram",
           "How long a write transaction's COMMIT took (SQLite: a group commit's fsync).");
    util::renderHistogram(out, "renshe_store_commit_seconds", "", storeStats.commit);
    header(out, "renshe_watch_content_streams", "gauge",
           "WatchContent streams open (display and touch terminals following their content).");
    out += "renshe_watch_content_streams " + std::to_string(m_streams.load()) + "\n";
    header(out, "renshe_password_hash_wait_seconds", "histogram",
           "How long a service-password check or hash (Argon2id, one per core at a time, first "
           "come first served) waited for its turn: a burst of loss reports queues here.");
    util::renderHistogram(out, "renshe_password_hash_wait_seconds", "", passwordHashWaits());
    header(out, "renshe_password_hashes_waiting", "gauge",
           "Service-password checks and hashes waiting for their turn now.");
    out += "renshe_password_hashes_waiting " + std::to_string(passwordHashesWaiting()) + "\n";
    header(out, "renshe_password_hashes_abandoned_total", "counter",
           "Service-password checks not begun because the caller's deadline passed while they "
           "waited for a turn (answered DEADLINE_EXCEEDED; the kiosk's retry is served).");
    out += "renshe_password_hashes_abandoned_total " + std::to_string(passwordHashesAbandoned()) +
           "\n";
    header(out, "renshe_audit_events_total", "counter", "Audit events appended by this process.");
    out += "renshe_audit_events_total " + std::to_string(m_auditEvents.load()) + "\n";
    header(out, "renshe_audit_chain_lag_seconds", "histogram",
           "PostgreSQL: from the oldest ask a chaining round answered (a write's, which is not "
           "waited on, or an audit reader's) to the round's end.");
    util::renderHistogram(out, "renshe_audit_chain_lag_seconds", "", m_chainLag.snapshot());
    header(out, "renshe_replica_reads_total", "counter",
           "Stale-tolerant reads (job search, guides, records, media) by where they were served: "
           "the read replica; the primary because the replica failed (primary_fallback), its lag "
           "was over --replica-max-lag-seconds or not known (primary_lagging), or it refused "
           "(primary_recheck: the primary decides every refusal).");
    static constexpr std::array<const char*, 4> kServedBy{"replica", "primary_fallback",
                                                          "primary_lagging", "primary_recheck"};
    for (std::size_t i = 0; i < kServedBy.size(); ++i) {
        out += std::string("renshe_replica_reads_total{served_by=\"") + kServedBy[i] + "\"} " +
               std::to_string(m_replicaReads[i].load()) + "\n";
    }
    header(out, "renshe_replica_lag_seconds", "gauge",
           "How far the read replica was behind the primary at its last sample (bounded from "
           "the primary's WAL position); -1 when not known.");
    out += "renshe_replica_lag_seconds " +
           std::to_string(static_cast<double>(m_replicaLagMillis.load()) / 1000.0) + "\n";
    return out;
}

}  // namespace renshe::services::backoffice
