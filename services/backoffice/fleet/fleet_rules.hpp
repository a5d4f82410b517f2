// What the fleet RPCs (fleet/terminal_service.cpp, admin/service_points.cpp) share: the region a
// staff listing covers, keyset page tokens, staleness, areas as stored, random ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "renshe/v1/common.pb.h"
#include "services/backoffice/rpc/caller.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice::fleet {

inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 100;

// The region prefix a staff listing covers: the caller's own region when none is asked (empty
// = province-wide for an operator without one), otherwise the asked prefix, which must lie
// inside the caller's region (a broader one is refused with OUTSIDE_REGION, not narrowed).
std::string listingPrefix(const Caller& caller, const std::string& requested);

// A region prefix as a request may give it: up to 12 digits.
bool isRegionPrefix(std::string_view s);

// Terminal ids, asset numbers, service point ids and page tokens: 1-64 characters of
// A-Z a-z 0-9 '-' '_' '.'.
bool isPlainId(std::string_view s);

// Page size of a request (0 = default 20); page tokens of the fleet listings are the last id
// shown (keyset paging on the id), so rows added meanwhile are neither repeated nor skipped.
int pageSize(const renshe::v1::PageRequest& page);

// No heartbeat for this long (µs) = stale: the configured threshold, or 3 intervals.
std::int64_t staleAfterMicros(const Policy& policy);

// Areas are stored as whole cm² (the store knows no floating point).
std::int64_t areaToCm2(double m2);
double areaFromCm2(std::int64_t cm2);

// `bytes` random bytes as lower-case hex (OpenSSL's CSPRNG).
std::string randomHex(std::size_t bytes);

// "40 s", "12 min", "5 h", "3 d": how long something has been silent, for reasons and logs.
std::string durationText(std::int64_t micros);

// Valid UTF-8 without control characters, at most `maxBytes` bytes.
bool isCleanText(std::string_view s, std::size_t maxBytes);

}  // namespace renshe::services::backoffice::fleet
