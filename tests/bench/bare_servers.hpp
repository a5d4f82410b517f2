// The floors of bench.backoffice that are gRPC servers: in this process, with the back office's
// mutual TLS (its server certificate, client certificates required and verified) and its
// sync-server thread-pool settings, each doing the least an answer can take.
//  - BareCardService: GetCardStatus answered from memory.
//  - BareWriteService: ReportPinChanged doing one raw INSERT, its own transaction, on a pool of
//    libpq connections as large as the back office's, then a canned answer. It is the floor of
//    a durable write over the same RPC: the distance from it to the back office is the back
//    office's work; its ratio to the single-connection insert loop is what the RPC and TLS
//    take from that floor and a pool's group commit gives back, on the same cores.
#pragma once

#include <grpcpp/grpcpp.h>
#include <libpq-fe.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "renshe/v1/card.grpc.pb.h"
#include "tests/fixtures/test_pki.hpp"

namespace renshe::bench {

class BareCardService final : public renshe::v1::CardService::Service {
public:
    explicit BareCardService(renshe::v1::GetCardStatusResponse canned)
        : m_canned(std::move(canned)) {}
    grpc::Status GetCardStatus(grpc::ServerContext*, const renshe::v1::GetCardStatusRequest*,
                               renshe::v1::GetCardStatusResponse* resp) override;

private:
    renshe::v1::GetCardStatusResponse m_canned;
};

class BareWriteService final : public renshe::v1::CardService::Service {
public:
    // `connections` to `conninfo`, each with the table raw_writes (created when missing).
    BareWriteService(const std::string& conninfo, std::size_t connections,
                     renshe::v1::ReportPinChangedResponse canned);
    ~BareWriteService() override;
    BareWriteService(const BareWriteService&) = delete;
    BareWriteService& operator=(const BareWriteService&) = delete;

    grpc::Status ReportPinChanged(grpc::ServerContext*,
                                  const renshe::v1::ReportPinChangedRequest* req,
                                  renshe::v1::ReportPinChangedResponse* resp) override;

private:
    std::mutex m_mutex;
    std::condition_variable m_free;
    std::vector<PGconn*> m_all, m_idle;
    renshe::v1::ReportPinChangedResponse m_canned;
};

// `service` served on 127.0.0.1 with the back office's TLS (`pki`'s server certificate and
// CA) and thread-pool settings. Shut down when destroyed.
class BareServer {
public:
    BareServer(const renshe::testing::TestPki& pki, grpc::Service& service);
    ~BareServer() { m_server->Shutdown(); }
    BareServer(const BareServer&) = delete;
    BareServer& operator=(const BareServer&) = delete;
    std::string target() const { return "127.0.0.1:" + std::to_string(m_port); }

private:
    int m_port = 0;
    std::unique_ptr<grpc::Server> m_server;
};

}  // namespace renshe::bench
