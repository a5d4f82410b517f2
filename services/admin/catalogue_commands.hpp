// renshe-admin jobs … and guides …: the public catalogues staff maintain.
#pragma once

#include <string>
#include <vector>

namespace renshe::services::admin {

// 0 done, 1 refused or rows rejected, 2 usage (also: not one of these commands).
int runCatalogueCommand(const std::vector<std::string>& args);

std::string catalogueUsage();

}  // namespace renshe::services::admin
