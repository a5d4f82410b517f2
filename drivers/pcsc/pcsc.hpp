// C++ layer over PC/SC-Lite. The one public header of renshe_pcsc (with apdu.hpp):
// winscard.h stays inside. Every resource is RAII; a Session is the only way to transmit,
// so no APDU goes out of a transaction.
#pragma once

#include <chrono>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "drivers/pcsc/apdu.hpp"

namespace renshe::drivers::pcsc {

// Every PC/SC failure surfaces as one of these, mapped from the return code in one place
// (pcsc_error.cpp). what() names the PC/SC call and the code.
class Error : public std::runtime_error {
public:
    Error(const std::string& message, long code) : std::runtime_error(message), m_code(code) {}
    long code() const noexcept { return m_code; }

private:
    long m_code;
};

class ServiceNotRunning : public Error {
    using Error::Error;
};  // pcscd not reachable
class NoReaders : public Error {
    using Error::Error;
};  // no reader attached
class ReaderUnavailable : public Error {
    using Error::Error;
};  // reader gone or unknown
class NoCard : public Error {
    using Error::Error;
};  // no card in the reader
class CardRemoved : public Error {
    using Error::Error;
};  // card pulled mid-session
class CardReset : public Error {
    using Error::Error;
};  // another party reset it
class CardUnresponsive : public Error {
    using Error::Error;
};  // mute/unpowered: wrong way in
class SharingViolation : public Error {
    using Error::Error;
};  // held exclusively elsewhere
class CommunicationError : public Error {
    using Error::Error;
};  // transport failure, bad answer
class Timeout : public Error {
    using Error::Error;
};
class Cancelled : public Error {
    using Error::Error;
};

enum class Protocol { T0, T1 };

// What a reader can do besides APDUs (CM_IOCTL_GET_FEATURE_REQUEST, PC/SC part 10).
struct ReaderCapabilities {
    bool pinPad = false;  // FEATURE_VERIFY_PIN_DIRECT or _START: PIN entry on the reader
    std::set<int> features;
};

class Card;

// A transaction on a connected card (SCardBeginTransaction .. SCardEndTransaction).
class Session {
public:
    ~Session() noexcept;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    Session(Session&&) noexcept;
    Session& operator=(Session&&) = delete;

    // Sends a command and returns the complete answer: 61xx is followed by GET RESPONSE
    // until the card has nothing more, 6Cxx is answered by resending with Le = xx.
    ResponseApdu transmit(const CommandApdu& command);
    // Number of APDUs that crossed the reader in this session (GET RESPONSE and retries too).
    int apduCount() const noexcept { return m_apdus; }

private:
    friend class Card;
    explicit Session(Card& card);
    Bytes exchange(const Bytes& raw);
    Card* m_card;
    int m_apdus = 0;
};

// A card connected in shared mode with T=0 or T=1.
class Card {
public:
    ~Card() noexcept;
    Card(const Card&) = delete;
    Card& operator=(const Card&) = delete;

    [[nodiscard]] Session beginSession();
    Protocol protocol() const noexcept { return m_protocol; }
    const Bytes& atr() const noexcept { return m_atr; }
    const std::string& reader() const noexcept { return m_reader; }
    ReaderCapabilities capabilities() const;

private:
    friend class Context;
    friend class Session;
    Card(long handle, Protocol protocol, std::string reader, Bytes atr);
    long m_handle;
    Protocol m_protocol;
    std::string m_reader;
    Bytes m_atr;
};

// A PC/SC resource-manager context. Not shared between threads.
class Context {
public:
    Context();  // throws ServiceNotRunning when pcscd cannot be reached
    ~Context() noexcept;
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    Context(Context&&) noexcept;
    Context& operator=(Context&&) noexcept;

    // Reader names as pcscd reports them; empty when no reader is attached.
    std::vector<std::string> listReaders() const;

    // Connects to the card in `reader` (shared, T=0 or T=1). Throws NoCard when the reader is
    // empty, CardUnresponsive when the card gives no ATR (inserted the wrong way round).
    std::unique_ptr<Card> connect(const std::string& reader) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// What the monitor saw happen.
struct ReaderEvent {
    enum class Kind {
        ReaderAdded,      // a reader appeared (or was there when monitoring began)
        ReaderRemoved,    // a reader went away
        CardInserted,     // a card with an ATR is in `reader`
        CardMute,         // something is in `reader` but gives no ATR (wrong way round?)
        CardRemoved,      // the card left `reader`
        ServiceStopped,   // pcscd went away; readers are gone until it is back
        ServiceRestored,  // pcscd answers again (reader/card events follow)
    };
    Kind kind;
    std::string reader;
    Bytes atr;  // CardInserted only
};

const char* toString(ReaderEvent::Kind kind);

// Watches readers and cards with SCardGetStatusChange, including the \\?PnP?\Notification
// pseudo-reader, so readers plugged in later appear without polling. Survives pcscd
// stopping and coming back. One thread calls next(); any thread may call cancel().
class Monitor {
public:
    explicit Monitor(std::chrono::milliseconds serviceRetry = std::chrono::milliseconds(300));
    ~Monitor() noexcept;
    Monitor(const Monitor&) = delete;
    Monitor& operator=(const Monitor&) = delete;

    // Blocks up to `timeout` and returns what changed since the last call (empty on
    // timeout or cancel). The first call reports the readers and cards already present.
    std::vector<ReaderEvent> next(std::chrono::milliseconds timeout);
    // Wakes a blocked next() early. Thread-safe.
    void cancel();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace renshe::drivers::pcsc
