// The real kiosk (offscreen) against the real back office over mutual TLS.
#include <gtest/gtest.h>

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <ctime>
#include <fstream>
#include <thread>

#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/terminal.grpc.pb.h"
#include "services/pki/pki.hpp"
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

namespace {

std::string enrolledKeyOf(const TestPki& pki, const BackofficeProcess& backoffice,
                          const std::string& terminalId) {
    auto admin = renshe::v1::AdminService::NewStub(renshe::services::client::makeChannel(
        pki.endpoint(backoffice.staffTarget(), pki.staff("S-0001", "371302"))));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + 10s);
    renshe::v1::ListEnrolmentsRequest r;
    r.set_region_prefix("371302");
    renshe::v1::ListEnrolmentsResponse resp;
    if (!admin->ListEnrolments(&ctx, r, &resp).ok())
        return "(ListEnrolments failed)";
    for (const auto& e : resp.terminals()) {
        if (e.terminal_id() == terminalId)
            return e.public_key_sha256();
    }
    return "(not enrolled)";
}

std::string keyOfCertificateFile(const std::filesystem::path& path) {
    namespace pki = renshe::services::pki;
    try {
        return pki::certificateFacts(pki::readFile(path)).publicKeySha256;
    } catch (const std::exception& e) {
        return e.what();  // being replaced
    }
}

}  // namespace

// A terminal whose certificate is due renews it at its first heartbeat: new key, new files,
// and its next heartbeat makes the new key the enrolled one; it stays online throughout, and
// the old key is refused from then on.
TEST(KioskWithBackoffice, RenewsItsCertificateWhenDueAndGoesOnWithTheNewKey) {
    TestPki pki;
    BackofficeProcess backoffice(pki, {"--heartbeat-interval-seconds", "5"});
    const auto issued = pki.touchTerminal();
    renshe::testing::TempDir dir("renshe-kiosk-renewal");
    const auto cert = dir / "terminal.crt", key = dir / "terminal.key";
    std::filesystem::copy_file(issued.certificate, cert);
    std::filesystem::copy_file(issued.privateKey, key);
    const std::string oldKey = keyOfCertificateFile(cert);
    ASSERT_EQ(enrolledKeyOf(pki, backoffice, "T-371302-001"), oldKey);

    // The test CA's certificates last a day: renewing 30 days ahead makes it due at once (and
    // the renewed one, of the back office's 90 days, not).
    KioskProcess kiosk({"--backoffice", backoffice.target(), "--ca", pki.caCertificate().string(),
                        "--cert", cert.string(), "--key", key.string(), "--renew-certificate-days",
                        "3650"});
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    std::string newKey = oldKey;
    while (std::chrono::steady_clock::now() < deadline &&
           (newKey == oldKey || enrolledKeyOf(pki, backoffice, "T-371302-001") != newKey)) {
        std::this_thread::sleep_for(200ms);  // polling the files and the enrolment
        newKey = keyOfCertificateFile(cert);
    }
    EXPECT_NE(newKey, oldKey) << "the kiosk did not renew its certificate";
    EXPECT_EQ(enrolledKeyOf(pki, backoffice, "T-371302-001"), newKey)
        << "the new key never reached the back office in a call";
    EXPECT_FALSE(std::filesystem::exists(dir / "terminal.key.next"));
    EXPECT_EQ(kiosk.waitForProperty("connectivityIndicator", "connected", true, 15s),
              QJsonValue(true));

    // The original pair is refused now (a copy of the old key is worth nothing).
    auto stub = renshe::v1::TerminalService::NewStub(
        renshe::services::client::makeChannel(pki.endpoint(backoffice.target(), issued)));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + 10s);
    renshe::v1::HeartbeatRequest hb;
    hb.set_role(renshe::v1::TERMINAL_ROLE_TOUCH);
    renshe::v1::HeartbeatResponse hbr;
    EXPECT_EQ(stub->Heartbeat(&ctx, hb, &hbr).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}
