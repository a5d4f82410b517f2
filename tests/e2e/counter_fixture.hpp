// The counter e2e tests' desk: a private pcscd with the counter's card reader (vpcd +
// renshe-cardsim holding 张三丰's card), the real back office on SQLite with 张三丰 registered (his
// card activated unless a test wants it new), and renshe-counter (offscreen) started with a
// staff key protected by a passphrase; helpers to type, sign in and take screenshots at the
// counter's two sizes into <build>/tests/e2e/screenshots/counter/.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include "services/pki/protected_key.hpp"
#include "tests/fixtures/cardsim.hpp"
#include "tests/fixtures/pcscd.hpp"
#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/service/backoffice_env.hpp"

namespace renshe::testing::counter {

using namespace std::chrono_literals;
using namespace renshe::v1;

inline constexpr const char* kPassphrase = "counter-pass-2026";

class CounterAtTheDesk : public ::testing::Test {
protected:
    renshe::testing::PrivatePcscd pcscd;
    renshe::testing::CardSim sim{pcscd, 0, renshe::testing::sampleCard("zhang-sanfeng"),
                                 renshe::testing::CardSimOptions{false, {}, std::nullopt}};
    BackofficeEnv env{renshe::testing::StoreKind::Sqlite};
    renshe::testing::SeededCard card;  // 张三丰, the sample card's holder
    renshe::testing::TempDir dir{"renshe-counter-e2e"};
    std::unique_ptr<KioskProcess> counter;

    bool activatedCard = true;  // false: the card stays ISSUED (协助启用)

    void SetUp() override {
        renshe::testing::seed(env.staff(), card);
        if (activatedCard) {
            ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
        }
        std::filesystem::create_directories("screenshots/counter");
    }

    // The staff member's key, protected by the passphrase, beside their certificate.
    std::vector<std::string> counterArgs(const std::string& staffId, const std::string& region) {
        const auto files = env.pki().staff(staffId, region);
        const auto key = dir / (staffId + ".protected.key");
        renshe::services::pki::writeFileAtomically(
            key,
            renshe::services::pki::protectPrivateKeyPem(
                renshe::services::pki::readFile(files.privateKey), kPassphrase),
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        return {"--backoffice", env.backoffice().staffTarget(),
                "--ca",         env.pki().caCertificate().string(),
                "--cert",       files.certificate.string(),
                "--key",        key.string(),
                "--state-dir",  (dir / ("state-" + staffId)).string()};
    }
    void start(const std::string& staffId = "S-0001",
               const std::string& region = BackofficeEnv::kRegion,
               const std::vector<std::string>& more = {}) {
        auto args = counterArgs(staffId, region);
        args.insert(args.end(), more.begin(), more.end());
        counter =
            std::make_unique<KioskProcess>(args, std::vector<std::pair<std::string, std::string>>{},
                                           std::vector<std::string>{}, RENSHE_COUNTER_BIN);
    }
    void type(const QString& field, const QString& value) {
        const auto answer = counter->call(
            {{"cmd", "set"}, {"object", field + "Input"}, {"name", "text"}, {"value", value}});
        ASSERT_TRUE(answer.value("ok").toBool()) << answer.value("error").toString().toStdString();
    }
    void key(const QString& sequence) {
        ASSERT_TRUE(counter->call({{"cmd", "key"}, {"key", sequence}}).value("ok").toBool());
    }
    void signIn(const QString& passphrase = QString::fromUtf8(kPassphrase)) {
        type("passphrase", passphrase);
        counter->click("signInButton");
    }
    void signedIn() {
        signIn();
        ASSERT_EQ(counter->waitForProperty("onlineBadge", "online", true, 10s), QJsonValue(true));
    }
    // The screen as it is now at the counter's two sizes.
    void shoot(const std::string& stem) {
        for (const auto& [w, h] : {std::pair{1366, 768}, std::pair{1920, 1080}}) {
            const auto before = counter->view({w, h, false});
            counter->screenshot("screenshots/counter/" + stem + "-" + std::to_string(w) + "x" +
                                std::to_string(h) + ".png");
            counter->view(before);
        }
    }
    CardStatus statusInRegistry() {
        GetPersonRequest r;
        r.mutable_person()->set_ssn(card.ssn);
        GetPersonResponse person;
        EXPECT_TRUE(
            renshe::testing::call(*env.staff().admin, &AdminService::Stub::GetPerson, r, &person)
                .ok());
        return person.cards_size() > 0 ? person.cards(0).status() : CARD_STATUS_UNSPECIFIED;
    }
};

}  // namespace renshe::testing::counter
