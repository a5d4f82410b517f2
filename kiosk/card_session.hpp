// The card services view-model (社保卡服务): the card in the reader, what the back office says
// about it, and the flows its state allows — activation (启用), change PIN, un-report (解挂)
// and PIN reset (重置) — as a step machine QML only renders. The rules of the screen live
// here: PIN strength, confirmation, which steps follow, what to tell the citizen (Chinese
// first, card_session_text.cpp). What each flow sends to the card and the back office is in
// kiosk/card (plain C++, unit-tested); this class runs it on the reader's worker.
// Personal data shown masked; PINs only in PinEntry and for the duration of a card command.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "drivers/sscard/sscard.hpp"
#include "kiosk/card_reader.hpp"
#include "kiosk/pin_entry.hpp"
#include "kiosk/records_view.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/card.pb.h"
#include "services/client/client.hpp"

namespace renshe::kiosk {

namespace card {
struct HistoryEntry;
struct Outcome;
}  // namespace card

class CardSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CardSession belongs to the Kiosk singleton")
    Q_PROPERTY(Stage stage READ stage NOTIFY changed)
    Q_PROPERTY(Step step READ step NOTIFY changed)
    Q_PROPERTY(QString maskedName READ maskedName NOTIFY changed)
    Q_PROPERTY(QString maskedSsn READ maskedSsn NOTIFY changed)
    Q_PROPERTY(QString cardNumber READ cardNumber NOTIFY changed)
    Q_PROPERTY(QString cardStatus READ cardStatus NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QStringList actions READ actions NOTIFY changed)
    // The actions as the screen offers them: [{id, title}], titles in the screen's language.
    Q_PROPERTY(QVariantList actionItems READ actionItems NOTIFY changed)
    // The card is in normal use (正常): the status is shown in the reassuring colour.
    Q_PROPERTY(bool statusNormal READ statusNormal NOTIFY changed)
    Q_PROPERTY(QString prompt READ prompt NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY changed)
    Q_PROPERTY(renshe::kiosk::PinEntry* pin READ pin CONSTANT)
    // 个人信息查询: the holder's cards and their history, one line each (after the PIN).
    Q_PROPERTY(QStringList history READ history NOTIFY changed)
    // 我的社保: the holder's insurance records after the PIN (shown on their own screen).
    Q_PROPERTY(renshe::kiosk::RecordsView* records READ records CONSTANT)
    // A receipt of the flow just completed (启用, 修改密码, 解挂, 密码重置) can be printed.
    Q_PROPERTY(bool canPrintReceipt READ canPrintReceipt NOTIFY changed)

public:
    enum class Stage {
        NoCard,   // attract screen
        Reading,  // card in, asking the card and the back office
        Ready,    // card and its state shown; actions offered
        Entry,    // a flow is asking for digits (see step)
        Working,  // talking to the card and the back office
        Problem,  // a card we cannot serve; message says why
    };
    Q_ENUM(Stage)
    enum class Step { None, CurrentPin, NewPin, ConfirmPin, ServicePassword };
    Q_ENUM(Step)

    // `backoffice` may be null (offline kiosk): the card is read, nothing else is offered.
    // `outbox` (may be null) takes the reports the back office must get even when it is away.
    // `receipts` (may be null): where receipts of completed flows are printed.
    CardSession(std::shared_ptr<services::client::ChannelKeeper> backoffice, bool watchReaders,
                class Outbox* outbox = nullptr, class ReceiptPrinter* receipts = nullptr,
                QObject* parent = nullptr);
    ~CardSession() override;

    // Where the back office's sealing key comes from (the loss report's cache): an activation
    // then sends its service password sealed.
    void setSealingKeySource(
        std::function<std::optional<renshe::v1::GetSealingKeyResponse>()> source) {
        m_sealingKeySource = std::move(source);
    }

    Stage stage() const { return m_stage; }
    Step step() const { return m_step; }
    QString maskedName() const { return m_maskedName; }
    QString maskedSsn() const { return m_maskedSsn; }
    QString cardNumber() const { return m_cardNumber; }
    QString cardStatus() const;
    QString statusText() const;
    QStringList actions() const { return m_actions; }
    QVariantList actionItems() const;
    bool statusNormal() const;
    // The title of an action ("activate" → 启用社保卡).
    QString actionTitle(const QString& action) const;
    QString prompt() const;
    QString message() const { return m_message; }
    bool messageIsError() const { return m_messageIsError; }
    PinEntry* pin() { return &m_pin; }
    QStringList history() const { return m_history; }
    RecordsView* records() const { return m_records; }
    bool canPrintReceipt() const { return !m_receiptTitle.isEmpty(); }
    // The receipt of the flow just completed: what was done, the masked holder and card, the
    // card's state after it. False when there is none (or the printer failed).
    Q_INVOKABLE bool printReceipt();

    // Starts a flow: "activate", "changePin", "unreport", "resetPin".
    Q_INVOKABLE void begin(const QString& action);
    // The pad's 确认: takes the six digits for the current step.
    Q_INVOKABLE void confirm();
    // Back to the card's overview (取消).
    Q_INVOKABLE void cancel();

    // For the heartbeat: readers seen by the worker (0 without one), and whether pcscd answers.
    int readerCount() const { return m_reader ? m_reader->readerCount() : 0; }
    bool readerServiceUp() const { return m_reader && m_reader->serviceUp(); }

    // The ID number of the card in the reader ("" without one): for the certification flow.
    std::string holderSsn() const { return m_card ? m_card->ssn : std::string(); }

    // The kiosk's idle timeout: a flow in progress is abandoned and its digits wiped; the card
    // overview stays until the card is taken (the holder's data is masked).
    void timedOut();

    // For tests and the UI tests without a reader.
    void cardInserted(const drivers::sscard::CardData& data);
    // For the UI tests without a back office: the card's state and actions as if it answered.
    void cardInfoArrived(const renshe::v1::CardInfo& info) {
        applyCardInfo(info);
        Q_EMIT changed();
    }
    void cardRemoved();
    void cardProblem(CardProblem problem);

Q_SIGNALS:
    void changed();
    // A flow with a receipt completed (启用, 修改密码, 解挂, 密码重置): rated when the card leaves.
    void flowCompleted();
    // 业务申请: the card's holder proved by their PIN at `verifiedAt` (ApplicationsFlow::useCard).
    void holderVerified(const renshe::v1::InsertedCard& card,
                        const google::protobuf::Timestamp& verifiedAt);

private:
    enum class Flow { None, Activate, ChangePin, Unreport, ResetPin, Query, Records, Apply };

    void setMessage(const QString& text, bool error);
    void setStage(Stage stage, Step step = Step::None);
    void refreshStatus();
    void applyCardInfo(const renshe::v1::CardInfo& info);
    void wipeSecrets();
    void run();  // all digits collected: do it
    void applyOutcome(Flow flow, const card::Outcome& outcome);
    QString outcomeText(const card::Outcome& outcome) const;
    // 正常, 临时挂失 …; `otherwise` for a status without a name of its own.
    static QString statusName(int status, const QString& otherwise);
    // 个人信息查询: one line of the history ("2024-05-01 09:30  A37010001  正常 → 临时挂失").
    static QString historyLine(const card::HistoryEntry& entry);
    void keepReceipt(Flow flow, const QString& result);
    // Runs `call` (blocking gRPC) on the thread pool and `then` on the UI thread.
    renshe::v1::InsertedCard inserted() const;
    QString pinResultText(const drivers::sscard::PinResult& r) const;

    std::shared_ptr<services::client::ChannelKeeper> m_backoffice;
    class Outbox* m_outbox = nullptr;
    std::function<std::optional<renshe::v1::GetSealingKeyResponse>()> m_sealingKeySource;
    class ReceiptPrinter* m_receipts = nullptr;
    QString m_receiptTitle;
    QStringList m_receiptLines;
    std::unique_ptr<CardReader> m_reader;
    PinEntry m_pin;
    std::optional<drivers::sscard::CardData> m_card;
    std::optional<renshe::v1::CardInfo> m_info;
    Stage m_stage = Stage::NoCard;
    Step m_step = Step::None;
    Flow m_flow = Flow::None;
    QString m_maskedName, m_maskedSsn, m_cardNumber;
    QStringList m_actions;
    QStringList m_history;
    RecordsView* m_records;  // a child: lives as long as the session
    QString m_message;
    bool m_messageIsError = false;
    std::string m_currentPin, m_newPin, m_servicePassword;  // wiped after each flow
    UiAsync m_async{this};  // invalidated on removal: late answers for an old card are dropped
};

}  // namespace renshe::kiosk
