// 协助启用 at the counter: a citizen who cannot use the kiosk activates their new card with the
// clerk beside them. The card is in the counter's PC/SC reader; the citizen types the new PIN,
// its confirmation and the service password (服务密码) on the PIN pad window turned towards
// them (qml/counter/CitizenPinWindow.qml); the clerk's screen shows only which step the citizen
// is at. The digits live in the PinEntry and the card flow (kiosk/card/flows.hpp), are never
// shown to the clerk, never logged, and are wiped when the run ends or is abandoned. The
// activation is reported to the back office as the staff member (CardService.ReportPinChanged).
//
// If the back office stops answering after the card's PIN has changed, the report (its service
// password sealed to the back office) is held in memory and delivered when the connection
// returns or on 补报启用: staff actions are not queued on disk, but a card that has changed must
// not stay unknown to the registry.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>
#include <string>

#include "drivers/sscard/codec.hpp"
#include "kiosk/counter/staff_link.hpp"
#include "kiosk/pin_entry.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/card.pb.h"

namespace renshe::kiosk::counter {

class Activation : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Activation belongs to the Counter singleton")
    Q_PROPERTY(Step step READ step NOTIFY changed)
    // The PIN pad window is up: from the first PIN asked for until the clerk closes the outcome.
    Q_PROPERTY(bool citizenWindow READ citizenWindow NOTIFY changed)
    Q_PROPERTY(QString cardNumber READ cardNumber NOTIFY changed)
    Q_PROPERTY(QString holder READ holder NOTIFY changed)  // masked name, as the card has it
    Q_PROPERTY(QString prompt READ prompt NOTIFY changed)  // to the citizen
    Q_PROPERTY(QString citizenMessage READ citizenMessage NOTIFY changed)
    Q_PROPERTY(bool citizenMessageIsError READ citizenMessageIsError NOTIFY changed)
    Q_PROPERTY(QString staffMessage READ staffMessage NOTIFY changed)  // to the clerk
    Q_PROPERTY(QString stepText READ stepText NOTIFY changed)          // to the clerk
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY changed)
    Q_PROPERTY(bool pendingReport READ pendingReport NOTIFY changed)
    Q_PROPERTY(renshe::kiosk::PinEntry* entry READ entry CONSTANT)

public:
    enum class Step {
        Idle,
        ReadingCard,
        NewPin,
        ConfirmPin,
        ServicePassword,
        Working,
        Done,
        Failed
    };
    Q_ENUM(Step)

    // `idleSeconds`: the citizen pressing no key this long cancels the activation.
    explicit Activation(int idleSeconds = kIdleSeconds, QObject* parent = nullptr);
    ~Activation() override;

    void setLink(std::shared_ptr<StaffLink> link);
    // The back office answers again: a held report goes out.
    void backOnline();

    Step step() const { return m_step; }
    bool citizenWindow() const;
    QString cardNumber() const { return m_cardNumber; }
    QString holder() const { return m_holder; }
    QString prompt() const;
    QString citizenMessage() const { return m_citizenMessage; }
    bool citizenMessageIsError() const { return m_citizenMessageIsError; }
    QString staffMessage() const { return m_staffMessage; }
    QString stepText() const;
    bool succeeded() const { return m_step == Step::Done; }
    bool pendingReport() const { return !m_heldReport.empty(); }
    PinEntry* entry() { return &m_pin; }

    // The clerk starts the activation of the ISSUED card `cardNumber` (on the person page): the
    // card in the reader must be that card.
    Q_INVOKABLE void begin(const QString& cardNumber);
    // The citizen's 确认 on the PIN pad window.
    Q_INVOKABLE void confirm();
    // The clerk (or the citizen) stops: everything typed is wiped, the card is left unchanged.
    Q_INVOKABLE void cancel();
    // The clerk closes a finished activation (the PIN pad window goes away).
    Q_INVOKABLE void finish();
    // 补报启用: the held report again now.
    Q_INVOKABLE void retryReport();

    // Seconds without a key on the PIN pad before the activation is abandoned, by default.
    static constexpr int kIdleSeconds = 120;

Q_SIGNALS:
    void changed();
    // The card's state in the registry changed (the person page reloads).
    void activated();

private:
    void setStep(Step step);
    void fail(const QString& staff, const QString& citizen);
    void wipeSecrets();
    void run();
    // A card::MessageId, whether the report is held, a RefusalReason.
    void applyOutcome(int message, bool pending, int refusal);

    std::shared_ptr<StaffLink> m_link;
    UiAsync m_async{this};
    UiAsync m_delivery{this};  // 补报: the held report's delivery
    PinEntry m_pin;
    QTimer m_idle;
    Step m_step = Step::Idle;
    QString m_cardNumber, m_holder, m_citizenMessage, m_staffMessage;
    bool m_citizenMessageIsError = false;
    renshe::v1::InsertedCard m_card;  // what the reader had at begin()
    std::optional<drivers::sscard::Date> m_birthDate;
    std::string m_newPin, m_servicePassword;
    std::string m_heldReport;  // a serialized ReportPinChangedRequest the back office has not had
    bool m_delivering = false;
    bool m_citizenStarted = false;  // the citizen's window is up (a new PIN was asked for)
};

}  // namespace renshe::kiosk::counter
