// The resident ID card reader at the touchscreen, end to end: the real kiosk with
// renshe-idcardsim on a pseudo-terminal (--idcard-device) and the real back office. The loss
// report without a social security card starts with the ID card (still asking the service
// password), refuses an expired or unreadable card with the reason, survives the reader being
// unplugged and plugged back mid-session, and never shows or logs the full number or name.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "renshe/v1/card.grpc.pb.h"
#include "renshe/v1/terminal.grpc.pb.h"
#include "tests/fixtures/idcardsim.hpp"
#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/service/backoffice_env.hpp"

using namespace std::chrono_literals;
using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::IdCardSim;
using renshe::testing::KioskProcess;
using renshe::testing::text;

namespace {

constexpr const char* kPlacePrompt =
    "请将身份证放在读卡区\n或用数字键输入18位社会保障号码（身份证号）";

class IdCardAtTheKiosk : public ::testing::Test {
protected:
    BackofficeEnv env{renshe::testing::StoreKind::Sqlite};
    renshe::testing::SeededCard card;  // 张三丰, the holder of the sample ID card
    IdCardSim reader;                  // empty at start
    renshe::testing::TempDir state{"renshe-kiosk-idcard"};
    std::unique_ptr<KioskProcess> kiosk;
    std::filesystem::path shots = "screenshots/idcard";

    void SetUp() override {
        renshe::testing::seed(env.staff(), card);
        ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
        const auto terminal = env.pki().touchTerminal();
        auto args = env.kioskArgs(
            terminal, {"--state-dir", state.path().string(), "--receipt-dir",
                       (state / "receipts").string(), "--idcard-device", reader.device().string()});
        const auto extra = extraKioskArgs();
        args.insert(args.end(), extra.begin(), extra.end());
        kiosk = std::make_unique<KioskProcess>(args);
        std::filesystem::create_directories(shots);
    }
    virtual std::vector<std::string> extraKioskArgs() const { return {}; }
    QJsonValue waitText(const char* object, const char* expected,
                        std::chrono::milliseconds t = 10s) {
        return kiosk->waitForProperty(object, "text", text(expected), t);
    }
    // A hand takes a card away and puts the next one down: the reader (polled every 50 ms)
    // sees the reader empty in between.
    void liftForAMoment() {
        reader.lift();
        std::this_thread::sleep_for(300ms);
    }
    // What the fleet listing says of this kiosk's ID card reader, once it says `want`.
    DeviceStatus waitForReaderInTheFleet(DevicePresence want) {
        auto staff =
            TerminalService::NewStub(renshe::services::client::makeChannel(env.pki().endpoint(
                env.backoffice().staffTarget(), env.pki().staff("S-0001", "371302"))));
        DeviceStatus seen;
        renshe::testing::waitUntil(
            [&] {
                ListTerminalsRequest q;
                ListTerminalsResponse r;
                if (!renshe::testing::call(*staff, &TerminalService::Stub::ListTerminals, q, &r)
                         .ok() ||
                    r.terminals_size() == 0)
                    return false;
                seen = r.terminals(0).devices();
                return seen.id_card_reader() == want;
            },
            10s);
        return seen;
    }
    CardStatus statusInTheBackOffice() {
        GetCardStatusRequest st;
        *st.mutable_card() = card.inserted();
        GetCardStatusResponse sr;
        EXPECT_TRUE(
            renshe::testing::call(*env.touch().card, &CardService::Stub::GetCardStatus, st, &sr)
                .ok());
        return sr.card().status();
    }
};

TEST_F(IdCardAtTheKiosk, LossReportStartsWithTheIdCardAndStillAsksThePassword) {
    ASSERT_TRUE(kiosk);
    kiosk->click("tileLossReport");
    EXPECT_EQ(waitText("lossPrompt", kPlacePrompt), text(kPlacePrompt));
    EXPECT_EQ(kiosk->waitForProperty("lossIdCardHint", "visible", true, 5s), QJsonValue(true));
    kiosk->screenshot((shots / "loss-1-place-the-id-card.png").string());

    // An expired card: refused with its end date, the step stays.
    reader.place("expired");
    const char* expired =
        "这张身份证已过有效期（2021年04月09日到期），不能使用。请使用有效身份证，"
        "或到窗口办理";
    EXPECT_EQ(waitText("lossMessage", expired), text(expired));
    EXPECT_EQ(kiosk->property("lossPrompt", "text"), text(kPlacePrompt));
    // A card whose number breaks its check digit: the typed pad instead.
    liftForAMoment();
    reader.place("bad-check-digit");
    const char* unreadable = "无法识别这张身份证上的信息，请用数字键输入身份证号码";
    EXPECT_EQ(waitText("lossMessage", unreadable), text(unreadable));
    liftForAMoment();

    // The reader unplugged mid-session: the page falls back to typing; plugged back, it is
    // found again at its path and the card works.
    EXPECT_EQ(waitForReaderInTheFleet(DEVICE_PRESENCE_PRESENT).id_card_sam_id(),
              "05.01-20101103-0012345678-1234567890");
    reader.unplug();
    EXPECT_EQ(kiosk->waitForProperty("lossIdCardHint", "visible", false, 5s), QJsonValue(false));
    EXPECT_EQ(waitForReaderInTheFleet(DEVICE_PRESENCE_ABSENT).id_card_reader(),
              DEVICE_PRESENCE_ABSENT)
        << "a reader that goes is reported at once, not at the next 30 s heartbeat";
    EXPECT_EQ(waitText("lossPrompt", "请输入18位社会保障号码（身份证号）"),
              text("请输入18位社会保障号码（身份证号）"));
    reader.plugIn();
    EXPECT_EQ(kiosk->waitForProperty("lossIdCardHint", "visible", true, 5s), QJsonValue(true));
    reader.place("zhang-sanfeng");
    EXPECT_EQ(waitText("lossPrompt", "请输入6位服务密码"), text("请输入6位服务密码"));
    EXPECT_EQ(kiosk->property("lossMessage", "text"), text("已读取身份证：张*丰"));
    EXPECT_EQ(kiosk->property("lossIdNumber", "visible"), QJsonValue(false));
    kiosk->screenshot((shots / "loss-2-card-read-password.png").string());
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "loss report: the ID card read");

    // The ID card is not enough: a wrong service password is refused like a typed report's,
    // and only the password is asked again (number and name came from the card).
    for (char d : std::string("111111"))
        kiosk->click(QStringLiteral("pinKey%1").arg(d));
    kiosk->click("pinConfirm");
    EXPECT_EQ(waitText("lossMessage", "号码、姓名或服务密码不正确，请核对后重试"),
              text("号码、姓名或服务密码不正确，请核对后重试"));
    EXPECT_EQ(kiosk->property("lossPrompt", "text"), text("请输入6位服务密码"));
    EXPECT_EQ(statusInTheBackOffice(), CARD_STATUS_ACTIVE);
    for (char d : std::string("285714"))
        kiosk->click(QStringLiteral("pinKey%1").arg(d));
    kiosk->click("pinConfirm");
    EXPECT_EQ(waitText("lossPrompt", "挂失成功", 15s), text("挂失成功"));
    EXPECT_EQ(statusInTheBackOffice(), CARD_STATUS_TEMP_LOST);
    kiosk->screenshot((shots / "loss-3-reported.png").string());
    renshe::testing::expectLayoutFits(*kiosk, "loss report: reported");

    // Nothing of the card in the kiosk's log.
    const std::string log = kiosk->process().logTail(1 << 20);
    EXPECT_EQ(log.find("370102194704090017"), std::string::npos);
    EXPECT_EQ(log.find("张三丰"), std::string::npos);
    EXPECT_EQ(log.find("泉城路"), std::string::npos);
}

TEST_F(IdCardAtTheKiosk, ACardPlacedBeforeThePageOpensIsReadWhenItOpens) {
    ASSERT_TRUE(kiosk);
    reader.place("zhang-sanfeng");
    std::this_thread::sleep_for(300ms);  // read by the worker; nobody asks: dropped
    EXPECT_EQ(kiosk->property("homeScreen", "visible"), QJsonValue(true));
    kiosk->click("tileLossReport");
    EXPECT_EQ(waitText("lossPrompt", "请输入6位服务密码"), text("请输入6位服务密码"));
    // 上一步 drops the card's data: the first step again, nothing kept, and the card still on
    // the reader is not read again until it is lifted and placed.
    kiosk->click("lossBack");
    EXPECT_EQ(waitText("lossPrompt", kPlacePrompt), text(kPlacePrompt));
    EXPECT_EQ(kiosk->property("lossIdNumber", "text"), text(" "));
    // An absence (the card is not read again) is checked over real time.
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(kiosk->property("lossPrompt", "text"), text(kPlacePrompt));
    liftForAMoment();
    reader.place("zhang-sanfeng");
    EXPECT_EQ(waitText("lossPrompt", "请输入6位服务密码"), text("请输入6位服务密码"));
    // Leaving the page forgets it.
    kiosk->click("lossBack");
    kiosk->click("lossBack");
    EXPECT_EQ(kiosk->waitForProperty("homeScreen", "visible", true, 5s), QJsonValue(true));
}

// A reader that garbles every answer, then one that never answers: a clear message, the
// typed pad keeps working, the fleet sees the reader failing, and it comes back when it heals.
TEST_F(IdCardAtTheKiosk, AMisbehavingReaderNeverHangsTheScreen) {
    ASSERT_TRUE(kiosk);
    kiosk->click("tileLossReport");
    EXPECT_EQ(kiosk->waitForProperty("lossIdCardHint", "visible", true, 5s), QJsonValue(true));
    // The fault first: a card placed on a healthy reader could be read before the fault came.
    reader.fault("garble-always");
    reader.place("zhang-sanfeng");
    // Either the read broke off (the card was being read) or the reader is declared broken.
    const QJsonValue notRead = text("身份证没有读完，请把身份证平放在读卡区，读完前不要移动");
    const QJsonValue unusable = text("身份证阅读器暂时不能使用，请用数字键输入身份证号码");
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] {
            const auto m = kiosk->property("lossMessage", "text");
            return m == notRead || m == unusable;
        },
        5s))
        << kiosk->property("lossMessage", "text").toString().toStdString();
    reader.fault("mute");
    EXPECT_EQ(kiosk->waitForProperty("lossIdCardHint", "visible", false, 10s), QJsonValue(false));
    EXPECT_EQ(kiosk->waitForProperty("lossMessage", "text", unusable, 10s), unusable);
    EXPECT_EQ(waitForReaderInTheFleet(DEVICE_PRESENCE_ERROR).id_card_reader(),
              DEVICE_PRESENCE_ERROR);
    kiosk->click("idKey3");  // the screen answers while the reader does not
    EXPECT_EQ(kiosk->waitForProperty("lossIdNumber", "text", text("3"), 2s), text("3"));
    kiosk->screenshot((shots / "loss-4-reader-not-answering.png").string());
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "loss report: the reader not answering");
    kiosk->click("idBackspace");

    // Healed, with the card taken away meanwhile: the prompt is back, a card placed is read.
    reader.lift();
    reader.fault("none");
    EXPECT_EQ(kiosk->waitForProperty("lossIdCardHint", "visible", true, 10s), QJsonValue(true));
    reader.place("zhang-sanfeng");
    EXPECT_EQ(waitText("lossPrompt", "请输入6位服务密码"), text("请输入6位服务密码"));
}

// The loss report by ID card at every terminal size, normal and elderly, in each language:
// each step passes the layout audit (tests/ui/layout_audit.mjs) in the real kiosk, the result
// included. The waits follow what the screen shows, not its words.
class IdCardInEachLanguage : public IdCardAtTheKiosk,
                             public ::testing::WithParamInterface<const char*> {};

TEST_P(IdCardInEachLanguage, TheLossReportFitsEveryTerminal) {
    ASSERT_TRUE(kiosk);
    const std::string language = GetParam();
    if (language != "zh")
        kiosk->click(language == "en" ? "languageEn" : "languageKo");
    kiosk->click("tileLossReport");
    EXPECT_EQ(kiosk->waitForProperty("lossIdCardHint", "visible", true, 5s), QJsonValue(true));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, language + ": place the ID card");
    reader.place("zhang-sanfeng");
    EXPECT_EQ(kiosk->waitForProperty("lossPinPad", "visible", true, 10s), QJsonValue(true));
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, language + ": service password");
    for (char d : std::string("285714"))
        kiosk->click(QStringLiteral("pinKey%1").arg(d));
    kiosk->click("pinConfirm");
    EXPECT_EQ(kiosk->waitForProperty("lossPrint", "visible", true, 15s), QJsonValue(true));
    EXPECT_EQ(statusInTheBackOffice(), CARD_STATUS_TEMP_LOST);
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, language + ": reported");
    renshe::testing::screenshotEverywhere(*kiosk, (shots / ("loss-reported-" + language)).string());
}

INSTANTIATE_TEST_SUITE_P(Languages, IdCardInEachLanguage, ::testing::Values("zh", "en", "ko"),
                         [](const auto& info) { return std::string(info.param); });

}  // namespace
