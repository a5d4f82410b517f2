// 业务申请 at the touchscreen: 失业登记, 就业登记, 预约, 上门服务, 我要应聘 (from a posting's
// details) and 进度查询 by number. One page at a time, each a single question with large answers (a
// choice, a word on the pinyin keyboard, digits on the pad), the applicant proved by the social
// security card and its PIN or by the ID number and name (the ID card on its reader fills both);
// the back office's number, what happens next and by when, on screen and on a printed slip.
// Offline, an application (not an appointment, which needs a free place now) waits in the
// outbox and is delivered with the same request id. Which pages a kind asks, and what each
// answer means for the request, is application_pages.cpp; QML only draws the page.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drivers/idcard/idcard_error.hpp"
#include "drivers/idcard/text.hpp"
#include "kiosk/id_number_entry.hpp"
#include "kiosk/pinyin_input.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/applications.pb.h"
#include "renshe/v1/card.pb.h"
#include "services/client/call.hpp"
#include "services/client/client.hpp"

namespace renshe::kiosk {

class ApplicationsFlow : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ApplicationsFlow belongs to the Kiosk singleton")
    Q_PROPERTY(Step step READ step NOTIFY changed)
    Q_PROPERTY(Kind kind READ kind NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString prompt READ prompt NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY changed)
    // "第2步，共5步": where the citizen is (the ID number and name count as one step, the
    // check before submitting as none).
    Q_PROPERTY(QString progress READ progress NOTIFY changed)
    Q_PROPERTY(QString idNumber READ idNumber NOTIFY changed)  // as typed, grouped 6-8-4
    Q_PROPERTY(QString digits READ digits NOTIFY changed)      // phone or number, grouped
    Q_PROPERTY(renshe::kiosk::PinyinInput* text READ text CONSTANT)
    // The answers of a choice page: [{id, title, selected}], with a {header} before each
    // question's answers on a page of several.
    Q_PROPERTY(QVariantList options READ options NOTIFY changed)
    // A page that may be left empty (an optional phone number).
    Q_PROPERTY(bool canSkip READ canSkip NOTIFY changed)
    Q_PROPERTY(QStringList summary READ summary NOTIFY changed)  // confirm and done pages
    Q_PROPERTY(QString number READ number NOTIFY changed)
    Q_PROPERTY(bool queued READ queued NOTIFY changed)
    Q_PROPERTY(bool identifiedByCard READ identifiedByCard NOTIFY changed)

public:
    enum class Step {
        Choose,
        IdNumber,
        Name,
        Choice,
        Text,
        Digits,
        Confirm,
        Working,
        Done,
        Status
    };
    Q_ENUM(Step)
    enum class Kind { None, Unemployment, Appointment, HomeVisit, Job, Lookup, Employment };
    Q_ENUM(Kind)

    ApplicationsFlow(std::shared_ptr<services::client::ChannelKeeper> backoffice,
                     class ReceiptPrinter* receipts = nullptr, class Outbox* outbox = nullptr,
                     QObject* parent = nullptr);
    ~ApplicationsFlow() override;

    Step step() const { return m_step; }
    Kind kind() const { return m_kind; }
    QString title() const;
    QString prompt() const;
    QString message() const { return m_message; }
    bool messageIsError() const { return m_error; }
    QString progress() const;
    QString idNumber() const { return m_id.text(); }
    QString digits() const;
    PinyinInput* text() { return &m_text; }
    QVariantList options() const { return m_options; }
    bool canSkip() const;
    QStringList summary() const { return m_summary; }
    QString number() const { return m_number; }
    bool queued() const { return m_queued; }
    bool identifiedByCard() const { return m_card.has_value(); }

    // A kind chosen on the first page (or the home tile): its first page.
    Q_INVOKABLE void start(renshe::kiosk::ApplicationsFlow::Kind kind);
    // 我要应聘 on a posting's details.
    Q_INVOKABLE void startJob(const QString& jobId, const QString& jobTitle);
    // Where the back office's sealing key comes from (the loss report's cache): an application
    // is then sent sealed, and only a sealed one may wait in the outbox.
    void setSealingKeySource(
        std::function<std::optional<renshe::v1::GetSealingKeyResponse>()> source) {
        m_sealingKeySource = std::move(source);
    }
    // The card's holder, their PIN verified by the card at `verifiedAt`: no ID number asked.
    void useCard(const renshe::v1::InsertedCard& card,
                 const google::protobuf::Timestamp& verifiedAt);
    Q_INVOKABLE void idKey(const QString& key);
    Q_INVOKABLE void idBackspace();
    Q_INVOKABLE void digitKey(const QString& key);
    Q_INVOKABLE void digitBackspace();
    Q_INVOKABLE void choose(const QString& optionId);
    Q_INVOKABLE void next();
    Q_INVOKABLE void back();
    Q_INVOKABLE void skip();
    // Everything dropped (leaving the screen, the idle timeout, a card taken out).
    Q_INVOKABLE void reset();
    Q_INVOKABLE bool printSlip();

    void setIdCardReaderReady(bool ready);
    bool wantsIdCard() const { return m_step == Step::IdNumber; }
    void useIdCard(const drivers::idcard::IdCardText& card, const std::string& today);
    void showIdCardProblem(drivers::idcard::Problem p);

    // The page ids of the current kind, in order, given the answers so far (pages.cpp).
    std::vector<std::string> pages() const;
    // An application's state as the citizen reads it.
    static QString stateText(int state);

Q_SIGNALS:
    void changed();
    // The citizen leaves the page of an application made (or kept for later): the rating
    // screen may follow.
    void completed();

private:
    struct Page {
        Step step;
        QString question;
        QVariantList options;  // choices: {value, title} under a {header} per question
        bool optional = false;
        std::vector<std::string> groups = {};  // a choice page's questions
    };
    // application_pages.cpp: what a page asks and offers ("a+b": two questions on one page).
    Page pageInfo(const std::string& id) const;
    Page questionOf(const std::string& id) const;
    // The page's answers with the chosen ones marked ({id: "key=value", title, selected}).
    QVariantList markedOptions() const;
    QVariantList slotOptions() const;
    QVariantList recentMonths() const;
    // The answer of a page ("" when not given).
    std::string answer(const char* id) const;
    // The request the answers make (application_pages.cpp).
    renshe::v1::SubmitApplicationRequest request() const;
    QStringList confirmLines() const;
    // Takes the answer of the page on show; false (and a message) when it is not acceptable.
    bool takeAnswer();
    void show(std::size_t page);
    void fetchSlots();
    void submit();
    void lookUp();
    void lookUpMine();  // 进度查询 with the card: the holder's own, nothing typed
    void submitted(const renshe::v1::SubmitApplicationRequest& req,
                   const renshe::v1::SubmitApplicationResponse& resp,
                   const services::client::CallResult& result, bool kept);
    void refused(const services::client::CallResult& result);
    void fail(const QString& text);
    void wipe();

    std::shared_ptr<services::client::ChannelKeeper> m_backoffice;
    class ReceiptPrinter* m_receipts = nullptr;
    class Outbox* m_outbox = nullptr;
    std::function<std::optional<renshe::v1::GetSealingKeyResponse>()> m_sealingKeySource;
    Step m_step = Step::Choose;
    Kind m_kind = Kind::None;
    std::size_t m_page = 0;
    std::string m_pageId;
    IdNumberEntry m_id;
    PinyinInput m_text;
    std::string m_digits;
    QVariantList m_options;
    std::map<std::string, std::string> m_answers;  // page id → answer; wiped with the session
    std::optional<renshe::v1::CardHolderProof> m_card;
    bool m_idCardReady = false;
    std::vector<renshe::v1::Slot> m_slots;
    QString m_jobId, m_jobTitle;
    QString m_message;
    bool m_error = false;
    QStringList m_summary;
    QString m_number;
    bool m_queued = false;
    QStringList m_slipLines;
    UiAsync m_async{this};
};

}  // namespace renshe::kiosk
