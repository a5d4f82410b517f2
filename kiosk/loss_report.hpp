// 临时挂失 without the card: the citizen puts the ID card on its reader (or types the ID number
// (社会保障号码) on a digit pad with X and the name with the pinyin keyboard), then the service
// password on the shuffled PIN pad; the
// back office takes the report (or refuses, with the reason); the answer shows the report
// number (挂失受理号) and when the report lifts itself.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "drivers/idcard/idcard_error.hpp"
#include "drivers/idcard/text.hpp"
#include "kiosk/id_number_entry.hpp"
#include "kiosk/pin_entry.hpp"
#include "kiosk/pinyin_input.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/card.pb.h"
#include "services/client/call.hpp"
#include "services/client/client.hpp"

namespace renshe::kiosk {

class LossReport : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LossReport belongs to the Kiosk singleton")
    Q_PROPERTY(Step step READ step NOTIFY changed)
    Q_PROPERTY(QString idNumber READ idNumber NOTIFY changed)  // as typed, grouped 6-8-4
    Q_PROPERTY(QString prompt READ prompt NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY changed)
    Q_PROPERTY(QString reportNumber READ reportNumber NOTIFY changed)
    // Done, but only kept in the outbox: the back office was unreachable. Pending, not yet
    // effective, delivered with the same request id when the link returns.
    Q_PROPERTY(bool queued READ queued NOTIFY changed)
    Q_PROPERTY(renshe::kiosk::PinyinInput* name READ name CONSTANT)
    Q_PROPERTY(renshe::kiosk::PinEntry* password READ password CONSTANT)

public:
    enum class Step { IdNumber, Name, Password, Working, Done };
    Q_ENUM(Step)

    // `outbox` (may be null) keeps a report the back office could not be reached for; the
    // service password in it is sealed to the back office's key, cached in `stateDir`.
    LossReport(std::shared_ptr<services::client::ChannelKeeper> backoffice,
               class ReceiptPrinter* receipts = nullptr, class Outbox* outbox = nullptr,
               QString stateDir = {}, QObject* parent = nullptr);
    ~LossReport() override;

    Step step() const { return m_step; }
    QString idNumber() const;
    QString prompt() const;
    QString message() const { return m_message; }
    bool messageIsError() const { return m_error; }
    QString reportNumber() const { return m_reportNumber; }
    bool queued() const { return m_queued; }
    // Asks the back office for its sealing key (when it comes online) and caches it on disk.
    void refreshSealingKey();
    // The back office's sealing key as last fetched (or cached on disk); card flows seal an
    // activation's service password to it too.
    const std::optional<renshe::v1::GetSealingKeyResponse>& sealingKey() const {
        return m_sealingKey;
    }
    PinyinInput* name() { return &m_name; }
    PinEntry* password() { return &m_password; }

    Q_INVOKABLE void idKey(const QString& key);  // "0"–"9" or "X"
    Q_INVOKABLE void idBackspace();
    // 下一步 / 确认 of the current step.
    Q_INVOKABLE void next();
    Q_INVOKABLE void back();
    // Start over with nothing kept (leaving the screen, or the idle timeout).
    Q_INVOKABLE void reset();
    // The receipt of a report just taken: its number, the masked holder, when it lifts.
    Q_INVOKABLE bool printReceipt();

    // The ID card reader is there: the first step asks for the ID card before the digit pad.
    void setIdCardReaderReady(bool ready);
    bool wantsIdCard() const { return m_step == Step::IdNumber; }
    // An ID card read while the first step is on: its number and name are taken (no typing,
    // no pinyin) and the service password is asked next — the ID card proves only that it is
    // at hand, not who holds it. An expired card is refused with the reason.
    void useIdCard(const drivers::idcard::IdCardText& card, const std::string& today);
    void showIdCardProblem(drivers::idcard::Problem p);

Q_SIGNALS:
    void changed();
    // The citizen leaves the page of a report taken (or kept for later): the rating screen
    // may follow.
    void completed();

private:
    void submit();
    std::string holderName() const;
    void dropIdCard();
    void showOutcome(const renshe::v1::ReportTemporaryLossRequest& req,
                     const renshe::v1::ReportTemporaryLossResponse& resp,
                     const services::client::CallResult& result, bool queued);

    std::shared_ptr<services::client::ChannelKeeper> m_backoffice;
    Step m_step = Step::IdNumber;
    IdNumberEntry m_id;
    PinyinInput m_name;
    PinEntry m_password;
    QString m_message;
    bool m_error = false;
    QString m_reportNumber;
    bool m_queued = false;
    bool m_idCardReady = false;
    bool m_fromIdCard = false;  // number and name came from the ID card
    std::string m_cardName;     // wiped with the session
    class Outbox* m_outbox = nullptr;
    QString m_stateDir;
    std::optional<renshe::v1::GetSealingKeyResponse> m_sealingKey;
    QStringList m_receiptLines;
    class ReceiptPrinter* m_receipts = nullptr;
    UiAsync m_async{this};  // reset() drops the answers of a report in flight
};

}  // namespace renshe::kiosk
