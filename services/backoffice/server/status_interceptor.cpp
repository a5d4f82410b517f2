#include "services/backoffice/server/status_interceptor.hpp"

#include <string>

#include "renshe/v1/common.pb.h"

namespace renshe::services::backoffice {

namespace {

constexpr const char* kRefusalKey = "renshe-refusal";

using grpc::experimental::InterceptionHookPoints;
using grpc::experimental::ServerRpcInfo;

}  // namespace

bool isUnparsedRequestStatus(const grpc::Status& status) {
    if (status.error_code() != grpc::StatusCode::INTERNAL) {
        return false;
    }
    const std::string& message = status.error_message();
    return message.empty() || message == "Did not read entire message" || message == "No payload";
}

StatusInterceptor::StatusInterceptor(ServerRpcInfo* info)
    : m_singleRequest(info != nullptr && (info->type() == ServerRpcInfo::Type::UNARY ||
                                          info->type() == ServerRpcInfo::Type::SERVER_STREAMING)) {}

void StatusInterceptor::Intercept(grpc::experimental::InterceptorBatchMethods* methods) {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
        if (m_singleRequest && methods->GetRecvMessage() == nullptr) {
            m_requestUnparsed = true;
        }
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
        const grpc::Status status = methods->GetSendStatus();
        if (status.error_code() == grpc::StatusCode::INTERNAL &&
            (m_requestUnparsed || isUnparsedRequestStatus(status))) {
            methods->ModifySendStatus(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                                   std::string(kUnparsableRequestMessage)));
            if (auto* trailing = methods->GetSendTrailingMetadata()) {
                trailing->erase(kRefusalKey);
                trailing->emplace(kRefusalKey, renshe::v1::RefusalReason_Name(
                                                   renshe::v1::REFUSAL_REASON_MALFORMED_FIELD));
            }
        }
    }
    methods->Proceed();
}

grpc::experimental::Interceptor* StatusInterceptorFactory::CreateServerInterceptor(
    ServerRpcInfo* info) {
    return new StatusInterceptor(info);
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
makeStatusInterceptorFactory() {
    return std::make_unique<StatusInterceptorFactory>();
}

}  // namespace renshe::services::backoffice
