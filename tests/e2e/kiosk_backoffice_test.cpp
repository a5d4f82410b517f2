// The real kiosk (offscreen) against the real back office over mutual TLS.
#include <gtest/gtest.h>

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <ctime>
#include <fstream>

#include "tests/fixtures/backoffice.hpp"
#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/fixtures/test_pki.hpp"

using namespace std::chrono_literals;
using renshe::testing::BackofficeProcess;
using renshe::testing::KioskProcess;
using renshe::testing::TestPki;

namespace {
using renshe::testing::text;

std::vector<std::string> kioskArgs(const TestPki& pki, const std::string& target) {
    const auto terminal = pki.touchTerminal();
    return {"--backoffice",
            target,
            "--ca",
            pki.caCertificate().string(),
            "--cert",
            terminal.certificate.string(),
            "--key",
            terminal.privateKey.string(),
            "--service-point",
            "费县探沂镇人社所"};
}
}  // namespace

TEST(KioskWithBackoffice, StatusBarFollowsTheBackOfficeGoingDownAndComingBack) {
    TestPki pki;
    BackofficeProcess backoffice(pki);
    KioskProcess kiosk(kioskArgs(pki, backoffice.target()));

    EXPECT_EQ(kiosk.waitForProperty("connectivityIndicator", "connected", true, 15s),
              QJsonValue(true));
    EXPECT_EQ(kiosk.property("connectivityIndicator", "label"), text("在线"));

    backoffice.kill9();
    EXPECT_EQ(kiosk.waitForProperty("connectivityIndicator", "connected", false, 15s),
              QJsonValue(false));
    EXPECT_EQ(kiosk.property("connectivityIndicator", "label"), text("离线"));

    backoffice.restart();
    EXPECT_EQ(kiosk.waitForProperty("connectivityIndicator", "connected", true, 15s),
              QJsonValue(true));
}

TEST(KioskWithBackoffice, TerminalFromAnotherCaStaysOffline) {
    TestPki pki;
    TestPki rogue("Rogue CA");
    BackofficeProcess backoffice(pki);
    auto args = kioskArgs(rogue, backoffice.target());
    args[3] = pki.caCertificate().string();  // trusts the server, but its own cert is rogue
    KioskProcess kiosk(args);
    // Several health intervals pass; it never goes online.
    EXPECT_EQ(kiosk.waitForProperty("connectivityIndicator", "connected", true, 6s),
              QJsonValue(false));
}

TEST(KioskWithBackoffice, HomeScreenRendersChineseAndSwitchesLanguageByTouch) {
    TestPki pki;
    BackofficeProcess backoffice(pki);
    KioskProcess kiosk(kioskArgs(pki, backoffice.target()));
    renshe::testing::TempDir out;

    EXPECT_EQ(kiosk.property("insertCardPrompt", "text"), text("请插入社保卡"));
    const auto zh = (out / "home-zh.png").string();
    kiosk.screenshot(zh);
    QImage image(QString::fromStdString(zh));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), 1280);
    // Not a blank frame: the status bar's blue and the page background both appear.
    EXPECT_NE(image.pixelColor(5, 5), image.pixelColor(5, image.height() - 5));

    kiosk.click("languageKo");
    EXPECT_EQ(
        kiosk.waitForProperty("insertCardPrompt", "text", text("사회보장카드를 넣어 주세요"), 5s),
        text("사회보장카드를 넣어 주세요"));
    kiosk.click("elderlyToggle");
    EXPECT_EQ(kiosk.property("elderlyToggle", "title"), text("표준 글자"));
}

TEST(KioskCommandLine, BackofficeWithoutCertificatesIsRefused) {
    renshe::testing::TempDir dir;
    renshe::testing::ProcessOptions opts;
    opts.argv = {RENSHE_KIOSK_BIN_FOR_TESTS, "--backoffice", "127.0.0.1:1"};
    opts.env = {{"QT_QPA_PLATFORM", "offscreen"}};
    opts.logFile = dir / "log";
    EXPECT_EQ(renshe::testing::runToCompletion(std::move(opts), 20s), 2);
}

// `renshe-kiosk --help` on a machine without a display (no DISPLAY, no platform set): the
// options, exit 0, no platform plugin loaded; a wrong option: its error, exit 2.
TEST(KioskCommandLine, HelpAndOptionErrorsNeedNoDisplay) {
    renshe::testing::TempDir dir;
    renshe::testing::ProcessOptions opts;
    opts.argv = {"/bin/sh", "-c",
                 std::string("env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM '") +
                     RENSHE_KIOSK_BIN_FOR_TESTS + "' --help"};
    opts.logFile = dir / "log";
    EXPECT_EQ(renshe::testing::runToCompletion(opts, 20s), 0);
    std::ifstream in(dir / "log");
    const std::string out(std::istreambuf_iterator<char>(in), {});
    EXPECT_NE(out.find("--idcard-device"), std::string::npos) << out;
    EXPECT_NE(out.find("--backoffice"), std::string::npos) << out;
    EXPECT_EQ(out.find("platform plugin"), std::string::npos) << out;

    // An option error too: one line naming it, exit 2.
    opts.argv[2] = std::string("env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM '") +
                   RENSHE_KIOSK_BIN_FOR_TESTS + "' --idle-seconds 1";
    opts.logFile = dir / "log2";
    EXPECT_EQ(renshe::testing::runToCompletion(opts, 20s), 2);
    std::ifstream in2(dir / "log2");
    const std::string err(std::istreambuf_iterator<char>(in2), {});
    EXPECT_NE(err.find("--idle-seconds wants 2..3600"), std::string::npos) << err;
    EXPECT_EQ(err.find("platform plugin"), std::string::npos) << err;
}

// The status bar's clock is China Standard Time even on a host set to another zone.
TEST(KioskWithBackoffice, TheClockShowsChinaTimeWhateverTheHostsZone) {
    renshe::testing::KioskProcess kiosk(
        {}, {{"QT_QPA_PLATFORM", "offscreen"}, {"TZ", "America/New_York"}});
    auto china = [](int minutesAgo) {
        const std::time_t t = std::time(nullptr) + 8 * 3600 - minutesAgo * 60;
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%d  %H:%M", &tm);
        return QJsonValue(QString::fromLatin1(buf));
    };
    const auto shown = kiosk.waitForProperty("statusClock", "text", china(0), 5s);
    EXPECT_TRUE(shown == china(0) || shown == china(1)) << shown.toString().toStdString();
}
