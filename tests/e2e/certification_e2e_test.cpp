// 养老资格认证 at the touchscreen, end to end: the real kiosk with the card in the simulated
// reader and libfprint's virtual_image sensor (real NBIS on synthetic fingers), the real back
// office with the retiree's enrolled template. A wrong finger first (guidance, scans left),
// then the right one: certified for another cycle, receipt printed.
#include <gtest/gtest.h>

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <fstream>
#include <regex>
#include <thread>

#include "drivers/fprint/fprint.hpp"
#include "drivers/fprint/synthetic.hpp"
#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/certification.grpc.pb.h"
#include "renshe/v1/records.grpc.pb.h"
#include "tests/fixtures/cardsim.hpp"
#include "tests/fixtures/fprint_device.hpp"
#include "tests/fixtures/idcardsim.hpp"
#include "tests/fixtures/pcscd.hpp"
#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/service/backoffice_env.hpp"

using namespace std::chrono_literals;
using namespace renshe::v1;
namespace fp = renshe::drivers::fprint;
using renshe::testing::BackofficeEnv;
using renshe::testing::KioskProcess;

namespace {

using renshe::testing::text;
constexpr std::uint64_t kFinger = 2024, kOtherFinger = 77;

// The text of a PDF page (pdftotext), NFKC: a CJK font may draw an ideograph with its radical's
// compatibility glyph.
std::string pdfText(const std::filesystem::path& pdf, const std::filesystem::path& log) {
    renshe::testing::ProcessOptions opts;
    opts.argv = {"/usr/bin/pdftotext", "-layout", pdf.string(), "-"};
    opts.logFile = log;
    std::filesystem::remove(log);
    EXPECT_EQ(renshe::testing::runToCompletion(std::move(opts), 60s), 0) << pdf;
    std::ifstream in(log);
    const std::string raw((std::istreambuf_iterator<char>(in)), {});
    return QString::fromStdString(raw).normalized(QString::NormalizationForm_KC).toStdString();
}

// 张三丰 registered as a retiree since 2007, card activated, right index finger enrolled at
// the counter (here: on the same kind of sensor, before the kiosk starts).
void enrolRetiree(BackofficeEnv& env, renshe::testing::VirtualFingerprintDevice& sensors,
                  const renshe::testing::SeededCard& card) {
    {
        // A retiree since 2007.
        const RegisterPersonRequest r = renshe::testing::retireeRegistration(card);
        RegisterPersonResponse rr;
        ASSERT_TRUE(
            renshe::testing::call(*env.staff().admin, &AdminService::Stub::RegisterPerson, r, &rr)
                .ok());
    }
    ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
    {
        // Enrolled at the counter (here: on the same kind of sensor, before the kiosk starts).
        const auto enrolled = sensors.enrolOnImageSensor(kFinger);
        EnrollFingerprintRequest e;
        e.set_request_id(renshe::testing::newRequestId());
        e.mutable_person()->set_ssn(card.ssn);
        e.set_finger(FINGER_RIGHT_INDEX);
        e.set_serialized_print(std::string(enrolled.serialized.begin(), enrolled.serialized.end()));
        e.mutable_device()->set_driver(enrolled.driver);
        e.mutable_device()->set_device_id(enrolled.deviceId);
        EnrollFingerprintResponse er;
        auto staff =
            CertificationService::NewStub(renshe::services::client::makeChannel(env.pki().endpoint(
                env.backoffice().staffTarget(), env.pki().staff("S-0001", "371302"))));
        const auto o =
            renshe::testing::call(*staff, &CertificationService::Stub::EnrollFingerprint, e, &er);
        ASSERT_TRUE(o.ok()) << o;
    }
}

TEST(CertificationAtTheKiosk, WrongFingerThenTheRightOneCertifies) {
    renshe::testing::VirtualFingerprintDevice sensors;
    ::setenv("FP_DRIVERS_WHITELIST", "virtual_image", 1);
    renshe::testing::PrivatePcscd pcscd;
    renshe::testing::CardSim sim(pcscd, 0, renshe::testing::sampleCard("zhang-sanfeng"),
                                 renshe::testing::CardSimOptions{false, {}, std::nullopt});
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite);
    renshe::testing::SeededCard card;
    renshe::testing::seed(env.staff(), card);
    enrolRetiree(env, sensors, card);
    if (::testing::Test::HasFatalFailure())
        return;

    renshe::testing::TempDir state("renshe-kiosk-cert");
    const auto terminal = env.pki().touchTerminal();
    KioskProcess kiosk(env.kioskArgs(terminal, {"--state-dir", state.path().string(),
                                                "--receipt-dir", (state / "receipts").string()}));
    sim.insert();
    EXPECT_EQ(kiosk.waitForProperty("cardStatus", "text", text("卡片状态：正常"), 15s),
              text("卡片状态：正常"));
    kiosk.click("action_certify");
    EXPECT_EQ(kiosk.waitForProperty("certStart", "visible", true, 10s), QJsonValue(true));
    const auto status = kiosk.property("certStatus", "text").toString();
    EXPECT_TRUE(status.contains(QString::fromUtf8("逾期")) ||
                status.contains(QString::fromUtf8("有效期")) ||
                status.contains(QString::fromUtf8("前完成认证")))
        << status.toStdString();

    kiosk.click("certStart");
    std::optional<fp::synthetic::VirtualImageFeeder> feeder;
    auto putFinger = [&](std::uint64_t seed, int attempt) {
        EXPECT_EQ(kiosk.waitForProperty("certPrompt", "text", text("请把手指平放在指纹仪上"), 15s),
                  text("请把手指平放在指纹仪上"));
        if (!feeder)
            feeder.emplace(sensors.imageSocket().string());
        feeder->send(fp::synthetic::presentation(seed, attempt));
    };
    putFinger(kOtherFinger, 0);
    EXPECT_EQ(kiosk.waitForProperty("certMessage", "text", text("指纹不一致，还可以再试2次"), 15s),
              text("指纹不一致，还可以再试2次"));
    putFinger(kFinger, 9);
    const auto done = kiosk.waitForProperty("certPrint", "visible", true, 15s);
    ASSERT_EQ(done, QJsonValue(true))
        << kiosk.property("certMessage", "text").toString().toStdString();
    EXPECT_TRUE(kiosk.property("certMessage", "text")
                    .toString()
                    .startsWith(QString::fromUtf8("认证成功，有效期至")));
    kiosk.click("certPrint");

    // The back office has it: certified for a new cycle by this terminal's sensor.
    GetCertificationStatusRequest q;
    q.mutable_person()->set_ssn(card.ssn);
    GetCertificationStatusResponse qr;
    auto touch = CertificationService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().target(), terminal)));
    ASSERT_TRUE(
        renshe::testing::call(*touch, &CertificationService::Stub::GetCertificationStatus, q, &qr)
            .ok());
    EXPECT_EQ(qr.status().state(), CERTIFICATION_STATE_CERTIFIED);
    EXPECT_EQ(qr.status().pension(), PENSION_STATUS_ACTIVE);
    EXPECT_TRUE(std::filesystem::exists(state / "receipts"));

    // Card out: the certification screen is gone with it.
    sim.remove();
    EXPECT_EQ(kiosk.waitForProperty("homeScreen", "visible", true, 10s), QJsonValue(true));
    EXPECT_EQ(kiosk.property("certificationScreen", "visible"), QJsonValue(false));
}

// A retiree enrolled (enrolRetiree) and the kiosk started without a card in any reader.
class CertificationWithoutCard : public ::testing::Test {
protected:
    renshe::testing::VirtualFingerprintDevice sensors;
    BackofficeEnv env{renshe::testing::StoreKind::Sqlite};
    renshe::testing::SeededCard card;
    renshe::testing::TempDir state{"renshe-kiosk-cert"};
    renshe::testing::CertFiles terminal = env.pki().touchTerminal();
    std::unique_ptr<KioskProcess> kiosk;
    virtual std::vector<std::string> extraKioskArgs() const { return {}; }

    void SetUp() override {
        ::setenv("FP_DRIVERS_WHITELIST", "virtual_image", 1);
        renshe::testing::seed(env.staff(), card);
        enrolRetiree(env, sensors, card);
        if (HasFatalFailure())
            return;
        auto args = env.kioskArgs(terminal, {"--state-dir", state.path().string(), "--receipt-dir",
                                             (state / "receipts").string()});
        const auto extra = extraKioskArgs();
        args.insert(args.end(), extra.begin(), extra.end());
        kiosk = std::make_unique<KioskProcess>(args);
    }
    void type(const std::string& digits) {
        for (char c : digits)
            kiosk->click(QStringLiteral("idKey%1").arg(c));
    }
    // 开始认证, the enrolled finger on the sensor: true once the result (and 打印回执) shows.
    bool scanTheRightFinger() {
        kiosk->click("certStart");
        EXPECT_EQ(kiosk->waitForProperty("certPrompt", "text", text("请把手指平放在指纹仪上"), 15s),
                  text("请把手指平放在指纹仪上"));
        renshe::testing::expectLayoutFitsEverywhere(*kiosk, "certification: the finger, please");
        fp::synthetic::VirtualImageFeeder feeder(sensors.imageSocket().string());
        feeder.send(fp::synthetic::presentation(kFinger, 4));
        const bool shown =
            kiosk->waitForProperty("certPrint", "visible", true, 15s) == QJsonValue(true);
        EXPECT_TRUE(shown) << kiosk->property("certMessage", "text").toString().toStdString();
        return shown;
    }
    // The back office's answer for the retiree, asked as this terminal.
    CertificationState stateInTheBackOffice() {
        GetCertificationStatusRequest q;
        q.mutable_person()->set_ssn(card.ssn);
        GetCertificationStatusResponse qr;
        auto touch = CertificationService::NewStub(renshe::services::client::makeChannel(
            env.pki().endpoint(env.backoffice().target(), terminal)));
        const auto o = renshe::testing::call(
            *touch, &CertificationService::Stub::GetCertificationStatus, q, &qr);
        EXPECT_TRUE(o.ok()) << o;
        return qr.status().state();
    }
};

// Without a card: the ID number typed on the digit pad (a wrong check digit refused with the
// reason, a number nobody is insured under refused), then the finger proves who it is.
TEST_F(CertificationWithoutCard, ByIdNumber) {
    ASSERT_TRUE(kiosk);
    kiosk->click("tileCertification");
    EXPECT_EQ(kiosk->waitForProperty("certPrompt", "text",
                                     text("请输入18位社会保障号码（身份证号）"), 5s),
              text("请输入18位社会保障号码（身份证号）"));
    // The last digit wrong: refused here, with the reason, before anything is sent.
    type(card.ssn.substr(0, 17) + (card.ssn[17] == '8' ? "9" : "8"));
    EXPECT_EQ(kiosk->property("certIdNumber", "text"), text("370102 19470409 0018"));
    kiosk->click("certIdNext");
    EXPECT_EQ(kiosk->waitForProperty("certMessage", "text",
                                     text("号码有误（最后一位校验不符），请逐位核对"), 5s),
              text("号码有误（最后一位校验不符），请逐位核对"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "certification: a wrong check digit");
    renshe::testing::screenshotEverywhere(*kiosk, "screenshots/sizes/certification-id-refused");
    // A valid number nobody is insured under.
    for (int i = 0; i < 18; ++i)
        kiosk->click("idBackspace");
    const auto stranger = renshe::testing::inventedCard(7);
    type(stranger.ssn);
    kiosk->click("certIdNext");
    EXPECT_EQ(kiosk->waitForProperty(
                  "certMessage", "text",
                  text("没有查到这个号码的参保信息，请核对号码，或带身份证到窗口办理"), 10s),
              text("没有查到这个号码的参保信息，请核对号码，或带身份证到窗口办理"));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk,
                                                "certification: nobody insured under the number");
    kiosk->click("certBack");
    EXPECT_EQ(kiosk->waitForProperty("certificationScreen", "visible", false, 5s),
              QJsonValue(false));

    // The retiree's own number: the status, then the finger.
    kiosk->click("tileCertification");
    EXPECT_EQ(kiosk->waitForProperty("certIdNumber", "text", text(" "), 5s),
              text(" "));  // nothing kept
    type(card.ssn);
    kiosk->click("certIdNext");
    ASSERT_EQ(kiosk->waitForProperty("certStart", "visible", true, 10s), QJsonValue(true))
        << kiosk->property("certMessage", "text").toString().toStdString();
    ASSERT_TRUE(scanTheRightFinger());
    kiosk->click("certPrint");
    EXPECT_FALSE(std::filesystem::is_empty(state / "receipts"));

    EXPECT_EQ(stateInTheBackOffice(), CERTIFICATION_STATE_CERTIFIED);
    // Done: back home, and the number is gone from the screen.
    kiosk->click("certBack");
    EXPECT_EQ(kiosk->waitForProperty("certificationScreen", "visible", false, 5s),
              QJsonValue(false));
}

// Three wrong fingers: each refusal says how many scans are left, the third sends the person
// to the counter, and the back office has not certified anyone.
TEST_F(CertificationWithoutCard, ThreeFailedScansSendThePersonToTheCounter) {
    ASSERT_TRUE(kiosk);
    kiosk->click("tileCertification");
    type(card.ssn);
    kiosk->click("certIdNext");
    ASSERT_EQ(kiosk->waitForProperty("certStart", "visible", true, 10s), QJsonValue(true));
    kiosk->click("certStart");
    std::optional<fp::synthetic::VirtualImageFeeder> feeder;
    for (int attempt = 0; attempt < 3; ++attempt) {
        EXPECT_EQ(kiosk->waitForProperty("certPrompt", "text", text("请把手指平放在指纹仪上"), 15s),
                  text("请把手指平放在指纹仪上"));
        if (!feeder)
            feeder.emplace(sensors.imageSocket().string());
        feeder->send(fp::synthetic::presentation(kOtherFinger, attempt));
        if (attempt == 0) {
            EXPECT_EQ(kiosk->waitForProperty("certMessage", "text",
                                             text("指纹不一致，还可以再试2次"), 15s),
                      text("指纹不一致，还可以再试2次"));
            renshe::testing::expectLayoutFitsEverywhere(*kiosk, "certification: not matched");
        } else if (attempt == 1) {
            EXPECT_EQ(kiosk->waitForProperty("certMessage", "text",
                                             text("指纹不一致，还可以再试1次"), 15s),
                      text("指纹不一致，还可以再试1次"));
        }
    }
    EXPECT_EQ(kiosk->waitForProperty(
                  "certMessage", "text",
                  text("三次比对都没有成功，请带身份证到窗口认证，工作人员会帮您办理"), 15s),
              text("三次比对都没有成功，请带身份证到窗口认证，工作人员会帮您办理"));
    EXPECT_EQ(kiosk->property("certStart", "visible"), QJsonValue(false));
    std::filesystem::create_directories("screenshots/certification");
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "certification: to the counter");
    kiosk->screenshot("screenshots/certification/three-failures.png");
    EXPECT_NE(stateInTheBackOffice(), CERTIFICATION_STATE_CERTIFIED);
}

}  // namespace

// The same retiree without a social security card but with the ID card on the kiosk's reader
// (renshe-idcardsim): no typing at all; the finger still proves who it is.
class CertificationWithIdCard : public CertificationWithoutCard {
protected:
    renshe::testing::IdCardSim reader;  // empty at start
    std::vector<std::string> extraKioskArgs() const override {
        return {"--idcard-device", reader.device().string()};
    }
};

TEST_F(CertificationWithIdCard, TheIdCardStartsItAndTheFingerCertifies) {
    ASSERT_TRUE(kiosk);
    std::filesystem::create_directories("screenshots/idcard");
    kiosk->click("tileCertification");
    const char* place = "请将身份证放在读卡区\n或用数字键输入18位社会保障号码（身份证号）";
    EXPECT_EQ(kiosk->waitForProperty("certPrompt", "text", text(place), 5s), text(place));
    EXPECT_EQ(kiosk->waitForProperty("certIdCardHint", "visible", true, 5s), QJsonValue(true));
    kiosk->screenshot("screenshots/idcard/cert-1-place-the-id-card.png");
    reader.place("zhang-sanfeng");
    ASSERT_EQ(kiosk->waitForProperty("certStart", "visible", true, 10s), QJsonValue(true))
        << kiosk->property("certMessage", "text").toString().toStdString();
    kiosk->screenshot("screenshots/idcard/cert-2-status.png");
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "certification: the status");
    ASSERT_TRUE(scanTheRightFinger());
    kiosk->screenshot("screenshots/idcard/cert-3-certified.png");
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "certification: certified");
    EXPECT_EQ(stateInTheBackOffice(), CERTIFICATION_STATE_CERTIFIED);
    kiosk->click("certBack");
    EXPECT_EQ(kiosk->waitForProperty("certificationScreen", "visible", false, 5s),
              QJsonValue(false));
}

// 我的社保 without the social security card: the ID card on the reader and the finger on the
// sensor open the records (the match certifies nothing); 参保证明 prints and the back office
// answers it valid; five minutes after the match another year needs the finger again; 返回
// forgets it all.
TEST_F(CertificationWithIdCard, MyRecordsOpenWithTheIdCardAndTheFingerWithoutTheCard) {
    ASSERT_TRUE(kiosk);
    const QDate today = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
    std::string rows;
    for (int back = 14; back >= 1; --back)
        rows += card.ssn + "," + today.addMonths(-back).toString("yyyy-MM").toStdString() +
                ",employee_pension,4000,320,640,paid,临沂顺达物流有限公司\n";
    ASSERT_EQ(renshe::testing::importContributions(env, rows), 14);
    const CertificationState before = stateInTheBackOffice();
    std::filesystem::create_directories("screenshots/records");

    kiosk->click("tileRecords");
    const char* place = "请将身份证放在读卡区\n或用数字键输入18位社会保障号码（身份证号）";
    EXPECT_EQ(kiosk->waitForProperty("certPrompt", "text", text(place), 5s), text(place));
    EXPECT_EQ(kiosk->property("certificationScreen", "visible"), QJsonValue(true));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "my records by finger: the ID card");
    kiosk->screenshot("screenshots/records/by-finger-1-id-card.png");
    reader.place("zhang-sanfeng");
    ASSERT_EQ(kiosk->waitForProperty("certStart", "visible", true, 10s), QJsonValue(true))
        << kiosk->property("certMessage", "text").toString().toStdString();
    EXPECT_EQ(kiosk->property("certStart", "title"), text("开始验证"));
    EXPECT_EQ(kiosk->property("certPrint", "visible"), QJsonValue(false));
    kiosk->click("certStart");
    EXPECT_EQ(kiosk->waitForProperty("certPrompt", "text", text("请把手指平放在指纹仪上"), 15s),
              text("请把手指平放在指纹仪上"));
    kiosk->screenshot("screenshots/records/by-finger-2-finger.png");
    fp::synthetic::VirtualImageFeeder feeder(sensors.imageSocket().string());
    feeder.send(fp::synthetic::presentation(kFinger, 4));
    ASSERT_EQ(kiosk->waitForProperty("recordsScreen", "visible", true, 20s), QJsonValue(true))
        << kiosk->property("certMessage", "text").toString().toStdString();
    EXPECT_EQ(kiosk->property("certificationScreen", "visible"), QJsonValue(false));
    const QString holder = kiosk->property("recordsHolder", "text").toString();
    EXPECT_TRUE(holder.startsWith(QString::fromUtf8("张*丰"))) << holder.toStdString();
    EXPECT_TRUE(holder.contains(QStringLiteral("370***********0017"))) << holder.toStdString();
    kiosk->screenshot("screenshots/records/by-finger-3-records.png");
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "my records by finger: the records");
    EXPECT_EQ(stateInTheBackOffice(), before);  // a records match is not a certification

    // 参保证明 on the statement printer (here: PDFs in the receipt folder), valid.
    ASSERT_EQ(kiosk->waitForProperty("recordsPrint", "enabled", true, 20s), QJsonValue(true));
    kiosk->click("recordsPrint");
    QString printed;
    renshe::testing::waitUntil(
        [&] {
            printed = kiosk->property("recordsPrintMessage", "text").toString();
            return printed.startsWith(QString::fromUtf8("证明已打印"));
        },
        60s);
    ASSERT_TRUE(printed.startsWith(QString::fromUtf8("证明已打印，请取走。证明编号 ")))
        << printed.toStdString();
    VerifyStatementRequest vr;
    vr.set_number(printed.section(QLatin1Char(' '), -1).toStdString());
    ASSERT_EQ(vr.number().size(), 18U);
    const std::string page = pdfText(state / "receipts" / ("statement-" + vr.number() + ".pdf"),
                                     state / "pdftotext.log");
    EXPECT_NE(page.find("张*丰"), std::string::npos) << page;
    EXPECT_EQ(page.find(card.ssn), std::string::npos);
    std::smatch code;
    ASSERT_TRUE(std::regex_search(page, code, std::regex("校验码[:：]\\s*([0-9A-Z]{8})"))) << page;
    vr.set_check_code(code[1]);
    auto records = RecordsService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().staffTarget(), env.pki().staff("S-0001", "371302"))));
    VerifyStatementResponse verified;
    ASSERT_TRUE(
        renshe::testing::call(*records, &RecordsService::Stub::VerifyStatement, vr, &verified)
            .ok());
    EXPECT_EQ(verified.validity(), STATEMENT_VALIDITY_VALID);
    EXPECT_EQ(verified.statement().holder().masked_name(), "张*丰");

    // Five minutes on, another year needs the finger again.
    env.backoffice().advanceClock(std::chrono::seconds(301));
    ASSERT_EQ(kiosk->property("recordsEarlier", "enabled"), QJsonValue(true));
    kiosk->click("recordsEarlier");
    const auto again = text("查询已超过5分钟，请返回后重新验证指纹");
    EXPECT_EQ(kiosk->waitForProperty("recordsMessage", "text", again, 15s), again);

    kiosk->click("recordsBack");
    EXPECT_EQ(kiosk->waitForProperty("homeScreen", "visible", true, 10s), QJsonValue(true));
    EXPECT_EQ(kiosk->property("recordsScreen", "visible"), QJsonValue(false));
    EXPECT_EQ(kiosk->property("recordsHolder", "text"), text(""));
}

// Certification's stages in English and in Korean at every terminal size, normal and elderly:
// the status, the finger asked for, a finger not matched and the result fit in the longer
// translations (the Chinese ones are audited in the tests above). The waits follow what the
// screen shows, not its words.
struct LanguageCase {
    const char* code;
    const char* fingerPrompt;  // 请把手指平放在指纹仪上 in it (the sensor is ready)
};
class CertificationInEachLanguage : public CertificationWithoutCard,
                                    public ::testing::WithParamInterface<LanguageCase> {
protected:
    void audit(const std::string& where) {
        renshe::testing::expectLayoutFitsEverywhere(*kiosk,
                                                    std::string(GetParam().code) + ": " + where);
    }
};

TEST_P(CertificationInEachLanguage, EveryStageFitsEveryTerminal) {
    ASSERT_TRUE(kiosk);
    kiosk->click(std::string(GetParam().code) == "en" ? "languageEn" : "languageKo");
    kiosk->click("tileCertification");
    EXPECT_EQ(kiosk->waitForProperty("certIdNumber", "visible", true, 5s), QJsonValue(true));
    type(card.ssn.substr(0, 17));
    kiosk->click("certIdNext");  // 17 digits: refused at the terminal
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] { return !kiosk->property("certMessage", "text").toString().isEmpty(); }, 5s));
    audit("a short number refused");
    type(card.ssn.substr(17));
    kiosk->click("certIdNext");
    ASSERT_EQ(kiosk->waitForProperty("certStart", "visible", true, 10s), QJsonValue(true));
    audit("the status");
    kiosk->click("certStart");
    const auto asked = text(GetParam().fingerPrompt);
    EXPECT_EQ(kiosk->waitForProperty("certPrompt", "text", asked, 15s), asked);
    audit("the finger, please");
    fp::synthetic::VirtualImageFeeder feeder(sensors.imageSocket().string());
    const auto said = kiosk->property("certMessage", "text");
    feeder.send(fp::synthetic::presentation(kOtherFinger, 0));
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] { return kiosk->property("certMessage", "text") != said; }, 15s));
    audit("a finger not matched");
    EXPECT_EQ(kiosk->waitForProperty("certPrompt", "text", asked, 15s), asked);
    feeder.send(fp::synthetic::presentation(kFinger, 4));
    EXPECT_EQ(kiosk->waitForProperty("certPrint", "visible", true, 15s), QJsonValue(true));
    EXPECT_EQ(stateInTheBackOffice(), CERTIFICATION_STATE_CERTIFIED);
    audit("certified");
}

INSTANTIATE_TEST_SUITE_P(
    Languages, CertificationInEachLanguage,
    ::testing::Values(LanguageCase{"en", "Please put your finger flat on the sensor"},
                      LanguageCase{"ko", "손가락을 지문 인식기에 평평하게 올려 주세요"}),
    [](const auto& info) { return std::string(info.param.code); });
