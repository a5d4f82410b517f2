// Form checks of every CardService request (proto/renshe/v1/card.proto), built from the shared
// checks of checks/checks.hpp: what the request says about itself, nothing the database knows.
#pragma once

#include "renshe/v1/card.pb.h"
#include "services/backoffice/checks/checks.hpp"

namespace renshe::services::backoffice::checks {

// The card in a reader: 16-byte identifier, 9-character number, a valid ID number.
Result checkInsertedCard(bool present, const renshe::v1::InsertedCard& card);

Result check(const renshe::v1::GetCardStatusRequest& request);
Result check(const renshe::v1::ReportPinChangedRequest& request);
Result check(const renshe::v1::SetServicePasswordRequest& request);
Result check(const renshe::v1::ReportTemporaryLossRequest& request);
Result check(const renshe::v1::UnreportLossRequest& request);
Result check(const renshe::v1::BeginPinResetRequest& request);
Result check(const renshe::v1::ComputePinResetCryptogramRequest& request);
Result check(const renshe::v1::ReportPinResetResultRequest& request);
Result check(const renshe::v1::GetCardHistoryRequest& request);

// An activation's service password once opened from its seal: 6 digits and not weak for the
// card's holder (what check(ReportPinChangedRequest) says of one sent in clear).
Result checkActivationServicePassword(std::string_view password,
                                      const renshe::v1::InsertedCard& card);

}  // namespace renshe::services::backoffice::checks
