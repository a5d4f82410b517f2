#include "services/backoffice/server/metrics_http.hpp"

#include <sys/socket.h>
#include <unistd.h>

namespace renshe::services::backoffice {

MetricsHttp::MetricsHttp(const std::string& listen, std::function<std::string()> render)
    : m_render(std::move(render)), m_socket(listen, true, "metrics (--metrics-listen)") {
    m_thread = std::thread([this] { run(); });
}

MetricsHttp::~MetricsHttp() {
    m_socket.wake();
    if (m_thread.joinable())
        m_thread.join();
}

void MetricsHttp::run() {
    for (int client; (client = m_socket.accept()) >= 0;) {
        // Read the request head (bounded, with a short timeout); its content does not matter.
        timeval tv{2, 0};
        ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        char buf[2048];
        std::string head;
        while (head.find("\r\n\r\n") == std::string::npos &&
               head.find("\n\n") == std::string::npos && head.size() < 8192) {
            const auto n = ::recv(client, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            head.append(buf, static_cast<std::size_t>(n));
        }
        std::string body, status = "200 OK";
        if (head.rfind("GET ", 0) != 0) {
            status = "405 Method Not Allowed";
            body = "GET only\n";
        } else {
            body = m_render();
        }
        std::string response = "HTTP/1.0 " + status;
        response +=
            "\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: ";
        response += std::to_string(body.size());
        response += "\r\nConnection: close\r\n\r\n";
        response += body;
        std::size_t sent = 0;
        while (sent < response.size()) {
            const auto n =
                ::send(client, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                break;
            sent += static_cast<std::size_t>(n);
        }
        ::close(client);
    }
}

}  // namespace renshe::services::backoffice
