// C++ layer over PC/SC-Lite. The one public header of renshe_pcsc: winscard.h stays inside.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

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

class ServiceNotRunning : public Error { using Error::Error; };  // pcscd not reachable
class NoReaders : public Error { using Error::Error; };          // no reader attached
class ReaderUnavailable : public Error { using Error::Error; };  // reader gone or unknown
class NoCard : public Error { using Error::Error; };              // no card in the reader
class CardRemoved : public Error { using Error::Error; };        // card pulled mid-session
class CardReset : public Error { using Error::Error; };          // another party reset it
class CardUnresponsive : public Error { using Error::Error; };   // mute/unpowered: wrong way in
class SharingViolation : public Error { using Error::Error; };   // held exclusively elsewhere
class CommunicationError : public Error { using Error::Error; }; // transport failure
class Timeout : public Error { using Error::Error; };
class Cancelled : public Error { using Error::Error; };

// A PC/SC resource-manager context. Cheap to create; not shared between threads.
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

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace renshe::drivers::pcsc
