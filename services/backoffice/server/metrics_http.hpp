// A minimal HTTP/1.0 responder on loopback that serves the Prometheus text of `render()` to
// any GET (Prometheus scrapes /metrics). One thread; requests are tiny and rare.
#pragma once

#include <functional>
#include <string>
#include <thread>

#include "services/backoffice/server/listening_socket.hpp"

namespace renshe::services::backoffice {

class MetricsHttp {
public:
    // Binds `listen` ("127.0.0.1:PORT", port 0 = any free); throws std::runtime_error.
    MetricsHttp(const std::string& listen, std::function<std::string()> render);
    ~MetricsHttp();
    MetricsHttp(const MetricsHttp&) = delete;
    MetricsHttp& operator=(const MetricsHttp&) = delete;

    int port() const noexcept { return m_socket.port(); }

private:
    void run();
    std::function<std::string()> m_render;
    ListeningSocket m_socket;
    std::thread m_thread;
};

}  // namespace renshe::services::backoffice
