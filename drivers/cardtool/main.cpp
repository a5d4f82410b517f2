// renshe-card: list readers, watch reader/card events, read a social security card, check a
// PIN. Personal data is masked unless --reveal is given; a PIN is read from stdin, never from
// the command line (it would sit in the shell history and in /proc).
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "drivers/pcsc/pcsc.hpp"
#include "drivers/sscard/id_number.hpp"
#include "drivers/sscard/sscard.hpp"
#include "drivers/util/json.hpp"

namespace pcsc = renshe::drivers::pcsc;
namespace sscard = renshe::drivers::sscard;

namespace {

// Exit codes a script can act on.
enum Exit : int {
    kOk = 0,
    kUsage = 2,
    kNoService = 3,  // pcscd not running
    kNoReader = 4,
    kNoCard = 5,
    kNotSsc = 6,     // a chip card, but not a social security card
    kCardError = 7,  // mute, locked, blocked, unreadable, pulled mid-read
    kWrongPin = 8,
    kPinBlocked = 9,
};

int usage(std::ostream& out, int rc) {
    out << "usage: renshe-card readers\n"
           "       renshe-card wait [--count N] [--timeout SECONDS]\n"
           "       renshe-card read [--reader NAME] [--json] [--reveal]\n"
           "       renshe-card verify-pin [--reader NAME]      (PIN on stdin)\n"
           "\n"
           "exit codes: 0 ok, 2 usage, 3 PC/SC service not running, 4 no reader, 5 no card,\n"
           "            6 not a social security card, 7 card error, 8 wrong PIN, 9 PIN blocked\n";
    return rc;
}

std::string jsonString(const std::string& s) {
    return "\"" + renshe::util::jsonEscape(s) + "\"";
}

struct Args {
    std::string command;
    std::string reader;
    bool json = false;
    bool reveal = false;
    int count = 0;
    int timeoutSeconds = 0;
    std::string error;
};

Args parse(int argc, char** argv) {
    Args a;
    if (argc < 2) {
        a.error = "a command is needed";
        return a;
    }
    a.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string v = argv[i];
        const bool hasValue = i + 1 < argc;
        if (v == "--json")
            a.json = true;
        else if (v == "--reveal")
            a.reveal = true;
        else if (v == "--reader" && hasValue)
            a.reader = argv[++i];
        else if (v == "--count" && hasValue)
            a.count = std::atoi(argv[++i]);
        else if (v == "--timeout" && hasValue)
            a.timeoutSeconds = std::atoi(argv[++i]);
        else
            a.error = "unknown or incomplete option: " + v;
    }
    return a;
}

// The named reader, or the first reader with a card in it.
std::unique_ptr<pcsc::Card> connectCard(const pcsc::Context& ctx, const std::string& wanted) {
    const auto readers = ctx.listReaders();
    if (readers.empty()) {
        throw pcsc::NoReaders("no card reader is attached", 0);
    }
    if (!wanted.empty()) {
        return ctx.connect(wanted);
    }
    std::optional<pcsc::CardUnresponsive> mute;
    for (const auto& r : readers) {
        try {
            return ctx.connect(r);
        } catch (const pcsc::NoCard&) {
        } catch (const pcsc::CardUnresponsive& e) {
            mute = e;
        }
    }
    if (mute) {
        throw *mute;
    }
    throw pcsc::NoCard("no card in any reader", 0);
}

int cmdReaders() {
    pcsc::Context ctx;
    const auto readers = ctx.listReaders();
    if (readers.empty()) {
        std::cerr << "no card reader is attached\n";
        return kNoReader;
    }
    for (const auto& r : readers) {
        std::string extra;
        try {
            const auto card = ctx.connect(r);
            extra = card->capabilities().pinPad ? "\tcard present\tPIN pad" : "\tcard present";
        } catch (const pcsc::NoCard&) {
            extra = "\tempty";
        } catch (const pcsc::CardUnresponsive&) {
            extra = "\tcard not answering (inserted the wrong way round?)";
        } catch (const pcsc::Error&) {
            extra = "\tbusy";
        }
        std::cout << r << extra << "\n";
    }
    return kOk;
}

// Set by SIGINT/SIGTERM; the wait loop polls it between short waits (a signal handler may
// not take the monitor's locks).
volatile sig_atomic_t g_stop = 0;

int cmdWait(const Args& a) {
    pcsc::Monitor monitor;
    struct sigaction sa {};
    sa.sa_handler = [](int) { g_stop = 1; };
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    const auto deadline = a.timeoutSeconds > 0 ? std::chrono::steady_clock::now() +
                                                     std::chrono::seconds(a.timeoutSeconds)
                                               : std::chrono::steady_clock::time_point::max();
    int seen = 0;
    while (!g_stop && std::chrono::steady_clock::now() < deadline) {
        for (const auto& e : monitor.next(std::chrono::milliseconds(500))) {
            std::cout << pcsc::toString(e.kind);
            if (!e.reader.empty())
                std::cout << "\t" << e.reader;
            if (!e.atr.empty())
                std::cout << "\t" << pcsc::toHex(e.atr);
            std::cout << std::endl;
            if (a.count > 0 && ++seen >= a.count) {
                return kOk;
            }
        }
    }
    return kOk;
}

int cmdRead(const Args& a) {
    pcsc::Context ctx;
    const auto card = connectCard(ctx, a.reader);
    auto session = card->beginSession();
    sscard::SocialSecurityCard app(session);
    const sscard::CardData d = app.readCardData();
    const std::string ssn = a.reveal ? d.ssn : sscard::maskIdNumber(d.ssn);
    const std::string name = a.reveal ? d.name : sscard::maskName(d.name);
    const std::string sex(1, d.sex);
    const std::string nation = (d.nation < 10 ? "0" : "") + std::to_string(d.nation);
    if (a.json) {
        std::cout << "{" << jsonString("reader") << ":" << jsonString(card->reader()) << ","
                  << jsonString("atr") << ":" << jsonString(pcsc::toHex(card->atr())) << ","
                  << jsonString("card_number") << ":" << jsonString(d.cardNumber) << ","
                  << jsonString("card_id") << ":" << jsonString(pcsc::toHex(d.cardIdentifier))
                  << "," << jsonString("spec_version") << ":" << jsonString(d.specVersion) << ","
                  << jsonString("issue_date") << ":" << jsonString(d.issueDate.iso()) << ","
                  << jsonString("expiry_date") << ":" << jsonString(d.expiryDate.iso()) << ","
                  << jsonString("ssn") << ":" << jsonString(ssn) << "," << jsonString("name") << ":"
                  << jsonString(name) << "," << jsonString("sex") << ":" << jsonString(sex) << ","
                  << jsonString("nation") << ":" << jsonString(nation) << ","
                  << jsonString("birth_date") << ":" << jsonString(d.birthDate.iso()) << "}\n";
    } else {
        std::cout << "reader         " << card->reader() << "\n"
                  << "atr            " << pcsc::toHex(card->atr()) << "\n"
                  << "card number    " << d.cardNumber << "\n"
                  << "card id        " << pcsc::toHex(d.cardIdentifier) << "\n"
                  << "spec version   " << d.specVersion << "\n"
                  << "issued         " << d.issueDate.iso() << "\n"
                  << "expires        " << d.expiryDate.iso() << "\n"
                  << "ssn            " << ssn << "\n"
                  << "name           " << name << "\n"
                  << "sex            "
                  << (d.sex == '1'   ? "male"
                      : d.sex == '2' ? "female"
                                     : "unknown")
                  << "\n"
                  << "nation         " << nation << "\n"
                  << "birth date     " << d.birthDate.iso() << "\n";
    }
    return kOk;
}

int cmdVerifyPin(const Args& a) {
    std::string line;
    std::getline(std::cin, line);
    auto pin = sscard::Pin::fromDigits(line);
    std::fill(line.begin(), line.end(), '\0');
    if (!pin) {
        std::cerr << "a PIN is 6 digits, given on stdin\n";
        return kUsage;
    }
    pcsc::Context ctx;
    const auto card = connectCard(ctx, a.reader);
    auto session = card->beginSession();
    sscard::SocialSecurityCard app(session);
    const auto r = app.verifyPin(*pin);
    switch (r.status) {
        case sscard::PinResult::Status::Ok:
            std::cout << "PIN correct\n";
            return kOk;
        case sscard::PinResult::Status::Wrong:
            std::cout << "wrong PIN, " << r.triesLeft << " tries left\n";
            return kWrongPin;
        case sscard::PinResult::Status::Blocked:
            std::cout << "PIN blocked\n";
            return kPinBlocked;
        case sscard::PinResult::Status::Refused:
            std::cout << "card refused the PIN check\n";
            return kCardError;
    }
    return kCardError;
}

}  // namespace

int main(int argc, char** argv) {
    const Args a = parse(argc, argv);
    if (!a.error.empty()) {
        std::cerr << "renshe-card: " << a.error << "\n";
        return usage(std::cerr, kUsage);
    }
    try {
        if (a.command == "readers")
            return cmdReaders();
        if (a.command == "wait")
            return cmdWait(a);
        if (a.command == "read")
            return cmdRead(a);
        if (a.command == "verify-pin")
            return cmdVerifyPin(a);
        if (a.command == "-h" || a.command == "--help")
            return usage(std::cout, kOk);
        std::cerr << "renshe-card: unknown command " << a.command << "\n";
        return usage(std::cerr, kUsage);
    } catch (const pcsc::ServiceNotRunning& e) {
        std::cerr << "renshe-card: the PC/SC service (pcscd) is not running: " << e.what() << "\n";
        return kNoService;
    } catch (const pcsc::NoReaders& e) {
        std::cerr << "renshe-card: no card reader: " << e.what() << "\n";
        return kNoReader;
    } catch (const pcsc::ReaderUnavailable& e) {
        std::cerr << "renshe-card: no such reader: " << e.what() << "\n";
        return kNoReader;
    } catch (const pcsc::NoCard& e) {
        std::cerr << "renshe-card: no card: " << e.what() << "\n";
        return kNoCard;
    } catch (const sscard::NotSocialSecurityCard& e) {
        std::cerr << "renshe-card: not a social security card: " << e.what() << "\n";
        return kNotSsc;
    } catch (const pcsc::CardUnresponsive& e) {
        std::cerr
            << "renshe-card: the chip does not answer; is the card inserted chip first, face up? ("
            << e.what() << ")\n";
        return kCardError;
    } catch (const std::exception& e) {
        std::cerr << "renshe-card: card error: " << e.what() << "\n";
        return kCardError;
    }
}
