// renshe-cardsim: a virtual social security card in pcscd's vpcd reader, for the demo and the
// device tests. Usage and the card file format: drivers/sim/README.md.
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>

#include "drivers/sim/simulator.hpp"

namespace sim = renshe::drivers::sim;

namespace {

int usage(std::ostream& out, int rc) {
    out << "usage: renshe-cardsim --port PORT --card FILE [--control SOCKET] [--removed]\n"
           "                      [--t0] [--wrong-le] [--delay-ms N] [--mute[=no-atr|silent]]\n"
           "                      [--pull-after N]\n"
           "\n"
           "  --port PORT       vpcd's TCP port of the reader (the card connects to "
           "127.0.0.1:PORT)\n"
           "  --card FILE       the card file (PIN and tries are written back to it)\n"
           "  --control SOCKET  unix socket for "
           "insert/remove/card/quirk/delay/mute/pull-after/status/quit\n"
           "  --removed         start with the card out of the reader\n"
           "  --t0              answers with data come as 61xx, released by GET RESPONSE\n"
           "  --wrong-le        READ RECORD with Le = 00 is answered 6C<len+2>\n"
           "  --delay-ms N      wait N ms before each APDU answer\n"
           "  --mute            a card in the wrong way round: pcscd sees it but gets no ATR\n"
           "  --mute=silent     never answer vpcd's ATR request (pcscd's reader thread then "
           "hangs)\n"
           "  --pull-after N    answer N APDUs, then pull the card instead of answering the next\n";
    return rc;
}

bool intArg(const char* text, int& out) {
    try {
        std::size_t used = 0;
        out = std::stoi(text, &used);
        return used == std::strlen(text) && out >= 0;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace

int main(int argc, char** argv) {
    sim::SimulatorOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--help" || a == "-h") {
            return usage(std::cout, 0);
        } else if (a == "--port" && hasValue) {
            if (!intArg(argv[++i], options.port) || options.port == 0 || options.port > 65535) {
                return usage(std::cerr, 2);
            }
        } else if (a == "--card" && hasValue) {
            options.cardFile = argv[++i];
        } else if (a == "--control" && hasValue) {
            options.controlSocket = argv[++i];
        } else if (a == "--removed") {
            options.inserted = false;
        } else if (a == "--t0") {
            options.quirks.t0 = true;
        } else if (a == "--wrong-le") {
            options.quirks.wrongLe = true;
        } else if (a == "--delay-ms" && hasValue) {
            if (!intArg(argv[++i], options.delayMs)) {
                return usage(std::cerr, 2);
            }
        } else if (a == "--mute" || a == "--mute=no-atr") {
            options.mute = sim::MuteMode::NoAtr;
        } else if (a == "--mute=silent") {
            options.mute = sim::MuteMode::Silent;
        } else if (a == "--pull-after" && hasValue) {
            if (!intArg(argv[++i], options.pullAfter)) {
                return usage(std::cerr, 2);
            }
        } else {
            std::cerr << "renshe-cardsim: unexpected argument " << a << "\n";
            return usage(std::cerr, 2);
        }
    }
    if (options.port == 0 || options.cardFile.empty()) {
        return usage(std::cerr, 2);
    }

    // Handled through a signalfd in the event loop, so they must not be delivered the old way.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigprocmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    try {
        sim::Simulator simulator(options);
        return simulator.run();
    } catch (const std::exception& e) {
        std::cerr << "renshe-cardsim: " << e.what() << "\n";
        return 2;
    }
}
