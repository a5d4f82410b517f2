// renshe-cardsim's event loop: a VirtualCard on a vpcd link, a control socket to insert,
// remove, swap the card and switch quirks while it runs, and clean exit on SIGTERM.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drivers/sim/card_file.hpp"
#include "drivers/sim/virtual_card.hpp"
#include "drivers/sim/vpcd_link.hpp"

namespace renshe::drivers::sim {

// How a card "inserted the wrong way round" behaves on the link.
enum class MuteMode {
    Off,
    // Answers every ATR request with 40 bytes of noise: vpcd's presence check takes any
    // answer, its power-up rejects anything over 33 bytes, so pcscd sees a present card
    // without an ATR (SCARD_STATE_MUTE; SCardConnect fails with SCARD_W_UNPOWERED_CARD), the
    // picture a real reader gives for a chip facing the wrong way.
    NoAtr,
    // Never answers the ATR request at all. vpcd waits in recv() without a timeout, so pcscd's
    // thread for the reader hangs and the reader keeps looking empty until the card is removed.
    Silent,
};

struct SimulatorOptions {
    int port = 0;  // vpcd's TCP port for the reader
    std::filesystem::path cardFile;
    std::filesystem::path controlSocket;  // empty: no control channel
    bool inserted = true;                 // insert at start
    Quirks quirks;
    int delayMs = 0;  // before each APDU answer
    MuteMode mute = MuteMode::Off;
    int pullAfter = 0;  // 0: off; else pull instead of the (N+1)th APDU
};

class Simulator {
public:
    // Loads the card file; throws CardFileError / std::runtime_error when it is unusable.
    explicit Simulator(SimulatorOptions options);
    ~Simulator() noexcept;
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    // Runs until `quit` or SIGTERM/SIGINT (which the caller must have blocked, see main.cpp);
    // the card is removed on the way out. Returns the process exit code.
    int run();

    // One control command (a line without its newline) → one reply line.
    std::string control(const std::string& line);

private:
    struct ControlClient {
        int fd = -1;
        std::string pending;
    };

    std::string insert();
    void remove(const char* why);
    void loadCard(const std::filesystem::path& path);
    void handleMessage(const VpcdLink::Bytes& message);
    void serviceLink();
    void serviceControl(ControlClient& client);
    void openControlSocket();
    std::string statusLine() const;

    SimulatorOptions m_options;
    std::unique_ptr<CardFile> m_cardFile;
    std::unique_ptr<VirtualCard> m_card;
    VpcdLink m_link;
    bool m_inserted = false;  // the card is meant to be in the reader
    bool m_quit = false;
    std::chrono::steady_clock::time_point m_removedAt{};
    long m_apdusAnswered = 0;
    long m_pullBase = 0;  // m_apdusAnswered when pull-after was set
    int m_controlFd = -1;
    int m_signalFd = -1;
    std::vector<ControlClient> m_clients;
};

const char* toString(MuteMode mode);

}  // namespace renshe::drivers::sim
