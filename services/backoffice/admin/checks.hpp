// Form checks of the AdminService requests (proto/renshe/v1/admin.proto), built from the shared
// checks of checks/checks.hpp: what the request says about itself, nothing the database knows.
#pragma once

#include "renshe/v1/admin.pb.h"
#include "services/backoffice/checks/checks.hpp"

namespace renshe::services::backoffice::checks {

Result check(const renshe::v1::RegisterPersonRequest& request);
Result check(const renshe::v1::IssueCardRequest& request);
Result check(const renshe::v1::ImportRegistryRequest& request);
Result check(const renshe::v1::CardOperationRequest& request);
Result check(const renshe::v1::UpsertServicePointRequest& request);
Result check(const renshe::v1::ListServicePointsRequest& request);
Result check(const renshe::v1::EnrollTerminalRequest& request);
Result check(const renshe::v1::RegisterTerminalsRequest& request);
Result check(const renshe::v1::RevokeTerminalRequest& request);
Result check(const renshe::v1::ListEnrolmentsRequest& request);
Result check(const renshe::v1::QueryAuditRequest& request);
Result check(const renshe::v1::VerifyAuditChainRequest& request);
Result check(const renshe::v1::GetPersonRequest& request);

}  // namespace renshe::services::backoffice::checks
