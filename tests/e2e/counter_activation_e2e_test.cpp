// 协助启用 at the counter, end to end: 张三丰's new card (ISSUED) in the counter's PC/SC reader
// (pcscd + vpcd + renshe-cardsim), renshe-counter signed in against the real back office. The
// clerk starts the activation on the person page; the citizen sets the PIN, its confirmation and
// the service password on the PIN pad window turned towards them (weak choices refused with the
// reason); the card's PIN changes, the registry says ACTIVE with the clerk as the actor, the
// service password works for a loss report at a terminal, and the digits appear nowhere on the
// clerk's side (their screen, the counter's log). A back office gone while the citizen types
// leaves the card as it was; one gone between the card's change and its report is told later.
#include <gtest/gtest.h>

#include "tests/e2e/counter_fixture.hpp"

namespace {

using namespace renshe::testing::counter;
using renshe::testing::text;

class CounterActivation : public CounterAtTheDesk {
protected:
    CounterActivation() { activatedCard = false; }

    void enter(const std::string& digits) {
        for (char d : digits)
            counter->click(QStringLiteral("pinKey%1").arg(d));
        counter->click("pinConfirm");
    }
    QJsonValue citizenSees(const char* object, const char* expected) {
        return counter->waitForProperty(object, "text", text(expected), 10s);
    }
    // The clerk's page for the card in the reader, then 协助启用 on it.
    void startActivation(const std::vector<std::string>& more = {}) {
        start("S-0001", renshe::testing::BackofficeEnv::kRegion, more);
        signedIn();
        counter->click("readCardButton");
        ASSERT_EQ(counter->waitForProperty(QString::fromStdString("cardStatus_" + card.cardNumber),
                                           "status", CARD_STATUS_ISSUED, 15s),
                  QJsonValue(CARD_STATUS_ISSUED));
        counter->click("operation_activate");
        ASSERT_EQ(counter->waitForProperty("citizenPinWindow", "visible", true, 15s),
                  QJsonValue(true));
    }
    void expectCitizenWindowFits(const std::string& where) {
        for (const auto& problem : counter->layoutProblems("citizenPinWindow"))
            ADD_FAILURE() << where << ": " << problem;
    }
};

TEST_F(CounterActivation, TheCitizenSetsTheirPinOnTheCountersPadAndTheClerkNeverSeesIt) {
    sim.insert();
    start();
    signedIn();
    counter->click("readCardButton");
    ASSERT_EQ(counter->waitForProperty(QString::fromStdString("cardStatus_" + card.cardNumber),
                                       "status", CARD_STATUS_ISSUED, 15s),
              QJsonValue(CARD_STATUS_ISSUED));
    // The card taken out before 协助启用: the clerk is told, the citizen's window stays away.
    sim.remove();
    counter->click("operation_activate");
    EXPECT_EQ(counter->waitForProperty("activationMessage", "text",
                                       text("读卡器中没有卡，请插入社保卡"), 10s),
              text("读卡器中没有卡，请插入社保卡"));
    EXPECT_EQ(counter->property("citizenPinWindow", "visible"), QJsonValue(false));
    counter->click("finishActivation");
    sim.insert();
    counter->click("operation_activate");
    ASSERT_EQ(counter->waitForProperty("citizenPinWindow", "visible", true, 15s), QJsonValue(true));
    EXPECT_EQ(citizenSees("citizenPrompt", "请设置6位新密码"), text("请设置6位新密码"));
    EXPECT_EQ(citizenSees("citizenCard", "张*丰 的社保卡（卡号 A37010001）"),
              text("张*丰 的社保卡（卡号 A37010001）"));
    EXPECT_EQ(counter->property("activationStep", "text"),
              text("请市民在密码键盘上设置6位新密码（您看不到密码）"));
    // Both windows fit in every language (the citizen's, and the clerk's with its popup); the
    // citizen's 不办了 leaves the card as it was.
    for (const char* lang : {"en", "ko", "zh_CN"}) {
        counter->click("citizenCancel");
        EXPECT_EQ(counter->waitForProperty("citizenPinWindow", "visible", false, 5s),
                  QJsonValue(false));
        if (std::string(lang) == "en") {  // still in Chinese
            EXPECT_EQ(counter->property("activationMessage", "text"),
                      text("已取消启用，卡片没有改变"));
        }
        counter->click("finishActivation");
        counter->click(QStringLiteral("language_%1").arg(lang));
        counter->click("operation_activate");
        ASSERT_EQ(counter->waitForProperty("citizenPinWindow", "visible", true, 10s),
                  QJsonValue(true));
        expectCitizenWindowFits(std::string("the new PIN, ") + lang);
        renshe::testing::expectLayoutFits(*counter, std::string("the clerk's side, ") + lang);
    }
    EXPECT_EQ(citizenSees("citizenPrompt", "请设置6位新密码"), text("请设置6位新密码"));
    shoot("activation-clerk");
    counter->screenshot("screenshots/counter/activation-citizen-1024x768.png", "citizenPinWindow");

    enter("111111");
    EXPECT_EQ(citizenSees("citizenMessage", "密码不能是相同的数字，请重新设置"),
              text("密码不能是相同的数字，请重新设置"));
    expectCitizenWindowFits("a weak PIN refused");
    enter("135790");
    EXPECT_EQ(citizenSees("citizenPrompt", "请再次输入新密码"), text("请再次输入新密码"));
    EXPECT_EQ(counter->property("activationStep", "text"), text("请市民再次输入新密码"));
    enter("135790");
    EXPECT_EQ(citizenSees("citizenPrompt", "请设置6位服务密码（挂失时使用，不能与卡密码相同）"),
              text("请设置6位服务密码（挂失时使用，不能与卡密码相同）"));
    enter("135790");  // the service password may not be the PIN
    EXPECT_EQ(citizenSees("citizenMessage", "服务密码不能与卡密码相同，请重新设置"),
              text("服务密码不能与卡密码相同，请重新设置"));
    counter->screenshot("screenshots/counter/activation-citizen-refused-1024x768.png",
                        "citizenPinWindow");
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("123456"));  // nothing sent yet
    enter("285714");

    EXPECT_EQ(counter->waitForProperty("activationMessage", "text",
                                       text("社保卡已启用，服务密码已设置"), 20s),
              text("社保卡已启用，服务密码已设置"));
    EXPECT_EQ(citizenSees("citizenPrompt", "社保卡已启用，请牢记您的新密码"),
              text("社保卡已启用，请牢记您的新密码"));
    counter->screenshot("screenshots/counter/activation-citizen-done-1024x768.png",
                        "citizenPinWindow");
    shoot("activation-done");
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("135790"));
    EXPECT_EQ(statusInRegistry(), CARD_STATUS_ACTIVE);
    // The page shows the new state and the history names the clerk.
    EXPECT_EQ(counter->waitForProperty(QString::fromStdString("cardStatus_" + card.cardNumber),
                                       "status", CARD_STATUS_ACTIVE, 10s),
              QJsonValue(CARD_STATUS_ACTIVE));
    GetPersonRequest who;
    who.mutable_person()->set_ssn(card.ssn);
    GetPersonResponse person;
    ASSERT_TRUE(
        renshe::testing::call(*env.staff().admin, &AdminService::Stub::GetPerson, who, &person)
            .ok());
    bool byTheClerk = false;
    for (const auto& h : person.history())
        byTheClerk |= h.to_status() == CARD_STATUS_ACTIVE && h.actor() == "S-0001";
    EXPECT_TRUE(byTheClerk);

    counter->click("finishActivation");
    EXPECT_EQ(counter->waitForProperty("citizenPinWindow", "visible", false, 5s),
              QJsonValue(false));
    // The service password the citizen chose is the one the registry holds.
    ReportTemporaryLossResponse lost;
    EXPECT_TRUE(renshe::testing::call(*env.touch().card, &CardService::Stub::ReportTemporaryLoss,
                                      renshe::testing::lossReport(card, card.name, "285714"), &lost)
                    .ok());
    // Neither digit string reached the counter's log.
    const std::string log = counter->logText();
    EXPECT_EQ(log.find("135790"), std::string::npos);
    EXPECT_EQ(log.find("285714"), std::string::npos);
}

TEST_F(CounterActivation, ABackOfficeGoneWhileTheCitizenTypesLeavesTheCardAsItWas) {
    sim.insert();
    startActivation();
    enter("135790");
    enter("135790");
    EXPECT_EQ(citizenSees("citizenPrompt", "请设置6位服务密码（挂失时使用，不能与卡密码相同）"),
              text("请设置6位服务密码（挂失时使用，不能与卡密码相同）"));
    env.backoffice().kill9();
    EXPECT_EQ(counter->waitForProperty("onlineBadge", "online", false, 10s), QJsonValue(false));
    enter("285714");
    EXPECT_EQ(
        counter->waitForProperty("activationMessage", "text",
                                 text("与后台的连接已中断，操作未执行。请在连接恢复后重试。"), 10s),
        text("与后台的连接已中断，操作未执行。请在连接恢复后重试。"));
    EXPECT_EQ(citizenSees("citizenMessage", "暂时无法办理，请联系工作人员"),
              text("暂时无法办理，请联系工作人员"));
    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("123456"));
    env.backoffice().restart();
    EXPECT_EQ(statusInRegistry(), CARD_STATUS_ISSUED);
    // Tried again once the back office is back: the citizen starts over and it goes through.
    EXPECT_EQ(counter->waitForProperty("onlineBadge", "online", true, 20s), QJsonValue(true));
    counter->click("finishActivation");
    counter->click("operation_activate");
    ASSERT_EQ(counter->waitForProperty("citizenPinWindow", "visible", true, 15s), QJsonValue(true));
    enter("135790");
    enter("135790");
    enter("285714");
    EXPECT_EQ(counter->waitForProperty("activationMessage", "text",
                                       text("社保卡已启用，服务密码已设置"), 20s),
              text("社保卡已启用，服务密码已设置"));
    EXPECT_EQ(statusInRegistry(), CARD_STATUS_ACTIVE);
}

// The back office gone in the instant between the card's PIN change and its report: the card
// has changed, so the report (the service password sealed) is held and sent by itself once the
// back office is back; the registry then says ACTIVE and the password works.
TEST_F(CounterActivation, AReportTheBackOfficeMissedIsSentWhenItIsBack) {
    sim.insert();
    startActivation();
    enter("135790");
    enter("135790");
    ASSERT_EQ(citizenSees("citizenPrompt", "请设置6位服务密码（挂失时使用，不能与卡密码相同）"),
              text("请设置6位服务密码（挂失时使用，不能与卡密码相同）"));
    // Each card answer now takes half a second: time to stop the back office once the card
    // has taken the new PIN and before the counter reports it.
    ASSERT_EQ(sim.control("delay 500").rfind("ok", 0), 0U);
    enter("285714");
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] { return sim.cardValue("pin") == std::optional<std::string>("135790"); }, 30s));
    env.backoffice().kill9();
    EXPECT_EQ(
        counter->waitForProperty(
            "activationMessage", "text",
            text("卡片密码已设置，但后台还没有记录启用：连接恢复后自动补报，请不要关闭本程序"),
            20s),
        text("卡片密码已设置，但后台还没有记录启用：连接恢复后自动补报，请不要关闭本程序"));
    EXPECT_EQ(citizenSees("citizenPrompt", "社保卡已启用，请牢记您的新密码"),
              text("社保卡已启用，请牢记您的新密码"));
    ASSERT_EQ(sim.control("delay 0").rfind("ok", 0), 0U);
    counter->click("finishActivation");
    EXPECT_EQ(counter->waitForProperty("activationPending", "visible", true, 5s), QJsonValue(true));
    shoot("activation-pending");
    env.backoffice().restart();
    EXPECT_EQ(counter->waitForProperty("activationPending", "visible", false, 30s),
              QJsonValue(false));
    EXPECT_EQ(statusInRegistry(), CARD_STATUS_ACTIVE);
    ReportTemporaryLossResponse lost;
    EXPECT_TRUE(renshe::testing::call(*env.touch().card, &CardService::Stub::ReportTemporaryLoss,
                                      renshe::testing::lossReport(card, card.name, "285714"), &lost)
                    .ok());
}

// Nobody at the PIN pad: the activation is cancelled after the configured seconds
// (--pin-pad-idle-seconds), the card unchanged.
TEST_F(CounterActivation, AnUnattendedPinPadIsCancelledWithTheCardUnchanged) {
    sim.insert();
    startActivation({"--pin-pad-idle-seconds", "2"});
    counter->click("pinKey1");  // a key restarts the wait; then nothing
    counter->click("pinKey3");
    EXPECT_EQ(counter->waitForProperty("activationMessage", "text",
                                       text("市民长时间未输入，已取消启用，卡片没有改变"), 10s),
              text("市民长时间未输入，已取消启用，卡片没有改变"));
    EXPECT_EQ(citizenSees("citizenMessage", "操作超时，请重新办理"), text("操作超时，请重新办理"));
    EXPECT_EQ(counter->property("citizenPinPad", "visible"), QJsonValue(false));
    counter->click("finishActivation");
    EXPECT_EQ(counter->waitForProperty("citizenPinWindow", "visible", false, 5s),
              QJsonValue(false));

    EXPECT_EQ(sim.cardValue("pin"), std::optional<std::string>("123456"));
    EXPECT_EQ(statusInRegistry(), CARD_STATUS_ISSUED);
}

}  // namespace
