#include "tests/bench/bare_servers.hpp"

#include <atomic>

#include "services/pki/pki.hpp"
#include "tests/bench/bench_stats.hpp"

namespace renshe::bench {

using namespace renshe::v1;

grpc::Status BareCardService::GetCardStatus(grpc::ServerContext*, const GetCardStatusRequest*,
                                            GetCardStatusResponse* resp) {
    *resp = m_canned;
    return grpc::Status::OK;
}

BareWriteService::BareWriteService(const std::string& conninfo, std::size_t connections,
                                   ReportPinChangedResponse canned)
    : m_canned(std::move(canned)) {
    for (std::size_t i = 0; i < connections; ++i) {
        PGconn* pg = PQconnectdb(conninfo.c_str());
        m_all.push_back(pg);
        if (PQstatus(pg) != CONNECTION_OK)
            fail(std::string("bare write server: ") + PQerrorMessage(pg));
        if (i == 0)
            PQclear(PQexec(pg,
                           "CREATE TABLE IF NOT EXISTS raw_writes (id BIGSERIAL PRIMARY KEY, "
                           "request_id TEXT, number TEXT, at BIGINT)"));
        PGresult* r = PQprepare(pg, "write",
                                "INSERT INTO raw_writes (request_id, number, at) VALUES "
                                "($1, $2, $3)",
                                3, nullptr);
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            fail(std::string("bare write server: ") + PQerrorMessage(pg));
        PQclear(r);
        m_idle.push_back(pg);
    }
}

BareWriteService::~BareWriteService() {
    for (PGconn* pg : m_all)
        PQfinish(pg);
}

grpc::Status BareWriteService::ReportPinChanged(grpc::ServerContext*,
                                                const ReportPinChangedRequest* req,
                                                ReportPinChangedResponse* resp) {
    static std::atomic<long> counter{0};
    PGconn* pg = nullptr;
    {
        std::unique_lock lock(m_mutex);
        m_free.wait(lock, [&] { return !m_idle.empty(); });
        pg = m_idle.back();
        m_idle.pop_back();
    }
    const std::string at = std::to_string(counter++);
    const char* values[] = {req->request_id().c_str(), req->card().card_number().c_str(),
                            at.c_str()};
    PGresult* r = PQexecPrepared(pg, "write", 3, values, nullptr, nullptr, 0);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(pg);
    }
    m_free.notify_one();
    if (!ok)
        return {grpc::StatusCode::UNAVAILABLE, "the insert failed"};
    *resp = m_canned;
    return grpc::Status::OK;
}

BareServer::BareServer(const renshe::testing::TestPki& pki, grpc::Service& service) {
    grpc::SslServerCredentialsOptions tls(
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    tls.pem_root_certs = renshe::services::pki::readFile(pki.caCertificate());
    tls.pem_key_cert_pairs.push_back({renshe::services::pki::readFile(pki.server().privateKey),
                                      renshe::services::pki::readFile(pki.server().certificate)});
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::SslServerCredentials(tls), &m_port);
    // The back office's thread-pool settings (services/backoffice/server/server.cpp).
    builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MIN_POLLERS, 2);
    builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS, 256);
    builder.RegisterService(&service);
    m_server = builder.BuildAndStart();
    if (!m_server)
        fail("the bare gRPC server did not start");
}

}  // namespace renshe::bench
