// Which screen the touchscreen shows (Kiosk::screen): decided in C++, drawn by Main.qml. A card
// takes over from a chosen page and sends it home; a certification takes over from both.
#include <gtest/gtest.h>

#include <QSignalSpy>

#include "kiosk/card_session.hpp"
#include "kiosk/certification_session.hpp"
#include "kiosk/kiosk.hpp"
#include "tests/ui/sample_card.hpp"

namespace {

using renshe::kiosk::CardSession;
using renshe::kiosk::Kiosk;
using Screen = renshe::kiosk::Kiosk::Screen;

Kiosk::Config offline() {
    Kiosk::Config config;
    config.voice = false;
    return config;
}

using renshe::testing::sampleCardData;

TEST(Navigation, StartsAtHomeAndOpensThePagesOfTheHomeScreen) {
    Kiosk kiosk(offline());
    QSignalSpy changed(&kiosk, &Kiosk::screenChanged);
    EXPECT_EQ(kiosk.screen(), Screen::Home);
    kiosk.open(Screen::Jobs);
    EXPECT_EQ(kiosk.screen(), Screen::Jobs);
    kiosk.open(Screen::Guides);
    EXPECT_EQ(kiosk.screen(), Screen::Guides);
    kiosk.goHome();
    EXPECT_EQ(kiosk.screen(), Screen::Home);
    EXPECT_EQ(changed.count(), 3);
}

TEST(Navigation, TheCardAndCertificationScreensCannotBeOpenedByHand) {
    Kiosk kiosk(offline());
    kiosk.open(Screen::Card);
    EXPECT_EQ(kiosk.screen(), Screen::Home);
    kiosk.open(Screen::Certification);
    EXPECT_EQ(kiosk.screen(), Screen::Home);
}

TEST(Navigation, ACardTakesOverAndSendsTheChosenPageHome) {
    Kiosk kiosk(offline());
    kiosk.open(Screen::LossReport);
    kiosk.card()->cardInserted(sampleCardData());
    EXPECT_EQ(kiosk.screen(), Screen::Card);
    kiosk.open(Screen::Jobs);  // ignored while the card holds the screen
    EXPECT_EQ(kiosk.screen(), Screen::Card);
    kiosk.card()->cardRemoved();
    EXPECT_EQ(kiosk.screen(), Screen::Home);
}

TEST(Navigation, CertificationWithoutACardTakesOverUntilItEnds) {
    Kiosk kiosk(offline());
    kiosk.certification()->startWithoutCard();
    EXPECT_EQ(kiosk.screen(), Screen::Certification);
    kiosk.certification()->reset();
    EXPECT_EQ(kiosk.screen(), Screen::Home);
}

TEST(Navigation, TheCardsCertifyActionOpensCertificationAndTheOthersAreCardFlows) {
    Kiosk kiosk(offline());
    kiosk.card()->cardInserted(sampleCardData());
    ASSERT_EQ(kiosk.card()->stage(), CardSession::Stage::Ready);  // offline: card data only
    kiosk.act(QStringLiteral("certify"));  // not offered offline: nothing happens
    EXPECT_EQ(kiosk.screen(), Screen::Card);
    EXPECT_EQ(kiosk.card()->stage(), CardSession::Stage::Ready);
    // Taking the card out during a certification ends it with the card.
    kiosk.certification()->begin("370102194704090017");
    EXPECT_EQ(kiosk.screen(), Screen::Certification);
    kiosk.card()->cardRemoved();
    EXPECT_EQ(kiosk.screen(), Screen::Home);
}

// 我的社保 without a card: the finger's step takes the screen; a card put in ends it (the card's
// PIN is the way then); records opened by the finger show until 返回, and a card put in later
// is someone else's: they go before its screen shows.
TEST(Navigation, MyRecordsByFingerGiveWayToACardAndTheirRecordsGoWithIt) {
    Kiosk kiosk(offline());
    kiosk.certification()->startRecordsWithoutCard();
    EXPECT_TRUE(kiosk.certification()->forRecords());
    EXPECT_EQ(kiosk.screen(), Screen::Certification);
    kiosk.card()->cardInserted(sampleCardData());
    EXPECT_EQ(kiosk.certification()->stage(), renshe::kiosk::CertificationSession::Stage::Idle);
    EXPECT_FALSE(kiosk.certification()->forRecords());
    EXPECT_EQ(kiosk.screen(), Screen::Card);
    kiosk.card()->cardRemoved();

    renshe::kiosk::card::RecordsData data;
    data.year = 2026;
    data.subject = renshe::kiosk::card::fingerHolder("370102194704090017", std::string(32, 'a'));
    data.summary.mutable_holder()->set_masked_name("张*丰");
    kiosk.card()->records()->show(data, nullptr);
    EXPECT_EQ(kiosk.screen(), Screen::Records);
    kiosk.card()->cardInserted(sampleCardData());
    EXPECT_FALSE(kiosk.card()->records()->shown());
    EXPECT_EQ(kiosk.screen(), Screen::Card);
    EXPECT_TRUE(kiosk.card()->records()->holder().isEmpty());
    kiosk.card()->cardRemoved();
    kiosk.card()->records()->show(data, nullptr);
    kiosk.card()->records()->close();  // 返回
    EXPECT_EQ(kiosk.screen(), Screen::Home);
}

// Records opened by the finger are a session: nobody touching the screen, they go.
TEST(Navigation, MyRecordsWithoutACardTimeOut) {
    Kiosk::Config config = offline();
    config.idleSeconds = 2;
    Kiosk kiosk(config);
    renshe::kiosk::card::RecordsData data;
    data.year = 2026;
    data.subject = renshe::kiosk::card::fingerHolder("370102194704090017", std::string(32, 'a'));
    kiosk.card()->records()->show(data, nullptr);
    ASSERT_EQ(kiosk.screen(), Screen::Records);
    QSignalSpy timedOut(&kiosk, &Kiosk::sessionTimedOut);
    ASSERT_TRUE(timedOut.wait(10000));
    EXPECT_FALSE(kiosk.card()->records()->shown());
    EXPECT_EQ(kiosk.screen(), Screen::Home);
}

// A certification that started from the card is not ended by the card staying in.
TEST(Navigation, TheCardsOwnCertificationStaysWhileTheCardIsIn) {
    Kiosk kiosk(offline());
    kiosk.card()->cardInserted(sampleCardData());
    kiosk.certification()->begin("370102194704090017");
    EXPECT_FALSE(kiosk.certification()->forRecords());
    kiosk.card()->cardInserted(sampleCardData());  // the reader reports the card again
    EXPECT_EQ(kiosk.screen(), Screen::Certification);
}

TEST(CardActions, TitlesComeFromTheViewModel) {
    CardSession session(nullptr, false);
    EXPECT_EQ(session.actionTitle(QStringLiteral("activate")), QStringLiteral("启用社保卡"));
    EXPECT_EQ(session.actionTitle(QStringLiteral("certify")), QStringLiteral("养老资格认证"));
    EXPECT_EQ(session.actionTitle(QStringLiteral("query")), QStringLiteral("查询卡片记录"));
    EXPECT_TRUE(session.actionItems().isEmpty());  // no card, nothing offered
    EXPECT_FALSE(session.statusNormal());
}

}  // namespace
