// The pension certification cycle (养老金资格认证): a person's state derived from the stored
// first pension payment and their certifications, never stored itself.
#pragma once

#include <cstdint>
#include <string>

#include "renshe/v1/certification.pb.h"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

struct Certification {
    renshe::v1::CertificationState state = renshe::v1::CERTIFICATION_STATE_NOT_REQUIRED;
    renshe::v1::PensionStatus pension = renshe::v1::PENSION_STATUS_NONE;
    std::int64_t deadline = 0;   // OVERDUE from this instant
    std::int64_t dueFrom = 0;    // DUE from this instant
    std::string certifiedUntil;  // YYYYMMDD: the cycle's last day (China time)
    std::int64_t lastCertifiedAt = 0;
};

// The state of `person` at `now` (µs): not required without a pension that has started;
// else certified, due (the cycle's last month) or overdue (pension suspended).
Certification certificationOf(store::Tx& tx, const Policy& policy, const PersonRow& person,
                              std::int64_t now);

}  // namespace renshe::services::backoffice
