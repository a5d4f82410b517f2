// renshe-admin against the real back office with a staff certificate: registry import with
// per-line errors (nothing imported unless --skip-bad), card operations, the person query,
// audit query and `audit verify` catching an edited row; and what the back office itself
// exposes to operators: masked JSON logs and the Prometheus metrics endpoint.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include "renshe/v1/content.grpc.pb.h"
#include "renshe/v1/jobs.grpc.pb.h"
#include "services/backoffice/rpc/audit.hpp"
#include "services/pki/pki.hpp"
#include "services/store/store.hpp"
#include "tests/fixtures/process.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/admin_cli_runner.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using renshe::testing::BackofficeEnv;
using renshe::testing::StoreKind;
using renshe::testing::TempDir;

using renshe::testing::CliRun;

class AdminCli : public ::testing::Test {
protected:
    TempDir dir{"renshe-admin-cli"};
    std::unique_ptr<BackofficeEnv> env;

    void SetUp() override {
        env = std::make_unique<BackofficeEnv>(
            StoreKind::Sqlite,
            std::vector<std::string>{"--metrics-listen", "127.0.0.1:0", "--metrics-port-file",
                                     (dir / "metrics.port").string()});
    }

    CliRun admin(std::vector<std::string> args) {
        return renshe::testing::runAdmin(env->backoffice().staffTarget(), env->pki(), dir.path(),
                                         std::move(args));
    }

    std::filesystem::path write(const std::string& name, const std::string& content) {
        std::ofstream(dir / name) << content;
        return dir / name;
    }
};

const std::string kPersonsHeader = "ssn,name,sex,birth_date,region\n";

TEST_F(AdminCli, ImportReportsEveryBadLineAndImportsNothingUnlessSkipBad) {
    const auto persons =
        write("persons.csv",
              kPersonsHeader +
                  "370102194704090017,张三丰,1,1947-04-09,371302101\n"
                  "370102194704090018,李四,1,1947-04-09,371302101\n"  // check digit
                  "220102195006150029,李秀英李秀英李秀英李秀英李秀英李秀英,2,1950-06-15,371302101\n"
                  "220102195006150029,李秀英,2,1950-06-15,371302101\n");
    const auto cards = write(
        "cards.csv",
        "card_number,card_identifier,ssn,issue_date,expiry_date\n"
        "A37010001,370102D1560000058600000000000001,370102194704090017,2024-03-01,2034-02-28\n"
        "B22010002,nothex,220102195006150029,2021-06-15,2031-06-14\n");
    auto r = admin({"import", "--persons", persons.string(), "--cards", cards.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("persons.csv:3:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("persons.csv:4:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("cards.csv:3: card_identifier"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("nothing was imported"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("370102194704090018"), std::string::npos)
        << "a full ID number in the output";

    r = admin({"person", "--ssn", "370102194704090017"});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("REFUSAL_REASON_UNKNOWN_PERSON"), std::string::npos) << r.output;

    r = admin({"import", "--persons", persons.string(), "--cards", cards.string(), "--skip-bad"});
    EXPECT_EQ(r.code, 1) << r.output;  // there were errors, even if skipped
    EXPECT_NE(r.output.find("imported 2 persons and 1 cards"), std::string::npos) << r.output;

    r = admin({"person", "--card", "A37010001"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("张*丰"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("A37010001  ISSUED"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("370102194704090017"), std::string::npos) << r.output;
}

// An import over 64 KiB sent to the terminal port: gRPC refuses it there, and the clerk is
// told where imports go; sent to the staff port, it is imported.
TEST_F(AdminCli, AnImportTooLargeForTheTerminalPortSaysToUseTheStaffPort) {
    std::vector<renshe::testing::SeededCard> people;
    for (int i = 0; i < 1500; ++i)
        people.push_back(renshe::testing::inventedCard(3000 + i));
    const auto imp = renshe::testing::registryImportOf(people);
    const auto persons = write("persons.csv", imp.persons_csv());
    const auto cards = write("cards.csv", imp.cards_csv());
    const std::vector<std::string> args{"import", "--persons", persons.string(), "--cards",
                                        cards.string()};
    auto r = renshe::testing::runAdmin(env->backoffice().target(), env->pki(), dir.path(), args);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("imports and uploads go to its staff port"), std::string::npos)
        << r.output;
    r = admin({"person", "--ssn", people.front().ssn});
    EXPECT_EQ(r.code, 1) << r.output;  // nothing was imported

    r = admin(args);
    EXPECT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("imported 1500 persons and 1500 cards"), std::string::npos) << r.output;
}

TEST_F(AdminCli, CardOperationsAuditQueryAndVerifyCatchesAnEditedRow) {
    renshe::testing::seed(env->staff(), renshe::testing::SeededCard{});
    auto r = admin({"card", "formal-loss", "A37010001"});
    EXPECT_EQ(r.code, 2) << r.output;  // a reason is required
    EXPECT_NE(r.output.find("--reason"), std::string::npos);
    r = admin({"card", "formal-loss", "A37010001", "--reason", "holder at the counter, ID seen"});
    EXPECT_EQ(r.code, 1) << r.output;  // ISSUED cannot be formally lost
    EXPECT_NE(r.output.find("REFUSAL_REASON_WRONG_CARD_STATE"), std::string::npos) << r.output;
    r = admin({"card", "cancel", "A37010001", "--reason", "misprinted"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("CANCELLED"), std::string::npos) << r.output;

    r = admin({"person", "--ssn", "370102194704090017"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("ISSUED -> CANCELLED  by S-0001  cancelled: misprinted"),
              std::string::npos)
        << r.output;

    r = admin({"audit", "query", "--ssn", "370102194704090017"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("admin.cancel_card"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("REFUSAL_REASON_WRONG_CARD_STATE"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("370***********0017"), std::string::npos) << r.output;

    r = admin({"audit", "verify"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("audit chain intact: 4 events"), std::string::npos) << r.output;

    auto db =
        renshe::services::store::Store::open("sqlite:" + env->backoffice().sqlitePath().string());
    db->write([](auto& tx) { tx.exec("UPDATE audit_events SET actor = 'S-0002' WHERE seq = 4"); });
    r = admin({"audit", "verify"});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("BROKEN at event 4: hash mismatch"), std::string::npos) << r.output;
}

TEST_F(AdminCli, LogsAreMaskedJsonAndMetricsAreServedOnLoopback) {
    renshe::testing::seed(env->staff(), renshe::testing::SeededCard{});
    auto r = admin({"person", "--ssn", "370102194704090017"});
    ASSERT_EQ(r.code, 0) << r.output;

    int port = 0;
    std::ifstream(dir / "metrics.port") >> port;
    ASSERT_GT(port, 0);
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    const std::string req = "GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n";
    ASSERT_EQ(::send(s, req.data(), req.size(), 0), static_cast<ssize_t>(req.size()));
    std::string metrics;
    char buf[4096];
    for (ssize_t n; (n = ::recv(s, buf, sizeof buf, 0)) > 0;)
        metrics.append(buf, static_cast<std::size_t>(n));
    ::close(s);
    EXPECT_EQ(metrics.rfind("HTTP/1.0 200 OK", 0), 0u) << metrics;
    EXPECT_NE(metrics.find("renshe_rpc_total{method=\"admin.issue_card\",code=\"OK\"} 1"),
              std::string::npos)
        << metrics;
    EXPECT_NE(metrics.find("renshe_rpc_total{method=\"admin.get_person\",code=\"OK\"} 1"),
              std::string::npos);
    EXPECT_NE(metrics.find("renshe_store_commits_total "), std::string::npos);
    EXPECT_NE(metrics.find("renshe_audit_events_total 2"), std::string::npos) << metrics;

    // SIGTERM flushes the buffered log; every line is JSON with the subject masked.
    ASSERT_EQ(env->backoffice().stop(), 0);
    std::ifstream in(env->backoffice().logPath());
    std::string line;
    int rpcLines = 0;
    while (std::getline(in, line)) {
        EXPECT_EQ(line.find("370102194704090017"), std::string::npos) << line;
        EXPECT_EQ(line.find("张三丰"), std::string::npos) << line;
        if (line.find("\"event\":\"rpc\"") != std::string::npos) {
            ++rpcLines;
            EXPECT_EQ(line.front(), '{');
            EXPECT_EQ(line.back(), '}');
            EXPECT_NE(line.find("\"subject\":\"370***********0017\""), std::string::npos) << line;
        }
    }
    EXPECT_EQ(rpcLines, 3);  // register, issue, get_person
}

}  // namespace

namespace {

TEST_F(AdminCli, JobsAndGuidesImportFromFilesWithLineErrors) {
    const auto jobs = write("jobs.csv",
                            "id,title,employer,region,salary_min,salary_max,expires_at\n"
                            "X1,货车司机,顺达物流,371302101,6000,9000,2027-01-31\n"
                            "X2,电焊工,兰山机械厂,371302101,9000,6000,2027-01-31\n");
    auto r = admin({"jobs", "import", jobs.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("jobs.csv:3: salary_min: salary_min greater than salary_max"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("nothing was imported"), std::string::npos) << r.output;
    r = admin({"jobs", "import", jobs.string(), "--skip-bad"});
    EXPECT_NE(r.output.find("imported 1 posting(s); 1 rejected"), std::string::npos) << r.output;
    r = admin({"jobs", "withdraw", "X1"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("X1 货车司机: WITHDRAWN"), std::string::npos) << r.output;

    const auto guides =
        write("guides.json", R"([{"id":"G1","title":"社会保障卡挂失","category":"社会保障卡",
        "processSteps":["插卡","输入密码"],"materials":[{"name":"居民身份证","copies":1,"original":true}]}])");
    r = admin({"guides", "import", guides.string()});  // a county clerk: not theirs to say
    EXPECT_NE(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("province staff"), std::string::npos) << r.output;
    auto province = [&](std::vector<std::string> args) {
        return renshe::testing::runAdmin(env->backoffice().staffTarget(), env->pki(), dir.path(),
                                         std::move(args), BackofficeEnv::kProvince);
    };
    r = province({"guides", "import", guides.string()});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("catalogue version 1: 1 guide(s) imported"), std::string::npos)
        << r.output;
    r = province({"guides", "import", "--withdraw", "G1"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("catalogue version 2"), std::string::npos) << r.output;
    r = province({"guides", "import", write("bad.json", "{not an array").string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("is not a JSON array of guides"), std::string::npos) << r.output;
}

// 25,020 contribution lines (more than one chunk of 20,000) for five persons, one of them bad:
// the bad line is named, nothing is applied; run again with --skip-bad, the import goes on
// where it stopped (nothing sent again) and applies the rest; the counter reads a person.
TEST_F(AdminCli, RecordsImportInChunksNamesTheBadLineAndGoesOnWithSkipBad) {
    const auto holder = renshe::testing::inventedCard(7);
    renshe::testing::seed(env->staff(), holder);
    static constexpr std::array<const char*, 6> kTypes{"employee_pension", "resident_pension",
                                                       "unemployment",     "work_injury",
                                                       "employee_medical", "城乡居民基本医疗保险"};
    std::string csv = "ssn,month,type,base,personal,employer,paid,payer\n";
    int line = 1;
    for (int p = 7; p < 12; ++p) {
        const std::string ssn = renshe::testing::inventedCard(p).ssn;
        for (int m = 0; m < 834; ++m) {
            const int month = 1955 * 12 + m;
            const std::string mm = std::to_string(month % 12 + 1);
            for (const char* type : kTypes) {
                ++line;
                const std::string when =
                    line == 20005 ? "2024-13"
                                  : std::to_string(month / 12) + (mm.size() == 1 ? "-0" : "-") + mm;
                csv += ssn + "," + when + "," + type + ",3000.5,240,480,paid,兰山机械厂\n";
            }
        }
    }
    ASSERT_EQ(line, 25021);
    const auto file = write("contributions.csv", csv);
    auto province = [&](std::vector<std::string> args) {
        return renshe::testing::runAdmin(env->backoffice().staffTarget(), env->pki(), dir.path(),
                                         std::move(args), BackofficeEnv::kProvince);
    };
    auto r = admin({"records", "import", "--contributions", file.string()});  // a county clerk
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("OUTSIDE_REGION"), std::string::npos) << r.output;
    r = province({"records", "import", "--contributions", file.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("contributions.csv:20005: month: month is not YYYY-MM"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("nothing was applied"), std::string::npos) << r.output;
    r = admin({"records", "summary", "--ssn", holder.ssn});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_EQ(r.output.find("EMPLOYEE_PENSION"), std::string::npos) << r.output;

    r = province({"records", "import", "--contributions", file.string(), "--skip-bad"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("going on from line 25022"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("25019 row(s) applied, 1 bad row(s) skipped"), std::string::npos)
        << r.output;
    r = admin({"records", "summary", "--ssn", holder.ssn});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("EMPLOYEE_PENSION  INTERRUPTED  since 1955-01  paid 834 month(s), "
                            "owed 0, latest paid 2024-06, base 3000.50"),
              std::string::npos)
        << r.output;
    r = admin({"records", "contributions", "--ssn", holder.ssn, "--year", "2024", "--type",
               "resident_medical"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("2024-06  RESIDENT_MEDICAL  base 3000.50  personal 240.00  employer "
                            "480.00  paid  兰山机械厂"),
              std::string::npos)
        << r.output;
    const auto bad = write("payments.csv", "ssn,month,amount\n");
    r = province({"records", "import", "--payments", bad.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("payments.csv:1: the header is not"), std::string::npos) << r.output;
}

// 证明 at the counter: the page the terminal prints, drawn by renshe-statement-pdf, then
// verified and withdrawn by number and check code.
TEST_F(AdminCli, RecordsStatementWritesThePageThenVerifyAndWithdrawIt) {
    const auto holder = renshe::testing::inventedCard(13);
    renshe::testing::seed(env->staff(), holder);
    const auto file =
        write("contributions.csv",
              "ssn,month,type,base,personal,employer,paid,payer\n" + holder.ssn +
                  ",2024-05,employee_pension,4000,320,640,paid,兰山机械厂\n" + holder.ssn +
                  ",2024-06,employee_pension,4000,320,640,paid,兰山机械厂\n");
    auto r = renshe::testing::runAdmin(env->backoffice().staffTarget(), env->pki(), dir.path(),
                                       {"records", "import", "--contributions", file.string()},
                                       BackofficeEnv::kProvince);
    ASSERT_EQ(r.code, 0) << r.output;

    ::setenv("RENSHE_STATEMENT_RENDERER", RENSHE_STATEMENT_PDF_BIN, 1);
    const auto pdf = dir.path() / "statement.pdf";
    r = admin({"records", "statement", "--ssn", holder.ssn, "--kind", "参保证明", "--out",
               pdf.string(), "--service-point", "兰山区人社局"});
    ASSERT_EQ(r.code, 0) << r.output;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.output, m,
                                  std::regex("statement ([0-9]{18})  check code ([2-9A-Z]{8})")))
        << r.output;
    const std::string number = m[1], code = m[2];
    EXPECT_EQ(r.output.find(holder.ssn), std::string::npos) << r.output;
    ASSERT_TRUE(std::filesystem::exists(pdf)) << r.output;
    EXPECT_FALSE(std::filesystem::exists(pdf.string() + ".statement.pb"));
    renshe::testing::ProcessOptions text;
    text.argv = {"/usr/bin/pdftotext", pdf.string(), (dir.path() / "statement.txt").string()};
    ASSERT_EQ(renshe::testing::runToCompletion(std::move(text)), 0);
    std::stringstream page;
    page << std::ifstream(dir.path() / "statement.txt").rdbuf();
    EXPECT_NE(page.str().find("社会保险参保证明"), std::string::npos) << page.str();
    EXPECT_NE(page.str().find(number), std::string::npos) << page.str();
    // (人 and 山 come back as the radicals ⼈ ⼭: the CJK font draws each pair with one glyph.)
    EXPECT_NE(page.str().find("社局"), std::string::npos) << page.str();
    EXPECT_EQ(page.str().find(holder.ssn), std::string::npos) << page.str();

    r = admin({"records", "verify", number, code});
    EXPECT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("VALID (有效)"), std::string::npos) << r.output;
    r = admin({"records", "withdraw", number, "--reason", "打印错误，重新出具"});
    ASSERT_EQ(r.code, 0) << r.output;
    r = admin({"records", "verify", number, code});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("WITHDRAWN (已作废)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("打印错误，重新出具"), std::string::npos) << r.output;
    r = admin({"records", "verify", number, "22222222"});
    EXPECT_NE(r.output.find("UNKNOWN"), std::string::npos) << r.output;

    // No renderer: the statement is issued (its number verifies), the page says why it is missing.
    ::setenv("RENSHE_STATEMENT_RENDERER", "/nonexistent/renshe-statement-pdf", 1);
    r = admin(
        {"records", "statement", "--ssn", holder.ssn, "--out", (dir.path() / "none.pdf").string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("renshe-statement-pdf not found"), std::string::npos) << r.output;
    ::unsetenv("RENSHE_STATEMENT_RENDERER");
}

TEST_F(AdminCli, ContentImportCreatesItemsThenPlaylists) {
    // A notice's image beside the JSON file: uploaded first, named by its digest.
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";
    write("water.png", png);
    const auto file = write("content.json", R"({
      "items": [
        {"id": "N1", "kind": "CONTENT_KIND_NOTICE", "title": "停水通知", "body": "明天停水", "duration": "8s",
         "image": "water.png", "targeting": {"regionPrefixes": ["371302"]}},
        {"id": "HOT", "kind": "CONTENT_KIND_HOTLINE", "duration": "6s", "targeting": {"regionPrefixes": ["371302"]}}
      ],
      "playlists": [
        {"id": "HALL", "name": "大厅", "targeting": {"regionPrefixes": ["371302"]},
         "entries": [{"itemId": "N1"}, {"itemId": "HOT"}]}
      ]})");
    auto r = admin({"content", "import", file.string()});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("2 item(s), 1 playlist(s)"), std::string::npos) << r.output;
    auto content = renshe::v1::ContentService::NewStub(
        renshe::services::client::makeChannel(env->pki().endpoint(
            env->backoffice().staffTarget(), env->pki().staff("S-0001", BackofficeEnv::kRegion))));
    renshe::v1::GetPlaylistRequest get;
    get.set_id("HALL");
    renshe::v1::GetPlaylistResponse got;
    const auto o =
        renshe::testing::call(*content, &renshe::v1::ContentService::Stub::GetPlaylist, get, &got);
    ASSERT_TRUE(o.ok()) << o;
    ASSERT_EQ(got.playlist().entries_size(), 2);
    EXPECT_EQ(got.playlist().entries(0).item().title(), "停水通知");
    EXPECT_EQ(got.playlist().entries(0).item().media_sha256().size(), 64u);
    const auto image = admin({"content", "image", (dir / "water.png").string()});
    ASSERT_EQ(image.code, 0) << image.output;
    EXPECT_EQ(image.output.substr(0, 64), got.playlist().entries(0).item().media_sha256());
    renshe::v1::GetMediaRequest fetch;
    fetch.set_sha256(got.playlist().entries(0).item().media_sha256());
    renshe::v1::GetMediaResponse media;
    ASSERT_TRUE(
        renshe::testing::call(*content, &renshe::v1::ContentService::Stub::GetMedia, fetch, &media)
            .ok());
    EXPECT_EQ(media.data(), png);
    // An image that is not there stops the import at its item.
    r = admin({"content", "import",
               write("noimage.json", R"({"items": [{"id": "N2", "kind": "CONTENT_KIND_NOTICE",
      "title": "x", "image": "missing.png", "targeting": {"regionPrefixes": ["371302"]}}]})")
                   .string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("item N2"), std::string::npos) << r.output;

    // An item for the whole province from a county's staff member: refused, and named.
    const auto wide =
        write("wide.json",
              R"({"items": [{"id": "ALL", "kind": "CONTENT_KIND_HOTLINE", "duration": "6s"}]})");
    r = admin({"content", "import", wide.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("OUTSIDE_REGION"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("item ALL"), std::string::npos) << r.output;
    // A playlist naming an item that does not exist: refused with the playlist named.
    const auto bad = write(
        "bad.json",
        R"({"playlists": [{"id": "HALL", "name": "大厅", "entries": [{"itemId": "NOPE"}]}]})");
    r = admin({"content", "import", bad.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("playlist HALL"), std::string::npos) << r.output;
    // Not JSON, or an unknown key: nothing sent.
    EXPECT_EQ(admin({"content", "import", write("x.json", "{items: [").string()}).code, 1);
    EXPECT_EQ(admin({"content", "import", write("y.json", R"({"itemz": []})").string()}).code, 1);
}

// Terminal enrolment: the key is made on the terminal (`terminal key`), only the request goes
// to the back office (`terminal enrol`, staff), which writes the service point's region into
// the certificate; the certificate then works as that terminal, a second key under the same
// id is refused, and the private key is nowhere in the back office's database or log.
TEST(AdminCliEnrolment, TheKeyStaysOnTheTerminalAndItsCertificateWorks) {
    renshe::testing::TestPki pki;
    TempDir dir("renshe-enrol");
    const auto caKey = dir / "ca.key";
    std::ofstream(caKey) << pki.ca().privateKeyPem();
    renshe::testing::BackofficeProcess backoffice(
        pki,
        {"--terminal-ca-cert", pki.caCertificate().string(), "--terminal-ca-key", caKey.string()});
    auto admin = [&](std::vector<std::string> args) {
        return renshe::testing::runAdmin(backoffice.staffTarget(), pki, dir.path(),
                                         std::move(args));
    };
    auto r = admin({"service-point", "add", "--name", "探沂镇人社所", "--region", "371302101",
                    "--class", "II", "--area", "4.5"});
    ASSERT_EQ(r.code, 0) << r.output;
    const auto at = r.output.find("SP-371302101-");
    ASSERT_NE(at, std::string::npos) << r.output;
    const std::string point = r.output.substr(at, r.output.find(' ', at) - at);

    const auto terminal = dir / "terminal";
    r = admin({"terminal", "key", "--id", "T-371302101-09", "--out", terminal.string()});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_EQ(std::filesystem::status(terminal / "terminal.key").permissions() &
                  std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    r = admin({"terminal", "enrol", "--csr", (terminal / "terminal.csr").string(), "--id",
               "T-371302101-09", "--role", "touch", "--service-point", point, "--out",
               terminal.string()});
    ASSERT_EQ(r.code, 0) << r.output;
    std::stringstream cert;
    cert << std::ifstream(terminal / "terminal.crt").rdbuf();
    const auto identity = renshe::services::pki::identityFromCertificatePem(cert.str());
    EXPECT_EQ(identity.id, "T-371302101-09");
    EXPECT_EQ(identity.role, renshe::services::pki::Role::Touch);
    EXPECT_EQ(identity.region, "371302101");

    // The new certificate with the terminal's own key: the back office knows it as that terminal.
    auto channel =
        renshe::services::client::makeChannel(renshe::services::client::Endpoint::fromFiles(
            backoffice.target(), pki.caCertificate().string(), (terminal / "terminal.crt").string(),
            (terminal / "terminal.key").string()));
    renshe::v1::SearchJobsRequest search;
    renshe::v1::SearchJobsResponse found;
    const auto o = renshe::testing::call(*renshe::v1::JobService::NewStub(channel),
                                         &renshe::v1::JobService::Stub::SearchJobs, search, &found);
    EXPECT_TRUE(o.ok()) << o;

    // Another machine claiming the same id with its own key: refused.
    const auto other = dir / "other";
    ASSERT_EQ(admin({"terminal", "key", "--id", "T-371302101-09", "--out", other.string()}).code,
              0);
    r = admin({"terminal", "enrol", "--csr", (other / "terminal.csr").string(), "--id",
               "T-371302101-09", "--role", "touch", "--service-point", point, "--out",
               other.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("ALREADY_EXISTS"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(other / "terminal.crt"));

    // The private key never reached the back office.
    std::stringstream key;
    key << std::ifstream(terminal / "terminal.key").rdbuf();
    std::string body = key.str();
    body = body.substr(body.find('\n') + 1, 40);  // base64 of the key, past the PEM header
    backoffice.stop();
    for (const auto& file :
         {backoffice.sqlitePath(), std::filesystem::path(backoffice.sqlitePath().string() + "-wal"),
          backoffice.logPath()}) {
        if (!std::filesystem::exists(file))
            continue;
        std::stringstream content;
        content << std::ifstream(file, std::ios::binary).rdbuf();
        EXPECT_EQ(content.str().find(body), std::string::npos) << file;
    }
}

}  // namespace

namespace {

namespace bo = renshe::services::backoffice;

// Rewrites the audit chain from `from` on with plain SHA-256 (as a database writer without the
// audit key can), head included; `alter` edits each row's fields first.
void rewriteChainUnkeyed(renshe::services::store::Store& db, std::int64_t from) {
    db.write([&](auto& tx) {
        const auto prev = tx.queryOne("SELECT hash FROM audit_events WHERE seq = $1", {from - 1});
        std::string previous = prev ? prev->text(0) : std::string(64, '0');
        const auto rows = tx.query(
            "SELECT seq, at, actor, terminal_id, event_type, masked_subject, subject_digest, "
            "outcome, request_id FROM audit_events WHERE seq >= $1 ORDER BY seq",
            {from});
        std::int64_t last = from - 1;
        for (const auto& r : rows) {
            bo::AuditEntry e{r.text(2), r.text(3), r.text(4), r.text(5),
                             r.text(6), r.text(7), r.text(8), ""};
            const std::string hash = bo::auditHashHex(previous, r.integer(0), r.integer(1), e);
            tx.exec(
                "UPDATE audit_events SET previous_hash = $1, hash = $2, keyed = 0 WHERE seq = $3",
                {previous, hash, r.integer(0)});
            previous = hash;
            last = r.integer(0);
        }
        tx.exec("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", {last, previous});
    });
}

// The keyed chain and its checkpoint outside the database: an edited row re-hashed without the
// audit key, a chain rewritten whole, a cut tail.
class AuditCheckpoints : public ::testing::Test {
protected:
    TempDir dir{"renshe-audit-checkpoint"};
    std::unique_ptr<BackofficeEnv> env;
    std::unique_ptr<renshe::services::store::Store> db;
    std::int64_t checkpointSeq = 0;

    void SetUp() override {
        env = std::make_unique<BackofficeEnv>(
            StoreKind::Sqlite,
            std::vector<std::string>{"--audit-checkpoint", (dir / "audit.checkpoint").string()});
        for (int i = 0; i < 4; ++i)
            renshe::testing::seed(env->staff(), renshe::testing::inventedCard(60 + i));
        ASSERT_EQ(env->backoffice().stop(), 0);  // the shutdown writes the checkpoint
        std::ifstream in(dir / "audit.checkpoint");
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("seq=", 0) == 0)
                checkpointSeq = std::stoll(line.substr(4));
        ASSERT_GE(checkpointSeq, 8);  // registration and card issue of four persons
        env->backoffice().restart();
        db = renshe::services::store::Store::open("sqlite:" +
                                                  env->backoffice().sqlitePath().string());
    }

    // What a database writer does to hide the last events: delete them, move the head back.
    void cutTail(std::int64_t keep) {
        db->write([&](auto& tx) {
            tx.exec("DELETE FROM audit_events WHERE seq > $1", {keep});
            const auto last = tx.queryOne("SELECT hash FROM audit_events WHERE seq = $1", {keep});
            tx.exec("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1",
                    {keep, last->text(0)});
        });
    }

    CliRun verify(bool withCheckpoint, const std::string& file = "audit.checkpoint") {
        std::vector<std::string> args{"audit", "verify"};
        if (withCheckpoint)
            args.insert(args.end(), {"--checkpoint", (dir / file).string()});
        return renshe::testing::runAdmin(env->backoffice().staffTarget(), env->pki(), dir.path(),
                                         args);
    }
};

TEST_F(AuditCheckpoints, AnIntactChainPassesWithItsCheckpoint) {
    const auto r = verify(true);
    EXPECT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("intact"), std::string::npos) << r.output;
    // A checkpoint not signed with this back office's audit key is refused.
    std::string text;
    {
        std::ifstream in(dir / "audit.checkpoint");
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto at = text.find("mac=") + 4;
    text[at] = text[at] == '0' ? '1' : '0';
    std::ofstream(dir / "audit.checkpoint") << text;
    EXPECT_NE(verify(true).code, 0);
}

TEST_F(AuditCheckpoints, AnEditedRowReHashedWithoutTheKeyIsCaught) {
    db->write([](auto& tx) { tx.exec("UPDATE audit_events SET outcome = 'OK' WHERE seq = 5"); });
    rewriteChainUnkeyed(*db, 5);
    const auto r = verify(false);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("BROKEN at event 5"), std::string::npos) << r.output;
}

TEST_F(AuditCheckpoints, AChainRewrittenWholeIsCaughtByTheCheckpoint) {
    db->write([](auto& tx) { tx.exec("UPDATE audit_events SET outcome = 'OK' WHERE seq = 5"); });
    rewriteChainUnkeyed(*db, 1);
    // Without the checkpoint a chain rewritten from its first event looks whole (docs/SECURITY.md)…
    EXPECT_EQ(verify(false).code, 0);
    // …the checkpoint written outside the database is not fooled.
    const auto r = verify(true);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("checkpoint mismatch"), std::string::npos) << r.output;
}

TEST_F(AuditCheckpoints, ACutTailIsCaughtByTheCheckpoint) {
    const std::int64_t keep = checkpointSeq - 3;
    cutTail(keep);
    EXPECT_EQ(verify(false).code, 0);  // a shorter chain is still a chain
    const auto r = verify(true);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("cut tail"), std::string::npos) << r.output;
}

// The back office itself does not launder a cut tail: its next checkpoint round finds that
// the chain no longer holds the last checkpoint's event, keeps the file as it was and logs it;
// the history of checkpoints catches the cut whatever the chain became since.
TEST_F(AuditCheckpoints, ACutTailIsNotLaunderedByTheNextCheckpoint) {
    const std::int64_t keep = checkpointSeq - 3;
    cutTail(keep);
    ASSERT_EQ(env->backoffice().stop(), 0);  // a checkpoint round at shutdown
    std::string log;
    {
        std::ifstream in(env->backoffice().logPath());
        log.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    EXPECT_NE(log.find("audit_chain_regressed"), std::string::npos);
    env->backoffice().restart();
    for (const char* file : {"audit.checkpoint", "audit.checkpoint.history"}) {
        const auto r = verify(true, file);
        EXPECT_EQ(r.code, 1) << file << ": " << r.output;
        EXPECT_NE(r.output.find("BROKEN"), std::string::npos) << r.output;
    }
    // The history holds one line per head written: the first run's shutdown at least.
    std::ifstream history(dir / "audit.checkpoint.history");
    std::string line;
    int lines = 0;
    while (std::getline(history, line))
        lines += line.rfind("seq=", 0) == 0 ? 1 : 0;
    EXPECT_GE(lines, 1);
}

}  // namespace
