// renshe-demo-journey: plays a scripted citizen journey on the real kiosk, headless, and
// writes a screenshot per step. Used by deploy/demo.sh on machines without a display.
//   renshe-demo-journey --out DIR -- <renshe-kiosk arguments>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/fixtures/qt/kiosk_process.hpp"

using namespace std::chrono_literals;

int main(int argc, char** argv) {
    std::filesystem::path out;
    std::vector<std::string> kioskArgs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--out" && i + 1 < argc) {
            out = argv[++i];
        } else if (a == "--") {
            kioskArgs.assign(argv + i + 1, argv + argc);
            break;
        } else {
            std::fprintf(stderr, "usage: renshe-demo-journey --out DIR -- <renshe-kiosk arguments>\n");
            return 2;
        }
    }
    if (out.empty()) {
        std::fprintf(stderr, "renshe-demo-journey: --out DIR is required\n");
        return 2;
    }
    std::filesystem::create_directories(out);
    try {
        renshe::testing::KioskProcess kiosk(kioskArgs);
        int n = 0;
        auto shot = [&](const char* name, const char* what) {
            ++n;
            const std::string prefix = (n < 10 ? "0" : "") + std::to_string(n) + "-";
            const auto path = out / (prefix + name + ".png");
            kiosk.screenshot(path.string());
            std::printf("  %-34s %s\n", path.filename().c_str(), what);
        };
        std::printf("journey: a citizen at the touchscreen\n");
        const bool online = kiosk.waitForProperty("connectivityIndicator", "connected", true, 15s).toBool();
        std::printf("  back office: %s\n", online ? "online (mutual TLS)" : "OFFLINE");
        shot("home-zh", "home screen, Simplified Chinese (default)");
        kiosk.click("elderlyToggle");
        shot("home-elderly", "elderly mode: larger text and targets");
        kiosk.click("elderlyToggle");
        kiosk.click("languageEn");
        shot("home-en", "English");
        kiosk.click("languageKo");
        shot("home-ko", "Korean");
        kiosk.click("languageZh");
        kiosk.call({{"cmd", "quit"}});
        kiosk.process().waitForExit(10s);
        std::printf("journey done: %d screenshots in %s\n", n, out.c_str());
        return online ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "renshe-demo-journey: %s\n", e.what());
        return 1;
    }
}
