// The social security card application (drivers/sscard) over the real private pcscd + vpcd,
// against renshe-cardsim: reading, PIN handling, PIN reset, every kind of bad card, and the
// card pulled at every APDU of an operation.
#include "drivers/sscard/sscard.hpp"

#include <gtest/gtest.h>

#include "drivers/pcsc/pcsc.hpp"
#include "tests/fixtures/cardsim.hpp"
#include "tests/fixtures/pcscd.hpp"

namespace pcsc = renshe::drivers::pcsc;
namespace sscard = renshe::drivers::sscard;
using namespace std::chrono_literals;
using renshe::testing::CardPresence;
using renshe::testing::CardSim;
using renshe::testing::CardSimOptions;
using renshe::testing::PrivatePcscd;
using renshe::testing::sampleCard;
using renshe::testing::TempDir;
using renshe::testing::writeCardFile;
using Status = sscard::PinResult::Status;

namespace {

sscard::Pin pin(const char* digits) {
    return *sscard::Pin::fromDigits(digits);
}

// The demo master key of drivers/sim/cards ("RENSHE-DEMO-MK01"): the sample cards' card_key
// is deriveCardKey(this, card_id).
const sscard::Key kDemoMaster = {0x52, 0x45, 0x4E, 0x53, 0x48, 0x45, 0x2D, 0x44,
                                 0x45, 0x4D, 0x4F, 0x2D, 0x4D, 0x4B, 0x30, 0x31};

// Number of READ RECORDs the profile marks for insertion, plus the SELECT.
int apdusPerRead() {
    int n = 1;
    for (const auto& r : sscard::profile::kRecords)
        n += r.readAtInsert ? 1 : 0;
    return n;
}

class SsCard : public ::testing::Test {
protected:
    PrivatePcscd pcscd;
    pcsc::Context ctx;

    sscard::CardData read(int* apdus = nullptr) {
        const auto card = ctx.connect(pcscd.readerName(0));
        auto session = card->beginSession();
        sscard::SocialSecurityCard app(session);
        auto data = app.readCardData();
        if (apdus)
            *apdus = session.apduCount();
        return data;
    }
    sscard::PinResult verify(const char* digits) {
        const auto card = ctx.connect(pcscd.readerName(0));
        auto session = card->beginSession();
        return sscard::SocialSecurityCard(session).verifyPin(pin(digits));
    }
};

}  // namespace

TEST_F(SsCard, ReadsTheHolderExactlyAsTheCardFileSays) {
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    int apdus = 0;
    const auto d = read(&apdus);
    EXPECT_EQ(pcsc::toHex(d.cardIdentifier), *sim.cardValue("card_id"));
    EXPECT_EQ(d.name, "张三丰");
    EXPECT_EQ(d.ssn, *sim.cardValue("ssn"));
    EXPECT_EQ(d.cardNumber, *sim.cardValue("card_number"));
    EXPECT_EQ(d.specVersion, "3.00");
    EXPECT_EQ(d.issueDate.compact(), *sim.cardValue("issue_date"));
    EXPECT_EQ(d.expiryDate.compact(), *sim.cardValue("expiry_date"));
    EXPECT_EQ(d.birthDate.compact(), *sim.cardValue("birth_date"));
    EXPECT_EQ(std::string(1, d.sex), *sim.cardValue("sex"));
    EXPECT_EQ(d.nation, std::stoi(*sim.cardValue("nation")));
    // SELECT + one READ RECORD per field the kiosk uses: nothing more.
    EXPECT_EQ(apdus, apdusPerRead());
}

TEST_F(SsCard, T0StyleCardsAndWrongLeCardsReadTheSame) {
    CardSim plain(pcscd, 0, sampleCard("li-xiuying"));
    const auto expected = read();
    plain.control("quirk t0 on");
    int apdus = 0;
    auto t0 = read(&apdus);
    EXPECT_EQ(t0.name, expected.name);
    EXPECT_EQ(t0.cardIdentifier, expected.cardIdentifier);
    EXPECT_GT(apdus, apdusPerRead());  // GET RESPONSE rounds
    plain.control("quirk t0 off");
    plain.control("quirk wrong-le on");
    EXPECT_EQ(read().ssn, expected.ssn);
}

TEST_F(SsCard, WrongPinCountsDownThenBlocks) {
    CardSim sim(pcscd, 0, sampleCard("li-xiuying"));
    auto r = verify("000001");
    EXPECT_EQ(r.status, Status::Wrong);
    EXPECT_EQ(r.triesLeft, 2);
    EXPECT_EQ(*sim.cardValue("pin_tries_left"), "2");
    r = verify("000001");
    EXPECT_EQ(r.triesLeft, 1);
    r = verify("000001");
    EXPECT_EQ(r.status, Status::Blocked);
    // Even the right PIN is refused now.
    EXPECT_EQ(verify(sim.cardValue("pin")->c_str()).status, Status::Blocked);
}

TEST_F(SsCard, ChangePinPersistsAcrossASimulatorRestart) {
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    {
        const auto card = ctx.connect(pcscd.readerName(0));
        auto session = card->beginSession();
        EXPECT_EQ(
            sscard::SocialSecurityCard(session).changePin(pin("123456"), pin("271828")).status,
            Status::Ok);
    }
    sim.restart();
    EXPECT_EQ(verify("271828").status, Status::Ok);
    EXPECT_EQ(verify("123456").status, Status::Wrong);
}

TEST_F(SsCard, PinReloadWithTheBackOfficeKeyUnblocksAndSetsTheNewPin) {
    TempDir dir;
    writeCardFile(sampleCard("li-xiuying"), dir / "blocked.card", {{"pin_tries_left", "0"}});
    CardSim sim(pcscd, 0, dir / "blocked.card");
    ASSERT_EQ(verify("480327").status, Status::Blocked);

    const auto card = ctx.connect(pcscd.readerName(0));
    auto session = card->beginSession();
    sscard::SocialSecurityCard app(session);
    const auto data = app.readCardData();
    const auto challenge = app.getChallenge();
    // What the back office (the HSM) computes; the kiosk only ever sees the session key.
    const auto sessionKey =
        sscard::deriveSessionKey(sscard::deriveCardKey(kDemoMaster, data.cardIdentifier), challenge,
                                 sscard::ResetOperation::Reload);
    EXPECT_EQ(app.reloadPin(sessionKey, pin("314159")).status, Status::Ok);
    EXPECT_EQ(app.verifyPin(pin("314159")).status, Status::Ok);
    // The session key opened one command only.
    EXPECT_EQ(app.reloadPin(sessionKey, pin("271828")).status, Status::Refused);
    EXPECT_EQ(app.verifyPin(pin("314159")).status, Status::Ok);
}

TEST_F(SsCard, PinResetWithAnotherCardsKeyIsRefusedAndChangesNothing) {
    CardSim sim(pcscd, 0, sampleCard("li-xiuying"));
    const auto card = ctx.connect(pcscd.readerName(0));
    auto session = card->beginSession();
    sscard::SocialSecurityCard app(session);
    const auto challenge = app.getChallenge();
    sscard::Key wrong = kDemoMaster;
    wrong[0] ^= 1;
    const auto badKey = sscard::deriveSessionKey(wrong, challenge, sscard::ResetOperation::Reload);
    EXPECT_EQ(app.reloadPin(badKey, pin("314159")).status, Status::Refused);
    EXPECT_EQ(app.verifyPin(pin("480327")).status, Status::Ok);
    EXPECT_EQ(*sim.cardValue("pin"), "480327");
}

TEST_F(SsCard, UnblockKeepsThePinAndRestoresTheTries) {
    TempDir dir;
    writeCardFile(sampleCard("li-xiuying"), dir / "blocked.card", {{"pin_tries_left", "0"}});
    CardSim sim(pcscd, 0, dir / "blocked.card");
    const auto card = ctx.connect(pcscd.readerName(0));
    auto session = card->beginSession();
    sscard::SocialSecurityCard app(session);
    const auto id = app.readCardData().cardIdentifier;
    const auto key = sscard::deriveSessionKey(sscard::deriveCardKey(kDemoMaster, id),
                                              app.getChallenge(), sscard::ResetOperation::Unblock);
    EXPECT_EQ(app.unblockPin(key).status, Status::Ok);
    EXPECT_EQ(*sim.cardValue("pin_tries_left"), *sim.cardValue("pin_tries_max"));
    EXPECT_EQ(app.verifyPin(pin("480327")).status, Status::Ok);
}

TEST_F(SsCard, EachKindOfBadCardHasItsOwnError) {
    TempDir dir;
    writeCardFile(sampleCard("li-xiuying"), dir / "other.card", {{"ssc", "no"}});
    writeCardFile(sampleCard("li-xiuying"), dir / "locked.card", {{"application_state", "locked"}});
    writeCardFile(sampleCard("li-xiuying"), dir / "blocked.card",
                  {{"application_state", "blocked"}});
    CardSim sim(pcscd, 0, dir / "other.card");
    EXPECT_THROW(read(), sscard::NotSocialSecurityCard);
    sim.setCard(dir / "locked.card");
    EXPECT_THROW(read(), sscard::ApplicationLocked);
    sim.setCard(dir / "blocked.card");
    EXPECT_THROW(read(), sscard::CardBlocked);
}

TEST_F(SsCard, ACardInsertedTheWrongWayRoundIsUnresponsive) {
    CardSimOptions mute;
    mute.extraArgs = {"--mute"};
    mute.expectAtStart = CardPresence::Mute;
    CardSim sim(pcscd, 0, sampleCard("li-xiuying"), mute);
    EXPECT_THROW(ctx.connect(pcscd.readerName(0)), pcsc::CardUnresponsive);
}

TEST_F(SsCard, EmptyReaderIsNoCard) {
    CardSimOptions removed;
    removed.inserted = false;
    removed.expectAtStart = std::nullopt;
    CardSim sim(pcscd, 0, sampleCard("li-xiuying"), removed);
    EXPECT_THROW(ctx.connect(pcscd.readerName(0)), pcsc::NoCard);
}

TEST_F(SsCard, CardPulledAtEveryApduOfAReadGivesATypedErrorAndChangesNothing) {
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    const std::string before =
        renshe::testing::cardFileValue(sim.cardFilePath(), "pin_tries_left").value();
    {
        SCOPED_TRACE("pulled between connect and the first APDU");
        const auto card = ctx.connect(pcscd.readerName(0));
        sim.remove();
        EXPECT_THROW(
            {
                auto session = card->beginSession();
                sscard::SocialSecurityCard(session).readCardData();
            },
            pcsc::Error);
        sim.insert();
    }
    for (int n = 1; n < apdusPerRead(); ++n) {
        SCOPED_TRACE("pulled before APDU " + std::to_string(n + 1));
        sim.control("pull-after " + std::to_string(n));
        EXPECT_THROW(read(), pcsc::Error);
        ASSERT_TRUE(renshe::testing::waitForCardPresence(sim.reader(), CardPresence::Absent));
        sim.insert();
    }
    EXPECT_EQ(*sim.cardValue("pin_tries_left"), before);
    EXPECT_EQ(read().name, "张三丰");
}

TEST_F(SsCard, CardPulledDuringChangePinEitherChangedNothingOrSaysItCannotKnow) {
    CardSim sim(pcscd, 0, sampleCard("zhang-sanfeng"));
    // APDU 1 is SELECT, APDU 2 is CHANGE PIN.
    for (int n = 0; n < 2; ++n) {
        SCOPED_TRACE("pulled before APDU " + std::to_string(n + 1));
        const auto card = ctx.connect(pcscd.readerName(0));
        if (n == 0) {
            sim.remove();  // pull-after counts from 1: the first APDU is pulled by hand
        } else {
            sim.control("pull-after " + std::to_string(n));
        }
        if (n == 0) {
            // Nothing was sent that could change the PIN: a plain transport error.
            EXPECT_THROW(
                {
                    auto session = card->beginSession();
                    sscard::SocialSecurityCard(session).changePin(pin("123456"), pin("271828"));
                },
                pcsc::Error);
        } else {
            auto session = card->beginSession();
            sscard::SocialSecurityCard app(session);
            // CHANGE PIN was on its way: the code must not claim either outcome.
            EXPECT_THROW(app.changePin(pin("123456"), pin("271828")),
                         sscard::PinChangeOutcomeUnknown);
        }
        ASSERT_TRUE(renshe::testing::waitForCardPresence(sim.reader(), CardPresence::Absent));
        sim.insert();
        // No half state: the card has exactly one of the two PINs, and VERIFY finds out which.
        EXPECT_EQ(*sim.cardValue("pin"), "123456");
        EXPECT_EQ(verify("123456").status, Status::Ok);
    }
}
