// 业务申请 on the real kiosk (offscreen) against the real back office: 失业登记 with the social
// security card and its PIN (pcscd + vpcd + renshe-cardsim); a 预约 with the ID number
// and name typed, then its status looked up by number; 我要应聘 from a posting's details with a
// 差评 and its reason after it (the follow-up in the staff queue); a 上门服务 for a relative whose
// name is refused first, with the "请工作人员帮助" button on that error reaching the staff; the
// hall display's board of today's appointment tickets.
// Screenshots in <build>/tests/e2e/screenshots/applications/.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "renshe/v1/applications.grpc.pb.h"
#include "renshe/v1/content.grpc.pb.h"
#include "renshe/v1/jobs.grpc.pb.h"
#include "tests/fixtures/cardsim.hpp"
#include "tests/fixtures/pcscd.hpp"
#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/service/backoffice_env.hpp"

using namespace std::chrono_literals;
using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::KioskProcess;
using renshe::testing::text;

namespace {

class ApplicationsAtTheKiosk : public ::testing::Test {
protected:
    BackofficeEnv env{renshe::testing::StoreKind::Sqlite};
    renshe::testing::SeededCard card;  // 张三丰
    renshe::testing::CertFiles terminal = env.pki().touchTerminal("T-371302-001", "371302");
    std::shared_ptr<grpc::Channel> staff = renshe::services::client::makeChannel(env.pki().endpoint(
        env.backoffice().staffTarget(), env.pki().staff("S-0001", BackofficeEnv::kRegion)));
    renshe::testing::TempDir state{"renshe-apps-e2e"};
    std::unique_ptr<KioskProcess> kiosk;

    void SetUp() override {
        renshe::testing::seed(env.staff(), card);
        std::filesystem::create_directories("screenshots/applications");
    }

    void startKiosk() {
        kiosk = std::make_unique<KioskProcess>(
            env.kioskArgs(terminal, {"--state-dir", state.path().string(), "--receipt-dir",
                                     (state / "receipts").string()}));
    }

    // The terminal belongs to a service point offering three places a half day this week.
    std::string offerSlots() {
        auto admin = AdminService::NewStub(staff);
        UpsertServicePointRequest sp;
        sp.set_request_id(renshe::testing::newRequestId());
        sp.mutable_service_point()->set_name("兰山区人社服务站");
        sp.mutable_service_point()->mutable_region()->set_division_code("371302");
        sp.mutable_service_point()->set_facility_class(FACILITY_CLASS_III);
        sp.mutable_service_point()->set_display_area_m2(2);
        sp.mutable_service_point()->set_address("兰山区金雀山路1号");
        UpsertServicePointResponse spr;
        EXPECT_TRUE(
            renshe::testing::call(*admin, &AdminService::Stub::UpsertServicePoint, sp, &spr).ok());
        RegisterTerminalsRequest reg;
        reg.set_request_id(renshe::testing::newRequestId());
        reg.add_certificate_pem(renshe::services::pki::readFile(terminal.certificate));
        reg.set_service_point_id(spr.service_point().id());
        RegisterTerminalsResponse regr;
        EXPECT_TRUE(
            renshe::testing::call(*admin, &AdminService::Stub::RegisterTerminals, reg, &regr).ok());
        SetSlotCapacityRequest slots;
        slots.set_request_id(renshe::testing::newRequestId());
        slots.set_service_point_id(spr.service_point().id());
        slots.set_service(APPOINTMENT_SERVICE_CARD);
        const auto day = [](int offset) {
            const auto t = std::chrono::system_clock::now() + std::chrono::hours(8 + 24 * offset);
            const std::chrono::year_month_day ymd(std::chrono::floor<std::chrono::days>(t));
            Date d;
            d.set_year(static_cast<int>(ymd.year()));
            d.set_month(static_cast<int>(unsigned(ymd.month())));
            d.set_day(static_cast<int>(unsigned(ymd.day())));
            return d;
        };
        *slots.mutable_from() = day(1);
        *slots.mutable_to() = day(7);
        slots.set_capacity(3);
        slots.set_include_non_working_days(true);
        SetSlotCapacityResponse slotsr;
        EXPECT_TRUE(renshe::testing::call(*ApplicationService::NewStub(staff),
                                          &ApplicationService::Stub::SetSlotCapacity, slots,
                                          &slotsr)
                        .ok());
        return spr.service_point().id();
    }

    void typeDigits(const std::string& digits) {
        for (char c : digits)
            kiosk->click(QStringLiteral("idKey%1").arg(c));
    }
    void typeName(const std::vector<std::pair<std::string, const char*>>& syllables) {
        for (const auto& [pinyin, character] : syllables)
            ASSERT_TRUE(renshe::testing::pickOnPinyinKeyboard(*kiosk, pinyin, character)) << pinyin;
    }
    // 张三丰's ID number and name on the first two pages.
    void identify() {
        typeDigits(card.ssn);
        kiosk->click("applicationsNext");
        typeName({{"zhang", "张"}, {"san", "三"}, {"feng", "丰"}});
        kiosk->click("applicationsNext");
    }
    QJsonValue waitPrompt(const char* expected) {
        return kiosk->waitForProperty("applicationsPrompt", "text", text(expected), 10s);
    }
    void shot(const std::string& name) {
        kiosk->screenshot("screenshots/applications/" + name + ".png");
    }
    ListApplicationsResponse queue(ApplicationKind kind) {
        ListApplicationsRequest r;
        r.add_kinds(kind);
        ListApplicationsResponse resp;
        EXPECT_TRUE(renshe::testing::call(*ApplicationService::NewStub(staff),
                                          &ApplicationService::Stub::ListApplications, r, &resp)
                        .ok());
        return resp;
    }
};

TEST_F(ApplicationsAtTheKiosk, AnAppointmentThenItsStatusByNumber) {
    offerSlots();
    startKiosk();
    kiosk->click("tileApplications");
    shot("1-choose");
    kiosk->click("applyAppointment");
    identify();
    EXPECT_EQ(waitPrompt("您要预约办理什么业务？"), text("您要预约办理什么业务？"));
    kiosk->click("apply_service=1");  // 社保卡业务
    EXPECT_EQ(waitPrompt("请选择办理时间"), text("请选择办理时间"));
    shot("2-appointment-slots");
    kiosk->click("apply_slot=0");  // the first free half day
    EXPECT_EQ(waitPrompt("请核对以下信息，无误请点“提交”"), text("请核对以下信息，无误请点“提交”"));
    EXPECT_EQ(kiosk->property("applicationsLine1", "text"),
              text("申请人：张*丰 370***********0017"));
    kiosk->click("applicationsNext");
    EXPECT_EQ(waitPrompt("提交成功"), text("提交成功"));
    const QString number = kiosk->property("applicationsNumber", "text").toString().mid(5);
    ASSERT_EQ(number.size(), 14) << number.toStdString();
    shot("3-appointment-done");
    kiosk->click("applicationsPrint");
    EXPECT_FALSE(
        kiosk->waitForProperty("receiptFile", "text", QJsonValue(), 0s).toString().isEmpty());
    // Leaving, the citizen is asked to rate; a good rating is sent at once.
    EXPECT_EQ(kiosk->property("ratingPanel", "visible"), QJsonValue(false));
    kiosk->click("applicationsBack");
    EXPECT_EQ(kiosk->waitForProperty("ratingPanel", "visible", true, 5s), QJsonValue(true));
    kiosk->click("rate5");
    EXPECT_EQ(kiosk->waitForProperty("ratingPanel", "visible", false, 10s), QJsonValue(false));
    const auto booked = queue(APPLICATION_KIND_APPOINTMENT);
    ASSERT_EQ(booked.applications_size(), 1);
    EXPECT_EQ(booked.applications(0).number(), number.toStdString());

    // 进度查询: the number from the slip, then the ID number.
    kiosk->click("tileApplications");
    kiosk->click("applyLookup");
    typeDigits(number.toStdString());
    kiosk->click("applicationsNext");
    typeDigits(card.ssn);
    kiosk->click("applicationsNext");
    EXPECT_EQ(waitPrompt("办理进度"), text("办理进度"));
    EXPECT_EQ(kiosk->property("applicationsLine3", "text"),
              text("当前状态：已提交，等待工作人员审核"));
    shot("4-status-by-number");
}

TEST_F(ApplicationsAtTheKiosk, IWantThisJobThenAPoorRatingWithItsReason) {
    ImportJobsRequest jobs;
    jobs.set_request_id(renshe::testing::newRequestId());
    jobs.set_csv(
        "id,title,employer,region,salary_min,salary_max,expires_at\n"
        "J1,货车司机,顺达物流,371302,6000,9000,2030-12-31\n");
    ImportJobsResponse jr;
    ASSERT_TRUE(
        renshe::testing::call(*JobService::NewStub(staff), &JobService::Stub::ImportJobs, jobs, &jr)
            .ok());
    startKiosk();
    kiosk->click("tileJobs");
    EXPECT_EQ(kiosk->waitForProperty("jobsList", "count", 1, 10s), QJsonValue(1));
    kiosk->click("job0");
    kiosk->waitForProperty("jobDetailTitle", "text", text("货车司机"), 10s);
    kiosk->click("jobApply");
    EXPECT_EQ(kiosk->waitForProperty("applicationsTitle", "text",
                                     text("我要应聘：货车司机  第1步，共2步"), 10s),
              text("我要应聘：货车司机  第1步，共2步"));
    identify();
    typeDigits("13812345678");
    kiosk->click("applicationsNext");
    EXPECT_EQ(kiosk->property("applicationsLine2", "text"), text("应聘岗位：货车司机"));
    EXPECT_EQ(kiosk->property("applicationsLine3", "text"), text("联系电话：138****5678"));
    kiosk->click("applicationsNext");
    EXPECT_EQ(waitPrompt("提交成功"), text("提交成功"));
    shot("5-job-application-done");
    const auto applied = queue(APPLICATION_KIND_JOB_APPLICATION);
    ASSERT_EQ(applied.applications_size(), 1);
    EXPECT_EQ(applied.applications(0).summary(), "货车司机 · 顺达物流");

    // 差评: a reason is required, then the follow-up is in the staff queue.
    kiosk->click("applicationsBack");
    EXPECT_EQ(kiosk->waitForProperty("ratingPanel", "visible", true, 5s), QJsonValue(true));
    shot("6-rating");
    kiosk->click("rate1");
    kiosk->click("ratingSend");
    EXPECT_EQ(kiosk->property("ratingMessage", "text"), text("请至少选择一个原因"));
    kiosk->click(QStringLiteral("ratingReason%1").arg(POOR_RATING_REASON_TOO_SLOW));
    shot("7-poor-rating-reason");
    kiosk->click("ratingSend");
    EXPECT_EQ(kiosk->property("ratingMessage", "text"),
              text("感谢您的评价，工作人员将在15个工作日内回访改进"));
    std::string followUps;
    for (int i = 0; i < 50 && followUps.empty(); ++i) {
        const auto f = queue(APPLICATION_KIND_RATING_FOLLOW_UP);
        if (f.applications_size() == 1)
            followUps = f.applications(0).terminal_id();
        else
            std::this_thread::sleep_for(100ms);
    }
    EXPECT_EQ(followUps, "T-371302-001");
}

TEST_F(ApplicationsAtTheKiosk, AHomeVisitForARelativeAndAHelpRequestOnTheWay) {
    renshe::testing::SeededCard mother = renshe::testing::inventedCard(42);
    mother.name = "李秀兰";
    renshe::testing::seed(env.staff(), mother);
    startKiosk();
    kiosk->click("tileApplications");
    kiosk->click("applyHomeVisit");
    identify();
    kiosk->click("apply_forWhom=1");  // 为我的父母
    typeDigits(mother.ssn);
    kiosk->click("applicationsNext");
    typeName({{"li", "李"}, {"xiu", "秀"}, {"lan", "兰"}});
    kiosk->click("applicationsNext");
    shot("8-home-visit-what-and-why");
    kiosk->click("apply_need=1");      // 养老金资格认证
    kiosk->click("apply_mobility=1");  // 长期卧床
    typeName({{"dong", "东"}, {"cun", "村"}, {"san", "三"}, {"pai", "排"}});
    kiosk->click("applicationsNext");
    typeDigits("13912345678");
    kiosk->click("applicationsNext");
    shot("9-home-visit-confirm");
    kiosk->click("applicationsNext");
    EXPECT_EQ(waitPrompt("提交成功"), text("提交成功"));
    shot("10-home-visit-done");
    const auto visits = queue(APPLICATION_KIND_HOME_VISIT);
    ASSERT_EQ(visits.applications_size(), 1);
    EXPECT_EQ(visits.applications(0).beneficiary().masked_name(), "李*兰");
    kiosk->click("applicationsBack");
    kiosk->click("ratingSkip");

    // Again, for the same relative: refused (one open home visit a person), and the help
    // button on that error calls the staff.
    kiosk->click("tileApplications");
    kiosk->click("applyHomeVisit");
    identify();
    kiosk->click("apply_forWhom=1");
    typeDigits(mother.ssn);
    kiosk->click("applicationsNext");
    typeName({{"li", "李"}, {"xiu", "秀"}, {"lan", "兰"}});
    kiosk->click("applicationsNext");
    kiosk->click("apply_need=1");
    kiosk->click("apply_mobility=1");
    typeName({{"dong", "东"}, {"cun", "村"}});
    kiosk->click("applicationsNext");  // too short to be found
    EXPECT_EQ(kiosk->property("applicationsMessage", "text"),
              text("地址太短，工作人员找不到：请写上村、组和门牌"));
    typeName({{"san", "三"}, {"pai", "排"}});
    kiosk->click("applicationsNext");
    typeDigits("13912345678");
    kiosk->click("applicationsNext");
    kiosk->click("applicationsNext");
    EXPECT_EQ(
        kiosk->waitForProperty("applicationsMessage", "text",
                               text("您已经提交过同样的申请，正在办理中。可用“进度查询”查看"), 10s),
        text("您已经提交过同样的申请，正在办理中。可用“进度查询”查看"));
    kiosk->click("applicationsHelp");
    EXPECT_EQ(kiosk->waitForProperty("applicationsHelp", "title", text("已呼叫工作人员"), 10s),
              text("已呼叫工作人员"));
    shot("11-help-requested");
    ListHelpRequestsRequest hr;
    ListHelpRequestsResponse help;
    ASSERT_TRUE(renshe::testing::call(*FeedbackService::NewStub(staff),
                                      &FeedbackService::Stub::ListHelpRequests, hr, &help)
                    .ok());
    ASSERT_EQ(help.help_requests_size(), 1);
    EXPECT_EQ(help.help_requests(0).screen(), "Applications/Error");
    EXPECT_EQ(help.help_requests(0).terminal_id(), "T-371302-001");
}

// 失业登记 with the card: the card screen's 业务申请, the PIN, then only the questions (no ID
// number typed); the application in the staff queue as the card's holder's; a rating when the
// citizen leaves.
TEST_F(ApplicationsAtTheKiosk, UnemploymentRegistrationWithTheCard) {
    renshe::testing::PrivatePcscd pcscd;
    renshe::testing::CardSim sim{pcscd, 0, renshe::testing::sampleCard("zhang-sanfeng"),
                                 renshe::testing::CardSimOptions{false, {}, std::nullopt}};
    ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
    startKiosk();
    sim.insert();
    ASSERT_EQ(kiosk->waitForProperty("action_apply", "visible", true, 15s), QJsonValue(true));
    kiosk->click("action_apply");
    for (char d : std::string("123456"))  // the sample card's PIN
        kiosk->click(QStringLiteral("pinKey%1").arg(d));
    kiosk->click("pinConfirm");
    ASSERT_EQ(kiosk->waitForProperty("applicationsScreen", "visible", true, 15s), QJsonValue(true));
    kiosk->click("applyUnemployment");
    EXPECT_EQ(waitPrompt("您为什么离开原来的工作？"), text("您为什么离开原来的工作？"));
    EXPECT_EQ(kiosk->property("applicationsTitle", "text"), text("失业登记  第1步，共4步"));
    shot("12-unemployment-with-card-reason");
    kiosk->click(QStringLiteral("apply_reason=%1").arg(LEAVING_REASON_CONTRACT_ENDED));
    typeName({{"shun", "顺"}, {"da", "达"}, {"wu", "物"}, {"liu", "流"}});
    kiosk->click("applicationsNext");
    kiosk->click("apply_left=1");  // last month
    kiosk->click("apply_seeking=train");
    typeDigits("13812345678");
    kiosk->click("applicationsNext");
    EXPECT_EQ(kiosk->property("applicationsLine1", "text"), text("申请人：社保卡持卡人本人"));
    shot("13-unemployment-with-card-confirm");
    kiosk->click("applicationsNext");
    EXPECT_EQ(waitPrompt("提交成功"), text("提交成功"));
    shot("14-unemployment-with-card-done");
    const auto registered = queue(APPLICATION_KIND_UNEMPLOYMENT_REGISTRATION);
    ASSERT_EQ(registered.applications_size(), 1);
    EXPECT_EQ(registered.applications(0).applicant().masked_ssn(), "370***********0017");
    EXPECT_EQ(registered.applications(0).summary(), "失业登记");
    GetApplicationRequest get;
    get.set_number(registered.applications(0).number());
    GetApplicationResponse full;
    ASSERT_TRUE(renshe::testing::call(*ApplicationService::NewStub(staff),
                                      &ApplicationService::Stub::GetApplication, get, &full)
                    .ok());
    EXPECT_EQ(full.application().payload().unemployment().last_employer(), "顺达物流");
    EXPECT_TRUE(full.application().payload().unemployment().wants_training());
    // Leaving: back to the card's screen (the citizen may go on with the card); the rating
    // comes when the card is taken out.
    kiosk->click("applicationsBack");
    EXPECT_EQ(kiosk->waitForProperty("cardScreen", "visible", true, 10s), QJsonValue(true));
    EXPECT_EQ(kiosk->property("ratingPanel", "visible"), QJsonValue(false));
    // 进度查询 with the card: the holder's own applications, nothing typed.
    kiosk->click("action_apply");
    for (char d : std::string("123456"))
        kiosk->click(QStringLiteral("pinKey%1").arg(d));
    kiosk->click("pinConfirm");
    ASSERT_EQ(kiosk->waitForProperty("applicationsScreen", "visible", true, 15s), QJsonValue(true));
    kiosk->click("applyLookup");
    EXPECT_EQ(waitPrompt("办理进度"), text("办理进度"));
    EXPECT_TRUE(kiosk->property("applicationsLine0", "text")
                    .toString()
                    .startsWith(QString::fromStdString(registered.applications(0).number())))
        << kiosk->property("applicationsLine0", "text").toString().toStdString();
    shot("15-status-with-the-card");
    kiosk->click("applicationsBack");
    EXPECT_EQ(kiosk->waitForProperty("cardScreen", "visible", true, 10s), QJsonValue(true));
    sim.remove();
    EXPECT_EQ(kiosk->waitForProperty("ratingPanel", "visible", true, 10s), QJsonValue(true));
    kiosk->click("rate4");
}

// 今日预约 on the hall's display: tomorrow's bookings become today's tickets at midnight (the
// back office's clock moved a day), masked names, the one being served marked, a finished one
// gone from the board.
TEST_F(ApplicationsAtTheKiosk, TodaysTicketsOnTheHallDisplay) {
    offerSlots();
    auto touch = ApplicationService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().target(), terminal)));
    std::vector<std::string> numbers;
    for (int i = 0; i < 3; ++i) {
        renshe::testing::SeededCard who = i == 0 ? card : renshe::testing::inventedCard(200 + i);
        if (i > 0)
            renshe::testing::seed(env.staff(), who);
        ListFreeSlotsRequest free;
        free.set_service(APPOINTMENT_SERVICE_CARD);
        ListFreeSlotsResponse slots;
        ASSERT_TRUE(
            renshe::testing::call(*touch, &ApplicationService::Stub::ListFreeSlots, free, &slots)
                .ok());
        ASSERT_GT(slots.slots_size(), 0);
        SubmitApplicationRequest r;
        r.set_request_id(renshe::testing::newRequestId());
        r.mutable_applicant()->mutable_identity()->set_ssn(who.ssn);
        r.mutable_applicant()->mutable_identity()->set_name(who.name);
        auto* a = r.mutable_payload()->mutable_appointment();
        a->set_service(APPOINTMENT_SERVICE_CARD);
        *a->mutable_day() = slots.slots(0).day();
        a->set_half_day(slots.slots(0).half_day());
        SubmitApplicationResponse resp;
        ASSERT_TRUE(
            renshe::testing::call(*touch, &ApplicationService::Stub::SubmitApplication, r, &resp)
                .ok());
        numbers.push_back(resp.application().number());
    }
    auto content = ContentService::NewStub(staff);
    UpsertContentItemRequest item;
    item.set_request_id(renshe::testing::newRequestId());
    item.mutable_item()->set_id("QUEUE");
    item.mutable_item()->set_kind(CONTENT_KIND_APPOINTMENT_QUEUE);
    item.mutable_item()->mutable_duration()->set_seconds(30);
    item.mutable_item()->mutable_targeting()->add_region_prefixes(BackofficeEnv::kRegion);
    UpsertContentItemResponse itemr;
    ASSERT_TRUE(
        renshe::testing::call(*content, &ContentService::Stub::UpsertContentItem, item, &itemr)
            .ok());
    UpsertPlaylistRequest pl;
    pl.set_request_id(renshe::testing::newRequestId());
    pl.mutable_playlist()->set_id("HALL");
    pl.mutable_playlist()->set_name("大厅信息屏");
    pl.mutable_playlist()->mutable_targeting()->add_region_prefixes(BackofficeEnv::kRegion);
    pl.mutable_playlist()->add_entries()->set_item_id("QUEUE");
    UpsertPlaylistResponse plr;
    ASSERT_TRUE(
        renshe::testing::call(*content, &ContentService::Stub::UpsertPlaylist, pl, &plr).ok());

    // The bookings are for tomorrow: the board has nothing until the day comes.
    const auto display =
        env.pki().client({"T-371302-001-D", renshe::services::pki::Role::Display, "371302"});
    KioskProcess board({"--role", "display", "--backoffice", env.backoffice().target(), "--ca",
                        env.pki().caCertificate().string(), "--cert", display.certificate.string(),
                        "--key", display.privateKey.string(), "--state-dir",
                        (state / "display").string(), "--service-point", "兰山区人社服务站",
                        "--geometry", "1920x1080"});
    env.backoffice().advanceClock(std::chrono::hours(24));
    EXPECT_EQ(board.waitForProperty("queueTicket0", "text", text("A01"), 20s), text("A01"));
    EXPECT_EQ(board.property("queueTicket2", "text"), text("A03"));
    const auto decide = [&](const std::string& number, Decision d) {
        DecideApplicationRequest r;
        r.set_request_id(renshe::testing::newRequestId());
        r.set_number(number);
        r.set_decision(d);
        DecideApplicationResponse resp;
        EXPECT_TRUE(renshe::testing::call(*ApplicationService::NewStub(staff),
                                          &ApplicationService::Stub::DecideApplication, r, &resp)
                        .ok());
    };
    decide(numbers[0], DECISION_ACCEPT);  // A01 at the counter now
    EXPECT_EQ(board.waitForProperty("queueRow0", "accepted", true, 10s), QJsonValue(true));
    std::filesystem::create_directories("screenshots/display");
    std::this_thread::sleep_for(1500ms);  // the board's cross-fade over
    board.screenshot("screenshots/display/todays-appointments-1920x1080.png");
    decide(numbers[0], DECISION_COMPLETE);
    EXPECT_EQ(board.waitForProperty("queueTicket0", "text", text("A02"), 10s), text("A02"));
}

// Offline: the application waits in the kiosk's outbox sealed to the back office's key (no ID
// number, name or phone number on the kiosk's disk in clear), the citizen is told it is kept,
// and it arrives once the back office is back.
TEST_F(ApplicationsAtTheKiosk, OfflineAnApplicationWaitsSealedAndArrivesLater) {
    startKiosk();
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] { return std::filesystem::exists(state / "sealing-key.pb"); }, 10s));
    env.backoffice().kill9();
    kiosk->click("tileApplications");
    kiosk->click("applyUnemployment");
    identify();
    kiosk->click(QStringLiteral("apply_reason=%1").arg(LEAVING_REASON_NEVER_EMPLOYED));
    kiosk->click("apply_seeking=work");
    typeDigits("13812345678");
    kiosk->click("applicationsNext");
    kiosk->click("applicationsNext");
    EXPECT_EQ(waitPrompt("申请已保存，网络恢复后自动提交"), text("申请已保存，网络恢复后自动提交"));
    shot("16-offline-kept");
    std::string disk;
    for (const char* file : {"outbox.db", "outbox.db-wal"}) {
        std::ifstream in(state / file, std::ios::binary);
        disk.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    EXPECT_NE(disk.find("SubmitApplication"), std::string::npos) << "not in the outbox";
    EXPECT_EQ(disk.find("13812345678"), std::string::npos);
    EXPECT_EQ(disk.find(card.ssn), std::string::npos);
    EXPECT_EQ(disk.find(card.name), std::string::npos);

    env.backoffice().restart();
    ListApplicationsResponse registered;
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] {
            registered = queue(APPLICATION_KIND_UNEMPLOYMENT_REGISTRATION);
            return registered.applications_size() == 1;
        },
        30s));
    ASSERT_EQ(registered.applications_size(), 1);
    EXPECT_EQ(registered.applications(0).phone_masked(), "138****5678");
    EXPECT_EQ(registered.applications(0).applicant().masked_name(), "张*丰");
}

// 好差评 after a loss report: leaving its result screen asks for the rating; 不满意 needs a
// reason, and the follow-up lands in the staff queue as a card service's.
TEST_F(ApplicationsAtTheKiosk, ARatingAfterALossReport) {
    ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
    startKiosk();
    kiosk->click("tileLossReport");
    typeDigits(card.ssn);
    kiosk->click("lossNext");
    typeName({{"zhang", "张"}, {"san", "三"}, {"feng", "丰"}});
    kiosk->click("lossNext");
    for (char d : std::string("285714"))
        kiosk->click(QStringLiteral("pinKey%1").arg(d));
    kiosk->click("pinConfirm");
    EXPECT_EQ(kiosk->waitForProperty("lossPrompt", "text", text("挂失成功"), 15s),
              text("挂失成功"));
    EXPECT_EQ(kiosk->property("ratingPanel", "visible"), QJsonValue(false));
    kiosk->click("lossBack");
    EXPECT_EQ(kiosk->waitForProperty("ratingPanel", "visible", true, 5s), QJsonValue(true));
    kiosk->click("rate2");
    kiosk->click(QStringLiteral("ratingReason%1").arg(POOR_RATING_REASON_HARD_TO_USE));
    shot("17-rating-after-loss-report");
    kiosk->click("ratingSend");
    ListApplicationsResponse followUps;
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] {
            followUps = queue(APPLICATION_KIND_RATING_FOLLOW_UP);
            return followUps.applications_size() == 1;
        },
        10s));
    ASSERT_EQ(followUps.applications_size(), 1);
    EXPECT_EQ(followUps.applications(0).summary(), "差评回访 · 社保卡");
    EXPECT_EQ(kiosk->waitForProperty("ratingPanel", "visible", false, 10s), QJsonValue(false));
}

// 就业登记: the employer on the pinyin keyboard, the month and the kind of contract on one page,
// the phone skipped (optional here), then the staff queue has it.
TEST_F(ApplicationsAtTheKiosk, EmploymentRegistrationWithThePhoneSkipped) {
    startKiosk();
    kiosk->click("tileApplications");
    kiosk->click("applyEmployment");
    identify();
    EXPECT_EQ(waitPrompt("在哪个单位工作？按拼音输入单位名称"),
              text("在哪个单位工作？按拼音输入单位名称"));
    typeName({{"shun", "顺"}, {"da", "达"}, {"wu", "物"}, {"liu", "流"}});
    kiosk->click("applicationsNext");
    kiosk->click("apply_started=1");
    kiosk->click(QStringLiteral("apply_contract=%1").arg(CONTRACT_TYPE_FIXED_TERM));
    EXPECT_EQ(kiosk->property("applicationsSkip", "visible"), QJsonValue(true));
    kiosk->click("applicationsSkip");
    EXPECT_EQ(kiosk->property("applicationsLine4", "text"), text("用工形式：固定期限合同"));
    kiosk->click("applicationsNext");
    EXPECT_EQ(waitPrompt("提交成功"), text("提交成功"));
    const auto registered = queue(APPLICATION_KIND_EMPLOYMENT_REGISTRATION);
    ASSERT_EQ(registered.applications_size(), 1);
    EXPECT_EQ(registered.applications(0).summary(), "就业登记 · 顺达物流");
    EXPECT_EQ(registered.applications(0).phone_masked(), "");
}

}  // namespace
