// Form checks of ApplicationService and FeedbackService requests (applications.proto), built
// from checks/checks.hpp. `today` (YYYYMMDD, China) is what "in the future" means.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "renshe/v1/applications.pb.h"
#include "services/backoffice/checks/checks.hpp"

namespace renshe::services::backoffice::checks {

inline constexpr std::size_t kApplicationNumberDigits = 14;

// A mainland mobile number: 11 digits, 1 then 3-9.
bool isMobilePhone(std::string_view phone);
// The number as stored (14 digits), ignoring spaces and dashes; nullopt when it is not one.
std::optional<std::string> normalizeApplicationNumber(std::string_view number);

Result check(const renshe::v1::SubmitApplicationRequest& request, int today);
Result check(const renshe::v1::GetApplicationStatusRequest& request);
Result check(const renshe::v1::ListMyApplicationsRequest& request);
Result check(const renshe::v1::ListApplicationsRequest& request);
Result check(const renshe::v1::GetApplicationRequest& request);
Result check(const renshe::v1::ClaimApplicationRequest& request);
Result check(const renshe::v1::DecideApplicationRequest& request);
Result check(const renshe::v1::AddApplicationNoteRequest& request);
Result check(const renshe::v1::ListFreeSlotsRequest& request);
Result check(const renshe::v1::SetSlotCapacityRequest& request);
Result check(const renshe::v1::SetCalendarRequest& request);
Result check(const renshe::v1::GetCalendarRequest& request);
Result check(const renshe::v1::SubmitRatingRequest& request);
Result check(const renshe::v1::RatingsReportRequest& request);
Result check(const renshe::v1::RaiseHelpRequestRequest& request);
Result check(const renshe::v1::ListHelpRequestsRequest& request);
Result check(const renshe::v1::AnswerHelpRequestRequest& request);

}  // namespace renshe::services::backoffice::checks
