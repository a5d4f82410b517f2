#include "kiosk/counter/counter.hpp"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QTranslator>

#include "kiosk/counter/hall_machines.hpp"
#include "kiosk/counter/person_file.hpp"
#include "kiosk/counter/staff_text.hpp"
#include "kiosk/counter/work_queue.hpp"
#include "services/pki/pki.hpp"
#include "services/pki/protected_key.hpp"

namespace renshe::kiosk::counter {

namespace {

constexpr const char* kEngineProperty = "_renshe_counter";
constexpr int kHealthEveryMs = 2000;

std::int64_t nowSeconds() {
    return QDateTime::currentSecsSinceEpoch();
}

}  // namespace

Counter::Counter(Config config, QObject* parent)
    : QObject(parent),
      m_config(std::move(config)),
      m_guard(std::filesystem::path(m_config.stateDir.toStdString()) / "sign-in",
              m_config.maxFailures, std::chrono::minutes(m_config.lockMinutes)),
      m_language(QStringLiteral("zh_CN")),
      m_person(std::make_unique<PersonFile>(m_config.idCardDevice.toStdString())),
      m_queue(std::make_unique<WorkQueue>()),
      m_hall(std::make_unique<HallMachines>()),
      m_enrolment(std::make_unique<FingerprintEnrolment>(*m_person)),
      m_content(std::make_unique<ContentPublisher>()),
      m_activation(std::make_unique<Activation>(m_config.pinPadIdleSeconds)) {
    // A card activated at the counter: its page shows the new state.
    connect(m_activation.get(), &Activation::activated, m_person.get(), &PersonFile::reload);
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_config.idleMinutes * 60 * 1000);
    connect(&m_idle, &QTimer::timeout, this, &Counter::lockForIdle);
    m_health.setInterval(kHealthEveryMs);
    connect(&m_health, &QTimer::timeout, this, &Counter::checkHealth);
    // While the key is locked the remaining time counts down on the sign-in screen.
    m_lockTick.setInterval(1000);
    connect(&m_lockTick, &QTimer::timeout, this, [this] {
        if (lockedSeconds() == 0)
            m_lockTick.stop();
        Q_EMIT changed();
    });
    if (lockedSeconds() > 0)
        m_lockTick.start();
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    if (m_config.language != m_language)
        setLanguage(m_config.language);
}

Counter::~Counter() {
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void Counter::attach(QQmlEngine& engine, Counter& counter) {
    QJSEngine::setObjectOwnership(&counter, QJSEngine::CppOwnership);
    counter.m_engine = &engine;
    engine.setProperty(kEngineProperty, QVariant::fromValue(static_cast<QObject*>(&counter)));
}

Counter* Counter::create(QQmlEngine* qmlEngine, QJSEngine*) {
    if (auto* attached =
            qobject_cast<Counter*>(qmlEngine->property(kEngineProperty).value<QObject*>()))
        return attached;
    Config offline;
    offline.stateDir = QDir::tempPath() + QStringLiteral("/renshe-counter-standalone");
    auto* standalone = new Counter(offline);
    standalone->m_engine = qmlEngine;
    return standalone;
}

int Counter::lockedSeconds() const {
    return static_cast<int>(m_guard.lockedFor(nowSeconds()));
}

void Counter::signIn(const QString& passphrase) {
    if (m_signingIn || signedIn())
        return;
    if (const int locked = lockedSeconds(); locked > 0) {
        m_signInMessage = tr("口令连续输错，密钥已锁定，请%1分钟后再试").arg((locked + 59) / 60);
        Q_EMIT changed();
        return;
    }
    if (passphrase.isEmpty()) {
        m_signInMessage = tr("请输入密钥口令");
        Q_EMIT changed();
        return;
    }
    m_signingIn = true;
    m_signInMessage.clear();
    Q_EMIT changed();
    // scrypt takes a noticeable moment: off the UI thread.
    auto keyPem = std::make_shared<std::optional<std::string>>();
    auto problem = std::make_shared<QString>();
    m_async.run(
        [file = m_config.keyFile.toStdString(), secret = passphrase.toStdString(), keyPem,
         problem]() mutable {
            try {
                const std::string pem = services::pki::readFile(file);
                if (!services::pki::isProtectedKeyPem(pem))
                    *problem =
                        tr("密钥文件没有口令保护，不能使用（请用 renshe-admin pki "
                           "protect-key 加密）");
                else
                    *keyPem = services::pki::unprotectPrivateKeyPem(pem, secret);
            } catch (const std::exception&) {
                *problem = tr("无法读取密钥文件");
            }
            std::fill(secret.begin(), secret.end(), '\0');
        },
        [this, keyPem, problem] { finishSignIn(std::move(*keyPem), *problem); });
}

void Counter::finishSignIn(std::optional<std::string> keyPem, const QString& problem) {
    m_signingIn = false;
    if (!problem.isEmpty()) {
        m_signInMessage = problem;
    } else if (!keyPem) {
        if (m_guard.recordFailure(nowSeconds())) {
            m_signInMessage = tr("口令连续%1次错误，密钥已锁定%2分钟")
                                  .arg(m_config.maxFailures)
                                  .arg(m_config.lockMinutes);
            m_lockTick.start();
        } else {
            m_signInMessage = tr("口令错误，还可尝试%1次").arg(m_guard.attemptsLeft());
        }
    } else {
        m_guard.recordSuccess();
        try {
            services::client::Endpoint endpoint;
            endpoint.target = m_config.target.toStdString();
            endpoint.caPem = services::pki::readFile(m_config.caFile.toStdString());
            endpoint.certificatePem = services::pki::readFile(m_config.certFile.toStdString());
            endpoint.privateKeyPem = std::move(*keyPem);
            const auto identity =
                services::pki::identityFromCertificatePem(endpoint.certificatePem);
            if (identity.role != services::pki::Role::Staff) {
                m_signInMessage = tr("此证书不是工作人员证书");
            } else {
                m_staffId = QString::fromStdString(identity.id);
                m_staffRegion = QString::fromStdString(identity.region);
                m_link = std::make_shared<StaffLink>(std::move(endpoint));
            }
        } catch (const std::exception&) {
            m_signInMessage = tr("无法读取证书文件");
        }
    }
    if (m_link) {
        m_signInMessage.clear();
        m_online = true;
        m_person->setLink(m_link);
        m_queue->setLink(m_link);
        m_hall->setLink(m_link);
        m_enrolment->setLink(m_link);
        m_content->setLink(m_link, m_staffRegion);
        m_activation->setLink(m_link);
        m_activation->backOnline();
        m_health.start();
        m_idle.start();
        checkHealth();
        m_queue->refresh();
    }
    Q_EMIT changed();
}

void Counter::signOut() {
    m_link.reset();
    m_async.invalidate();
    m_health.stop();
    m_idle.stop();
    m_person->setLink(nullptr);
    m_queue->setLink(nullptr);
    m_hall->setLink(nullptr);
    m_enrolment->setLink(nullptr);
    m_content->setLink(nullptr, {});
    m_activation->setLink(nullptr);
    m_staffId.clear();
    m_staffRegion.clear();
    m_signingIn = false;
    Q_EMIT changed();
}

void Counter::lockForIdle() {
    signOut();
    m_signInMessage = tr("已%1分钟无操作，工作站已锁定，请重新输入口令").arg(m_config.idleMinutes);
    Q_EMIT changed();
}

void Counter::noteActivity() {
    if (signedIn())
        m_idle.start();
}

bool Counter::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
            noteActivity();
            break;
        default:
            break;
    }
    return QObject::eventFilter(watched, event);
}

void Counter::checkHealth() {
    if (!m_link)
        return;
    auto link = m_link;
    auto serving = std::make_shared<bool>(false);
    m_async.run(
        [link, serving] {
            const auto health =
                services::client::checkHealth(link->keeper().channel(), std::chrono::seconds(2));
            *serving = health.state == services::client::HealthState::Serving;
            link->keeper().reportReachable(health.state !=
                                           services::client::HealthState::Unreachable);
            link->setOnline(*serving);
        },
        [this, serving] {
            if (*serving != m_online) {
                m_online = *serving;
                if (m_online)
                    m_activation->backOnline();  // a held activation report goes out
                Q_EMIT changed();
            }
        });
}

QString Counter::fingerName(int finger) const {
    return StaffText::finger(finger);
}

bool Counter::setLanguage(const QString& code) {
    static const QStringList known = {QStringLiteral("zh_CN"), QStringLiteral("en"),
                                      QStringLiteral("ko")};
    if (!known.contains(code))
        return false;
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    if (code != QStringLiteral("zh_CN")) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(QStringLiteral(":/i18n/renshe_") + code))
            return false;
        QCoreApplication::installTranslator(translator.get());
        m_translator = std::move(translator);
    }
    m_language = code;
    if (m_engine)
        m_engine->retranslate();
    Q_EMIT changed();
    return true;
}

}  // namespace renshe::kiosk::counter
