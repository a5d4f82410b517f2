// drivers/fprint on libfprint's own virtual sensors: virtual_image runs the real NBIS pipeline
// (mindtct + bozorth3) on synthetic fingers; virtual_device is scripted for retries, errors,
// unplugging and cancellation. Every wait is on an event of the sensor (finger status, the
// driver closing a command connection, a device-removed signal), never a sleep.
#include "drivers/fprint/fprint.hpp"

#include <fprint.h>  // FP_DEVICE_ERROR_* / FP_DEVICE_RETRY_* for the scripts
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <future>
#include <thread>

#include "drivers/fprint/fprint_error.hpp"  // the mapping table, checked below
#include "drivers/fprint/synthetic.hpp"
#include "drivers/fprint/verify_session.hpp"
#include "tests/fixtures/fprint_device.hpp"

namespace fprint = renshe::drivers::fprint;
namespace synthetic = renshe::drivers::fprint::synthetic;
using Outcome = fprint::VerifyResult::Outcome;
using renshe::testing::VirtualFingerprintDevice;
using namespace std::chrono_literals;

namespace {

constexpr std::uint64_t kZhang = 11;  // the enrolled finger
constexpr std::uint64_t kLi = 12;     // somebody else's
constexpr std::uint64_t kWang = 13;

// The fixture first: libfprint reads its environment when the context enumerates.
struct Sensors {
    VirtualFingerprintDevice fixture;
    fprint::Context context;

    fprint::Device openImage() {
        return context.open(
            VirtualFingerprintDevice::find(context, VirtualFingerprintDevice::kImageDriver));
    }
    fprint::Device openScripted() {
        return context.open(
            VirtualFingerprintDevice::find(context, VirtualFingerprintDevice::kDeviceDriver));
    }
};

// Enrols finger `seed` on virtual_image: one presentation per stage, each a little moved.
fprint::EnrollResult enrolSynthetic(VirtualFingerprintDevice& fixture, fprint::Device& device,
                                    std::uint64_t seed,
                                    std::vector<fprint::EnrollProgress>* progress = nullptr) {
    std::vector<synthetic::Image> images;
    images.reserve(static_cast<std::size_t>(device.info().enrollStages));
    for (int i = 0; i < device.info().enrollStages; ++i) {
        images.push_back(synthetic::presentation(seed, i));
    }
    auto callbacks =
        fixture.presentFingers(std::move(images), [progress](const fprint::EnrollProgress& p) {
            if (progress != nullptr) {
                progress->push_back(p);
            }
        });
    return device.enroll(fprint::Finger::RightIndex, callbacks);
}

// Verifies with finger `seed` placed (as its `attempt`-th presentation) when the sensor asks.
fprint::VerifyResult verifySynthetic(VirtualFingerprintDevice& fixture, fprint::Device& device,
                                     const fprint::Print& stored, std::uint64_t seed,
                                     int attempt = 5) {
    return device.verify(stored, fixture.presentFingers({synthetic::presentation(seed, attempt)}));
}

// Enrols print `id` on virtual_device: the SCAN commands queue up before the enrolment starts.
fprint::Print enrolScripted(VirtualFingerprintDevice& fixture, fprint::Device& device,
                            const std::string& id) {
    for (int i = 0; i < device.info().enrollStages; ++i) {
        fixture.scan(id);
    }
    return device.enroll(fprint::Finger::LeftThumb).print;
}

// Callbacks that run `action` the first time the sensor waits for a finger.
fprint::ScanCallbacks onceWaiting(std::function<void()> action) {
    auto done = std::make_shared<bool>(false);
    fprint::ScanCallbacks callbacks;
    callbacks.fingerStatus = [done, action = std::move(action)](const fprint::FingerStatus& st) {
        if (st.waitingForFinger() && !*done) {
            *done = true;
            action();
        }
    };
    return callbacks;
}

// Sets an environment variable for the scope (the fixture restores its own on destruction).
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) {
            m_old = old;
        }
        if (value != nullptr) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (m_old) {
            ::setenv(m_name, m_old->c_str(), 1);
        } else {
            ::unsetenv(m_name);
        }
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

bool hasEvent(const std::vector<fprint::DeviceEvent>& events, fprint::DeviceEventKind kind,
              const std::string& driver) {
    return std::any_of(events.begin(), events.end(),
                       [&](const auto& e) { return e.kind == kind && e.device.driver == driver; });
}

}  // namespace

// ---------------------------------------------------------------- enumeration

TEST(FprintEnumeration, FindsBothVirtualSensorsWithDriverAndDeviceId) {
    Sensors s;
    const auto devices = s.context.devices();
    ASSERT_EQ(devices.size(), 2u);
    for (const auto* driver :
         {VirtualFingerprintDevice::kImageDriver, VirtualFingerprintDevice::kDeviceDriver}) {
        const auto info = VirtualFingerprintDevice::find(s.context, driver);
        EXPECT_FALSE(info.deviceId.empty()) << driver;
        EXPECT_FALSE(info.name.empty()) << driver;
        EXPECT_TRUE(info.canVerify) << driver;
        EXPECT_GT(info.enrollStages, 0) << driver;
    }
    // Hot-plug starts with the sensors found at start, like the card reader monitor.
    const auto events = s.context.nextDeviceEvents(0ms);
    EXPECT_TRUE(
        hasEvent(events, fprint::DeviceEventKind::Added, VirtualFingerprintDevice::kImageDriver));
    EXPECT_TRUE(
        hasEvent(events, fprint::DeviceEventKind::Added, VirtualFingerprintDevice::kDeviceDriver));
    EXPECT_TRUE(s.context.nextDeviceEvents(0ms).empty());
}

TEST(FprintEnumeration, NoSensorIsNoDevice) {
    VirtualFingerprintDevice fixture;
    ScopedEnv image("FP_VIRTUAL_IMAGE", nullptr);
    ScopedEnv device("FP_VIRTUAL_DEVICE", nullptr);
    fprint::Context context;
    EXPECT_TRUE(context.devices().empty());
    EXPECT_THROW(context.openFirst(), fprint::NoDevice);
}

TEST(FprintEnumeration, OpeningAnOpenSensorAgainIsDeviceBusy) {
    Sensors s;
    auto device = s.openImage();
    try {
        s.openImage();
        FAIL() << "opened twice";
    } catch (const fprint::DeviceBusy& e) {
        EXPECT_EQ(e.code(), fprint::ErrorCode::DeviceBusy);
    }
}

// ---------------------------------------------------------------- NBIS on virtual_image

TEST(FprintImage, EnrolledFingerMatchesOnVerify) {
    Sensors s;
    auto device = s.openImage();
    std::vector<fprint::EnrollProgress> progress;
    const auto enrolled = enrolSynthetic(s.fixture, device, kZhang, &progress);

    ASSERT_EQ(progress.size(), static_cast<std::size_t>(device.info().enrollStages));
    for (std::size_t i = 0; i < progress.size(); ++i) {
        EXPECT_EQ(progress[i].completedStages, static_cast<int>(i) + 1);
        EXPECT_EQ(progress[i].totalStages, device.info().enrollStages);
        EXPECT_FALSE(progress[i].retry);
    }
    EXPECT_EQ(enrolled.driver, VirtualFingerprintDevice::kImageDriver);
    EXPECT_EQ(enrolled.deviceId, device.info().deviceId);
    EXPECT_EQ(enrolled.print.finger(), fprint::Finger::RightIndex);
    EXPECT_FALSE(enrolled.serialized.empty());

    const auto result = verifySynthetic(s.fixture, device, enrolled.print, kZhang);
    EXPECT_EQ(result.outcome, Outcome::Match) << fprint::toString(result.outcome);
    EXPECT_TRUE(result.isMatch());
    EXPECT_EQ(result.driver, VirtualFingerprintDevice::kImageDriver);
    EXPECT_EQ(result.deviceId, device.info().deviceId);
    ASSERT_TRUE(result.matched);
    EXPECT_EQ(result.matched->serialize(), enrolled.serialized);
    EXPECT_EQ(s.fixture.presented(), 1);
}

TEST(FprintImage, DifferentFingersDoNotMatch) {
    Sensors s;
    auto device = s.openImage();
    const auto enrolled = enrolSynthetic(s.fixture, device, kZhang);
    for (const auto other : {kLi, kWang}) {
        const auto result = verifySynthetic(s.fixture, device, enrolled.print, other);
        EXPECT_EQ(result.outcome, Outcome::NoMatch) << "finger " << other;
        EXPECT_FALSE(result.matched);
    }
}

TEST(FprintImage, ThreeFailedScansEndTheAttemptWithGuidanceToTheCounter) {
    Sensors s;
    auto device = s.openImage();
    const auto enrolled = enrolSynthetic(s.fixture, device, kZhang);
    fprint::VerifySession session;

    // 1: another finger.
    auto first = verifySynthetic(s.fixture, device, enrolled.print, kLi);
    EXPECT_EQ(first.outcome, Outcome::NoMatch);
    EXPECT_EQ(session.record(first), fprint::Guidance::ScanAgain);
    EXPECT_EQ(session.scansLeft(), 2);

    // 2: the sensor could not use the scan (finger off-centre).
    auto second =
        device.verify(enrolled.print,
                      onceWaiting([&] { s.fixture.image().retry(FP_DEVICE_RETRY_CENTER_FINGER); }));
    EXPECT_EQ(second.outcome, Outcome::Retry);
    EXPECT_EQ(second.retry, fprint::RetryReason::CentreFinger);
    EXPECT_EQ(session.record(second), fprint::Guidance::ScanAgain);
    EXPECT_EQ(session.scansLeft(), 1);

    // 3: another finger again: to the counter.
    auto third = verifySynthetic(s.fixture, device, enrolled.print, kWang);
    EXPECT_EQ(third.outcome, Outcome::NoMatch);
    EXPECT_EQ(session.record(third), fprint::Guidance::GoToCounter);
    EXPECT_EQ(session.counterReason(), fprint::CounterReason::FailedScans);
    EXPECT_EQ(session.failedScans(), 3);
    EXPECT_EQ(session.scansLeft(), 0);
    EXPECT_TRUE(session.finished());

    // The session is over: even a match now changes nothing.
    auto late = verifySynthetic(s.fixture, device, enrolled.print, kZhang);
    EXPECT_EQ(late.outcome, Outcome::Match);
    EXPECT_EQ(session.record(late), fprint::Guidance::GoToCounter);
}

TEST(FprintImage, MatchAfterAFailedScanCertifies) {
    Sensors s;
    auto device = s.openImage();
    const auto enrolled = enrolSynthetic(s.fixture, device, kZhang);
    fprint::VerifySession session;
    EXPECT_EQ(session.record(verifySynthetic(s.fixture, device, enrolled.print, kLi)),
              fprint::Guidance::ScanAgain);
    EXPECT_EQ(session.record(verifySynthetic(s.fixture, device, enrolled.print, kZhang, 6)),
              fprint::Guidance::Certified);
    EXPECT_EQ(session.failedScans(), 1);
    EXPECT_EQ(session.counterReason(), fprint::CounterReason::None);
}

TEST(FprintImage, SerializedPrintRoundTripsAndStillMatches) {
    Sensors s;
    auto device = s.openImage();
    const auto enrolled = enrolSynthetic(s.fixture, device, kZhang);

    const auto restored = fprint::Print::deserialize(enrolled.serialized);
    EXPECT_EQ(restored.serialize(), enrolled.serialized);
    EXPECT_EQ(restored.driver(), VirtualFingerprintDevice::kImageDriver);
    EXPECT_EQ(restored.deviceId(), device.info().deviceId);
    EXPECT_EQ(restored.finger(), fprint::Finger::RightIndex);
    EXPECT_EQ(device.compatibility(enrolled.serialized), fprint::Compatibility::Compatible);

    EXPECT_EQ(verifySynthetic(s.fixture, device, restored, kZhang).outcome, Outcome::Match);
    EXPECT_EQ(verifySynthetic(s.fixture, device, restored, kLi).outcome, Outcome::NoMatch);
}

TEST(FprintImage, UnpluggedMidScanIsDeviceRemoved) {
    Sensors s;
    auto device = s.openImage();
    const auto enrolled = enrolSynthetic(s.fixture, device, kZhang);
    try {
        device.verify(enrolled.print, onceWaiting([&] { s.fixture.image().unplug(); }));
        FAIL() << "verify returned after the sensor was unplugged";
    } catch (const fprint::DeviceRemoved& e) {
        EXPECT_EQ(e.code(), fprint::ErrorCode::DeviceRemoved);
    }
    device.close();  // a removed sensor closes without error
    std::vector<fprint::DeviceEvent> events;
    const auto end = std::chrono::steady_clock::now() + 10s;
    while (!hasEvent(events, fprint::DeviceEventKind::Removed,
                     VirtualFingerprintDevice::kImageDriver) &&
           std::chrono::steady_clock::now() < end) {
        for (auto& e : s.context.nextDeviceEvents(1s)) {
            events.push_back(std::move(e));
        }
    }
    EXPECT_TRUE(
        hasEvent(events, fprint::DeviceEventKind::Removed, VirtualFingerprintDevice::kImageDriver));
    EXPECT_THROW(VirtualFingerprintDevice::find(s.context, VirtualFingerprintDevice::kImageDriver),
                 std::runtime_error);
}

TEST(FprintImage, CancelDuringAWaitingVerifyIsCancelledAndTheSensorStaysUsable) {
    Sensors s;
    auto device = s.openImage();
    const auto enrolled = enrolSynthetic(s.fixture, device, kZhang);

    // The UI cancels from its own thread while the worker's verify waits for a finger.
    std::promise<void> waiting;
    std::thread ui([&device, ready = waiting.get_future()]() mutable {
        ready.wait();
        device.cancel();
    });
    try {
        device.verify(enrolled.print, onceWaiting([&] { waiting.set_value(); }));
        ADD_FAILURE() << "verify was not cancelled";
    } catch (const fprint::Cancelled& e) {
        EXPECT_EQ(e.code(), fprint::ErrorCode::Cancelled);
    }
    ui.join();

    fprint::VerifySession session;
    EXPECT_EQ(session.record(fprint::Cancelled(fprint::ErrorCode::Cancelled, "cancelled")),
              fprint::Guidance::ScanAgain);
    EXPECT_EQ(session.failedScans(), 0);

    EXPECT_EQ(verifySynthetic(s.fixture, device, enrolled.print, kZhang).outcome, Outcome::Match);
}

TEST(FprintImage, ASecondOperationWhileOneWaitsIsDeviceBusy) {
    Sensors s;
    auto device = s.openImage();
    const auto enrolled = enrolSynthetic(s.fixture, device, kZhang);

    std::promise<void> waiting;
    auto ready = waiting.get_future();
    std::exception_ptr workerError;
    std::thread worker([&] {
        try {
            device.verify(enrolled.print, onceWaiting([&] { waiting.set_value(); }));
        } catch (...) {
            workerError = std::current_exception();
        }
    });
    ready.wait();
    EXPECT_THROW(device.verify(enrolled.print), fprint::DeviceBusy);
    device.cancel();
    worker.join();
    ASSERT_TRUE(workerError);
    EXPECT_THROW(std::rethrow_exception(workerError), fprint::Cancelled);
}

TEST(FprintImage, EnrollOnFirstDeviceReturnsTheSerializedPrint) {
    VirtualFingerprintDevice fixture;
    ScopedEnv only("FP_DRIVERS_WHITELIST", VirtualFingerprintDevice::kImageDriver);
    std::vector<synthetic::Image> images;
    images.reserve(5);
    for (int i = 0; i < 5; ++i) {
        images.push_back(synthetic::presentation(kZhang, i));
    }
    int stages = 0;
    const auto result = fprint::enrollOnFirstDevice(
        fprint::Finger::LeftIndex,
        fixture.presentFingers(std::move(images), [&](const fprint::EnrollProgress& p) {
            stages = p.completedStages;
        }));
    EXPECT_EQ(stages, 5);
    EXPECT_EQ(result.stages, 5);
    EXPECT_EQ(result.driver, VirtualFingerprintDevice::kImageDriver);
    const auto print = fprint::Print::deserialize(result.serialized);
    EXPECT_EQ(print.finger(), fprint::Finger::LeftIndex);
    EXPECT_EQ(print.driver(), VirtualFingerprintDevice::kImageDriver);
}

// The kiosk's arrangement: the UI thread runs GLib's default loop (Qt's event loop on Debian)
// and libfprint on it; a worker thread makes the blocking calls; the UI thread may not.
TEST(FprintLoop, RunsOnTheCallersGLibLoopWithBlockingCallsFromAWorker) {
    VirtualFingerprintDevice fixture;
    ScopedEnv only("FP_DRIVERS_WHITELIST", VirtualFingerprintDevice::kImageDriver);
    auto context = std::make_unique<fprint::Context>(fprint::LoopMode::CallerDefault);
    ASSERT_EQ(context->devices().size(), 1u);

    struct Run {
        GMainLoop* loop = g_main_loop_new(nullptr, FALSE);
        std::thread::id uiThread = std::this_thread::get_id();
        fprint::Context* context;
        VirtualFingerprintDevice* fixture;
        bool refusedOnUiThread = false;
        std::atomic<int> callbacksOnUiThread{0};
        std::optional<fprint::VerifyResult> same;
        std::optional<fprint::VerifyResult> other;
        std::exception_ptr error;
        std::thread worker;
    } run;
    run.context = context.get();
    run.fixture = &fixture;

    // Started from inside the loop, as a Qt slot would.
    g_idle_add(
        [](gpointer data) -> gboolean {
            auto* r = static_cast<Run*>(data);
            try {
                r->context->openFirst();  // on the UI thread: refused, it would wait for itself
            } catch (const std::logic_error&) {
                r->refusedOnUiThread = true;
            }
            r->worker = std::thread([r] {
                try {
                    auto device = r->context->openFirst();
                    const auto enrolled = enrolSynthetic(*r->fixture, device, kZhang);
                    auto callbacks =
                        r->fixture->presentFingers({synthetic::presentation(kZhang, 5)});
                    auto feed = callbacks.fingerStatus;
                    callbacks.fingerStatus = [r, feed](const fprint::FingerStatus& st) {
                        if (std::this_thread::get_id() == r->uiThread) {
                            ++r->callbacksOnUiThread;
                        }
                        feed(st);
                    };
                    r->same = device.verify(enrolled.print, callbacks);
                    r->other = verifySynthetic(*r->fixture, device, enrolled.print, kLi);
                } catch (...) {
                    r->error = std::current_exception();
                }
                g_main_loop_quit(r->loop);
            });
            return G_SOURCE_REMOVE;
        },
        &run);
    g_main_loop_run(run.loop);
    run.worker.join();
    g_main_loop_unref(run.loop);

    if (run.error) {
        std::rethrow_exception(run.error);
    }
    EXPECT_TRUE(run.refusedOnUiThread);
    EXPECT_EQ(run.callbacksOnUiThread.load(), 0);
    ASSERT_TRUE(run.same);
    EXPECT_EQ(run.same->outcome, Outcome::Match);
    ASSERT_TRUE(run.other);
    EXPECT_EQ(run.other->outcome, Outcome::NoMatch);
    context.reset();  // the loop is not running: the teardown takes the context itself
}

// ---------------------------------------------------------------- scripted virtual_device

TEST(FprintScripted, RetryReasonsSurfaceTyped) {
    Sensors s;
    auto device = s.openScripted();
    const auto stored = enrolScripted(s.fixture, device, "zhang-right-index");
    const std::pair<int, fprint::RetryReason> cases[] = {
        {FP_DEVICE_RETRY_GENERAL, fprint::RetryReason::General},
        {FP_DEVICE_RETRY_TOO_SHORT, fprint::RetryReason::TooShort},
        {FP_DEVICE_RETRY_CENTER_FINGER, fprint::RetryReason::CentreFinger},
        {FP_DEVICE_RETRY_REMOVE_FINGER, fprint::RetryReason::RemoveFinger},
    };
    for (const auto& [code, reason] : cases) {
        s.fixture.retry(code);
        const auto result = device.verify(stored);
        EXPECT_EQ(result.outcome, Outcome::Retry) << "RETRY " << code;
        EXPECT_EQ(result.retry, reason) << "RETRY " << code;
    }
    s.fixture.scan("zhang-right-index");
    EXPECT_EQ(device.verify(stored).outcome, Outcome::Match);
    s.fixture.scan("li-left-thumb");
    EXPECT_EQ(device.verify(stored).outcome, Outcome::NoMatch);
}

TEST(FprintScripted, EnrolRetriesAreReportedAndTheEnrolmentGoesOn) {
    Sensors s;
    auto device = s.openScripted();
    s.fixture.retry(FP_DEVICE_RETRY_TOO_SHORT);
    s.fixture.scan("a");
    s.fixture.scan("a");
    s.fixture.retry(FP_DEVICE_RETRY_REMOVE_FINGER);
    s.fixture.scan("a");
    s.fixture.scan("a");
    s.fixture.scan("a");
    std::vector<fprint::EnrollProgress> progress;
    fprint::ScanCallbacks callbacks;
    callbacks.enrollProgress = [&](const fprint::EnrollProgress& p) { progress.push_back(p); };
    const auto result = device.enroll(fprint::Finger::RightThumb, callbacks);

    ASSERT_EQ(progress.size(), 7u);
    EXPECT_EQ(progress[0].retry, fprint::RetryReason::TooShort);
    EXPECT_EQ(progress[0].completedStages, 0);
    EXPECT_EQ(progress[1].completedStages, 1);
    EXPECT_EQ(progress[2].completedStages, 2);
    EXPECT_EQ(progress[3].retry, fprint::RetryReason::RemoveFinger);
    EXPECT_EQ(progress[3].completedStages, 2);
    EXPECT_EQ(progress[6].completedStages, 5);
    EXPECT_EQ(progress[6].totalStages, 5);
    EXPECT_EQ(result.stages, 5);
    EXPECT_EQ(result.driver, VirtualFingerprintDevice::kDeviceDriver);
}

TEST(FprintScripted, EnrolStagesFollowTheSensor) {
    Sensors s;
    auto device = s.openScripted();
    s.fixture.setEnrollStages(3);
    int last = 0;
    int total = 0;
    fprint::ScanCallbacks callbacks;
    callbacks.enrollProgress = [&](const fprint::EnrollProgress& p) {
        last = p.completedStages;
        total = p.totalStages;
    };
    for (int i = 0; i < 3; ++i) {
        s.fixture.scan("b");
    }
    const auto result = device.enroll(fprint::Finger::RightThumb, callbacks);
    EXPECT_EQ(last, 3);
    EXPECT_EQ(total, 3);
    EXPECT_EQ(result.stages, 3);
}

TEST(FprintScripted, UnpluggedMidScanIsDeviceRemovedAndReportedAsHotUnplug) {
    Sensors s;
    s.context.nextDeviceEvents(0ms);  // the sensors found at start
    auto device = s.openScripted();
    const auto stored = enrolScripted(s.fixture, device, "zhang");
    try {
        device.verify(stored, onceWaiting([&] { s.fixture.unplug(); }));
        FAIL() << "verify returned after the sensor was unplugged";
    } catch (const fprint::DeviceRemoved& e) {
        EXPECT_EQ(e.code(), fprint::ErrorCode::DeviceRemoved);
    }
    fprint::VerifySession session;
    EXPECT_EQ(session.record(fprint::DeviceRemoved(fprint::ErrorCode::DeviceRemoved, "unplugged")),
              fprint::Guidance::GoToCounter);
    EXPECT_EQ(session.counterReason(), fprint::CounterReason::SensorFault);

    // libfprint reports the removal once the sensor is closed.
    device.close();
    std::vector<fprint::DeviceEvent> events;
    const auto end = std::chrono::steady_clock::now() + 10s;
    while (!hasEvent(events, fprint::DeviceEventKind::Removed,
                     VirtualFingerprintDevice::kDeviceDriver) &&
           std::chrono::steady_clock::now() < end) {
        for (auto& e : s.context.nextDeviceEvents(1s)) {
            events.push_back(std::move(e));
        }
    }
    EXPECT_TRUE(hasEvent(events, fprint::DeviceEventKind::Removed,
                         VirtualFingerprintDevice::kDeviceDriver));
    EXPECT_FALSE(
        hasEvent(events, fprint::DeviceEventKind::Removed, VirtualFingerprintDevice::kImageDriver));
    ASSERT_EQ(s.context.devices().size(), 1u);
    EXPECT_EQ(s.context.devices()[0].driver, VirtualFingerprintDevice::kImageDriver);
}

TEST(FprintScripted, CancelDuringAWaitingVerifyIsCancelledAndTheSensorStaysUsable) {
    Sensors s;
    auto device = s.openScripted();
    const auto stored = enrolScripted(s.fixture, device, "zhang");
    std::promise<void> waiting;
    std::thread ui([&device, ready = waiting.get_future()]() mutable {
        ready.wait();
        device.cancel();
    });
    EXPECT_THROW(device.verify(stored, onceWaiting([&] { waiting.set_value(); })),
                 fprint::Cancelled);
    ui.join();
    s.fixture.scan("zhang");
    EXPECT_EQ(device.verify(stored).outcome, Outcome::Match);
}

TEST(FprintScripted, DeviceErrorsAreTyped) {
    Sensors s;
    auto device = s.openScripted();
    const auto stored = enrolScripted(s.fixture, device, "zhang");
    auto expectError = [&](int code, fprint::ErrorCode want) {
        s.fixture.error(code);
        try {
            device.verify(stored);
            ADD_FAILURE() << "ERROR " << code << " gave a result";
        } catch (const fprint::Error& e) {
            EXPECT_EQ(e.code(), want) << "ERROR " << code << ": " << e.what();
        }
    };
    expectError(FP_DEVICE_ERROR_PROTO, fprint::ErrorCode::ProtocolError);
    expectError(FP_DEVICE_ERROR_BUSY, fprint::ErrorCode::DeviceBusy);
    expectError(FP_DEVICE_ERROR_GENERAL, fprint::ErrorCode::DeviceFailure);
    expectError(FP_DEVICE_ERROR_NOT_SUPPORTED, fprint::ErrorCode::NotSupported);
    expectError(FP_DEVICE_ERROR_DATA_INVALID, fprint::ErrorCode::InvalidData);
    expectError(FP_DEVICE_ERROR_DATA_NOT_FOUND, fprint::ErrorCode::StorageError);
    expectError(FP_DEVICE_ERROR_TOO_HOT, fprint::ErrorCode::DeviceTooHot);
    // The typed class, not only the code.
    s.fixture.error(FP_DEVICE_ERROR_PROTO);
    EXPECT_THROW(device.verify(stored), fprint::ProtocolError);
    // Still usable after all that.
    s.fixture.scan("zhang");
    EXPECT_EQ(device.verify(stored).outcome, Outcome::Match);
}

// ---------------------------------------------------------------- compatibility

TEST(FprintCompatibility, PrintOfAnotherSensorTypeIsRefusedBeforeScanning) {
    Sensors s;
    fprint::Print stored = [&] {
        auto scripted = s.openScripted();
        return enrolScripted(s.fixture, scripted, "zhang");
    }();
    EXPECT_EQ(stored.driver(), VirtualFingerprintDevice::kDeviceDriver);

    auto image = s.openImage();
    EXPECT_EQ(image.compatibility(stored), fprint::Compatibility::OtherDriver);
    EXPECT_EQ(image.compatibility(stored.serialize()), fprint::Compatibility::OtherDriver);

    int statusEvents = 0;
    fprint::ScanCallbacks callbacks;
    callbacks.fingerStatus = [&](const fprint::FingerStatus&) { ++statusEvents; };
    const auto result = image.verify(stored, callbacks);
    EXPECT_EQ(result.outcome, Outcome::Incompatible);
    EXPECT_EQ(result.compatibility, fprint::Compatibility::OtherDriver);
    EXPECT_EQ(statusEvents, 0) << "the sensor was asked for a finger";

    fprint::VerifySession session;
    EXPECT_EQ(session.record(result), fprint::Guidance::GoToCounter);
    EXPECT_EQ(session.counterReason(), fprint::CounterReason::IncompatibleTemplate);
}

TEST(FprintCompatibility, GarbageIsUnreadableBeforeScanning) {
    Sensors s;
    auto device = s.openImage();
    const std::vector<std::uint8_t> garbage = {'F',  'P',  '3',  0x00, 0x13,
                                               0x37, 0xde, 0xad, 0xbe, 0xef};
    EXPECT_EQ(device.compatibility(garbage), fprint::Compatibility::Unreadable);
    EXPECT_EQ(device.compatibility(std::vector<std::uint8_t>{}), fprint::Compatibility::Unreadable);
    EXPECT_THROW(fprint::Print::deserialize(garbage), fprint::InvalidData);
}

TEST(FprintCompatibility, ScriptedPrintRoundTripsSmall) {
    Sensors s;
    auto device = s.openScripted();
    const auto stored = enrolScripted(s.fixture, device, "zhang");
    const auto& bytes = stored.serialize();
    EXPECT_LT(bytes.size(), 200u);
    const auto restored = fprint::Print::deserialize(bytes);
    EXPECT_EQ(restored.serialize(), bytes);
    EXPECT_EQ(restored.finger(), fprint::Finger::LeftThumb);
    EXPECT_EQ(device.compatibility(restored), fprint::Compatibility::Compatible);
    s.fixture.scan("zhang");
    const auto result = device.verify(restored);
    EXPECT_EQ(result.outcome, Outcome::Match);
    ASSERT_TRUE(result.matched);
    EXPECT_EQ(result.matched->serialize(), bytes);
}

// ---------------------------------------------------------------- the error mapping

// The virtual drivers cannot produce every GError (virtual_device has no timeout in 1.94.5,
// USB errors need USB), so the one mapping is also checked against the errors themselves.
TEST(FprintErrors, EveryLibfprintErrorMapsToItsType) {
    const GQuark usb = g_quark_from_static_string("g-usb-device-error-quark");
    struct Case {
        GQuark domain;
        int code;
        fprint::ErrorCode want;
    };
    const Case cases[] = {
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_GENERAL, fprint::ErrorCode::DeviceFailure},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_NOT_SUPPORTED, fprint::ErrorCode::NotSupported},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_NOT_OPEN, fprint::ErrorCode::DeviceFailure},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_ALREADY_OPEN, fprint::ErrorCode::DeviceBusy},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_BUSY, fprint::ErrorCode::DeviceBusy},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_PROTO, fprint::ErrorCode::ProtocolError},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_DATA_INVALID, fprint::ErrorCode::InvalidData},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_DATA_NOT_FOUND, fprint::ErrorCode::StorageError},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_DATA_FULL, fprint::ErrorCode::StorageError},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_DATA_DUPLICATE, fprint::ErrorCode::StorageError},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_REMOVED, fprint::ErrorCode::DeviceRemoved},
        {FP_DEVICE_ERROR, FP_DEVICE_ERROR_TOO_HOT, fprint::ErrorCode::DeviceTooHot},
        {G_IO_ERROR, G_IO_ERROR_CANCELLED, fprint::ErrorCode::Cancelled},
        {G_IO_ERROR, G_IO_ERROR_TIMED_OUT, fprint::ErrorCode::Timeout},
        {G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, fprint::ErrorCode::AccessDenied},
        {G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, fprint::ErrorCode::ProtocolError},
        {usb, 2 /* TIMED_OUT */, fprint::ErrorCode::Timeout},
        {usb, 4 /* NO_DEVICE */, fprint::ErrorCode::DeviceRemoved},
        {usb, 7 /* CANCELLED */, fprint::ErrorCode::Cancelled},
        {usb, 1 /* IO */, fprint::ErrorCode::ProtocolError},
        {usb, 9 /* PERMISSION_DENIED */, fprint::ErrorCode::AccessDenied},
        {usb, 10 /* BUSY */, fprint::ErrorCode::DeviceBusy},
    };
    for (const auto& c : cases) {
        GError* error = g_error_new_literal(c.domain, c.code, "test");
        const auto failure = fprint::detail::describe(error, "fp_test");
        g_error_free(error);
        EXPECT_EQ(failure.code, c.want) << failure.message;
        EXPECT_THAT(failure.message, ::testing::HasSubstr("fp_test"));
        try {
            fprint::detail::raise(failure);
        } catch (const fprint::Error& e) {
            EXPECT_EQ(e.code(), c.want);
        }
    }
    EXPECT_THROW(fprint::detail::raise(fprint::ErrorCode::Timeout, "t"), fprint::Timeout);
    EXPECT_THROW(fprint::detail::raise(fprint::ErrorCode::DeviceRemoved, "r"),
                 fprint::DeviceRemoved);
    EXPECT_THROW(fprint::detail::raise(fprint::ErrorCode::NoDevice, "n"), fprint::NoDevice);
    GError* retry = g_error_new_literal(FP_DEVICE_RETRY, FP_DEVICE_RETRY_CENTER_FINGER, "centre");
    EXPECT_EQ(fprint::detail::retryReason(retry), fprint::RetryReason::CentreFinger);
    g_error_free(retry);
}

// ---------------------------------------------------------------- the session policy alone

TEST(FprintVerifySession, AllowsThreeFailedScansByDefault) {
    fprint::VerifySession session;
    fprint::VerifyResult noMatch;
    noMatch.outcome = Outcome::NoMatch;
    fprint::VerifyResult retry;
    retry.outcome = Outcome::Retry;
    retry.retry = fprint::RetryReason::TooShort;
    EXPECT_EQ(session.scansLeft(), 3);
    EXPECT_EQ(session.record(retry), fprint::Guidance::ScanAgain);
    EXPECT_EQ(session.record(noMatch), fprint::Guidance::ScanAgain);
    EXPECT_EQ(session.record(retry), fprint::Guidance::GoToCounter);
    EXPECT_EQ(session.counterReason(), fprint::CounterReason::FailedScans);
    EXPECT_THROW(fprint::VerifySession(0), std::invalid_argument);
}

TEST(FprintVerifySession, NoFingerInTimeIsNotAFailedScanButABrokenSensorEndsIt) {
    fprint::VerifySession session;
    EXPECT_EQ(session.record(fprint::Timeout(fprint::ErrorCode::Timeout, "no finger")),
              fprint::Guidance::ScanAgain);
    EXPECT_EQ(session.failedScans(), 0);
    EXPECT_EQ(session.record(fprint::ProtocolError(fprint::ErrorCode::ProtocolError, "usb")),
              fprint::Guidance::GoToCounter);
    EXPECT_EQ(session.counterReason(), fprint::CounterReason::SensorFault);
}
