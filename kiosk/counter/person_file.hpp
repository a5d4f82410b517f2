// 人员查询 at the counter: a person found by ID number (typed, or read from the ID card) or by
// the social security card in the counter's own PC/SC reader, their page (cards and history,
// certification and its history, applications) from one audited back-office call, the full ID
// number and name revealed on request with a reason (audited too), and the card operations
// only staff may make — 正式挂失, 解除挂失, 补换卡申请, 注销 — each with a reason.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <memory>

#include "kiosk/counter/staff_link.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/counter.pb.h"

namespace renshe::kiosk::counter {

class PersonFile : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PersonFile belongs to the Counter singleton")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString fieldError READ fieldError NOTIFY changed)  // next to the ID number field
    Q_PROPERTY(QVariantMap summary READ summary NOTIFY changed)
    Q_PROPERTY(QVariantList cards READ cards NOTIFY changed)
    Q_PROPERTY(QVariantList history READ history NOTIFY changed)
    Q_PROPERTY(QVariantMap certification READ certification NOTIFY changed)
    Q_PROPERTY(QVariantList certifications READ certifications NOTIFY changed)
    Q_PROPERTY(QVariantList applications READ applications NOTIFY changed)
    Q_PROPERTY(QVariantList insurances READ insurances NOTIFY changed)  // 参保概况
    Q_PROPERTY(bool revealed READ revealed NOTIFY changed)
    Q_PROPERTY(bool operating READ operating NOTIFY changed)
    Q_PROPERTY(QString operationMessage READ operationMessage NOTIFY changed)
    Q_PROPERTY(bool operationSucceeded READ operationSucceeded NOTIFY changed)
    Q_PROPERTY(int lastLoadMs READ lastLoadMs NOTIFY changed)
    Q_PROPERTY(bool idCardReader READ idCardReader CONSTANT)

public:
    enum class State { Empty, ReadingCard, Loading, Loaded, Failed };  // ReadingCard: either card
    Q_ENUM(State)

    // `idCardDevice`: the counter's resident ID card reader (serial port), "" = none.
    explicit PersonFile(std::string idCardDevice = {}) : m_idCardDevice(std::move(idCardDevice)) {}

    void setLink(std::shared_ptr<StaffLink> link);

    State state() const { return m_state; }
    QString message() const { return m_message; }
    QString fieldError() const { return m_fieldError; }
    QVariantMap summary() const { return m_summary; }
    QVariantList cards() const { return m_cards; }
    QVariantList history() const { return m_history; }
    QVariantMap certification() const { return m_certification; }
    QVariantList certifications() const { return m_certifications; }
    QVariantList applications() const { return m_applications; }
    QVariantList insurances() const { return m_insurances; }
    bool revealed() const { return m_revealed; }
    bool operating() const { return m_operating; }
    QString operationMessage() const { return m_operationMessage; }
    bool operationSucceeded() const { return m_operationSucceeded; }
    int lastLoadMs() const { return m_lastLoadMs; }
    bool idCardReader() const { return !m_idCardDevice.empty(); }

    // The ID number as typed (spaces ignored, x → X); a malformed one is refused next to the
    // field without a call.
    Q_INVOKABLE void searchById(const QString& idNumber);
    // The card in the counter's PC/SC reader.
    Q_INVOKABLE void searchByCard();
    // The resident ID card on the counter's ID card reader (its number; the name is shown
    // masked from the registry, as for a typed number).
    Q_INVOKABLE void searchByIdCard();
    // The same person again (after an operation, or to see changes).
    Q_INVOKABLE void reload();
    // Shows the full ID number and name: `reason` is required and audited.
    Q_INVOKABLE void reveal(const QString& reason);
    Q_INVOKABLE void hide();
    // "formal_loss" | "lift_loss" | "replacement" | "cancel" on `cardNumber`, with `reason`.
    Q_INVOKABLE void operate(const QString& operation, const QString& cardNumber,
                             const QString& reason);
    // What the staff member may do with a card of this status (operation names as above, and
    // "activate": 协助启用, Counter.activation).
    Q_INVOKABLE QStringList operationsFor(int cardStatus) const;
    // A new operation is being asked for: the last one's outcome is no longer shown.
    Q_INVOKABLE void resetOperation();
    Q_INVOKABLE void clear();
    // Who is on the page (empty before a search found someone) and their enrolled fingers.
    const renshe::v1::PersonRef& personRef() const { return m_person; }
    QList<int> enrolledFingers() const { return m_enrolled; }
    // The page of `file` (what a search answered; the UI tests give one directly).
    void show(const renshe::v1::GetPersonFileResponse& file);

Q_SIGNALS:
    void changed();

private:
    void load(const renshe::v1::GetPersonFileRequest& request);
    void fail(const QString& message);
    bool requireOnline(QString* into);

    std::shared_ptr<StaffLink> m_link;
    std::string m_idCardDevice;
    UiAsync m_async{this};
    State m_state = State::Empty;
    QString m_message, m_fieldError, m_operationMessage;
    renshe::v1::PersonRef m_person;  // who is on the page (by ID number once known)
    QVariantMap m_summary, m_certification;
    QVariantList m_cards, m_history, m_certifications, m_applications, m_insurances;
    QList<int> m_enrolled;
    bool m_revealed = false;
    bool m_operating = false;
    bool m_operationSucceeded = false;
    int m_lastLoadMs = 0;
};

}  // namespace renshe::kiosk::counter
