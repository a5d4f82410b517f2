// renshe-admin fleet … and service-point …: the terminals operators look after, the service
// points they stand in, their equipment and the facility class check.
#pragma once

#include <string>
#include <vector>

namespace renshe::services::admin {

// 0 done (a facility check that passed), 1 refused or failed (a facility check that failed),
// 2 usage (also: not one of these commands).
int runFleetCommand(const std::vector<std::string>& args);

std::string fleetUsage();

}  // namespace renshe::services::admin
