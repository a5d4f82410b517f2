// ImportJobs' postings (rows, a JSON array or a CSV file) read into rows before the write
// transaction opens: parsing up to 8 MiB must not hold the database's writer, and a retried
// transaction must not parse again. What is checked against the clock and the caller (the
// form of each posting, its region) is decided in the transaction.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "renshe/v1/jobs.pb.h"
#include "services/backoffice/rpc/refusal.hpp"

namespace renshe::services::backoffice {

struct JobImport {
    // Content that cannot be read at all (not a JSON array, not CSV, a required column
    // missing): the whole request is refused with this.
    std::optional<Refusal> refusal;
    std::vector<std::pair<int, renshe::v1::Job>> rows;  // 1-based line (or element) and posting
    std::vector<renshe::v1::ImportError> errors;        // lines that are not postings
};

// Reads the postings of `request`; touches no database.
JobImport readJobImport(const renshe::v1::ImportJobsRequest& request);

// A calendar date "YYYY-MM-DD" (midnight China Standard Time) or an RFC 3339 time.
std::optional<google::protobuf::Timestamp> parseJobTime(const std::string& text);

}  // namespace renshe::services::backoffice
