// The statement verification page's HTML (server/verify_page.hpp serves it): a small Chinese
// page saying whether a statement is valid and what it certifies, with the holder masked as on
// the paper — nothing the paper does not show.
#pragma once

#include <string>
#include <string_view>

#include "services/backoffice/records/statements.hpp"

namespace renshe::services::backoffice::records {

// The Chinese name of a statement kind (参保证明 …).
std::string_view statementKindName(int kind);

// The page for a checked pair (`number` as asked, shown only when it is well formed).
std::string verifyPageHtml(const StatementCheck& check, std::string_view number);
// The page with the form to type a number and check code in (GET /verify without them).
std::string verifyFormHtml();
// The page that says "too many requests, try again in N seconds".
std::string verifyBusyHtml(int retryAfterSeconds);
// The page that says the check cannot be made now (the database is unreachable).
std::string verifyUnavailableHtml();

}  // namespace renshe::services::backoffice::records
