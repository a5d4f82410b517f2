// The single place where PC/SC return codes become typed errors.
#include "drivers/pcsc/pcsc_error.hpp"

#include <winscard.h>

#include <cstdio>
#include <string>

#include "drivers/pcsc/pcsc.hpp"

namespace renshe::drivers::pcsc::detail {

namespace {
std::string describe(long code, std::string_view call) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08lX", static_cast<unsigned long>(code));
    return std::string(call) + " failed: " + pcsc_stringify_error(code) + " (" + hex + ")";
}
}  // namespace

void throwForCode(long code, std::string_view call) {
    const std::string msg = describe(code, call);
    switch (code) {
        case SCARD_E_NO_SERVICE:
        case SCARD_E_SERVICE_STOPPED:
        case SCARD_E_INVALID_HANDLE:  // context died with the daemon
            throw ServiceNotRunning(msg, code);
        case SCARD_E_NO_READERS_AVAILABLE:
            throw NoReaders(msg, code);
        case SCARD_E_UNKNOWN_READER:
        case SCARD_E_READER_UNAVAILABLE:
            throw ReaderUnavailable(msg, code);
        case SCARD_E_NO_SMARTCARD:
            throw NoCard(msg, code);
        case SCARD_W_REMOVED_CARD:
            throw CardRemoved(msg, code);
        case SCARD_W_RESET_CARD:
            throw CardReset(msg, code);
        case SCARD_W_UNRESPONSIVE_CARD:
        case SCARD_W_UNPOWERED_CARD:
        case SCARD_E_PROTO_MISMATCH:
            throw CardUnresponsive(msg, code);
        case SCARD_E_SHARING_VIOLATION:
            throw SharingViolation(msg, code);
        case SCARD_E_TIMEOUT:
            throw Timeout(msg, code);
        case SCARD_E_CANCELLED:
            throw Cancelled(msg, code);
        case SCARD_F_COMM_ERROR:
        case SCARD_E_NOT_TRANSACTED:
        default:
            throw CommunicationError(msg, code);
    }
}

void check(long code, std::string_view call) {
    if (code != SCARD_S_SUCCESS) {
        throwForCode(code, call);
    }
}

}  // namespace renshe::drivers::pcsc::detail
