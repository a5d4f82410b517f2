#include "services/backoffice/certification/checks.hpp"

#include <algorithm>

namespace renshe::services::backoffice::checks {

using namespace renshe::v1;

namespace {

constexpr std::size_t kMaxDriverChars = 64;
constexpr std::size_t kMaxDeviceIdChars = 128;

Result checkDevice(bool present, const DeviceIdentity& d, const std::string& field) {
    if (!present || d.driver().empty())
        return Refusal::malformed(field + ".driver is missing");
    if (d.driver().size() > kMaxDriverChars || !isPrintableAscii(d.driver())) {
        return Refusal::malformed(field + ".driver is malformed");
    }
    if (d.device_id().size() > kMaxDeviceIdChars || !isPrintableAscii(d.device_id())) {
        return Refusal::malformed(field + ".device_id is malformed");
    }
    return std::nullopt;
}

Result checkFinger(int finger) {
    if (finger == FINGER_UNSPECIFIED || !Finger_IsValid(finger))
        return Refusal::malformed("finger is missing");
    return std::nullopt;
}

Result checkPurpose(int purpose) {
    if (purpose == VERIFICATION_PURPOSE_UNSPECIFIED || !VerificationPurpose_IsValid(purpose)) {
        return Refusal::malformed("purpose is missing");
    }
    return std::nullopt;
}

Result checkScanTime(bool present, const google::protobuf::Timestamp& t, const std::string& field) {
    if (present && (t.seconds() < 0 || t.seconds() > kMaxTimestampSeconds || t.nanos() < 0 ||
                    t.nanos() > 999'999'999)) {
        return Refusal::malformed(field + " is out of range");
    }
    return std::nullopt;
}

}  // namespace

Result check(const GetCertificationStatusRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkPersonRef(r.has_person(), r.person()); });
}

Result check(const GetTemplatesForVerifyRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkPersonRef(r.has_person(), r.person()); },
                   [&] { return checkPurpose(r.purpose()); },
                   [&] { return checkDevice(r.has_sensor(), r.sensor(), "sensor"); });
}

Result check(const RecordVerificationResultRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkPersonRef(r.has_person(), r.person()); },
        [&] { return checkPurpose(r.purpose()); }, [&] { return checkFinger(r.finger()); },
        [&]() -> Result {
            if (r.attempt() < 1 || r.attempt() > kAttemptsPerSession) {
                return Refusal::malformed("attempt is not between 1 and 3");
            }
            return std::nullopt;
        },
        [&] { return checkDevice(r.has_device(), r.device(), "device"); },
        [&] {
            return checkScanTime(r.has_scan_started_at(), r.scan_started_at(), "scan_started_at");
        },
        [&] { return checkScanTime(r.has_scanned_at(), r.scanned_at(), "scanned_at"); },
        [&]() -> Result {
            // Present or not is the ticket check's business (VERIFICATION_STALE), after the
            // caller's role and region; here only its form.
            const std::string& t = r.ticket();
            if ((!t.empty() && t.size() != 32) || !std::all_of(t.begin(), t.end(), [](char c) {
                    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                })) {
                return Refusal::malformed("ticket is not 32 lower-case hex digits");
            }
            return std::nullopt;
        });
}

Result check(const EnrollFingerprintRequest& r) {
    return firstOf([&] { return tooLarge(r, kMaxPrintBytes + kMaxRequestBytes); },
                   [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkPersonRef(r.has_person(), r.person()); },
                   [&] { return checkFinger(r.finger()); },
                   [&]() -> Result {
                       if (r.serialized_print().empty())
                           return Refusal::malformed("serialized_print is empty");
                       if (r.serialized_print().size() > kMaxPrintBytes) {
                           return Refusal::malformed("serialized_print is too large");
                       }
                       return std::nullopt;
                   },
                   [&] { return checkDevice(r.has_device(), r.device(), "device"); },
                   [&] { return checkText(r.reason(), 600, "reason", false); });
}

}  // namespace renshe::services::backoffice::checks
