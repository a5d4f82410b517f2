#include "services/backoffice/jobs/job_import.hpp"

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <map>

#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/checks/checks.hpp"
#include "services/backoffice/checks/csv.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

// Splits a JSON array into its top-level elements (strings and nesting respected), so each
// can be parsed and reported on its own. Nullopt when the text is not an array.
std::optional<std::vector<std::string>> jsonArrayElements(std::string_view text) {
    std::size_t i = text.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos || text[i] != '[')
        return std::nullopt;
    std::vector<std::string> out;
    int depth = 0;
    bool inString = false, escaped = false;
    std::size_t start = std::string_view::npos;
    for (++i; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            if (start == std::string_view::npos)
                start = i;
        } else if (c == '{' || c == '[') {
            if (depth++ == 0)
                start = i;
        } else if (c == '}' || c == ']') {
            if (depth == 0) {
                if (c == ']') {
                    if (start != std::string_view::npos)
                        out.emplace_back(text.substr(start, i - start));
                    return text.find_first_not_of(" \t\r\n", i + 1) == std::string_view::npos
                               ? std::optional<std::vector<std::string>>(std::move(out))
                               : std::nullopt;
                }
                return std::nullopt;
            }
            --depth;
        } else if (c == ',' && depth == 0) {
            out.emplace_back(start == std::string_view::npos ? std::string_view()
                                                             : text.substr(start, i - start));
            start = std::string_view::npos;
        } else if (start == std::string_view::npos && c != ' ' && c != '\t' && c != '\r' &&
                   c != '\n') {
            start = i;
        }
    }
    return std::nullopt;
}

void addError(JobImport& out, int line, const std::string& field, const std::string& reason) {
    ImportError& e = out.errors.emplace_back();
    e.set_line(line);
    e.set_field(field);
    e.set_reason(reason);
}

}  // namespace

std::optional<google::protobuf::Timestamp> parseJobTime(const std::string& text) {
    google::protobuf::Timestamp ts;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        // A calendar date: midnight China Standard Time.
        if (!google::protobuf::util::TimeUtil::FromString(text + "T00:00:00+08:00", &ts))
            return std::nullopt;
        return ts;
    }
    if (!google::protobuf::util::TimeUtil::FromString(text, &ts))
        return std::nullopt;
    return ts;
}

JobImport readJobImport(const ImportJobsRequest& request) {
    JobImport out;
    switch (request.source_case()) {
        case ImportJobsRequest::kRows:
            for (int i = 0; i < request.rows().jobs_size(); ++i)
                out.rows.emplace_back(i + 1, request.rows().jobs(i));
            break;
        case ImportJobsRequest::kJson: {
            const auto elements = jsonArrayElements(request.json());
            if (!elements) {
                out.refusal = Refusal::malformed("json is not an array of postings");
                return out;
            }
            for (std::size_t i = 0; i < elements->size(); ++i) {
                Job j;
                const auto st = google::protobuf::util::JsonStringToMessage((*elements)[i], &j);
                if (!st.ok()) {
                    addError(out, static_cast<int>(i + 1), "",
                             "not a posting: " + std::string(st.message()));
                    continue;
                }
                out.rows.emplace_back(static_cast<int>(i + 1), j);
            }
            break;
        }
        case ImportJobsRequest::kCsv: {
            const auto parsed = csv::parse(request.csv());
            if (parsed.error || parsed.records.empty()) {
                out.refusal = Refusal::malformed("csv: " + parsed.error.value_or("no header row"));
                return out;
            }
            std::map<std::string, std::size_t> col;
            for (std::size_t i = 0; i < parsed.records[0].fields.size(); ++i) {
                col[parsed.records[0].fields[i]] = i;
            }
            for (const char* required : {"title", "employer", "region", "expires_at"}) {
                if (!col.count(required)) {
                    out.refusal = Refusal::malformed(std::string("csv header lacks ") + required);
                    return out;
                }
            }
            for (std::size_t n = 1; n < parsed.records.size(); ++n) {
                const auto& rec = parsed.records[n];
                auto get = [&](const char* name) -> std::string {
                    const auto it = col.find(name);
                    return it == col.end() || it->second >= rec.fields.size()
                               ? ""
                               : rec.fields[it->second];
                };
                Job j;
                j.set_id(get("id"));
                j.set_title(get("title"));
                j.set_employer(get("employer"));
                j.set_category(get("category"));
                *j.mutable_region() = regionProto(get("region"));
                j.set_requirements(get("requirements"));
                j.set_contact_name(get("contact_name"));
                j.set_contact_phone(get("contact_phone"));
                j.set_address(get("address"));
                j.set_detail_url(get("detail_url"));
                bool ok = true;
                // Salaries in CSV are whole yuan (元) per month, as a person types them.
                for (const char* field : {"salary_min", "salary_max"}) {
                    const std::string v = get(field);
                    if (v.empty())
                        continue;
                    if (v.size() > 9 || !checks::allDigits(v)) {
                        addError(out, rec.line, field, "whole yuan per month expected");
                        ok = false;
                        break;
                    }
                    (std::string(field) == "salary_min" ? j.mutable_salary_min()
                                                        : j.mutable_salary_max())
                        ->set_fen(std::stoll(v) * 100);
                }
                if (!ok)
                    continue;
                const std::string head = get("headcount");
                if (!head.empty()) {
                    if (head.size() > 6 || !checks::allDigits(head)) {
                        addError(out, rec.line, "headcount", "a whole number expected");
                        continue;
                    }
                    j.set_headcount(std::stoi(head));
                }
                for (const char* field : {"posted_at", "expires_at"}) {
                    const std::string v = get(field);
                    if (v.empty())
                        continue;
                    const auto ts = parseJobTime(v);
                    if (!ts) {
                        addError(out, rec.line, field, "not a date (YYYY-MM-DD) or RFC 3339 time");
                        ok = false;
                        break;
                    }
                    *(std::string(field) == "posted_at" ? j.mutable_posted_at()
                                                        : j.mutable_expires_at()) = *ts;
                }
                if (ok)
                    out.rows.emplace_back(rec.line, j);
            }
            break;
        }
        default:
            break;
    }
    return out;
}

}  // namespace renshe::services::backoffice
