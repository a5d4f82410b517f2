// The rows of a records import file read and checked before any transaction opens (as the
// other imports do): each line is a contribution (ssn,month,type,base,personal,employer,paid,
// payer) or a benefit payment (ssn,month,kind,amount,bank_account,paid_on), or an error that
// names its line, its column and why — never the value of an ID number. No database, no
// clock: `latestMonth` (YYYYMM, China time) is what "the future" means.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "renshe/v1/common.pb.h"
#include "renshe/v1/records.pb.h"

namespace renshe::services::backoffice::records {

// Column names, in order, of the header line of each kind of file.
inline constexpr std::string_view kContributionsHeader =
    "ssn,month,type,base,personal,employer,paid,payer";
inline constexpr std::string_view kPaymentsHeader = "ssn,month,kind,amount,bank_account,paid_on";
// A chunk of an import: at most this many lines and bytes.
inline constexpr int kMaxChunkLines = 20000;
inline constexpr std::size_t kMaxChunkBytes = 4 * 1024 * 1024;
// The earliest month a record may be for (the pension system's first contributions).
inline constexpr int kEarliestMonth = 195101;

// One accepted line, in the shape of record_import_rows (migration 0020).
struct RecordRow {
    int line = 0;
    std::string ssn;
    int month = 0;       // YYYYMM
    int key = 0;         // InsuranceType (contributions) or BenefitKind (payments)
    std::int64_t a = 0;  // base / amount, fen
    std::int64_t b = 0;  // personal, fen / paid on, YYYYMMDD
    std::int64_t c = 0;  // employer, fen / 0
    bool paid = true;    // contributions: false = owed
    std::string text;    // payer / the account's last 4 digits
};

struct RecordRows {
    std::vector<RecordRow> rows;
    std::vector<renshe::v1::ImportError> errors;
    // The chunk cannot be read at all (an unterminated quote, too many lines): refused whole.
    std::optional<std::string> unreadable;
};

// Reads whole CSV lines (no header) whose first line is line `firstLine` of the file.
RecordRows readRecordRows(renshe::v1::RecordsFileKind kind, std::string_view csv, int firstLine,
                          int latestMonth);

// The month (YYYYMM) the instant `micros` falls in, China time: "now" for the rules of records.
int chinaMonth(std::int64_t micros);
// "YYYY-MM" → YYYYMM, or nullopt.
std::optional<int> parseMonth(std::string_view text);
// YYYYMM → "YYYY-MM".
std::string monthText(int yyyymm);
// "1234.5" or "1234.56" (yuan, at most two decimals, not negative, below 10^10) → fen.
std::optional<std::int64_t> parseYuan(std::string_view text);
// An insurance type by its name in the file: the English key (employee_pension …) or the
// Chinese name (企业职工基本养老保险 …); 0 when unknown.
int insuranceTypeOf(std::string_view name);
int benefitKindOf(std::string_view name);
// The Chinese name of an insurance type or benefit kind ("" when unknown).
std::string_view insuranceTypeName(int type);
std::string_view benefitKindName(int kind);

}  // namespace renshe::services::backoffice::records
