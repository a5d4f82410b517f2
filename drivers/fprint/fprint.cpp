#include "drivers/fprint/fprint.hpp"

#include <fprint.h>

#include <algorithm>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <mutex>
#include <utility>
#include <variant>

#include "drivers/fprint/engine.hpp"
#include "drivers/fprint/fprint_error.hpp"

namespace renshe::drivers::fprint {

namespace detail {

// An immutable FpPrint with its serialized form. FpPrint is only read after construction, so
// one instance may be used from any thread (GObject reference counting is atomic).
struct PrintData {
    FpPrint* print = nullptr;  // a reference of ours
    std::vector<std::uint8_t> bytes;
    std::string driver;
    std::string deviceId;
    std::string username;
    Finger finger = Finger::Unknown;

    PrintData() = default;
    PrintData(const PrintData&) = delete;
    PrintData& operator=(const PrintData&) = delete;
    ~PrintData() {
        if (print != nullptr) {
            g_object_unref(print);
        }
    }
};

namespace {

std::string orEmpty(const char* s) {
    return s != nullptr ? s : "";
}

// Takes over `print` (a full reference) and `bytes`.
std::shared_ptr<PrintData> makePrintData(FpPrint* print, std::vector<std::uint8_t> bytes) {
    auto data = std::make_shared<PrintData>();
    data->print = print;
    data->bytes = std::move(bytes);
    data->driver = orEmpty(fp_print_get_driver(print));
    data->deviceId = orEmpty(fp_print_get_device_id(print));
    data->username = orEmpty(fp_print_get_username(print));
    data->finger = static_cast<Finger>(fp_print_get_finger(print));
    return data;
}

std::vector<std::uint8_t> serializePrint(FpPrint* print) {
    guchar* raw = nullptr;
    gsize length = 0;
    GError* error = nullptr;
    if (!fp_print_serialize(print, &raw, &length, &error)) {
        const Failure failure = describe(error, "fp_print_serialize");
        g_clear_error(&error);
        raise(failure);
    }
    std::vector<std::uint8_t> bytes(raw, raw + length);
    g_free(raw);
    return bytes;
}

Compatibility compare(FpPrint* print, FpDevice* device) {
    if (fp_print_compatible(print, device)) {
        return Compatibility::Compatible;
    }
    return g_strcmp0(fp_print_get_driver(print), fp_device_get_driver(device)) != 0
               ? Compatibility::OtherDriver
               : Compatibility::OtherDevice;
}

FingerStatus fingerStatusOf(FpDevice* device) {
    const FpFingerStatusFlags flags = fp_device_get_finger_status(device);
    return FingerStatus{(flags & FP_FINGER_STATUS_NEEDED) != 0,
                        (flags & FP_FINGER_STATUS_PRESENT) != 0};
}

}  // namespace

// One open FpDevice. The operations in progress keep their GCancellable here for cancel().
struct DeviceState {
    std::shared_ptr<Engine> engine;
    FpDevice* device = nullptr;  // a reference of ours
    DeviceInfo info;
    std::mutex mutex;
    std::vector<GCancellable*> active;  // one reference each
    bool open = false;

    ~DeviceState() {
        if (device != nullptr) {
            FpDevice* d = device;
            // The last unref of a device belongs on its thread.
            engine->runOrPost([d] { g_object_unref(d); });
        }
    }
};

// What the libfprint thread hands the caller's thread during one enrol/verify.
struct Channel {
    using Event = std::variant<FingerStatus, EnrollProgress>;

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Event> events;
    bool done = false;
    std::optional<Failure> failure;
    FingerStatus lastStatus;

    // Results (set before done).
    FpPrint* enrolled = nullptr;  // full reference
    bool match = false;
    std::optional<RetryReason> retry;
    int stages = 0;  // the sensor's enrol stages when the enrolment started

    void push(const Event& event) {
        std::lock_guard lock(mutex);
        events.push_back(event);
        changed.notify_all();
    }
    void finish() {
        std::lock_guard lock(mutex);
        done = true;
        changed.notify_all();
    }
    ~Channel() {
        if (enrolled != nullptr) {
            g_object_unref(enrolled);
        }
    }
};

// Engine-thread side of one operation: alive from the start call to its ready callback.
struct Operation {
    std::shared_ptr<Channel> channel;
    FpDevice* device = nullptr;
    gulong statusHandler = 0;
    int totalStages = 0;

    static void onFingerStatus(GObject*, GParamSpec*, gpointer data) {
        auto* op = static_cast<Operation*>(data);
        const FingerStatus status = fingerStatusOf(op->device);
        if (status == op->channel->lastStatus) {
            return;
        }
        op->channel->lastStatus = status;
        op->channel->push(status);
    }

    static void onEnrollProgress(FpDevice*, gint completed, FpPrint*, gpointer data,
                                 GError* error) {
        auto* op = static_cast<Operation*>(data);
        op->channel->push(EnrollProgress{completed, op->totalStages, retryReason(error)});
    }

    void begin() {
        statusHandler =
            g_signal_connect(device, "notify::finger-status", G_CALLBACK(onFingerStatus), this);
    }

    // Ends the operation: no more events, the caller's thread is released.
    void end() {
        g_signal_handler_disconnect(device, statusHandler);
        channel->finish();
        delete this;
    }

    static void onEnrolled(GObject* source, GAsyncResult* result, gpointer data) {
        auto* op = static_cast<Operation*>(data);
        GError* error = nullptr;
        FpPrint* print = fp_device_enroll_finish(FP_DEVICE(source), result, &error);
        if (print == nullptr) {
            op->channel->failure = describe(error, "fp_device_enroll");
            g_clear_error(&error);
        } else {
            op->channel->enrolled = print;
        }
        op->end();
    }

    static void onVerified(GObject* source, GAsyncResult* result, gpointer data) {
        auto* op = static_cast<Operation*>(data);
        GError* error = nullptr;
        gboolean match = FALSE;
        FpPrint* scanned = nullptr;
        if (fp_device_verify_finish(FP_DEVICE(source), result, &match, &scanned, &error)) {
            op->channel->match = match;
        } else if (auto reason = retryReason(error)) {
            op->channel->retry = reason;
        } else {
            op->channel->failure = describe(error, "fp_device_verify");
        }
        g_clear_error(&error);
        g_clear_object(&scanned);
        op->end();
    }
};

namespace {

// Starts `start` (loop thread) and relays its events to `callbacks` on this thread until it
// ends. A callback that throws cancels the operation; the exception comes out afterwards.
void runOperation(DeviceState& state, const ScanCallbacks& callbacks,
                  const std::shared_ptr<Channel>& channel,
                  std::function<void(GCancellable*)> start) {
    state.engine->requireOffLoopThread();
    GCancellable* cancellable = g_cancellable_new();
    {
        std::lock_guard lock(state.mutex);
        state.active.push_back(cancellable);
    }
    state.engine->post([cancellable, start = std::move(start)] { start(cancellable); });

    std::exception_ptr callbackError;
    for (;;) {
        std::unique_lock lock(channel->mutex);
        channel->changed.wait(lock, [&] { return !channel->events.empty() || channel->done; });
        if (channel->events.empty()) {
            break;  // done, and everything reported before the end was delivered
        }
        const Channel::Event event = channel->events.front();
        channel->events.pop_front();
        lock.unlock();
        if (callbackError) {
            continue;  // drain without calling back again
        }
        try {
            if (auto* status = std::get_if<FingerStatus>(&event)) {
                if (callbacks.fingerStatus) {
                    callbacks.fingerStatus(*status);
                }
            } else if (auto* progress = std::get_if<EnrollProgress>(&event)) {
                if (callbacks.enrollProgress) {
                    callbacks.enrollProgress(*progress);
                }
            }
        } catch (...) {
            callbackError = std::current_exception();
            g_object_ref(cancellable);
            state.engine->post([cancellable] {
                g_cancellable_cancel(cancellable);
                g_object_unref(cancellable);
            });
        }
    }
    {
        std::lock_guard lock(state.mutex);
        state.active.erase(std::find(state.active.begin(), state.active.end(), cancellable));
    }
    g_object_unref(cancellable);
    if (callbackError) {
        std::rethrow_exception(callbackError);
    }
    if (channel->failure) {
        raise(*channel->failure);
    }
}

}  // namespace

}  // namespace detail

using detail::Channel;
using detail::DeviceState;
using detail::Operation;

// ---------------------------------------------------------------- Print

Print Print::deserialize(std::span<const std::uint8_t> data) {
    if (data.empty()) {
        // fp_print_deserialize asserts (aborts the process) on a null buffer.
        detail::raise(ErrorCode::InvalidData, "fp_print_deserialize: empty print");
    }
    GError* error = nullptr;
    FpPrint* print = fp_print_deserialize(data.data(), data.size(), &error);
    if (print == nullptr) {
        // Whatever GLib says about the bytes, to us they are an unreadable print.
        const detail::Failure failure = detail::describe(error, "fp_print_deserialize");
        g_clear_error(&error);
        detail::raise(ErrorCode::InvalidData, failure.message);
    }
    return Print(detail::makePrintData(print, std::vector<std::uint8_t>(data.begin(), data.end())));
}

const std::vector<std::uint8_t>& Print::serialize() const noexcept {
    return m_data->bytes;
}
const std::string& Print::driver() const noexcept {
    return m_data->driver;
}
const std::string& Print::deviceId() const noexcept {
    return m_data->deviceId;
}
Finger Print::finger() const noexcept {
    return m_data->finger;
}
const std::string& Print::username() const noexcept {
    return m_data->username;
}

// ---------------------------------------------------------------- Device

Device::Device(std::shared_ptr<DeviceState> state) : m_state(std::move(state)) {}
Device::Device(Device&&) noexcept = default;

Device& Device::operator=(Device&& other) noexcept {
    if (this != &other) {
        try {
            close();
        } catch (...) {
        }
        m_state = std::move(other.m_state);
    }
    return *this;
}

Device::~Device() noexcept {
    try {
        close();
    } catch (...) {
        // A sensor that cannot be closed is gone one way or another.
    }
}

const DeviceInfo& Device::info() const noexcept {
    return m_state->info;
}

void Device::close() {
    if (!m_state || !m_state->open) {
        return;
    }
    m_state->engine->requireOffLoopThread();
    m_state->open = false;
    FpDevice* device = m_state->device;
    auto done = std::make_shared<std::promise<std::optional<detail::Failure>>>();
    auto result = done->get_future();
    m_state->engine->post([device, done] {
        fp_device_close(
            device, nullptr,
            [](GObject* source, GAsyncResult* res, gpointer data) {
                auto* promise =
                    static_cast<std::shared_ptr<std::promise<std::optional<detail::Failure>>>*>(
                        data);
                GError* error = nullptr;
                std::optional<detail::Failure> failure;
                if (!fp_device_close_finish(FP_DEVICE(source), res, &error)) {
                    failure = detail::describe(error, "fp_device_close");
                    g_clear_error(&error);
                }
                (*promise)->set_value(std::move(failure));
                delete promise;
            },
            new std::shared_ptr<std::promise<std::optional<detail::Failure>>>(done));
    });
    if (auto failure = result.get(); failure && failure->code != ErrorCode::DeviceRemoved) {
        detail::raise(*failure);
    }
}

void Device::cancel() noexcept {
    if (!m_state) {
        return;
    }
    std::lock_guard lock(m_state->mutex);
    for (GCancellable* cancellable : m_state->active) {
        // libfprint reacts to the cancel on the thread that cancels: keep that the engine's.
        g_object_ref(cancellable);
        m_state->engine->post([cancellable] {
            g_cancellable_cancel(cancellable);
            g_object_unref(cancellable);
        });
    }
}

EnrollResult Device::enroll(Finger finger, const ScanCallbacks& callbacks,
                            const EnrollOptions& options) {
    auto channel = std::make_shared<Channel>();
    FpDevice* device = m_state->device;
    detail::runOperation(*m_state, callbacks, channel,
                         [channel, device, finger, options](GCancellable* cancellable) {
                             auto* op = new Operation{channel, device};
                             op->totalStages = fp_device_get_nr_enroll_stages(device);
                             channel->stages = op->totalStages;
                             op->begin();
                             FpPrint* templ = fp_print_new(device);
                             fp_print_set_finger(templ, static_cast<FpFinger>(finger));
                             if (!options.username.empty()) {
                                 fp_print_set_username(templ, options.username.c_str());
                             }
                             if (!options.description.empty()) {
                                 fp_print_set_description(templ, options.description.c_str());
                             }
                             GDate* today = g_date_new();
                             g_date_set_time_t(today, time(nullptr));
                             fp_print_set_enroll_date(templ, today);
                             g_date_free(today);
                             // The template is floating: enroll sinks it.
                             fp_device_enroll(device, templ, cancellable,
                                              &Operation::onEnrollProgress, op, nullptr,
                                              &Operation::onEnrolled, op);
                         });
    FpPrint* print = std::exchange(channel->enrolled, nullptr);
    if (print == nullptr) {
        detail::raise(ErrorCode::DeviceFailure, "fp_device_enroll returned no print");
    }
    std::vector<std::uint8_t> bytes;
    try {
        bytes = detail::serializePrint(print);
    } catch (...) {
        g_object_unref(print);
        throw;
    }
    Print result(detail::makePrintData(print, bytes));
    return EnrollResult{result, std::move(bytes), m_state->info.driver, m_state->info.deviceId,
                        channel->stages};
}

VerifyResult Device::verify(const Print& stored, const ScanCallbacks& callbacks) {
    const auto started = std::chrono::steady_clock::now();
    VerifyResult result;
    result.driver = m_state->info.driver;
    result.deviceId = m_state->info.deviceId;
    // fp_print_compatible only compares the strings both objects carry since creation.
    result.compatibility = detail::compare(stored.m_data->print, m_state->device);
    if (result.compatibility != Compatibility::Compatible) {
        result.outcome = VerifyResult::Outcome::Incompatible;
        return result;
    }

    auto channel = std::make_shared<Channel>();
    FpDevice* device = m_state->device;
    auto data = stored.m_data;  // keeps the FpPrint alive until the operation ended
    detail::runOperation(*m_state, callbacks, channel, [channel, device, data](GCancellable* c) {
        auto* op = new Operation{channel, device};
        op->begin();
        fp_device_verify(device, data->print, c, nullptr, nullptr, nullptr, &Operation::onVerified,
                         op);
    });
    if (channel->retry) {
        result.outcome = VerifyResult::Outcome::Retry;
        result.retry = channel->retry;
    } else if (channel->match) {
        result.outcome = VerifyResult::Outcome::Match;
        result.matched = stored;
    } else {
        result.outcome = VerifyResult::Outcome::NoMatch;
    }
    result.duration = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    return result;
}

Compatibility Device::compatibility(const Print& stored) const {
    return detail::compare(stored.m_data->print, m_state->device);
}

Compatibility Device::compatibility(std::span<const std::uint8_t> serialized) const {
    try {
        return compatibility(Print::deserialize(serialized));
    } catch (const InvalidData&) {
        return Compatibility::Unreadable;
    }
}

// ---------------------------------------------------------------- Context

Context::Context(LoopMode mode) : m_engine(std::make_shared<detail::Engine>(mode)) {}
Context::~Context() noexcept = default;

std::vector<DeviceInfo> Context::devices() const {
    return m_engine->devices();
}

Device Context::open(const DeviceInfo& wanted) {
    auto state = std::make_shared<DeviceState>();
    state->engine = m_engine;
    auto opened = std::make_shared<std::promise<std::optional<detail::Failure>>>();
    auto result = opened->get_future();
    const std::uint64_t key = wanted.key;
    m_engine->requireOffLoopThread();
    // The device reference is taken on the loop thread, where the registry changes.
    m_engine->post([engine = m_engine.get(), state, opened, key] {
        FpDevice* device = engine->findDevice(key);
        if (device == nullptr) {
            opened->set_value(detail::Failure{ErrorCode::NoDevice, "fingerprint sensor is gone"});
            return;
        }
        state->device = FP_DEVICE(g_object_ref(device));
        state->info = detail::describeDevice(device, key);
        fp_device_open(
            device, nullptr,
            [](GObject* source, GAsyncResult* res, gpointer data) {
                auto* promise =
                    static_cast<std::shared_ptr<std::promise<std::optional<detail::Failure>>>*>(
                        data);
                GError* error = nullptr;
                std::optional<detail::Failure> failure;
                if (!fp_device_open_finish(FP_DEVICE(source), res, &error)) {
                    failure = detail::describe(error, "fp_device_open");
                    g_clear_error(&error);
                }
                (*promise)->set_value(std::move(failure));
                delete promise;
            },
            new std::shared_ptr<std::promise<std::optional<detail::Failure>>>(opened));
    });
    if (auto failure = result.get()) {
        detail::raise(*failure);
    }
    state->open = true;
    return Device(std::move(state));
}

Device Context::openFirst() {
    const auto all = devices();
    if (all.empty()) {
        detail::raise(ErrorCode::NoDevice, "no fingerprint sensor attached");
    }
    return open(all.front());
}

std::vector<DeviceEvent> Context::nextDeviceEvents(std::chrono::milliseconds timeout) {
    return m_engine->nextEvents(timeout);
}

void Context::cancelWait() noexcept {
    m_engine->cancelWait();
}

EnrollResult enrollOnFirstDevice(Finger finger, const ScanCallbacks& callbacks,
                                 const EnrollOptions& options) {
    Context context;
    Device device = context.openFirst();
    return device.enroll(finger, callbacks, options);
}

// ---------------------------------------------------------------- names

const char* toString(Compatibility compatibility) {
    switch (compatibility) {
        case Compatibility::Compatible:
            return "compatible";
        case Compatibility::OtherDriver:
            return "other_driver";
        case Compatibility::OtherDevice:
            return "other_device";
        case Compatibility::Unreadable:
            return "unreadable";
    }
    return "unreadable";
}

const char* toString(VerifyResult::Outcome outcome) {
    switch (outcome) {
        case VerifyResult::Outcome::Match:
            return "match";
        case VerifyResult::Outcome::NoMatch:
            return "no_match";
        case VerifyResult::Outcome::Retry:
            return "retry";
        case VerifyResult::Outcome::Incompatible:
            return "incompatible";
    }
    return "no_match";
}

}  // namespace renshe::drivers::fprint
