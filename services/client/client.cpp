#include "services/client/client.hpp"

#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "services/pki/pki.hpp"

namespace renshe::services::client {

Endpoint Endpoint::fromFiles(std::string target, const std::filesystem::path& ca,
                             const std::filesystem::path& certificate,
                             const std::filesystem::path& privateKey) {
    Endpoint e;
    e.target = std::move(target);
    e.caPem = pki::readFile(ca);
    e.certificatePem = pki::readFile(certificate);
    e.privateKeyPem = pki::readFile(privateKey);
    e.certificateFile = certificate;
    e.privateKeyFile = privateKey;
    return e;
}

std::shared_ptr<grpc::Channel> makeChannel(const Endpoint& endpoint) {
    grpc::SslCredentialsOptions tls;
    tls.pem_root_certs = endpoint.caPem;
    tls.pem_cert_chain = endpoint.certificatePem;
    tls.pem_private_key = endpoint.privateKeyPem;

    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 250);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
    // GRPC_ARG_MIN_RECONNECT_BACKOFF_MS is left alone: despite its name it is the minimum
    // connect *timeout*, and a short one aborts TLS handshakes on a busy terminal forever.
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 30000);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
    // No bandwidth-delay probing: gRPC pings the server when a response arrives after a pause
    // — for a terminal, after nearly every call — and the back office reads and answers every
    // such ping (one more recvmsg, sendmsg and wake-up a call; deploy/PROVINCE-SCALE.md). What
    // the probe would learn, a fixed window says instead: 1 MiB a stream (64 KiB by default),
    // so a display's 3 MiB notice image arrives in about three windows.
    args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
    args.SetInt(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES, 1 << 20);
    if (!endpoint.serverNameOverride.empty()) {
        args.SetSslTargetNameOverride(endpoint.serverNameOverride);
    }
    return grpc::CreateCustomChannel(endpoint.target, grpc::SslCredentials(tls), args);
}

ChannelKeeper::ChannelKeeper(Endpoint endpoint, int failuresBeforeRenewal)
    : m_endpoint(std::move(endpoint)), m_failuresBeforeRenewal(failuresBeforeRenewal) {}

std::shared_ptr<grpc::Channel> ChannelKeeper::channel() {
    std::lock_guard lock(m_mutex);
    if (!m_channel || m_consecutiveFailures >= m_failuresBeforeRenewal) {
        if (m_channel) {
            ++m_renewals;
            rereadIdentity();
        }
        m_channel = makeChannel(m_endpoint);
        m_consecutiveFailures = 0;
    }
    return m_channel;
}

void ChannelKeeper::reportReachable(bool reachable) {
    std::lock_guard lock(m_mutex);
    m_consecutiveFailures = reachable ? 0 : m_consecutiveFailures + 1;
}

void ChannelKeeper::replaceIdentity(std::string certificatePem, std::string privateKeyPem) {
    std::lock_guard lock(m_mutex);
    m_endpoint.certificatePem = std::move(certificatePem);
    m_endpoint.privateKeyPem = std::move(privateKeyPem);
    m_channel.reset();
}

void ChannelKeeper::rereadIdentity() {
    if (m_endpoint.certificateFile.empty() || m_endpoint.privateKeyFile.empty())
        return;
    // Another keeper of this process may have renewed the certificate in these files.
    try {
        std::string certificate = pki::readFile(m_endpoint.certificateFile);
        std::string key = pki::readFile(m_endpoint.privateKeyFile);
        m_endpoint.certificatePem = std::move(certificate);
        m_endpoint.privateKeyPem = std::move(key);
    } catch (const std::exception&) {
        // Unreadable now (being replaced): keep what worked.
    }
}

int ChannelKeeper::renewals() const {
    std::lock_guard lock(m_mutex);
    return m_renewals;
}

HealthResult checkHealth(const std::shared_ptr<grpc::Channel>& channel,
                         std::chrono::milliseconds deadline) {
    auto stub = grpc::health::v1::Health::NewStub(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + deadline);
    grpc::health::v1::HealthCheckRequest req;
    grpc::health::v1::HealthCheckResponse resp;
    const grpc::Status status = stub->Check(&ctx, req, &resp);

    HealthResult result;
    result.grpcCode = status.error_code();
    result.message = status.error_message();
    if (status.ok()) {
        result.state = resp.status() == grpc::health::v1::HealthCheckResponse::SERVING
                           ? HealthState::Serving
                           : HealthState::NotServing;
    }
    return result;
}

}  // namespace renshe::services::client
