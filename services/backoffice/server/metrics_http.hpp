// A minimal HTTP/1.0 responder on loopback that serves the Prometheus text of `render()` to
// any GET (Prometheus scrapes /metrics). One thread; requests are tiny and rare.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace renshe::services::backoffice {

class MetricsHttp {
public:
    // Binds `listen` ("127.0.0.1:PORT", port 0 = any free); throws std::runtime_error.
    MetricsHttp(const std::string& listen, std::function<std::string()> render);
    ~MetricsHttp();
    MetricsHttp(const MetricsHttp&) = delete;
    MetricsHttp& operator=(const MetricsHttp&) = delete;

    int port() const noexcept { return m_port; }

private:
    void run();
    std::function<std::string()> m_render;
    int m_fd = -1;
    int m_port = 0;
    int m_wake[2] = {-1, -1};
    std::thread m_thread;
};

}  // namespace renshe::services::backoffice
