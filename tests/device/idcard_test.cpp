// drivers/idcard and renshe-idcard over a pseudo-terminal against renshe-idcardsim: the same
// serial code path as a real USB-serial reader, every fault mode, the reader unplugged and back.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "drivers/idcard/reader.hpp"
#include "tests/fixtures/idcardsim.hpp"
#include "tests/fixtures/process.hpp"
#include "tests/fixtures/temp_dir.hpp"

namespace idcard = renshe::drivers::idcard;
using namespace renshe::testing;
using namespace std::chrono_literals;
using idcard::Problem;

namespace {

idcard::Reader openReader(const IdCardSim& sim) {
    idcard::ReaderOptions o;
    o.answerTimeout = 500ms;
    o.readTimeout = 1000ms;
    return idcard::Reader(std::make_unique<idcard::SerialLink>(sim.device().string()), o);
}

struct ToolRun {
    int exit = -1;
    std::string out, err;
    std::chrono::milliseconds took{};
};

ToolRun runTool(const std::vector<std::string>& args) {
    TempDir dir("renshe-idcard-tool");
    ProcessOptions o;
    o.argv = {RENSHE_IDCARD_BIN};
    o.argv.insert(o.argv.end(), args.begin(), args.end());
    // stdout and stderr apart: a shell redirect keeps the fixture's API simple.
    std::string cmd;
    for (const auto& a : o.argv)
        cmd += "'" + a + "' ";
    cmd += ">" + (dir.path() / "out").string() + " 2>" + (dir.path() / "err").string();
    ProcessOptions sh;
    sh.argv = {"/bin/sh", "-c", cmd};
    ToolRun r;
    const auto started = std::chrono::steady_clock::now();
    r.exit = runToCompletion(sh, 30s);
    r.took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    auto slurp = [](const std::filesystem::path& p) {
        std::ifstream in(p);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    r.out = slurp(dir.path() / "out");
    r.err = slurp(dir.path() / "err");
    return r;
}

}  // namespace

TEST(IdCardDevice, ReadsTheCardOverTheSerialLine) {
    IdCardSim sim("zhang-sanfeng");
    auto reader = openReader(sim);
    EXPECT_EQ(reader.samId(), "05.01-20101103-0012345678-1234567890");
    auto card = reader.read();
    EXPECT_EQ(card.text.name, "张三丰");
    EXPECT_EQ(card.text.sex, "1");
    EXPECT_EQ(card.text.nation, "01");
    EXPECT_EQ(card.text.idNumber, "370102194704090017");
    EXPECT_EQ(card.text.address, "山东省济南市历下区泉城路1号");
    EXPECT_EQ(card.text.validUntil, "长期");
    EXPECT_EQ(card.photo.size(), idcard::kPhotoBytes);

    sim.lift();
    EXPECT_FALSE(reader.findCard());
    EXPECT_EQ(idCardProblemOf([&] { reader.read(); }), Problem::NoCard);
    sim.place("li-xiuying");
    EXPECT_EQ(reader.read().text.idNumber, "220102195006150029");
}

TEST(IdCardDevice, EveryFaultModeEndsInItsTypedErrorOrARetriedRead) {
    IdCardSim sim("zhang-sanfeng");
    auto reader = openReader(sim);
    for (const char* recovered : {"garble-once", "bad-length", "noise"}) {
        sim.fault(recovered);
        EXPECT_EQ(reader.read().text.name, "张三丰") << recovered;
    }
    const std::pair<const char*, Problem> failing[] = {
        {"garble-always", Problem::Checksum},
        {"truncate", Problem::Truncated},
        {"mute", Problem::Timeout},
        {"sam-fault", Problem::SamFault},
        {"lift-mid-read", Problem::CardRemoved},
    };
    for (const auto& [mode, problem] : failing) {
        sim.fault(mode);
        EXPECT_EQ(idCardProblemOf([&] { reader.read(); }), problem) << mode;
    }
    // After all that the link still works: the next command resynchronises.
    sim.fault("none");
    sim.place("zhang-sanfeng");
    EXPECT_EQ(reader.read().text.name, "张三丰");

    sim.place("bad-ucs2");
    EXPECT_EQ(idCardProblemOf([&] { reader.read(); }), Problem::BadText);
    sim.place("bad-check-digit");
    EXPECT_EQ(idCardProblemOf([&] { reader.read(); }), Problem::BadText);
}

TEST(IdCardDevice, AnUnpluggedReaderIsNoReaderAndIsFoundAgainAtItsPath) {
    IdCardSim sim("zhang-sanfeng");
    auto reader = openReader(sim);
    EXPECT_TRUE(reader.findCard());
    sim.unplug();
    EXPECT_EQ(idCardProblemOf([&] { reader.findCard(); }), Problem::NoReader);
    EXPECT_EQ(idCardProblemOf([&] { idcard::SerialLink link(sim.device().string()); }),
              Problem::NoReader);
    sim.plugIn("li-xiuying");
    auto again = openReader(sim);
    EXPECT_EQ(again.read().text.name, "李秀英");
}

TEST(IdCardTool, ReadPrintsMaskedUnlessRevealAndJsonCarriesTheCodes) {
    IdCardSim sim("zhang-sanfeng");
    auto r = runTool({"read", "--device", sim.device().string()});
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_NE(r.out.find("张*丰"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("370***********0017"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("370102194704090017"), std::string::npos) << "masked without --reveal";
    EXPECT_NE(r.out.find("男"), std::string::npos);
    EXPECT_NE(r.out.find("汉"), std::string::npos);

    r = runTool({"read", "--device", sim.device().string(), "--json", "--reveal"});
    ASSERT_EQ(r.exit, 0) << r.err;
    for (const char* kv : {"\"name\":\"张三丰\"", "\"sex\":\"1\"", "\"nation\":\"01\"",
                           "\"birth\":\"19470409\"", "\"id_number\":\"370102194704090017\"",
                           "\"valid_from\":\"20150301\"", "\"valid_until\":\"长期\"",
                           "\"authority\":\"济南市公安局历下分局\"", "\"expired\":false"}) {
        EXPECT_NE(r.out.find(kv), std::string::npos) << kv << " in " << r.out;
    }
    EXPECT_EQ(r.out.find("男"), std::string::npos) << "human names only in the plain output";

    sim.place("expired");
    r = runTool({"read", "--device", sim.device().string(), "--json"});
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_NE(r.out.find("\"expired\":true"), std::string::npos) << r.out;
}

TEST(IdCardTool, NoCardNoReaderAndAMuteReaderFailFastWithOneLine) {
    IdCardSim sim;
    auto r = runTool({"read", "--device", sim.device().string()});
    EXPECT_EQ(r.exit, 4);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find("no card"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());

    r = runTool({"read", "--device", "/nonexistent/ttyUSB9"});
    EXPECT_EQ(r.exit, 3);
    EXPECT_NE(r.err.find("no reader"), std::string::npos) << r.err;

    sim.fault("mute");
    r = runTool({"sam", "--device", sim.device().string()});
    EXPECT_EQ(r.exit, 3);
    EXPECT_NE(r.err.find("timeout"), std::string::npos) << r.err;
    EXPECT_LT(r.took, 5s);

    sim.fault("none");
    r = runTool({"sam", "--device", sim.device().string()});
    EXPECT_EQ(r.exit, 0) << r.err;
    EXPECT_EQ(r.out, "05.01-20101103-0012345678-1234567890\n");
}

TEST(IdCardTool, WithALicensedDecoderInstalledThePhotoIsWrittenAsBmp) {
    IdCardSim sim("zhang-sanfeng");
    TempDir dir("renshe-idcard-photo");
    const auto bmp = dir.path() / "photo.bmp";
    auto r = runTool({"read", "--device", sim.device().string(), "--wlt-decoder",
                      RENSHE_WLT_STAND_IN, "--photo-out", bmp.string()});
    ASSERT_EQ(r.exit, 0) << r.err;
    std::ifstream in(bmp, std::ios::binary);
    std::string head(2, '\0');
    in.read(head.data(), 2);
    EXPECT_EQ(head, "BM");
    EXPECT_EQ(std::filesystem::file_size(bmp), 54u + 308u * 126u);

    r = runTool({"read", "--device", sim.device().string(), "--wlt-decoder", "/nonexistent.so",
                 "--photo-out", bmp.string()});
    EXPECT_EQ(r.exit, 1);
    EXPECT_NE(r.err.find("no photo decoder"), std::string::npos) << r.err;
}
