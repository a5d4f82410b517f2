// C++ layer over libfprint 2: the one public header of renshe_fprint (with verify_session.hpp).
// GLib and libfprint stay inside; nothing here needs Qt.
//
// Threading. libfprint (and GUsb under it) run on GLib's global-default main context, so every
// libfprint call is made on the thread that iterates that context (see engine.hpp for why a
// private context does not work). Who iterates it is the LoopMode:
//   - OwnThread (default): a loop thread of this library — renshe-admin, tests, tools; any
//     process whose own threads run no GLib loop on the default context;
//   - CallerDefault: the application's loop — the kiosk, where Qt's event loop is GLib's
//     default context on the main thread. Create the Context on that thread.
// The API is blocking and meant for a worker thread of the caller (never the loop thread:
// refused with std::logic_error, it would wait for itself):
//   - enroll()/verify()/open()/close() block until libfprint is done; their callbacks (finger
//     status, enrol stages) run on the thread that called, in order, before the call returns —
//     never on the loop thread, so a callback may block, post to Qt, or feed a virtual sensor;
//   - Device::cancel() may be called from any thread (the UI's), and ends the operation in
//     progress with Cancelled; the device stays usable;
//   - the UI thread only runs libfprint's short state-machine steps (NBIS minutiae detection
//     runs in libfprint's own worker thread), so it never blocks.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace renshe::drivers::fprint {

namespace detail {
class Engine;
struct DeviceState;
struct PrintData;
}  // namespace detail

// ---------------------------------------------------------------- errors

// What went wrong, for the kiosk's error code + translatable message id.
enum class ErrorCode {
    NoDevice,       // no sensor attached, or the one asked for is gone
    DeviceBusy,     // another operation or another user holds the sensor
    DeviceRemoved,  // the sensor was unplugged (also mid-scan)
    ProtocolError,  // the sensor answered something unexpected / transport failure
    Timeout,        // the sensor (or the finger) did not come in time
    Cancelled,      // cancel() ended the operation
    NotSupported,   // the sensor cannot do this (e.g. no verify)
    InvalidData,    // a print that cannot be read, or data the sensor refused
    StorageError,   // on-sensor storage: print not found, storage full, duplicate
    DeviceTooHot,   // the sensor stopped to cool down
    AccessDenied,   // no permission to open the USB device
    DeviceFailure,  // anything else the driver reports
};

// Stable ids ("fprint.removed", ...) for logs and message catalogues.
const char* toString(ErrorCode code);

// Every libfprint failure surfaces as one of these, mapped from the GError in one place
// (fprint_error.cpp). what() names the libfprint call and the driver's message.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& message) : std::runtime_error(message), m_code(code) {}
    ErrorCode code() const noexcept { return m_code; }

private:
    ErrorCode m_code;
};

// clang-format off
class NoDevice : public Error { using Error::Error; };
class DeviceBusy : public Error { using Error::Error; };
class DeviceRemoved : public Error { using Error::Error; };
class ProtocolError : public Error { using Error::Error; };
class Timeout : public Error { using Error::Error; };
class Cancelled : public Error { using Error::Error; };
class NotSupported : public Error { using Error::Error; };
class InvalidData : public Error { using Error::Error; };
class StorageError : public Error { using Error::Error; };
class DeviceTooHot : public Error { using Error::Error; };
class AccessDenied : public Error { using Error::Error; };
class DeviceFailure : public Error { using Error::Error; };
// clang-format on

// ---------------------------------------------------------------- values

// The numbering of libfprint's FpFinger.
enum class Finger {
    Unknown = 0,
    LeftThumb,
    LeftIndex,
    LeftMiddle,
    LeftRing,
    LeftLittle,
    RightThumb,
    RightIndex,
    RightMiddle,
    RightRing,
    RightLittle,
};

// Why a scan has to be repeated (FP_DEVICE_RETRY_*); each has its own prompt.
enum class RetryReason {
    General,       // "try again"
    TooShort,      // swipe too short / finger lifted too soon
    CentreFinger,  // "centre your finger on the sensor"
    RemoveFinger,  // "lift your finger and place it again"
};
const char* toString(RetryReason reason);

enum class ScanType { Press, Swipe };

// A sensor as libfprint enumerates it. driver + deviceId is what a print is bound to.
struct DeviceInfo {
    std::string driver;    // fp_device_get_driver: "elanmoc", "virtual_image", ...
    std::string deviceId;  // fp_device_get_device_id
    std::string name;      // human-readable model name
    ScanType scanType = ScanType::Press;
    int enrollStages = 0;
    bool canVerify = false;
    bool canIdentify = false;
    bool hasStorage = false;  // keeps prints on the sensor (match-on-chip)
    std::uint64_t key = 0;    // this Context's handle for open(); not stable across runs
};

// Whether a stored print can be verified on a sensor, decided before any scan.
enum class Compatibility {
    Compatible,
    OtherDriver,  // enrolled on another kind of sensor: send the person to the counter
    OtherDevice,  // same driver, another device id (match-on-chip sensors)
    Unreadable,   // the stored bytes are not a libfprint print at all
};
const char* toString(Compatibility compatibility);

// An enrolled fingerprint template. Value type (cheap to copy, immutable); what the back office
// stores is serialize()'s bytes (fp_print_serialize).
class Print {
public:
    // Throws InvalidData when the bytes are not a print libfprint can read.
    static Print deserialize(std::span<const std::uint8_t> data);

    const std::vector<std::uint8_t>& serialize() const noexcept;
    const std::string& driver() const noexcept;
    const std::string& deviceId() const noexcept;
    Finger finger() const noexcept;
    const std::string& username() const noexcept;

private:
    friend class Device;
    explicit Print(std::shared_ptr<const detail::PrintData> data) : m_data(std::move(data)) {}
    std::shared_ptr<const detail::PrintData> m_data;
};

// notify::finger-status: `needed` while the sensor waits for a finger, `present` while one
// is on it. Prompts: waitingForFinger() → "place your finger".
struct FingerStatus {
    bool needed = false;
    bool present = false;
    bool waitingForFinger() const noexcept { return needed && !present; }
    bool operator==(const FingerStatus&) const = default;
};

// One enrol stage done, or a stage that has to be repeated (retry set, stages unchanged).
struct EnrollProgress {
    int completedStages = 0;
    int totalStages = 0;
    std::optional<RetryReason> retry;
};

// Called on the thread that called enroll()/verify(), in the order libfprint reported.
// A callback that throws cancels the operation; the exception is rethrown once it ended.
struct ScanCallbacks {
    std::function<void(const FingerStatus&)> fingerStatus;
    std::function<void(const EnrollProgress&)> enrollProgress;  // enroll() only
};

struct EnrollOptions {
    std::string username;     // fp_print_set_username (e.g. a person reference, never a name)
    std::string description;  // fp_print_set_description
};

struct EnrollResult {
    Print print;
    std::vector<std::uint8_t> serialized;  // print.serialize(), what the back office stores
    std::string driver;                    // the sensor that enrolled: recorded with the template
    std::string deviceId;
    int stages = 0;
};

struct VerifyResult {
    enum class Outcome {
        Match,         // the finger is the stored one
        NoMatch,       // a good scan of another finger
        Retry,         // the scan was not usable: see retry
        Incompatible,  // not attempted: the stored print is for another sensor (see compatibility)
    };
    Outcome outcome = Outcome::NoMatch;
    std::optional<RetryReason> retry;                         // Retry only
    Compatibility compatibility = Compatibility::Compatible;  // Incompatible: why
    std::string driver;                                       // the sensor that scanned
    std::string deviceId;
    std::optional<Print> matched;  // Match only: the stored print that matched
    std::chrono::milliseconds duration{0};

    bool isMatch() const noexcept { return outcome == Outcome::Match; }
};
const char* toString(VerifyResult::Outcome outcome);

enum class DeviceEventKind { Added, Removed };

// Who runs GLib's default main context, on which libfprint works (see the top of this file).
enum class LoopMode {
    OwnThread,      // a loop thread of this library (no other GLib loop in the process)
    CallerDefault,  // the caller's loop (Qt's event loop): construct on its thread
};
struct DeviceEvent {
    DeviceEventKind kind;
    DeviceInfo device;
};

// ---------------------------------------------------------------- device

// An open sensor (fp_device_open .. fp_device_close). One operation at a time; another thread
// starting a second one gets DeviceBusy. Destroy it only after its operations returned.
class Device {
public:
    ~Device() noexcept;
    Device(Device&&) noexcept;
    Device& operator=(Device&&) noexcept;
    Device(const Device&) = delete;
    Device& operator=(const Device&) = delete;

    const DeviceInfo& info() const noexcept;

    // Enrols `finger` over all the sensor's stages. Retries are reported through
    // callbacks.enrollProgress and do not end the enrolment; errors throw.
    EnrollResult enroll(Finger finger, const ScanCallbacks& callbacks = {},
                        const EnrollOptions& options = {});

    // 1:1 verification against a stored print. Checks compatibility first: an incompatible
    // print gives Outcome::Incompatible without a scan. Device errors throw (Cancelled after
    // cancel(), DeviceRemoved when unplugged mid-scan, ...).
    VerifyResult verify(const Print& stored, const ScanCallbacks& callbacks = {});

    // fp_print_compatible, with the reason when not; no scan, no device I/O.
    Compatibility compatibility(const Print& stored) const;
    Compatibility compatibility(std::span<const std::uint8_t> serialized) const;

    // Ends the operation in progress with Cancelled (no-op when there is none). Any thread.
    void cancel() noexcept;

    // Closes the sensor now (the destructor does it otherwise). A sensor that was unplugged
    // closes without error.
    void close();

private:
    friend class Context;
    explicit Device(std::shared_ptr<detail::DeviceState> state);
    std::shared_ptr<detail::DeviceState> m_state;
};

// ---------------------------------------------------------------- context

// libfprint's FpContext. libfprint reads FP_VIRTUAL_* and FP_DRIVERS_WHITELIST when the
// context enumerates, i.e. in this constructor. With LoopMode::CallerDefault, destroy it on
// the loop thread too, or while that loop still runs.
class Context {
public:
    explicit Context(LoopMode mode = LoopMode::OwnThread);
    ~Context() noexcept;
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    // The sensors attached now.
    std::vector<DeviceInfo> devices() const;

    // Opens a sensor of devices(). Throws NoDevice when it is gone, DeviceBusy when it is
    // already open, and the mapped error when libfprint cannot open it.
    Device open(const DeviceInfo& device);
    // The first sensor (the kiosk has one). Throws NoDevice when there is none.
    Device openFirst();

    // Hot-plug (FpContext device-added / device-removed), like pcsc::Monitor: blocks up to
    // `timeout` and returns what changed since the last call; the first call also reports
    // the sensors found at start. A sensor removed while open is reported once it is closed
    // (libfprint waits for the close). Empty on timeout or after cancelWait().
    std::vector<DeviceEvent> nextDeviceEvents(std::chrono::milliseconds timeout);
    void cancelWait() noexcept;  // any thread

private:
    std::shared_ptr<detail::Engine> m_engine;
};

// renshe-admin enroll-fingerprint: the first sensor, one finger, blocking; returns what the
// back office stores. Throws NoDevice without a sensor, and the sensor's errors.
EnrollResult enrollOnFirstDevice(Finger finger, const ScanCallbacks& callbacks = {},
                                 const EnrollOptions& options = {});

}  // namespace renshe::drivers::fprint
