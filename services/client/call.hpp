// What a caller needs around every renshe.v1 call: a request id per user action, a deadline,
// and the outcome read the way the contract defines it (status code + the refusal reason and
// retry-after from the trailing metadata).
#pragma once

#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <string>

#include "renshe/v1/common.pb.h"

namespace renshe::services::client {

// A fresh RFC 4122 version-4 UUID, lower-case (OpenSSL's random generator).
std::string newRequestId();

struct CallResult {
    grpc::StatusCode code = grpc::StatusCode::UNKNOWN;
    renshe::v1::RefusalReason refusal = renshe::v1::REFUSAL_REASON_UNSPECIFIED;
    int retryAfterSeconds = 0;
    std::string message;  // English, for logs; never shown to citizens

    bool ok() const { return code == grpc::StatusCode::OK; }
    // Worth retrying with the same request id (the back office or the network was down).
    bool transient() const {
        return code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED;
    }
};

CallResult resultOf(const grpc::Status& status, const grpc::ClientContext& context);

// A context with a deadline `timeout` from now.
void setDeadline(grpc::ClientContext& context, std::chrono::milliseconds timeout);

}  // namespace renshe::services::client
