#include "services/backoffice/rpc/request_outcome.hpp"

namespace renshe::services::backoffice {

namespace {

// The outcome stored by an earlier attempt with the same caller and request id.
void replayStored(const store::Row& previous, Outcome& outcome,
                  google::protobuf::Message* response) {
    outcome.replay = true;
    outcome.code = static_cast<grpc::StatusCode>(previous.integer(1));
    outcome.refusal.code = outcome.code;
    outcome.refusal.reason = static_cast<renshe::v1::RefusalReason>(previous.integer(2));
    outcome.refusal.message = previous.text(3);
    if (outcome.code == grpc::StatusCode::OK)
        response->ParseFromString(store::fromHex(previous.text(4)));
}

}  // namespace

bool isFinal(grpc::StatusCode code) {
    return code != grpc::StatusCode::UNAVAILABLE && code != grpc::StatusCode::DEADLINE_EXCEEDED &&
           code != grpc::StatusCode::RESOURCE_EXHAUSTED;
}

void storeOutcome(store::Tx& tx, const Caller& caller, const std::string& requestId,
                  const std::string& eventType, const std::string& bodyHash, const Outcome& outcome,
                  const google::protobuf::Message& response, std::int64_t now) {
    std::string bytes;
    if (outcome.code == grpc::StatusCode::OK)
        response.SerializeToString(&bytes);
    tx.execLater(
        "INSERT INTO requests (caller, request_id, method, body_hash, status_code, refusal, "
        "message, response, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        {caller.key(), requestId, eventType, bodyHash, static_cast<std::int64_t>(outcome.code),
         static_cast<std::int64_t>(outcome.refusal.reason), outcome.refusal.message,
         store::toHex(bytes), now});
}

Earlier findEarlier(store::Tx& tx, const std::string& caller, const std::string& requestId,
                    const std::function<bool(const std::string&)>& sameBody, Outcome& outcome,
                    google::protobuf::Message* response) {
    const auto previous = tx.queryOne(
        "SELECT body_hash, status_code, refusal, message, response FROM requests "
        "WHERE caller = $1 AND request_id = $2",
        {caller, requestId});
    if (!previous)
        return Earlier::None;
    outcome = Outcome{};
    response->Clear();
    if (sameBody(previous->text(0))) {
        replayStored(*previous, outcome, response);
        return Earlier::Replayed;
    }
    outcome.refusal = Refusal::invalid(renshe::v1::REFUSAL_REASON_REQUEST_ID_REUSED,
                                       "request id was used for a different request");
    outcome.code = outcome.refusal.code;
    return Earlier::Reused;
}

void runBodyInSavepoint(store::Tx& tx, const std::function<void()>& body, Outcome& outcome,
                        google::protobuf::Message* response) {
    tx.execLater("SAVEPOINT rpc_body");
    try {
        body();
        tx.execLater("RELEASE SAVEPOINT rpc_body");
    } catch (const Refused& r) {
        tx.exec("ROLLBACK TO SAVEPOINT rpc_body");
        tx.exec("RELEASE SAVEPOINT rpc_body");
        response->Clear();
        outcome.code = r.refusal().code;
        outcome.refusal = r.refusal();
    }
}

}  // namespace renshe::services::backoffice
