// renshe-counter (offscreen) against the real back office with the counter's own PC/SC reader
// (pcscd + vpcd + renshe-cardsim): the sign-in with the key's passphrase and its lock, a person
// found by the card in the reader, the full identity revealed with a reason, a formal loss with
// its reason; an application made at a terminal claimed, sent back for information, accepted
// and completed, and a terminal's help request answered; the hall's machines; the back office
// gone; a clerk of another county; a notice published, edited and taken down on a running
// display; 协助启用 is in counter_activation_e2e_test.cpp. Screenshots of every screen at
// 1366×768 and 1920×1080 in <build>/tests/e2e/screenshots/counter/.
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <filesystem>
#include <thread>

#include "drivers/fprint/synthetic.hpp"
#include "renshe/v1/applications.grpc.pb.h"
#include "renshe/v1/certification.grpc.pb.h"
#include "renshe/v1/content.grpc.pb.h"
#include "renshe/v1/terminal.grpc.pb.h"
#include "tests/e2e/counter_fixture.hpp"
#include "tests/fixtures/fprint_device.hpp"
#include "tests/fixtures/idcardsim.hpp"

using namespace std::chrono_literals;
using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::KioskProcess;
using renshe::testing::text;
namespace fp = renshe::drivers::fprint;

namespace {

using namespace renshe::testing::counter;

TEST_F(CounterAtTheDesk, ThreeWrongPassphrasesLockTheKeyEvenAcrossARestart) {
    start();
    shoot("sign-in");
    signIn("wrong-passphrase-1");
    EXPECT_EQ(counter->waitForProperty("signInMessage", "text", text("口令错误，还可尝试2次"), 10s),
              text("口令错误，还可尝试2次"));
    signIn("wrong-passphrase-2");
    EXPECT_EQ(counter->waitForProperty("signInMessage", "text", text("口令错误，还可尝试1次"), 10s),
              text("口令错误，还可尝试1次"));
    signIn("wrong-passphrase-3");
    EXPECT_EQ(counter->waitForProperty("signInView", "locked", true, 10s), QJsonValue(true));
    EXPECT_EQ(counter->property("signInButton", "enabled"), QJsonValue(false));
    EXPECT_TRUE(counter->property("signInMessage", "text")
                    .toString()
                    .startsWith(QString::fromUtf8("密钥已锁定")));
    shoot("sign-in-locked");
    // Restarted, the workstation still refuses the key, even with the right passphrase.
    counter.reset();
    start();
    EXPECT_EQ(counter->property("signInView", "locked"), QJsonValue(true));
    EXPECT_EQ(counter->property("signInButton", "enabled"), QJsonValue(false));
    EXPECT_EQ(counter->property("passphraseInput", "enabled"), QJsonValue(false));
    EXPECT_EQ(counter->waitForProperty("onlineBadge", "online", true, 3s), QJsonValue(false));
}

TEST_F(CounterAtTheDesk, APersonFoundByTheCardIsRevealedWithAReasonAndTheirCardFormallyLost) {
    start();
    signedIn();
    sim.insert();
    counter->click("readCardButton");
    ASSERT_EQ(counter->waitForProperty("personName", "value", text("张*丰"), 15s), text("张*丰"));
    EXPECT_EQ(counter->property("personSsn", "value"), text("370***********0017"));
    EXPECT_EQ(counter->property("cardStatus_A37010001", "status"), QJsonValue(CARD_STATUS_ACTIVE));
    shoot("person");
    // The full identity: refused without a reason, shown with one.
    counter->click("revealButton");
    counter->click("confirmReveal");
    EXPECT_EQ(
        counter->waitForProperty("personMessage", "text", text("查看完整身份信息须填写原因"), 5s),
        text("查看完整身份信息须填写原因"));
    type("revealReason", QString::fromUtf8("核对身份证原件"));
    counter->click("confirmReveal");
    EXPECT_EQ(counter->waitForProperty("personSsn", "value", text("370102194704090017"), 10s),
              text("370102194704090017"));
    counter->click("hideButton");
    EXPECT_EQ(counter->waitForProperty("personSsn", "value", text("370***********0017"), 5s),
              text("370***********0017"));
    // 正式挂失, with its reason.
    counter->click("operation_formal_loss");
    counter->click("confirmOperation");
    EXPECT_EQ(counter->waitForProperty("operationMessage", "text",
                                       text("请填写办理原因（例如：本人持身份证申请）"), 5s),
              text("请填写办理原因（例如：本人持身份证申请）"));
    EXPECT_EQ(statusInRegistry(), CARD_STATUS_ACTIVE);
    type("operationReason", QString::fromUtf8("本人持身份证申请正式挂失"));
    shoot("formal-loss-confirm");
    counter->click("confirmOperation");
    EXPECT_EQ(counter->waitForProperty("operationMessage", "text",
                                       text("已办理：卡号 A37010001 现为“正式挂失”"), 10s),
              text("已办理：卡号 A37010001 现为“正式挂失”"));
    EXPECT_EQ(statusInRegistry(), CARD_STATUS_LOST);
    counter->click("closeOperation");
    EXPECT_EQ(counter->waitForProperty("cardStatus_A37010001", "status",
                                       QJsonValue(CARD_STATUS_LOST), 10s),
              QJsonValue(CARD_STATUS_LOST));
}

TEST_F(CounterAtTheDesk, AnApplicationFromATerminalIsClaimedSentBackForInformationThenDecided) {
    // Made at the touch terminal, as the kiosk does: 失业登记 by ID number and name.
    auto touch = renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().target(),
                           env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion)));
    auto apps = ApplicationService::NewStub(touch);
    SubmitApplicationRequest r;
    r.set_request_id(renshe::testing::newRequestId());
    r.mutable_applicant()->mutable_identity()->set_ssn(card.ssn);
    r.mutable_applicant()->mutable_identity()->set_name(card.name);
    auto* u = r.mutable_payload()->mutable_unemployment();
    u->set_last_employer("兰山机械厂");
    u->mutable_left_on()->set_year(2026);
    u->mutable_left_on()->set_month(11);
    u->mutable_left_on()->set_day(2);
    u->set_reason(LEAVING_REASON_CONTRACT_ENDED);
    u->set_seeking_work(true);
    u->set_wanted_job("电焊工");
    r.set_phone("13812345678");
    SubmitApplicationResponse submitted;
    ASSERT_TRUE(
        renshe::testing::call(*apps, &ApplicationService::Stub::SubmitApplication, r, &submitted)
            .ok());
    const QString number = QString::fromStdString(submitted.application().number());
    RaiseHelpRequestRequest help;
    help.set_request_id(renshe::testing::newRequestId());
    help.set_screen("Applications/Error");
    RaiseHelpRequestResponse raised;
    ASSERT_TRUE(renshe::testing::call(*FeedbackService::NewStub(touch),
                                      &FeedbackService::Stub::RaiseHelpRequest, help, &raised)
                    .ok());

    start();
    signedIn();
    key("F2");
    counter->click("refreshQueue");
    ASSERT_EQ(counter->waitForProperty("application_" + number, "visible", true, 10s),
              QJsonValue(true));
    shoot("queue");
    counter->click("application_" + number);
    ASSERT_EQ(counter->waitForProperty("selectedState", "value", text("已提交"), 10s),
              text("已提交"));
    key("Alt+C");  // 认领
    EXPECT_EQ(counter->waitForProperty("selectedClaim", "value", text("S-0001"), 10s),
              text("S-0001"));
    // Sent back without a reason: refused next to the field, nothing sent.
    counter->click("moreInfoButton");
    EXPECT_EQ(counter->waitForProperty("decisionReasonError", "visible", true, 5s),
              QJsonValue(true));
    EXPECT_EQ(counter->property("selectedState", "value"), text("已提交"));
    type("decisionReason", QString::fromUtf8("请携带劳动合同解除证明到窗口"));
    counter->click("moreInfoButton");
    EXPECT_EQ(counter->waitForProperty("selectedState", "value", text("需补充材料"), 10s),
              text("需补充材料"));
    shoot("queue-decided");
    // The citizen's view at a terminal says the same.
    GetApplicationStatusRequest st;
    st.set_number(number.toStdString());
    st.set_ssn(card.ssn);
    GetApplicationStatusResponse status;
    ASSERT_TRUE(
        renshe::testing::call(*apps, &ApplicationService::Stub::GetApplicationStatus, st, &status)
            .ok());
    EXPECT_EQ(status.state(), APPLICATION_STATE_MORE_INFORMATION_NEEDED);
    EXPECT_EQ(status.reason(), "请携带劳动合同解除证明到窗口");
    // The citizen brings the paper: 受理 (Alt+A), then 办结 (Alt+D), the keyboard's common path.
    type("decisionReason", QString());
    key("Alt+A");
    EXPECT_EQ(counter->waitForProperty("selectedState", "value", text("已受理"), 10s),
              text("已受理"));
    key("Alt+D");
    EXPECT_EQ(counter->waitForProperty("selectedState", "value", text("已办结"), 10s),
              text("已办结"));
    ASSERT_TRUE(
        renshe::testing::call(*apps, &ApplicationService::Stub::GetApplicationStatus, st, &status)
            .ok());
    EXPECT_EQ(status.state(), APPLICATION_STATE_DONE);
    // The hall's help request, answered.
    counter->click("answerHelp_" + QString::fromStdString(raised.help_request().id()));
    EXPECT_NE(
        counter->waitForProperty("answerHelp_" + QString::fromStdString(raised.help_request().id()),
                                 "visible", false, 10s),
        QJsonValue(true));
    ListHelpRequestsResponse open;
    const auto staff = renshe::services::client::makeChannel(env.pki().endpoint(
        env.backoffice().staffTarget(), env.pki().staff("S-0001", BackofficeEnv::kRegion)));
    ASSERT_TRUE(renshe::testing::call(*FeedbackService::NewStub(staff),
                                      &FeedbackService::Stub::ListHelpRequests,
                                      ListHelpRequestsRequest(), &open)
                    .ok());
    EXPECT_EQ(open.help_requests_size(), 0);
}

TEST_F(CounterAtTheDesk, TheHallsMachinesWithTheSilentOneFirstAndTheFacilityCheck) {
    // A 服务站 declared class II with two touchscreens registered; only one of them reports.
    const auto staff = env.staff();
    auto* admin = staff.admin.get();
    UpsertServicePointRequest sp;
    sp.set_request_id(renshe::testing::newRequestId());
    sp.mutable_service_point()->set_name("兰山区人社服务站");
    sp.mutable_service_point()->mutable_region()->set_division_code("371302");
    sp.mutable_service_point()->set_facility_class(FACILITY_CLASS_II);
    sp.mutable_service_point()->set_display_area_m2(2);
    UpsertServicePointResponse point;
    ASSERT_TRUE(
        renshe::testing::call(*admin, &AdminService::Stub::UpsertServicePoint, sp, &point).ok());
    const auto first = env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion);
    const auto second = env.pki().touchTerminal("T-371302-002", BackofficeEnv::kRegion);
    RegisterTerminalsRequest reg;
    reg.set_request_id(renshe::testing::newRequestId());
    reg.add_certificate_pem(renshe::services::pki::readFile(first.certificate));
    reg.add_certificate_pem(renshe::services::pki::readFile(second.certificate));
    reg.set_service_point_id(point.service_point().id());
    RegisterTerminalsResponse registered;
    ASSERT_TRUE(
        renshe::testing::call(*admin, &AdminService::Stub::RegisterTerminals, reg, &registered)
            .ok());
    auto touch =
        renshe::services::client::makeChannel(env.pki().endpoint(env.backoffice().target(), first));
    HeartbeatRequest beat;
    beat.set_software_version("0.1.0");
    beat.set_role(TERMINAL_ROLE_TOUCH);
    beat.mutable_devices()->set_card_reader(DEVICE_PRESENCE_PRESENT);
    beat.mutable_devices()->set_fingerprint_sensor(DEVICE_PRESENCE_ERROR);
    beat.mutable_devices()->set_printer(PRINTER_STATE_PAPER_OUT);
    HeartbeatResponse beatResponse;
    ASSERT_TRUE(renshe::testing::call(*TerminalService::NewStub(touch),
                                      &TerminalService::Stub::Heartbeat, beat, &beatResponse)
                    .ok());
    start();
    signedIn();
    key("F3");
    EXPECT_EQ(counter->waitForProperty("terminal_T-371302-001", "stale", false, 10s),
              QJsonValue(false));
    EXPECT_EQ(counter->property("terminal_T-371302-002", "stale"), QJsonValue(true));
    EXPECT_EQ(counter->property("hallSummary", "text"), text("终端 2 台，其中 1 台失联"));
    const QString facility = "facility_" + QString::fromStdString(point.service_point().id());
    EXPECT_EQ(counter->property(facility, "passed"), QJsonValue(false));
    shoot("hall");
}

TEST_F(CounterAtTheDesk, ABackOfficeGoneIsShownAtOnceAndActionsAreRefused) {
    start();
    signedIn();
    type("idNumber", QString::fromUtf8("37010219470409001"));  // 17 digits
    counter->click("searchButton");
    EXPECT_EQ(counter->waitForProperty("idNumberError", "visible", true, 5s), QJsonValue(true));
    env.backoffice().kill9();
    EXPECT_EQ(counter->waitForProperty("onlineBadge", "online", false, 10s), QJsonValue(false));
    type("idNumber", QString::fromStdString(card.ssn));
    counter->click("searchButton");
    EXPECT_EQ(
        counter->waitForProperty("personMessage", "text",
                                 text("与后台的连接已中断，操作未执行。请在连接恢复后重试。"), 5s),
        text("与后台的连接已中断，操作未执行。请在连接恢复后重试。"));
    shoot("offline");
    env.backoffice().restart();
    EXPECT_EQ(counter->waitForProperty("onlineBadge", "online", true, 20s), QJsonValue(true));
    counter->click("searchButton");
    EXPECT_EQ(counter->waitForProperty("personName", "value", text("张*丰"), 10s), text("张*丰"));
}

TEST_F(CounterAtTheDesk, ThePersonByTheIdCardOnTheCountersReader) {
    renshe::testing::IdCardSim idReader;
    start("S-0001", BackofficeEnv::kRegion, {"--idcard-device", idReader.device().string()});
    signedIn();
    counter->click("readIdCardButton");  // nothing on the reader yet
    EXPECT_EQ(
        counter->waitForProperty("personMessage", "text", text("请把身份证放在阅读器上"), 10s),
        text("请把身份证放在阅读器上"));
    idReader.place("zhang-sanfeng");
    counter->click("readIdCardButton");
    EXPECT_EQ(counter->waitForProperty("personName", "value", text("张*丰"), 10s), text("张*丰"));
    EXPECT_EQ(counter->property("personSsn", "value"), text("370***********0017"));
}

TEST_F(CounterAtTheDesk, AClerkOfAnotherCountySeesNothingOfThisOne) {
    start("S-0900", "370102");
    signedIn();
    type("idNumber", QString::fromStdString(card.ssn));
    counter->click("searchButton");
    EXPECT_EQ(counter->waitForProperty("personMessage", "text",
                                       text("不属于您所辖区域，无权查看或办理"), 10s),
              text("不属于您所辖区域，无权查看或办理"));
    EXPECT_EQ(counter->property("personPanel", "visible"), QJsonValue(false));
}

// 见面登记 at the counter's sensor (libfprint's virtual_image: real NBIS on synthetic fingers),
// then the retiree certifies with that finger at a kiosk's sensor.
TEST_F(CounterAtTheDesk, AFingerEnrolledAtTheCounterCertifiesAtAKiosk) {
    constexpr std::uint64_t kFinger = 3141;
    renshe::testing::VirtualFingerprintDevice sensors;
    ::setenv("FP_DRIVERS_WHITELIST", "virtual_image", 1);
    {
        // 张三丰 a retiree since 2007.
        const RegisterPersonRequest r = renshe::testing::retireeRegistration(card);
        RegisterPersonResponse rr;
        ASSERT_TRUE(
            renshe::testing::call(*env.staff().admin, &AdminService::Stub::RegisterPerson, r, &rr)
                .ok());
    }
    start();
    signedIn();
    type("idNumber", QString::fromStdString(card.ssn));
    counter->click("searchButton");
    ASSERT_EQ(counter->waitForProperty("personName", "value", text("张*丰"), 10s), text("张*丰"));
    counter->click("finger_7");  // 右手食指
    EXPECT_EQ(counter->property("chosenFinger", "text"), text("右手食指"));
    counter->click("startEnrolment");
    // The person presses the finger each time the sensor asks, stage after stage.
    std::optional<fp::synthetic::VirtualImageFeeder> feeder;
    int fed = 0;
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (std::chrono::steady_clock::now() < deadline) {
        const int state = counter->property("enrolmentPanel", "state").toInt();
        if (state == 3 || state == 4)  // Done, Failed
            break;
        const int stage = counter->property("enrolmentPanel", "stage").toInt();
        if (counter->property("enrolmentPanel", "waitingForFinger").toBool() && fed == stage) {
            if (!feeder)
                feeder.emplace(sensors.imageSocket().string());
            feeder->send(fp::synthetic::presentation(kFinger, fed));
            ++fed;
            if (fed == 2)
                shoot("enrolment-scanning");
        }
        std::this_thread::sleep_for(30ms);
    }
    ASSERT_EQ(counter->waitForProperty("enrolMessage", "text", text("已登记右手食指"), 10s),
              text("已登记右手食指"));
    EXPECT_EQ(counter->waitForProperty("finger_7", "enrolled", true, 10s), QJsonValue(true));
    EXPECT_EQ(counter->property("enrolledFingers", "value"), text("右手食指"));
    shoot("enrolment-done");
    // Again without a reason: refused before the sensor is asked.
    counter->click("startEnrolment");
    EXPECT_EQ(counter->waitForProperty("enrolMessage", "text",
                                       text("右手食指已登记过，重新登记须填写原因"), 5s),
              text("右手食指已登记过，重新登记须填写原因"));

    // The counter goes home (its sensor with it); at the kiosk the retiree certifies.
    counter.reset();
    feeder.reset();
    renshe::testing::TempDir kioskState("renshe-counter-kiosk");
    const auto terminal = env.pki().touchTerminal();
    // The card goes in first (pcscd sees it before any kiosk reads it); the kiosk reads it at
    // start.
    sim.insert();
    KioskProcess kiosk(
        env.kioskArgs(terminal, {"--state-dir", kioskState.path().string(), "--receipt-dir",
                                 (kioskState / "receipts").string()}));
    EXPECT_EQ(kiosk.waitForProperty("cardStatus", "text", text("卡片状态：正常"), 15s),
              text("卡片状态：正常"));
    kiosk.click("action_certify");
    EXPECT_EQ(kiosk.waitForProperty("certStart", "visible", true, 10s), QJsonValue(true));
    kiosk.click("certStart");
    EXPECT_EQ(kiosk.waitForProperty("certPrompt", "text", text("请把手指平放在指纹仪上"), 15s),
              text("请把手指平放在指纹仪上"));
    fp::synthetic::VirtualImageFeeder atTheKiosk(sensors.imageSocket().string());
    atTheKiosk.send(fp::synthetic::presentation(kFinger, 11));
    EXPECT_EQ(kiosk.waitForProperty("certPrint", "visible", true, 15s), QJsonValue(true))
        << kiosk.property("certMessage", "text").toString().toStdString();
    GetCertificationStatusRequest q;
    q.mutable_person()->set_ssn(card.ssn);
    GetCertificationStatusResponse qr;
    auto touch = CertificationService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().target(), terminal)));
    ASSERT_TRUE(
        renshe::testing::call(*touch, &CertificationService::Stub::GetCertificationStatus, q, &qr)
            .ok());
    EXPECT_EQ(qr.status().state(), CERTIFICATION_STATE_CERTIFIED);
}

// 信息发布: a notice composed at the counter, checked, previewed and published; a running hall
// display (renshe-kiosk --role display) plays it.
TEST_F(CounterAtTheDesk, ANoticePublishedAtTheCounterPlaysOnTheHallsDisplay) {
    const auto displayCert =
        env.pki().client({"T-371302-001-D", renshe::services::pki::Role::Display, "371302"});
    KioskProcess display(
        {"--role", "display", "--backoffice", env.backoffice().target(), "--ca",
         env.pki().caCertificate().string(), "--cert", displayCert.certificate.string(), "--key",
         displayCert.privateKey.string(), "--state-dir", (dir / "display-state").string(),
         "--service-point", "兰山区人社服务大厅"});
    start();
    signedIn();
    key("F4");
    // Checked before anything is sent: no title, an end before the start, a missing image.
    type("lastDay", QStringLiteral("2020-01-01"));
    type("imagePath", QStringLiteral("/nonexistent/通知.png"));
    counter->click("publishNotice");
    EXPECT_EQ(counter->waitForProperty("noticeTitleError", "text", text("请填写标题"), 5s),
              text("请填写标题"));
    EXPECT_EQ(counter->property("lastDayError", "visible"), QJsonValue(false));
    EXPECT_EQ(counter->property("firstDayError", "text"), text("结束日期已经过去"));
    EXPECT_EQ(counter->property("imagePathError", "text"), text("找不到这个图片文件"));
    type("noticeTitle", QString::fromUtf8("本周五上午举办春风行动专场招聘会"));
    counter->call(
        {{"cmd", "set"},
         {"object", "noticeBodyInput"},
         {"name", "text"},
         {"value", QString::fromUtf8("地点：兰山区人社服务大厅二楼。请携带身份证和简历。")}});
    type("lastDay", QString());
    // A real picture for the notice (uploaded to the media store on publishing).
    const auto picture = dir / "招聘会.png";
    {
        QImage image(320, 200, QImage::Format_RGB32);
        image.fill(QColor(0x1e, 0x6b, 0x52));
        ASSERT_TRUE(image.save(QString::fromStdString(picture.string()), "PNG"));
    }
    type("imagePath", QString::fromStdString(picture.string()));
    // A daily window that ends before it starts is refused; then all day, each day, priority 5.
    type("fromTime", QStringLiteral("17:00"));
    type("toTime", QStringLiteral("08:30"));
    counter->click("publishNotice");
    EXPECT_EQ(counter->waitForProperty("fromTimeError", "text", text("时段的结束要晚于开始"), 5s),
              text("时段的结束要晚于开始"));
    type("fromTime", QString());
    type("toTime", QString());
    type("priority", QStringLiteral("5"));
    for (int day = 0; day < 7; ++day)  // every day chosen is every day
        counter->click(QStringLiteral("weekday_%1").arg(day));
    shoot("content-preview");
    counter->click("publishNotice");
    EXPECT_EQ(counter->waitForProperty("contentMessage", "text",
                                       text("已发布：大厅信息屏将在几秒内播放"), 15s),
              text("已发布：大厅信息屏将在几秒内播放"));
    // The display gets it pushed and plays it.
    EXPECT_EQ(display.waitForProperty("displayState", "currentTitle",
                                      text("本周五上午举办春风行动专场招聘会"), 20s),
              text("本周五上午举办春风行动专场招聘会"));
    // …with its picture, fetched from the media store and kept by the display.
    EXPECT_NE(display.property("displayState", "currentImage").toString(), QString());
    display.waitForProperty("displayState", "settledTitle",
                            text("本周五上午举办春风行动专场招聘会"),
                            5s);  // the fade in is over
    display.screenshot("screenshots/counter/content-on-the-display.png");
    shoot("content-published");
}

// A notice edited at the counter changes on the display; taken down, it leaves the display.
TEST_F(CounterAtTheDesk, ANoticeEditedThenWithdrawnAtTheCounterChangesThenLeavesTheDisplay) {
    const auto displayCert =
        env.pki().client({"T-371302-001-D", renshe::services::pki::Role::Display, "371302"});
    KioskProcess display(
        {"--role", "display", "--backoffice", env.backoffice().target(), "--ca",
         env.pki().caCertificate().string(), "--cert", displayCert.certificate.string(), "--key",
         displayCert.privateKey.string(), "--state-dir", (dir / "display-state").string()});
    start();
    signedIn();
    key("F4");
    type("noticeTitle", QString::fromUtf8("养老保险待遇资格认证提醒"));
    const auto picture = dir / "认证提醒.png";
    {
        QImage image(160, 100, QImage::Format_RGB32);
        image.fill(QColor(0x0b, 0x5c, 0xad));
        ASSERT_TRUE(image.save(QString::fromStdString(picture.string()), "PNG"));
    }
    type("imagePath", QString::fromStdString(picture.string()));
    counter->click("publishNotice");
    ASSERT_EQ(display.waitForProperty("displayState", "entryCount", 1, 20s), QJsonValue(1));
    // The playlist on the left now lists it, with 撤下.
    ListPlaylistsRequest list;
    ListPlaylistsResponse playlists;
    auto content = ContentService::NewStub(renshe::services::client::makeChannel(env.pki().endpoint(
        env.backoffice().staffTarget(), env.pki().staff("S-0001", BackofficeEnv::kRegion))));
    ASSERT_TRUE(
        renshe::testing::call(*content, &ContentService::Stub::ListPlaylists, list, &playlists)
            .ok());
    ASSERT_EQ(playlists.playlists_size(), 1);
    ASSERT_EQ(playlists.playlists(0).entries_size(), 1);
    const QString item = QString::fromStdString(playlists.playlists(0).entries(0).item_id());
    ASSERT_EQ(counter->waitForProperty("withdraw_" + item, "visible", true, 10s), QJsonValue(true));
    EXPECT_EQ(counter->property("playlistEntry_" + item, "text"),
              text("· 养老保险待遇资格认证提醒"));
    // 修改: the notice back in the form, a new title and weekdays only; the same item plays the
    // new version (no second item, no second entry).
    counter->click("edit_" + item);
    EXPECT_EQ(
        counter->waitForProperty("noticeTitleInput", "text", text("养老保险待遇资格认证提醒"), 5s),
        text("养老保险待遇资格认证提醒"));
    EXPECT_EQ(counter->property("editingNotice", "visible"), QJsonValue(true));
    // The preview shows the picture the notice has (from the media store, kept in memory).
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] {
            try {
                return counter->property("noticeImage", "source")
                    .toString()
                    .startsWith(QStringLiteral("data:image/png;base64,"));
            } catch (const std::exception&) {
                return false;  // the preview's image is made once the picture has arrived
            }
        },
        10s));
    EXPECT_EQ(counter->waitForProperty("noticeImage", "status", QStringLiteral("Ready"), 5s),
              QJsonValue(QStringLiteral("Ready")));
    shoot("content-editing");
    type("noticeTitle", QString::fromUtf8("养老金资格认证：本月底前请到大厅办理"));
    counter->click("publishNotice");
    EXPECT_EQ(counter->waitForProperty("contentMessage", "text",
                                       text("已修改：大厅信息屏将在几秒内更新"), 15s),
              text("已修改：大厅信息屏将在几秒内更新"));
    EXPECT_EQ(display.waitForProperty("displayState", "currentTitle",
                                      text("养老金资格认证：本月底前请到大厅办理"), 20s),
              text("养老金资格认证：本月底前请到大厅办理"));
    EXPECT_EQ(display.property("displayState", "entryCount"), QJsonValue(1));
    ASSERT_TRUE(
        renshe::testing::call(*content, &ContentService::Stub::ListPlaylists, list, &playlists)
            .ok());
    ASSERT_EQ(playlists.playlists(0).entries_size(), 1);
    EXPECT_EQ(QString::fromStdString(playlists.playlists(0).entries(0).item_id()), item);
    EXPECT_EQ(counter->waitForProperty("editingNotice", "visible", false, 5s), QJsonValue(false));
    shoot("content-edited");
    counter->click("withdraw_" + item);
    EXPECT_EQ(
        counter->waitForProperty("contentMessage", "text", text("已撤下：信息屏将不再播放"), 10s),
        text("已撤下：信息屏将不再播放"));
    EXPECT_EQ(display.waitForProperty("displayState", "entryCount", 0, 20s), QJsonValue(0));
}

}  // namespace
