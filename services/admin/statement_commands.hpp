// renshe-admin records statement | verify | withdraw: statements (证明) at the counter. The
// PDF of `statement` is drawn by the kiosk's own renderer (renshe-statement-pdf, Qt), run as
// a program so this tool stays free of Qt: the counter prints the same document the terminal
// does.
#pragma once

#include <string>

#include "services/admin/cli_support.hpp"

namespace renshe::services::admin {

std::string statementUsage();
// 0 done, 1 refused or failed, 2 usage.
int issueStatementCommand(cli::Args& args, const cli::Connection& connection,
                          const std::string& what);
int verifyStatementCommand(cli::Args& args, const cli::Connection& connection,
                           const std::string& what);
int withdrawStatementCommand(cli::Args& args, const cli::Connection& connection,
                             const std::string& what);

}  // namespace renshe::services::admin
