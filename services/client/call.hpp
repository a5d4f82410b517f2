// What a caller needs around every renshe.v1 call: a request id per user action, a deadline,
// and the outcome read the way the contract defines it (status code + the refusal reason and
// retry-after from the trailing metadata).
#pragma once

#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <string>

#include "renshe/v1/common.pb.h"
#include "services/client/client.hpp"

namespace renshe::services::client {

// A fresh request id: an RFC 9562 version-7 UUID, lower-case (the Unix time in milliseconds,
// then 74 bits from OpenSSL's random generator). Ids made about the same time sort together,
// so the back office's record of requests (keyed request id first, migration 0027) takes a
// group commit's new ones on the same few pages at its end, not one random page each.
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

// The deadline of a terminal's unary call unless it has a reason for another.
inline constexpr std::chrono::milliseconds kDefaultDeadline = std::chrono::seconds(10);

// One unary call on `keeper`'s channel: a deadline, the outcome read as the contract defines it,
// and whether the back office answered reported to the keeper (which renews a channel that
// stays dead). `Service` is the generated service (renshe::v1::CardService, ...):
//   unary<CardService>(keeper, &CardService::Stub::GetCardStatus, request, &response)
template <typename Service, typename Request, typename Response>
CallResult unary(ChannelKeeper& keeper,
                 grpc::Status (Service::Stub::*method)(grpc::ClientContext*, const Request&,
                                                       Response*),
                 const Request& request, Response* response,
                 std::chrono::milliseconds deadline = kDefaultDeadline) {
    const auto stub = Service::NewStub(keeper.channel());
    grpc::ClientContext context;
    setDeadline(context, deadline);
    const grpc::Status status = ((*stub).*method)(&context, request, response);
    CallResult result = resultOf(status, context);
    keeper.reportReachable(!result.transient());
    return result;
}

// The same, tried up to `attempts` times while the outcome is transient. Only for requests
// that carry their request id: every attempt sends the same one, so the back office does the
// work once however many arrive.
template <typename Service, typename Request, typename Response>
CallResult unaryWithRetries(ChannelKeeper& keeper,
                            grpc::Status (Service::Stub::*method)(grpc::ClientContext*,
                                                                  const Request&, Response*),
                            const Request& request, Response* response, int attempts,
                            std::chrono::milliseconds deadline = kDefaultDeadline) {
    CallResult result;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        result = unary<Service>(keeper, method, request, response, deadline);
        if (!result.transient())
            break;
    }
    return result;
}

// What a terminal tells a citizen about an outcome, as an id its UI puts into words in the
// screen's language (the kiosk's messages.cpp). One mapping from the contract's refusal
// reasons, so every screen says the same thing about the same refusal.
enum class CitizenMessage {
    None,                  // the call succeeded
    NetworkDown,           // transient: the back office or the network is away
    UnknownCard,           // UNKNOWN_CARD
    UnknownPerson,         // UNKNOWN_PERSON
    WrongCardState,        // WRONG_CARD_STATE
    SecondFactorFailed,    // SECOND_FACTOR_FAILED
    LossIsFormal,          // LOSS_IS_FORMAL
    ReplacementRequested,  // REPLACEMENT_REQUESTED
    RateLimited,           // RATE_LIMITED (with CallResult::retryAfterSeconds)
    OutsideRegion,         // OUTSIDE_REGION
    CardExpired,           // CARD_EXPIRED
    VerificationStale,     // VERIFICATION_STALE
    WeakPassword,          // WEAK_PASSWORD
    NotEnrolled,           // NOT_ENROLLED
    NotARetiree,           // NOT_A_RETIREE
    TemplateIncompatible,  // TEMPLATE_INCOMPATIBLE
    Other,                 // anything else: ask the staff
};
CitizenMessage citizenMessage(const CallResult& result);
CitizenMessage citizenMessage(renshe::v1::RefusalReason refusal);

}  // namespace renshe::services::client
