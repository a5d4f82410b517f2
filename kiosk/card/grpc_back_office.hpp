// The card back-office port over gRPC: CardService through the kiosk's ChannelKeeper, every
// call with a deadline, every answer (or its absence) reported to the keeper so a channel
// stuck after a back-office restart is renewed.
#pragma once

#include <chrono>
#include <memory>
#include <optional>

#include "kiosk/card/ports.hpp"
#include "renshe/v1/card.grpc.pb.h"
#include "services/client/call.hpp"
#include "services/client/client.hpp"

namespace renshe::kiosk::card {

class GrpcCardBackOffice : public CardBackOffice {
public:
    // Each call goes out on the keeper's current channel (renewed when it stays dead).
    explicit GrpcCardBackOffice(
        std::shared_ptr<services::client::ChannelKeeper> keeper,
        std::optional<renshe::v1::GetSealingKeyResponse> sealingKey = std::nullopt,
        std::chrono::milliseconds deadline = services::client::kDefaultDeadline);

    Reply<renshe::v1::ReportPinChangedResponse> reportPinChanged(
        const renshe::v1::ReportPinChangedRequest& request) override;
    Reply<renshe::v1::GetCardHistoryResponse> getCardHistory(
        const renshe::v1::GetCardHistoryRequest& request) override;
    Reply<renshe::v1::UnreportLossResponse> unreportLoss(
        const renshe::v1::UnreportLossRequest& request) override;
    Reply<renshe::v1::BeginPinResetResponse> beginPinReset(
        const renshe::v1::BeginPinResetRequest& request) override;
    Reply<renshe::v1::ComputePinResetCryptogramResponse> computePinResetCryptogram(
        const renshe::v1::ComputePinResetCryptogramRequest& request) override;
    Reply<renshe::v1::ReportPinResetResultResponse> reportPinResetResult(
        const renshe::v1::ReportPinResetResultRequest& request) override;
    Reply<renshe::v1::GetSealingKeyResponse> getSealingKey() override;

private:
    template <class Request, class Response, class Method>
    Reply<Response> call(Method method, const Request& request);

    std::shared_ptr<services::client::ChannelKeeper> m_keeper;
    std::optional<renshe::v1::GetSealingKeyResponse> m_sealingKey;
    std::chrono::milliseconds m_deadline;
};

}  // namespace renshe::kiosk::card
