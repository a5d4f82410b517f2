#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "drivers/idcard/reader.hpp"

namespace renshe::drivers::idcard {

namespace {

speed_t speedOf(int baud) {
    switch (baud) {
        case 9600:
            return B9600;
        case 19200:
            return B19200;
        case 38400:
            return B38400;
        case 57600:
            return B57600;
        case 115200:
            return B115200;
        default:
            throw std::invalid_argument("unsupported baud rate " + std::to_string(baud));
    }
}

[[noreturn]] void gone(const std::string& path, const char* what, int err) {
    throw IdCardError(Problem::NoReader, path + ": " + what + ": " + std::strerror(err));
}

}  // namespace

SerialLink::SerialLink(const std::string& path, int baud) : m_path(path) {
    const speed_t speed = speedOf(baud);
    m_fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (m_fd < 0)
        gone(path, "cannot open", errno);
    termios tio{};
    if (::tcgetattr(m_fd, &tio) != 0) {
        const int err = errno;
        ::close(m_fd);
        gone(path, "not a serial port", err);
    }
    ::cfmakeraw(&tio);
    tio.c_cflag |= CLOCAL | CREAD;
    tio.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | PARENB | CRTSCTS);
    tio.c_cc[VMIN] = 0;
    tio.c_cc[VTIME] = 0;
    ::cfsetispeed(&tio, speed);
    ::cfsetospeed(&tio, speed);
    if (::tcsetattr(m_fd, TCSANOW, &tio) != 0) {
        const int err = errno;
        ::close(m_fd);
        gone(path, "cannot configure", err);
    }
    ::ioctl(m_fd, TIOCEXCL);  // one user of the reader at a time
    ::tcflush(m_fd, TCIOFLUSH);
}

SerialLink::~SerialLink() {
    if (m_fd >= 0)
        ::close(m_fd);
}

void SerialLink::write(std::span<const std::uint8_t> bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.data() + done, bytes.size() - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd p{m_fd, POLLOUT, 0};
            if (::poll(&p, 1, 1000) <= 0)
                throw IdCardError(Problem::Timeout, m_path + ": the line does not take bytes");
            continue;
        }
        gone(m_path, "write failed", n < 0 ? errno : EIO);
    }
}

std::size_t SerialLink::read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout) {
    pollfd p{m_fd, POLLIN, 0};
    int r = 0;
    do {
        r = ::poll(&p, 1, static_cast<int>(timeout.count()));
    } while (r < 0 && errno == EINTR);
    if (r < 0)
        gone(m_path, "poll failed", errno);
    if (r == 0)
        return 0;
    if ((p.revents & POLLIN) == 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0)
        gone(m_path, "the reader went away", EIO);
    const ssize_t n = ::read(m_fd, into.data(), into.size());
    if (n > 0)
        return static_cast<std::size_t>(n);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return 0;
    gone(m_path, "read failed", n < 0 ? errno : EIO);
}

void SerialLink::discardInput() {
    ::tcflush(m_fd, TCIFLUSH);
}

}  // namespace renshe::drivers::idcard
