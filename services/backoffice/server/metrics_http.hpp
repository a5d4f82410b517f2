// A minimal HTTP/1.0 responder that serves the Prometheus text of `render()` to any GET
// (Prometheus scrapes /metrics). One thread; requests are tiny and rare. Plain HTTP on
// loopback only; on any other address only with TLS that asks every client for a certificate
// of the operators' CA (`MetricsTls`), so the fleet's figures are never open to the network.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "services/backoffice/server/listening_socket.hpp"

namespace renshe::services::backoffice {

struct MetricsTls {
    std::filesystem::path certificate, privateKey;  // the server's (PEM)
    std::filesystem::path clientCa;                 // the operators' CA (PEM)
};

class MetricsHttp {
public:
    // Binds `listen` ("HOST:PORT", port 0 = any free); without `tls` loopback only. Throws
    // std::runtime_error.
    MetricsHttp(const std::string& listen, std::function<std::string()> render,
                const std::optional<MetricsTls>& tls = std::nullopt);
    ~MetricsHttp();
    MetricsHttp(const MetricsHttp&) = delete;
    MetricsHttp& operator=(const MetricsHttp&) = delete;

    int port() const noexcept { return m_socket.port(); }

private:
    struct Tls;
    void run();
    void serve(int client);
    std::function<std::string()> m_render;
    std::unique_ptr<Tls> m_tls;
    ListeningSocket m_socket;
    std::thread m_thread;
};

}  // namespace renshe::services::backoffice
