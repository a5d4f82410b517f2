// The status interceptor (services/backoffice/server/status_interceptor.hpp) in a real in-process
// gRPC server: a request whose protobuf does not parse (invalid UTF-8 in a proto3 string,
// truncated) must end INVALID_ARGUMENT with "renshe-refusal: REFUSAL_REASON_MALFORMED_FIELD"
// instead of gRPC's bare INTERNAL; everything a handler answers passes unchanged. Also pins
// down what a message over the server's receive limit produces (the transport's
// RESOURCE_EXHAUSTED, which no interceptor sees).
#include "services/backoffice/server/status_interceptor.hpp"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "renshe/v1/card.grpc.pb.h"

using namespace renshe::v1;
using renshe::services::backoffice::isUnparsedRequestStatus;
using renshe::services::backoffice::kUnparsableRequestMessage;
using renshe::services::backoffice::makeStatusInterceptorFactory;

namespace {

constexpr int kMaxReceiveBytes = 4096;
constexpr const char* kMethod = "/renshe.v1.CardService/GetCardStatus";

// Answers by card number: "A37010001" OK; "INTERNAL0" INTERNAL with a message; "MISSING00"
// a refusal with its own trailing metadata.
class TestCardService final : public CardService::Service {
public:
    grpc::Status GetCardStatus(grpc::ServerContext* ctx, const GetCardStatusRequest* req,
                               GetCardStatusResponse* resp) override {
        ++calls;
        if (req->card().card_number() == "INTERNAL0") {
            return {grpc::StatusCode::INTERNAL, "database on fire"};
        }
        if (req->card().card_number() == "MISSING00") {
            ctx->AddTrailingMetadata("renshe-refusal", "REFUSAL_REASON_UNKNOWN_CARD");
            return {grpc::StatusCode::NOT_FOUND, "no such card"};
        }
        resp->mutable_card()->set_card_number(req->card().card_number());
        resp->mutable_card()->set_status(CARD_STATUS_ACTIVE);
        return grpc::Status::OK;
    }
    std::atomic<int> calls{0};
};

struct Answer {
    grpc::Status status;
    std::optional<std::string> refusal;  // the "renshe-refusal" trailing metadata
    std::string body;
};

class StatusInterceptorTest : public ::testing::Test {
protected:
    void SetUp() override {
        grpc::ServerBuilder builder;
        builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &m_port);
        builder.SetMaxReceiveMessageSize(kMaxReceiveBytes);
        std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
            interceptors;
        interceptors.push_back(makeStatusInterceptorFactory());
        builder.experimental().SetInterceptorCreators(std::move(interceptors));
        builder.RegisterService(&m_service);
        m_server = builder.BuildAndStart();
        ASSERT_TRUE(m_server);
        ASSERT_NE(m_port, 0);
        m_channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(m_port),
                                        grpc::InsecureChannelCredentials());
    }

    void TearDown() override {
        if (m_server) {
            m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
        }
    }

    // Sends `wire` as the request body, whatever it is.
    Answer sendRaw(const std::string& wire) {
        grpc::GenericStub stub(m_channel);
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        grpc::Slice slice(wire);
        grpc::ByteBuffer request(&slice, 1), response;
        std::mutex m;
        std::condition_variable cv;
        bool done = false;
        Answer answer;
        stub.UnaryCall(&ctx, kMethod, grpc::StubOptions(), &request, &response,
                       [&](grpc::Status s) {
                           std::lock_guard lock(m);
                           answer.status = std::move(s);
                           done = true;
                           cv.notify_all();
                       });
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return done; });
        }
        const auto& trailing = ctx.GetServerTrailingMetadata();
        if (const auto it = trailing.find("renshe-refusal"); it != trailing.end()) {
            answer.refusal = std::string(it->second.data(), it->second.size());
        }
        std::vector<grpc::Slice> slices;
        if (answer.status.ok() && response.Dump(&slices).ok()) {
            for (const auto& s : slices) {
                answer.body.append(reinterpret_cast<const char*>(s.begin()), s.size());
            }
        }
        return answer;
    }

    static GetCardStatusRequest request(const std::string& cardNumber) {
        GetCardStatusRequest r;
        r.mutable_card()->set_card_identifier(std::string(16, '\x37'));
        r.mutable_card()->set_card_number(cardNumber);
        r.mutable_card()->set_ssn("370102194704090017");
        return r;
    }

    void expectMalformed(const Answer& a, const char* what) {
        EXPECT_EQ(a.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
            << what << ": " << a.status.error_message();
        EXPECT_EQ(a.status.error_message(), kUnparsableRequestMessage) << what;
        EXPECT_EQ(a.refusal, "REFUSAL_REASON_MALFORMED_FIELD") << what;
    }

    TestCardService m_service;
    std::unique_ptr<grpc::Server> m_server;
    std::shared_ptr<grpc::Channel> m_channel;
    int m_port = 0;
};

}  // namespace

TEST(StatusInterceptorRule, RecognisesGrpcsOwnDeserializationStatus) {
    EXPECT_TRUE(isUnparsedRequestStatus({grpc::StatusCode::INTERNAL, ""}));
    EXPECT_TRUE(
        isUnparsedRequestStatus({grpc::StatusCode::INTERNAL, "Did not read entire message"}));
    EXPECT_FALSE(isUnparsedRequestStatus({grpc::StatusCode::INTERNAL, "database on fire"}));
    EXPECT_FALSE(isUnparsedRequestStatus({grpc::StatusCode::UNKNOWN, ""}));
    EXPECT_FALSE(isUnparsedRequestStatus(grpc::Status::OK));
}

TEST_F(StatusInterceptorTest, WellFormedRequestsReachTheHandler) {
    const auto a = sendRaw(request("A37010001").SerializeAsString());
    ASSERT_TRUE(a.status.ok()) << a.status.error_message();
    EXPECT_FALSE(a.refusal);
    GetCardStatusResponse resp;
    ASSERT_TRUE(resp.ParseFromString(a.body));
    EXPECT_EQ(resp.card().card_number(), "A37010001");
    EXPECT_EQ(m_service.calls.load(), 1);

    // And through the generated stub.
    auto stub = CardService::NewStub(m_channel);
    grpc::ClientContext ctx;
    GetCardStatusResponse typed;
    ASSERT_TRUE(stub->GetCardStatus(&ctx, request("A37010002"), &typed).ok());
    EXPECT_EQ(typed.card().status(), CARD_STATUS_ACTIVE);
}

TEST_F(StatusInterceptorTest, InvalidUtf8InAStringFieldIsInvalidArgumentMalformedField) {
    std::string wire = request("NAME12345").SerializeAsString();
    const auto at = wire.find("NAME");
    ASSERT_NE(at, std::string::npos);
    wire.replace(at, 4, "\xC3\x28\xFF\xFE");
    expectMalformed(sendRaw(wire), "invalid UTF-8");

    // An overlong '/' and a lone surrogate, in the ID number this time.
    wire = request("A37010001").SerializeAsString();
    wire.replace(wire.find("370102"), 4, "\xC0\xAF\xED\xA0");
    expectMalformed(sendRaw(wire), "overlong and surrogate");
    EXPECT_EQ(m_service.calls.load(), 0) << "the handler never sees it";
}

TEST_F(StatusInterceptorTest, TruncatedMessagesAreInvalidArgumentMalformedField) {
    const std::string wire = request("A37010001").SerializeAsString();
    expectMalformed(sendRaw(wire.substr(0, wire.size() - 3)), "truncated");
    expectMalformed(sendRaw(std::string("\x0a\x05\x0a\x01", 4)), "truncated inner message");
    expectMalformed(sendRaw(std::string("\xFF\xFF\xFF\xFF", 4)), "garbage tag");
    EXPECT_EQ(m_service.calls.load(), 0);
}

TEST_F(StatusInterceptorTest, HandlerAnswersPassUnchanged) {
    auto a = sendRaw(request("INTERNAL0").SerializeAsString());
    EXPECT_EQ(a.status.error_code(), grpc::StatusCode::INTERNAL);
    EXPECT_EQ(a.status.error_message(), "database on fire");
    EXPECT_FALSE(a.refusal);

    a = sendRaw(request("MISSING00").SerializeAsString());
    EXPECT_EQ(a.status.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(a.status.error_message(), "no such card");
    EXPECT_EQ(a.refusal, "REFUSAL_REASON_UNKNOWN_CARD");
    EXPECT_EQ(m_service.calls.load(), 2);
}

TEST_F(StatusInterceptorTest, OversizedMessagesAreTheTransportsResourceExhausted) {
    // What gRPC 1.51 does with a message over the server's receive limit: the transport's
    // message-size check answers RESOURCE_EXHAUSTED before the request is handed to the
    // application. Neither the handler nor the interceptor's PRE_SEND_STATUS hook runs, so
    // there is no renshe-refusal metadata. (The back office's limit is 40 MiB, far above the
    // 64 KiB validation cap of every request but ImportRegistry.)
    auto big = request("A37010001");
    big.mutable_card()->set_ssn(std::string(2 * kMaxReceiveBytes, '1'));
    const auto a = sendRaw(big.SerializeAsString());
    EXPECT_EQ(a.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
        << a.status.error_message();
    EXPECT_NE(a.status.error_message().find("larger than max"), std::string::npos)
        << a.status.error_message();
    EXPECT_FALSE(a.refusal);
    EXPECT_EQ(m_service.calls.load(), 0);
}
