// 我的社保's printed statement end to end: the real kiosk (offscreen), pcscd + vpcd +
// renshe-cardsim, the back office over mutual TLS with its HTTPS verification page, and a
// private CUPS scheduler whose cups-pdf queues stand for the A4 and receipt printers. The
// citizen opens their records with the card and PIN and prints 参保证明; the PDF that comes out
// of the A4 queue holds the masked holder, the figures and a QR code that decodes (zbar) to the
// verification link, which the running back office answers "valid". A stopped printer is said
// before the citizen chooses to print.
#include <gtest/gtest.h>

#include <QDate>
#include <QDateTime>
#include <fstream>
#include <regex>

#include "renshe/v1/records.grpc.pb.h"
#include "renshe/v1/terminal.grpc.pb.h"
#include "tests/fixtures/cardsim.hpp"
#include "tests/fixtures/cups.hpp"
#include "tests/fixtures/pcscd.hpp"
#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/fixtures/web.hpp"
#include "tests/service/backoffice_env.hpp"

using namespace std::chrono_literals;
using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::KioskProcess;
using renshe::testing::text;

namespace {

// The text of a PDF page as a reader sees it. NFKC: a CJK font that draws a radical and its
// ideograph with one glyph gives the radical back (⾸ for 首); compatibility folds it.
std::string pdfText(const std::filesystem::path& pdf, const std::filesystem::path& log);

// stdout of a program (a poppler or zbar tool) run to completion.
std::string outputOf(const std::vector<std::string>& argv, const std::filesystem::path& log) {
    renshe::testing::ProcessOptions opts;
    opts.argv = argv;
    opts.logFile = log;
    std::filesystem::remove(log);
    const int code = renshe::testing::runToCompletion(std::move(opts), 60s);
    std::ifstream in(log);
    std::string out((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(code, 0) << argv[0] << ": " << out;
    return out;
}

std::string pdfText(const std::filesystem::path& pdf, const std::filesystem::path& log) {
    const std::string raw = outputOf({"/usr/bin/pdftotext", "-layout", pdf.string(), "-"}, log);
    return QString::fromStdString(raw).normalized(QString::NormalizationForm_KC).toStdString();
}

class PrintedStatement : public ::testing::Test {
protected:
    renshe::testing::PrivateCups cups{{"a4", "receipts"}};
    renshe::testing::PrivatePcscd pcscd;
    renshe::testing::CardSim sim{pcscd, 0, renshe::testing::sampleCard("zhang-sanfeng"),
                                 renshe::testing::CardSimOptions{false, {}, std::nullopt}};
    BackofficeEnv env{renshe::testing::StoreKind::Sqlite, {"@verify-page"}};
    renshe::testing::SeededCard card;
    renshe::testing::TempDir work{"renshe-statement-e2e"};
    std::unique_ptr<KioskProcess> kiosk;

    void SetUp() override {
        renshe::testing::seed(env.staff(), card);
        ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
        importContributions();
        kiosk = std::make_unique<KioskProcess>(env.kioskArgs(
            env.pki().touchTerminal(),
            {"--service-point", "费县探沂镇人社所", "--state-dir", (work.path() / "state").string(),
             "--statement-printer", "a4", "--printer", "receipts"}));
    }

    // 28 months of pension contributions up to last month, the last two owed.
    void importContributions() {
        const QDate today = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
        std::string rows;
        for (int back = 28; back >= 1; --back) {
            rows += card.ssn + "," + today.addMonths(-back).toString("yyyy-MM").toStdString() +
                    ",employee_pension,4000,320,640," + (back <= 2 ? "owed" : "paid") +
                    ",临沂顺达物流有限公司\n";
        }
        ASSERT_EQ(renshe::testing::importContributions(env, rows), 28);
    }

    void openRecords() {
        ASSERT_EQ(kiosk->waitForProperty("action_records", "visible", true, 15s), QJsonValue(true));
        kiosk->click("action_records");
        for (char d : std::string("123456"))
            kiosk->click(QStringLiteral("pinKey%1").arg(d));
        kiosk->click("pinConfirm");
        ASSERT_EQ(kiosk->waitForProperty("recordsScreen", "visible", true, 15s), QJsonValue(true));
    }
    // The print message once it starts with `prefix` (what it was otherwise).
    QString waitForPrintMessage(const QString& prefix, std::chrono::milliseconds timeout) {
        QString now;
        renshe::testing::waitUntil(
            [&] {
                now = kiosk->property("recordsPrintMessage", "text").toString();
                return now.startsWith(prefix);
            },
            timeout);
        return now;
    }
};

TEST_F(PrintedStatement, ThePrintedPageCarriesAQrCodeTheBackOfficeAnswersValid) {
    sim.insert();
    openRecords();
    ASSERT_EQ(kiosk->waitForProperty("recordsPrint", "enabled", true, 20s), QJsonValue(true));
    kiosk->click("recordsPrint");
    const QString done = waitForPrintMessage(QString::fromUtf8("证明已打印"), 60s);
    ASSERT_TRUE(done.startsWith(QString::fromUtf8("证明已打印，请取走。证明编号 ")))
        << done.toStdString();
    const std::string number = done.section(QLatin1Char(' '), -1).toStdString();
    EXPECT_TRUE(std::regex_match(number, std::regex("[0-9]{18}"))) << number;
    std::filesystem::create_directories("screenshots/statements");
    kiosk->screenshot("screenshots/statements/records-printed.png");
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "my records, statement printed");

    // Two PDFs came out of CUPS: the A4 statement and the slip.
    const auto printed = cups.waitForPrinted(2, 60s);
    ASSERT_EQ(printed.size(), 2U);
    std::string a4Text;
    std::filesystem::path a4;
    for (const auto& pdf : printed) {
        const std::string t = pdfText(pdf, work.path() / "t.txt");
        if (t.find("兹证明") != std::string::npos) {
            a4 = pdf;
            a4Text = t;
        } else {
            EXPECT_NE(t.find("摘要"), std::string::npos) << t;  // the slip
            EXPECT_NE(t.find(number), std::string::npos) << t;
        }
    }
    ASSERT_FALSE(a4.empty()) << "no A4 statement among the printed PDFs";
    EXPECT_NE(a4Text.find("社会保险参保证明"), std::string::npos) << a4Text;
    EXPECT_NE(a4Text.find("张*丰"), std::string::npos) << a4Text;
    EXPECT_NE(a4Text.find("370***********0017"), std::string::npos) << a4Text;
    EXPECT_NE(a4Text.find("企业职工基本养老保险"), std::string::npos) << a4Text;
    EXPECT_NE(a4Text.find("2年2个月"), std::string::npos) << a4Text;  // 26 months paid
    EXPECT_NE(a4Text.find(number), std::string::npos) << a4Text;
    EXPECT_EQ(a4Text.find("张三丰"), std::string::npos);
    EXPECT_EQ(a4Text.find(card.ssn), std::string::npos);
    const std::string pdfInfo =
        outputOf({"/usr/bin/pdfinfo", a4.string()}, work.path() / "info.txt");
    EXPECT_NE(pdfInfo.find("(A4)"), std::string::npos) << pdfInfo;

    // The page as paper: rendered, and its QR code read by a camera's decoder.
    outputOf({"/usr/bin/pdftoppm", "-r", "150", "-png", "-singlefile", a4.string(),
              std::filesystem::absolute("screenshots/statements/statement-a4").string()},
             work.path() / "ppm.txt");
    const std::string qr =
        outputOf({"/usr/bin/zbarimg", "--raw", "-q", "screenshots/statements/statement-a4.png"},
                 work.path() / "zbar.txt");
    // zbarimg may also complain on the shared log that there is no D-Bus: the link is the line
    // that starts with https://.
    const auto at = qr.find("https://");
    ASSERT_NE(at, std::string::npos) << qr;
    const std::string url = qr.substr(at, qr.find('\n', at) - at);
    const std::string prefix =
        "https://127.0.0.1:" + std::to_string(env.backoffice().verifyPort()) +
        "/verify?n=" + number + "&c=";
    ASSERT_EQ(url.substr(0, prefix.size()), prefix) << url;
    const std::string code = url.substr(prefix.size());
    EXPECT_NE(a4Text.find(code), std::string::npos) << "the check code is printed too";

    // The link answers "valid" from the running back office, over TLS checked against its CA.
    const auto page = renshe::testing::httpsGet(
        env.backoffice().verifyPort(), url.substr(url.find("/verify")), env.pki().caCertificate());
    ASSERT_EQ(page.status, 200) << page.error;
    EXPECT_NE(page.body.find("有效"), std::string::npos);
    EXPECT_NE(page.body.find("张*丰"), std::string::npos);
}

TEST_F(PrintedStatement, AStoppedPrinterIsSaidBeforeTheCitizenChoosesToPrint) {
    cups.disable("a4");
    sim.insert();
    openRecords();
    const QString why = QString::fromUtf8("打印机暂停服务，暂时不能打印。请到服务窗口打印证明。");
    EXPECT_EQ(kiosk->waitForProperty("recordsPrintMessage", "text", QJsonValue(why), 20s),
              QJsonValue(why));
    EXPECT_EQ(kiosk->property("recordsPrint", "enabled"), QJsonValue(false));
    // The fleet hears of it at once, not at the next 30 s heartbeat.
    auto fleet = TerminalService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().staffTarget(), env.pki().staff("S-0001", "371302"))));
    PrinterState reported = PRINTER_STATE_UNSPECIFIED;
    renshe::testing::waitUntil(
        [&] {
            ListTerminalsResponse r;
            if (renshe::testing::call(*fleet, &TerminalService::Stub::ListTerminals,
                                      ListTerminalsRequest(), &r)
                    .ok() &&
                r.terminals_size() > 0)
                reported = r.terminals(0).devices().printer();
            return reported == PRINTER_STATE_OFFLINE;
        },
        10s);
    EXPECT_EQ(reported, PRINTER_STATE_OFFLINE);
    renshe::testing::expectLayoutFitsEverywhere(*kiosk, "my records, the printer stopped");
    // Disabled: a touch does nothing (the automation refuses to press it), nothing printed.
    EXPECT_THROW(kiosk->click("recordsPrint"), std::exception);
    EXPECT_TRUE(cups.printed().empty());

    // Paper back in: the next look at the queue offers printing again.
    cups.enable("a4");
    kiosk->click("recordsBack");
    openRecords();
    EXPECT_EQ(kiosk->waitForProperty("recordsPrint", "enabled", true, 20s), QJsonValue(true));
}

}  // namespace
