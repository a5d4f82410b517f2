// Two things the certification RPCs count on: an hourly budget taken in one statement (so
// parallel callers cannot all see room), and the verification ticket a template fetch issues
// and a scan result spends (bound to terminal, person and purpose, 5 minutes, one session).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "renshe/v1/certification.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

// Counts one event in `bucket`; the refusal (RATE_LIMITED) when that went over `limit`.
std::optional<Refusal> takeBudget(store::Tx& tx, const std::string& bucket,
                                  const Policy::Limit& limit, std::int64_t now,
                                  const std::string& what);

// A new ticket for `caller`'s session with this person and purpose; its expiry in *expiresAt.
std::string issueTicket(store::Tx& tx, const Caller& caller, const std::string& subjectDigest,
                        renshe::v1::VerificationPurpose purpose, std::int64_t now,
                        std::int64_t* expiresAt);

// Spends one result of `ticket`; throws Refused (VERIFICATION_STALE) when it is unknown,
// another terminal's, person's or purpose's, expired, or its session is over.
void useTicket(store::Tx& tx, const std::string& ticket, const Caller& caller,
               const std::string& subjectDigest, renshe::v1::VerificationPurpose purpose,
               bool matched, std::int64_t now);

}  // namespace renshe::services::backoffice
