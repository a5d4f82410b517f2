// renshe-idcardsim: a resident ID card reader (SAM module) on a pseudo-terminal, for the demo
// and the tests. Usage and the card file format: drivers/idcardsim/README.md.
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "drivers/idcardsim/sam_model.hpp"

namespace fs = std::filesystem;
namespace sim = renshe::drivers::idcardsim;

namespace {

struct Options {
    fs::path link;
    fs::path card;
    fs::path control;
    int delayMs = 0;
    sim::Fault fault = sim::Fault::None;
};

int usage(std::ostream& out, int rc) {
    out << "usage: renshe-idcardsim --link PATH [--card FILE] [--control SOCKET]\n"
           "                        [--delay-ms N] [--fault MODE]\n"
           "       renshe-idcardsim --tell SOCKET COMMAND...   (e.g. place FILE, lift)\n"
           "\n"
           "  --link PATH       symlink to the reader's serial port (a pseudo-terminal); the\n"
           "                    simulator prints \"ready PATH\" once it exists\n"
           "  --card FILE       the ID card lying on the reader at start (none without it)\n"
           "  --control SOCKET  unix socket for place FILE / lift / fault MODE / delay MS /\n"
           "                    status / quit, one line each, answered \"ok ...\" or \"error "
           "...\"\n"
           "  --delay-ms N      wait N ms before each answer\n"
           "  --fault MODE      none | garble-once | garble-always | truncate | bad-length |\n"
           "                    noise | mute | lift-mid-read | sam-fault\n";
    return rc;
}

class Runner {
public:
    explicit Runner(Options o) : m_options(std::move(o)) {}
    int run();

private:
    std::string control(const std::string& line);
    void publishLink();
    void openControl();
    void serveHost();
    void serveClient(std::size_t i);

    Options m_options;
    sim::SamModel m_model;
    int m_master = -1;
    int m_slave = -1;
    int m_listen = -1;
    int m_signals = -1;
    bool m_quit = false;
    struct Client {
        int fd;
        std::string pending;
    };
    std::vector<Client> m_clients;
};

void Runner::publishLink() {
    if (::openpty(&m_master, &m_slave, nullptr, nullptr, nullptr) != 0)
        throw std::runtime_error(std::string("openpty: ") + std::strerror(errno));
    termios tio{};
    ::tcgetattr(m_slave, &tio);
    ::cfmakeraw(&tio);
    ::tcsetattr(m_slave, TCSANOW, &tio);
    ::fcntl(m_master, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_slave, F_SETFD, FD_CLOEXEC);
    // Keep the slave open: with no opener the master reads EIO between the host's sessions.
    const fs::path target = ::ttyname(m_slave);
    const fs::path tmp = m_options.link.string() + ".new";
    fs::remove(tmp);
    fs::create_symlink(target, tmp);
    fs::rename(tmp, m_options.link);  // atomic: a driver never sees the link missing
}

void Runner::openControl() {
    if (m_options.control.empty())
        return;
    m_listen = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string path = m_options.control.string();
    if (path.size() >= sizeof addr.sun_path)
        throw std::runtime_error("control socket path too long");
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    ::unlink(path.c_str());
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(m_listen, 4) != 0) {
        throw std::runtime_error("control socket " + path + ": " + std::strerror(errno));
    }
}

std::string Runner::control(const std::string& line) {
    std::istringstream in(line);
    std::string cmd, arg;
    in >> cmd;
    std::getline(in >> std::ws, arg);
    try {
        if (cmd == "place") {
            m_model.place(sim::loadCard(arg.empty() ? m_options.card : fs::path(arg)));
            return "ok placed";
        }
        if (cmd == "lift") {
            m_model.lift();
            return "ok lifted";
        }
        if (cmd == "fault") {
            const auto f = sim::faultNamed(arg);
            if (!f)
                return "error unknown fault " + arg;
            m_model.setFault(*f);
            return "ok fault " + arg;
        }
        if (cmd == "delay") {
            m_options.delayMs = std::stoi(arg);
            return "ok delay " + arg;
        }
        if (cmd == "status") {
            return std::string("ok card ") + (m_model.cardPresent() ? "present" : "absent") +
                   " fault " + sim::faultName(m_model.fault()) + " answered " +
                   std::to_string(m_model.commandsAnswered()) + " reads " +
                   std::to_string(m_model.reads());
        }
        if (cmd == "quit") {
            m_quit = true;
            return "ok quit";
        }
    } catch (const std::exception& e) {
        return std::string("error ") + e.what();
    }
    return "error unknown command " + cmd;
}

void Runner::serveHost() {
    std::uint8_t buf[4096];
    const ssize_t n = ::read(m_master, buf, sizeof buf);
    if (n <= 0)
        return;
    const auto chunks = m_model.receive(buf, static_cast<std::size_t>(n));
    if (!chunks.empty() && m_options.delayMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(m_options.delayMs));
    for (const auto& c : chunks) {
        std::size_t done = 0;
        while (done < c.size()) {
            const ssize_t w = ::write(m_master, c.data() + done, c.size() - done);
            if (w <= 0) {
                if (w < 0 && errno == EINTR)
                    continue;
                return;
            }
            done += static_cast<std::size_t>(w);
        }
    }
}

void Runner::serveClient(std::size_t i) {
    char buf[512];
    const ssize_t n = ::read(m_clients[i].fd, buf, sizeof buf);
    if (n <= 0) {
        ::close(m_clients[i].fd);
        m_clients.erase(m_clients.begin() + static_cast<long>(i));
        return;
    }
    m_clients[i].pending.append(buf, static_cast<std::size_t>(n));
    std::size_t nl;
    while ((nl = m_clients[i].pending.find('\n')) != std::string::npos) {
        const std::string reply = control(m_clients[i].pending.substr(0, nl)) + "\n";
        m_clients[i].pending.erase(0, nl + 1);
        (void)!::write(m_clients[i].fd, reply.data(), reply.size());
    }
}

int Runner::run() {
    if (!m_options.card.empty())
        m_model.place(sim::loadCard(m_options.card));
    m_model.setFault(m_options.fault);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    m_signals = ::signalfd(-1, &mask, SFD_CLOEXEC);
    publishLink();
    openControl();
    std::cout << "ready " << m_options.link.string() << std::endl;
    while (!m_quit) {
        std::vector<pollfd> fds{{m_master, POLLIN, 0}, {m_signals, POLLIN, 0}};
        if (m_listen >= 0)
            fds.push_back({m_listen, POLLIN, 0});
        for (const auto& c : m_clients)
            fds.push_back({c.fd, POLLIN, 0});
        if (::poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR)
            break;
        if (fds[1].revents != 0)
            break;
        if (fds[0].revents & POLLIN)
            serveHost();
        std::size_t first = 2;
        if (m_listen >= 0) {
            if (fds[2].revents & POLLIN) {
                const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
                if (fd >= 0)
                    m_clients.push_back({fd, {}});
            }
            first = 3;
        }
        for (std::size_t i = fds.size(); i > first; --i) {
            if (fds[i - 1].revents != 0 && i - 1 - first < m_clients.size())
                serveClient(i - 1 - first);
        }
    }
    // Unplugged: the link goes (the driver's next read fails with EIO).
    fs::remove(m_options.link);
    if (!m_options.control.empty())
        fs::remove(m_options.control);
    return 0;
}

// --tell: one command to a running simulator's control socket; prints the reply.
int tell(const std::string& socket, const std::string& command) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (socket.size() >= sizeof addr.sun_path)
        return 2;
    std::memcpy(addr.sun_path, socket.c_str(), socket.size() + 1);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        std::cerr << "renshe-idcardsim: " << socket << ": " << std::strerror(errno) << "\n";
        return 1;
    }
    const std::string line = command + "\n";
    (void)!::write(fd, line.data(), line.size());
    std::string reply;
    char buf[256];
    ssize_t n;
    while (reply.find('\n') == std::string::npos && (n = ::read(fd, buf, sizeof buf)) > 0)
        reply.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    std::cout << reply;
    return reply.rfind("ok", 0) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 4 && std::string(argv[1]) == "--tell") {
        std::string command;
        for (int i = 3; i < argc; ++i)
            command += (i > 3 ? " " : "") + std::string(argv[i]);
        return tell(argv[2], command);
    }
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--help" || a == "-h") {
            return usage(std::cout, 0);
        } else if (a == "--link" && hasValue) {
            o.link = argv[++i];
        } else if (a == "--card" && hasValue) {
            o.card = argv[++i];
        } else if (a == "--control" && hasValue) {
            o.control = argv[++i];
        } else if (a == "--delay-ms" && hasValue) {
            o.delayMs = std::atoi(argv[++i]);
        } else if (a == "--fault" && hasValue) {
            const auto f = sim::faultNamed(argv[++i]);
            if (!f)
                return usage(std::cerr, 2);
            o.fault = *f;
        } else {
            return usage(std::cerr, 2);
        }
    }
    if (o.link.empty())
        return usage(std::cerr, 2);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    ::sigprocmask(SIG_BLOCK, &mask, nullptr);
    try {
        return Runner(std::move(o)).run();
    } catch (const std::exception& e) {
        std::cerr << "renshe-idcardsim: " << e.what() << "\n";
        return 1;
    }
}
