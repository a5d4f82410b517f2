#include "drivers/sscard/id_number.hpp"

#include <array>
#include <vector>

namespace renshe::drivers::sscard {

namespace {

constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

int number(std::string_view digits) {
    int v = 0;
    for (char c : digits) {
        v = v * 10 + (c - '0');
    }
    return v;
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool isRealDate(int y, int m, int d) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) {
        return false;
    }
    const int last = days[static_cast<std::size_t>(m - 1)] + ((m == 2 && isLeap(y)) ? 1 : 0);
    return d <= last;
}

// Splits UTF-8 into code points; invalid bytes count as one code point each.
std::vector<std::string_view> codePoints(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = 1;
        if (b >= 0xF0) {
            len = 4;
        } else if (b >= 0xE0) {
            len = 3;
        } else if (b >= 0xC0) {
            len = 2;
        }
        if (i + len > s.size()) {
            len = 1;
        }
        out.push_back(s.substr(i, len));
        i += len;
    }
    return out;
}

}  // namespace

char idNumberCheckCharacter(std::string_view first17) {
    int sum = 0;
    for (std::size_t i = 0; i < kWeights.size() && i < first17.size(); ++i) {
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheckChars[static_cast<std::size_t>(sum % 11)];
}

std::optional<IdNumberProblem> validateIdNumber(std::string_view id) {
    if (id.size() != 18) {
        return IdNumberProblem::WrongLength;
    }
    for (std::size_t i = 0; i < 17; ++i) {
        if (!isDigit(id[i])) {
            return IdNumberProblem::NotDigits;
        }
    }
    const char last = id[17] == 'x' ? 'X' : id[17];
    if (!isDigit(last) && last != 'X') {
        return IdNumberProblem::NotDigits;
    }
    // Province codes run 11..82; the first digit is never 0 or 9.
    const int province = number(id.substr(0, 2));
    if (province < 11 || province > 82) {
        return IdNumberProblem::BadRegion;
    }
    if (!isRealDate(number(id.substr(6, 4)), number(id.substr(10, 2)), number(id.substr(12, 2)))) {
        return IdNumberProblem::BadBirthDate;
    }
    if (idNumberCheckCharacter(id.substr(0, 17)) != last) {
        return IdNumberProblem::BadCheckDigit;
    }
    return std::nullopt;
}

std::string maskIdNumber(std::string_view id) {
    if (id.size() != 18) {
        return std::string(id.size(), '*');
    }
    return std::string(id.substr(0, 3)) + std::string(11, '*') + std::string(id.substr(14));
}

std::string maskName(std::string_view utf8Name) {
    const auto cps = codePoints(utf8Name);
    if (cps.empty()) {
        return {};
    }
    std::string out(cps.front());
    if (cps.size() == 1) {
        return out;
    }
    if (cps.size() == 2) {
        return out + "*";
    }
    out += std::string(cps.size() - 2, '*');
    out += cps.back();
    return out;
}

}  // namespace renshe::drivers::sscard
