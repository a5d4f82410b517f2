// 指纹登记 at the counter (见面登记): one finger of the person on the page enrolled on the
// counter's libfprint sensor with live progress per scan (stage n of N, why a scan has to be
// repeated), then stored by the back office; a finger already enrolled is enrolled again only
// with a reason (audited there). The scan runs on a pool thread; libfprint runs on the UI
// thread's GLib loop (LoopMode::CallerDefault), as at the kiosk.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <mutex>

#include "drivers/fprint/fprint.hpp"
#include "kiosk/counter/staff_link.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/common.pb.h"

namespace renshe::kiosk::counter {

class PersonFile;

class FingerprintEnrolment : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("FingerprintEnrolment belongs to the Counter singleton")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(int finger READ finger NOTIFY changed)
    Q_PROPERTY(int stage READ stage NOTIFY changed)
    Q_PROPERTY(int totalStages READ totalStages NOTIFY changed)
    Q_PROPERTY(bool waitingForFinger READ waitingForFinger NOTIFY changed)
    Q_PROPERTY(QString prompt READ prompt NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(int retries READ retries NOTIFY changed)

public:
    enum class State { Idle, Scanning, Saving, Done, Failed };
    Q_ENUM(State)

    explicit FingerprintEnrolment(PersonFile& person);
    ~FingerprintEnrolment() override;

    void setLink(std::shared_ptr<StaffLink> link);

    State state() const { return m_state; }
    int finger() const { return m_finger; }
    int stage() const { return m_stage; }
    int totalStages() const { return m_totalStages; }
    bool waitingForFinger() const { return m_waiting; }
    QString prompt() const { return m_prompt; }
    QString message() const { return m_message; }
    int retries() const { return m_retries; }

    // Enrols `finger` (renshe.v1.Finger) of the person on the page; an enrolled one only with
    // `reason` (重新登记).
    Q_INVOKABLE void start(int finger, const QString& reason);
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void changed();

private:
    struct Shared {
        std::mutex mutex;
        drivers::fprint::Device* device = nullptr;  // while a scan runs
        std::atomic<bool> cancelled{false};
        std::atomic<bool> running{false};  // a scan on the pool
    };
    drivers::fprint::Context* sensors();
    void fail(const QString& message);
    void save(const drivers::fprint::EnrollResult& result, bool replace, const QString& reason);

    PersonFile& m_person;
    std::shared_ptr<StaffLink> m_link;
    UiAsync m_async{this};
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
    std::unique_ptr<drivers::fprint::Context> m_context;  // made on the UI thread on first use
    renshe::v1::PersonRef m_who;
    State m_state = State::Idle;
    int m_finger = 0;
    int m_stage = 0;
    int m_totalStages = 0;
    int m_retries = 0;
    bool m_waiting = false;
    QString m_prompt, m_message;
};

}  // namespace renshe::kiosk::counter
