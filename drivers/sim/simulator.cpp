#include "drivers/sim/simulator.hpp"

#include <poll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <thread>

namespace renshe::drivers::sim {

namespace {

constexpr auto kInsertPatience = std::chrono::seconds(5);
constexpr int kRelinkIntervalMs = 200;
// vpcd notices that a card left only when a write to the dead link fails, and it may accept
// a connection already waiting within the same presence check: pcscd then never reports the
// card absent and a quick swap goes unseen (4 of 8 swaps in a trial). pcscd checks every
// 400 ms, so a removed card stays out at least this long.
constexpr auto kMinTimeOut = std::chrono::milliseconds(1000);
// Longer than any ATR (33 bytes): see MuteMode::NoAtr.
constexpr std::size_t kNoAtrNoiseLength = 40;

// vpcd's one-byte control messages.
enum : std::uint8_t { kPowerOff = 0x00, kPowerOn = 0x01, kReset = 0x02, kGetAtr = 0x04 };

void log(const char* format, ...) __attribute__((format(printf, 1, 2)));
void log(const char* format, ...) {
    char line[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(line, sizeof line, format, args);
    va_end(args);
    std::fprintf(stderr, "renshe-cardsim: %s\n", line);
}

bool parseInt(const std::string& s, int& out) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) {
        return false;
    }
    out = std::stoi(s);
    return true;
}

bool parseOnOff(const std::string& s, bool& out) {
    if (s == "on") {
        out = true;
        return true;
    }
    if (s == "off") {
        out = false;
        return true;
    }
    return false;
}

}  // namespace

const char* toString(MuteMode mode) {
    switch (mode) {
        case MuteMode::Off:
            return "off";
        case MuteMode::NoAtr:
            return "no-atr";
        case MuteMode::Silent:
            return "silent";
    }
    return "?";
}

Simulator::Simulator(SimulatorOptions options) : m_options(std::move(options)) {
    loadCard(m_options.cardFile);
}

Simulator::~Simulator() noexcept {
    m_link.close();
    for (auto& c : m_clients) {
        ::close(c.fd);
    }
    if (m_controlFd >= 0) {
        ::close(m_controlFd);
        ::unlink(m_options.controlSocket.c_str());
    }
    if (m_signalFd >= 0) {
        ::close(m_signalFd);
    }
}

void Simulator::loadCard(const std::filesystem::path& path) {
    auto file = std::make_unique<CardFile>(CardFile::load(path));
    CardFile* raw = file.get();
    auto card = std::make_unique<VirtualCard>(file->image(), [raw](const ChipState& chip) {
        try {
            raw->save(chip);
        } catch (const std::exception& e) {
            log("cannot write the card file back (%s): the command fails with 6581", e.what());
            throw;
        }
    });
    card->quirks() = m_options.quirks;
    m_cardFile = std::move(file);
    m_card = std::move(card);
    m_options.cardFile = path;
}

std::string Simulator::insert() {
    if (m_inserted && m_link.connected()) {
        return "ok already inserted";
    }
    // The file is the card: it may have been edited (or swapped) while out of the reader.
    try {
        loadCard(m_options.cardFile);
    } catch (const std::exception& e) {
        m_inserted = false;
        return std::string("error ") + e.what();
    }
    const auto back = m_removedAt + kMinTimeOut;
    if (std::chrono::steady_clock::now() < back) {
        std::this_thread::sleep_until(back);
    }
    const bool linked = m_link.connect(m_options.port, kInsertPatience, [this] {
        // A SIGTERM while vpcd is not there yet must not wait out the patience.
        pollfd p{m_signalFd, POLLIN, 0};
        return m_signalFd >= 0 && ::poll(&p, 1, 0) > 0;
    });
    if (!linked) {
        m_inserted = false;
        log("insert failed: nothing listens on 127.0.0.1:%d", m_options.port);
        return "error vpcd does not listen on 127.0.0.1:" + std::to_string(m_options.port);
    }
    m_inserted = true;
    m_card->powerOff();
    log("card inserted (port %d, mute %s)", m_options.port, toString(m_options.mute));
    return "ok inserted";
}

void Simulator::remove(const char* why) {
    const bool was = m_inserted || m_link.connected();
    m_link.close();
    m_inserted = false;
    if (m_card) {
        m_card->powerOff();
    }
    if (was) {
        m_removedAt = std::chrono::steady_clock::now();
        log("card removed (%s)", why);
    }
}

void Simulator::handleMessage(const VpcdLink::Bytes& message) {
    if (message.size() == 1) {
        switch (message[0]) {
            case kPowerOff:
                m_card->powerOff();
                return;
            case kPowerOn:
                m_card->powerOn();
                return;
            case kReset:
                m_card->reset();
                return;
            case kGetAtr:
                switch (m_options.mute) {
                    case MuteMode::Off:
                        m_link.send(m_card->atr());
                        return;
                    case MuteMode::NoAtr:
                        m_link.send(VpcdLink::Bytes(kNoAtrNoiseLength, 0xFF));
                        return;
                    case MuteMode::Silent:
                        return;
                }
                return;
            default:
                log("unknown vpcd control message %02X", message[0]);
                return;
        }
    }
    if (message.empty()) {
        return;
    }
    // Only the instruction byte and the status word are logged: command data carries PINs,
    // MACs, and answers carry the holder's name and ID number.
    const unsigned ins = message.size() > 1 ? message[1] : 0;
    if (m_options.pullAfter > 0 && m_apdusAnswered - m_pullBase >= m_options.pullAfter) {
        log("pull-after %d: card pulled before processing ins=%02X", m_options.pullAfter, ins);
        m_options.pullAfter = 0;
        remove("pull-after");
        return;
    }
    if (m_options.delayMs > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(m_options.delayMs));
    }
    const VpcdLink::Bytes answer = m_card->process(message);
    const bool sent = m_link.send(answer);
    ++m_apdusAnswered;
    log("apdu ins=%02X sw=%02X%02X%s", ins, answer[answer.size() - 2], answer.back(),
        sent ? "" : " (link lost)");
}

void Simulator::serviceLink() {
    auto messages = m_link.receive();
    if (!messages) {
        // pcscd stopped (or restarts): the card stays "in the reader" and relinks when
        // vpcd listens again, as a real card stays in a reader whose daemon restarts.
        log("vpcd closed the link; relinking while the card is inserted");
        return;
    }
    for (const auto& m : *messages) {
        if (!m_link.connected()) {
            break;  // pulled (pull-after) or the answer could not be sent
        }
        handleMessage(m);
    }
}

void Simulator::openControlSocket() {
    if (m_options.controlSocket.empty()) {
        return;
    }
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string path = m_options.controlSocket.string();
    if (path.size() >= sizeof addr.sun_path) {
        throw std::runtime_error("control socket path too long: " + path);
    }
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    m_controlFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ::unlink(path.c_str());
    if (m_controlFd < 0 ||
        ::bind(m_controlFd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(m_controlFd, 8) != 0) {
        throw std::runtime_error("cannot listen on " + path + ": " + std::strerror(errno));
    }
    // Whoever may insert, pull or swap this card: the owner only.
    ::chmod(path.c_str(), 0600);
}

void Simulator::serviceControl(ControlClient& client) {
    char buffer[1024];
    const ssize_t n = ::recv(client.fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        return;
    }
    if (n <= 0) {
        ::close(client.fd);
        client.fd = -1;
        return;
    }
    client.pending.append(buffer, static_cast<std::size_t>(n));
    for (auto nl = client.pending.find('\n'); nl != std::string::npos;
         nl = client.pending.find('\n')) {
        std::string line = client.pending.substr(0, nl);
        client.pending.erase(0, nl + 1);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        std::string reply;
        try {
            reply = control(line) + "\n";
        } catch (const std::exception& e) {
            reply = std::string("error ") + e.what() + "\n";
        }
        std::size_t done = 0;
        while (done < reply.size()) {
            const ssize_t w =
                ::send(client.fd, reply.data() + done, reply.size() - done, MSG_NOSIGNAL);
            if (w < 0 && errno == EINTR) {
                continue;
            }
            if (w <= 0) {
                break;
            }
            done += static_cast<std::size_t>(w);
        }
    }
    if (client.pending.size() > 4096) {
        ::close(client.fd);  // not a control client
        client.fd = -1;
    }
}

std::string Simulator::statusLine() const {
    std::string quirks;
    if (m_options.quirks.t0) {
        quirks += "t0";
    }
    if (m_options.quirks.wrongLe) {
        quirks += quirks.empty() ? "wrong-le" : ",wrong-le";
    }
    std::ostringstream out;
    out << "ok inserted=" << (m_inserted ? "yes" : "no")
        << " link=" << (m_link.connected() ? "up" : "down") << " apdus=" << m_apdusAnswered
        << " pin_tries_left=" << m_card->chip().triesLeft
        << " application_state=" << toString(m_card->chip().application)
        << " quirks=" << (quirks.empty() ? "none" : quirks) << " delay=" << m_options.delayMs
        << " mute=" << toString(m_options.mute) << " pull_after=" << m_options.pullAfter
        << " card=" << m_options.cardFile.string();
    return out.str();
}

std::string Simulator::control(const std::string& line) {
    std::istringstream in(line);
    std::string command, arg1, arg2;
    in >> command >> arg1 >> arg2;
    if (command == "insert") {
        return insert();
    }
    if (command == "remove") {
        remove("control");
        return "ok removed";
    }
    if (command == "card") {
        // The rest of the line, so paths with spaces work.
        const auto start = line.find_first_not_of(' ', line.find("card") + 4);
        if (start == std::string::npos) {
            return "error usage: card <path>";
        }
        const std::filesystem::path path = line.substr(start);
        try {
            (void)CardFile::load(path);  // refuse a bad file before the old card leaves
        } catch (const std::exception& e) {
            return std::string("error ") + e.what();
        }
        const bool wasInserted = m_inserted;
        remove("card swap");
        m_options.cardFile = path;
        if (wasInserted) {
            std::string r = insert();
            if (r.rfind("ok", 0) != 0) {
                return r;
            }
        } else {
            loadCard(path);
        }
        return "ok card " + path.string();
    }
    if (command == "quirk") {
        bool on = false;
        if (!parseOnOff(arg2, on) || (arg1 != "t0" && arg1 != "wrong-le")) {
            return "error usage: quirk t0|wrong-le on|off";
        }
        (arg1 == "t0" ? m_options.quirks.t0 : m_options.quirks.wrongLe) = on;
        m_card->quirks() = m_options.quirks;
        return "ok quirk " + arg1 + " " + arg2;
    }
    if (command == "delay") {
        int ms = 0;
        if (!parseInt(arg1, ms) || ms > 60000) {
            return "error usage: delay <ms> (0..60000)";
        }
        m_options.delayMs = ms;
        return "ok delay " + arg1;
    }
    if (command == "mute") {
        if (arg1 == "on" || arg1 == "no-atr") {
            m_options.mute = MuteMode::NoAtr;
        } else if (arg1 == "silent") {
            m_options.mute = MuteMode::Silent;
        } else if (arg1 == "off") {
            m_options.mute = MuteMode::Off;
        } else {
            return "error usage: mute on|no-atr|silent|off";
        }
        return std::string("ok mute ") + toString(m_options.mute);
    }
    if (command == "pull-after") {
        int n = 0;
        if (!parseInt(arg1, n)) {
            return "error usage: pull-after <n> (0 = off)";
        }
        m_options.pullAfter = n;
        m_pullBase = m_apdusAnswered;
        return "ok pull-after " + arg1;
    }
    if (command == "status") {
        return statusLine();
    }
    if (command == "quit") {
        m_quit = true;
        return "ok bye";
    }
    return "error unknown command '" + command +
           "' (insert, remove, card, quirk, delay, mute, pull-after, status, quit)";
}

int Simulator::run() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    m_signalFd = ::signalfd(-1, &signals, SFD_CLOEXEC | SFD_NONBLOCK);
    if (m_signalFd < 0) {
        log("signalfd failed: %s", std::strerror(errno));
        return 1;
    }
    try {
        openControlSocket();
    } catch (const std::exception& e) {
        log("%s", e.what());
        return 1;
    }
    log("ready: port %d, card %s, control %s", m_options.port, m_options.cardFile.c_str(),
        m_options.controlSocket.empty() ? "(none)" : m_options.controlSocket.c_str());
    if (m_options.inserted) {
        insert();
    }

    while (!m_quit) {
        std::vector<pollfd> fds;
        fds.push_back({m_signalFd, POLLIN, 0});
        fds.push_back({m_controlFd, POLLIN, 0});  // -1 is ignored by poll
        fds.push_back({m_link.fd(), POLLIN, 0});
        for (const auto& c : m_clients) {
            fds.push_back({c.fd, POLLIN, 0});
        }
        const bool relink = m_inserted && !m_link.connected();
        if (::poll(fds.data(), fds.size(), relink ? kRelinkIntervalMs : -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            log("poll failed: %s", std::strerror(errno));
            return 1;
        }
        if (fds[0].revents != 0) {
            signalfd_siginfo info{};
            if (::read(m_signalFd, &info, sizeof info) > 0) {
                log("signal %u: removing the card and exiting", info.ssi_signo);
            }
            break;
        }
        if (fds[2].revents != 0 && m_link.connected()) {
            serviceLink();
        }
        for (std::size_t i = 0; i < m_clients.size(); ++i) {
            if (fds[3 + i].revents != 0) {
                serviceControl(m_clients[i]);
            }
        }
        std::erase_if(m_clients, [](const ControlClient& c) { return c.fd < 0; });
        if (m_controlFd >= 0 && fds[1].revents != 0) {
            const int fd = ::accept4(m_controlFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd >= 0) {
                m_clients.push_back({fd, {}});
            }
        }
        if (m_inserted && !m_link.connected()) {
            if (m_link.connect(m_options.port, std::chrono::milliseconds(0))) {
                m_card->powerOff();
                log("relinked to vpcd on port %d", m_options.port);
            }
        }
    }
    remove("exit");
    return 0;
}

}  // namespace renshe::drivers::sim
