// The embedded records provider's tables (migration 0020): what RecordsService reads, as plain
// rows. A province's core insurance system would answer these same questions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/store/store.hpp"

namespace renshe::services::backoffice::records {

struct TypeTotals {
    int type = 0;                                              // InsuranceType
    int firstMonth = 0, latestMonth = 0, latestPaidMonth = 0;  // YYYYMM; 0 = none
    int paidMonths = 0, owedMonths = 0;
    std::int64_t latestBaseFen = 0;
};
// Per insurance type of the person, in type order.
std::vector<TypeTotals> typeTotals(store::Tx& tx, const std::string& ssn);
// The latest month paid for, per benefit kind of the person (kind, YYYYMM).
std::vector<std::pair<int, int>> latestBenefitMonths(store::Tx& tx, const std::string& ssn);

struct ContributionRow {
    int month = 0, type = 0;
    std::int64_t baseFen = 0, personalFen = 0, employerFen = 0;
    bool paid = false;
    std::string payer;
};
// The person's contributions from `fromMonth` to `toMonth` (YYYYMM, inclusive), of `type`
// (0 = any), after (afterMonth, afterType), by month then type, at most `limit`.
std::vector<ContributionRow> contributions(store::Tx& tx, const std::string& ssn, int fromMonth,
                                           int toMonth, int type, int afterMonth, int afterType,
                                           int limit);

struct PaymentRow {
    int month = 0, kind = 0;
    std::int64_t amountFen = 0;
    std::string accountLast4;
    int paidOn = 0;  // YYYYMMDD
};
std::vector<PaymentRow> payments(store::Tx& tx, const std::string& ssn, int fromMonth, int toMonth,
                                 int afterMonth, int afterKind, int limit);

}  // namespace renshe::services::backoffice::records
