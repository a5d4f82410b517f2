// 养老金领取资格认证 at the touchscreen: the inserted card's holder (or, without the card, the
// ID card on its reader or the ID number typed on the digit pad: the finger proves who it is) → the
// certification status from the back office (certified until / due / overdue) → the enrolled
// templates → a 1:1 verify on the terminal's sensor with live guidance (place the finger, centre
// it, lift and place again), at most 3 failed scans, every attempt recorded with the sensor's
// driver and device id → the result, with a receipt.
// The same steps without the certification open 我的社保 for a citizen without their card
// (startRecordsWithoutCard): the ID card (or number) and the finger, then recordsUnlocked().
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "drivers/fprint/fprint.hpp"
#include "drivers/idcard/idcard_error.hpp"
#include "drivers/idcard/text.hpp"
#include "kiosk/id_number_entry.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/certification.pb.h"
#include "services/client/call.hpp"
#include "services/client/client.hpp"

namespace renshe::kiosk {

class CertificationSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CertificationSession belongs to the Kiosk singleton")
    Q_PROPERTY(Stage stage READ stage NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString prompt READ prompt NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY changed)
    Q_PROPERTY(bool canScan READ canScan NOTIFY changed)
    Q_PROPERTY(renshe::kiosk::IdNumberEntry* idEntry READ idEntry CONSTANT)
    // The finger opens 我的社保 instead of certifying (the screen's title and words).
    Q_PROPERTY(bool forRecords READ forRecords NOTIFY changed)

public:
    enum class Stage { Idle, EnterId, Checking, Ready, Scanning, Done, Problem };
    Q_ENUM(Stage)

    CertificationSession(std::shared_ptr<services::client::ChannelKeeper> backoffice,
                         class ReceiptPrinter* receipts, QObject* parent = nullptr);
    ~CertificationSession() override;

    Stage stage() const { return m_stage; }
    QString statusText() const { return m_statusText; }
    QString prompt() const { return m_prompt; }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_error; }
    bool canScan() const { return m_canScan; }
    IdNumberEntry* idEntry() { return &m_id; }
    bool forRecords() const { return m_purpose == renshe::v1::VERIFICATION_PURPOSE_RECORDS; }

    // The person whose card is in the reader (ID number); asks the back office for the status.
    void begin(const std::string& ssn);
    // Without a card: the ID number on the digit pad (EnterId), then 下一步 checks it and
    // asks for the status as begin() does.
    Q_INVOKABLE void startWithoutCard();
    // 我的社保 without the card: the same ID step and scan; a match emits recordsUnlocked().
    Q_INVOKABLE void startRecordsWithoutCard();
    // What the last records match proved (ssn, verification id); cleared by reset().
    struct RecordsProof {
        std::string ssn, verificationId;
    };
    const RecordsProof& recordsProof() const { return m_recordsProof; }
    // The records could not be opened after the match: why, on this screen.
    void showProblem(const QString& message);
    Q_INVOKABLE void submitId();
    Q_INVOKABLE void scan();    // 开始认证: fetch the templates and verify on the sensor
    Q_INVOKABLE void cancel();  // stops a scan in progress
    Q_INVOKABLE void reset();   // forget the person (card out, idle timeout, leaving the page)
    Q_INVOKABLE bool printReceipt();

    // The ID card reader is there: EnterId asks for the ID card before the digit pad.
    void setIdCardReaderReady(bool ready);
    bool wantsIdCard() const { return m_stage == Stage::EnterId; }
    // An ID card read during EnterId: its number is taken and the status asked, as submitId()
    // does; the finger still has to prove who it is. An expired card is refused with the reason.
    void useIdCard(const drivers::idcard::IdCardText& card, const std::string& today);
    void showIdCardProblem(drivers::idcard::Problem p);

Q_SIGNALS:
    void changed();
    // A finger matched for 我的社保: recordsProof() opens the records (Kiosk).
    void recordsUnlocked();

private:
    // What a scan on a pool thread needs; its UI updates go through `post`.
    struct ScanJob {
        std::shared_ptr<services::client::ChannelKeeper> keeper;
        std::string ssn;
        renshe::v1::VerificationPurpose purpose;
        std::shared_ptr<std::atomic<bool>> cancelled;
        drivers::fprint::Context* context;
        drivers::fprint::DeviceInfo sensor;
        UiAsync::Poster post;
        QString place, comparing;  // the prompts, translated on the UI thread
    };

    void set(Stage stage, const QString& prompt, const QString& message, bool error);
    QString enterIdPrompt() const;
    QString unavailableText() const;
    void startEntry(renshe::v1::VerificationPurpose purpose);
    void lookUp(const std::string& ssn);
    drivers::fprint::Context* sensors();
    void showStatus(const services::client::CallResult& result,
                    const renshe::v1::GetCertificationStatusResponse& resp);
    void runScan(const ScanJob& job);
    void scanLoop(const ScanJob& job, drivers::fprint::Device& device,
                  const renshe::v1::FingerprintTemplate& stored, const std::string& ticket);
    void showMatch(const services::client::CallResult& r,
                   const renshe::v1::RecordVerificationResultResponse& recorded);
    void showRecordsMatch(const services::client::CallResult& r,
                          const renshe::v1::RecordVerificationResultResponse& recorded);
    void showMismatch(int scansLeft, std::optional<drivers::fprint::RetryReason> retry);

    std::shared_ptr<services::client::ChannelKeeper> m_backoffice;
    class ReceiptPrinter* m_receipts;
    std::unique_ptr<drivers::fprint::Context> m_context;  // created on the UI thread on first use
    std::string m_ssn;
    renshe::v1::VerificationPurpose m_purpose = renshe::v1::VERIFICATION_PURPOSE_CERTIFICATION;
    RecordsProof m_recordsProof;
    IdNumberEntry m_id;
    Stage m_stage = Stage::Idle;
    QString m_statusText, m_prompt, m_message, m_receiptUntil;
    bool m_error = false;
    bool m_canScan = false;
    bool m_idCardReady = false;
    UiAsync m_async{this};  // a new person or a reset drops the answers about the last one
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::mutex m_deviceMutex;
    std::shared_ptr<drivers::fprint::Device>
        m_device;  // the open sensor while scanning (for cancel())
};

}  // namespace renshe::kiosk
