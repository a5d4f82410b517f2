// The requests table: a mutation's final outcome kept under (caller, request id), so that a
// retry with the same request id gets the same answer (mutation_runner.hpp says when it looks).
#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include <cstdint>
#include <functional>
#include <string>

#include "services/backoffice/rpc/caller.hpp"
#include "services/backoffice/rpc/refusal.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

struct Outcome {
    grpc::StatusCode code = grpc::StatusCode::OK;
    Refusal refusal;
    bool replay = false;
};

// Transient outcomes are not final: a retry with the same request id runs again.
bool isFinal(grpc::StatusCode code);

// Remembers a final outcome under (caller, request id), so a retry gets the same answer.
// Sent ahead on PostgreSQL; a row already there (an earlier attempt) fails the write with a
// unique-key violation.
void storeOutcome(store::Tx& tx, const Caller& caller, const std::string& requestId,
                  const std::string& eventType, const std::string& bodyHash, const Outcome& outcome,
                  const google::protobuf::Message& response, std::int64_t now);

enum class Earlier { None, Replayed, Reused };

// The outcome an earlier attempt with the same caller and request id stored: Replayed puts it in
// `outcome` and `response`; Reused (the id came with another body) puts the refusal in
// `outcome`.
Earlier findEarlier(store::Tx& tx, const std::string& caller, const std::string& requestId,
                    const std::function<bool(const std::string&)>& sameBody, Outcome& outcome,
                    google::protobuf::Message* response);

// Runs a mutation's body inside a savepoint: a Refused rolls its writes back and becomes the
// outcome. The savepoint is sent ahead on PostgreSQL (store.hpp): it travels with the body's
// first statement, its release with the outcome, the audit event and the COMMIT.
// For a rate-limited call (mutation_runner.hpp): its check, its body and its count stay one
// transaction, the buckets locked throughout, so that concurrent attempts (guesses of one
// person's service password) cannot all pass the check and be evaluated before any of them
// is counted. Other calls run their body without a savepoint; one that refuses takes its
// transaction with it, and a second transaction records the refusal.
void runBodyInSavepoint(store::Tx& tx, const std::function<void()>& body, Outcome& outcome,
                        google::protobuf::Message* response);

}  // namespace renshe::services::backoffice
