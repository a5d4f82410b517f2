#include "services/client/call.hpp"

#include <openssl/rand.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace renshe::services::client {

std::string newRequestId() {
    unsigned char b[16];
    if (RAND_bytes(b + 6, sizeof b - 6) != 1) {
        throw std::runtime_error("RAND_bytes failed");
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    for (int i = 0; i < 6; ++i) {  // unix_ts_ms, 48 bits, big-endian
        b[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(ms) >> (40 - 8 * i));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x70);  // version 7
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 9562 variant
    char out[37];
    std::snprintf(out, sizeof out,
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                  b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    return out;
}

CallResult resultOf(const grpc::Status& status, const grpc::ClientContext& context) {
    CallResult r;
    r.code = status.error_code();
    r.message = status.error_message();
    const auto& md = context.GetServerTrailingMetadata();
    if (const auto it = md.find("renshe-refusal"); it != md.end()) {
        renshe::v1::RefusalReason reason{};
        if (renshe::v1::RefusalReason_Parse(std::string(it->second.data(), it->second.size()),
                                            &reason)) {
            r.refusal = reason;
        }
    }
    if (const auto it = md.find("renshe-retry-after"); it != md.end()) {
        try {
            r.retryAfterSeconds = std::stoi(std::string(it->second.data(), it->second.size()));
        } catch (const std::exception&) {
            r.retryAfterSeconds = 0;
        }
    }
    return r;
}

void setDeadline(grpc::ClientContext& context, std::chrono::milliseconds timeout) {
    context.set_deadline(std::chrono::system_clock::now() + timeout);
}

CitizenMessage citizenMessage(const CallResult& result) {
    if (result.ok())
        return CitizenMessage::None;
    if (result.transient())
        return CitizenMessage::NetworkDown;
    return citizenMessage(result.refusal);
}

CitizenMessage citizenMessage(renshe::v1::RefusalReason refusal) {
    switch (refusal) {
        case renshe::v1::REFUSAL_REASON_UNKNOWN_CARD:
            return CitizenMessage::UnknownCard;
        case renshe::v1::REFUSAL_REASON_UNKNOWN_PERSON:
            return CitizenMessage::UnknownPerson;
        case renshe::v1::REFUSAL_REASON_WRONG_CARD_STATE:
            return CitizenMessage::WrongCardState;
        case renshe::v1::REFUSAL_REASON_SECOND_FACTOR_FAILED:
            return CitizenMessage::SecondFactorFailed;
        case renshe::v1::REFUSAL_REASON_LOSS_IS_FORMAL:
            return CitizenMessage::LossIsFormal;
        case renshe::v1::REFUSAL_REASON_REPLACEMENT_REQUESTED:
            return CitizenMessage::ReplacementRequested;
        case renshe::v1::REFUSAL_REASON_RATE_LIMITED:
            return CitizenMessage::RateLimited;
        case renshe::v1::REFUSAL_REASON_OUTSIDE_REGION:
            return CitizenMessage::OutsideRegion;
        case renshe::v1::REFUSAL_REASON_CARD_EXPIRED:
            return CitizenMessage::CardExpired;
        case renshe::v1::REFUSAL_REASON_VERIFICATION_STALE:
            return CitizenMessage::VerificationStale;
        case renshe::v1::REFUSAL_REASON_WEAK_PASSWORD:
            return CitizenMessage::WeakPassword;
        case renshe::v1::REFUSAL_REASON_NOT_ENROLLED:
            return CitizenMessage::NotEnrolled;
        case renshe::v1::REFUSAL_REASON_NOT_A_RETIREE:
            return CitizenMessage::NotARetiree;
        case renshe::v1::REFUSAL_REASON_TEMPLATE_INCOMPATIBLE:
            return CitizenMessage::TemplateIncompatible;
        default:
            return CitizenMessage::Other;
    }
}

}  // namespace renshe::services::client
