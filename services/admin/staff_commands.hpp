// The renshe-admin commands that talk to the back office with a staff certificate.
#pragma once

#include <string>
#include <vector>

namespace renshe::services::admin {

// Connection flags (--server, --ca, --cert, --key; or RENSHE_SERVER, RENSHE_CA, RENSHE_CERT,
// RENSHE_KEY in the environment) are taken from `args` wherever they appear.
// Returns the process exit code: 0 done, 1 refused or failed, 2 usage.
int runStaffCommand(const std::vector<std::string>& args);

std::string staffUsage();

}  // namespace renshe::services::admin
