// MutationRunner's rate limits: the windowed counters of second-factor failures per terminal
// and per person (rate_limits rows), checked before and bumped inside a mutation.
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

std::optional<Refusal> MutationRunner::checkRateLimits(store::Tx& tx, const Caller& caller,
                                                       const RateLimited& rl,
                                                       const std::string& ssnDigest,
                                                       std::int64_t now, bool lockRows) {
    struct Check {
        std::string bucket;
        Policy::Limit limit;
        const char* what;
        const char* kind;
    };
    std::vector<Check> checks{
        {"term-fail:" + caller.identity.id, m_policy.terminalSecondFactorFailures,
         "failed attempts at this terminal", "terminal_failures"},
        {"term-lookup:" + caller.identity.id, m_policy.terminalIdentityLookups,
         "identity look-ups at this terminal", "terminal_lookups"},
    };
    if (!rl.ssn.empty()) {
        checks.insert(checks.begin(), {"ssn-fail:" + ssnDigest, m_policy.ssnSecondFactorFailures,
                                       "failed attempts for this ID number", "ssn_failures"});
    }
    // One query for all buckets: this runs in the single SQLite writer, where every statement
    // counts, and where that writer makes check, attempt and count one atomic step. On
    // PostgreSQL (READ COMMITTED) concurrent attempts would all pass a plain read: the bucket
    // rows are created if missing and locked, in one order, until this transaction commits
    // its count, so the next attempt for the same ID number or terminal reads that count.
    std::sort(checks.begin(), checks.end(),
              [](const Check& a, const Check& b) { return a.bucket < b.bucket; });
    std::vector<store::Value> params;
    std::string in;
    for (const auto& c : checks) {
        params.push_back(c.bucket);
        in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    const std::string lock(lockRows ? tx.forUpdate() : "");
    if (!lock.empty()) {
        std::string values;
        std::vector<store::Value> insertParams{now};
        for (const auto& c : checks) {
            insertParams.push_back(c.bucket);
            values +=
                (values.empty() ? "($" : ", ($") + std::to_string(insertParams.size()) + ", $1, 0)";
        }
        tx.exec("INSERT INTO rate_limits (bucket, window_start, count) VALUES " + values +
                    " ON CONFLICT (bucket) DO NOTHING",
                insertParams);
    }
    const auto rows = tx.query(
        "SELECT bucket, window_start, count FROM rate_limits WHERE bucket "
        "IN (" +
            in + ") ORDER BY bucket" + lock,
        params);
    for (const auto& c : checks) {
        for (const auto& row : rows) {
            if (row.text(0) != c.bucket)
                continue;
            const std::int64_t windowStart = row.integer(1);
            const std::int64_t windowEnd =
                windowStart + c.limit.windowSeconds * util::kMicrosPerSecond;
            if (now < windowEnd && row.integer(2) >= c.limit.max) {
                return Refusal::rateLimited(retryAfterSeconds(windowEnd, now),
                                            std::string("too many ") + c.what, c.kind);
            }
        }
    }
    return std::nullopt;
}

void MutationRunner::bumpRateLimits(store::Tx& tx, const Caller& caller,
                                    const std::string& ssnDigest, bool failed, std::int64_t now) {
    auto bump = [&](const std::string& bucket, const Policy::Limit& limit) {
        const std::int64_t staleBefore = now - limit.windowSeconds * util::kMicrosPerSecond;
        tx.execLater(
            "INSERT INTO rate_limits (bucket, window_start, count) VALUES ($1, $2, 1) "
            "ON CONFLICT (bucket) DO UPDATE SET "
            "count = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.count + 1 "
            "END, "
            "window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE "
            "rate_limits.window_start END",
            {bucket, now, staleBefore});
    };
    bump("term-lookup:" + caller.identity.id, m_policy.terminalIdentityLookups);
    if (failed) {
        bump("term-fail:" + caller.identity.id, m_policy.terminalSecondFactorFailures);
        if (!ssnDigest.empty()) {
            bump("ssn-fail:" + ssnDigest, m_policy.ssnSecondFactorFailures);
        }
    }
}

}  // namespace renshe::services::backoffice
