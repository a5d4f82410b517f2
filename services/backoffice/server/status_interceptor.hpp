// A server interceptor that keeps the contract's status conventions (common.proto) for
// requests that never reach a handler because their protobuf does not parse.
//
// gRPC C++ answers a request it cannot deserialize (a proto3 string field with invalid UTF-8,
// a truncated message, no message at all) with INTERNAL and an empty message (or "No
// payload", "Did not read entire message"). The contract says malformed input is
// INVALID_ARGUMENT with the trailing metadata "renshe-refusal: REFUSAL_REASON_MALFORMED_FIELD",
// and that INTERNAL is never used for a known case. At PRE_SEND_STATUS this interceptor
// rewrites such a status accordingly. It recognises the case by the request message being
// absent after POST_RECV_MESSAGE (unary and server-streaming methods: the generated handler
// hands interceptors a null message exactly when deserialization failed) or, failing that, by
// the INTERNAL status texts gRPC uses for it.
//
// A request larger than the server's maximum receive size is refused by the transport with
// RESOURCE_EXHAUSTED before any handler or interceptor runs; it is left alone (see
// tests/service/status_interceptor_test.cpp).
#pragma once

#include <grpcpp/support/interceptor.h>
#include <grpcpp/support/server_interceptor.h>
#include <grpcpp/support/status.h>

#include <memory>
#include <string_view>

namespace renshe::services::backoffice {

inline constexpr std::string_view kUnparsableRequestMessage =
    "request does not parse (invalid UTF-8 or truncated)";

// True for the status gRPC itself sends when a request does not deserialize.
bool isUnparsedRequestStatus(const grpc::Status& status);

class StatusInterceptor : public grpc::experimental::Interceptor {
public:
    explicit StatusInterceptor(grpc::experimental::ServerRpcInfo* info);
    void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override;

private:
    bool m_singleRequest;            // unary or server-streaming: one request message
    bool m_requestUnparsed = false;  // POST_RECV_MESSAGE saw no message
};

class StatusInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
public:
    grpc::experimental::Interceptor* CreateServerInterceptor(
        grpc::experimental::ServerRpcInfo* info) override;
};

// For grpc::ServerBuilder::experimental().SetInterceptorCreators.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
makeStatusInterceptorFactory();

}  // namespace renshe::services::backoffice
