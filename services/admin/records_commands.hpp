// renshe-admin records …: loading a county's insurance records (参保信息) into the back office's
// embedded records provider, and reading a person's records at the counter.
#pragma once

#include <string>
#include <vector>

namespace renshe::services::admin {

// 0 done, 1 refused or rows rejected, 2 usage (also: not one of these commands).
int runRecordsCommand(const std::vector<std::string>& args);

std::string recordsUsage();

}  // namespace renshe::services::admin
