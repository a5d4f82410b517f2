#include "services/backoffice/records/records_store.hpp"

namespace renshe::services::backoffice::records {

namespace {
int asInt(std::int64_t v) {
    return static_cast<int>(v);
}
}  // namespace

std::vector<TypeTotals> typeTotals(store::Tx& tx, const std::string& ssn) {
    std::vector<TypeTotals> out;
    for (const auto& r :
         tx.query("SELECT insurance_type, MIN(month), MAX(month), "
                  "MAX(CASE WHEN paid = 1 THEN month ELSE 0 END), SUM(paid), SUM(1 - paid) "
                  "FROM record_contributions WHERE ssn = $1 GROUP BY insurance_type "
                  "ORDER BY insurance_type",
                  {ssn})) {
        TypeTotals t;
        t.type = asInt(r.integer(0));
        t.firstMonth = asInt(r.integer(1));
        t.latestMonth = asInt(r.integer(2));
        t.latestPaidMonth = asInt(r.integer(3));
        t.paidMonths = asInt(r.integer(4));
        t.owedMonths = asInt(r.integer(5));
        out.push_back(t);
    }
    for (auto& t : out) {
        const auto base = tx.queryOne(
            "SELECT base_fen FROM record_contributions WHERE ssn = $1 AND month = $2 "
            "AND insurance_type = $3",
            {ssn, std::int64_t{t.latestMonth}, std::int64_t{t.type}});
        t.latestBaseFen = base ? base->integer(0) : 0;
    }
    return out;
}

std::vector<std::pair<int, int>> latestBenefitMonths(store::Tx& tx, const std::string& ssn) {
    std::vector<std::pair<int, int>> out;
    for (const auto& r : tx.query("SELECT kind, MAX(month) FROM record_payments WHERE ssn = $1 "
                                  "GROUP BY kind ORDER BY kind",
                                  {ssn}))
        out.emplace_back(asInt(r.integer(0)), asInt(r.integer(1)));
    return out;
}

std::vector<ContributionRow> contributions(store::Tx& tx, const std::string& ssn, int fromMonth,
                                           int toMonth, int type, int afterMonth, int afterType,
                                           int limit) {
    const std::string columns =
        "SELECT month, insurance_type, base_fen, personal_fen, employer_fen, paid, payer "
        "FROM record_contributions WHERE ssn = $1 AND month >= $2 AND month <= $3 "
        "AND (month > $4 OR (month = $4 AND insurance_type > $5)) ";
    std::vector<store::Value> params{ssn,
                                     std::int64_t{fromMonth},
                                     std::int64_t{toMonth},
                                     std::int64_t{afterMonth},
                                     std::int64_t{afterType},
                                     std::int64_t{limit}};
    std::string sql = columns;
    if (type != 0) {
        sql += "AND insurance_type = $7 ";
        params.emplace_back(std::int64_t{type});
    }
    sql += "ORDER BY month, insurance_type LIMIT $6";
    std::vector<ContributionRow> out;
    for (const auto& r : tx.query(sql, params)) {
        ContributionRow c;
        c.month = asInt(r.integer(0));
        c.type = asInt(r.integer(1));
        c.baseFen = r.integer(2);
        c.personalFen = r.integer(3);
        c.employerFen = r.integer(4);
        c.paid = r.integer(5) == 1;
        c.payer = r.text(6);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<PaymentRow> payments(store::Tx& tx, const std::string& ssn, int fromMonth, int toMonth,
                                 int afterMonth, int afterKind, int limit) {
    std::vector<PaymentRow> out;
    for (const auto& r :
         tx.query("SELECT month, kind, amount_fen, account_last4, paid_on FROM record_payments "
                  "WHERE ssn = $1 AND month >= $2 AND month <= $3 "
                  "AND (month > $4 OR (month = $4 AND kind > $5)) ORDER BY month, kind LIMIT $6",
                  {ssn, std::int64_t{fromMonth}, std::int64_t{toMonth}, std::int64_t{afterMonth},
                   std::int64_t{afterKind}, std::int64_t{limit}})) {
        PaymentRow p;
        p.month = asInt(r.integer(0));
        p.kind = asInt(r.integer(1));
        p.amountFen = r.integer(2);
        p.accountLast4 = r.text(3);
        p.paidOn = asInt(r.integer(4));
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace renshe::services::backoffice::records
