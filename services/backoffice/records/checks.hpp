// Form checks of the RecordsService requests (proto/renshe/v1/records.proto), built from the
// shared checks of checks/checks.hpp.
#pragma once

#include "renshe/v1/records.pb.h"
#include "services/backoffice/checks/checks.hpp"

namespace renshe::services::backoffice::checks {

Result check(const renshe::v1::GetInsuranceSummaryRequest& request);
Result check(const renshe::v1::ListContributionsRequest& request);
Result check(const renshe::v1::ListBenefitPaymentsRequest& request);
Result check(const renshe::v1::BeginRecordsImportRequest& request);
Result check(const renshe::v1::AppendRecordsImportRequest& request);
Result check(const renshe::v1::CommitRecordsImportRequest& request);
Result check(const renshe::v1::IssueStatementRequest& request);
Result check(const renshe::v1::VerifyStatementRequest& request);
Result check(const renshe::v1::WithdrawStatementRequest& request);

}  // namespace renshe::services::backoffice::checks
