// PostgreSQL array literals ('{…}'), to send one column of many rows as one parameter. A
// statement that takes its rows as arrays (`INSERT … SELECT … FROM unnest($1::text[], …)`) has
// the same text whatever the number of rows, so it is prepared once on a connection and keeps
// its plan; a multi-row VALUES is a new statement for each number of rows, parsed and planned
// every time, and one of more than 32 parameters is never kept (pg_tx.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace renshe::services::store {

// Every element quoted, so "" is an empty string and "NULL" the word; `"` and `\` escaped.
std::string pgArray(const std::vector<std::string>& values);
std::string pgArray(const std::vector<std::int64_t>& values);
// An empty optional is an SQL NULL element.
std::string pgArray(const std::vector<std::optional<std::int64_t>>& values);

}  // namespace renshe::services::store
