#include "kiosk/outbox_policy.hpp"

#include <algorithm>

namespace renshe::kiosk::outbox_policy {

namespace {

std::string reasonOf(const services::client::CallResult& result) {
    if (result.refusal != renshe::v1::REFUSAL_REASON_UNSPECIFIED)
        return renshe::v1::RefusalReason_Name(result.refusal);
    return "STATUS_" + std::to_string(static_cast<int>(result.code));
}

}  // namespace

Decision decide(const services::client::CallResult& result, std::int64_t nowSeconds) {
    Decision d;
    if (result.ok()) {
        d.verdict = Verdict::Delivered;
        return d;
    }
    if (result.transient()) {
        d.verdict = Verdict::Away;
        return d;
    }
    d.why = reasonOf(result);
    if (result.code == grpc::StatusCode::RESOURCE_EXHAUSTED) {
        const std::int64_t wait =
            result.retryAfterSeconds > 0
                ? std::min<std::int64_t>(result.retryAfterSeconds, kMaxRetryAfterSeconds)
                : kDefaultRetryAfterSeconds;
        d.verdict = Verdict::RetryLater;
        d.notBefore = nowSeconds + wait;
        return d;
    }
    if (result.code == grpc::StatusCode::UNAUTHENTICATED) {
        d.verdict = Verdict::RetryLater;
        d.notBefore = nowSeconds + kUnauthenticatedRetrySeconds;
        return d;
    }
    d.verdict = Verdict::NeedsStaff;
    return d;
}

}  // namespace renshe::kiosk::outbox_policy
