// renshe.v1.CardService: the card lifecycle at the touch terminal.
#pragma once

#include <optional>

#include "drivers/util/blocking_pool.hpp"
#include "renshe/v1/card.grpc.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

class CardServiceImpl final : public renshe::v1::CardService::WithCallbackMethod_GetCardStatus<
                                  renshe::v1::CardService::WithCallbackMethod_ReportPinChanged<
                                      renshe::v1::CardService::Service>> {
public:
    explicit CardServiceImpl(MutationRunner& runner) : m_runner(runner) {}

    grpc::Status GetSealingKey(grpc::ServerContext*, const renshe::v1::GetSealingKeyRequest*,
                               renshe::v1::GetSealingKeyResponse*) override;
    // A callback method too: on SQLite the look-up is answered on gRPC's thread (card_service.cpp).
    grpc::ServerUnaryReactor* GetCardStatus(grpc::CallbackServerContext*,
                                            const renshe::v1::GetCardStatusRequest*,
                                            renshe::v1::GetCardStatusResponse*) override;
    // A callback method: a PIN change's handler holds no thread while its write waits for a
    // group commit (by bench.waiting_handler, a synchronous handler that waits costs twice the
    // server's CPU a call).
    grpc::ServerUnaryReactor* ReportPinChanged(grpc::CallbackServerContext*,
                                               const renshe::v1::ReportPinChangedRequest*,
                                               renshe::v1::ReportPinChangedResponse*) override;
    grpc::Status SetServicePassword(grpc::ServerContext*,
                                    const renshe::v1::SetServicePasswordRequest*,
                                    renshe::v1::SetServicePasswordResponse*) override;
    grpc::Status ReportTemporaryLoss(grpc::ServerContext*,
                                     const renshe::v1::ReportTemporaryLossRequest*,
                                     renshe::v1::ReportTemporaryLossResponse*) override;
    grpc::Status UnreportLoss(grpc::ServerContext*, const renshe::v1::UnreportLossRequest*,
                              renshe::v1::UnreportLossResponse*) override;
    grpc::Status BeginPinReset(grpc::ServerContext*, const renshe::v1::BeginPinResetRequest*,
                               renshe::v1::BeginPinResetResponse*) override;
    grpc::Status ComputePinResetCryptogram(grpc::ServerContext*,
                                           const renshe::v1::ComputePinResetCryptogramRequest*,
                                           renshe::v1::ComputePinResetCryptogramResponse*) override;
    grpc::Status ReportPinResetResult(grpc::ServerContext*,
                                      const renshe::v1::ReportPinResetResultRequest*,
                                      renshe::v1::ReportPinResetResultResponse*) override;
    grpc::Status GetCardHistory(grpc::ServerContext*, const renshe::v1::GetCardHistoryRequest*,
                                renshe::v1::GetCardHistoryResponse*) override;

private:
    std::optional<grpc::Status> readCardStatus(grpc::ServerContextBase* ctx,
                                               const renshe::v1::GetCardStatusRequest& req,
                                               renshe::v1::GetCardStatusResponse& resp,
                                               bool& liftDue, bool mayWait);
    void writeLiftSeenDue(const renshe::v1::GetCardStatusRequest& req);
    void pinChanged(const renshe::v1::ReportPinChangedRequest& req,
                    renshe::v1::ReportPinChangedResponse& resp, const std::string& verifier,
                    store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now);
    grpc::Status activate(grpc::CallbackServerContext* ctx,
                          const renshe::v1::ReportPinChangedRequest* req,
                          renshe::v1::ReportPinChangedResponse* resp);

    // As many as gRPC's sync server keeps idle threads for the calls that wait.
    static constexpr std::size_t kSlowCallThreads = 256;
    MutationRunner& m_runner;
    // Calls served from a callback method that must block (an activation's Argon2id; a status
    // look-up on PostgreSQL, and the lift one saw due). Declared
    // last, destroyed first: its queued calls run while the runner is still there.
    util::BlockingPool m_slowCalls{kSlowCallThreads, "card-slow"};
};

}  // namespace renshe::services::backoffice
