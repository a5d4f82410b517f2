// Budgets counted atomically and the verification tickets (see tickets.hpp).
#include "services/backoffice/certification/tickets.hpp"

#include "drivers/util/clock.hpp"
#include "services/backoffice/certification/checks.hpp"
#include "services/backoffice/rpc/keystore.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

// Counts one event in `bucket` and says whether it was over `limit`: one statement that
// increments and returns, so concurrent callers can never all see room (it takes the row's
// lock on PostgreSQL; SQLite has one writer).
namespace {

// The metrics' name of a budget, from its bucket's prefix.
std::string limitKind(const std::string& bucket) {
    const std::string prefix = bucket.substr(0, bucket.find(':'));
    if (prefix == "term-fptpl")
        return "template_fetches";
    if (prefix == "term-cert")
        return "certifications";
    if (prefix == "term-certstatus")
        return "certification_status_lookups";
    return "other";
}

}  // namespace

std::optional<Refusal> takeBudget(store::Tx& tx, const std::string& bucket,
                                  const Policy::Limit& limit, std::int64_t now,
                                  const std::string& what) {
    const std::int64_t staleBefore = now - limit.windowSeconds * util::kMicrosPerSecond;
    const auto row = tx.queryOne(
        "INSERT INTO rate_limits (bucket, window_start, count) VALUES ($1, $2, 1) "
        "ON CONFLICT (bucket) DO UPDATE SET "
        "count = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.count + 1 END, "
        "window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE "
        "rate_limits.window_start END RETURNING count, window_start",
        {bucket, now, staleBefore});
    if (row && row->integer(0) > limit.max) {
        return Refusal::rateLimited(
            retryAfterSeconds(row->integer(1) + limit.windowSeconds * util::kMicrosPerSecond, now),
            "too many " + what, limitKind(bucket));
    }
    return std::nullopt;
}

constexpr std::int64_t kTicketSeconds = 300;

// A ticket for one verify session of `caller` with this person and purpose.
std::string issueTicket(store::Tx& tx, const Caller& caller, const std::string& subjectDigest,
                        VerificationPurpose purpose, std::int64_t now, std::int64_t* expiresAt) {
    std::string ticket = store::toHex(randomBytes(16));
    *expiresAt = now + kTicketSeconds * util::kMicrosPerSecond;
    tx.exec(
        "INSERT INTO verification_tickets (ticket_sha256, terminal, subject_digest, purpose, "
        "issued_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
        {store::toHex(sha256(ticket)), caller.key(), subjectDigest,
         static_cast<std::int64_t>(purpose), now, *expiresAt});
    return ticket;
}

// Spends one result of the ticket, or refuses: unknown, another terminal's, another person's
// or purpose's, expired, or its session over (three results, or a match).
void useTicket(store::Tx& tx, const std::string& ticket, const Caller& caller,
               const std::string& subjectDigest, VerificationPurpose purpose, bool matched,
               std::int64_t now) {
    const std::string key = store::toHex(sha256(ticket));
    const auto row = tx.queryOne(
        "SELECT terminal, subject_digest, purpose, expires_at, results, closed_at "
        "FROM verification_tickets WHERE ticket_sha256 = $1" +
            std::string(tx.forUpdate()),
        {key});
    const bool valid = row && row->text(0) == caller.key() && row->text(1) == subjectDigest &&
                       row->integer(2) == static_cast<std::int64_t>(purpose) &&
                       now < row->integer(3) && row->integer(4) < checks::kAttemptsPerSession &&
                       row->isNull(5);
    if (!valid) {
        throw Refused(Refusal::precondition(
            REFUSAL_REASON_VERIFICATION_STALE,
            "no valid verification ticket for this person: fetch the templates first"));
    }
    const bool last = matched || row->integer(4) + 1 >= checks::kAttemptsPerSession;
    tx.exec(
        "UPDATE verification_tickets SET results = results + 1, closed_at = $2 WHERE "
        "ticket_sha256 = $1",
        {key, last ? store::Value(now) : store::Value(nullptr)});
}

}  // namespace renshe::services::backoffice
