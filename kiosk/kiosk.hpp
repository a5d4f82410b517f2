// The root view-model: what the whole touchscreen shares (service point, language, elderly
// mode, connectivity). QML reaches it as the `Kiosk` singleton of module Renshe.Kiosk.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QTranslator>
#include <memory>

#include "kiosk/applications/applications_flow.hpp"
#include "kiosk/applications/feedback.hpp"
#include "kiosk/card_session.hpp"
#include "kiosk/certification_session.hpp"
#include "kiosk/connectivity.hpp"
#include "kiosk/guides_model.hpp"
#include "kiosk/heartbeat.hpp"
#include "kiosk/idcard_watcher.hpp"
#include "kiosk/jobs_model.hpp"
#include "kiosk/loss_report.hpp"
#include "kiosk/outbox.hpp"
#include "kiosk/receipt.hpp"
#include "kiosk/statement_printer.hpp"
#include "kiosk/voice_guide.hpp"

class QQmlEngine;
class QJSEngine;

namespace renshe::kiosk {

class Kiosk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString servicePointName READ servicePointName CONSTANT)
    Q_PROPERTY(renshe::kiosk::Connectivity* connectivity READ connectivity CONSTANT)
    Q_PROPERTY(renshe::kiosk::CardSession* card READ card CONSTANT)
    Q_PROPERTY(renshe::kiosk::JobsModel* jobs READ jobs CONSTANT)
    Q_PROPERTY(renshe::kiosk::GuidesModel* guides READ guides CONSTANT)
    Q_PROPERTY(renshe::kiosk::LossReport* lossReport READ lossReport CONSTANT)
    Q_PROPERTY(renshe::kiosk::Outbox* outbox READ outbox CONSTANT)
    Q_PROPERTY(renshe::kiosk::ReceiptPrinter* receipts READ receipts CONSTANT)
    Q_PROPERTY(renshe::kiosk::CertificationSession* certification READ certification CONSTANT)
    Q_PROPERTY(renshe::kiosk::VoiceGuide* voice READ voice CONSTANT)
    Q_PROPERTY(renshe::kiosk::ApplicationsFlow* applications READ applications CONSTANT)
    Q_PROPERTY(renshe::kiosk::Feedback* feedback READ feedback CONSTANT)
    // The resident ID card reader answers: screens that ask for an ID number ask for the card.
    Q_PROPERTY(bool idCardReaderReady READ idCardReaderReady NOTIFY idCardReaderChanged)
    Q_PROPERTY(bool elderlyMode READ elderlyMode WRITE setElderlyMode NOTIFY elderlyModeChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    // -1 normally; the seconds left while the "are you still there?" warning is up.
    Q_PROPERTY(int idleSecondsLeft READ idleSecondsLeft NOTIFY idleChanged)
    // The one screen on show; QML only draws it.
    Q_PROPERTY(Screen screen READ screen NOTIFY screenChanged)

public:
    // What the touchscreen shows. A card in the reader takes over from the page chosen on the
    // home screen; a certification in progress (with or without the card) takes over from both;
    // 我的社保 opened (by the card's PIN, or without a card by the finger) shows its records.
    enum class Screen {
        Home,
        Jobs,
        LossReport,
        Guides,
        Card,
        Certification,
        Records,
        Applications
    };
    Q_ENUM(Screen)

    struct Config {
        QString servicePointName;
        std::optional<services::client::Endpoint> backoffice;  // none: UI runs offline
        std::chrono::milliseconds healthInterval{5000};
        QString language = QStringLiteral("zh_CN");
        bool watchCardReaders = false;  // the touch terminal watches PC/SC; tests may not
        int idleSeconds = 90;  // session timeout; the warning shows for the last 20 s (or half)
        QString stateDir;      // the outbox lives here; empty = no outbox (offline UI tests)
        QString receiptDir;    // receipts as PDF here (tests, demo); empty = the printer
        QString printerName;   // CUPS queue; empty = the system default
        // The A4 printer's CUPS queue for statements; empty: receiptDir when set, else the
        // system default.
        QString statementPrinter;
        std::chrono::seconds heartbeatInterval{30};
        // Renew the certificate in the back office's files when fewer than this are left
        // (0: when a third of its lifetime is left).
        std::chrono::seconds certificateRenewBefore{0};
        bool voice = true;     // voice guidance on at start (the citizen may switch it off)
        QString idCardDevice;  // the ID card reader's serial port; empty = none
    };

    explicit Kiosk(Config config, QObject* parent = nullptr);
    ~Kiosk() override;

    // Hands `kiosk` to `engine`: the QML singleton of that engine is this object.
    static void attach(QQmlEngine& engine, Kiosk& kiosk);
    // Called by the QML engine. An engine without an attached Kiosk (Qt Quick Test of the
    // screens) gets an offline one it owns.
    static Kiosk* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    QString servicePointName() const { return m_config.servicePointName; }
    Connectivity* connectivity() const { return m_connectivity.get(); }
    CardSession* card() const { return m_card.get(); }
    JobsModel* jobs() const { return m_jobs.get(); }
    GuidesModel* guides() const { return m_guides.get(); }
    LossReport* lossReport() const { return m_lossReport.get(); }
    Outbox* outbox() const { return m_outbox.get(); }
    ReceiptPrinter* receipts() const { return m_receipts.get(); }
    StatementPrinter* statements() const { return m_statements.get(); }
    CertificationSession* certification() const { return m_certification.get(); }
    VoiceGuide* voice() const { return m_voice.get(); }
    ApplicationsFlow* applications() const { return m_applications.get(); }
    Feedback* feedback() const { return m_feedback.get(); }
    // 养老资格认证 for the card in the reader (from the card screen).
    Q_INVOKABLE void beginCertification();
    Screen screen() const;
    // A page of the home screen (Jobs, LossReport, Guides; Home goes back). Ignored while a
    // card or a certification holds the screen.
    Q_INVOKABLE void open(renshe::kiosk::Kiosk::Screen page);
    Q_INVOKABLE void goHome() { open(Screen::Home); }
    // One of the card's actions (CardSession::actions): 养老资格认证 has its own screen, the
    // others are flows of the card session.
    Q_INVOKABLE void act(const QString& action);
    bool elderlyMode() const { return m_elderlyMode; }
    void setElderlyMode(bool on);
    QString language() const { return m_language; }
    bool idCardReaderReady() const;

    // zh_CN (source language), en or ko. Unknown codes are ignored and return false.
    Q_INVOKABLE bool setLanguage(const QString& code);

    int idleSecondsLeft() const { return m_idleLeft; }
    // Any touch, key or "继续" restarts the idle clock (also called by the input filter).
    Q_INVOKABLE void touched();

Q_SIGNALS:
    void elderlyModeChanged();
    void languageChanged();
    void idleChanged();
    // Nobody touched the screen for the whole timeout: pages go home, personal data goes.
    void sessionTimedOut();
    void screenChanged();
    void idCardReaderChanged();

private:
    Config m_config;
    std::unique_ptr<Connectivity> m_connectivity;
    std::shared_ptr<services::client::ChannelKeeper> m_channel;  // shared by the view-models
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<ReceiptPrinter> m_receipts;
    std::unique_ptr<StatementPrinter> m_statements;
    renshe::v1::PrinterState m_reportedPrinter = renshe::v1::PRINTER_STATE_UNSPECIFIED;
    std::unique_ptr<CardSession> m_card;
    std::unique_ptr<JobsModel> m_jobs;
    std::unique_ptr<GuidesModel> m_guides;
    std::unique_ptr<LossReport> m_lossReport;
    std::unique_ptr<Heartbeat> m_heartbeat;
    std::unique_ptr<CertificationSession> m_certification;
    std::unique_ptr<VoiceGuide> m_voice;
    std::unique_ptr<ApplicationsFlow> m_applications;
    std::unique_ptr<Feedback> m_feedback;
    bool m_elderlyMode = false;
    QString m_language = QStringLiteral("zh_CN");
    std::unique_ptr<QTranslator> m_translator;
    QPointer<QQmlEngine> m_engine;
    void tick();
    void openRecordsByFinger();
    bool eventFilter(QObject* watched, QEvent* event) override;
    int m_idleElapsed = 0;
    void updateScreen();
    Screen m_page = Screen::Home;    // chosen on the home screen
    Screen m_screen = Screen::Home;  // on show (see screen())
    bool m_cardIn = false;
    // 好差评 of what was done with the card in: offered once the card is out (the citizen may
    // go on with the card meanwhile); unspecified = nothing to rate.
    renshe::v1::RatedService m_rateWhenCardLeaves = renshe::v1::RATED_SERVICE_UNSPECIFIED;
    // A flow of `service` was finished: rated now, or when the card leaves if one is in.
    void rate(renshe::v1::RatedService service);
    // What the last change showed, to rate a certification done and records closed.
    CertificationSession::Stage m_certStage = CertificationSession::Stage::Idle;
    bool m_certForRecords = false;
    bool m_recordsShown = false;
    void rateFinishedFlows();
    int m_idleLeft = -1;
    QTimer* m_idleTimer = nullptr;

    // The ID card reader (kiosk_idcard.cpp): read cards go to the screen asking for an ID number.
    void startIdCardReader();
    void idCardRead(drivers::idcard::IdCard& card);
    void idCardProblem(drivers::idcard::Problem p);
    void idCardPresenceChanged();
    void checkIdCardWanted();
    void reportIdCardReader(renshe::v1::DeviceStatus& d) const;
    std::unique_ptr<IdCardWatcher> m_idCard;
    bool m_idCardPageOpen = false;
};

}  // namespace renshe::kiosk
