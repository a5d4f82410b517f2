#include <QtQml/qqmlextensionplugin.h>

#include <QFont>
#include <QGuiApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Renshe_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Renshe_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(Renshe_ScreensPlugin)

#include "drivers/sscard/sscard.hpp"
#include "kiosk/kiosk.hpp"

// What the screens cannot be brought to from QML alone: a card's data in the card session
// (the UI tests have no reader; the e2e tier inserts real cards).
class UiFixture : public QObject {
    Q_OBJECT
public:
    explicit UiFixture(QQmlEngine* engine) : m_engine(engine) {}
    Q_INVOKABLE void insertSampleCard() {
        renshe::drivers::sscard::CardData d;
        d.cardNumber = "A37010001";
        d.ssn = "370102194704090017";
        d.name = "张三丰";
        d.sex = '1';
        kiosk()->card()->cardInserted(d);
    }
    Q_INVOKABLE void removeCard() { kiosk()->card()->cardRemoved(); }
    // The card's state as a back office would answer it, every action offered: the flows'
    // screens become reachable (their card commands are not: no reader here).
    Q_INVOKABLE void offerEveryCardAction() {
        renshe::v1::CardInfo info;
        info.set_status(renshe::v1::CARD_STATUS_ACTIVE);
        for (auto a : {renshe::v1::CARD_ACTION_ACTIVATE, renshe::v1::CARD_ACTION_CHANGE_PIN,
                       renshe::v1::CARD_ACTION_UNREPORT_LOSS, renshe::v1::CARD_ACTION_RESET_PIN,
                       renshe::v1::CARD_ACTION_CERTIFY, renshe::v1::CARD_ACTION_QUERY})
            info.add_allowed_actions(a);
        kiosk()->card()->cardInfoArrived(info);
    }
    // A card the kiosk cannot serve (inserted the wrong way round).
    Q_INVOKABLE void muteCard() { kiosk()->card()->cardProblem(renshe::kiosk::CardProblem::Mute); }

private:
    renshe::kiosk::Kiosk* kiosk() {
        const int id = qmlTypeId("Renshe.Kiosk", 1, 0, "Kiosk");
        return m_engine->singletonInstance<renshe::kiosk::Kiosk*>(id);
    }
    QQmlEngine* m_engine;
};

class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable() {
        QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC")));
    }
    // The static QML modules live in the resource root (qrc:/Renshe/...), as in the app.
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("UiFixture"),
                                                  new UiFixture(engine));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(renshe_ui, Setup)

#include "ui_main.moc"
