#pragma once

#include <string_view>

namespace renshe::drivers::pcsc::detail {

// Throws the typed error for a PC/SC return code; `call` names the SCard function.
[[noreturn]] void throwForCode(long code, std::string_view call);

// Calls throwForCode unless code is SCARD_S_SUCCESS.
void check(long code, std::string_view call);

}  // namespace renshe::drivers::pcsc::detail
