// The single place where libfprint's GErrors become typed errors.
#include "drivers/fprint/fprint_error.hpp"

#include <fprint.h>
#include <gio/gio.h>

namespace renshe::drivers::fprint::detail {

namespace {

// GUsb's GUsbDeviceError (gusb-device.h is not installed with libfprint-2-dev); the domain is
// matched by its quark name so we need not link GUsb.
constexpr const char* kUsbErrorDomain = "g-usb-device-error-quark";
enum UsbError {
    kUsbInternal = 0,
    kUsbIo,
    kUsbTimedOut,
    kUsbNotSupported,
    kUsbNoDevice,
    kUsbNotOpen,
    kUsbAlreadyOpen,
    kUsbCancelled,
    kUsbFailed,
    kUsbPermissionDenied,
    kUsbBusy,
};

ErrorCode classifyDevice(int code) {
    switch (code) {
        case FP_DEVICE_ERROR_NOT_SUPPORTED:
            return ErrorCode::NotSupported;
        case FP_DEVICE_ERROR_BUSY:
        case FP_DEVICE_ERROR_ALREADY_OPEN:  // someone else in this process has it open
            return ErrorCode::DeviceBusy;
        case FP_DEVICE_ERROR_PROTO:
            return ErrorCode::ProtocolError;
        case FP_DEVICE_ERROR_DATA_INVALID:
            return ErrorCode::InvalidData;
        case FP_DEVICE_ERROR_DATA_NOT_FOUND:
        case FP_DEVICE_ERROR_DATA_FULL:
        case FP_DEVICE_ERROR_DATA_DUPLICATE:
            return ErrorCode::StorageError;
        case FP_DEVICE_ERROR_REMOVED:
            return ErrorCode::DeviceRemoved;
        case FP_DEVICE_ERROR_TOO_HOT:
            return ErrorCode::DeviceTooHot;
        case FP_DEVICE_ERROR_NOT_OPEN:  // a bug of ours, or the device closed under us
        case FP_DEVICE_ERROR_GENERAL:
        default:
            return ErrorCode::DeviceFailure;
    }
}

ErrorCode classifyIo(int code) {
    switch (code) {
        case G_IO_ERROR_CANCELLED:
            return ErrorCode::Cancelled;
        case G_IO_ERROR_TIMED_OUT:
            return ErrorCode::Timeout;
        case G_IO_ERROR_NOT_SUPPORTED:
            return ErrorCode::NotSupported;
        case G_IO_ERROR_BUSY:
            return ErrorCode::DeviceBusy;
        case G_IO_ERROR_PERMISSION_DENIED:
            return ErrorCode::AccessDenied;
        case G_IO_ERROR_NOT_FOUND:
            return ErrorCode::NoDevice;
        case G_IO_ERROR_INVALID_DATA:
            return ErrorCode::InvalidData;
        default:  // broken pipes, closed connections, short reads: the link to the sensor
            return ErrorCode::ProtocolError;
    }
}

ErrorCode classifyUsb(int code) {
    switch (code) {
        case kUsbTimedOut:
            return ErrorCode::Timeout;
        case kUsbNotSupported:
            return ErrorCode::NotSupported;
        case kUsbNoDevice:
            return ErrorCode::DeviceRemoved;
        case kUsbAlreadyOpen:
        case kUsbBusy:
            return ErrorCode::DeviceBusy;
        case kUsbCancelled:
            return ErrorCode::Cancelled;
        case kUsbPermissionDenied:
            return ErrorCode::AccessDenied;
        case kUsbNotOpen:
            return ErrorCode::DeviceFailure;
        case kUsbInternal:
        case kUsbIo:
        case kUsbFailed:
        default:
            return ErrorCode::ProtocolError;
    }
}

}  // namespace

Failure describe(const GError* error, std::string_view call) {
    if (error == nullptr) {
        return {ErrorCode::DeviceFailure, std::string(call) + " failed without an error"};
    }
    ErrorCode code = ErrorCode::DeviceFailure;
    if (error->domain == FP_DEVICE_ERROR) {
        code = classifyDevice(error->code);
    } else if (error->domain == G_IO_ERROR) {
        code = classifyIo(error->code);
    } else if (error->domain == g_quark_try_string(kUsbErrorDomain)) {
        code = classifyUsb(error->code);
    } else if (error->domain == FP_DEVICE_RETRY) {
        // A retry where the driver may not report one (it ends the operation): the scan failed.
        code = ErrorCode::DeviceFailure;
    }
    std::string message = std::string(call) + " failed: " + error->message + " (" +
                          g_quark_to_string(error->domain) + " " + std::to_string(error->code) +
                          ", " + toString(code) + ")";
    return {code, std::move(message)};
}

void raise(ErrorCode code, const std::string& message) {
    switch (code) {
        case ErrorCode::NoDevice:
            throw NoDevice(code, message);
        case ErrorCode::DeviceBusy:
            throw DeviceBusy(code, message);
        case ErrorCode::DeviceRemoved:
            throw DeviceRemoved(code, message);
        case ErrorCode::ProtocolError:
            throw ProtocolError(code, message);
        case ErrorCode::Timeout:
            throw Timeout(code, message);
        case ErrorCode::Cancelled:
            throw Cancelled(code, message);
        case ErrorCode::NotSupported:
            throw NotSupported(code, message);
        case ErrorCode::InvalidData:
            throw InvalidData(code, message);
        case ErrorCode::StorageError:
            throw StorageError(code, message);
        case ErrorCode::DeviceTooHot:
            throw DeviceTooHot(code, message);
        case ErrorCode::AccessDenied:
            throw AccessDenied(code, message);
        case ErrorCode::DeviceFailure:
            break;
    }
    throw DeviceFailure(ErrorCode::DeviceFailure, message);
}

void raise(const Failure& failure) {
    raise(failure.code, failure.message);
}

std::optional<RetryReason> retryReason(const GError* error) {
    if (error == nullptr || error->domain != FP_DEVICE_RETRY) {
        return std::nullopt;
    }
    switch (error->code) {
        case FP_DEVICE_RETRY_TOO_SHORT:
            return RetryReason::TooShort;
        case FP_DEVICE_RETRY_CENTER_FINGER:
            return RetryReason::CentreFinger;
        case FP_DEVICE_RETRY_REMOVE_FINGER:
            return RetryReason::RemoveFinger;
        case FP_DEVICE_RETRY_GENERAL:
        default:
            return RetryReason::General;
    }
}

}  // namespace renshe::drivers::fprint::detail

namespace renshe::drivers::fprint {

const char* toString(ErrorCode code) {
    switch (code) {
        case ErrorCode::NoDevice:
            return "fprint.no_device";
        case ErrorCode::DeviceBusy:
            return "fprint.busy";
        case ErrorCode::DeviceRemoved:
            return "fprint.removed";
        case ErrorCode::ProtocolError:
            return "fprint.protocol";
        case ErrorCode::Timeout:
            return "fprint.timeout";
        case ErrorCode::Cancelled:
            return "fprint.cancelled";
        case ErrorCode::NotSupported:
            return "fprint.not_supported";
        case ErrorCode::InvalidData:
            return "fprint.invalid_data";
        case ErrorCode::StorageError:
            return "fprint.storage";
        case ErrorCode::DeviceTooHot:
            return "fprint.too_hot";
        case ErrorCode::AccessDenied:
            return "fprint.access_denied";
        case ErrorCode::DeviceFailure:
            return "fprint.failure";
    }
    return "fprint.failure";
}

const char* toString(RetryReason reason) {
    switch (reason) {
        case RetryReason::General:
            return "retry";
        case RetryReason::TooShort:
            return "too_short";
        case RetryReason::CentreFinger:
            return "centre_finger";
        case RetryReason::RemoveFinger:
            return "remove_finger";
    }
    return "retry";
}

}  // namespace renshe::drivers::fprint
