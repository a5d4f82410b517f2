#include "services/backoffice/records/statement_numbers.hpp"

#include <algorithm>
#include <cctype>

namespace renshe::services::backoffice::records {

namespace {

// `text` without spaces and dashes (how people copy numbers off paper).
std::string compact(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c != ' ' && c != '-')
            out.push_back(c);
    }
    return out;
}

}  // namespace

std::optional<std::string> normalizeStatementNumber(std::string_view number) {
    std::string n = compact(number);
    if (n.size() != kStatementNumberDigits ||
        !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return n;
}

std::optional<std::string> normalizeCheckCode(std::string_view code) {
    std::string c = compact(code);
    if (c.size() != kCheckCodeChars)
        return std::nullopt;
    for (char& ch : c) {
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (kCheckCodeAlphabet.find(ch) == std::string_view::npos)
            return std::nullopt;
    }
    return c;
}

}  // namespace renshe::services::backoffice::records
