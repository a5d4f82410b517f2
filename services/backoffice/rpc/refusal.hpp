// A refusal: the canonical status code, the RefusalReason a terminal explains to the citizen,
// and a short English message for logs (personal data masked). Carried to the client as the
// gRPC status plus the "renshe-refusal" (and "renshe-retry-after") trailing metadata of
// proto/renshe/v1/common.proto.
#pragma once

#include <grpcpp/support/status.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "drivers/util/clock.hpp"
#include "renshe/v1/common.pb.h"

namespace renshe::services::backoffice {

// Whole seconds until `windowEnd` (microseconds; at least 1), for renshe-retry-after.
inline int retryAfterSeconds(std::int64_t windowEnd, std::int64_t now) {
    return static_cast<int>(std::max<std::int64_t>(
        (windowEnd - now + util::kMicrosPerSecond - 1) / util::kMicrosPerSecond, 1));
}

struct Refusal {
    grpc::StatusCode code = grpc::StatusCode::FAILED_PRECONDITION;
    renshe::v1::RefusalReason reason = renshe::v1::REFUSAL_REASON_UNSPECIFIED;
    std::string message;
    int retryAfterSeconds = 0;  // RESOURCE_EXHAUSTED only
    std::string limit;          // RATE_LIMITED: which limit (the metrics' kind label)

    Refusal() = default;
    Refusal(grpc::StatusCode c, renshe::v1::RefusalReason r, std::string m, int retryAfter = 0,
            std::string whichLimit = {})
        : code(c),
          reason(r),
          message(std::move(m)),
          retryAfterSeconds(retryAfter),
          limit(std::move(whichLimit)) {}

    static Refusal invalid(renshe::v1::RefusalReason r, std::string m) {
        return {grpc::StatusCode::INVALID_ARGUMENT, r, std::move(m)};
    }
    static Refusal malformed(std::string m) {
        return invalid(renshe::v1::REFUSAL_REASON_MALFORMED_FIELD, std::move(m));
    }
    static Refusal badIdNumber(std::string m) {
        return invalid(renshe::v1::REFUSAL_REASON_MALFORMED_ID_NUMBER, std::move(m));
    }
    static Refusal precondition(renshe::v1::RefusalReason r, std::string m) {
        return {grpc::StatusCode::FAILED_PRECONDITION, r, std::move(m)};
    }
    static Refusal denied(renshe::v1::RefusalReason r, std::string m) {
        return {grpc::StatusCode::PERMISSION_DENIED, r, std::move(m)};
    }
    static Refusal notFound(renshe::v1::RefusalReason r, std::string m) {
        return {grpc::StatusCode::NOT_FOUND, r, std::move(m)};
    }
    static Refusal rateLimited(int retryAfter, std::string m, std::string limit) {
        return {grpc::StatusCode::RESOURCE_EXHAUSTED, renshe::v1::REFUSAL_REASON_RATE_LIMITED,
                std::move(m), retryAfter, std::move(limit)};
    }
};

// Thrown inside request handling to end the call with a refusal.
class Refused : public std::exception {
public:
    explicit Refused(Refusal r) : m_refusal(std::move(r)) {}
    const Refusal& refusal() const noexcept { return m_refusal; }
    const char* what() const noexcept override { return m_refusal.message.c_str(); }

private:
    Refusal m_refusal;
};

}  // namespace renshe::services::backoffice
