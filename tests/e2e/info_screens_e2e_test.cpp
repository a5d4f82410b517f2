// 就业信息 and 办事指南 on the real kiosk (offscreen) against the real back office: the
// terminal's township by default, one-touch job words, a posting's details; the guide
// catalogue with everything to bring on one screen, still shown from the kiosk's copy when
// the back office is down.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <fstream>

#include "renshe/v1/guides.grpc.pb.h"
#include "renshe/v1/jobs.grpc.pb.h"
#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/service/backoffice_env.hpp"

using namespace std::chrono_literals;
using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::KioskProcess;

namespace {

using renshe::testing::text;

// The guide catalogue is the province's to write.
std::shared_ptr<grpc::Channel> provinceChannel(BackofficeEnv& env) {
    return renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().staffTarget(), env.provinceStaffFiles()));
}

TEST(InfoScreens, JobsOfTheTownshipAndGuidesFromTheCache) {
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite);
    const auto staffFiles = env.pki().staff("S-0001", BackofficeEnv::kRegion);
    auto channel = renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().staffTarget(), staffFiles));
    ImportJobsRequest jobs;
    jobs.set_request_id(renshe::testing::newRequestId());
    jobs.set_csv(
        "id,title,employer,region,salary_min,salary_max,requirements,contact_phone,posted_at,"
        "expires_at\n"
        "J1,货车司机,顺达物流,371302101,6000,9000,B2驾照,0539-1234567,2026-11-10,2027-06-30\n"
        "J2,保洁员,兰山物业,371302101,2500,,身体健康,,2026-11-11,2027-06-30\n"
        "J3,司机,别的乡镇公司,371302102,5000,6000,,,2026-11-12,2027-06-30\n");
    ImportJobsResponse jr;
    ASSERT_TRUE(renshe::testing::call(*JobService::NewStub(channel), &JobService::Stub::ImportJobs,
                                      jobs, &jr)
                    .ok());
    ASSERT_EQ(jr.accepted(), 3);
    ImportGuidesRequest guides;
    guides.set_request_id(renshe::testing::newRequestId());
    auto* g = guides.add_guides();
    g->set_id("G1");
    g->set_title("社会保障卡挂失");
    g->set_category("社会保障卡");
    g->add_process_steps("插卡");
    auto* m = g->add_materials();
    m->set_name("居民身份证");
    m->set_copies(1);
    m->set_original(true);
    ImportGuidesResponse gr;
    ASSERT_TRUE(renshe::testing::call(*GuideService::NewStub(provinceChannel(env)),
                                      &GuideService::Stub::ImportGuides, guides, &gr)
                    .ok());

    // The terminal of township 371302101.
    const auto terminal = env.pki().touchTerminal("T-371302101-01", "371302101");
    KioskProcess kiosk(env.kioskArgs(terminal));

    kiosk.click("tileJobs");
    EXPECT_EQ(kiosk.waitForProperty("jobsList", "count", 2, 10s), QJsonValue(2));  // not J3 of 102
    kiosk.click("jobKeyword1");                                                    // 司机
    EXPECT_EQ(kiosk.waitForProperty("jobsList", "count", 1, 10s), QJsonValue(1));
    kiosk.click("job0");
    EXPECT_EQ(kiosk.waitForProperty("jobDetailTitle", "text", text("货车司机"), 10s),
              text("货车司机"));
    EXPECT_EQ(kiosk.property("jobDetail", "visible"), QJsonValue(true));
    EXPECT_EQ(kiosk.waitForProperty("jobQr", "status", text("Ready"), 5s),
              text("Ready"));  // the QR drawn
    kiosk.click("jobsBack");   // to the list

    // Any other word on the pinyin keyboard: the whole word spelled, the word picked.
    kiosk.click("jobTypeToggle");
    ASSERT_TRUE(renshe::testing::pickOnPinyinKeyboard(kiosk, "baojie", "保洁"));
    EXPECT_EQ(kiosk.property("jobTyped", "text"), text("保洁"));
    kiosk.click("jobSearchTyped");
    EXPECT_EQ(kiosk.waitForProperty("jobsList", "count", 1, 10s), QJsonValue(1));
    kiosk.click("job0");
    EXPECT_EQ(kiosk.waitForProperty("jobDetailTitle", "text", text("保洁员"), 10s), text("保洁员"));
    kiosk.click("jobsBack");  // to the list
    kiosk.click("jobsBack");  // home
    EXPECT_EQ(kiosk.waitForProperty("homeScreen", "visible", true, 5s), QJsonValue(true));

    kiosk.click("tileGuides");
    kiosk.waitForProperty("guide0", "title", text("社会保障卡挂失"), 10s);
    kiosk.click("guide0");
    EXPECT_EQ(kiosk.waitForProperty("guideMaterial0", "text", text("■ 居民身份证（原件1份）"), 10s),
              text("■ 居民身份证（原件1份）"));
    kiosk.click("guidesBack");
    kiosk.click("guidesBack");

    // The back office goes away: the catalogue is still there from the kiosk's copy.
    env.backoffice().kill9();
    kiosk.click("tileGuides");
    EXPECT_EQ(kiosk.waitForProperty("guide0", "title", text("社会保障卡挂失"), 10s),
              text("社会保障卡挂失"));
    // The refresh attempt ends (unanswered) and the cached catalogue stays, without a message.
    EXPECT_EQ(kiosk.waitForProperty("guidesState", "loading", false, 15s), QJsonValue(false));
    EXPECT_EQ(kiosk.property("guidesMessage", "visible"), QJsonValue(false));
    EXPECT_EQ(kiosk.property("guide0", "title"), text("社会保障卡挂失"));
}

}  // namespace

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The demo's postings and guide catalogue (deploy/demo-data): real lengths of real words.
void importDemoContent(BackofficeEnv& env) {
    auto channel = renshe::services::client::makeChannel(env.pki().endpoint(
        env.backoffice().staffTarget(), env.pki().staff("S-0001", BackofficeEnv::kRegion)));
    ImportJobsRequest jobs;
    jobs.set_request_id(renshe::testing::newRequestId());
    jobs.set_csv(slurp(RENSHE_DEMO_DATA "/jobs.csv"));
    ImportJobsResponse jr;
    ASSERT_TRUE(renshe::testing::call(*JobService::NewStub(channel), &JobService::Stub::ImportJobs,
                                      jobs, &jr)
                    .ok());
    ImportGuidesRequest guides;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                    "{\"guides\": " + slurp(RENSHE_DEMO_DATA "/guides.json") + "}", &guides)
                    .ok());
    guides.set_request_id(renshe::testing::newRequestId());
    ImportGuidesResponse gr;
    ASSERT_TRUE(renshe::testing::call(*GuideService::NewStub(provinceChannel(env)),
                                      &GuideService::Stub::ImportGuides, guides, &gr)
                    .ok());
}

}  // namespace

// The jobs list, a posting, the guide list and a guide with the demo's content, at every
// terminal size, normal and elderly, Chinese and English: the layout audit of the ui tier
// (tests/ui/layout_audit.mjs) run in the real kiosk finds nothing.
TEST(InfoScreens, FitEveryTerminalWithRealContent) {
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite);
    importDemoContent(env);
    if (HasFatalFailure())
        return;
    const auto terminal = env.pki().touchTerminal("T-371302101-01", "371302101");
    KioskProcess kiosk(env.kioskArgs(terminal));
    renshe::testing::expectLayoutFitsEverywhere(kiosk, "home");
    for (const char* language : {"zh", "en"}) {
        if (std::string(language) == "en")
            kiosk.click("languageEn");
        const std::string where = std::string(language) + ": ";
        kiosk.click("tileJobs");
        ASSERT_TRUE(renshe::testing::waitUntil(
            [&] { return kiosk.property("jobsList", "count").toInt() > 0; }, 10s))
            << where;
        renshe::testing::expectLayoutFitsEverywhere(kiosk, where + "jobs");
        kiosk.click("jobTypeToggle");  // the pinyin keyboard open over the list
        kiosk.waitForProperty("jobsKeyboard", "visible", true, 5s);
        renshe::testing::expectLayoutFitsEverywhere(kiosk, where + "jobs: typing a word");
        kiosk.click("jobTypeToggle");
        kiosk.click("job0");
        kiosk.waitForProperty("jobDetail", "visible", true, 10s);
        renshe::testing::expectLayoutFitsEverywhere(kiosk, where + "a posting");
        kiosk.click("jobsBack");
        kiosk.click("jobsBack");
        kiosk.click("tileGuides");
        kiosk.waitForProperty("guide0", "visible", true, 10s);
        renshe::testing::expectLayoutFitsEverywhere(kiosk, where + "guides");
        kiosk.click("guide0");
        kiosk.waitForProperty("guideMaterial0", "visible", true, 10s);
        renshe::testing::expectLayoutFitsEverywhere(kiosk, where + "a guide");
        kiosk.click("guidesBack");
        kiosk.click("guidesBack");
        kiosk.waitForProperty("homeScreen", "visible", true, 5s);
        renshe::testing::expectLayoutFitsEverywhere(kiosk, where + "home");
    }
}
