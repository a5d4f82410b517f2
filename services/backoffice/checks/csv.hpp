// A small RFC 4180 CSV reader for registry imports: quoted fields, doubled quotes, CRLF or LF,
// a UTF-8 byte-order mark tolerated. Rows keep their 1-based line numbers for error reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace renshe::services::backoffice::csv {

struct Record {
    int line = 0;  // where the record starts
    std::vector<std::string> fields;
};

struct Parsed {
    std::vector<Record> records;       // the header is records[0]
    std::optional<std::string> error;  // unterminated quote and the like, with the line
};

Parsed parse(std::string_view text);

}  // namespace renshe::services::backoffice::csv
