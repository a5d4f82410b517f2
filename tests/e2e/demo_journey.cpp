// renshe-demo-journey: plays a scripted citizen journey on the real kiosk, headless, and
// writes a screenshot per step. Used by deploy/demo.sh on machines without a display.
//   renshe-demo-journey --out DIR [--card-file FILE] [--idcard-file FILE] -- <kiosk arguments>
// With --card-file it also runs a private pcscd with the vpcd reader and renshe-cardsim
// holding that card, and plays the card part: insert, activate on the PIN pad, take it out.
// With --idcard-file it runs renshe-idcardsim as the kiosk's ID card reader and shows the
// loss report started by that ID card (then goes back and types instead).
// With --staff-cert/--staff-key it enrols the card holder's finger on libfprint's virtual
// sensor (as the counter does) and plays the pension certification with that finger.
#include <QJsonValue>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "drivers/fprint/fprint.hpp"
#include "drivers/fprint/synthetic.hpp"
#include "renshe/v1/certification.grpc.pb.h"
#include "services/client/call.hpp"
#include "services/client/client.hpp"
#include "tests/fixtures/cardsim.hpp"
#include "tests/fixtures/fprint_device.hpp"
#include "tests/fixtures/idcardsim.hpp"
#include "tests/fixtures/pcscd.hpp"
#include "tests/fixtures/qt/kiosk_process.hpp"

using namespace std::chrono_literals;

namespace {

// The home screen (Chinese and English), the card screen and its PIN entry at every terminal
// size the kiosk supports, normal and elderly, from one kiosk whose window is resized
// (automation "view"): anyone can look at how each screen fits (the ui and e2e tiers' layout
// audits check it).
void screenMatrix(const std::filesystem::path& dir, const std::vector<std::string>& kioskArgs,
                  renshe::testing::CardSim& sim) {
    std::printf("screen matrix: home, card and PIN entry at each size, in %s\n", dir.c_str());
    renshe::testing::KioskProcess kiosk(kioskArgs);
    kiosk.waitForProperty("connectivityIndicator", "connected", true, 15s);
    const auto every = [&](const char* name) {
        renshe::testing::screenshotEverywhere(kiosk, (dir / name).string());
    };
    every("home");
    kiosk.click("languageEn");
    every("home-en");
    kiosk.click("languageZh");
    sim.insert();
    kiosk.waitForProperty("cardScreen", "visible", true, 10s);
    kiosk.waitForProperty("cardStatus", "visible", true, 10s);
    every("card");
    kiosk.click("action_changePin");  // the journey left the card active
    if (kiosk.waitForProperty("pinPad", "visible", true, 5s) == QJsonValue(true)) {
        every("card-pin");
        kiosk.click("cardCancel");
    }
    sim.remove();
    kiosk.waitForProperty("homeScreen", "visible", true, 10s);
    kiosk.call({{"cmd", "quit"}});
    kiosk.process().waitForExit(10s);
    std::printf("  home, home-en, card, card-pin × 4 sizes × normal and elderly\n");
}

struct Options {
    std::filesystem::path out, cardFile, idCardFile, staffCert, staffKey;
    // renshe-counter after the kiosk: the staff key under its passphrase, the staff port.
    std::filesystem::path counterKey;
    std::string counterPassphrase, counterBackoffice;
    std::vector<std::string> kioskArgs;
    // A value of the kiosk's arguments ("" when absent).
    std::string kioskArg(const std::string& name) const {
        for (std::size_t i = 0; i + 1 < kioskArgs.size(); ++i)
            if (kioskArgs[i] == name)
                return kioskArgs[i + 1];
        return {};
    }
};

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--out" && i + 1 < argc) {
            o.out = argv[++i];
        } else if (a == "--card-file" && i + 1 < argc) {
            o.cardFile = argv[++i];
        } else if (a == "--idcard-file" && i + 1 < argc) {
            o.idCardFile = std::filesystem::absolute(argv[++i]);
        } else if (a == "--staff-cert" && i + 1 < argc) {
            o.staffCert = argv[++i];
        } else if (a == "--staff-key" && i + 1 < argc) {
            o.staffKey = argv[++i];
        } else if (a == "--counter-key" && i + 1 < argc) {
            o.counterKey = argv[++i];
        } else if (a == "--counter-passphrase" && i + 1 < argc) {
            o.counterPassphrase = argv[++i];
        } else if (a == "--counter-backoffice" && i + 1 < argc) {
            o.counterBackoffice = argv[++i];
        } else if (a == "--") {
            o.kioskArgs.assign(argv + i + 1, argv + argc);
            break;
        } else {
            std::fprintf(stderr,
                         "usage: renshe-demo-journey --out DIR [--card-file FILE] [--idcard-file "
                         "FILE] [--staff-cert FILE --staff-key FILE] [--counter-key FILE "
                         "--counter-passphrase P --counter-backoffice HOST:PORT] -- "
                         "<renshe-kiosk arguments>\n");
            return std::nullopt;
        }
    }
    if (o.out.empty()) {
        std::fprintf(stderr, "renshe-demo-journey: --out DIR is required\n");
        return std::nullopt;
    }
    return o;
}

// The kiosk being walked through, and the numbered screenshots taken on the way.
class Journey {
public:
    Journey(const std::vector<std::string>& kioskArgs, std::filesystem::path out)
        : kiosk(kioskArgs), m_out(std::move(out)) {}

    void shot(const char* name, const char* what) {
        ++m_shots;
        const std::string prefix = (m_shots < 10 ? "0" : "") + std::to_string(m_shots) + "-";
        const auto path = m_out / (prefix + name + ".png");
        kiosk.screenshot(path.string());
        std::printf("  %-34s %s\n", path.filename().c_str(), what);
    }
    void enter(const std::string& digits) {
        for (char d : digits)
            kiosk.click(QStringLiteral("pinKey%1").arg(d));
        kiosk.click("pinConfirm");
    }
    bool waitText(const char* object, const char* expected) {
        return kiosk.waitForProperty(object, "text", QString::fromUtf8(expected), 15s) ==
               QJsonValue(QString::fromUtf8(expected));
    }
    int shots() const { return m_shots; }
    // 好差评 follows a finished flow (with the card in, once it is out): the journey answers it
    // (非常满意, sent at once) and waits for the thanks to close, shooting it the first time.
    void rateIfAsked() {
        if (kiosk.waitForProperty("ratingPanel", "visible", true, 3s) != QJsonValue(true))
            return;
        if (!m_rated) {
            std::this_thread::sleep_for(500ms);  // the faces are drawn a frame later
            shot("rating", "好差评 after a finished flow: five faces, skippable");
            m_rated = true;
        }
        kiosk.click("rate5");
        kiosk.waitForProperty("ratingPanel", "visible", false, 10s);
    }
    // The statement's A4 page as paper looks (pdftoppm), from the kiosk's PDF directory.
    void printedPage() {
        std::filesystem::path newest;
        if (std::filesystem::exists(receiptDir)) {
            for (const auto& e : std::filesystem::directory_iterator(receiptDir)) {
                const std::string name = e.path().filename().string();
                if (name.rfind("statement-", 0) == 0 && name.find("-slip") == std::string::npos &&
                    (newest.empty() ||
                     e.last_write_time() > std::filesystem::last_write_time(newest)))
                    newest = e.path();
            }
        }
        if (newest.empty()) {
            std::printf("  (no statement PDF in %s)\n", receiptDir.c_str());
            return;
        }
        ++m_shots;
        const std::string stem =
            (m_shots < 10 ? "0" : "") + std::to_string(m_shots) + "-statement-page";
        renshe::testing::ProcessOptions o;
        o.argv = {"/usr/bin/pdftoppm",    "-r", "100", "-png", "-singlefile", newest.string(),
                  (m_out / stem).string()};
        if (renshe::testing::runToCompletion(std::move(o)) == 0)
            std::printf("  %-34s %s\n", (stem + ".png").c_str(),
                        "the printed 参保证明: masked holder, figures, QR code to verify");
    }
    std::filesystem::path receiptDir;  // where the kiosk writes receipts and statements

    renshe::testing::KioskProcess kiosk;

private:
    std::filesystem::path m_out;
    int m_shots = 0;
    bool m_rated = false;
};

constexpr std::uint64_t kFinger = 2024;  // the synthetic finger of the card's holder

// At the counter: the holder's right index finger on the virtual sensor, five times, and the
// template enrolled with the back office by the clerk (staff certificate).
void enrolTheHolder(renshe::testing::VirtualFingerprintDevice& sensors, const Options& o) {
    const auto enrolled = sensors.enrolOnImageSensor(kFinger);
    renshe::v1::EnrollFingerprintRequest e;
    e.set_request_id(renshe::services::client::newRequestId());
    e.mutable_person()->set_ssn("370102194704090017");  // 张三丰, the sample card's holder
    e.set_finger(renshe::v1::FINGER_RIGHT_INDEX);
    e.set_serialized_print(std::string(enrolled.serialized.begin(), enrolled.serialized.end()));
    e.mutable_device()->set_driver(enrolled.driver);
    e.mutable_device()->set_device_id(enrolled.deviceId);
    e.set_replace_existing(true);  // a demo run again keeps its registry's enrolment fresh
    auto staff = renshe::v1::CertificationService::NewStub(
        renshe::services::client::makeChannel(renshe::services::client::Endpoint::fromFiles(
            o.kioskArg("--backoffice"), o.kioskArg("--ca"), o.staffCert, o.staffKey)));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + 10s);
    renshe::v1::EnrollFingerprintResponse r;
    const grpc::Status status = staff->EnrollFingerprint(&ctx, e, &r);
    if (!status.ok())
        throw std::runtime_error("the holder's fingerprint was not enrolled: " +
                                 status.error_message());
    std::printf(
        "  enrolled 张三丰's right index finger on the virtual sensor (as the counter does)\n");
}

// 养老资格认证 with the card: the status, the finger asked for, the holder's finger, certified.
void certification(Journey& j, renshe::testing::VirtualFingerprintDevice& sensors) {
    j.kiosk.click("action_certify");
    if (j.kiosk.waitForProperty("certStart", "visible", true, 10s) != QJsonValue(true))
        throw std::runtime_error("the certification screen did not open");
    j.shot("certification-status", "养老资格认证: when the pension was last certified, until when");
    j.kiosk.click("certStart");
    j.waitText("certPrompt", "请把手指平放在指纹仪上");
    j.shot("certification-finger", "the finger on the sensor, please (libfprint's virtual sensor)");
    renshe::drivers::fprint::synthetic::VirtualImageFeeder feeder(sensors.imageSocket().string());
    feeder.send(renshe::drivers::fprint::synthetic::presentation(kFinger, 7));
    if (j.kiosk.waitForProperty("certPrint", "visible", true, 20s) != QJsonValue(true))
        throw std::runtime_error("certification did not succeed: " +
                                 j.kiosk.property("certMessage", "text").toString().toStdString());
    j.shot("certification-done", "certified: the new date the pension is certified until");
    j.kiosk.click("certBack");
    j.kiosk.waitForProperty("cardScreen", "visible", true, 10s);
}

// The card in: activation with a weak PIN refused first, then the card out.
void activation(Journey& j, renshe::testing::CardSim& sim,
                renshe::testing::VirtualFingerprintDevice* sensors) {
    sim.insert();
    if (!j.waitText("cardStatus", "卡片状态：未启用")) {
        throw std::runtime_error(
            "the demo card is not shown as issued (was the registry imported?)");
    }
    j.shot("card-inserted", "card in: masked holder, state from the back office");
    j.kiosk.click("action_activate");
    j.waitText("cardPrompt", "请设置6位新密码");
    j.enter("111111");
    j.waitText("cardMessage", "密码不能是相同的数字，请重新设置");
    j.shot("card-weak-pin", "activation: a weak PIN refused with the reason (shuffled pad)");
    j.enter("135790");
    j.enter("135790");
    j.waitText("cardPrompt", "请设置6位服务密码（挂失时使用，不能与卡密码相同）");
    j.enter("285714");
    if (!j.waitText("cardMessage", "社保卡已启用，请牢记您的新密码")) {
        throw std::runtime_error("activation did not complete");
    }
    j.shot("card-activated", "activated: new PIN on the card, ACTIVE in the back office");
    // 我的社保 with the new PIN: the records the demo imported.
    j.kiosk.click("action_records");
    j.waitText("cardPrompt", "请输入社保卡密码");
    j.enter("135790");
    if (j.kiosk.waitForProperty("recordsScreen", "visible", true, 15s) != QJsonValue(true))
        throw std::runtime_error("我的社保 did not open");
    j.shot("my-records", "我的社保: each insurance in words, this year's months, the pension paid");
    j.kiosk.click("recordsPrint");
    const QString printed = QString::fromUtf8("证明已打印");
    renshe::testing::waitUntil(
        [&] {
            return j.kiosk.property("recordsPrintMessage", "text").toString().startsWith(printed);
        },
        30s);
    j.shot("statement-printed", "参保证明 printed: its number on screen, the page below");
    j.printedPage();
    j.kiosk.click("recordsBack");
    j.kiosk.waitForProperty("cardScreen", "visible", true, 5s);
    if (sensors)
        certification(j, *sensors);
    sim.remove();
    j.kiosk.waitForProperty("homeScreen", "visible", true, 10s);
    j.rateIfAsked();
    j.shot("card-removed", "card out: back to the home screen, nothing personal left");
}

// 我的社保 without the card: the ID card on the reader, the finger on the sensor.
void recordsByFinger(Journey& j, renshe::testing::IdCardSim& idReader,
                     const std::filesystem::path& idCardFile,
                     renshe::testing::VirtualFingerprintDevice& sensors) {
    j.kiosk.click("tileRecords");
    j.kiosk.waitForProperty("certIdCardHint", "visible", true, 10s);
    idReader.place(idCardFile.string());
    if (j.kiosk.waitForProperty("certStart", "visible", true, 10s) != QJsonValue(true))
        throw std::runtime_error("我的社保 by ID card did not ask for the finger: " +
                                 j.kiosk.property("certMessage", "text").toString().toStdString());
    j.kiosk.click("certStart");
    j.waitText("certPrompt", "请把手指平放在指纹仪上");
    j.shot("records-by-finger", "no card with them: the ID card read, the finger opens 我的社保");
    renshe::drivers::fprint::synthetic::VirtualImageFeeder feeder(sensors.imageSocket().string());
    feeder.send(renshe::drivers::fprint::synthetic::presentation(kFinger, 8));
    if (j.kiosk.waitForProperty("recordsScreen", "visible", true, 20s) != QJsonValue(true))
        throw std::runtime_error("我的社保 did not open by finger: " +
                                 j.kiosk.property("certMessage", "text").toString().toStdString());
    j.shot("records-by-finger-open", "我的社保 by ID card and finger: the same records, no PIN");
    j.kiosk.click("recordsBack");
    j.kiosk.waitForProperty("homeScreen", "visible", true, 10s);
    j.rateIfAsked();
    idReader.lift();
}

// Lost it on the way home: a loss report without the card, by ID card (when there is a reader)
// and then typed.
void lossReport(Journey& j, renshe::testing::IdCardSim* idReader,
                const std::filesystem::path& idCardFile) {
    auto& kiosk = j.kiosk;
    kiosk.click("tileLossReport");
    if (idReader) {
        kiosk.waitForProperty("lossIdCardHint", "visible", true, 10s);
        j.shot("loss-idcard-prompt", "loss report: the ID card reader asks for the ID card");
        idReader->place(idCardFile.string());
        j.waitText("lossPrompt", "请输入6位服务密码");
        j.shot("loss-idcard-read", "the ID card read: no typing, the service password next");
        // Back, and the same report typed instead, as without a reader.
        kiosk.click("lossBack");
        idReader->lift();
    }
    for (char c : std::string("370102194704090017"))
        kiosk.click(QStringLiteral("idKey%1").arg(c));
    kiosk.click("lossNext");
    for (const auto& [pinyin, character] : std::vector<std::pair<std::string, std::string>>{
             {"zhang", "张"}, {"san", "三"}, {"feng", "丰"}}) {
        if (!renshe::testing::pickOnPinyinKeyboard(kiosk, pinyin, character))
            throw std::runtime_error("the pinyin keyboard did not offer " + character);
    }
    j.shot("loss-name-pinyin", "loss report: the name on the pinyin keyboard");
    kiosk.click("lossNext");
    j.enter("285714");
    if (!j.waitText("lossPrompt", "挂失成功")) {
        throw std::runtime_error("the loss report did not go through");
    }
    kiosk.click("lossPrint");
    j.shot("loss-reported", "loss reported: report number, lift date, receipt printed (PDF)");
    kiosk.click("lossBack");
    j.rateIfAsked();
}

// Found again: the card and its PIN lift the temporary loss.
void unreport(Journey& j, renshe::testing::CardSim& sim) {
    sim.insert();
    if (!j.waitText("cardStatus", "卡片状态：临时挂失"))
        throw std::runtime_error("the reported card is not shown as reported lost");
    j.kiosk.click("action_unreport");
    j.waitText("cardPrompt", "请输入社保卡密码");
    j.enter("135790");
    if (!j.waitText("cardMessage", "解挂成功，社保卡已恢复正常使用"))
        throw std::runtime_error("the loss report was not lifted");
    j.shot("card-unreported", "found again: the card and its PIN lift the loss report");
    sim.remove();
    j.kiosk.waitForProperty("homeScreen", "visible", true, 10s);
    j.rateIfAsked();
}

// Looking for work and for what an errand needs: a job word typed in pinyin, a service guide.
void jobsAndGuides(Journey& j) {
    auto& kiosk = j.kiosk;
    kiosk.click("tileJobs");
    kiosk.click("jobTypeToggle");
    if (!renshe::testing::pickOnPinyinKeyboard(kiosk, "baojie", "保洁"))
        throw std::runtime_error("the pinyin keyboard did not offer 保洁");
    kiosk.click("jobSearchTyped");
    kiosk.waitForProperty("jobsList", "count", 1, 10s);
    j.shot("jobs-pinyin", "就业信息: 保洁 typed in pinyin, this township's postings");
    kiosk.click("job0");
    kiosk.waitForProperty("jobQr", "status", renshe::testing::text("Ready"), 5s);
    j.shot("job-posting", "a posting: pay, requirements, contact and a QR code to take it along");
    kiosk.click("jobsBack");
    kiosk.click("jobsBack");
    kiosk.waitForProperty("homeScreen", "visible", true, 5s);
    kiosk.click("tileGuides");
    kiosk.waitForProperty("guide0", "visible", true, 10s);
    kiosk.click("guide0");
    kiosk.waitForProperty("guideMaterial0", "visible", true, 10s);
    j.shot("guide", "办事指南: what to bring and each step, for one errand");
    kiosk.click("guidesBack");
    kiosk.click("guidesBack");
    kiosk.waitForProperty("homeScreen", "visible", true, 5s);
}

}  // namespace

// The clerk at the counter (renshe-counter): signs in with the key's passphrase, looks up the
// citizen of the journey, the queue the journey filled, the hall's machines.
void counterJourney(const Options& o) {
    std::printf("journey: the clerk at the counter (renshe-counter)\n");
    renshe::testing::KioskProcess counter(
        {"--backoffice", o.counterBackoffice, "--ca", o.kioskArg("--ca"), "--cert",
         o.staffCert.string(), "--key", o.counterKey.string()},
        {}, {}, RENSHE_COUNTER_BIN);
    int shots = 0;
    const auto shot = [&](const char* name, const char* what) {
        const auto path = o.out / ("counter-" + std::to_string(++shots) + "-" + name + ".png");
        counter.screenshot(path.string());
        std::printf("  %-34s %s\n", path.filename().c_str(), what);
    };
    shot("sign-in", "sign-in with the staff key's passphrase");
    counter.call({{"cmd", "set"},
                  {"object", "passphraseInput"},
                  {"name", "text"},
                  {"value", QString::fromStdString(o.counterPassphrase)}});
    counter.click("signInButton");
    if (counter.waitForProperty("onlineBadge", "online", true, 15s) != QJsonValue(true))
        throw std::runtime_error("renshe-counter did not sign in");
    counter.call({{"cmd", "set"},
                  {"object", "idNumberInput"},
                  {"name", "text"},
                  {"value", QStringLiteral("370102194704090017")}});
    counter.click("searchButton");
    counter.waitForProperty("personName", "value", QString::fromUtf8("张*丰"), 15s);
    shot("person", "人员查询: 张三丰's cards, certification, applications (masked)");
    counter.call({{"cmd", "key"}, {"key", "F2"}});
    counter.click("refreshQueue");
    std::this_thread::sleep_for(1s);
    shot("queue", "待办: the applications and follow-ups of the region");
    counter.call({{"cmd", "key"}, {"key", "F3"}});
    std::this_thread::sleep_for(1s);
    shot("hall", "大厅设备: the hall's terminals and the facility check");
    counter.call({{"cmd", "quit"}});
    counter.process().waitForExit(10s);
}

int main(int argc, char** argv) {
    auto options = parse(argc, argv);
    if (!options)
        return 2;
    auto& o = *options;
    std::filesystem::create_directories(o.out);
    try {
        // The card reader first: the kiosk inherits PCSCLITE_CSOCK_NAME from this process.
        std::unique_ptr<renshe::testing::PrivatePcscd> pcscd;
        std::unique_ptr<renshe::testing::CardSim> sim;
        if (!o.cardFile.empty()) {
            pcscd = std::make_unique<renshe::testing::PrivatePcscd>();
            sim = std::make_unique<renshe::testing::CardSim>(
                *pcscd, 0, o.cardFile, renshe::testing::CardSimOptions{false, {}, std::nullopt});
        }
        std::unique_ptr<renshe::testing::IdCardSim> idReader;
        if (!o.idCardFile.empty()) {
            idReader = std::make_unique<renshe::testing::IdCardSim>();
            o.kioskArgs.insert(o.kioskArgs.end(), {"--idcard-device", idReader->device().string()});
        }
        // The fingerprint sensor before the kiosk: it inherits FP_VIRTUAL_IMAGE from here.
        std::unique_ptr<renshe::testing::VirtualFingerprintDevice> sensors;
        if (!o.staffCert.empty() && !o.staffKey.empty() && sim) {
            sensors = std::make_unique<renshe::testing::VirtualFingerprintDevice>();
            ::setenv("FP_DRIVERS_WHITELIST", "virtual_image", 1);
            enrolTheHolder(*sensors, o);
        }
        Journey j(o.kioskArgs, o.out);
        for (std::size_t i = 0; i + 1 < o.kioskArgs.size(); ++i)
            if (o.kioskArgs[i] == "--receipt-dir")
                j.receiptDir = o.kioskArgs[i + 1];
        std::printf("journey: a citizen at the touchscreen\n");
        const bool online =
            j.kiosk.waitForProperty("connectivityIndicator", "connected", true, 15s).toBool();
        std::printf("  back office: %s\n", online ? "online (mutual TLS)" : "OFFLINE");
        j.shot("home-zh", "home screen, Simplified Chinese (default)");
        j.kiosk.click("elderlyToggle");
        j.shot("home-elderly", "elderly mode: larger text and targets");
        j.kiosk.click("elderlyToggle");
        j.kiosk.click("languageEn");
        j.shot("home-en", "English");
        j.kiosk.click("languageKo");
        j.shot("home-ko", "Korean");
        j.kiosk.click("languageZh");
        if (sim) {
            activation(j, *sim, sensors.get());
            if (idReader && sensors)
                recordsByFinger(j, *idReader, o.idCardFile, *sensors);
            lossReport(j, idReader.get(), o.idCardFile);
            unreport(j, *sim);
        }
        jobsAndGuides(j);
        j.kiosk.call({{"cmd", "quit"}});
        j.kiosk.process().waitForExit(10s);
        std::printf("journey done: %d screenshots in %s\n", j.shots(), o.out.c_str());
        if (sim)
            screenMatrix(o.out / "matrix", o.kioskArgs, *sim);
        if (!o.counterKey.empty())
            counterJourney(o);
        return online ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "renshe-demo-journey: %s\n", e.what());
        return 1;
    }
}
