#include "kiosk/kiosk.hpp"

#include <QCoreApplication>
#include <QEvent>
#include <QQmlEngine>

#include "kiosk/messages.hpp"

namespace renshe::kiosk {

namespace {
constexpr const char* kEngineProperty = "_renshe_kiosk";
}

Kiosk::Kiosk(Config config, QObject* parent)
    : QObject(parent),
      m_config(std::move(config)),
      m_connectivity(std::make_unique<Connectivity>(m_config.backoffice, m_config.healthInterval)),
      m_channel(m_config.backoffice
                    ? std::make_shared<services::client::ChannelKeeper>(*m_config.backoffice)
                    : nullptr),
      m_outbox(
          m_channel && !m_config.stateDir.isEmpty()
              ? std::make_unique<Outbox>(
                    (m_config.stateDir + QStringLiteral("/outbox.db")).toStdString(), m_channel)
              : nullptr),
      m_receipts(std::make_unique<ReceiptPrinter>(m_config.servicePointName, m_config.receiptDir,
                                                  m_config.printerName)),
      m_statements(std::make_unique<StatementPrinter>(
          m_config.servicePointName,
          m_config.statementPrinter.isEmpty() ? m_config.receiptDir : QString(),
          m_config.statementPrinter,
          m_config.statementPrinter.isEmpty() ? QString() : m_config.printerName)),
      m_card(std::make_unique<CardSession>(m_channel, m_config.watchCardReaders, m_outbox.get(),
                                           m_receipts.get())),
      m_jobs(std::make_unique<JobsModel>(m_channel)),
      m_guides(std::make_unique<GuidesModel>(m_channel)),
      m_lossReport(std::make_unique<LossReport>(m_channel, m_receipts.get(), m_outbox.get(),
                                                m_config.stateDir)),
      m_voice(std::make_unique<VoiceGuide>(m_config.voice)),
      m_applications(
          std::make_unique<ApplicationsFlow>(m_channel, m_receipts.get(), m_outbox.get())),
      m_feedback(std::make_unique<Feedback>(m_channel, m_outbox.get())) {
    if (m_config.language != m_language) {
        setLanguage(m_config.language);
    }
    m_certification = std::make_unique<CertificationSession>(m_channel, m_receipts.get());
    m_card->records()->setPrinter(m_statements.get());
    // The back office reached: fetch (again) the key loss reports and activations seal the
    // service password to.
    m_card->setSealingKeySource([this] { return m_lossReport->sealingKey(); });
    m_applications->setSealingKeySource([this] { return m_lossReport->sealingKey(); });
    connect(m_connectivity.get(), &Connectivity::stateChanged, this, [this] {
        if (m_connectivity->state() == Connectivity::State::Online)
            m_lossReport->refreshSealingKey();
    });
    // A card taken out ends its certification too; a card put in ends 我的社保 by finger (its
    // PIN opens the records of the card's holder).
    connect(m_card.get(), &CardSession::changed, this, [this] {
        const bool cardIn = m_card->stage() != CardSession::Stage::NoCard;
        if (m_certification->stage() != CertificationSession::Stage::Idle &&
            (cardIn ? m_certification->forRecords() : true)) {
            m_certification->reset();
        }
        updateScreen();
    });
    connect(m_certification.get(), &CertificationSession::changed, this, &Kiosk::updateScreen);
    // 业务申请 with the card: its holder proved by the PIN, the applications take the screen.
    connect(m_card.get(), &CardSession::holderVerified, this,
            [this](const renshe::v1::InsertedCard& card, const google::protobuf::Timestamp& at) {
                m_applications->useCard(card, at);
                updateScreen();
            });
    connect(m_applications.get(), &ApplicationsFlow::changed, this, &Kiosk::updateScreen);
    connect(m_card.get(), &CardSession::flowCompleted, this,
            [this] { rate(renshe::v1::RATED_SERVICE_CARD); });
    connect(m_certification.get(), &CertificationSession::changed, this, &Kiosk::rateFinishedFlows);
    connect(m_card->records(), &RecordsView::changed, this, &Kiosk::rateFinishedFlows);
    // 好差评 after each completed flow.
    connect(m_applications.get(), &ApplicationsFlow::completed, this,
            [this] { rate(renshe::v1::RATED_SERVICE_APPLICATIONS); });
    connect(m_lossReport.get(), &LossReport::completed, this,
            [this] { rate(renshe::v1::RATED_SERVICE_CARD); });
    connect(m_certification.get(), &CertificationSession::recordsUnlocked, this,
            &Kiosk::openRecordsByFinger);
    startIdCardReader();
    if (m_channel) {
        m_heartbeat = std::make_unique<Heartbeat>(
            m_channel, renshe::v1::TERMINAL_ROLE_TOUCH,
            [this](renshe::v1::HeartbeatRequest& req) {
                auto* d = req.mutable_devices();
                const int readers = m_card->readerCount();
                d->set_card_reader_count(readers);
                d->set_card_reader(!m_card->readerServiceUp() ? renshe::v1::DEVICE_PRESENCE_ERROR
                                   : readers > 0              ? renshe::v1::DEVICE_PRESENCE_PRESENT
                                                              : renshe::v1::DEVICE_PRESENCE_ABSENT);
                d->set_card_present(m_card->stage() != CardSession::Stage::NoCard);
                d->set_printer(m_statements->heartbeatState());
                d->set_display(renshe::v1::DISPLAY_STATE_ON);
                reportIdCardReader(*d);
                req.set_pending_outbox(m_outbox ? m_outbox->pending() : 0);
                req.set_outbox_needs_staff(m_outbox ? m_outbox->needsStaff() : 0);
            },
            m_config.heartbeatInterval);
        // A printer that runs out of paper or stops is reported at once, not at the next beat.
        connect(m_statements.get(), &StatementPrinter::changed, this, [this] {
            if (m_statements->heartbeatState() != m_reportedPrinter) {
                m_reportedPrinter = m_statements->heartbeatState();
                m_heartbeat->beat();
            }
        });
        if (!m_config.backoffice->certificateFile.empty()) {
            m_heartbeat->renewCertificates(
                {m_config.backoffice->certificateFile, m_config.backoffice->privateKeyFile},
                m_config.certificateRenewBefore);
        }
    }
    m_idleTimer = new QTimer(this);
    m_idleTimer->setInterval(1000);
    connect(m_idleTimer, &QTimer::timeout, this, &Kiosk::tick);
    m_idleTimer->start();
    if (QCoreApplication::instance()) {
        QCoreApplication::instance()->installEventFilter(this);
    }
}

bool Kiosk::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
        case QEvent::KeyPress:
            touched();
            break;
        default:
            break;
    }
    return QObject::eventFilter(watched, event);
}

void Kiosk::touched() {
    m_idleElapsed = 0;
    if (m_idleLeft != -1) {
        m_idleLeft = -1;
        Q_EMIT idleChanged();
    }
}

void Kiosk::tick() {
    // Only a session in progress times out: the attract screen with no card just waits.
    const bool inSession = m_card->stage() != CardSession::Stage::NoCard ||
                           m_page != Screen::Home || m_card->records()->shown() ||
                           m_certification->stage() != CertificationSession::Stage::Idle;
    if (!inSession) {
        touched();
        return;
    }
    ++m_idleElapsed;
    const int timeout = m_config.idleSeconds;
    const int warnFor = std::min(20, timeout / 2);
    const int left = timeout - m_idleElapsed;
    if (left <= 0) {
        m_idleElapsed = 0;
        m_idleLeft = -1;
        Q_EMIT idleChanged();
        m_card->timedOut();
        m_card->records()->clear();  // also those opened without a card
        m_jobs->reset();
        m_guides->clearSelection();
        m_lossReport->reset();
        m_applications->reset();
        m_feedback->reset();
        m_certification->reset();
        m_voice->silence();
        m_page = Screen::Home;
        updateScreen();
        Q_EMIT sessionTimedOut();
    } else if (left <= warnFor) {
        m_idleLeft = left;
        Q_EMIT idleChanged();
    }
}

// 我的社保 without the card: the finger matched; the records replace the certification screen
// once they are here, or it says why they are not.
void Kiosk::openRecordsByFinger() {
    const auto& proof = m_certification->recordsProof();
    if (proof.verificationId.empty() || m_card->stage() != CardSession::Stage::NoCard)
        return;
    QPointer<Kiosk> self(this);
    m_card->records()->open(card::fingerHolder(proof.ssn, proof.verificationId), m_channel,
                            [self](const services::client::CallResult& r) {
                                if (!self)
                                    return;
                                if (r.ok())
                                    self->m_certification->reset();
                                else
                                    self->m_certification->showProblem(CitizenMessages::text(r));
                                self->updateScreen();
                            });
}

void Kiosk::rate(renshe::v1::RatedService service) {
    if (m_card->stage() != CardSession::Stage::NoCard)
        m_rateWhenCardLeaves = service;  // the last thing done is what is asked about
    else
        m_feedback->offerRating(service);
}

// 好差评 when the citizen leaves a certification that was done, or records they had open.
void Kiosk::rateFinishedFlows() {
    const auto stage = m_certification->stage();
    if (m_certStage == CertificationSession::Stage::Done &&
        stage == CertificationSession::Stage::Idle && !m_certForRecords)
        rate(renshe::v1::RATED_SERVICE_CERTIFICATION);
    m_certStage = stage;
    m_certForRecords = m_certification->forRecords();
    const bool shown = m_card->records()->shown();
    if (m_recordsShown && !shown)
        rate(renshe::v1::RATED_SERVICE_RECORDS);
    m_recordsShown = shown;
}

void Kiosk::beginCertification() {
    if (const auto ssn = m_card->holderSsn(); !ssn.empty())
        m_certification->begin(ssn);
}

Kiosk::Screen Kiosk::screen() const {
    if (m_certification->stage() != CertificationSession::Stage::Idle)
        return Screen::Certification;
    if (m_card->records()->shown())
        return Screen::Records;  // after the card's PIN, or without a card after the finger
    if (m_card->stage() != CardSession::Stage::NoCard)
        return m_applications->identifiedByCard() ? Screen::Applications : Screen::Card;
    return m_page;
}

void Kiosk::open(Screen page) {
    if (page == Screen::Card || page == Screen::Certification || page == Screen::Records)
        return;  // those follow the card and the certification session
    if (m_page != page) {
        if (m_page == Screen::Applications)
            m_applications->reset();  // what was typed goes with the page
        m_page = page;
        touched();  // a page open times out like a card session
    }
    updateScreen();
}

void Kiosk::act(const QString& action) {
    if (!m_card->actions().contains(action))
        return;  // not what the card's state allows
    if (action == QStringLiteral("certify"))
        beginCertification();
    else
        m_card->begin(action);
}

void Kiosk::updateScreen() {
    // A card inserted or taken out sends the chosen page home (and its holder's application).
    const bool cardIn = m_card->stage() != CardSession::Stage::NoCard;
    if (cardIn != m_cardIn) {
        m_cardIn = cardIn;
        m_page = Screen::Home;
        m_applications->reset();
        if (!cardIn && m_rateWhenCardLeaves != renshe::v1::RATED_SERVICE_UNSPECIFIED)
            m_feedback->offerRating(m_rateWhenCardLeaves);
        else if (cardIn)
            m_feedback->skipRating();  // a card put in starts a session of its own
        m_rateWhenCardLeaves = renshe::v1::RATED_SERVICE_UNSPECIFIED;
    }
    const Screen now = screen();
    if (now != m_screen) {
        m_screen = now;
        Q_EMIT screenChanged();
    }
    checkIdCardWanted();
}

Kiosk::~Kiosk() {
    m_idCard.reset();  // its thread stops before the view-models it feeds go
    if (QCoreApplication::instance()) {
        QCoreApplication::instance()->removeEventFilter(this);
    }
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
    }
}

void Kiosk::attach(QQmlEngine& engine, Kiosk& kiosk) {
    QJSEngine::setObjectOwnership(&kiosk, QJSEngine::CppOwnership);
    kiosk.m_engine = &engine;
    engine.setProperty(kEngineProperty, QVariant::fromValue(static_cast<QObject*>(&kiosk)));
}

Kiosk* Kiosk::create(QQmlEngine* qmlEngine, QJSEngine*) {
    if (auto* attached =
            qobject_cast<Kiosk*>(qmlEngine->property(kEngineProperty).value<QObject*>())) {
        return attached;
    }
    Config offline;
    offline.voice = false;  // Qt Quick Test of the screens: no speech engine
    auto* standalone = new Kiosk(offline);
    standalone->m_engine = qmlEngine;
    return standalone;  // the engine owns it (JavaScriptOwnership is the default here)
}

void Kiosk::setElderlyMode(bool on) {
    if (on != m_elderlyMode) {
        m_elderlyMode = on;
        Q_EMIT elderlyModeChanged();
    }
}

bool Kiosk::setLanguage(const QString& code) {
    static const QStringList known = {QStringLiteral("zh_CN"), QStringLiteral("en"),
                                      QStringLiteral("ko")};
    if (!known.contains(code)) {
        return false;
    }
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    if (code != QStringLiteral("zh_CN")) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(QStringLiteral(":/i18n/renshe_") + code)) {
            return false;
        }
        QCoreApplication::installTranslator(translator.get());
        m_translator = std::move(translator);
    }
    if (m_language != code) {
        m_language = code;
        Q_EMIT languageChanged();
    }
    if (m_voice) {
        m_voice->setLanguage(code);
    }
    if (m_engine) {
        m_engine->retranslate();
    }
    return true;
}

}  // namespace renshe::kiosk
