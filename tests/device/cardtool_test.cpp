// renshe-card, the technician's tool, run as a process against pcscd + vpcd + renshe-cardsim.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "tests/fixtures/cardsim.hpp"
#include "tests/fixtures/pcscd.hpp"
#include "tests/fixtures/process.hpp"

using namespace std::chrono_literals;
using renshe::testing::CardSim;
using renshe::testing::CardSimOptions;
using renshe::testing::PrivatePcscd;
using renshe::testing::ProcessOptions;
using renshe::testing::sampleCard;
using renshe::testing::TempDir;
using renshe::testing::writeCardFile;

namespace {

struct Run {
    int exitCode;
    std::string output;
};

// Runs renshe-card with `args` (and `stdinText` on standard input) in the test's pcscd.
Run renshecard(const PrivatePcscd& pcscd, std::vector<std::string> args,
               const std::string& stdinText = "") {
    TempDir dir;
    ProcessOptions opts;
    opts.argv = {RENSHE_CARD_BIN};
    opts.argv.insert(opts.argv.end(), args.begin(), args.end());
    opts.env = {{"PCSCLITE_CSOCK_NAME", pcscd.socketPath().string()}};
    if (!stdinText.empty()) {
        std::ofstream(dir / "stdin") << stdinText;
        opts.argv = {"/bin/sh", "-c", "exec \"$0\" \"$@\" < " + (dir / "stdin").string(),
                     RENSHE_CARD_BIN};
        opts.argv.insert(opts.argv.end(), args.begin(), args.end());
    }
    opts.logFile = dir / "out";
    const int rc = renshe::testing::runToCompletion(std::move(opts), 30s);
    std::ifstream in(dir / "out");
    std::stringstream ss;
    ss << in.rdbuf();
    return {rc, ss.str()};
}

}  // namespace

TEST(RensheCard, ReadJsonRevealPrintsTheCardFileExactly) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    const auto r = renshecard(pcscd, {"read", "--json", "--reveal"});
    ASSERT_EQ(r.exitCode, 0) << r.output;
    for (const char* key : {"card_id", "card_number", "ssn", "spec_version"}) {
        EXPECT_NE(r.output.find("\"" + std::string(key) + "\":\"" + *sim.cardValue(key) + "\""),
                  std::string::npos)
            << key << " in " << r.output;
    }
    EXPECT_NE(r.output.find("\"name\":\"张三丰\""), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("\"reader\":\"" + pcscd.readerName(0) + "\""), std::string::npos)
        << r.output;
    const std::string birth = *sim.cardValue("birth_date");
    EXPECT_NE(
        r.output.find(birth.substr(0, 4) + "-" + birth.substr(4, 2) + "-" + birth.substr(6, 2)),
        std::string::npos);
}

TEST(RensheCard, ReadMasksPersonalDataUnlessRevealed) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    const auto r = renshecard(pcscd, {"read", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const std::string ssn = *sim.cardValue("ssn");
    EXPECT_EQ(r.output.find(ssn), std::string::npos) << "full ID number leaked: " << r.output;
    EXPECT_NE(r.output.find(ssn.substr(0, 3) + "***********" + ssn.substr(14)), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("\"name\":\"张*丰\""), std::string::npos) << r.output;
}

TEST(RensheCard, ExitCodesTellNoServiceNoCardAndNotASocialSecurityCardApart) {
    PrivatePcscd pcscd;
    CardSimOptions removed;
    removed.inserted = false;
    removed.expectAtStart = std::nullopt;
    CardSim sim(pcscd, 0, sampleCard("li-xiuying"), removed);
    EXPECT_EQ(renshecard(pcscd, {"read"}).exitCode, 5);

    TempDir dir;
    writeCardFile(sampleCard("li-xiuying"), dir / "other.card", {{"ssc", "no"}});
    sim.insert();
    sim.setCard(dir / "other.card");
    EXPECT_EQ(renshecard(pcscd, {"read"}).exitCode, 6);

    EXPECT_EQ(renshecard(pcscd, {"frobnicate"}).exitCode, 2);
    EXPECT_EQ(renshecard(pcscd, {"read", "--reader", "No Such Reader"}).exitCode, 4);

    sim.remove();
    const_cast<PrivatePcscd&>(pcscd).stop();
    EXPECT_EQ(renshecard(pcscd, {"readers"}).exitCode, 3);
}

TEST(RensheCard, VerifyPinReadsStdinAndReportsTriesLeft) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("li-xiuying"));
    auto r = renshecard(pcscd, {"verify-pin"}, "000000\n");
    EXPECT_EQ(r.exitCode, 8);
    EXPECT_NE(r.output.find("2 tries left"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("000000"), std::string::npos) << "the PIN was echoed";
    r = renshecard(pcscd, {"verify-pin"}, *sim.cardValue("pin") + "\n");
    EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(RensheCard, WaitPrintsInsertAndRemoveAsTheyHappen) {
    PrivatePcscd pcscd;
    CardSimOptions removed;
    removed.inserted = false;
    removed.expectAtStart = std::nullopt;
    CardSim sim(pcscd, 0, sampleCard("li-xiuying"), removed);
    TempDir dir;
    ProcessOptions opts;
    opts.argv = {RENSHE_CARD_BIN, "wait", "--count", "4", "--timeout", "20"};
    opts.env = {{"PCSCLITE_CSOCK_NAME", pcscd.socketPath().string()}};
    opts.logFile = dir / "out";
    renshe::testing::ChildProcess waiter(std::move(opts));
    // reader-added ×2 first; then the card.
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] {
            const std::string out = waiter.logTail();
            return out.find("reader-added\t" + pcscd.readerName(0)) != std::string::npos &&
                   out.find("reader-added\t" + pcscd.readerName(1)) != std::string::npos;
        },
        10s))
        << waiter.logTail();
    sim.insert();
    sim.remove();  // the fourth event: the tool stops there, well before its own timeout
    const auto status = waiter.waitForExit(10s);
    ASSERT_TRUE(status.has_value()) << waiter.logTail();
    EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << waiter.logTail();
    const std::string out = waiter.logTail();
    EXPECT_NE(out.find("reader-added\t" + pcscd.readerName(0)), std::string::npos) << out;
    const auto inserted = out.find("card-inserted\t" + pcscd.readerName(0));
    const auto pulled = out.find("card-removed\t" + pcscd.readerName(0));
    EXPECT_NE(inserted, std::string::npos) << out;
    EXPECT_NE(pulled, std::string::npos) << out;
    EXPECT_LT(inserted, pulled) << out;
}
