// What RecordsService's reads and statements share: whose records a request is about, and the
// records as the contract's messages.
#pragma once

#include "renshe/v1/records.pb.h"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/records/records_store.hpp"
#include "services/backoffice/rpc/caller.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice::records {

// Whose records: the card's holder (a touch terminal, the card ACTIVE, its PIN verified within
// `pinMaxAgeSeconds`, the holder in the terminal's region), the person whose finger matched on
// the terminal's sensor (FingerprintHolderProof: a touch terminal, the person in its region,
// the match recorded by it for purpose RECORDS and still fresh) or the person of an ID number
// (staff of their region). Sets the audit subject. Throws Refused.
PersonRow holderOf(store::Tx& tx, const Caller& caller, const renshe::v1::RecordsSubject& subject,
                   Subject& audit, std::int64_t now, std::int64_t pinMaxAgeSeconds);

// Each insurance type of the person with its status by the China month `thisMonth` (YYYYMM),
// in type order; `through` gets the latest month any record has ("" when none).
void summarise(store::Tx& tx, const std::string& ssn, int thisMonth,
               google::protobuf::RepeatedPtrField<renshe::v1::InsuranceSummary>* out,
               std::string* through);

void toProto(const ContributionRow& row, renshe::v1::Contribution* out);
void toProto(const PaymentRow& row, renshe::v1::BenefitPayment* out);

}  // namespace renshe::services::backoffice::records
