// The query string of a URL ("n=1&c=2"), as the verification page reads it. Pure functions
// (fuzzed: tests/fuzz/verify_page_fuzz.cpp).
#pragma once

#include <string>
#include <string_view>

namespace renshe::services::backoffice {

// "a%20b+c" → "a b c"; an invalid escape is kept as it is.
std::string urlDecode(std::string_view text);
// The value of the first `name` in `query`, decoded; "" when absent.
std::string queryValue(std::string_view query, std::string_view name);

}  // namespace renshe::services::backoffice
