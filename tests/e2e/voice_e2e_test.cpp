// Voice guidance (语音提示) of the real kiosk through Qt TextToSpeech and a real, private
// speech-dispatcher with espeak-ng (sound to ALSA's null device): the home screen's
// invitation is spoken and finished, a hint replaces it, the voice follows the language, the
// citizen's switch silences it, and a result is read without the personal data it masks.
#include <gtest/gtest.h>

#include <thread>

#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/fixtures/speechd.hpp"

using namespace std::chrono_literals;
using renshe::testing::KioskProcess;
using renshe::testing::PrivateSpeechd;
using renshe::testing::text;

namespace {

std::vector<std::pair<std::string, std::string>> kioskEnv(const PrivateSpeechd& speechd) {
    auto env = speechd.clientEnv();
    env.insert(env.end(), {{"QT_QPA_PLATFORM", "offscreen"}, {"QT_QUICK_BACKEND", "software"}});
    return env;
}

int count(KioskProcess& kiosk, const char* name) {
    return kiosk.property("voiceState", name).toInt();
}

}  // namespace

TEST(VoiceGuidance, PromptsAreSpokenInTheScreensLanguageUntilTheCitizenSwitchesItOff) {
    PrivateSpeechd speechd;
    KioskProcess kiosk({"--voice", "on", "--service-point", "费县探沂镇人社所"}, kioskEnv(speechd));

    // The invitation, said to the end by the engine (its own "finished" event).
    EXPECT_EQ(kiosk.waitForProperty("voiceState", "lastUtterance", text("请插入社保卡"), 5s),
              text("请插入社保卡"));
    EXPECT_EQ(kiosk.waitForProperty("voiceState", "finished", 1, 15s), QJsonValue(1))
        << speechd.logTail();
    EXPECT_EQ(kiosk.property("voiceState", "state"), text("ready"));
    EXPECT_TRUE(kiosk.property("voiceState", "voiceName")
                    .toString()
                    .startsWith(QStringLiteral("Chinese (Mandarin")))
        << kiosk.property("voiceState", "voiceName").toString().toStdString();

    // English on screen, English voice.
    kiosk.click("languageEn");
    const QJsonValue english = kiosk.property("insertCardPrompt", "text");
    EXPECT_NE(english, text("请插入社保卡"));
    EXPECT_EQ(kiosk.waitForProperty("voiceState", "lastUtterance", english, 5s), english);
    EXPECT_TRUE(
        kiosk.property("voiceState", "voiceName").toString().startsWith(QStringLiteral("English")));
    kiosk.click("languageZh");
    EXPECT_EQ(kiosk.waitForProperty("voiceState", "lastUtterance", text("请插入社保卡"), 5s),
              text("请插入社保卡"));
    EXPECT_TRUE(kiosk.property("voiceState", "voiceName")
                    .toString()
                    .startsWith(QStringLiteral("Chinese (Mandarin")));

    // A tile touched without a card: the hint on screen is the hint heard.
    kiosk.click("tileCard");
    EXPECT_EQ(kiosk.waitForProperty("voiceState", "lastUtterance",
                                    text("请把社保卡插入读卡器，芯片朝上"), 5s),
              text("请把社保卡插入读卡器，芯片朝上"));
    EXPECT_GE(kiosk.waitForProperty("voiceState", "finished", 4, 15s).toInt(), 4);

    // Switched off: the tile says so in words, and nothing more is spoken.
    kiosk.click("voiceToggle");
    EXPECT_EQ(kiosk.property("voiceToggle", "title"), text("语音：关"));
    EXPECT_EQ(kiosk.property("voiceState", "enabled"), QJsonValue(false));
    const int said = count(kiosk, "utterances");
    kiosk.click("tileCertification");
    EXPECT_EQ(
        kiosk.waitForProperty("certPrompt", "text", text("请输入18位社会保障号码（身份证号）"), 5s),
        text("请输入18位社会保障号码（身份证号）"));
    // An absence is checked over a while: real time is what this waits for.
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(count(kiosk, "utterances"), said);
    kiosk.click("certBack");
    // On again: it says so.
    kiosk.click("voiceToggle");
    EXPECT_EQ(kiosk.waitForProperty("voiceState", "lastUtterance", text("语音提示已打开"), 5s),
              text("语音提示已打开"));
}

// The temporary loss report read aloud: prompts and the refusal are heard; the ID number the
// citizen types is not.
TEST(VoiceGuidance, TheLossReportIsGuidedByVoiceWithoutSayingTheIdNumber) {
    PrivateSpeechd speechd;
    KioskProcess kiosk({"--voice", "on"}, kioskEnv(speechd));
    EXPECT_EQ(kiosk.waitForProperty("voiceState", "lastUtterance", text("请插入社保卡"), 5s),
              text("请插入社保卡"));
    kiosk.click("tileLossReport");
    const QJsonValue prompt = kiosk.property("lossPrompt", "text");
    EXPECT_EQ(kiosk.waitForProperty("voiceState", "lastUtterance", prompt, 5s), prompt);
    for (const char* digit : {"3", "7", "1", "3", "0", "2"})
        kiosk.click(QStringLiteral("idKey") + digit);
    // An absence is checked over a while (nothing said the digits): real time is what this
    // waits for.
    std::this_thread::sleep_for(400ms);
    EXPECT_FALSE(kiosk.property("voiceState", "lastUtterance")
                     .toString()
                     .contains(QStringLiteral("371302")));
}
