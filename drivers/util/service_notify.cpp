#include "drivers/util/service_notify.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace renshe::util {

bool notifyServiceManager(std::string_view state) {
    const char* path = std::getenv("NOTIFY_SOCKET");
    if (!path || (path[0] != '/' && path[0] != '@'))
        return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::size_t length = std::strlen(path);
    if (length >= sizeof addr.sun_path)
        return false;
    std::memcpy(addr.sun_path, path, length);
    if (path[0] == '@')
        addr.sun_path[0] = '\0';  // abstract namespace
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const auto size = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + length);
    const ssize_t sent = ::sendto(fd, state.data(), state.size(), MSG_NOSIGNAL,
                                  reinterpret_cast<sockaddr*>(&addr), size);
    ::close(fd);
    return sent == static_cast<ssize_t>(state.size());
}

std::optional<std::chrono::milliseconds> watchdogPingInterval(bool underWrapper) {
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (!usec)
        return std::nullopt;
    if (const char* pid = std::getenv("WATCHDOG_PID");
        !underWrapper && pid && std::strtol(pid, nullptr, 10) != ::getpid()) {
        return std::nullopt;  // meant for another process (a parent shell)
    }
    char* end = nullptr;
    const unsigned long long micros = std::strtoull(usec, &end, 10);
    if (end == usec || *end != '\0' || micros < 2000)
        return std::nullopt;
    return std::chrono::milliseconds(micros / 2000);
}

}  // namespace renshe::util
