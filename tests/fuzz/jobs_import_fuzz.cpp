// libFuzzer target: the jobs import's reader (services/backoffice/jobs/job_import.hpp), the
// postings file staff upload as CSV or as a JSON array. The first input byte picks the form
// (even: CSV, odd: JSON); the rest is the file. A crash, a sanitizer report or a broken
// invariant (abort) is a bug:
// - a refused file has a reason and neither rows nor errors;
// - rows and errors carry lines (CSV) or elements (JSON) from 1 (CSV: 2) to the file's end,
//   rows in increasing order, no line both a row and an error; every error says why;
// - a CSV row's salaries are whole yuan (fen a multiple of 100, not negative) and its
//   headcount is not negative; its times, when set, are valid timestamps.
#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "services/backoffice/jobs/job_import.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace backoffice = renshe::services::backoffice;
using google::protobuf::util::TimeUtil;
using namespace renshe::v1;

using renshe::fuzz::require;

namespace {

bool validTime(const google::protobuf::Timestamp& t) {
    return t.seconds() >= TimeUtil::kTimestampMinSeconds &&
           t.seconds() <= TimeUtil::kTimestampMaxSeconds && t.nanos() >= 0 &&
           t.nanos() < 1'000'000'000;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const bool json = (data[0] & 1) != 0;
    const std::string file(reinterpret_cast<const char*>(data + 1), size - 1);
    ImportJobsRequest request;
    if (json)
        request.set_json(file);
    else
        request.set_csv(file);

    const backoffice::JobImport r = backoffice::readJobImport(request);
    if (r.refusal) {
        require(!r.refusal->message.empty(), "a refusal says why");
        require(r.rows.empty() && r.errors.empty(), "a refused file has no rows or errors");
        return 0;
    }
    // A CSV line or a JSON element cannot start past the file's end (a line per byte at most).
    const int last = static_cast<int>(file.size()) + 1;
    const int first = json ? 1 : 2;
    int previous = first - 1;
    std::set<int> rowLines;
    for (const auto& [line, job] : r.rows) {
        require(line >= first && line <= last && line > previous, "rows in order, in the file");
        previous = line;
        rowLines.insert(line);
        if (json)
            continue;
        for (const auto* salary : {&job.salary_min(), &job.salary_max()})
            require(salary->fen() >= 0 && salary->fen() % 100 == 0, "salaries in whole yuan");
        require(job.headcount() >= 0, "a headcount is not negative");
        require(!job.has_posted_at() || validTime(job.posted_at()), "a valid posting time");
        require(!job.has_expires_at() || validTime(job.expires_at()), "a valid expiry time");
    }
    for (const ImportError& e : r.errors) {
        require(e.line() >= first && e.line() <= last, "an error names a line in the file");
        require(!e.reason().empty(), "an error says why");
        require(rowLines.count(e.line()) == 0, "a line is a row or an error, not both");
    }
    return 0;
}
