#include "drivers/sim/vpcd_link.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

namespace renshe::drivers::sim {

namespace {

// vpcd writes a message's length and its payload separately. With delayed ACKs on this side
// the second write waits for the ACK of the first (Nagle on vpcd's side): ~40 ms per APDU.
// Quick ACK mode is not sticky in Linux, so it is switched on again after every read.
void quickAck(int fd) {
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
}

}  // namespace

bool VpcdLink::connect(int port, std::chrono::milliseconds patience,
                       const std::function<bool()>& giveUp) {
    close();
    const auto deadline = std::chrono::steady_clock::now() + patience;
    for (;;) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            return false;
        }
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        // vpcd listens on every interface; the card always comes from loopback.
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0) {
            int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            quickAck(fd);
            m_fd = fd;
            m_buffer.clear();
            return true;
        }
        ::close(fd);
        if (std::chrono::steady_clock::now() >= deadline || (giveUp && giveUp())) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

void VpcdLink::close() noexcept {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_buffer.clear();
}

std::optional<std::vector<VpcdLink::Bytes>> VpcdLink::receive() {
    if (m_fd < 0) {
        return std::nullopt;
    }
    std::uint8_t chunk[4096];
    ssize_t n;
    do {
        n = ::recv(m_fd, chunk, sizeof chunk, MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return std::vector<Bytes>{};
    }
    if (n <= 0) {
        close();
        return std::nullopt;
    }
    quickAck(m_fd);
    m_buffer.insert(m_buffer.end(), chunk, chunk + n);

    std::vector<Bytes> messages;
    std::size_t pos = 0;
    while (m_buffer.size() - pos >= 2) {
        const std::size_t length = static_cast<std::size_t>(m_buffer[pos] << 8 | m_buffer[pos + 1]);
        if (m_buffer.size() - pos - 2 < length) {
            break;
        }
        const auto begin = m_buffer.begin() + static_cast<std::ptrdiff_t>(pos + 2);
        messages.emplace_back(begin, begin + static_cast<std::ptrdiff_t>(length));
        pos += 2 + length;
    }
    m_buffer.erase(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(pos));
    return messages;
}

bool VpcdLink::send(std::span<const std::uint8_t> payload) {
    if (m_fd < 0 || payload.size() > 0xFFFF) {
        return false;
    }
    Bytes frame;
    frame.reserve(payload.size() + 2);
    frame.push_back(static_cast<std::uint8_t>(payload.size() >> 8));
    frame.push_back(static_cast<std::uint8_t>(payload.size() & 0xFF));
    frame.insert(frame.end(), payload.begin(), payload.end());
    std::size_t done = 0;
    while (done < frame.size()) {
        const ssize_t n = ::send(m_fd, frame.data() + done, frame.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            close();
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace renshe::drivers::sim
