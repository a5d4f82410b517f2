#include "services/backoffice/server/metrics_http.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace renshe::services::backoffice {

MetricsHttp::MetricsHttp(const std::string& listen, std::function<std::string()> render)
    : m_render(std::move(render)) {
    const auto colon = listen.rfind(':');
    std::string host = listen.substr(0, colon);
    if (host == "localhost")
        host = "127.0.0.1";
    const int port = std::stoi(listen.substr(colon + 1));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    if (inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1 ||
        (ntohl(addr.sin_addr.s_addr) >> 24) != 127) {
        throw std::runtime_error("metrics listen address must be IPv4 loopback: " + listen);
    }
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(m_fd, 16) != 0) {
        const std::string why = std::strerror(errno);
        if (m_fd >= 0)
            ::close(m_fd);
        throw std::runtime_error("cannot serve metrics on " + listen + ": " + why);
    }
    socklen_t len = sizeof addr;
    ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    if (::pipe2(m_wake, O_CLOEXEC) != 0) {
        ::close(m_fd);
        throw std::runtime_error("pipe2 failed");
    }
    m_thread = std::thread([this] { run(); });
}

MetricsHttp::~MetricsHttp() {
    if (m_wake[1] >= 0) {
        const char c = 'q';
        [[maybe_unused]] auto n = ::write(m_wake[1], &c, 1);
    }
    if (m_thread.joinable())
        m_thread.join();
    for (int fd : {m_fd, m_wake[0], m_wake[1]}) {
        if (fd >= 0)
            ::close(fd);
    }
}

void MetricsHttp::run() {
    for (;;) {
        pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_wake[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[1].revents)
            return;
        const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            continue;
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
