// renshe-counter's root view-model (QML singleton `Counter` of Renshe.Counter): the staff
// member's sign-in with the passphrase of their key file, the lock after idle minutes, the
// back office's reachability, and the screens' view-models. Every call goes to the back office
// with the staff certificate; nothing but settings and the sign-in count is written to disk.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>

#include "kiosk/counter/activation.hpp"
#include "kiosk/counter/content_publisher.hpp"
#include "kiosk/counter/enrolment.hpp"
#include "kiosk/counter/hall_machines.hpp"
#include "kiosk/counter/person_file.hpp"
#include "kiosk/counter/sign_in_guard.hpp"
#include "kiosk/counter/staff_link.hpp"
#include "kiosk/counter/work_queue.hpp"
#include "kiosk/ui_async.hpp"

class QQmlEngine;
class QJSEngine;
class QTranslator;

namespace renshe::kiosk::counter {

class Counter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY changed)
    Q_PROPERTY(bool signingIn READ signingIn NOTIFY changed)
    Q_PROPERTY(QString staffId READ staffId NOTIFY changed)
    Q_PROPERTY(QString staffRegion READ staffRegion NOTIFY changed)
    Q_PROPERTY(QString signInMessage READ signInMessage NOTIFY changed)
    Q_PROPERTY(int lockedSeconds READ lockedSeconds NOTIFY changed)
    Q_PROPERTY(bool online READ online NOTIFY changed)
    Q_PROPERTY(QString language READ language NOTIFY changed)
    Q_PROPERTY(int idleMinutes READ idleMinutes CONSTANT)
    Q_PROPERTY(renshe::kiosk::counter::PersonFile* person READ person CONSTANT)
    Q_PROPERTY(renshe::kiosk::counter::WorkQueue* queue READ queue CONSTANT)
    Q_PROPERTY(renshe::kiosk::counter::HallMachines* hall READ hall CONSTANT)
    Q_PROPERTY(renshe::kiosk::counter::FingerprintEnrolment* enrolment READ enrolment CONSTANT)
    Q_PROPERTY(renshe::kiosk::counter::ContentPublisher* content READ content CONSTANT)
    Q_PROPERTY(renshe::kiosk::counter::Activation* activation READ activation CONSTANT)

public:
    struct Config {
        QString target;                     // the back office's staff port, host:port
        QString caFile, certFile, keyFile;  // keyFile: passphrase-protected (pki protect-key)
        QString stateDir;                   // settings and the sign-in count
        QString idCardDevice;               // the resident ID card reader's serial port ("" = none)
        QString language = QStringLiteral("zh_CN");
        int idleMinutes = 10;
        int pinPadIdleSeconds = 120;  // 协助启用: no key for this long cancels it
        int maxFailures = 3;
        int lockMinutes = 5;
    };

    explicit Counter(Config config, QObject* parent = nullptr);
    ~Counter() override;

    // The instance main() made, for the QML singleton; a standalone one (no back office, the
    // UI tests) when there is none.
    static void attach(QQmlEngine& engine, Counter& counter);
    static Counter* create(QQmlEngine* qmlEngine, QJSEngine*);

    bool signedIn() const { return m_link != nullptr; }
    bool signingIn() const { return m_signingIn; }
    QString staffId() const { return m_staffId; }
    QString staffRegion() const { return m_staffRegion; }
    QString signInMessage() const { return m_signInMessage; }
    int lockedSeconds() const;
    bool online() const { return m_online; }
    QString language() const { return m_language; }
    int idleMinutes() const { return m_config.idleMinutes; }
    PersonFile* person() const { return m_person.get(); }
    WorkQueue* queue() const { return m_queue.get(); }
    HallMachines* hall() const { return m_hall.get(); }
    FingerprintEnrolment* enrolment() const { return m_enrolment.get(); }
    ContentPublisher* content() const { return m_content.get(); }
    Activation* activation() const { return m_activation.get(); }

    Q_INVOKABLE void signIn(const QString& passphrase);
    Q_INVOKABLE void signOut();
    // Any key or click: the idle lock starts again (an event filter calls it too).
    Q_INVOKABLE void noteActivity();
    Q_INVOKABLE bool setLanguage(const QString& code);
    // 右手食指 for renshe.v1.FINGER_RIGHT_INDEX, in the screen's language.
    Q_INVOKABLE QString fingerName(int finger) const;

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void finishSignIn(std::optional<std::string> keyPem, const QString& problem);
    void lockForIdle();
    void checkHealth();

    Config m_config;
    SignInGuard m_guard;
    UiAsync m_async{this};
    std::shared_ptr<StaffLink> m_link;
    bool m_signingIn = false;
    bool m_online = false;
    QString m_staffId, m_staffRegion, m_signInMessage, m_language;
    QTimer m_idle, m_health, m_lockTick;
    std::unique_ptr<QTranslator> m_translator;
    QQmlEngine* m_engine = nullptr;
    std::unique_ptr<PersonFile> m_person;
    std::unique_ptr<WorkQueue> m_queue;
    std::unique_ptr<HallMachines> m_hall;
    std::unique_ptr<FingerprintEnrolment> m_enrolment;
    std::unique_ptr<ContentPublisher> m_content;
    std::unique_ptr<Activation> m_activation;
};

}  // namespace renshe::kiosk::counter
