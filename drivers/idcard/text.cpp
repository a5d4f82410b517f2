#include "drivers/idcard/text.hpp"

#include <openssl/crypto.h>

#include <array>
#include <stdexcept>
#include <utility>

#include "drivers/idcard/idcard_error.hpp"
#include "drivers/sscard/id_number.hpp"

namespace renshe::drivers::idcard {

namespace {

struct Field {
    std::string IdCardText::*member;
    std::size_t offset;
    std::size_t chars;
    const char* name;
};

constexpr std::array<Field, 9> kFields{{
    {&IdCardText::name, 0, 15, "name"},
    {&IdCardText::sex, 30, 1, "sex"},
    {&IdCardText::nation, 32, 2, "nation"},
    {&IdCardText::birth, 36, 8, "birth"},
    {&IdCardText::address, 52, 35, "address"},
    {&IdCardText::idNumber, 122, 18, "id_number"},
    {&IdCardText::authority, 158, 15, "authority"},
    {&IdCardText::validFrom, 188, 8, "valid_from"},
    {&IdCardText::validUntil, 204, 8, "valid_until"},
}};

// GB 3304-1991, as printed on the card (without 族).
constexpr std::array<std::pair<std::string_view, std::string_view>, 58> kNations{{
    {"01", "汉"},       {"02", "蒙古"},
    {"03", "回"},       {"04", "藏"},
    {"05", "维吾尔"},   {"06", "苗"},
    {"07", "彝"},       {"08", "壮"},
    {"09", "布依"},     {"10", "朝鲜"},
    {"11", "满"},       {"12", "侗"},
    {"13", "瑶"},       {"14", "白"},
    {"15", "土家"},     {"16", "哈尼"},
    {"17", "哈萨克"},   {"18", "傣"},
    {"19", "黎"},       {"20", "傈僳"},
    {"21", "佤"},       {"22", "畲"},
    {"23", "高山"},     {"24", "拉祜"},
    {"25", "水"},       {"26", "东乡"},
    {"27", "纳西"},     {"28", "景颇"},
    {"29", "柯尔克孜"}, {"30", "土"},
    {"31", "达斡尔"},   {"32", "仫佬"},
    {"33", "羌"},       {"34", "布朗"},
    {"35", "撒拉"},     {"36", "毛南"},
    {"37", "仡佬"},     {"38", "锡伯"},
    {"39", "阿昌"},     {"40", "普米"},
    {"41", "塔吉克"},   {"42", "怒"},
    {"43", "乌孜别克"}, {"44", "俄罗斯"},
    {"45", "鄂温克"},   {"46", "德昂"},
    {"47", "保安"},     {"48", "裕固"},
    {"49", "京"},       {"50", "塔塔尔"},
    {"51", "独龙"},     {"52", "鄂伦春"},
    {"53", "赫哲"},     {"54", "门巴"},
    {"55", "珞巴"},     {"56", "基诺"},
    {"97", "其他"},     {"98", "外国血统中国籍人士"},
}};

[[noreturn]] void bad(const std::string& what) {
    throw IdCardError(Problem::BadText, what);
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// One field: UCS-2LE units, trailing spaces (and NULs) trimmed; control characters,
// surrogates and non-characters are refused.
std::string decodeField(std::span<const std::uint8_t> raw, const char* name) {
    std::size_t units = raw.size() / 2;
    auto unitAt = [&](std::size_t i) {
        return static_cast<std::uint32_t>(raw[2 * i] | (raw[2 * i + 1] << 8));
    };
    while (units > 0 && (unitAt(units - 1) == 0x0020 || unitAt(units - 1) == 0x0000))
        --units;
    std::string out;
    for (std::size_t i = 0; i < units; ++i) {
        const std::uint32_t u = unitAt(i);
        if (u < 0x20 || (u >= 0x7F && u < 0xA0) || (u >= 0xD800 && u <= 0xDFFF) || u >= 0xFFFE)
            bad(std::string(name) + " is not valid UCS-2 text");
        appendUtf8(out, u);
    }
    return out;
}

bool allDigits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool isDate(std::string_view s) {
    if (s.size() != 8 || !allDigits(s))
        return false;
    const int y = std::stoi(std::string(s.substr(0, 4)));
    const int m = std::stoi(std::string(s.substr(4, 2)));
    const int d = std::stoi(std::string(s.substr(6, 2)));
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
        return false;
    static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= (m == 2 && !leap ? 28 : kDays[static_cast<std::size_t>(m - 1)]);
}

const char* idProblemText(sscard::IdNumberProblem p) {
    switch (p) {
        case sscard::IdNumberProblem::WrongLength:
            return "id_number is not 18 characters";
        case sscard::IdNumberProblem::NotDigits:
            return "id_number has a character other than digits and a final X";
        case sscard::IdNumberProblem::BadRegion:
            return "id_number has an impossible region code";
        case sscard::IdNumberProblem::BadBirthDate:
            return "id_number has an impossible birth date";
        case sscard::IdNumberProblem::BadCheckDigit:
            return "id_number check digit is wrong";
    }
    return "id_number is malformed";
}

// UTF-8 → UCS-2 code units (BMP only).
std::u16string toUcs2(std::string_view s, const char* name) {
    std::u16string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = 0;
        std::size_t n = 0;
        if (c < 0x80) {
            cp = c;
            n = 1;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F;
            n = 2;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F;
            n = 3;
        } else {
            throw std::invalid_argument(std::string(name) + " is outside UCS-2");
        }
        if (i + n > s.size())
            throw std::invalid_argument(std::string(name) + " is not UTF-8");
        for (std::size_t k = 1; k < n; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out += static_cast<char16_t>(cp);
        i += n;
    }
    return out;
}

}  // namespace

void IdCardText::cleanse() {
    for (const Field& f : kFields) {
        std::string& s = this->*f.member;
        if (!s.empty())
            OPENSSL_cleanse(s.data(), s.size());
        s.clear();
        s.shrink_to_fit();
    }
}

IdCardText parseText(std::span<const std::uint8_t> text) {
    if (text.size() != kTextBytes)
        bad("text block is " + std::to_string(text.size()) + " bytes, not 256");
    IdCardText t;
    for (const Field& f : kFields)
        t.*f.member = decodeField(text.subspan(f.offset, f.chars * 2), f.name);
    if (t.name.empty())
        bad("name is empty");
    if (sexName(t.sex).empty())
        bad("sex is not a GB/T 2261.1 code");
    if (nationName(t.nation).empty())
        bad("nation is not a GB 3304 code");
    if (!isDate(t.birth))
        bad("birth is not a date");
    if (t.address.empty())
        bad("address is empty");
    if (!t.idNumber.empty() && t.idNumber.back() == 'x')
        t.idNumber.back() = 'X';
    if (const auto p = sscard::validateIdNumber(t.idNumber))
        bad(idProblemText(*p));
    if (t.idNumber.compare(6, 8, t.birth) != 0)
        bad("birth differs from the birth date in id_number");
    if (t.authority.empty())
        bad("authority is empty");
    if (!isDate(t.validFrom))
        bad("valid_from is not a date");
    if (t.validUntil != kLongTerm && (!isDate(t.validUntil) || t.validUntil <= t.validFrom))
        bad("valid_until is neither a date after valid_from nor 长期");
    return t;
}

Bytes encodeText(const IdCardText& text) {
    Bytes out(kTextBytes, 0);
    for (std::size_t i = 0; i < kTextBytes; i += 2)
        out[i] = 0x20;  // spaces, UCS-2LE
    for (const Field& f : kFields) {
        const std::u16string units = toUcs2(text.*f.member, f.name);
        if (units.size() > f.chars)
            throw std::invalid_argument(std::string(f.name) + " does not fit its field");
        for (std::size_t i = 0; i < units.size(); ++i) {
            out[f.offset + 2 * i] = static_cast<std::uint8_t>(units[i] & 0xFF);
            out[f.offset + 2 * i + 1] = static_cast<std::uint8_t>(units[i] >> 8);
        }
    }
    return out;
}

std::string_view sexName(std::string_view code) {
    if (code == "0")
        return "未知的性别";
    if (code == "1")
        return "男";
    if (code == "2")
        return "女";
    if (code == "9")
        return "未说明的性别";
    return {};
}

std::string_view nationName(std::string_view code) {
    for (const auto& [c, name] : kNations) {
        if (c == code)
            return name;
    }
    return {};
}

bool isExpired(const IdCardText& text, std::string_view todayYyyymmdd) {
    return text.validUntil != kLongTerm && text.validUntil < todayYyyymmdd;
}

}  // namespace renshe::drivers::idcard
