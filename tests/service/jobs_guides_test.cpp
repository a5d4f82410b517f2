// Job postings and service guides over mutual TLS on SQLite and PostgreSQL: Chinese keyword
// search that finds one- and two-character words, filters, keyset paging that neither repeats
// nor skips while postings are added, import errors per line, withdrawal; the guide catalogue
// versioned for terminal caches.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

#include "renshe/v1/guides.grpc.pb.h"
#include "renshe/v1/jobs.grpc.pb.h"
#include "tests/service/backoffice_env.hpp"
#include "tests/service/sample_guide.hpp"

namespace {

using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::newRequestId;
using renshe::testing::StoreKind;
using Jobs = JobService::Stub;
using Guides = GuideService::Stub;

struct Stubs {
    std::unique_ptr<Jobs> jobs;
    std::unique_ptr<Guides> guides;
};

Stubs stubsAs(BackofficeEnv& env, const renshe::testing::CertFiles& who) {
    auto channel =
        renshe::services::client::makeChannel(env.pki().endpoint(env.backoffice().target(), who));
    return {JobService::NewStub(channel), GuideService::NewStub(channel)};
}

// Two townships of 兰山区: 101 (the terminal's) and 102.
const std::string kPostings =
    "id,title,employer,category,region,salary_min,salary_max,requirements,contact_phone,posted_at,"
    "expires_at\n"
    "J01,货车司机,临沂顺达物流有限公司,交通运输,371302101,6000,9000,持B2驾照，三年以上驾龄,0539-"
    "1234567,2026-11-01,2027-01-31\n"
    "J02,电焊工,兰山机械厂,制造,371302101,5500,8000,持焊工证,,2026-11-02,2027-01-31\n"
    "J03,保洁员,兰山区物业服务中心,家政服务,371302101,2500,3000,身体健康，能吃苦,,2026-11-03,2027-"
    "01-31\n"
    "J04,会计,兰山商贸公司,财务,371302101,4000,6000,会计证，熟练使用财务软件,,2026-11-04,2027-01-"
    "31\n"
    "J05,出纳,兰山商贸公司,财务,371302102,3500,,细心负责,,2026-11-05,2027-01-31\n"
    "J06,司机助理,临沂顺达物流有限公司,交通运输,371302102,,,会计基础者优先,,2026-11-06,2027-01-31\n"
    "J07,CAD制图员,兰山设计院,设计,371302101,5000,7000,熟悉AutoCAD,,2026-11-07,2027-01-31\n"
    "J08,仓库管理员,临沂顺达物流有限公司,交通运输,371302101,3000,4000,会用电脑,,2020-01-01,2021-01-"
    "01\n";

std::vector<std::string> idsOf(const SearchJobsResponse& r) {
    std::vector<std::string> ids;
    for (const auto& j : r.jobs())
        ids.push_back(j.id());
    return ids;
}

class JobsAndGuides : public ::testing::TestWithParam<StoreKind> {
protected:
    BackofficeEnv env{GetParam()};
    Stubs staff = stubsAs(env, env.pki().staff("S-0001", BackofficeEnv::kRegion));
    Stubs province = stubsAs(env, env.provinceStaffFiles());
    Stubs touch = stubsAs(env, env.pki().touchTerminal("T-371302101-01", "371302101"));

    void importCsv(const std::string& csv) {
        ImportJobsRequest r;
        r.set_request_id(newRequestId());
        r.set_csv(csv);
        ImportJobsResponse resp;
        const auto o = call(*staff.jobs, &Jobs::ImportJobs, r, &resp);
        ASSERT_TRUE(o.ok()) << o;
        ASSERT_EQ(resp.errors_size(), 0) << resp.errors(0).reason();
    }

    std::vector<std::string> search(const std::string& keyword, const std::string& region = "",
                                    const std::function<void(SearchJobsRequest&)>& more = {}) {
        SearchJobsRequest r;
        r.set_keyword(keyword);
        r.set_region_prefix(region);
        if (more)
            more(r);
        SearchJobsResponse resp;
        const auto o = call(*touch.jobs, &Jobs::SearchJobs, r, &resp);
        EXPECT_TRUE(o.ok()) << o;
        return idsOf(resp);
    }
};

using Ids = std::vector<std::string>;

TEST_P(JobsAndGuides, KeywordsOfOneAndTwoCharactersWithFilters) {
    importCsv(kPostings);
    // The terminal's own township by default, newest first; the expired J08 never shows.
    EXPECT_EQ(search(""), (Ids{"J07", "J04", "J03", "J02", "J01"}));
    EXPECT_EQ(search("", "371302"), (Ids{"J07", "J06", "J05", "J04", "J03", "J02", "J01"}));
    // One character, two characters, longer, and in the requirements.
    EXPECT_EQ(search("焊"), (Ids{"J02"}));
    EXPECT_EQ(search("司机", "371302"), (Ids{"J06", "J01"}));
    EXPECT_EQ(search("保洁"), (Ids{"J03"}));
    EXPECT_EQ(search("会计", "371302"), (Ids{"J06", "J04"}));  // J06 asks for 会计基础
    EXPECT_EQ(search("货车司机"), (Ids{"J01"}));
    EXPECT_EQ(search("顺达物流"), (Ids{"J01"}));
    // Bigrams in the wrong order or not adjacent match nothing.
    EXPECT_EQ(search("机司"), Ids{});
    EXPECT_EQ(search("货司"), Ids{});
    EXPECT_EQ(search("律师"), Ids{});
    // Latin letters ignore case; SQL metacharacters are plain text.
    EXPECT_EQ(search("cad"), (Ids{"J07"}));
    EXPECT_EQ(search("autocad"), (Ids{"J07"}));
    EXPECT_EQ(search("%"), Ids{});
    EXPECT_EQ(search("' OR 1=1 --"), Ids{});
    // Filters: category, minimum salary (postings reaching it), posted since.
    EXPECT_EQ(search("", "371302", [](auto& r) { r.set_category("财务"); }), (Ids{"J05", "J04"}));
    EXPECT_EQ(search("", "371302", [](auto& r) { r.mutable_min_salary()->set_fen(700000); }),
              (Ids{"J07", "J02", "J01"}));
    EXPECT_EQ(search("司机", "371302", [](auto& r) { r.mutable_min_salary()->set_fen(100); }),
              (Ids{"J01"}));
    EXPECT_EQ(search("", "371302",
                     [](auto& r) {
                         r.mutable_posted_since()->set_seconds(1793894400);
                     }),  // 2026-11-06 CST
              (Ids{"J07", "J06"}));

    GetJobRequest g;
    g.set_id("J01");
    GetJobResponse job;
    ASSERT_TRUE(call(*touch.jobs, &Jobs::GetJob, g, &job).ok());
    EXPECT_EQ(job.job().title(), "货车司机");
    EXPECT_EQ(job.job().salary_min().fen(), 600000);
    EXPECT_EQ(job.job().status(), JOB_STATUS_OPEN);
    EXPECT_EQ(job.job().contact_phone(), "0539-1234567");
    g.set_id("J08");
    ASSERT_TRUE(call(*touch.jobs, &Jobs::GetJob, g, &job).ok());
    EXPECT_EQ(job.job().status(), JOB_STATUS_EXPIRED);
    g.set_id("J99");
    EXPECT_EQ(call(*touch.jobs, &Jobs::GetJob, g, &job).code, grpc::StatusCode::NOT_FOUND);

    // Withdrawn by staff: gone from search, still readable with its status.
    ExpireJobRequest x;
    x.set_request_id(newRequestId());
    x.set_id("J02");
    ExpireJobResponse xr;
    ASSERT_TRUE(call(*staff.jobs, &Jobs::ExpireJob, x, &xr).ok());
    EXPECT_EQ(xr.job().status(), JOB_STATUS_WITHDRAWN);
    EXPECT_EQ(search("焊"), Ids{});
    EXPECT_EQ(call(*touch.jobs, &Jobs::ExpireJob, x, &xr).refusal, "REFUSAL_REASON_STAFF_ONLY");

    // Display terminals read postings too (job highlights); malformed searches are refused.
    Stubs display = stubsAs(
        env,
        env.pki().client({"T-371302101-01-D", renshe::services::pki::Role::Display, "371302101"}));
    SearchJobsRequest s;
    SearchJobsResponse sr;
    ASSERT_TRUE(call(*display.jobs, &Jobs::SearchJobs, s, &sr).ok());
    EXPECT_EQ(sr.jobs_size(), 4);
    std::string tooLong;
    for (int i = 0; i < 33; ++i)
        tooLong += "司";
    s.set_keyword(tooLong);
    EXPECT_EQ(call(*touch.jobs, &Jobs::SearchJobs, s, &sr).code,
              grpc::StatusCode::INVALID_ARGUMENT);
    s.Clear();
    s.mutable_page()->set_page_token("garbage");
    EXPECT_EQ(call(*touch.jobs, &Jobs::SearchJobs, s, &sr).code,
              grpc::StatusCode::INVALID_ARGUMENT);
    s.Clear();
    s.set_region_prefix("37a");
    EXPECT_EQ(call(*touch.jobs, &Jobs::SearchJobs, s, &sr).code,
              grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_P(JobsAndGuides, PagingNeitherRepeatsNorSkipsWhilePostingsAreAdded) {
    std::string csv = "id,title,employer,region,posted_at,expires_at\n";
    for (int i = 0; i < 45; ++i) {
        char line[200];
        std::snprintf(line, sizeof line,
                      "P%02d,普工%d,兰山工厂,371302101,2026-10-%02d,2027-06-30\n", i, i,
                      1 + i % 28);
        csv += line;
    }
    importCsv(csv);
    std::set<std::string> seen;
    std::vector<std::string> order;
    SearchJobsRequest r;
    r.mutable_page()->set_page_size(10);
    for (int page = 0; page < 10; ++page) {
        SearchJobsResponse resp;
        ASSERT_TRUE(call(*touch.jobs, &Jobs::SearchJobs, r, &resp).ok());
        for (const auto& j : resp.jobs()) {
            EXPECT_TRUE(seen.insert(j.id()).second) << "repeated " << j.id();
            order.push_back(j.id());
        }
        // Meanwhile new postings arrive (newer than everything).
        importCsv("id,title,employer,region,expires_at\nN" + std::to_string(page) +
                  "a,新岗位,兰山工厂,371302101,2027-06-30\n" + "N" + std::to_string(page) +
                  "b,新岗位,兰山工厂,371302101,2027-06-30\n");
        if (resp.page().next_page_token().empty())
            break;
        r.mutable_page()->set_page_token(resp.page().next_page_token());
    }
    for (int i = 0; i < 45; ++i) {
        char id[8];
        std::snprintf(id, sizeof id, "P%02d", i);
        EXPECT_TRUE(seen.count(id)) << "skipped " << id;
    }
    EXPECT_EQ(order.size(), 45u);  // the new ones are newer than the first page: not in this walk
}

// A search under a county's prefix walks each township's postings newest first and merges
// them (up to 64 townships); beyond that it reads the prefix's range and sorts it. Both must
// give the one newest-first order, page after page, with and without a keyword, and with a
// keyword whose postings sit in only some of the townships.
TEST_P(JobsAndGuides, CountyWidePagesMergeTheTownshipsInOneOrder) {
    struct Posting {
        std::string date, id, region;
        bool welder;
    };
    std::vector<Posting> postings;
    std::string csv = "id,title,employer,region,posted_at,expires_at\n";
    for (int i = 0; i < 140; ++i) {
        // 70 townships 371302101..170, two postings each, dates spread so that townships
        // interleave; equal dates are ordered by id.
        char region[16], date[16], id[8];
        std::snprintf(region, sizeof region, "371302%03d", 101 + i % 70);
        std::snprintf(date, sizeof date, "2026-10-%02d", 1 + (i * 11) % 28);
        std::snprintf(id, sizeof id, "C%03d", i);
        const bool welder = i % 3 == 0;
        postings.push_back({date, id, region, welder});
        csv += std::string(id) + "," + (welder ? "电焊工" : "普工") + ",兰山工厂," + region + "," +
               date + ",2027-06-30\n";
    }
    importCsv(csv);
    std::sort(postings.begin(), postings.end(), [](const Posting& a, const Posting& b) {
        return std::tie(a.date, a.id) > std::tie(b.date, b.id);
    });
    const auto expected = [&](const std::string& prefix, bool weldersOnly) {
        Ids ids;
        for (const auto& p : postings)
            if (p.region.rfind(prefix, 0) == 0 && (!weldersOnly || p.welder))
                ids.push_back(p.id);
        return ids;
    };
    const auto walk = [&](const std::string& keyword, const std::string& prefix) {
        Ids ids;
        std::string token;
        for (int page = 0; page < 100; ++page) {
            SearchJobsRequest r;
            r.set_keyword(keyword);
            r.set_region_prefix(prefix);
            r.mutable_page()->set_page_size(7);
            r.mutable_page()->set_page_token(token);
            SearchJobsResponse resp;
            const auto o = call(*staff.jobs, &Jobs::SearchJobs, r, &resp);
            EXPECT_TRUE(o.ok()) << o;
            for (const auto& j : resp.jobs())
                ids.push_back(j.id());
            token = resp.page().next_page_token();
            if (token.empty())
                break;
        }
        return ids;
    };
    // 371302 holds 70 townships (past the merge's 64: read as a range); 37130210 holds nine,
    // 3713021 all 70; 371302105 one.
    for (const std::string prefix : {"371302", "3713021", "37130210", "371302105", "371302999"}) {
        EXPECT_EQ(walk("", prefix), expected(prefix, false)) << prefix;
        EXPECT_EQ(walk("焊工", prefix), expected(prefix, true)) << prefix;
        EXPECT_EQ(walk("焊", prefix), expected(prefix, true)) << prefix;
        EXPECT_EQ(walk("电焊工", prefix), expected(prefix, true)) << prefix;
    }
    EXPECT_EQ(walk("", "37130210").size(), 18u);  // townships 101..109, two postings each
}

TEST_P(JobsAndGuides, ImportErrorsArePerLineAndAllOrNothing) {
    const std::string csv =
        "title,employer,region,salary_min,salary_max,expires_at\n"
        "货车司机,顺达物流,371302101,6000,9000,2027-01-31\n"
        ",顺达物流,371302101,6000,9000,2027-01-31\n"          // line 3: no title
        "电焊工,兰山机械厂,371302101,9000,6000,2027-01-31\n"  // line 4: min > max
        "保洁员,物业,3713,2500,3000,2027-01-31\n"             // line 5: bad region
        "会计,商贸,371302101,4000,6000,明年\n"                // line 6: bad date
        "出纳,商贸,370102001,3500,4000,2027-01-31\n";         // line 7: outside the staff region
    ImportJobsRequest r;
    r.set_request_id(newRequestId());
    r.set_csv(csv);
    ImportJobsResponse resp;
    ASSERT_TRUE(call(*staff.jobs, &Jobs::ImportJobs, r, &resp).ok());
    ASSERT_EQ(resp.errors_size(), 5);
    EXPECT_EQ(resp.errors(0).line(), 3);
    EXPECT_EQ(resp.errors(0).field(), "title");
    EXPECT_EQ(resp.errors(1).line(), 4);
    EXPECT_EQ(resp.errors(1).reason(), "salary_min greater than salary_max");
    EXPECT_EQ(resp.errors(2).field(), "region");
    EXPECT_EQ(resp.errors(3).field(), "expires_at");
    EXPECT_EQ(resp.errors(4).line(), 7);
    EXPECT_EQ(resp.accepted(), 0);
    EXPECT_EQ(search("", "3713"), Ids{});

    r.set_request_id(newRequestId());
    r.set_dry_run(true);
    r.set_skip_bad(true);
    ASSERT_TRUE(call(*staff.jobs, &Jobs::ImportJobs, r, &resp).ok());
    EXPECT_EQ(resp.accepted(), 1);
    EXPECT_EQ(search("", "3713"), Ids{});  // dry run

    r.set_request_id(newRequestId());
    r.set_dry_run(false);
    ASSERT_TRUE(call(*staff.jobs, &Jobs::ImportJobs, r, &resp).ok());
    EXPECT_EQ(resp.accepted(), 1);
    EXPECT_EQ(resp.rejected(), 5);
    EXPECT_EQ(search("司机").size(), 1u);

    // JSON: one element is not a posting.
    ImportJobsRequest j;
    j.set_request_id(newRequestId());
    j.set_json(
        R"([{"id":"JX1","title":"保安","employer":"兰山物业","region":{"divisionCode":"371302","townshipCode":"101"},
                   "expiresAt":"2027-03-01T00:00:00Z"}, {"title": 42, "nonsense": true}])");
    ASSERT_TRUE(call(*staff.jobs, &Jobs::ImportJobs, j, &resp).ok());
    ASSERT_EQ(resp.errors_size(), 1);
    EXPECT_EQ(resp.errors(0).line(), 2);
    j.set_request_id(newRequestId());
    j.set_skip_bad(true);
    ASSERT_TRUE(call(*staff.jobs, &Jobs::ImportJobs, j, &resp).ok());
    EXPECT_EQ(search("保安"), (Ids{"JX1"}));

    // Terminals cannot import; garbage is refused whole.
    j.set_request_id(newRequestId());
    EXPECT_EQ(call(*touch.jobs, &Jobs::ImportJobs, j, &resp).refusal, "REFUSAL_REASON_STAFF_ONLY");
    j.set_request_id(newRequestId());
    j.set_json("{not json");
    EXPECT_EQ(call(*staff.jobs, &Jobs::ImportJobs, j, &resp).code,
              grpc::StatusCode::INVALID_ARGUMENT);
}

// A posting's id belongs to its region: a clerk of another county cannot overwrite (or bring
// back) it by importing the same id; timestamps outside the protobuf range are refused.
TEST_P(JobsAndGuides, AnImportCannotTakeOverAnotherRegionsPosting) {
    importCsv(kPostings);
    ExpireJobRequest ex;
    ex.set_request_id(newRequestId());
    ex.set_id("J01");
    ExpireJobResponse exr;
    ASSERT_TRUE(call(*staff.jobs, &Jobs::ExpireJob, ex, &exr).ok());

    // Staff of 罗庄区 import "J01" as one of their own postings.
    Stubs other = stubsAs(env, env.pki().staff("S-0300", "371311"));
    ImportJobsRequest r;
    r.set_request_id(newRequestId());
    r.set_csv("id,title,employer,region,expires_at\nJ01,保安,罗庄物业,371311001,2027-01-31\n");
    ImportJobsResponse resp;
    ASSERT_TRUE(call(*other.jobs, &Jobs::ImportJobs, r, &resp).ok());
    ASSERT_EQ(resp.errors_size(), 1);
    EXPECT_EQ(resp.errors(0).field(), "id");
    EXPECT_EQ(resp.accepted(), 0);
    // J01 is still 兰山's, still withdrawn.
    EXPECT_EQ(search("货车司机"), Ids{});
    EXPECT_EQ(search("保安"), Ids{});

    // Timestamps a protobuf Timestamp cannot hold.
    SearchJobsRequest sr;
    sr.mutable_posted_since()->set_seconds(std::numeric_limits<std::int64_t>::max());
    SearchJobsResponse srr;
    const auto o = call(*touch.jobs, &Jobs::SearchJobs, sr, &srr);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    ImportJobsRequest farOff;
    farOff.set_request_id(newRequestId());
    auto* job = farOff.mutable_rows()->add_jobs();
    job->set_title("保安");
    job->set_employer("兰山物业");
    job->mutable_region()->set_division_code("371302");
    job->mutable_region()->set_township_code("101");
    job->mutable_expires_at()->set_seconds(std::numeric_limits<std::int64_t>::max());
    ASSERT_TRUE(call(*staff.jobs, &Jobs::ImportJobs, farOff, &resp).ok());
    ASSERT_EQ(resp.errors_size(), 1);
    EXPECT_EQ(resp.errors(0).field(), "expires_at");
}

Guide guide(const std::string& id, const std::string& title) {
    return renshe::testing::sampleGuide(id, title);
}

TEST_P(JobsAndGuides, GuideCatalogueIsVersionedForTerminalCaches) {
    ImportGuidesRequest imp;
    imp.set_request_id(newRequestId());
    *imp.add_guides() = guide("G-CARD-LOSS", "社会保障卡挂失");
    *imp.add_guides() = guide("G-CARD-PIN", "社会保障卡密码重置");
    ImportGuidesResponse ir;
    // The catalogue is the province's: a county clerk cannot rewrite what every terminal shows.
    const auto county = call(*staff.guides, &Guides::ImportGuides, imp, &ir);
    EXPECT_EQ(county.code, grpc::StatusCode::PERMISSION_DENIED) << county;
    EXPECT_EQ(county.refusal, "REFUSAL_REASON_OUTSIDE_REGION");
    imp.set_request_id(newRequestId());
    ASSERT_TRUE(call(*province.guides, &Guides::ImportGuides, imp, &ir).ok());
    EXPECT_EQ(ir.catalogue_version(), 1);
    EXPECT_EQ(ir.accepted(), 2);

    ListGuidesRequest list;
    ListGuidesResponse lr;
    ASSERT_TRUE(call(*touch.guides, &Guides::ListGuides, list, &lr).ok());
    EXPECT_EQ(lr.catalogue_version(), 1);
    ASSERT_EQ(lr.guides_size(), 2);
    EXPECT_EQ(lr.guides(0).materials(0).name(), "居民身份证");
    list.set_if_none_match_version(1);
    ASSERT_TRUE(call(*touch.guides, &Guides::ListGuides, list, &lr).ok());
    EXPECT_TRUE(lr.not_modified());
    EXPECT_EQ(lr.guides_size(), 0);

    // One bad guide: nothing changes, the version stays.
    ImportGuidesRequest bad;
    bad.set_request_id(newRequestId());
    *bad.add_guides() = guide("G-CARD-LOSS", "社会保障卡挂失（新）");
    Guide empty = guide("G-EMPTY", "空");
    empty.clear_materials();
    empty.clear_process_steps();
    *bad.add_guides() = empty;
    ASSERT_TRUE(call(*province.guides, &Guides::ImportGuides, bad, &ir).ok());
    ASSERT_EQ(ir.errors_size(), 1);
    EXPECT_EQ(ir.errors(0).line(), 2);
    EXPECT_EQ(ir.catalogue_version(), 1);

    // An update and a withdrawal: one new version; a cached terminal gets the whole catalogue.
    ImportGuidesRequest upd;
    upd.set_request_id(newRequestId());
    *upd.add_guides() = guide("G-CARD-LOSS", "社会保障卡挂失（新）");
    upd.add_withdraw_ids("G-CARD-PIN");
    ASSERT_TRUE(call(*province.guides, &Guides::ImportGuides, upd, &ir).ok());
    EXPECT_EQ(ir.catalogue_version(), 2);
    ASSERT_TRUE(call(*touch.guides, &Guides::ListGuides, list, &lr).ok());
    EXPECT_FALSE(lr.not_modified());
    EXPECT_EQ(lr.catalogue_version(), 2);
    ASSERT_EQ(lr.guides_size(), 1);
    EXPECT_EQ(lr.guides(0).title(), "社会保障卡挂失（新）");
    EXPECT_EQ(lr.guides(0).version(), 2);

    GetGuideRequest g;
    g.set_id("G-CARD-PIN");
    GetGuideResponse gr;
    EXPECT_EQ(call(*touch.guides, &Guides::GetGuide, g, &gr).code, grpc::StatusCode::NOT_FOUND);
    g.set_id("G-CARD-LOSS");
    ASSERT_TRUE(call(*touch.guides, &Guides::GetGuide, g, &gr).ok());
    EXPECT_EQ(gr.guide().consultation(), "12333");
    upd.set_request_id(newRequestId());
    EXPECT_EQ(call(*touch.guides, &Guides::ImportGuides, upd, &ir).refusal,
              "REFUSAL_REASON_STAFF_ONLY");
}

INSTANTIATE_TEST_SUITE_P(Backends, JobsAndGuides,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
