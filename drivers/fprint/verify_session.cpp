#include "drivers/fprint/verify_session.hpp"

#include <algorithm>
#include <stdexcept>

namespace renshe::drivers::fprint {

VerifySession::VerifySession(int maxFailedScans) : m_max(maxFailedScans) {
    if (maxFailedScans < 1) {
        throw std::invalid_argument("VerifySession: at least one scan must be allowed");
    }
}

int VerifySession::scansLeft() const noexcept {
    return finished() ? 0 : std::max(0, m_max - m_failed);
}

Guidance VerifySession::endAtCounter(CounterReason reason) {
    m_reason = reason;
    m_guidance = Guidance::GoToCounter;
    return m_guidance;
}

Guidance VerifySession::record(const VerifyResult& result) {
    if (finished()) {
        return m_guidance;
    }
    switch (result.outcome) {
        case VerifyResult::Outcome::Match:
            m_guidance = Guidance::Certified;
            return m_guidance;
        case VerifyResult::Outcome::Incompatible:
            return endAtCounter(CounterReason::IncompatibleTemplate);
        case VerifyResult::Outcome::NoMatch:
        case VerifyResult::Outcome::Retry:
            break;
    }
    if (++m_failed >= m_max) {
        return endAtCounter(CounterReason::FailedScans);
    }
    return m_guidance;
}

Guidance VerifySession::record(const Error& error) {
    if (finished()) {
        return m_guidance;
    }
    switch (error.code()) {
        case ErrorCode::Cancelled:
        case ErrorCode::Timeout:
            return m_guidance;
        case ErrorCode::InvalidData:
            return endAtCounter(CounterReason::IncompatibleTemplate);
        default:
            return endAtCounter(CounterReason::SensorFault);
    }
}

const char* toString(Guidance guidance) {
    switch (guidance) {
        case Guidance::Certified:
            return "certified";
        case Guidance::ScanAgain:
            return "scan_again";
        case Guidance::GoToCounter:
            return "go_to_counter";
    }
    return "go_to_counter";
}

const char* toString(CounterReason reason) {
    switch (reason) {
        case CounterReason::None:
            return "none";
        case CounterReason::FailedScans:
            return "failed_scans";
        case CounterReason::IncompatibleTemplate:
            return "incompatible_template";
        case CounterReason::SensorFault:
            return "sensor_fault";
    }
    return "none";
}

}  // namespace renshe::drivers::fprint
