// Channels to the back office over mutual TLS, and the calls every caller needs first.
#pragma once

#include <grpcpp/channel.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace renshe::services::client {

// Where the back office is and how this caller proves who it is.
struct Endpoint {
    std::string target;          // "host:port"
    std::string caPem;           // CA that signed the server's certificate
    std::string certificatePem;  // this terminal's / staff member's certificate
    std::string privateKeyPem;
    std::string serverNameOverride;  // TLS name to check when `target` is an alias
    // Where the certificate and key were read from (fromFiles), so that a renewed certificate
    // written there is picked up when the channel is made again; empty: given as PEM.
    std::filesystem::path certificateFile;
    std::filesystem::path privateKeyFile;

    static Endpoint fromFiles(std::string target, const std::filesystem::path& ca,
                              const std::filesystem::path& certificate,
                              const std::filesystem::path& privateKey);
};

// A channel that reconnects quickly (≤ 2 s between attempts) so a terminal notices the back
// office coming back without a long exponential backoff.
std::shared_ptr<grpc::Channel> makeChannel(const Endpoint& endpoint);

// Holds the channel a long-running caller (kiosk, display) uses and replaces it when it stays
// unreachable. gRPC 1.51 channels were seen stuck in TRANSIENT_FAILURE for up to the 20 s
// connect timeout after the back office restarted on the same address (handshakes failing
// on the old subchannel) while a new channel to the same address connected at once.
class ChannelKeeper {
public:
    explicit ChannelKeeper(Endpoint endpoint, int failuresBeforeRenewal = 2);

    std::shared_ptr<grpc::Channel> channel();
    // Callers report whether the back office answered; after `failuresBeforeRenewal`
    // consecutive failures the next channel() is a new one.
    void reportReachable(bool reachable);
    int renewals() const;
    // Calls from now on go out with this certificate and key (a renewed certificate): the
    // next channel() is a new channel. Calls already under way finish on the old one.
    void replaceIdentity(std::string certificatePem, std::string privateKeyPem);

private:
    void rereadIdentity();  // m_mutex held

    mutable std::mutex m_mutex;
    Endpoint m_endpoint;
    int m_failuresBeforeRenewal;
    int m_consecutiveFailures = 0;
    int m_renewals = 0;
    std::shared_ptr<grpc::Channel> m_channel;
};

enum class HealthState {
    Serving,      // the back office answered SERVING
    NotServing,   // it answered, but is shutting down or not ready
    Unreachable,  // no answer within the deadline (network, TLS refused, server down)
};

struct HealthResult {
    HealthState state = HealthState::Unreachable;
    int grpcCode = 0;     // grpc::StatusCode of the call
    std::string message;  // the transport's reason, for logs (never shown to citizens)
};

// grpc.health.v1 Check of the whole server (service ""), bounded by `deadline`.
HealthResult checkHealth(const std::shared_ptr<grpc::Channel>& channel,
                         std::chrono::milliseconds deadline);

}  // namespace renshe::services::client
