#include "services/backoffice/jobs/job_walk.hpp"

#include <limits>

namespace renshe::services::backoffice::jobs {

namespace {

// The bounds of a region prefix as parameters: "$n" of the lower one, and of the upper one
// ("" when there is none: a prefix of nines).
struct RegionBounds {
    std::string lower, upper;

    std::string sql(const std::string& column) const {
        if (lower.empty())
            return {};
        std::string where = " AND " + column + " >= " + lower;
        if (!upper.empty())
            where += " AND " + column + " < " + upper;
        return where;
    }
};

RegionBounds bindBounds(const std::string& prefix, std::vector<store::Value>& params) {
    RegionBounds b;
    if (prefix.empty())
        return b;
    params.emplace_back(prefix);
    b.lower = "$" + std::to_string(params.size());
    std::string upper = prefix;
    while (!upper.empty() && upper.back() == '9')
        upper.pop_back();
    if (!upper.empty()) {
        ++upper.back();
        params.emplace_back(upper);
        b.upper = "$" + std::to_string(params.size());
    }
    return b;
}

constexpr std::size_t kCountyDigits = 6;

}  // namespace

std::string regionRangeSql(const std::string& column, const std::string& prefix,
                           std::vector<store::Value>& params) {
    return bindBounds(prefix, params).sql(column);
}

std::string rarestTerm(store::Tx& tx, const std::vector<std::string>& terms,
                       const std::string& prefix) {
    std::string best = terms.front();
    if (terms.size() == 1)
        return best;
    std::int64_t fewest = std::numeric_limits<std::int64_t>::max();
    constexpr std::size_t kMaxCounted = 6;
    for (std::size_t i = 0; i < terms.size() && i < kMaxCounted; ++i) {
        std::vector<store::Value> countParams{terms[i]};
        const std::string where = "term = $1" + regionRangeSql("region", prefix, countParams);
        const auto row = tx.queryOne(
            "SELECT COUNT(*) FROM (SELECT 1 FROM job_search WHERE " + where + " LIMIT 5000) AS c",
            countParams);
        if (row && row->integer(0) < fewest) {
            fewest = row->integer(0);
            best = terms[i];
        }
    }
    return best;
}

std::optional<std::vector<std::string>> regionsUnder(store::Tx& tx, const std::string& prefix,
                                                     const std::optional<std::string>& term,
                                                     std::size_t limit) {
    if (prefix.size() < kCountyDigits)
        return std::nullopt;
    std::vector<store::Value> params;
    if (term)
        params.emplace_back(*term);
    const std::string table = term ? "job_search" : "jobs";
    const auto termIs = [&](const std::string& alias) {
        return term ? alias + "term = $1" : std::string("1 = 1");
    };
    const RegionBounds bounds = bindBounds(prefix, params);
    params.emplace_back(static_cast<std::int64_t>(limit));
    const std::string cap = "$" + std::to_string(params.size());
    // A skip scan written out: each step seeks the next region after the last one found, so a
    // county of ten townships costs eleven seeks whatever their postings number. The count
    // column stops the walk one region past the limit (LIMIT is not allowed in a recursive
    // PostgreSQL query).
    const auto rows = tx.query(
        "WITH RECURSIVE r(region, n) AS (SELECT (SELECT MIN(region) FROM " + table + " WHERE " +
            termIs("") + bounds.sql("region") +
            "), 1 UNION ALL SELECT (SELECT MIN(s.region) FROM " + table + " s WHERE " +
            termIs("s.") + bounds.sql("s.region") +
            " AND s.region > r.region), r.n + 1 FROM r WHERE r.region IS NOT NULL AND r.n <= " +
            cap + ") SELECT region FROM r WHERE region IS NOT NULL",
        params);
    if (rows.size() > limit)
        return std::nullopt;
    std::vector<std::string> regions;
    regions.reserve(rows.size());
    for (const auto& r : rows)
        regions.push_back(r.text(0));
    return regions;
}

}  // namespace renshe::services::backoffice::jobs
