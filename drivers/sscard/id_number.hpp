// The citizen ID number (公民身份号码, GB 11643-1999), which is also the social security
// number (社会保障号码) on the card, and the masking rules for showing or logging personal data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace renshe::drivers::sscard {

enum class IdNumberProblem {
    WrongLength,    // not 18 characters
    NotDigits,      // a character other than 0-9 (and X in the last place)
    BadRegion,      // the 6-digit administrative division code is impossible
    BadBirthDate,   // positions 7-14 are not a real date between 1900 and today's century
    BadCheckDigit,  // the mod 11-2 check character does not match
};

// Nullopt when `id` is a well-formed 18-character ID number (lower-case x accepted).
std::optional<IdNumberProblem> validateIdNumber(std::string_view id);

// The ISO 7064 mod 11-2 check character for the first 17 digits ('0'-'9' or 'X').
char idNumberCheckCharacter(std::string_view first17);

// "220***********1234": first 3 and last 4 kept. Anything not 18 long is masked whole.
std::string maskIdNumber(std::string_view id);

// "张*丰", "张*", "欧阳**锋"-style: first and (for 3+ characters) last code point kept.
// Works on UTF-8 code points, not bytes.
std::string maskName(std::string_view utf8Name);

}  // namespace renshe::drivers::sscard
