// Form checks of the CertificationService requests (proto/renshe/v1/certification.proto), built
// from the shared checks of checks/checks.hpp.
#pragma once

#include <cstddef>

#include "renshe/v1/certification.pb.h"
#include "services/backoffice/checks/checks.hpp"

namespace renshe::services::backoffice::checks {

// Fingerprint scans per certification session (RecordVerificationResultRequest.attempt).
inline constexpr int kAttemptsPerSession = 3;
// EnrollFingerprintRequest.serialized_print (libfprint's serialized FpPrint).
inline constexpr std::size_t kMaxPrintBytes = 256 * 1024;

Result check(const renshe::v1::GetCertificationStatusRequest& request);
Result check(const renshe::v1::GetTemplatesForVerifyRequest& request);
Result check(const renshe::v1::RecordVerificationResultRequest& request);
Result check(const renshe::v1::EnrollFingerprintRequest& request);

}  // namespace renshe::services::backoffice::checks
