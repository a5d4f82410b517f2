// 证明 numbers and check codes as people type them off paper (spaces, dashes, lower case):
// pure functions, shared by the service, the verification page and its fuzz target.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace renshe::services::backoffice::records {

// The alphabet of check codes: 32 symbols, no 0/O or 1/I.
inline constexpr std::string_view kCheckCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
inline constexpr std::size_t kCheckCodeChars = 8;
inline constexpr std::size_t kStatementNumberDigits = 18;

// The number as stored (18 digits), ignoring spaces and dashes; nullopt when it is not one.
std::optional<std::string> normalizeStatementNumber(std::string_view number);
// The code as stored (upper case, no spaces or dashes); nullopt when it is not 8 characters of
// the alphabet.
std::optional<std::string> normalizeCheckCode(std::string_view code);

}  // namespace renshe::services::backoffice::records
