// libFuzzer target: the records import's row reader (services/backoffice/records/
// record_rows.hpp). The first input byte picks contributions or payments and the line the
// chunk starts at; the rest is the chunk. A crash, a sanitizer report or a broken invariant
// (abort) is a bug:
// - an unreadable chunk has neither rows nor errors;
// - every accepted row has a valid ID number, a month from 1951-01 to the latest month, a
//   known type or kind, amounts not negative, a payer of 1..100 characters or the account's
//   4 digits, and (payments) a payment date in a month from the one paid for to the latest;
// - rows and errors carry lines inside the chunk, rows in increasing order;
// - parseYuan() of the amount written back as "Y.FF" gives the same fen.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "services/backoffice/checks/checks.hpp"
#include "services/backoffice/records/record_rows.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace checks = renshe::services::backoffice::checks;
namespace records = renshe::services::backoffice::records;
using namespace renshe::v1;

using renshe::fuzz::require;

namespace {

constexpr int kLatestMonth = 202612;

std::string yuanText(std::int64_t fen) {
    const std::string cents = std::to_string(fen % 100);
    return std::to_string(fen / 100) + "." + (cents.size() == 1 ? "0" + cents : cents);
}

void checkAmount(std::int64_t fen) {
    require(fen >= 0, "amount not negative");
    require(records::parseYuan(yuanText(fen)) == fen, "an amount written back reads the same");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const bool payments = (data[0] & 1) != 0;
    const int firstLine = 2 + (data[0] >> 1);
    const std::string_view chunk(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto kind = payments ? RECORDS_FILE_KIND_PAYMENTS : RECORDS_FILE_KIND_CONTRIBUTIONS;
    const auto r = records::readRecordRows(kind, chunk, firstLine, kLatestMonth);
    if (r.unreadable) {
        require(r.rows.empty() && r.errors.empty(), "an unreadable chunk has no rows or errors");
        return 0;
    }
    const int lastLine = firstLine + static_cast<int>(chunk.size());
    int previous = 0;
    for (const auto& row : r.rows) {
        require(row.line >= firstLine && row.line <= lastLine && row.line > previous,
                "rows in order, inside the chunk");
        previous = row.line;
        require(!checks::checkSsn(row.ssn, "ssn"), "a row's ID number is valid");
        require(row.month >= records::kEarliestMonth && row.month <= kLatestMonth &&
                    row.month % 100 >= 1 && row.month % 100 <= 12,
                "a row's month is a real month in range");
        checkAmount(row.a);
        if (payments) {
            require(BenefitKind_IsValid(row.key) && row.key != 0, "a known benefit kind");
            require(row.a > 0, "a payment is positive");
            require(row.text.size() == 4 && checks::allDigits(row.text), "only 4 digits kept");
            require(row.b / 100 >= row.month && row.b / 100 <= kLatestMonth,
                    "paid from the month paid for to the latest");
        } else {
            require(InsuranceType_IsValid(row.key) && row.key != 0, "a known insurance type");
            checkAmount(row.b);
            checkAmount(row.c);
            const auto chars = checks::codePointCount(row.text);
            require(chars >= 1 && chars <= 100, "a payer of 1..100 characters");
        }
    }
    for (const auto& e : r.errors)
        require(e.line() >= firstLine && e.line() <= lastLine && !e.reason().empty(),
                "an error names a line inside the chunk and why");
    return 0;
}
