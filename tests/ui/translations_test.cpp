// The view-models' own text (C++ tr()) in the screen's language: the .ts contexts must be the
// names tr() looks up at run time (the qualified class name), else English and Korean screens
// show the Chinese source. Loads the .qm files compiled into the kiosk library, as the kiosk does.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QTranslator>
#include <memory>

#include "kiosk/card_session.hpp"
#include "kiosk/messages.hpp"
#include "tests/ui/sample_card.hpp"

namespace {

using renshe::kiosk::CardSession;
using renshe::kiosk::CitizenMessages;
using renshe::services::client::CitizenMessage;

class Translations : public ::testing::Test {
protected:
    void use(const QString& language) {
        m_translator = std::make_unique<QTranslator>();
        ASSERT_TRUE(m_translator->load(QStringLiteral(":/i18n/renshe_") + language))
            << language.toStdString();
        ASSERT_TRUE(QCoreApplication::installTranslator(m_translator.get()));
    }
    void TearDown() override {
        if (m_translator)
            QCoreApplication::removeTranslator(m_translator.get());
    }

    std::unique_ptr<QTranslator> m_translator;
};

using renshe::testing::sampleCardData;

TEST_F(Translations, ChineseIsTheSourceLanguage) {
    EXPECT_EQ(CitizenMessages::text(CitizenMessage::NetworkDown),
              QStringLiteral("网络暂时不通，请稍后再试，或到窗口办理"));
}

TEST_F(Translations, CitizenMessagesAreTranslated) {
    use(QStringLiteral("en"));
    EXPECT_EQ(CitizenMessages::text(CitizenMessage::NetworkDown),
              QStringLiteral("The network is down. Please try again later or go to the counter"));
}

TEST_F(Translations, AViewModelsMessagesAreTranslated) {
    use(QStringLiteral("en"));
    CardSession session(nullptr, false);
    session.cardInserted(sampleCardData());  // no back office: the offline message
    EXPECT_EQ(session.message(),
              QStringLiteral("Offline: only the card's own information can be shown now"));
}

TEST_F(Translations, KoreanToo) {
    use(QStringLiteral("ko"));
    CardSession session(nullptr, false);
    session.cardInserted(sampleCardData());
    EXPECT_EQ(session.message(),
              QStringLiteral("네트워크 연결 없음: 지금은 카드 정보만 볼 수 있습니다"));
}

}  // namespace
