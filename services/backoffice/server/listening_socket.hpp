// A TCP listening socket with a wake pipe: what the back office's small HTTP endpoints (the
// metrics, the statement verification page) share. Any number of threads may wait in
// accept(); wake() makes every one of them, then and later, return -1.
#pragma once

#include <string>

namespace renshe::services::backoffice {

class ListeningSocket {
public:
    // Binds `listen` (IPv4 HOST:PORT, "localhost" for 127.0.0.1; port 0 = any free);
    // `loopbackOnly` refuses any other address. Throws std::runtime_error naming `what`.
    ListeningSocket(const std::string& listen, bool loopbackOnly, const std::string& what);
    ~ListeningSocket();
    ListeningSocket(const ListeningSocket&) = delete;
    ListeningSocket& operator=(const ListeningSocket&) = delete;

    int port() const noexcept { return m_port; }
    // The next connection (blocking, close-on-exec) and, if asked, the peer's IPv4 address;
    // -1 once woken.
    int accept(std::string* peerAddress = nullptr);
    void wake();

private:
    int m_fd = -1;
    int m_port = 0;
    int m_wake[2] = {-1, -1};
};

}  // namespace renshe::services::backoffice
