#include "services/backoffice/jobs/jobs_service.hpp"

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/checks/checks.hpp"
#include "services/backoffice/content/content_service.hpp"
#include "services/backoffice/jobs/job_import.hpp"
#include "services/backoffice/jobs/job_walk.hpp"
#include "services/backoffice/rpc/keystore.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

constexpr std::size_t kMaxImportBytes = 8 * 1024 * 1024;
constexpr std::size_t kMaxKeywordChars = 32;
constexpr int kDefaultPage = 20, kMaxPage = 100;
// Up to this many regions under a search's prefix are walked one by one and merged.
constexpr std::size_t kMaxMergedRegions = 64;

// The characters (one UTF-8 sequence each) of valid text (validated by the caller), ASCII
// lower-cased: the units of the n-gram index.
std::vector<std::string> indexCharacters(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::string cp(text.substr(i, n));
        if (n == 1)
            cp[0] = static_cast<char>(std::tolower(c));
        out.push_back(std::move(cp));
        i += n;
    }
    return out;
}

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool isSpace(const std::string& cp) {
    return cp == " " || cp == "\n" || cp == "\t" || cp == "\r" || cp == "\xE3\x80\x80";
}

bool isRegionPrefix(std::string_view s) {
    return s.size() <= 12 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isRegionCode(std::string_view s) {
    return (s.size() == 6 || s.size() == 9 || s.size() == 12) && isRegionPrefix(s);
}

// LIKE pattern matching `keyword` anywhere, with '!' as the escape character.
std::string containsPattern(const std::string& keyword) {
    std::string p = "%";
    for (char c : keyword) {
        if (c == '%' || c == '_' || c == '!')
            p += '!';
        p += c;
    }
    return p + "%";
}

JobStatus statusAt(bool withdrawn, std::int64_t expiresAt, std::int64_t now) {
    if (withdrawn)
        return JOB_STATUS_WITHDRAWN;
    return expiresAt <= now ? JOB_STATUS_EXPIRED : JOB_STATUS_OPEN;
}

Job jobFromRow(const store::Row& r, std::int64_t now) {
    Job j;
    j.ParseFromString(store::fromHex(r.text(0)));
    j.set_status(statusAt(r.integer(1) != 0, r.integer(2), now));
    return j;
}

// Deletes the search terms of a stored posting (before it is replaced).
void dropSearchTerms(store::Tx& tx, const std::string& id) {
    const auto old =
        tx.queryOne("SELECT search_text, region, posted_at FROM jobs WHERE id = $1", {id});
    if (!old)
        return;
    const auto terms = searchTerms(old->text(0));
    constexpr std::size_t kPerStatement = 200;
    for (std::size_t at = 0; at < terms.size(); at += kPerStatement) {
        std::vector<store::Value> params{id, old->text(1), old->integer(2)};
        std::string in;
        for (std::size_t i = at; i < std::min(terms.size(), at + kPerStatement); ++i) {
            params.push_back(terms[i]);
            in += (i == at ? "$" : ", $") + std::to_string(params.size());
        }
        tx.exec("DELETE FROM job_search WHERE term IN (" + in +
                    ") AND region = $2 AND posted_at = $3 AND job_id = $1",
                params);
    }
}

// Inserts or replaces a posting and its search terms.
void storeJob(store::Tx& tx, const Job& j, std::int64_t now) {
    const std::int64_t posted = microsOf(j.posted_at()), expires = microsOf(j.expires_at());
    const store::Value minFen =
        j.has_salary_min() ? store::Value(j.salary_min().fen()) : store::Value(nullptr);
    const store::Value maxFen =
        j.has_salary_max() ? store::Value(j.salary_max().fen()) : store::Value(nullptr);
    const std::string text = jobSearchText(j);
    const std::string record = store::toHex(j.SerializeAsString());
    const std::string region = regionText(j.region());
    dropSearchTerms(tx, j.id());
    tx.exec(
        "INSERT INTO jobs (id, title, employer, category, region, salary_min, salary_max, "
        "posted_at, expires_at, "
        "withdrawn, search_text, record, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
        "0, $10, $11, $12) "
        "ON CONFLICT (id) DO UPDATE SET title = $2, employer = $3, category = $4, region = $5, "
        "salary_min = $6, "
        "salary_max = $7, posted_at = $8, expires_at = $9, withdrawn = 0, search_text = $10, "
        "record = $11, "
        "updated_at = $12",
        {j.id(), j.title(), j.employer(), j.category(), region, minFen, maxFen, posted, expires,
         text, record, now});
    const auto terms = searchTerms(text);
    constexpr std::size_t kPerStatement = 200;
    for (std::size_t at = 0; at < terms.size(); at += kPerStatement) {
        std::string sql = "INSERT INTO job_search (term, region, posted_at, job_id) VALUES ";
        std::vector<store::Value> params{j.id(), region, posted};
        for (std::size_t i = at; i < std::min(terms.size(), at + kPerStatement); ++i) {
            params.push_back(terms[i]);
            sql += (i == at ? "($" : ", ($") + std::to_string(params.size()) + ", $2, $3, $1)";
        }
        tx.exec(sql + " ON CONFLICT DO NOTHING", params);
    }
}

// The form of one posting; the reason names the field.
std::optional<ImportError> checkJob(const Job& j, std::int64_t now) {
    auto bad = [](const std::string& field, const std::string& reason) {
        ImportError e;
        e.set_field(field);
        e.set_reason(reason);
        return e;
    };
    auto text = [&](const std::string& field, const std::string& v, std::size_t max,
                    bool required) -> std::optional<ImportError> {
        if (required && checks::normalizeName(v).empty())
            return bad(field, "required");
        if (v.size() > max)
            return bad(field, "longer than " + std::to_string(max) + " bytes");
        if (!checks::isValidUtf8(v))
            return bad(field, "not UTF-8");
        return std::nullopt;
    };
    if (!j.id().empty() &&
        (j.id().size() > 64 || !std::all_of(j.id().begin(), j.id().end(), [](char c) {
             return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         }))) {
        return bad("id", "letters, digits, - and _ only, at most 64");
    }
    if (auto e = text("title", j.title(), 200, true))
        return e;
    if (auto e = text("employer", j.employer(), 200, true))
        return e;
    if (auto e = text("category", j.category(), 100, false))
        return e;
    if (auto e = text("requirements", j.requirements(), 4000, false))
        return e;
    if (auto e = text("contact_name", j.contact_name(), 100, false))
        return e;
    if (auto e = text("address", j.address(), 400, false))
        return e;
    if (!isRegionCode(regionText(j.region())))
        return bad("region", "not a 6, 9 or 12 digit region code");
    if (j.has_salary_min() && j.salary_min().fen() < 0)
        return bad("salary_min", "negative");
    if (j.has_salary_max() && j.salary_max().fen() < 0)
        return bad("salary_max", "negative");
    if (j.has_salary_min() && j.has_salary_max() && j.salary_min().fen() > j.salary_max().fen()) {
        return bad("salary_min", "salary_min greater than salary_max");
    }
    if (j.headcount() < 0)
        return bad("headcount", "negative");
    if (!std::all_of(
            j.contact_phone().begin(), j.contact_phone().end(),
            [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == ' ' || c == '+'; }) ||
        j.contact_phone().size() > 32) {
        return bad("contact_phone", "digits, spaces, + and - only");
    }
    if (!j.detail_url().empty() && j.detail_url().rfind("https://", 0) != 0 &&
        j.detail_url().rfind("http://", 0) != 0) {
        return bad("detail_url", "must start with https:// or http://");
    }
    if (!j.has_expires_at())
        return bad("expires_at", "required");
    if (checks::checkTimestamp(j.expires_at(), "expires_at"))
        return bad("expires_at", "out of range");
    if (j.has_posted_at() && checks::checkTimestamp(j.posted_at(), "posted_at"))
        return bad("posted_at", "out of range");
    const std::int64_t posted = j.has_posted_at() ? microsOf(j.posted_at()) : now;
    if (microsOf(j.expires_at()) <= posted)
        return bad("expires_at", "not after posted_at");
    return std::nullopt;
}

std::optional<Refusal> checkSearch(const SearchJobsRequest& r) {
    if (!checks::isValidUtf8(r.keyword()) ||
        indexCharacters(r.keyword()).size() > kMaxKeywordChars) {
        return Refusal::malformed("keyword longer than 32 characters");
    }
    if (!isRegionPrefix(r.region_prefix()))
        return Refusal::malformed("bad region prefix");
    if (r.category().size() > 100)
        return Refusal::malformed("category too long");
    if (r.has_min_salary() && r.min_salary().fen() < 0)
        return Refusal::malformed("negative salary");
    if (r.page().page_size() < 0 || r.page().page_size() > kMaxPage)
        return Refusal::malformed("page size 0..100");
    if (r.page().page_token().size() > 128)
        return Refusal::malformed("bad page token");
    if (r.has_posted_since())
        return checks::checkTimestamp(r.posted_since(), "posted_since");
    return std::nullopt;
}

}  // namespace

std::string jobSearchText(const Job& j) {
    return lowerAscii(j.title() + "\n" + j.employer() + "\n" + j.category() + "\n" +
                      j.requirements());
}

std::vector<std::string> searchTerms(std::string_view text) {
    const auto cps = indexCharacters(lowerAscii(text));
    std::set<std::string> terms;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (isSpace(cps[i]))
            continue;
        terms.insert(cps[i]);
        if (i + 1 < cps.size() && !isSpace(cps[i + 1]))
            terms.insert(cps[i] + cps[i + 1]);
    }
    return {terms.begin(), terms.end()};
}

std::vector<Job> openJobs(store::Tx& tx, const std::string& regionPrefix, int limit,
                          std::int64_t now) {
    std::vector<Job> out;
    for (const auto& r : tx.query("SELECT record, withdrawn, expires_at FROM jobs WHERE withdrawn "
                                  "= 0 AND expires_at > $1 "
                                  "AND substr(region, 1, " +
                                      std::to_string(regionPrefix.size()) +
                                      ") = $2 "
                                      "ORDER BY posted_at DESC, id DESC LIMIT $3",
                                  {now, regionPrefix, static_cast<std::int64_t>(limit)})) {
        out.push_back(jobFromRow(r, now));
    }
    return out;
}

std::vector<Job> openJobsById(store::Tx& tx, const std::vector<std::string>& ids,
                              std::int64_t now) {
    std::vector<Job> out;
    for (const auto& id : ids) {
        const auto r = tx.queryOne(
            "SELECT record, withdrawn, expires_at FROM jobs WHERE id = $1 AND withdrawn = 0 "
            "AND expires_at > $2",
            {id, now});
        if (r)
            out.push_back(jobFromRow(*r, now));
    }
    return out;
}

namespace {

// The index terms of a normalized keyword: a one-character keyword, or the pairs of adjacent
// characters of a longer one (no pair spans a space).
std::vector<std::string> searchTerms(const std::string& keyword) {
    const auto cps = indexCharacters(keyword);
    std::set<std::string> unique;
    if (cps.size() == 1 && !isSpace(cps[0]))
        unique.insert(cps[0]);
    for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
        if (!isSpace(cps[i]) && !isSpace(cps[i + 1]))
            unique.insert(cps[i] + cps[i + 1]);
    }
    return {unique.begin(), unique.end()};
}

// "POSTED_AT:ID", the last posting of the previous page; refused when malformed.
std::pair<std::int64_t, std::string> parsePageToken(const std::string& token) {
    const auto colon = token.find(':');
    try {
        if (colon == std::string::npos || colon == 0)
            throw std::invalid_argument("token");
        std::size_t used = 0;
        const std::int64_t posted = std::stoll(token.substr(0, colon), &used);
        if (used != colon)
            throw std::invalid_argument("token");
        return {posted, token.substr(colon + 1)};
    } catch (const std::exception&) {
        throw Refused(Refusal::malformed("bad page token"));
    }
}

}  // namespace

grpc::Status JobServiceImpl::SearchJobs(grpc::ServerContext* ctx, const SearchJobsRequest* req,
                                        SearchJobsResponse* resp) {
    return m_runner.staleQuery(  // a posting a few hundred ms late is fine: the replica
        ctx, "jobs.search", checkSearch(*req),
        [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
            resp->Clear();
            // A terminal's default is its own township (its certificate's region); staff see all
            // of their region.
            const std::string prefix =
                req->region_prefix().empty() ? caller.identity.region : req->region_prefix();
            const int pageSize =
                req->page().page_size() == 0 ? kDefaultPage : req->page().page_size();
            std::vector<store::Value> params{now};
            auto param = [&](store::Value v) {
                params.push_back(std::move(v));
                return "$" + std::to_string(params.size());
            };
            const std::string keyword = lowerAscii(checks::normalizeName(req->keyword()));
            const std::vector<std::string> terms = searchTerms(keyword);
            // With a keyword, the walk starts from the term with the fewest postings in the region
            // (counted up to a cap: only the order matters); the whole keyword is confirmed on the
            // text unless it is that one term (the index holds the text's characters and pairs).
            // The page is chosen on (posted_at, id) alone, then only its records are read (sorted
            // with them, every candidate in the region had its record copied into the sorter).
            std::string head, filters, regionColumn = "j.region", postedAt = "j.posted_at",
                                       idColumn = "j.id";
            std::optional<std::string> best;
            bool confirmOnText = !keyword.empty();
            if (!terms.empty()) {
                best = jobs::rarestTerm(tx, terms, prefix);
                regionColumn = "k.region";
                postedAt = "k.posted_at";
                idColumn = "k.job_id";
                head =
                    "SELECT k.posted_at AS posted_at, k.job_id AS id FROM "
                    "job_search k CROSS JOIN jobs j WHERE k.term = " +
                    param(*best) + " AND j.id = k.job_id AND j.withdrawn = 0 AND j.expires_at > $1";
                confirmOnText = !(terms.size() == 1 && terms.front() == keyword);
            } else {  // no keyword, or only separate single characters ("a b"): the text alone
                head =
                    "SELECT j.posted_at AS posted_at, j.id AS id FROM jobs j WHERE j.withdrawn = 0 "
                    "AND j.expires_at > $1";
            }
            if (confirmOnText)
                filters +=
                    " AND j.search_text LIKE " + param(containsPattern(keyword)) + " ESCAPE '!'";
            if (!req->category().empty())
                filters += " AND j.category = " + param(req->category());
            if (req->has_min_salary())
                filters += " AND COALESCE(j.salary_max, j.salary_min) >= " +
                           param(req->min_salary().fen());
            if (req->has_posted_since())
                filters += " AND " + postedAt + " >= " + param(microsOf(req->posted_since()));
            if (!req->page().page_token().empty()) {
                // Keyset paging on (posted_at, id) descending: postings added meanwhile are newer
                // and land before the cursor, so later pages neither repeat nor skip.
                const auto [posted, lastId] = parsePageToken(req->page().page_token());
                const std::string p = param(posted), id = param(lastId);
                filters += " AND (" + postedAt + " < " + p + " OR (" + postedAt + " = " + p +
                           " AND " + idColumn + " < " + id + "))";
            }
            // A county's townships (a few to a few dozen regions) are each walked newest first
            // from the index and merged under one ORDER BY, so the walk stops after a page; a
            // range of regions read as one would sort every posting of the county that holds
            // the term. SQLite merges the arms as co-routines; PostgreSQL plans each arm of a
            // UNION on its own, so there each arm carries the order and the limit, and a Merge
            // Append joins them.
            const auto regions = jobs::regionsUnder(tx, prefix, best, kMaxMergedRegions);
            if (regions && regions->empty()) {
                resp->mutable_page()->set_total_estimate(0);
                return;
            }
            const std::string order = " ORDER BY " + postedAt + " DESC, " + idColumn + " DESC";
            const std::string limit = " LIMIT " + param(static_cast<std::int64_t>(pageSize + 1));
            std::string candidates;
            if (regions && regions->size() == 1) {
                candidates = head + " AND " + regionColumn + " = " + param(regions->front()) +
                             filters + order + limit;
            } else if (regions) {
                const bool postgres = tx.backend() == store::Backend::Postgres;
                for (const auto& region : *regions) {
                    candidates += candidates.empty() ? "" : " UNION ALL ";
                    candidates += postgres ? "(" : "";
                    candidates.append(head).append(" AND ").append(regionColumn).append(" = ");
                    candidates.append(param(region)).append(filters);
                    if (postgres)
                        candidates.append(order).append(limit).append(")");
                }
                candidates += " ORDER BY posted_at DESC, id DESC" + limit;
            } else {
                candidates = head + jobs::regionRangeSql(regionColumn, prefix, params) + filters +
                             order + limit;
            }
            const std::string sql =
                "SELECT r.record, r.withdrawn, r.expires_at, c.posted_at, c.id FROM (" +
                candidates +
                ") AS c CROSS JOIN jobs r WHERE r.id = c.id ORDER BY c.posted_at DESC, c.id DESC";
            const auto rows = tx.query(sql, params);
            for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < pageSize; ++i) {
                *resp->add_jobs() = jobFromRow(rows[i], now);
            }
            if (static_cast<int>(rows.size()) > pageSize) {
                const auto& last = rows[pageSize - 1];
                resp->mutable_page()->set_next_page_token(std::to_string(last.integer(3)) + ":" +
                                                          last.text(4));
            }
            resp->mutable_page()->set_total_estimate(static_cast<std::int64_t>(
                rows.size() > static_cast<std::size_t>(pageSize) ? pageSize + 1 : rows.size()));
        });
}

grpc::Status JobServiceImpl::GetJob(grpc::ServerContext* ctx, const GetJobRequest* req,
                                    GetJobResponse* resp) {
    std::optional<Refusal> invalid;
    if (req->id().empty() || req->id().size() > 64)
        invalid = Refusal::malformed("id required, at most 64 characters");
    return m_runner.query(
        ctx, "jobs.get", invalid, [&](store::Tx& tx, const Caller&, Subject&, std::int64_t now) {
            resp->Clear();
            const auto row = tx.queryOne(
                "SELECT record, withdrawn, expires_at FROM jobs WHERE id = $1", {req->id()});
            if (!row)
                throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such posting"));
            *resp->mutable_job() = jobFromRow(*row, now);
        });
}

namespace {

// The region of every existing posting among `rows`' ids.
std::map<std::string, std::string> regionsOfJobs(store::Tx& tx,
                                                 const std::vector<std::pair<int, Job>>& rows) {
    std::map<std::string, std::string> owners;
    constexpr std::size_t kChunk = 500;
    std::vector<store::Value> params;
    std::string in;
    auto flush = [&] {
        if (params.empty())
            return;
        for (const auto& r :
             tx.query("SELECT id, region FROM jobs WHERE id IN (" + in + ")", params))
            owners.emplace(r.text(0), r.text(1));
        params.clear();
        in.clear();
    };
    for (const auto& [line, j] : rows) {
        if (j.id().empty())
            continue;
        params.emplace_back(j.id());
        in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
        if (params.size() == kChunk)
            flush();
    }
    flush();
    return owners;
}

}  // namespace

grpc::Status JobServiceImpl::ImportJobs(grpc::ServerContext* ctx, const ImportJobsRequest* req,
                                        ImportJobsResponse* resp) {
    const auto invalid = checks::firstOf(
        [&] { return checks::checkRequestId(req->request_id()); },
        [&]() -> checks::Result {
            if (req->source_case() == ImportJobsRequest::SOURCE_NOT_SET)
                return Refusal::malformed("no source");
            if (req->csv().size() > kMaxImportBytes || req->json().size() > kMaxImportBytes ||
                req->ByteSizeLong() > kMaxImportBytes + 1024) {
                return Refusal::malformed("content over 8 MiB");
            }
            if (!checks::isValidUtf8(req->csv()) || !checks::isValidUtf8(req->json()))
                return Refusal::malformed("content is not UTF-8");
            return std::nullopt;
        });
    // Read before the transaction: the writer is not held while 8 MiB are parsed, and a
    // retried transaction does not parse again.
    const auto import =
        invalid ? std::make_shared<JobImport>() : std::make_shared<JobImport>(readJobImport(*req));
    return m_runner.mutate(
        ctx, "jobs.import", req->request_id(), *req, resp, invalid,
        [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
            requireStaff(caller);
            auto addError = [&](int line, const std::string& field, const std::string& reason) {
                auto* e = resp->add_errors();
                e->set_line(line);
                e->set_field(field);
                e->set_reason(reason);
            };
            if (import->refusal)
                throw Refused(*import->refusal);
            for (const auto& e : import->errors)
                *resp->add_errors() = e;
            auto rows = import->rows;
            // A posting's id belongs to the region that posted it: an import may not take over
            // (or bring back) another region's posting.
            const std::map<std::string, std::string> owners = regionsOfJobs(tx, rows);
            std::vector<Job> accepted;
            std::set<std::string> ids;
            for (auto& [line, j] : rows) {
                if (auto e = checkJob(j, now)) {
                    addError(line, e->field(), e->reason());
                    continue;
                }
                if (!inRegion(caller, regionText(j.region()))) {
                    addError(line, "region", "outside your region");
                    continue;
                }
                if (const auto owner = owners.find(j.id());
                    owner != owners.end() && !inRegion(caller, owner->second)) {
                    addError(line, "id", "a posting of another region has this id");
                    continue;
                }
                if (j.id().empty())
                    j.set_id("J" + store::toHex(randomBytes(8)));
                if (!ids.insert(j.id()).second) {
                    addError(line, "id", "the same id twice in one import");
                    continue;
                }
                if (!j.has_posted_at())
                    setTimestamp(j.mutable_posted_at(), now);
                j.set_status(JOB_STATUS_UNSPECIFIED);  // derived when read
                accepted.push_back(std::move(j));
            }
            std::sort(
                resp->mutable_errors()->begin(), resp->mutable_errors()->end(),
                [](const ImportError& a, const ImportError& b) { return a.line() < b.line(); });
            resp->set_rejected(resp->errors_size());
            if (resp->errors_size() > 0 && !req->skip_bad()) {
                resp->set_accepted(0);
                return;  // all or nothing
            }
            resp->set_accepted(static_cast<int>(accepted.size()));
            if (req->dry_run())
                return;
            for (const auto& j : accepted)
                storeJob(tx, j, now);
            if (!accepted.empty())
                bumpContentRevision(tx, now);  // displays re-render job highlights
        });
}

grpc::Status JobServiceImpl::ExpireJob(grpc::ServerContext* ctx, const ExpireJobRequest* req,
                                       ExpireJobResponse* resp) {
    const auto invalid = checks::firstOf([&] { return checks::checkRequestId(req->request_id()); },
                                         [&]() -> checks::Result {
                                             if (req->id().empty() || req->id().size() > 64)
                                                 return Refusal::malformed("id required");
                                             return std::nullopt;
                                         });
    return m_runner.mutate(
        ctx, "jobs.expire", req->request_id(), *req, resp, invalid,
        [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
            requireStaff(caller);
            const auto row = tx.queryOne(
                "SELECT region FROM jobs WHERE id = $1" + std::string(tx.forUpdate()), {req->id()});
            if (!row)
                throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such posting"));
            requireRegion(caller, row->text(0));
            tx.exec(
                "UPDATE jobs SET withdrawn = 1, updated_at = $2 WHERE id = $1 AND withdrawn = 0 "
                "AND expires_at > $2",
                {req->id(), now});
            const auto after = tx.queryOne(
                "SELECT record, withdrawn, expires_at FROM jobs WHERE id = $1", {req->id()});
            *resp->mutable_job() = jobFromRow(*after, now);
            bumpContentRevision(tx, now);
        });
}

}  // namespace renshe::services::backoffice
