// The card back-office port over gRPC: CardService through the kiosk's ChannelKeeper, every
// call with a deadline, every answer (or its absence) reported to the keeper so a channel
// stuck after a back-office restart is renewed.
#pragma once

#include <chrono>
#include <memory>

#include "kiosk/card/ports.hpp"
#include "renshe/v1/card.grpc.pb.h"
#include "services/client/client.hpp"

namespace renshe::kiosk::card {

class GrpcCardBackOffice : public CardBackOffice {
public:
    // The stub is made once, on the keeper's current channel: one flow's calls share it.
    explicit GrpcCardBackOffice(std::shared_ptr<services::client::ChannelKeeper> keeper,
                                std::chrono::milliseconds deadline = std::chrono::seconds(10));

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

private:
    template <class Request, class Response, class Method>
    Reply<Response> call(Method method, const Request& request);

    std::shared_ptr<services::client::ChannelKeeper> m_keeper;
    std::chrono::milliseconds m_deadline;
    std::unique_ptr<renshe::v1::CardService::Stub> m_stub;
};

}  // namespace renshe::kiosk::card
