// renshe-admin enroll-fingerprint: face-to-face enrolment (见面登记) at the counter with the
// sensor attached to the staff machine, sent to the back office with the staff certificate.
#pragma once

#include <string>
#include <vector>

namespace renshe::services::admin {

// 0 enrolled, 1 refused/failed, 2 usage (also: not this command).
int runFingerprintCommand(const std::vector<std::string>& args);
std::string fingerprintUsage();

}  // namespace renshe::services::admin
