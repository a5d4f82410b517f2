// What the kiosk's outbox does with the back office's answer to a queued report (plain C++,
// unit-tested): a report the citizen was told "will be submitted" is never dropped silently.
//   OK                                  delivered: the entry goes;
//   UNAVAILABLE / DEADLINE_EXCEEDED     the back office is away: try again next round, in order;
//   RESOURCE_EXHAUSTED                  rate-limited: again after renshe-retry-after seconds;
//   UNAUTHENTICATED                     this terminal's enrolment is being sorted out by staff:
//                                       again every kUnauthenticatedRetrySeconds;
//   any other (a final refusal)         kept as "needs staff": shown on the status bar, sent
//                                       in heartbeats, listed by `renshe-admin fleet`.
// An entry older than kMaxAgeSeconds is not sent again (needs staff, "EXPIRED"): the back office
// remembers request ids for longer (Policy::requestRetentionSeconds, 31 days), so every
// delivery the kiosk makes is still recognised as a retry.
#pragma once

#include <cstdint>
#include <string>

#include "services/client/call.hpp"

namespace renshe::kiosk::outbox_policy {

inline constexpr std::int64_t kMaxAgeSeconds = 30 * 86400;
inline constexpr std::int64_t kDefaultRetryAfterSeconds = 60;
inline constexpr std::int64_t kMaxRetryAfterSeconds = 86400;
inline constexpr std::int64_t kUnauthenticatedRetrySeconds = 600;

enum class Verdict { Delivered, Away, RetryLater, NeedsStaff };

struct Decision {
    Verdict verdict = Verdict::Away;
    std::int64_t notBefore = 0;  // RetryLater: Unix seconds
    std::string why;             // NeedsStaff / RetryLater: the refusal reason or status code
};

Decision decide(const services::client::CallResult& result, std::int64_t nowSeconds);

inline bool expired(std::int64_t createdAtSeconds, std::int64_t nowSeconds) {
    return nowSeconds - createdAtSeconds > kMaxAgeSeconds;
}

}  // namespace renshe::kiosk::outbox_policy
