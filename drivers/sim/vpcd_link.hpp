// The card's end of vpcd's TCP link (vsmartcard's ifd-vpcd is the server, the card the
// client): connected = card inserted, closed = card removed. Every message both ways is a
// 2-byte big-endian length and that many bytes.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace renshe::drivers::sim {

class VpcdLink {
public:
    using Bytes = std::vector<std::uint8_t>;

    VpcdLink() = default;
    ~VpcdLink() noexcept { close(); }
    VpcdLink(const VpcdLink&) = delete;
    VpcdLink& operator=(const VpcdLink&) = delete;

    // Connects to 127.0.0.1:port, retrying while nothing listens yet (pcscd still starting)
    // for up to `patience` or until `giveUp` says so. False when it never got through.
    bool connect(int port, std::chrono::milliseconds patience,
                 const std::function<bool()>& giveUp = {});
    void close() noexcept;
    bool connected() const noexcept { return m_fd >= 0; }
    int fd() const noexcept { return m_fd; }

    // Reads what the socket has and returns the messages now complete (possibly none).
    // nullopt when vpcd closed the link or it broke; the link is then closed.
    std::optional<std::vector<Bytes>> receive();
    // Sends one message, header and payload in one write. False (link closed) on failure.
    bool send(std::span<const std::uint8_t> payload);

private:
    int m_fd = -1;
    Bytes m_buffer;
};

}  // namespace renshe::drivers::sim
