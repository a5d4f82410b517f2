#include "services/backoffice/records/record_rows.hpp"

#include <array>
#include <charconv>
#include <utility>

#include "drivers/util/clock.hpp"
#include "services/backoffice/checks/checks.hpp"
#include "services/backoffice/checks/csv.hpp"

namespace renshe::services::backoffice::records {

using namespace renshe::v1;

namespace {

struct Name {
    std::string_view key;
    std::string_view chinese;
    int value;
};
constexpr std::array<Name, 6> kTypes{{
    {"employee_pension", "企业职工基本养老保险", INSURANCE_TYPE_EMPLOYEE_PENSION},
    {"resident_pension", "城乡居民基本养老保险", INSURANCE_TYPE_RESIDENT_PENSION},
    {"unemployment", "失业保险", INSURANCE_TYPE_UNEMPLOYMENT},
    {"work_injury", "工伤保险", INSURANCE_TYPE_WORK_INJURY},
    {"employee_medical", "职工基本医疗保险", INSURANCE_TYPE_EMPLOYEE_MEDICAL},
    {"resident_medical", "城乡居民基本医疗保险", INSURANCE_TYPE_RESIDENT_MEDICAL},
}};
constexpr std::array<Name, 4> kKinds{{
    {"employee_pension", "企业职工基本养老金", BENEFIT_KIND_EMPLOYEE_PENSION},
    {"resident_pension", "城乡居民养老保险待遇", BENEFIT_KIND_RESIDENT_PENSION},
    {"unemployment", "失业保险金", BENEFIT_KIND_UNEMPLOYMENT},
    {"work_injury", "工伤保险待遇", BENEFIT_KIND_WORK_INJURY},
}};
template <std::size_t N>
int lookUp(const std::array<Name, N>& names, std::string_view name) {
    for (const auto& n : names)
        if (n.key == name || n.chinese == name)
            return n.value;
    return 0;
}

template <std::size_t N>
std::string_view nameOf(const std::array<Name, N>& names, int value) {
    for (const auto& n : names)
        if (n.value == value)
            return n.chinese;
    return {};
}

constexpr std::size_t kMaxPayerChars = 100;

std::optional<int> parseInt(std::string_view text) {
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return v;
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// "YYYY-MM-DD" → YYYYMMDD.
std::optional<int> parseDay(std::string_view text) {
    if (text.size() != 10 || text[7] != '-')
        return std::nullopt;
    const auto month = parseMonth(text.substr(0, 7));
    if (!month || !checks::allDigits(text.substr(8)))
        return std::nullopt;
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int y = *month / 100, m = *month % 100;
    const int last = kDays.at(static_cast<std::size_t>(m - 1)) + (m == 2 && isLeap(y) ? 1 : 0);
    if (day < 1 || day > last)
        return std::nullopt;
    return *month * 100 + day;
}

// The problem with one line, or the row it is.
struct LineResult {
    std::optional<RecordRow> row;
    std::string field;
    std::string reason;
};
LineResult problem(std::string field, std::string reason) {
    return {std::nullopt, std::move(field), std::move(reason)};
}

std::optional<LineResult> checkCommon(const std::vector<std::string>& f, RecordRow& row,
                                      int latestMonth) {
    const std::string ssn = checks::normalizeSsn(f[0]);
    if (const auto refusal = checks::checkSsn(ssn, "ssn"))
        return problem("ssn", refusal->message);
    row.ssn = ssn;
    const auto month = parseMonth(f[1]);
    if (!month)
        return problem("month", "month is not YYYY-MM");
    if (*month < kEarliestMonth || *month > latestMonth)
        return problem("month", "month is before 1951-01 or in the future");
    row.month = *month;
    return std::nullopt;
}

LineResult contribution(const std::vector<std::string>& f, RecordRow row, int latestMonth) {
    if (f.size() != 8)
        return problem("",
                       "a contribution line has 8 columns, this one " + std::to_string(f.size()));
    if (auto p = checkCommon(f, row, latestMonth))
        return std::move(*p);
    row.key = insuranceTypeOf(f[2]);
    if (row.key == 0)
        return problem("type", "type is not one of the six insurance types");
    const auto base = parseYuan(f[3]), personal = parseYuan(f[4]), employer = parseYuan(f[5]);
    if (!base)
        return problem("base", "base is not an amount in yuan (at most 2 decimals, not negative)");
    if (!personal)
        return problem("personal",
                       "personal is not an amount in yuan (at most 2 decimals, not negative)");
    if (!employer)
        return problem("employer",
                       "employer is not an amount in yuan (at most 2 decimals, not negative)");
    row.a = *base;
    row.b = *personal;
    row.c = *employer;
    if (f[6] == "paid" || f[6] == "1" || f[6] == "已缴")
        row.paid = true;
    else if (f[6] == "owed" || f[6] == "0" || f[6] == "欠缴")
        row.paid = false;
    else
        return problem("paid", "paid is not paid/owed (1/0, 已缴/欠缴)");
    if (const auto refusal = checks::checkText(f[7], kMaxPayerChars * 4, "payer", true))
        return problem("payer", refusal->message);
    if (checks::codePointCount(f[7]) > kMaxPayerChars)
        return problem("payer", "payer is longer than 100 characters");
    row.text = f[7];
    return {std::move(row), {}, {}};
}

LineResult payment(const std::vector<std::string>& f, RecordRow row, int latestMonth) {
    if (f.size() != 6)
        return problem("", "a payment line has 6 columns, this one " + std::to_string(f.size()));
    if (auto p = checkCommon(f, row, latestMonth))
        return std::move(*p);
    row.key = benefitKindOf(f[2]);
    if (row.key == 0)
        return problem("kind", "kind is not one of the four benefit kinds");
    const auto amount = parseYuan(f[3]);
    if (!amount || *amount == 0)
        return problem("amount", "amount is not a positive amount in yuan (at most 2 decimals)");
    row.a = *amount;
    const std::string& account = f[4];
    if (account.size() < 8 || account.size() > 32 || !checks::allDigits(account))
        return problem("bank_account", "bank_account is not 8 to 32 digits");
    row.text = account.substr(account.size() - 4);  // the rest is never kept
    const auto paidOn = parseDay(f[5]);
    if (!paidOn)
        return problem("paid_on", "paid_on is not a date YYYY-MM-DD");
    if (*paidOn / 100 < row.month || *paidOn / 100 > latestMonth)
        return problem("paid_on", "paid_on is before the month paid for or in the future");
    row.b = *paidOn;
    row.paid = true;
    return {std::move(row), {}, {}};
}

}  // namespace

int chinaMonth(std::int64_t micros) {
    const std::string day = util::chinaDate(micros);  // YYYYMMDD
    return parseInt(std::string_view(day).substr(0, 6)).value_or(0);
}

std::optional<int> parseMonth(std::string_view text) {
    if (text.size() != 7 || text[4] != '-' || !checks::allDigits(text.substr(0, 4)) ||
        !checks::allDigits(text.substr(5)))
        return std::nullopt;
    const auto year = parseInt(text.substr(0, 4));
    const auto month = parseInt(text.substr(5));
    if (!year || !month || *month < 1 || *month > 12)
        return std::nullopt;
    return *year * 100 + *month;
}

std::string monthText(int yyyymm) {
    std::string m = std::to_string(yyyymm % 100);
    return std::to_string(yyyymm / 100) + "-" + (m.size() == 1 ? "0" + m : m);
}

std::optional<std::int64_t> parseYuan(std::string_view text) {
    const std::size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view cents = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 10 || !checks::allDigits(whole) || cents.size() > 2 ||
        (dot != std::string_view::npos && cents.empty()) || !checks::allDigits(cents))
        return std::nullopt;
    std::int64_t fen = 0;
    for (char c : whole)
        fen = fen * 10 + (c - '0');
    fen *= 100;
    if (!cents.empty())
        fen += (cents[0] - '0') * 10 + (cents.size() == 2 ? cents[1] - '0' : 0);
    return fen;
}

int insuranceTypeOf(std::string_view name) {
    return lookUp(kTypes, name);
}
int benefitKindOf(std::string_view name) {
    return lookUp(kKinds, name);
}

RecordRows readRecordRows(RecordsFileKind kind, std::string_view text, int firstLine,
                          int latestMonth) {
    RecordRows out;
    if (text.size() > kMaxChunkBytes) {
        out.unreadable = "the chunk is larger than 4 MiB";
        return out;
    }
    if (!checks::isValidUtf8(text)) {
        out.unreadable = "the chunk is not UTF-8";
        return out;
    }
    auto parsed = csv::parse(text);
    if (parsed.error) {
        out.unreadable = *parsed.error;
        return out;
    }
    if (parsed.records.size() > static_cast<std::size_t>(kMaxChunkLines)) {
        out.unreadable = "the chunk has more than 20000 lines";
        return out;
    }
    for (auto& record : parsed.records) {
        RecordRow row;
        row.line = firstLine + record.line - 1;
        if (record.fields.size() == 1 && record.fields[0].empty())
            continue;  // a blank line
        LineResult r = kind == RECORDS_FILE_KIND_PAYMENTS
                           ? payment(record.fields, std::move(row), latestMonth)
                           : contribution(record.fields, std::move(row), latestMonth);
        if (r.row) {
            out.rows.push_back(std::move(*r.row));
        } else {
            ImportError e;
            e.set_line(firstLine + record.line - 1);
            e.set_field(r.field);
            e.set_reason(r.reason);
            out.errors.push_back(std::move(e));
        }
    }
    return out;
}

std::string_view insuranceTypeName(int type) {
    return nameOf(kTypes, type);
}

std::string_view benefitKindName(int kind) {
    return nameOf(kKinds, kind);
}

}  // namespace renshe::services::backoffice::records
