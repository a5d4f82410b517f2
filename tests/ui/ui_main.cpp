#include <QtQml/qqmlextensionplugin.h>

#include <QDate>
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
    // 好差评 as it is offered after a completed flow.
    Q_INVOKABLE void offerRating() {
        kiosk()->feedback()->offerRating(renshe::v1::RATED_SERVICE_CARD);
    }
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
    // 我的社保 as a back office would answer it: two years' insurance of every type, three
    // months owed, a pension paid each month (the records screen without a reader).
    Q_INVOKABLE void showSampleRecords() {
        renshe::kiosk::card::RecordsData d;
        d.year = QDate::currentDate().year();
        d.summary.mutable_holder()->set_masked_name("张*丰");
        d.summary.mutable_holder()->set_masked_ssn("370***********0017");
        for (int t = renshe::v1::INSURANCE_TYPE_EMPLOYEE_PENSION;
             t <= renshe::v1::INSURANCE_TYPE_RESIDENT_MEDICAL; ++t) {
            auto* s = d.summary.add_insurances();
            s->set_type(static_cast<renshe::v1::InsuranceType>(t));
            s->set_status(static_cast<renshe::v1::ParticipationStatus>(1 + t % 3));
            s->set_first_month("1998-12");
            s->set_paid_months(280 + t);
            s->set_latest_paid_month("2007-04");
            s->set_owed_months(t % 2);
            for (int m = 1; m <= 12; ++m) {
                auto* c = &d.contributions.emplace_back();
                c->set_month(QStringLiteral("%1-%2")
                                 .arg(d.year)
                                 .arg(m, 2, 10, QLatin1Char('0'))
                                 .toStdString());
                c->set_type(s->type());
                c->set_paid(m < 10);
                c->mutable_personal()->set_fen(32000 + m * 100);
            }
        }
        for (int m = 1; m <= 12; ++m) {
            auto* p = &d.payments.emplace_back();
            p->set_month(
                QStringLiteral("%1-%2").arg(d.year).arg(m, 2, 10, QLatin1Char('0')).toStdString());
            p->set_kind(renshe::v1::BENEFIT_KIND_EMPLOYEE_PENSION);
            p->mutable_amount()->set_fen(312040);
            p->set_bank_account_masked("****0123");
            p->mutable_paid_on()->set_day(15);
        }
        kiosk()->card()->records()->show(d, nullptr);
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
