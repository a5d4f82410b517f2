// Internal: GErrors of libfprint, GIO and GUsb become typed errors here and nowhere else.
#pragma once

#include <glib.h>

#include <optional>
#include <string>
#include <string_view>

#include "drivers/fprint/fprint.hpp"

namespace renshe::drivers::fprint::detail {

// A failure carried from the libfprint thread to the caller's thread, where it is thrown.
struct Failure {
    ErrorCode code;
    std::string message;
};

// Classifies a GError (FP_DEVICE_ERROR, G_IO_ERROR, G_USB_DEVICE_ERROR); `call` names the
// libfprint function for the message.
Failure describe(const GError* error, std::string_view call);

// Throws the typed exception for a failure.
[[noreturn]] void raise(const Failure& failure);
[[noreturn]] void raise(ErrorCode code, const std::string& message);

// FP_DEVICE_RETRY errors are not failures but a repeat-the-scan reason; nullopt for others.
std::optional<RetryReason> retryReason(const GError* error);

}  // namespace renshe::drivers::fprint::detail
