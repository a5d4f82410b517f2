// How a job search walks the job_search index (migration 0008, keyed (term, region, posted_at,
// job_id)) and the jobs table's (region, posted_at, id) index: the region bounds of a prefix,
// the term to start from, and the regions under a prefix, so that a county-wide search can
// merge each township's postings newest first instead of sorting all of them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "services/store/store.hpp"

namespace renshe::services::backoffice::jobs {

// " AND column >= $n AND column < $m" for the codes starting with `prefix` ("371302" →
// ["371302", "371303")), so that both databases answer a region prefix from an index whatever
// their collation; "" for no prefix. Appends the bounds to `params`.
std::string regionRangeSql(const std::string& column, const std::string& prefix,
                           std::vector<store::Value>& params);

// The term among `terms` with the fewest postings under `prefix` (counted up to a cap: only
// the order matters), where a keyword search starts its walk.
std::string rarestTerm(store::Tx& tx, const std::vector<std::string>& terms,
                       const std::string& prefix);

// The distinct regions under `prefix` that hold postings indexed by `term` (any posting, open or
// not, when `term` is nullopt), in order; one index seek each. nullopt when there are more than
// `limit`, or when the prefix is shorter than a county's six digits (a city or the province
// holds hundreds of townships): the caller then reads the prefix's range and sorts it.
std::optional<std::vector<std::string>> regionsUnder(store::Tx& tx, const std::string& prefix,
                                                     const std::optional<std::string>& term,
                                                     std::size_t limit);

}  // namespace renshe::services::backoffice::jobs
