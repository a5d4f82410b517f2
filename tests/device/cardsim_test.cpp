// renshe-cardsim, the virtual social security card, through the real private pcscd + vpcd
// and our PC/SC layer (Session::transmit), plus its card model and card file without a reader.
#include "tests/fixtures/cardsim.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <iconv.h>

#include <chrono>
#include <fstream>
#include <memory>

#include "drivers/pcsc/pcsc.hpp"
#include "drivers/sim/card_file.hpp"
#include "drivers/sim/virtual_card.hpp"
#include "drivers/sscard/id_number.hpp"
#include "drivers/sscard/pin_reset_crypto.hpp"
#include "drivers/sscard/profile.hpp"
#include "drivers/sscard/sscard.hpp"
#include "tests/fixtures/pcscd.hpp"
#include "tests/fixtures/temp_dir.hpp"

namespace pcsc = renshe::drivers::pcsc;
namespace sscard = renshe::drivers::sscard;
namespace sim = renshe::drivers::sim;
namespace profile = sscard::profile;
using pcsc::Bytes;
using pcsc::CommandApdu;
using renshe::testing::CardPresence;
using renshe::testing::CardSim;
using renshe::testing::CardSimOptions;
using renshe::testing::PrivatePcscd;
using renshe::testing::sampleCard;
using renshe::testing::TempDir;
using renshe::testing::writeCardFile;
using namespace std::chrono_literals;

namespace {

// ------------------------------------------------------------ helpers

// A tiny iconv wrapper, independent of the codec the simulator itself uses.
std::string convert(const char* to, const char* from, const std::string& in) {
    iconv_t cd = iconv_open(to, from);
    if (cd ==
        reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr): iconv's error value
        throw std::runtime_error("iconv_open");
    }
    std::string out(in.size() * 4 + 4, '\0');
    char* src = const_cast<char*>(in.data());
    std::size_t srcLeft = in.size();
    char* dst = out.data();
    std::size_t dstLeft = out.size();
    const std::size_t rc = iconv(cd, &src, &srcLeft, &dst, &dstLeft);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) {
        throw std::runtime_error("iconv");
    }
    out.resize(out.size() - dstLeft);
    return out;
}

std::string gbkToUtf8(const Bytes& gbk) {
    std::string s(gbk.begin(), gbk.end());
    s.erase(s.find_last_not_of('\0') + 1);
    return convert("UTF-8", "GBK", s);
}

// How the profile says a card stores `value` (written from the profile, not from the sim).
Bytes expectedEncoding(const profile::Record& r, const std::string& value) {
    Bytes out;
    if (r.field == profile::Field::Nation) {
        return {static_cast<std::uint8_t>(std::stoi(value))};
    }
    switch (r.encoding) {
        case profile::Encoding::Binary:
            return pcsc::fromHex(value);
        case profile::Encoding::Bcd: {
            std::string digits = value;
            digits.resize(static_cast<std::size_t>(r.length) * 2, 'F');
            return pcsc::fromHex(digits);
        }
        case profile::Encoding::Alnum:
            out.assign(value.begin(), value.end());
            break;
        case profile::Encoding::Gbk: {
            const std::string gbk = convert("GBK", "UTF-8", value);
            out.assign(gbk.begin(), gbk.end());
            break;
        }
    }
    out.resize(r.length, 0x00);
    return out;
}

CommandApdu selectSsse() {
    return CommandApdu::case3(0x00, 0xA4, 0x04, 0x00,
                              Bytes(profile::kSsseAid.begin(), profile::kSsseAid.end()));
}

CommandApdu readRecord(const profile::Record& r, int le) {
    return CommandApdu::case2(0x00, 0xB2, r.number, static_cast<std::uint8_t>(r.sfi << 3 | 4), le);
}

CommandApdu readRecord(const profile::Record& r) {
    return readRecord(r, r.length + 2);
}

Bytes pinBcd(std::string_view digits) {
    const auto bcd = sscard::Pin::fromDigits(digits)->bcd();
    return Bytes(bcd.begin(), bcd.end());
}

CommandApdu verify(std::string_view pin) {
    return CommandApdu::case3(0x00, 0x20, 0x00, 0x00, pinBcd(pin));
}

CommandApdu changePin(std::string_view oldPin, std::string_view newPin) {
    Bytes data = pinBcd(oldPin);
    data.push_back(0xFF);
    const Bytes n = pinBcd(newPin);
    data.insert(data.end(), n.begin(), n.end());
    return CommandApdu::case3(0x80, 0x5E, 0x01, 0x00, data);
}

CommandApdu getChallenge() {
    return CommandApdu::case2(0x00, 0x84, 0x00, 0x00, 8);
}

CommandApdu fromRaw(const Bytes& raw) {
    return CommandApdu::case3(raw[0], raw[1], raw[2], raw[3], Bytes(raw.begin() + 5, raw.end()));
}

// A connected card with one transaction, for a test body.
struct Connection {
    explicit Connection(const std::string& reader)
        : card(ctx.connect(reader)), session(card->beginSession()) {}
    pcsc::ResponseApdu transmit(const CommandApdu& c) { return session.transmit(c); }
    pcsc::Context ctx;
    std::unique_ptr<pcsc::Card> card;
    pcsc::Session session;
};

// The demo master key of the sample cards (see their card_key comments) and one of our own.
const sscard::Key kTestMaster = {0x0F, 0x1E, 0x2D, 0x3C, 0x4B, 0x5A, 0x69, 0x78,
                                 0x87, 0x96, 0xA5, 0xB4, 0xC3, 0xD2, 0xE1, 0xF0};

std::string hex(const sscard::Key& k) {
    return pcsc::toHex(Bytes(k.begin(), k.end()));
}

// A copy of the 张三丰 sample whose card_key comes from kTestMaster, plus `overrides`.
std::filesystem::path cardWithTestKey(const TempDir& dir,
                                      std::map<std::string, std::string> overrides = {}) {
    const Bytes id =
        pcsc::fromHex(*renshe::testing::cardFileValue(sampleCard("zhang-sanfeng"), "card_id"));
    overrides["card_key"] = hex(sscard::deriveCardKey(kTestMaster, id));
    auto path = dir / "card.card";
    writeCardFile(sampleCard("zhang-sanfeng"), path, overrides);
    return path;
}

// K_s for the challenge the card just gave: what the back office computes from the master key.
sscard::Key sessionKeyFor(const Bytes& challenge,
                          sscard::ResetOperation op = sscard::ResetOperation::Reload) {
    const Bytes id =
        pcsc::fromHex(*renshe::testing::cardFileValue(sampleCard("zhang-sanfeng"), "card_id"));
    return sscard::deriveSessionKey(sscard::deriveCardKey(kTestMaster, id), challenge, op);
}

CardSimOptions withArgs(std::vector<std::string> args) {
    CardSimOptions o;
    o.extraArgs = std::move(args);
    return o;
}

}  // namespace

// ------------------------------------------------------------ card file and model, no reader

TEST(CardSimCardFile, SamplesLoadAndFollowTheBrief) {
    const auto zhang = sim::CardFile::load(sampleCard("zhang-sanfeng"));
    EXPECT_EQ(zhang.image().chip.pin, "123456");  // issued, not activated
    EXPECT_EQ(zhang.image().chip.triesLeft, 3);
    const auto ssn = *renshe::testing::cardFileValue(sampleCard("zhang-sanfeng"), "ssn");
    EXPECT_FALSE(sscard::validateIdNumber(ssn).has_value());
    EXPECT_EQ(ssn.back(), sscard::idNumberCheckCharacter(ssn.substr(0, 17)));
    EXPECT_EQ(gbkToUtf8(zhang.image().records.at(profile::Field::Name)), "张三丰");

    const auto li = sim::CardFile::load(sampleCard("li-xiuying"));
    EXPECT_NE(li.image().chip.pin, "123456");  // activated
    EXPECT_EQ(li.image().records.at(profile::Field::Sex), Bytes{'2'});
    EXPECT_EQ(li.image().records.at(profile::Field::BirthDate)[0], 0x19);
    EXPECT_EQ(li.image().records.at(profile::Field::BirthDate)[1], 0x50);
}

TEST(CardSimCardFile, ABadValueIsReportedWithFileLineAndKeyButNotItsValue) {
    TempDir dir;
    const auto path = dir / "bad.card";
    writeCardFile(sampleCard("zhang-sanfeng"), path, {{"ssn", "370102194704090018"}});
    try {
        sim::CardFile::load(path);
        FAIL() << "a wrong check character was accepted";
    } catch (const sim::CardFileError& e) {
        EXPECT_EQ(e.key(), "ssn");
        EXPECT_GT(e.line(), 0);
        EXPECT_THAT(e.what(), ::testing::HasSubstr(path.string() + ":" + std::to_string(e.line()) +
                                                   ": ssn:"));
        EXPECT_THAT(e.what(), ::testing::Not(::testing::HasSubstr("370102194704090018")));
    }
}

TEST(CardSimCardFile, EveryKindOfMistakeIsRefused) {
    TempDir dir;
    const std::vector<std::map<std::string, std::string>> mistakes = {
        {{"pin", "12345"}},
        {{"pin_tries_left", "4"}},
        {{"application_state", "frozen"}},
        {{"card_key", "0011"}},
        {{"card_id", "370102D1560000068600000000000001"}},  // not D156000005
        {{"issue_date", "20240230"}},
        {{"expiry_date", "20200101"}},
        {{"birth_date", "19470410"}},  // differs from the ssn
        {{"sex", "2"}},                // the ssn says male
        {{"nation", "77"}},
        {{"birthplace", "3701"}},
        {{"name", "张三丰张三丰张三丰张三丰张三丰张三丰"}},  // 36 bytes in GBK
        {{"atr", "3C 00"}},
        {{"ssc", "maybe"}},
        {{"colour", "red"}},
    };
    for (const auto& m : mistakes) {
        const auto path = dir / "card.card";
        writeCardFile(sampleCard("zhang-sanfeng"), path, m);
        EXPECT_THROW(sim::CardFile::load(path), sim::CardFileError) << m.begin()->first;
    }
    std::ofstream(dir / "missing.card") << "pin = 123456\n";
    try {
        sim::CardFile::load(dir / "missing.card");
        FAIL();
    } catch (const sim::CardFileError& e) {
        EXPECT_EQ(e.line(), 0);  // a missing key has no line
    }
}

TEST(CardSimCardFile, SavingKeepsCommentsAndIsReadBack) {
    TempDir dir;
    const auto path = dir / "card.card";
    writeCardFile(sampleCard("zhang-sanfeng"), path);
    auto file = sim::CardFile::load(path);
    auto chip = file.image().chip;
    chip.pin = "802417";
    chip.triesLeft = 1;
    file.save(chip);
    EXPECT_EQ(sim::CardFile::load(path).image().chip, chip);
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_THAT(text, ::testing::HasSubstr("# 张三丰"));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1)
        << "temp file left behind";
}

TEST(CardSimModel, T0GetResponseReleasesTheAnswerInChunks) {
    sim::VirtualCard card(sim::CardFile::load(sampleCard("zhang-sanfeng")).image(),
                          [](const auto&) {});
    card.quirks().t0 = true;
    const auto& name = profile::record(profile::Field::Name);
    EXPECT_EQ(card.process(selectSsse().encode()), (Bytes{0x90, 0x00}));
    EXPECT_EQ(card.process(readRecord(name).encode()), (Bytes{0x61, 32}));
    Bytes first = card.process(CommandApdu::case2(0x00, 0xC0, 0x00, 0x00, 10).encode());
    ASSERT_EQ(first.size(), 12u);
    EXPECT_EQ((Bytes{first[10], first[11]}), (Bytes{0x61, 22}));
    EXPECT_EQ(card.process(CommandApdu::case2(0x00, 0xC0, 0x00, 0x00, 30).encode()),
              (Bytes{0x6C, 22}));
    Bytes rest = card.process(CommandApdu::case2(0x00, 0xC0, 0x00, 0x00, 22).encode());
    ASSERT_EQ(rest.size(), 24u);
    EXPECT_EQ((Bytes{rest[22], rest[23]}), (Bytes{0x90, 0x00}));
    EXPECT_EQ(first[0], 0x09);  // TLV tag = record number
    EXPECT_EQ(card.process(CommandApdu::case2(0x00, 0xC0, 0x00, 0x00, 1).encode()),
              (Bytes{0x69, 0x85}));
}

TEST(CardSimModel, AFailedWriteBackAnswers6581AndChangesNothing) {
    sim::VirtualCard card(sim::CardFile::load(sampleCard("zhang-sanfeng")).image(),
                          [](const auto&) { throw std::runtime_error("disk full"); });
    card.process(selectSsse().encode());
    EXPECT_EQ(card.process(verify("000000").encode()), (Bytes{0x65, 0x81}));
    EXPECT_EQ(card.chip().triesLeft, 3);
    EXPECT_EQ(card.process(changePin("123456", "802417").encode()), (Bytes{0x65, 0x81}));
    EXPECT_EQ(card.chip().pin, "123456");
}

TEST(CardSimModel, UnknownInstructionsAndClassesAndRecords) {
    sim::VirtualCard card(sim::CardFile::load(sampleCard("zhang-sanfeng")).image(),
                          [](const auto&) {});
    EXPECT_EQ(card.process(readRecord(profile::kRecords[0]).encode()),
              (Bytes{0x69, 0x85}));  // SSSE not selected
    card.process(selectSsse().encode());
    EXPECT_EQ(card.process(Bytes{0x00, 0xCA, 0x00, 0x00, 0x00}), (Bytes{0x6D, 0x00}));
    EXPECT_EQ(card.process(Bytes{0xA0, 0xB2, 0x01, 0x2C, 0x12}), (Bytes{0x6E, 0x00}));
    EXPECT_EQ(card.process(Bytes{0x00, 0xB2, 0x0E, 0x2C, 0x00}),
              (Bytes{0x6A, 0x83}));  // no record 0E in EF05
    EXPECT_EQ(card.process(Bytes{0x00, 0xB2, 0x01, 0x3C, 0x00}), (Bytes{0x6A, 0x82}));  // no SFI 7
    EXPECT_EQ(card.process(Bytes{0x00, 0xA4, 0x02, 0x00, 0x02, 0xEF, 0x09}), (Bytes{0x6A, 0x82}));
    card.powerOff();
    card.powerOn();
    EXPECT_EQ(card.process(verify("123456").encode()),
              (Bytes{0x69, 0x85}));  // selection lost with power
}

// ------------------------------------------------------------ through pcscd + vpcd

TEST(CardSim, ReadRecordReturnsExactlyTheCardFilesEncodedValues) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    Connection c(sim.reader());
    ASSERT_EQ(c.transmit(selectSsse()).sw(), pcsc::sw::kOk);
    for (const auto& r : profile::kRecords) {
        const auto answer = c.transmit(readRecord(r));
        ASSERT_EQ(answer.sw(), pcsc::sw::kOk) << r.key;
        Bytes expected = {r.number, r.length};
        const Bytes value = expectedEncoding(r, *sim.cardValue(std::string(r.key)));
        expected.insert(expected.end(), value.begin(), value.end());
        EXPECT_EQ(pcsc::toHex(answer.data), pcsc::toHex(expected)) << r.key;
    }
    const auto name = c.transmit(readRecord(profile::record(profile::Field::Name)));
    EXPECT_EQ(gbkToUtf8(Bytes(name.data.begin() + 2, name.data.end())), "张三丰");

    // The same records by SELECT EF + READ RECORD of the current EF (P2 = 04).
    ASSERT_EQ(c.transmit(CommandApdu::case3(0x00, 0xA4, 0x02, 0x00, {0xEF, 0x06})).sw(),
              pcsc::sw::kOk);
    const auto ssn = c.transmit(CommandApdu::case2(0x00, 0xB2, 0x08, 0x04, 20));
    ASSERT_EQ(ssn.sw(), pcsc::sw::kOk);
    EXPECT_EQ(std::string(ssn.data.begin() + 2, ssn.data.end()), *sim.cardValue("ssn"));
}

TEST(CardSim, TheReaderSideDecodesTheSampleCard) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 1, sampleCard("li-xiuying"));
    Connection c(sim.reader());
    sscard::SocialSecurityCard card(c.session);
    const auto data = card.readCardData();
    EXPECT_EQ(data.name, "李秀英");
    EXPECT_EQ(data.ssn, "220102195006150029");
    EXPECT_EQ(data.sex, '2');
    EXPECT_EQ(data.birthDate.year, 1950);
    EXPECT_EQ(data.specVersion, "3.00");
    EXPECT_EQ(data.cardNumber, "B22010002");
    EXPECT_EQ(c.card->protocol(), pcsc::Protocol::T1);
}

TEST(CardSim, MonitorSeesInsertAndRemove) {
    using Kind = pcsc::ReaderEvent::Kind;
    PrivatePcscd pcscd;
    CardSimOptions removed;
    removed.inserted = false;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"), removed);
    pcsc::Monitor monitor;
    const auto collect = [&](Kind kind) {
        std::vector<pcsc::ReaderEvent> all;
        const auto end = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < end) {
            for (auto& e : monitor.next(200ms)) {
                if (e.reader == sim.reader() && e.kind == kind) {
                    return e;
                }
            }
        }
        throw std::runtime_error(std::string("no ") + pcsc::toString(kind));
    };
    collect(Kind::ReaderAdded);
    sim.insert();
    const auto inserted = collect(Kind::CardInserted);
    EXPECT_EQ(inserted.atr, sim::VirtualCard::defaultT1Atr());
    sim.remove();
    collect(Kind::CardRemoved);
    EXPECT_THROW(pcsc::Context().connect(sim.reader()), pcsc::NoCard);
}

TEST(CardSim, WrongPinCountsDownToBlockedAndTheTriesArePersisted) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    Connection c(sim.reader());
    ASSERT_EQ(c.transmit(selectSsse()).sw(), pcsc::sw::kOk);
    EXPECT_EQ(c.transmit(verify("000000")).sw(), 0x63C2);
    EXPECT_EQ(sim.cardValue("pin_tries_left"), "2");
    EXPECT_EQ(c.transmit(verify("000000")).sw(), 0x63C1);
    EXPECT_EQ(sim.cardValue("pin_tries_left"), "1");
    EXPECT_EQ(c.transmit(verify("000000")).sw(), pcsc::sw::kAuthenticationBlocked);
    EXPECT_EQ(sim.cardValue("pin_tries_left"), "0");
    // Blocked means blocked: even the right PIN is refused now.
    EXPECT_EQ(c.transmit(verify("123456")).sw(), pcsc::sw::kAuthenticationBlocked);
    EXPECT_EQ(sim.cardValue("pin"), "123456");
}

TEST(CardSim, RightPinRestoresTheTries) {
    TempDir dir;
    const auto card = dir / "card.card";
    writeCardFile(sampleCard("zhang-sanfeng"), card, {{"pin_tries_left", "1"}});
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, card);
    Connection c(sim.reader());
    c.transmit(selectSsse());
    EXPECT_EQ(c.transmit(verify("123456")).sw(), pcsc::sw::kOk);
    EXPECT_EQ(sim.cardValue("pin_tries_left"), "3");
}

TEST(CardSim, ChangedPinSurvivesASimulatorRestart) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    {
        Connection c(sim.reader());
        c.transmit(selectSsse());
        EXPECT_EQ(c.transmit(changePin("111111", "802417")).sw(), 0x63C2);  // wrong old PIN
        EXPECT_EQ(c.transmit(changePin("123456", "802417")).sw(), pcsc::sw::kOk);
        EXPECT_EQ(sim.cardValue("pin"), "802417");
        EXPECT_EQ(sim.cardValue("pin_tries_left"), "3");
    }
    sim.restart();
    Connection c(sim.reader());
    c.transmit(selectSsse());
    EXPECT_EQ(c.transmit(verify("802417")).sw(), pcsc::sw::kOk);
    EXPECT_EQ(c.transmit(verify("123456")).sw(), 0x63C2);
}

TEST(CardSim, ReloadPinWithTheBackOfficesMacSetsTheNewPin) {
    TempDir dir;
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, cardWithTestKey(dir, {{"pin_tries_left", "0"}}));
    Connection c(sim.reader());
    c.transmit(selectSsse());
    const auto challenge = c.transmit(getChallenge());
    ASSERT_EQ(challenge.sw(), pcsc::sw::kOk);
    ASSERT_EQ(challenge.data.size(), 8u);
    const Bytes reload =
        sscard::buildReloadPinCommand(sessionKeyFor(challenge.data), pinBcd("802417"));
    EXPECT_EQ(c.transmit(fromRaw(reload)).sw(), pcsc::sw::kOk);
    EXPECT_EQ(sim.cardValue("pin"), "802417");
    EXPECT_EQ(sim.cardValue("pin_tries_left"), "3");
    EXPECT_EQ(c.transmit(verify("802417")).sw(), pcsc::sw::kOk);
}

TEST(CardSim, ReloadPinWithABadMacIsRefusedAndThePinStays) {
    TempDir dir;
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, cardWithTestKey(dir));
    Connection c(sim.reader());
    c.transmit(selectSsse());
    const auto challenge = c.transmit(getChallenge());
    Bytes reload = sscard::buildReloadPinCommand(sessionKeyFor(challenge.data), pinBcd("802417"));
    reload.back() ^= 0x01;
    EXPECT_EQ(c.transmit(fromRaw(reload)).sw(), pcsc::sw::kSecurityNotSatisfied);
    EXPECT_EQ(sim.cardValue("pin"), "123456");
    // A MAC under a key from another master key is just as bad.
    const auto again = c.transmit(getChallenge());
    sscard::Key otherMaster{};
    const Bytes id = pcsc::fromHex(*sim.cardValue("card_id"));
    const auto wrongKey = sscard::deriveSessionKey(sscard::deriveCardKey(otherMaster, id),
                                                   again.data, sscard::ResetOperation::Reload);
    EXPECT_EQ(c.transmit(fromRaw(sscard::buildReloadPinCommand(wrongKey, pinBcd("802417")))).sw(),
              pcsc::sw::kSecurityNotSatisfied);
    EXPECT_EQ(c.transmit(verify("123456")).sw(), pcsc::sw::kOk);
}

TEST(CardSim, AChallengeOpensExactlyOneCommand) {
    TempDir dir;
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, cardWithTestKey(dir));
    Connection c(sim.reader());
    c.transmit(selectSsse());
    // No challenge yet.
    EXPECT_EQ(c.transmit(fromRaw(sscard::buildUnblockPinCommand(sscard::Key{}))).sw(),
              pcsc::sw::kSecurityNotSatisfied);
    const auto challenge = c.transmit(getChallenge());
    const auto key = sessionKeyFor(challenge.data);
    const Bytes reload = sscard::buildReloadPinCommand(key, pinBcd("802417"));
    EXPECT_EQ(c.transmit(fromRaw(reload)).sw(), pcsc::sw::kOk);
    EXPECT_EQ(c.transmit(fromRaw(reload)).sw(), pcsc::sw::kSecurityNotSatisfied);  // replayed
    EXPECT_EQ(c.transmit(fromRaw(sscard::buildUnblockPinCommand(key))).sw(),
              pcsc::sw::kSecurityNotSatisfied);
    // A failed attempt uses the challenge up too.
    const auto second = c.transmit(getChallenge());
    Bytes bad =
        sscard::buildUnblockPinCommand(sessionKeyFor(second.data, sscard::ResetOperation::Unblock));
    bad.back() ^= 0xFF;
    EXPECT_EQ(c.transmit(fromRaw(bad)).sw(), pcsc::sw::kSecurityNotSatisfied);
    EXPECT_EQ(c.transmit(fromRaw(sscard::buildUnblockPinCommand(
                             sessionKeyFor(second.data, sscard::ResetOperation::Unblock))))
                  .sw(),
              pcsc::sw::kSecurityNotSatisfied);
}

// The key the back office gives for UNBLOCK (解锁) opens UNBLOCK only: a terminal holding it
// cannot set a PIN of its choosing with RELOAD (重置), and the other way round.
TEST(CardSim, ASessionKeyOpensOnlyTheOperationItWasDerivedFor) {
    TempDir dir;
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, cardWithTestKey(dir, {{"pin_tries_left", "0"}}));
    Connection c(sim.reader());
    c.transmit(selectSsse());
    auto challenge = c.transmit(getChallenge());
    const auto unblockKey = sessionKeyFor(challenge.data, sscard::ResetOperation::Unblock);
    EXPECT_EQ(c.transmit(fromRaw(sscard::buildReloadPinCommand(unblockKey, pinBcd("802417")))).sw(),
              pcsc::sw::kSecurityNotSatisfied);
    EXPECT_EQ(sim.cardValue("pin"), "123456");
    EXPECT_EQ(sim.cardValue("pin_tries_left"), "0");
    challenge = c.transmit(getChallenge());
    const auto reloadKey = sessionKeyFor(challenge.data, sscard::ResetOperation::Reload);
    EXPECT_EQ(c.transmit(fromRaw(sscard::buildUnblockPinCommand(reloadKey))).sw(),
              pcsc::sw::kSecurityNotSatisfied);
    EXPECT_EQ(sim.cardValue("pin_tries_left"), "0");
    // Each key with its own command works.
    challenge = c.transmit(getChallenge());
    EXPECT_EQ(c.transmit(fromRaw(sscard::buildUnblockPinCommand(
                             sessionKeyFor(challenge.data, sscard::ResetOperation::Unblock))))
                  .sw(),
              pcsc::sw::kOk);
    EXPECT_EQ(sim.cardValue("pin_tries_left"), "3");
}

TEST(CardSim, UnblockPinRestoresTheTriesAndKeepsThePin) {
    TempDir dir;
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, cardWithTestKey(dir, {{"pin_tries_left", "0"}}));
    Connection c(sim.reader());
    sscard::SocialSecurityCard card(c.session);
    EXPECT_EQ(card.verifyPin(*sscard::Pin::fromDigits("123456")).status,
              sscard::PinResult::Status::Blocked);
    const Bytes challenge = card.getChallenge();
    EXPECT_EQ(card.unblockPin(sessionKeyFor(challenge, sscard::ResetOperation::Unblock)).status,
              sscard::PinResult::Status::Ok);
    EXPECT_EQ(sim.cardValue("pin_tries_left"), "3");
    EXPECT_EQ(card.verifyPin(*sscard::Pin::fromDigits("123456")).status,
              sscard::PinResult::Status::Ok);
}

TEST(CardSim, T0CardStillYieldsWholeRecordsThroughGetResponse) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"), withArgs({"--t0"}));
    Connection c(sim.reader());
    EXPECT_EQ(c.card->protocol(), pcsc::Protocol::T0);
    EXPECT_EQ(c.card->atr(), sim::VirtualCard::defaultT0Atr());
    c.transmit(selectSsse());
    ASSERT_EQ(c.session.apduCount(), 1);
    for (const auto& r : profile::kRecords) {
        const int before = c.session.apduCount();
        const auto answer = c.transmit(readRecord(r));
        ASSERT_EQ(answer.sw(), pcsc::sw::kOk) << r.key;
        EXPECT_EQ(answer.data.size(), r.length + 2u) << r.key;
        EXPECT_EQ(c.session.apduCount() - before, 2) << "READ RECORD + GET RESPONSE for " << r.key;
    }
    const auto challenge = c.transmit(getChallenge());
    EXPECT_EQ(challenge.data.size(), 8u);
    EXPECT_EQ(c.session.apduCount(), 1 + 2 * static_cast<int>(profile::kRecords.size()) + 2);
}

TEST(CardSim, WrongLeIsCorrectedBy6C) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    const auto& ssn = profile::record(profile::Field::Ssn);
    {
        Connection c(sim.reader());
        c.transmit(selectSsse());
        // A wrong Le is always answered 6C<len+2>; the layer resends with it.
        const auto answer = c.transmit(readRecord(ssn, 5));
        EXPECT_EQ(answer.sw(), pcsc::sw::kOk);
        EXPECT_EQ(answer.data.size(), 20u);
        EXPECT_EQ(c.session.apduCount(), 3);
        // Le = 00 means "all of it" by default.
        EXPECT_EQ(c.transmit(readRecord(ssn, 256)).data.size(), 20u);
        EXPECT_EQ(c.session.apduCount(), 4);
    }
    EXPECT_EQ(sim.control("quirk wrong-le on"), "ok quirk wrong-le on");
    Connection c(sim.reader());
    c.transmit(selectSsse());
    const auto answer = c.transmit(readRecord(ssn, 256));
    EXPECT_EQ(answer.sw(), pcsc::sw::kOk);
    EXPECT_EQ(answer.data.size(), 20u);
    EXPECT_EQ(c.session.apduCount(), 3);
}

TEST(CardSim, LockedApplicationAnswers9303) {
    TempDir dir;
    writeCardFile(sampleCard("zhang-sanfeng"), dir / "card.card",
                  {{"application_state", "locked"}});
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, dir / "card.card");
    Connection c(sim.reader());
    EXPECT_EQ(c.transmit(selectSsse()).sw(), pcsc::sw::kApplicationLocked);
    EXPECT_EQ(c.transmit(readRecord(profile::kRecords[0])).sw(), pcsc::sw::kConditionsNotSatisfied);
    sscard::SocialSecurityCard card(c.session);
    EXPECT_THROW(card.selectApplication(), sscard::ApplicationLocked);
}

TEST(CardSim, BlockedCardAnswers6A81) {
    TempDir dir;
    writeCardFile(sampleCard("zhang-sanfeng"), dir / "card.card",
                  {{"application_state", "blocked"}});
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, dir / "card.card");
    Connection c(sim.reader());
    EXPECT_EQ(c.transmit(selectSsse()).sw(), pcsc::sw::kFunctionNotSupported);
    sscard::SocialSecurityCard card(c.session);
    EXPECT_THROW(card.selectApplication(), sscard::CardBlocked);
}

TEST(CardSim, ChipCardWithoutTheSsseApplicationAnswers6A82) {
    TempDir dir;
    writeCardFile(sampleCard("zhang-sanfeng"), dir / "card.card", {{"ssc", "no"}});
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, dir / "card.card");
    Connection c(sim.reader());
    EXPECT_EQ(c.transmit(selectSsse()).sw(), pcsc::sw::kFileNotFound);
    sscard::SocialSecurityCard card(c.session);
    EXPECT_THROW(card.selectApplication(), sscard::NotSocialSecurityCard);
}

TEST(CardSim, MuteCardIsSeenAsMuteAndConnectingIsUnresponsive) {
    PrivatePcscd pcscd;
    CardSimOptions mute = withArgs({"--mute"});
    mute.expectAtStart = CardPresence::Mute;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"), mute);
    pcsc::Context ctx;
    EXPECT_THROW(ctx.connect(sim.reader()), pcsc::CardUnresponsive);
    // Turned the right way round, it is an ordinary card again.
    sim.remove();
    EXPECT_EQ(sim.control("mute off"), "ok mute off");
    sim.insert();
    EXPECT_NO_THROW(ctx.connect(sim.reader()));
}

TEST(CardSim, SilentCardLooksLikeAnEmptyReaderUntilRemoved) {
    PrivatePcscd pcscd;
    CardSimOptions silent = withArgs({"--mute=silent"});
    silent.expectAtStart = std::nullopt;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"), silent);
    CardSim other(pcscd, 1, sampleCard("li-xiuying"));
    // vpcd waits for the ATR without a timeout: pcscd never gets to "present".
    EXPECT_FALSE(renshe::testing::waitForCardPresence(sim.reader(), CardPresence::Present, 2s));
    EXPECT_FALSE(renshe::testing::waitForCardPresence(sim.reader(), CardPresence::Mute, 100ms));
    pcsc::Context ctx;
    EXPECT_THROW(ctx.connect(sim.reader()), pcsc::NoCard);
    // The other reader of the same vpcd entry keeps working meanwhile.
    EXPECT_NO_THROW(ctx.connect(other.reader()));
    // Removing the card unblocks vpcd; the reader recovers.
    EXPECT_EQ(sim.control("remove"), "ok removed");
    EXPECT_EQ(sim.control("mute off"), "ok mute off");
    sim.insert();
    EXPECT_NO_THROW(ctx.connect(sim.reader()));
}

TEST(CardSim, PulledCardFailsTheTransmitAndTheUnansweredCommandIsNotApplied) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    {
        Connection c(sim.reader());
        EXPECT_EQ(sim.control("pull-after 2"), "ok pull-after 2");
        EXPECT_EQ(c.transmit(selectSsse()).sw(), pcsc::sw::kOk);
        EXPECT_EQ(c.transmit(verify("000000")).sw(), 0x63C2);
        try {
            c.transmit(changePin("123456", "802417"));
            ADD_FAILURE() << "the third APDU was answered";
        } catch (const pcsc::CardRemoved& e) {
            // vpcd hands pcscd an empty answer when the link closes mid-command; the PC/SC
            // layer maps that to CardRemoved.
            SUCCEED() << e.what();
        }
        // The next command sees the card gone.
        EXPECT_THROW(c.transmit(verify("123456")), pcsc::Error);
    }
    EXPECT_EQ(sim.cardValue("pin"), "123456");
    EXPECT_EQ(sim.cardValue("pin_tries_left"), "2");
    EXPECT_THAT(sim.control("status"), ::testing::HasSubstr("inserted=no"));
    ASSERT_TRUE(renshe::testing::waitForCardPresence(sim.reader(), CardPresence::Absent));
    // It stays out until told to go back in.
    EXPECT_FALSE(renshe::testing::waitForCardPresence(sim.reader(), CardPresence::Present, 1s));
    sim.insert();
    Connection c(sim.reader());
    c.transmit(selectSsse());
    EXPECT_EQ(c.transmit(verify("123456")).sw(), pcsc::sw::kOk);
}

TEST(CardSim, CardCommandSwapsTheCardInTheReader) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    sim.setCard(sampleCard("li-xiuying"));
    Connection c(sim.reader());
    sscard::SocialSecurityCard card(c.session);
    EXPECT_EQ(card.readCardData().name, "李秀英");
    EXPECT_NE(sim.cardFilePath().parent_path(), sampleCard("li-xiuying").parent_path());
}

TEST(CardSim, RefusesABadCardFileNamingFileLineAndKey) {
    TempDir dir;
    writeCardFile(sampleCard("zhang-sanfeng"), dir / "bad.card", {{"nation", "1"}});
    PrivatePcscd pcscd;
    try {
        CardSim sim(pcscd, 0, dir / "bad.card");
        FAIL() << "started with a bad card file";
    } catch (const std::runtime_error& e) {
        EXPECT_THAT(e.what(), ::testing::HasSubstr("card-0.card:"));
        EXPECT_THAT(e.what(), ::testing::HasSubstr(": nation: "));
    }
}

TEST(CardSim, LogHasInstructionsAndStatusWordsButNoPinNameOrIdNumber) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    {
        Connection c(sim.reader());
        sscard::SocialSecurityCard card(c.session);
        card.readCardData();
        card.verifyPin(*sscard::Pin::fromDigits("123456"));
        card.changePin(*sscard::Pin::fromDigits("123456"), *sscard::Pin::fromDigits("802417"));
    }
    // The simulator logs an APDU just after answering it: wait for the last one's line.
    renshe::testing::waitUntil([&] { return sim.logTail().find("ins=5E") != std::string::npos; },
                               5s);
    const std::string log = sim.logTail();
    EXPECT_THAT(log, ::testing::HasSubstr("ins=20 sw=9000"));
    EXPECT_THAT(log, ::testing::HasSubstr("ins=5E sw=9000"));
    for (const char* secret :
         {"123456", "802417", "张三丰", "370102194704090017", "A2B2FC7EF3202D80"}) {
        EXPECT_THAT(log, ::testing::Not(::testing::HasSubstr(secret))) << secret;
    }
}

TEST(CardSim, TwoHundredReadRecordsStayClearOfTheDelayedAckTrap) {
    PrivatePcscd pcscd;
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    Connection c(sim.reader());
    c.transmit(selectSsse());
    const auto& name = profile::record(profile::Field::Name);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 200; ++i) {
        ASSERT_EQ(c.transmit(readRecord(name)).sw(), pcsc::sw::kOk);
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const double perApduMs = std::chrono::duration<double, std::milli>(elapsed).count() / 200;
    RecordProperty("apdu_round_trip_ms", std::to_string(perApduMs));
    std::cout << "APDU round trip through pcscd + vpcd: " << perApduMs << " ms\n";
    // 40 ms per APDU would be 8 s; this is a regression guard, not a benchmark.
    EXPECT_LT(elapsed, 2s);
}
