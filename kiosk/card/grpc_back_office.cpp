#include "kiosk/card/grpc_back_office.hpp"

#include <grpcpp/client_context.h>

namespace renshe::kiosk::card {

namespace client = services::client;
using namespace renshe::v1;

GrpcCardBackOffice::GrpcCardBackOffice(std::shared_ptr<client::ChannelKeeper> keeper,
                                       std::optional<GetSealingKeyResponse> sealingKey,
                                       std::chrono::milliseconds deadline)
    : m_keeper(std::move(keeper)), m_sealingKey(std::move(sealingKey)), m_deadline(deadline) {}

template <class Request, class Response, class Method>
Reply<Response> GrpcCardBackOffice::call(Method method, const Request& request) {
    Reply<Response> reply;
    reply.result =
        client::unary<CardService>(*m_keeper, method, request, &reply.response, m_deadline);
    return reply;
}

Reply<GetSealingKeyResponse> GrpcCardBackOffice::getSealingKey() {
    if (m_sealingKey) {
        Reply<GetSealingKeyResponse> held;
        held.result.code = grpc::StatusCode::OK;
        held.response = *m_sealingKey;
        return held;
    }
    auto reply = call<GetSealingKeyRequest, GetSealingKeyResponse>(
        &CardService::Stub::GetSealingKey, GetSealingKeyRequest());
    if (reply.result.ok())
        m_sealingKey = reply.response;
    return reply;
}

Reply<ReportPinChangedResponse> GrpcCardBackOffice::reportPinChanged(
    const ReportPinChangedRequest& request) {
    return call<ReportPinChangedRequest, ReportPinChangedResponse>(
        &CardService::Stub::ReportPinChanged, request);
}

Reply<GetCardHistoryResponse> GrpcCardBackOffice::getCardHistory(
    const GetCardHistoryRequest& request) {
    return call<GetCardHistoryRequest, GetCardHistoryResponse>(&CardService::Stub::GetCardHistory,
                                                               request);
}

Reply<UnreportLossResponse> GrpcCardBackOffice::unreportLoss(const UnreportLossRequest& request) {
    return call<UnreportLossRequest, UnreportLossResponse>(&CardService::Stub::UnreportLoss,
                                                           request);
}

Reply<BeginPinResetResponse> GrpcCardBackOffice::beginPinReset(
    const BeginPinResetRequest& request) {
    return call<BeginPinResetRequest, BeginPinResetResponse>(&CardService::Stub::BeginPinReset,
                                                             request);
}

Reply<ComputePinResetCryptogramResponse> GrpcCardBackOffice::computePinResetCryptogram(
    const ComputePinResetCryptogramRequest& request) {
    return call<ComputePinResetCryptogramRequest, ComputePinResetCryptogramResponse>(
        &CardService::Stub::ComputePinResetCryptogram, request);
}

Reply<ReportPinResetResultResponse> GrpcCardBackOffice::reportPinResetResult(
    const ReportPinResetResultRequest& request) {
    return call<ReportPinResetResultRequest, ReportPinResetResultResponse>(
        &CardService::Stub::ReportPinResetResult, request);
}

}  // namespace renshe::kiosk::card
