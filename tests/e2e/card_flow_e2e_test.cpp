// The touchscreen's card services end to end: the real kiosk (offscreen) with the real pcscd +
// vpcd + renshe-cardsim and the real back office over mutual TLS. A citizen inserts an issued
// card, activates it on the shuffled PIN pad (a weak PIN refused with its reason), takes it
// out (the screen forgets everything), comes back after reporting it lost, un-reports it with
// the PIN, then resets a forgotten PIN with the service password.
#include <gtest/gtest.h>

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <fstream>

#include "renshe/v1/records.grpc.pb.h"
#include "tests/fixtures/cardsim.hpp"
#include "tests/fixtures/pcscd.hpp"
#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/service/backoffice_env.hpp"

using namespace std::chrono_literals;
using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::KioskProcess;

namespace {

using renshe::testing::text;

class CardFlow : public ::testing::Test {
protected:
    renshe::testing::PrivatePcscd pcscd;
    renshe::testing::CardSim sim{pcscd, 0, renshe::testing::sampleCard("zhang-sanfeng"),
                                 renshe::testing::CardSimOptions{false, {}, std::nullopt}};
    BackofficeEnv env{renshe::testing::StoreKind::Sqlite};
    renshe::testing::SeededCard card;  // the 张三丰 sample card's registry data
    std::unique_ptr<KioskProcess> kiosk;

    renshe::testing::TempDir stateTemp{"renshe-kiosk-state"};
    std::string stateDir = stateTemp.path().string();
    virtual std::vector<std::string> extraKioskArgs() const { return {}; }

    // The kiosk's outbox database and its write-ahead log, as a thief of the disk would read
    // them.
    std::string outboxOnDisk() const {
        std::string bytes;
        for (const char* file : {"/outbox.db", "/outbox.db-wal"}) {
            std::ifstream in(stateDir + file, std::ios::binary);
            bytes.append((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        }
        return bytes;
    }

    void SetUp() override {
        renshe::testing::seed(env.staff(), card);
        const auto terminal = env.pki().touchTerminal();
        auto args = env.kioskArgs(terminal, {"--service-point", "费县探沂镇人社所", "--state-dir",
                                             stateDir, "--receipt-dir", stateDir + "/receipts"});
        const auto extra = extraKioskArgs();
        args.insert(args.end(), extra.begin(), extra.end());
        kiosk = std::make_unique<KioskProcess>(args);
    }

    void enter(const std::string& digits) {
        for (char d : digits)
            kiosk->click(QStringLiteral("pinKey%1").arg(d));
        kiosk->click("pinConfirm");
    }
    // Polls the back office (as the touch terminal) until the card is in `status`; its view.
    std::optional<CardInfo> waitForCardStatus(CardStatus status, std::chrono::milliseconds t) {
        GetCardStatusRequest st;
        *st.mutable_card() = card.inserted();
        GetCardStatusResponse sr;
        const bool reached = renshe::testing::waitUntil(
            [&] {
                return renshe::testing::call(*env.touch().card, &CardService::Stub::GetCardStatus,
                                             st, &sr)
                           .ok() &&
                       sr.card().status() == status;
            },
            t);
        return reached ? std::optional<CardInfo>(sr.card()) : std::nullopt;
    }
    QJsonValue waitText(const char* object, const char* expected,
                        std::chrono::milliseconds t = 15s) {
        return kiosk->waitForProperty(object, "text", text(expected), t);
    }
    // 临时挂失 at another terminal: the ID number, the name and the service password 285714.
    bool reportLostWithoutTheCard() {
        ReportTemporaryLossResponse lr;
        const auto o =
            renshe::testing::call(*env.touch().card, &CardService::Stub::ReportTemporaryLoss,
                                  renshe::testing::lossReport(card, card.name, "285714"), &lr);
        EXPECT_TRUE(o.ok()) << o;
        return o.ok();
    }
};

TEST_F(CardFlow, ActivateUnreportAndResetOnTheTouchscreen) {
    EXPECT_EQ(kiosk->property("homeScreen", "visible"), QJsonValue(true));

    // Insert: the masked holder and the state from the back office.
    sim.insert();
    EXPECT_EQ(waitText("cardStatus", "卡片状态：未启用"), text("卡片状态：未启用"));
    EXPECT_EQ(kiosk->property("cardHolder", "text"), text("张*丰　370***********0017"));
    EXPECT_EQ(kiosk->property("homeScreen", "visible"), QJsonValue(false));
    EXPECT_EQ(kiosk->property("cardMessage", "text"), text("新卡需要先启用：设置您自己的密码"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "a new card");

    // Activation: a weak PIN is refused with the reason; then PIN, confirmation, service password.
    kiosk->click("action_activate");
    EXPECT_EQ(waitText("cardPrompt", "请设置6位新密码"), text("请设置6位新密码"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "activation: new PIN");
    renshe::testing::screenshotEverywhere(*kiosk, "screenshots/sizes/activation-new-pin");
    enter("111111");
    EXPECT_EQ(waitText("cardMessage", "密码不能是相同的数字，请重新设置"),
              text("密码不能是相同的数字，请重新设置"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "activation: a weak PIN refused");
    enter("135790");
    EXPECT_EQ(waitText("cardPrompt", "请再次输入新密码"), text("请再次输入新密码"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "activation: the PIN again");
    enter("135790");
    EXPECT_EQ(waitText("cardPrompt", "请设置6位服务密码（挂失时使用，不能与卡密码相同）"),
              text("请设置6位服务密码（挂失时使用，不能与卡密码相同）"));
    enter("135790");  // same as the PIN: refused
    EXPECT_EQ(waitText("cardMessage", "服务密码不能与卡密码相同，请重新设置"),
              text("服务密码不能与卡密码相同，请重新设置"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "activation: the service password refused");
    enter("285714");
    EXPECT_EQ(waitText("cardMessage", "社保卡已启用，请牢记您的新密码"),
              text("社保卡已启用，请牢记您的新密码"));
    EXPECT_EQ(waitText("cardStatus", "卡片状态：正常"), text("卡片状态：正常"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "activated");
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("135790"));
    // The receipt of the activation, as a PDF here (the CUPS printer on a terminal).
    EXPECT_EQ(kiosk->property("cardPrint", "visible"), QJsonValue(true));
    kiosk->click("cardPrint");
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] {
            return std::filesystem::exists(stateDir + "/receipts") &&
                   !std::filesystem::is_empty(stateDir + "/receipts");
        },
        5s));

    // Card out: back to the attract screen, nothing of the holder left on it.
    sim.remove();
    EXPECT_EQ(kiosk->waitForProperty("homeScreen", "visible", true, 10s), QJsonValue(true));
    EXPECT_EQ(kiosk->property("cardHolder", "text"), text("　"));

    // Reported lost without the card (ID number + name + service password) ...
    ASSERT_TRUE(reportLostWithoutTheCard());

    // ... found again: un-report with the card and its PIN; a wrong PIN first.
    sim.insert();
    EXPECT_EQ(waitText("cardStatus", "卡片状态：临时挂失"), text("卡片状态：临时挂失"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "a card reported lost");
    kiosk->click("action_unreport");
    EXPECT_EQ(waitText("cardPrompt", "请输入社保卡密码"), text("请输入社保卡密码"));
    enter("000000");
    EXPECT_EQ(waitText("cardMessage", "密码错误，还可以再试2次"), text("密码错误，还可以再试2次"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "un-report: a wrong PIN");
    kiosk->click("action_unreport");
    enter("135790");
    EXPECT_EQ(waitText("cardMessage", "解挂成功，社保卡已恢复正常使用"),
              text("解挂成功，社保卡已恢复正常使用"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "un-reported");
    EXPECT_EQ(waitText("cardStatus", "卡片状态：正常"), text("卡片状态：正常"));

    // Forgot the PIN: the service password opens a reset through the back office's key.
    kiosk->click("action_resetPin");
    EXPECT_EQ(waitText("cardPrompt", "请输入服务密码"), text("请输入服务密码"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "PIN reset: the service password");
    enter("285714");
    EXPECT_EQ(waitText("cardPrompt", "请设置6位新密码"), text("请设置6位新密码"));
    enter("482916");
    enter("482916");
    EXPECT_EQ(waitText("cardMessage", "密码已重置，请牢记新密码"),
              text("密码已重置，请牢记新密码"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "PIN reset done");
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("482916"));
    EXPECT_EQ(sim.cardValue("pin_tries_left"), std::optional<std::string>("3"));

    // 个人信息查询: the card's history after the PIN.
    kiosk->click("action_query");
    enter("482916");
    EXPECT_EQ(waitText("cardMessage", "以下是您的社保卡记录（最新在前）"),
              text("以下是您的社保卡记录（最新在前）"));
    EXPECT_EQ(kiosk->property("cardHistory", "count"),
              QJsonValue(5));  // issued, activated, lost, un-reported, reset
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "the card's history");

    // The back office saw it all, in order, from this terminal.
    GetPersonRequest gp;
    gp.mutable_person()->set_ssn(card.ssn);
    GetPersonResponse person;
    ASSERT_TRUE(
        renshe::testing::call(*env.staff().admin, &AdminService::Stub::GetPerson, gp, &person)
            .ok());
    ASSERT_GE(person.history_size(), 4);
    EXPECT_EQ(person.history(0).reason(), "PIN reset succeeded");
    EXPECT_EQ(person.history(1).reason(), "loss un-reported at terminal");
    EXPECT_EQ(person.history(0).actor(), "T-371302-001");
}

TEST_F(CardFlow, ACardTheKioskCannotServeSaysWhy) {
    renshe::testing::TempDir dir;
    // Not a social security card at all (no SSSE application).
    renshe::testing::writeCardFile(renshe::testing::sampleCard("zhang-sanfeng"), dir / "other.card",
                                   {{"ssc", "no"}});
    // In the terminal's second slot: the kiosk watches every reader.
    renshe::testing::CardSim other(pcscd, 1, dir / "other.card");
    EXPECT_EQ(waitText("cardMessage", "这不是社会保障卡，请插入社保卡"),
              text("这不是社会保障卡，请插入社保卡"));
    other.remove();
    EXPECT_EQ(kiosk->waitForProperty("homeScreen", "visible", true, 10s), QJsonValue(true));
}

// Picks `character` among the candidates for `pinyin`.
void typeChinese(KioskProcess& kiosk, const std::string& pinyin, const char* character) {
    if (!renshe::testing::pickOnPinyinKeyboard(kiosk, pinyin, character))
        FAIL() << "no candidate " << character << " for " << pinyin;
}

// The loss report's three steps for 张三丰 with `password`, from the home screen.
void fillLossReport(KioskProcess& kiosk, const std::string& password) {
    kiosk.click("tileLossReport");
    for (char c : std::string("370102194704090017"))
        kiosk.click(QStringLiteral("idKey%1").arg(c));
    kiosk.click("lossNext");
    typeChinese(kiosk, "zhang", "张");
    typeChinese(kiosk, "san", "三");
    typeChinese(kiosk, "feng", "丰");
    kiosk.click("lossNext");
    for (char d : password)
        kiosk.click(QStringLiteral("pinKey%1").arg(d));
    kiosk.click("pinConfirm");
}

TEST_F(CardFlow, LossReportWithoutTheCardOnThePinyinKeyboard) {
    ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
    kiosk->click("tileLossReport");
    EXPECT_EQ(waitText("lossPrompt", "请输入18位社会保障号码（身份证号）"),
              text("请输入18位社会保障号码（身份证号）"));
    // A wrong check digit is caught at the terminal.
    for (char c : std::string("370102194704090018"))
        kiosk->click(QStringLiteral("idKey%1").arg(c));
    kiosk->click("lossNext");
    EXPECT_EQ(waitText("lossMessage", "号码有误（最后一位校验不符），请逐位核对"),
              text("号码有误（最后一位校验不符），请逐位核对"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "loss report: a wrong check digit");
    kiosk->click("idBackspace");
    kiosk->click("idKey7");
    EXPECT_EQ(kiosk->property("lossIdNumber", "text"), text("370102 19470409 0017"));
    kiosk->click("lossNext");
    EXPECT_EQ(waitText("lossPrompt", "请输入姓名：按拼音输入，再点选汉字"),
              text("请输入姓名：按拼音输入，再点选汉字"));
    typeChinese(*kiosk, "zhang", "张");
    typeChinese(*kiosk, "san", "三");
    typeChinese(*kiosk, "feng", "丰");
    EXPECT_EQ(kiosk->property("lossName", "text"), text("张三丰"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "loss report: the name");
    renshe::testing::screenshotEverywhere(*kiosk, "screenshots/sizes/loss-name");
    kiosk->click("lossNext");
    EXPECT_EQ(waitText("lossPrompt", "请输入6位服务密码"), text("请输入6位服务密码"));
    for (char d : std::string("285714"))
        kiosk->click(QStringLiteral("pinKey%1").arg(d));
    kiosk->click("pinConfirm");
    EXPECT_EQ(waitText("lossPrompt", "挂失成功"), text("挂失成功"));
    const auto message = kiosk->property("lossMessage", "text").toString();
    EXPECT_TRUE(message.startsWith(QString::fromUtf8("挂失受理号：GS"))) << message.toStdString();
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "loss report: reported");

    GetCardStatusRequest st;
    *st.mutable_card() = card.inserted();
    GetCardStatusResponse sr;
    ASSERT_TRUE(
        renshe::testing::call(*env.touch().card, &CardService::Stub::GetCardStatus, st, &sr).ok());
    EXPECT_EQ(sr.card().status(), CARD_STATUS_TEMP_LOST);
    EXPECT_TRUE(message.contains(QString::fromStdString(sr.card().loss_report().report_number())));

    // The receipt, as PDF here (the printer on a terminal).
    kiosk->click("lossPrint");
    const auto file = kiosk->waitForProperty("receiptFile", "text", QJsonValue(), 0s).toString();
    ASSERT_FALSE(file.isEmpty());
    std::ifstream pdf(file.toStdString(), std::ios::binary);
    std::string head(5, '\0');
    pdf.read(head.data(), 5);
    EXPECT_EQ(head, "%PDF-");
    EXPECT_GT(std::filesystem::file_size(file.toStdString()), 1000u);
    kiosk->click("lossBack");
    EXPECT_EQ(kiosk->waitForProperty("homeScreen", "visible", true, 5s), QJsonValue(true));
}

// The service password waits sealed to the back office's key, never in the clear on disk.
TEST_F(CardFlow, AnActivationTheBackOfficeMissedIsDeliveredFromTheOutboxEvenAfterAKioskCrash) {
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] { return std::filesystem::exists(stateDir + "/sealing-key.pb"); }, 10s));
    sim.insert();
    EXPECT_EQ(waitText("cardStatus", "卡片状态：未启用"), text("卡片状态：未启用"));
    env.backoffice().kill9();  // gone between the status and the report
    kiosk->click("action_activate");
    enter("135790");
    enter("135790");
    enter("285714");
    EXPECT_EQ(waitText("cardMessage",
                       "社保卡已启用，请牢记您的新密码。网络恢复后将自动通知社保系统", 30s),
              text("社保卡已启用，请牢记您的新密码。网络恢复后将自动通知社保系统"));
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("135790"));
    EXPECT_EQ(kiosk->waitForProperty("pendingReports", "visible", true, 5s), QJsonValue(true));
    EXPECT_EQ(kiosk->property("pendingReports", "text"), text("待上报 1"));
    {
        const std::string bytes = outboxOnDisk();
        EXPECT_NE(bytes.find("ReportPinChanged"), std::string::npos);
        EXPECT_EQ(bytes.find("285714"), std::string::npos)
            << "the service password is on disk in the clear";
    }

    // The kiosk crashes too; a new one on the same state directory still has the report.
    kiosk->process().stop(std::chrono::milliseconds(0), SIGKILL);
    kiosk.reset();
    sim.remove();
    const auto terminal = env.pki().touchTerminal();
    env.backoffice().restart();
    kiosk = std::make_unique<KioskProcess>(env.kioskArgs(terminal, {"--state-dir", stateDir}));
    ASSERT_TRUE(waitForCardStatus(CARD_STATUS_ACTIVE, 20s).has_value());
    EXPECT_EQ(kiosk->waitForProperty("pendingReports", "visible", false, 10s), QJsonValue(false));
    // The sealed password arrived whole: it is the second factor of a loss report now.
    ReportTemporaryLossResponse lr;
    EXPECT_TRUE(renshe::testing::call(*env.touch().card, &CardService::Stub::ReportTemporaryLoss,
                                      renshe::testing::lossReport(card, card.name, "285714"), &lr)
                    .ok());
}

// The back office goes down in the middle of a citizen's visit: the kiosk says it is offline,
// keeps the loss report in its outbox (the service password sealed to the back office's key,
// never on disk in the clear) and tells the citizen it is not yet in effect; a wrong password
// is refused as such while online; after the restart the report is delivered with its request
// id and takes effect once.
TEST_F(CardFlow, ALossReportDuringAnOutageIsKeptSealedAndDeliveredWhenTheBackOfficeReturns) {
    ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
    EXPECT_EQ(kiosk->waitForProperty("connectivityIndicator", "connected", true, 15s),
              QJsonValue(true));
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] { return std::filesystem::exists(stateDir + "/sealing-key.pb"); }, 10s));

    // Online, a wrong service password: refused, nothing reported.
    fillLossReport(*kiosk, "111111");
    EXPECT_EQ(waitText("lossMessage", "号码、姓名或服务密码不正确，请核对后重试"),
              text("号码、姓名或服务密码不正确，请核对后重试"));
    kiosk->click("lossBack");

    env.backoffice().kill9();
    const auto killed = std::chrono::steady_clock::now();
    EXPECT_EQ(kiosk->waitForProperty("connectivityIndicator", "connected", false, 15s),
              QJsonValue(false));
    const auto noticed = std::chrono::steady_clock::now() - killed;
    std::printf("[ offline ] the status bar said so %.2f s after the back office died\n",
                std::chrono::duration<double>(noticed).count());
    EXPECT_LT(noticed, 2s);
    EXPECT_EQ(kiosk->property("connectivityIndicator", "label"), text("离线"));

    fillLossReport(*kiosk, "285714");
    EXPECT_EQ(waitText("lossPrompt", "挂失申请已保存，尚未生效", 40s),
              text("挂失申请已保存，尚未生效"));
    EXPECT_TRUE(
        kiosk->property("lossMessage", "text").toString().contains(QStringLiteral("12333")));
    EXPECT_EQ(kiosk->waitForProperty("pendingReports", "text", text("待上报 1"), 5s),
              text("待上报 1"));
    kiosk->click("lossPrint");
    std::filesystem::create_directories("screenshots/card");
    kiosk->screenshot("screenshots/card/loss-queued-offline.png");
    {
        const std::string bytes = outboxOnDisk();
        EXPECT_NE(bytes.find("ReportTemporaryLoss"), std::string::npos);
        EXPECT_EQ(bytes.find("285714"), std::string::npos)
            << "the service password is on disk in the clear";
    }
    kiosk->click("lossBack");

    env.backoffice().restart();
    const auto reported = waitForCardStatus(CARD_STATUS_TEMP_LOST, 30s);
    ASSERT_TRUE(reported.has_value());
    EXPECT_FALSE(reported->loss_report().report_number().empty());
    EXPECT_EQ(kiosk->waitForProperty("pendingReports", "visible", false, 15s), QJsonValue(false));
}

// Change PIN: a wrong current PIN first (the card says how many tries are left), then the
// right one; the card holds the new PIN and the back office knows it was changed; a receipt.
// 我的社保: records imported for the holder; the card and its PIN open them: each insurance type
// in a sentence, this year's months (owed ones say so in words), an earlier year on request;
// every state fits every terminal; back to the card, and the card out forgets them.
TEST_F(CardFlow, MyRecordsAfterThePinInPlainWordsAndAYearOfMonths) {
    ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
    const QDate today = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();  // China
    const auto monthText = [](QDate d) { return d.toString("yyyy-MM").toStdString(); };
    std::string rows;
    for (int back = 28; back >= 1; --back) {  // 28 months up to last month, the last 2 owed
        const QDate m = today.addMonths(-back);
        rows += card.ssn + "," + monthText(m) + ",employee_pension,4000,320,640," +
                (back <= 2 ? "owed" : "paid") + ",临沂顺达物流有限公司\n";
    }
    ASSERT_EQ(renshe::testing::importContributions(env, rows), 28);

    sim.insert();
    ASSERT_EQ(kiosk->waitForProperty("action_records", "visible", true, 15s), QJsonValue(true));
    kiosk->click("action_records");
    EXPECT_EQ(waitText("cardPrompt", "请输入社保卡密码"), text("请输入社保卡密码"));
    enter("000000");  // a wrong PIN shows nothing
    EXPECT_EQ(waitText("cardMessage", "密码错误，还可以再试2次"), text("密码错误，还可以再试2次"));
    EXPECT_EQ(kiosk->property("recordsScreen", "visible"), QJsonValue(false));
    kiosk->click("action_records");
    enter("123456");
    ASSERT_EQ(kiosk->waitForProperty("recordsScreen", "visible", true, 15s), QJsonValue(true));
    const QString latest = today.addMonths(-3).toString(QString::fromUtf8("yyyy年MM月"));
    const QString summary =
        QString::fromUtf8("企业职工基本养老保险：正常参保，累计缴费2年2个月，") +
        QString::fromUtf8("最近缴到") + latest + QString::fromUtf8("，欠缴2个月");
    EXPECT_EQ(kiosk->property("recordsSummary", "text"), QJsonValue(summary));
    EXPECT_EQ(kiosk->property("recordsHolder", "text"), text("张*丰　370***********0017"));
    const QString thisYear = QString::number(today.year());
    EXPECT_EQ(kiosk->property("recordsYearTitle", "text"),
              QJsonValue(thisYear + QString::fromUtf8("年缴费情况")));
    // Last month is owed and says so; this month has no record yet.
    const auto month = [&](QDate d) { return QStringLiteral("recordsMonth%1").arg(d.month() - 1); };
    if (today.addMonths(-1).year() == today.year()) {
        EXPECT_EQ(kiosk->property(month(today.addMonths(-1)), "monthState"), text("owed"));
    }
    EXPECT_EQ(kiosk->property(month(today), "monthState"), text("none"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "my records");
    renshe::testing::screenshotEverywhere(*kiosk, "screenshots/sizes/records");

    // The year before: every month paid.
    kiosk->click("recordsEarlier");
    const QString lastYear = QString::number(today.year() - 1);
    EXPECT_EQ(kiosk->waitForProperty("recordsYearTitle", "text",
                                     QJsonValue(lastYear + QString::fromUtf8("年缴费情况")), 10s),
              QJsonValue(lastYear + QString::fromUtf8("年缴费情况")));
    EXPECT_EQ(kiosk->property("recordsMonth5", "monthState"), text("paid"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "my records, the year before");

    kiosk->click("recordsBack");
    EXPECT_EQ(kiosk->waitForProperty("cardScreen", "visible", true, 5s), QJsonValue(true));
    kiosk->click("action_records");
    enter("123456");
    ASSERT_EQ(kiosk->waitForProperty("recordsScreen", "visible", true, 15s), QJsonValue(true));
    sim.remove();
    EXPECT_EQ(kiosk->waitForProperty("homeScreen", "visible", true, 10s), QJsonValue(true));
    EXPECT_EQ(kiosk->property("recordsSummary", "text"), text(""));
}

TEST_F(CardFlow, ChangePinWithAWrongPinFirst) {
    ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
    sim.insert();
    EXPECT_EQ(waitText("cardStatus", "卡片状态：正常"), text("卡片状态：正常"));
    kiosk->click("action_changePin");
    EXPECT_EQ(waitText("cardPrompt", "请输入社保卡密码"), text("请输入社保卡密码"));
    enter("000000");
    EXPECT_EQ(waitText("cardPrompt", "请设置6位新密码"), text("请设置6位新密码"));
    enter("482916");
    EXPECT_EQ(waitText("cardPrompt", "请再次输入新密码"), text("请再次输入新密码"));
    enter("482916");
    EXPECT_EQ(waitText("cardMessage", "密码错误，还可以再试2次"), text("密码错误，还可以再试2次"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "change PIN: a wrong PIN");
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("123456"));
    kiosk->click("action_changePin");
    enter("123456");
    enter("482916");
    enter("482916");
    EXPECT_EQ(waitText("cardMessage", "密码修改成功，请牢记新密码"),
              text("密码修改成功，请牢记新密码"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "PIN changed");
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("482916"));
    EXPECT_EQ(kiosk->property("cardPrint", "visible"), QJsonValue(true));
    std::filesystem::create_directories("screenshots/card");
    kiosk->screenshot("screenshots/card/pin-changed.png");
}

// The card taken out in the middle of a flow: the screen goes home at once, the digits typed
// so far are gone, and the card put back starts from its overview, not from the half-done flow.
TEST_F(CardFlow, CardPulledMidFlowForgetsTheFlow) {
    ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
    sim.insert();
    EXPECT_EQ(waitText("cardStatus", "卡片状态：正常"), text("卡片状态：正常"));
    kiosk->click("action_changePin");
    EXPECT_EQ(waitText("cardPrompt", "请输入社保卡密码"), text("请输入社保卡密码"));
    for (char d : std::string("123"))
        kiosk->click(QStringLiteral("pinKey%1").arg(d));
    sim.remove();
    EXPECT_EQ(kiosk->waitForProperty("homeScreen", "visible", true, 10s), QJsonValue(true));
    EXPECT_EQ(kiosk->property("cardHolder", "text"), text("　"));
    sim.insert();
    EXPECT_EQ(waitText("cardStatus", "卡片状态：正常"), text("卡片状态：正常"));
    EXPECT_EQ(kiosk->property("cardActions", "visible"), QJsonValue(true));
    EXPECT_EQ(kiosk->property("pinPad", "visible"), QJsonValue(false));
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("123456"));
}

class CardFlowIdle : public CardFlow {
protected:
    std::vector<std::string> extraKioskArgs() const override { return {"--idle-seconds", "6"}; }
};

TEST_F(CardFlowIdle, AnAbandonedFlowWarnsThenForgetsTheDigits) {
    sim.insert();
    EXPECT_EQ(waitText("cardStatus", "卡片状态：未启用"), text("卡片状态：未启用"));
    kiosk->click("action_activate");
    kiosk->click("pinKey1");
    kiosk->click("pinKey3");
    EXPECT_EQ(kiosk->property("pinPad", "visible"), QJsonValue(true));
    // Nobody touches the screen: the warning with its countdown, then the flow is dropped.
    // While it shows, the audit sees only the warning (it covers the page).
    EXPECT_EQ(kiosk->waitForProperty("idleWarning", "visible", true, 5s), QJsonValue(true));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "the idle warning");
    renshe::testing::screenshotEverywhere(*kiosk, "screenshots/sizes/idle-warning");
    EXPECT_EQ(waitText("cardMessage", "操作超时，请取走社保卡", 6s),
              text("操作超时，请取走社保卡"));
    EXPECT_EQ(kiosk->property("pinPad", "visible"), QJsonValue(false));
    EXPECT_EQ(kiosk->property("idleWarning", "visible"), QJsonValue(false));
    // A touch during the warning keeps the session.
    kiosk->click("action_activate");
    EXPECT_EQ(kiosk->waitForProperty("idleWarning", "visible", true, 5s), QJsonValue(true));
    kiosk->click("idleContinue");
    EXPECT_EQ(kiosk->property("idleWarning", "visible"), QJsonValue(false));
    EXPECT_EQ(kiosk->property("pinPad", "visible"), QJsonValue(true));
    sim.remove();
    EXPECT_EQ(kiosk->waitForProperty("homeScreen", "visible", true, 10s), QJsonValue(true));
    // The jobs page times out to the home screen too.
    kiosk->click("tileJobs");
    EXPECT_EQ(kiosk->waitForProperty("homeScreen", "visible", false, 2s), QJsonValue(false));
    EXPECT_EQ(kiosk->waitForProperty("homeScreen", "visible", true, 8s), QJsonValue(true));
}

}  // namespace

// Every card flow's steps and results in English and in Korean, at every terminal size, normal
// and elderly: the longer translations fit too (the Chinese journey above is audited the same
// way). The waits follow what the screen shows, not its words.
class CardFlowTranslated : public CardFlow, public ::testing::WithParamInterface<const char*> {
protected:
    void audit(const std::string& where) {
        renshe::testing::expectLayoutFitsEverywhere(*kiosk, std::string(GetParam()) + ": " + where);
    }
    // Digits on the pad, then the card command or the back office's answer: the actions again.
    void enterAndWaitForTheResult(const std::string& digits) {
        enter(digits);
        EXPECT_EQ(kiosk->waitForProperty("cardActions", "visible", true, 15s), QJsonValue(true))
            << GetParam() << " after " << digits;
    }
};

TEST_P(CardFlowTranslated, EveryStepAndResultFitsEveryTerminal) {
    kiosk->click(std::string(GetParam()) == "en" ? "languageEn" : "languageKo");
    sim.insert();
    ASSERT_EQ(kiosk->waitForProperty("action_activate", "visible", true, 15s), QJsonValue(true));
    audit("a new card");
    kiosk->click("action_activate");
    const auto firstPrompt = kiosk->property("cardPrompt", "text");
    enter("111111");  // refused at the terminal: the same digits
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] { return !kiosk->property("cardMessage", "text").toString().isEmpty(); }, 5s));
    EXPECT_EQ(kiosk->property("cardPrompt", "text"), firstPrompt);
    audit("activation: a weak PIN refused");
    enter("135790");
    enter("135790");
    audit("activation: the service password");
    enterAndWaitForTheResult("285714");
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("135790"));
    audit("activated");

    kiosk->click("action_changePin");
    enter("000000");
    enter("482916");
    enterAndWaitForTheResult("482916");  // the card refuses the wrong PIN
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("135790"));
    audit("change PIN: a wrong PIN");

    ASSERT_TRUE(reportLostWithoutTheCard());
    sim.remove();
    ASSERT_EQ(kiosk->waitForProperty("homeScreen", "visible", true, 10s), QJsonValue(true));
    sim.insert();
    ASSERT_EQ(kiosk->waitForProperty("action_unreport", "visible", true, 15s), QJsonValue(true));
    audit("a card reported lost");
    kiosk->click("action_unreport");
    enterAndWaitForTheResult("135790");
    EXPECT_TRUE(waitForCardStatus(CARD_STATUS_ACTIVE, 10s).has_value());
    audit("un-reported");
    renshe::testing::screenshotEverywhere(
        *kiosk, "screenshots/sizes/unreported-" + std::string(GetParam()));

    kiosk->click("action_resetPin");
    enter("285714");
    EXPECT_EQ(kiosk->waitForProperty("pinPad", "visible", true, 10s), QJsonValue(true));
    audit("PIN reset: a new PIN");
    enter("482916");
    enterAndWaitForTheResult("482916");
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("482916"));
    audit("PIN reset");

    kiosk->click("action_query");
    enter("482916");
    EXPECT_EQ(kiosk->waitForProperty("cardHistory", "visible", true, 15s), QJsonValue(true));
    audit("the card's history");

    kiosk->click("action_records");  // no records imported: the page says so
    enter("482916");
    EXPECT_EQ(kiosk->waitForProperty("recordsScreen", "visible", true, 15s), QJsonValue(true));
    EXPECT_FALSE(kiosk->property("recordsSummary", "text").toString().isEmpty());
    audit("my records, none yet");
    kiosk->click("recordsBack");
    EXPECT_EQ(kiosk->waitForProperty("cardScreen", "visible", true, 5s), QJsonValue(true));
}

INSTANTIATE_TEST_SUITE_P(Languages, CardFlowTranslated, ::testing::Values("en", "ko"),
                         [](const auto& info) { return std::string(info.param); });
