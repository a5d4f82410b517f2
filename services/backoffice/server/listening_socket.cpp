#include "services/backoffice/server/listening_socket.hpp"

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

ListeningSocket::ListeningSocket(const std::string& listen, bool loopbackOnly,
                                 const std::string& what) {
    const auto colon = listen.rfind(':');
    std::string host = listen.substr(0, colon);
    if (host == "localhost")
        host = "127.0.0.1";
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    int port = -1;
    try {
        port = colon == std::string::npos ? -1 : std::stoi(listen.substr(colon + 1));
    } catch (const std::exception&) {
    }
    if (port < 0 || port > 65535 || inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1)
        throw std::runtime_error(what + " wants an IPv4 HOST:PORT, got " + listen);
    if (loopbackOnly && (ntohl(addr.sin_addr.s_addr) >> 24) != 127)
        throw std::runtime_error(what + " must be IPv4 loopback: " + listen);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    // Non-blocking: when several threads wait, the ones that lose the race for a connection go
    // back to waiting instead of blocking in accept().
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    const int one = 1;
    if (m_fd >= 0)
        ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(m_fd, 64) != 0 || ::pipe2(m_wake, O_CLOEXEC) != 0) {
        const std::string why = std::strerror(errno);
        if (m_fd >= 0)
            ::close(m_fd);
        throw std::runtime_error("cannot serve " + what + " on " + listen + ": " + why);
    }
    socklen_t len = sizeof addr;
    ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
}

ListeningSocket::~ListeningSocket() {
    for (int fd : {m_fd, m_wake[0], m_wake[1]}) {
        if (fd >= 0)
            ::close(fd);
    }
}

void ListeningSocket::wake() {
    const char c = 'q';
    [[maybe_unused]] auto n = ::write(m_wake[1], &c, 1);  // never read: every waiter sees it
}

int ListeningSocket::accept(std::string* peerAddress) {
    for (;;) {
        pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_wake[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (fds[1].revents)
            return -1;
        sockaddr_in peer{};
        socklen_t len = sizeof peer;
        const int client = ::accept4(m_fd, reinterpret_cast<sockaddr*>(&peer), &len, SOCK_CLOEXEC);
        if (client < 0)
            continue;  // another thread took it
        if (peerAddress) {
            char text[INET_ADDRSTRLEN] = {};
            ::inet_ntop(AF_INET, &peer.sin_addr, text, sizeof text);
            *peerAddress = text;
        }
        return client;
    }
}

}  // namespace renshe::services::backoffice
