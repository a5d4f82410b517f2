// The kiosk session of deploy/systemd/renshe-kiosk.service, minus the seat: the real `cage`
// Wayland kiosk compositor (wlroots' headless backend stands in for the DRM display this
// machine lacks) runs renshe-kiosk as an unprivileged user on the Wayland platform plugin.
// Shows what the unit relies on: READY=1 after the first frame and watchdog pings through
// NOTIFY_SOCKET from inside the compositor, a full-screen window the size of the output, touch
// working, and cage ending when the kiosk dies (so Restart=always brings the session back).
#include <gtest/gtest.h>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <QImage>
#include <fstream>
#include <sstream>

#include "tests/fixtures/backoffice.hpp"
#include "tests/fixtures/notify_socket.hpp"
#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/fixtures/test_pki.hpp"

using namespace std::chrono_literals;
using renshe::testing::BackofficeProcess;
using renshe::testing::KioskProcess;
using renshe::testing::NotifySocket;
using renshe::testing::TempDir;
using renshe::testing::TestPki;

namespace {

constexpr const char* kCage = "/usr/bin/cage";
constexpr const char* kSetpriv = "/usr/bin/setpriv";
constexpr const char* kUser = "nobody";

// Copies a PEM file where the dropped user can read it (the test PKI's folder is root's).
std::string handOver(const std::filesystem::path& from, const std::filesystem::path& dir,
                     uid_t uid) {
    const auto to = dir / from.filename();
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
    if (::chown(to.c_str(), uid, static_cast<gid_t>(-1)) != 0) {
        throw std::runtime_error("chown " + to.string());
    }
    return to.string();
}

std::vector<pid_t> childrenOf(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children");
    std::vector<pid_t> out;
    for (pid_t c; in >> c;)
        out.push_back(c);
    return out;
}

}  // namespace

TEST(KioskUnderCage, FullScreenOnTheCompositorReadyAfterTheFirstFrameAndGoneWithTheKiosk) {
    ASSERT_TRUE(std::filesystem::exists(kCage)) << "cage is in deploy/debian-packages.txt";
    const passwd* user = ::getpwnam(kUser);
    ASSERT_NE(user, nullptr);
    const uid_t uid = user->pw_uid;

    TestPki pki;
    BackofficeProcess backoffice(pki);
    TempDir session("renshe-cage");
    std::filesystem::permissions(session.path(), std::filesystem::perms::all);
    const auto runtime = session.path() / "run";
    std::filesystem::create_directory(runtime);
    std::filesystem::permissions(runtime, std::filesystem::perms::owner_all);
    ASSERT_EQ(::chown(runtime.c_str(), uid, static_cast<gid_t>(-1)), 0);
    const auto tls = session.path() / "tls";
    std::filesystem::create_directory(tls);
    const auto terminal = pki.touchTerminal();
    NotifySocket notify(session.path() / "notify.sock");

    KioskProcess kiosk(
        {"--backoffice", backoffice.target(), "--ca", handOver(pki.caCertificate(), tls, uid),
         "--cert", handOver(terminal.certificate, tls, uid), "--key",
         handOver(terminal.privateKey, tls, uid), "--service-point", "费县探沂镇人社所",
         "--fullscreen"},
        {{"XDG_RUNTIME_DIR", runtime.string()},
         {"HOME", session.path().string()},
         {"WLR_BACKENDS", "headless"},
         {"WLR_LIBINPUT_NO_DEVICES", "1"},
         {"WLR_RENDERER", "pixman"},
         {"QT_QPA_PLATFORM", "wayland"},
         {"QT_QUICK_BACKEND", "software"},
         {"NOTIFY_SOCKET", notify.path().string()},
         {"WATCHDOG_USEC", "1000000"}},
        {kSetpriv, "--reuid=" + std::to_string(uid), "--regid=" + std::to_string(user->pw_gid),
         "--clear-groups", kCage, "-d", "-s", "--"});

    // READY=1 once a frame is on the compositor's output, then pings every half watchdog.
    const auto first = notify.next(20s);
    ASSERT_TRUE(first.has_value()) << "no READY=1 from inside cage";
    EXPECT_EQ(first->text, "READY=1");
    int pings = 0;
    for (const auto until = std::chrono::steady_clock::now() + 2s;
         std::chrono::steady_clock::now() < until;) {
        const auto m = notify.next(600ms);
        if (m && m->text == "WATCHDOG=1")
            ++pings;
    }
    EXPECT_GE(pings, 2);

    // The Wayland platform, full screen at the headless output's size (wlroots: 1280×720).
    EXPECT_EQ(kiosk.property("mainWindow", "visibility"), renshe::testing::text("FullScreen"));
    EXPECT_EQ(kiosk.property("mainWindow", "width").toInt(), 1280);
    EXPECT_EQ(kiosk.property("mainWindow", "height").toInt(), 720);
    EXPECT_EQ(kiosk.waitForProperty("connectivityIndicator", "connected", true, 15s),
              QJsonValue(true));
    const auto shots = std::filesystem::absolute("screenshots/cage");
    std::filesystem::create_directories(shots);
    std::filesystem::permissions(shots, std::filesystem::perms::all);
    kiosk.screenshot((shots / "home-under-cage.png").string());
    const QImage home(QString::fromStdString((shots / "home-under-cage.png").string()));
    EXPECT_EQ(home.width(), 1280);
    kiosk.click("tileGuides");
    EXPECT_EQ(kiosk.waitForProperty("guidesScreen", "visible", true, 5s), QJsonValue(true));

    // The kiosk killed (a crash): cage ends with it, and the unit's Restart=always starts both.
    const pid_t cage = kiosk.process().pid();
    const auto inside = childrenOf(cage);
    ASSERT_EQ(inside.size(), 1u);
    ASSERT_EQ(::kill(inside[0], SIGKILL), 0);
    renshe::testing::waitUntil([&] { return !kiosk.process().running(); }, 10s);
    EXPECT_FALSE(kiosk.process().running()) << "cage outlived its kiosk";
}
