// renshe.v1.CardService: the card lifecycle at the touch terminal.
#pragma once

#include "renshe/v1/card.grpc.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

class CardServiceImpl final : public renshe::v1::CardService::Service {
public:
    explicit CardServiceImpl(MutationRunner& runner) : m_runner(runner) {}

    grpc::Status GetSealingKey(grpc::ServerContext*, const renshe::v1::GetSealingKeyRequest*,
                               renshe::v1::GetSealingKeyResponse*) override;
    grpc::Status GetCardStatus(grpc::ServerContext*, const renshe::v1::GetCardStatusRequest*,
                               renshe::v1::GetCardStatusResponse*) override;
    grpc::Status ReportPinChanged(grpc::ServerContext*, const renshe::v1::ReportPinChangedRequest*,
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
    MutationRunner& m_runner;
};

}  // namespace renshe::services::backoffice
