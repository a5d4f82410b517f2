// JSON string escaping for the few places that write JSON by hand (structured log lines,
// renshe-card --json): quotes, backslashes and control characters escaped, UTF-8 kept.
#pragma once

#include <string>
#include <string_view>

namespace renshe::util {

// The JSON-escaped contents of `s`, without the surrounding quotes.
std::string jsonEscape(std::string_view s);

}  // namespace renshe::util
