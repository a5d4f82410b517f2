#include "services/backoffice/server.hpp"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <chrono>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/card.grpc.pb.h"
#include "renshe/v1/certification.grpc.pb.h"
#include "renshe/v1/content.grpc.pb.h"
#include "renshe/v1/guides.grpc.pb.h"
#include "renshe/v1/jobs.grpc.pb.h"
#include "renshe/v1/terminal.grpc.pb.h"
#include "services/pki/pki.hpp"

namespace renshe::services::backoffice {

namespace {
constexpr auto kShutdownGrace = std::chrono::seconds(5);
}

struct Server::Impl {
    Options options;
    std::unique_ptr<grpc::Server> server;
    // The v1 services not yet built answer UNIMPLEMENTED through their generated defaults;
    // each later issue replaces one of these with the real implementation.
    renshe::v1::CardService::Service card;
    renshe::v1::CertificationService::Service certification;
    renshe::v1::JobService::Service jobs;
    renshe::v1::GuideService::Service guides;
    renshe::v1::ContentService::Service content;
    renshe::v1::TerminalService::Service terminal;
    renshe::v1::AdminService::Service admin;
    std::once_flag shutdownOnce;
};

Server::Server(Options options) : m_impl(std::make_unique<Impl>()) {
    m_impl->options = std::move(options);
}

Server::~Server() {
    shutdown();
}

int Server::start() {
    const Options& o = m_impl->options;
    std::shared_ptr<grpc::ServerCredentials> creds;
    if (o.insecurePlaintext) {
        std::cerr << "\n"
                  << "**************************************************************\n"
                  << "* WARNING: renshe-backoffice is serving WITHOUT TLS.          *\n"
                  << "* Anyone who can reach " << o.listen << " can read and forge calls.\n"
                  << "* This flag is for development on one machine only.          *\n"
                  << "**************************************************************\n\n";
        creds = grpc::InsecureServerCredentials();
    } else {
        grpc::SslServerCredentialsOptions tls(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
        tls.pem_root_certs = pki::readFile(o.clientCa);
        tls.pem_key_cert_pairs.push_back({pki::readFile(o.tlsPrivateKey), pki::readFile(o.tlsCertificate)});
        creds = grpc::SslServerCredentials(tls);
    }

    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort(o.listen, creds, &port);
    builder.RegisterService(&m_impl->card);
    builder.RegisterService(&m_impl->certification);
    builder.RegisterService(&m_impl->jobs);
    builder.RegisterService(&m_impl->guides);
    builder.RegisterService(&m_impl->content);
    builder.RegisterService(&m_impl->terminal);
    builder.RegisterService(&m_impl->admin);
    m_impl->server = builder.BuildAndStart();
    if (!m_impl->server || port == 0) {
        throw std::runtime_error("cannot listen on " + o.listen + " (address in use or not local?)");
    }
    m_impl->server->GetHealthCheckService()->SetServingStatus(true);

    if (!o.portFile.empty()) {
        pki::writeFileAtomically(o.portFile, std::to_string(port) + "\n",
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                     std::filesystem::perms::group_read | std::filesystem::perms::others_read);
    }
    std::cerr << "renshe-backoffice: serving on port " << port
              << (o.insecurePlaintext ? " (PLAINTEXT)" : " (mutual TLS)") << std::endl;
    return port;
}

void Server::wait() {
    if (m_impl->server) {
        m_impl->server->Wait();
    }
}

void Server::shutdown() {
    if (!m_impl || !m_impl->server) {
        return;
    }
    std::call_once(m_impl->shutdownOnce, [this] {
        m_impl->server->GetHealthCheckService()->SetServingStatus(false);
        m_impl->server->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
    });
}

}  // namespace renshe::services::backoffice
