// The terminal's rule for one pension certification by fingerprint: up to three failed scans
// per session, then the person is sent to the counter — never a silent failure. A template
// from another sensor type, or a sensor that stopped working, sends them there at once.
// Pure policy: fed with what Device::verify() returned or threw, it says what to show next.
#pragma once

#include "drivers/fprint/fprint.hpp"

namespace renshe::drivers::fprint {

enum class Guidance {
    Certified,    // the finger matched: record the result (driver, device id, print)
    ScanAgain,    // place the finger again (the result says why: retry reason or no match)
    GoToCounter,  // no more scans at this terminal: see counterReason()
};
const char* toString(Guidance guidance);

enum class CounterReason {
    None,
    FailedScans,           // the allowed number of scans failed
    IncompatibleTemplate,  // enrolled on another kind of sensor (or the template is unreadable)
    SensorFault,           // the sensor was unplugged or broke
};
const char* toString(CounterReason reason);

class VerifySession {
public:
    static constexpr int kMaxFailedScans = 3;

    explicit VerifySession(int maxFailedScans = kMaxFailedScans);

    // A verify() that returned. NoMatch and Retry count as failed scans; Match certifies;
    // Incompatible ends the session at once. Once the session is over, its final guidance is
    // returned and nothing more is counted.
    Guidance record(const VerifyResult& result);
    // A verify() that threw. Cancelled and Timeout (nobody put a finger on) are not scans and
    // change nothing; any other error is a sensor fault that ends the session.
    Guidance record(const Error& error);

    Guidance guidance() const noexcept { return m_guidance; }
    CounterReason counterReason() const noexcept { return m_reason; }
    int failedScans() const noexcept { return m_failed; }
    int scansLeft() const noexcept;
    bool finished() const noexcept { return m_guidance != Guidance::ScanAgain; }

private:
    Guidance endAtCounter(CounterReason reason);

    int m_max;
    int m_failed = 0;
    Guidance m_guidance = Guidance::ScanAgain;
    CounterReason m_reason = CounterReason::None;
};

}  // namespace renshe::drivers::fprint
