#include "kiosk/card_session.hpp"

#include <QCoreApplication>
#include <chrono>

#include "drivers/sscard/id_number.hpp"
#include "drivers/sscard/pin.hpp"
#include "kiosk/card/flows.hpp"
#include "kiosk/card/grpc_back_office.hpp"
#include "kiosk/card/sscard_port.hpp"
#include "kiosk/china_time.hpp"
#include "kiosk/messages.hpp"
#include "kiosk/outbox.hpp"
#include "kiosk/pin_rules.hpp"
#include "kiosk/receipt.hpp"
#include "renshe/v1/card.grpc.pb.h"
#include "services/client/call.hpp"

namespace renshe::kiosk {

namespace sscard = drivers::sscard;
namespace client = services::client;
using namespace renshe::v1;

namespace {

// The message of an exception the reader worker caught, for the technician's log; empty for
// a card simply pulled (nothing to say, and nothing personal either way).
std::string whatOf(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const sscard::PinChangeOutcomeUnknown&) {
    } catch (const drivers::pcsc::CardRemoved&) {
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown error";
    }
    return {};
}

}  // namespace

CardSession::CardSession(std::shared_ptr<client::ChannelKeeper> backoffice, bool watchReaders,
                         Outbox* outbox, ReceiptPrinter* receipts, QObject* parent)
    : QObject(parent),
      m_backoffice(std::move(backoffice)),
      m_outbox(outbox),
      m_receipts(receipts),
      m_records(new RecordsView(this)) {
    connect(m_records, &RecordsView::changed, this, &CardSession::changed);
    if (watchReaders) {
        auto post = [this](std::function<void(CardSession&)> f) {
            postToUi(this, [this, f = std::move(f)] { f(*this); });
        };
        m_reader = std::make_unique<CardReader>(CardReader::Callbacks{
            [post](const sscard::CardData& d) { post([d](CardSession& s) { s.cardInserted(d); }); },
            [post](CardProblem p) { post([p](CardSession& s) { s.cardProblem(p); }); },
            [post] { post([](CardSession& s) { s.cardRemoved(); }); },
        });
    }
}

CardSession::~CardSession() {
    m_reader.reset();  // joins the worker: no callback after this
    wipeSecrets();
}

QString CardSession::cardStatus() const {
    if (!m_info)
        return {};
    switch (m_info->status()) {
        case CARD_STATUS_ISSUED:
            return QStringLiteral("issued");
        case CARD_STATUS_ACTIVE:
            return QStringLiteral("active");
        case CARD_STATUS_TEMP_LOST:
            return QStringLiteral("tempLost");
        case CARD_STATUS_LOST:
            return QStringLiteral("lost");
        case CARD_STATUS_REPLACEMENT_REQUESTED:
            return QStringLiteral("replacementRequested");
        case CARD_STATUS_REPLACED:
            return QStringLiteral("replaced");
        case CARD_STATUS_CANCELLED:
            return QStringLiteral("cancelled");
        default:
            return QStringLiteral("unknown");
    }
}

void CardSession::setMessage(const QString& text, bool error) {
    m_message = text;
    m_messageIsError = error;
    Q_EMIT changed();
}

void CardSession::setStage(Stage stage, Step step) {
    m_stage = stage;
    m_step = step;
    if (stage == Stage::Entry)
        m_pin.clear();
    Q_EMIT changed();
}

void CardSession::wipeSecrets() {
    PinEntry::wipe(m_currentPin);
    PinEntry::wipe(m_newPin);
    PinEntry::wipe(m_servicePassword);
    m_pin.clear();
}

InsertedCard CardSession::inserted() const {
    InsertedCard c;
    c.set_card_identifier(
        std::string(m_card->cardIdentifier.begin(), m_card->cardIdentifier.end()));
    c.set_card_number(m_card->cardNumber);
    c.set_ssn(m_card->ssn);
    return c;
}

void CardSession::cardInserted(const sscard::CardData& data) {
    m_async.invalidate();
    wipeSecrets();
    m_card = data;
    m_info.reset();
    m_flow = Flow::None;
    m_records->clear();  // records opened without a card (a finger) are someone else's
    m_maskedName = QString::fromStdString(sscard::maskName(data.name));
    m_maskedSsn = QString::fromStdString(sscard::maskIdNumber(data.ssn));
    m_cardNumber = QString::fromStdString(data.cardNumber);
    m_actions.clear();
    m_message = tr("正在查询卡片状态，请稍候…");
    m_messageIsError = false;
    setStage(Stage::Reading);
    refreshStatus();
}

void CardSession::cardRemoved() {
    m_async.invalidate();
    wipeSecrets();
    m_card.reset();
    m_info.reset();
    m_flow = Flow::None;
    m_maskedName.clear();
    m_maskedSsn.clear();
    m_cardNumber.clear();
    m_actions.clear();
    m_history.clear();
    m_records->clear();
    m_receiptTitle.clear();
    m_receiptLines.clear();
    m_message.clear();
    m_messageIsError = false;
    setStage(Stage::NoCard);
}

void CardSession::cardProblem(CardProblem problem) {
    if (problem == CardProblem::ReaderGone) {
        // No reader or no pcscd: nothing to serve a card with. The attract screen stays (a
        // technician sees it in the log and in the heartbeat's device status).
        qWarning("card reader: PC/SC service or reader unavailable");
        if (m_stage != Stage::NoCard)
            cardRemoved();
        return;
    }
    m_async.invalidate();
    wipeSecrets();
    m_card.reset();
    m_info.reset();
    m_actions.clear();
    switch (problem) {
        case CardProblem::Mute:
            m_message = tr("读不到卡片，请确认芯片朝上、朝里重新插卡");
            break;
        case CardProblem::NotSocialSecurityCard:
            m_message = tr("这不是社会保障卡，请插入社保卡");
            break;
        case CardProblem::Blocked:
            m_message = tr("社保卡已锁定，请带身份证到窗口办理");
            break;
        case CardProblem::Unreadable:
            m_message = tr("卡片信息读取失败，请取出后重新插卡");
            break;
        case CardProblem::ReaderGone:
            break;
    }
    m_messageIsError = true;
    setStage(Stage::Problem);
}

void CardSession::refreshStatus() {
    if (!m_backoffice) {
        m_message = tr("网络未连接，暂时只能查看卡片信息");
        m_messageIsError = true;
        setStage(Stage::Ready);
        return;
    }
    auto req = std::make_shared<GetCardStatusRequest>();
    *req->mutable_card() = inserted();
    auto resp = std::make_shared<GetCardStatusResponse>();
    auto result = std::make_shared<client::CallResult>();
    auto keeper = m_backoffice;
    m_async.run(
        [keeper, req, resp, result] {
            *result = client::unary<CardService>(*keeper, &CardService::Stub::GetCardStatus, *req,
                                                 resp.get());
        },
        [this, resp, result] {
            if (result->ok()) {
                applyCardInfo(resp->card());
                m_message = m_info->status() == CARD_STATUS_ISSUED
                                ? tr("新卡需要先启用：设置您自己的密码")
                                : QString();
                m_messageIsError = false;
                setStage(Stage::Ready);
            } else if (result->transient()) {
                m_message = tr("网络暂时不通，请稍后再试，或到窗口办理");
                m_messageIsError = true;
                setStage(Stage::Ready);
            } else {
                m_message = CitizenMessages::text(*result);
                m_messageIsError = true;
                setStage(Stage::Problem);
            }
        });
}

void CardSession::applyCardInfo(const CardInfo& info) {
    m_info = info;
    m_actions.clear();
    for (int a : info.allowed_actions()) {
        switch (a) {
            case CARD_ACTION_ACTIVATE:
                m_actions << QStringLiteral("activate");
                break;
            case CARD_ACTION_CHANGE_PIN:
                m_actions << QStringLiteral("changePin");
                break;
            case CARD_ACTION_UNREPORT_LOSS:
                m_actions << QStringLiteral("unreport");
                break;
            case CARD_ACTION_RESET_PIN:
                m_actions << QStringLiteral("resetPin");
                break;
            case CARD_ACTION_CERTIFY:
                m_actions << QStringLiteral("certify");
                break;
            case CARD_ACTION_QUERY:
                m_actions << QStringLiteral("query");
                break;
            case CARD_ACTION_RECORDS:
                // 我的社保 and 业务申请 both need an active card and its holder's PIN.
                if (m_backoffice)
                    m_actions << QStringLiteral("records") << QStringLiteral("apply");
                break;
            default:
                break;
        }
    }
}

void CardSession::begin(const QString& action) {
    if (m_stage != Stage::Ready || !m_actions.contains(action))
        return;
    m_history.clear();
    m_receiptTitle.clear();
    m_receiptLines.clear();
    if (action == QStringLiteral("certify"))
        return;  // its own screen (CertificationSession)
    wipeSecrets();
    m_message.clear();
    m_messageIsError = false;
    if (action == QStringLiteral("activate")) {
        m_flow = Flow::Activate;
        setStage(Stage::Entry, Step::NewPin);
    } else if (action == QStringLiteral("changePin")) {
        m_flow = Flow::ChangePin;
        setStage(Stage::Entry, Step::CurrentPin);
    } else if (action == QStringLiteral("unreport")) {
        m_flow = Flow::Unreport;
        setStage(Stage::Entry, Step::CurrentPin);
    } else if (action == QStringLiteral("query")) {
        m_flow = Flow::Query;
        setStage(Stage::Entry, Step::CurrentPin);
    } else if (action == QStringLiteral("apply")) {
        m_flow = Flow::Apply;
        setStage(Stage::Entry, Step::CurrentPin);
    } else if (action == QStringLiteral("records")) {
        m_flow = Flow::Records;
        m_records->clear();
        setStage(Stage::Entry, Step::CurrentPin);
    } else if (action == QStringLiteral("resetPin")) {
        m_flow = Flow::ResetPin;
        setStage(Stage::Entry, Step::ServicePassword);
    }
}

void CardSession::cancel() {
    if (m_stage != Stage::Entry)
        return;
    wipeSecrets();
    m_flow = Flow::None;
    m_message.clear();
    m_messageIsError = false;
    setStage(Stage::Ready);
}

void CardSession::timedOut() {
    if (m_stage == Stage::NoCard || m_stage == Stage::Working)
        return;
    wipeSecrets();
    m_flow = Flow::None;
    m_records->clear();
    m_receiptTitle.clear();
    m_receiptLines.clear();
    m_message = tr("操作超时，请取走社保卡");
    m_messageIsError = true;
    setStage(m_stage == Stage::Problem ? Stage::Problem : Stage::Ready);
}

void CardSession::confirm() {
    if (m_stage != Stage::Entry)
        return;
    if (!m_pin.complete()) {
        setMessage(tr("请输入6位数字"), true);
        return;
    }
    std::string digits = m_pin.take();
    const auto birthDate = m_card->birthDate;
    switch (m_step) {
        case Step::CurrentPin:
            m_currentPin = digits;
            if (m_flow == Flow::ChangePin) {
                m_message.clear();
                setStage(Stage::Entry, Step::NewPin);
            } else {
                run();
            }
            break;
        case Step::NewPin: {
            const QString why = PinRules::weakPin(
                digits, birthDate,
                m_flow == Flow::Activate    ? std::optional<std::string>(card::kInitialPin)
                : m_flow == Flow::ChangePin ? std::optional<std::string>(m_currentPin)
                                            : std::nullopt);
            if (!why.isEmpty()) {
                setMessage(PinRules::setAgain(why), true);
                break;
            }
            m_newPin = digits;
            m_message.clear();
            setStage(Stage::Entry, Step::ConfirmPin);
            break;
        }
        case Step::ConfirmPin:
            if (digits != m_newPin) {
                PinEntry::wipe(m_newPin);
                m_message = tr("两次输入的密码不一致，请重新设置");
                m_messageIsError = true;
                setStage(Stage::Entry, Step::NewPin);
                break;
            }
            if (m_flow == Flow::Activate) {
                m_message.clear();
                setStage(Stage::Entry, Step::ServicePassword);
            } else {
                run();
            }
            break;
        case Step::ServicePassword:
            if (m_flow == Flow::Activate) {
                const QString why = PinRules::weakServicePassword(digits, birthDate, m_newPin);
                if (!why.isEmpty()) {
                    setMessage(PinRules::setAgain(why), true);
                    break;
                }
                m_servicePassword = digits;
                run();
            } else {
                m_servicePassword = digits;
                m_message.clear();
                setStage(Stage::Entry, Step::NewPin);
            }
            break;
        case Step::None:
            break;
    }
    PinEntry::wipe(digits);
}

void CardSession::run() {
    if (!m_reader || !m_card || !m_backoffice) {
        wipeSecrets();
        m_message = tr("暂时无法办理，请联系工作人员");
        m_messageIsError = true;
        setStage(Stage::Ready);
        return;
    }
    m_message = tr("正在办理，请不要拔卡…");
    m_messageIsError = false;
    setStage(Stage::Working);

    // Everything the run needs, copied for the worker; the flow wipes the secrets when it ends
    // (and the job's Secrets once more when it is destroyed).
    struct Job {
        Flow flow;
        card::Secrets secrets;
        InsertedCard card;
        std::shared_ptr<client::ChannelKeeper> keeper;
        Outbox* outbox = nullptr;
        std::optional<renshe::v1::GetSealingKeyResponse> sealingKey;
        int year = 0;  // 我的社保: the year shown first (this one, China time)
        card::Outcome outcome;
    };
    auto job = std::make_shared<Job>();
    job->flow = m_flow;
    job->secrets.currentPin = m_currentPin;
    job->secrets.newPin = m_newPin;
    job->secrets.servicePassword = m_servicePassword;
    job->card = inserted();
    job->keeper = m_backoffice;
    job->outbox = m_outbox;
    if (m_sealingKeySource)
        job->sealingKey = m_sealingKeySource();
    job->year = chinaTime(QDateTime::currentSecsSinceEpoch()).date().year();
    wipeSecrets();

    m_reader->post(
        [job](sscard::SocialSecurityCard& app) {
            card::SocialSecurityCardPort port(app);
            if (job->flow == Flow::Apply) {
                job->outcome = card::verifyHolder(port, job->secrets, card::systemClock);
                return;
            }
            if (job->flow == Flow::Records) {
                card::GrpcRecordsBackOffice records(job->keeper);
                job->outcome = card::queryRecords(port, records, job->card, job->secrets,
                                                  card::systemClock, job->year);
                return;
            }
            card::GrpcCardBackOffice backOffice(job->keeper, job->sealingKey);
            const auto flow = [&]() -> decltype(&card::activate) {
                switch (job->flow) {
                    case Flow::Activate:
                        return card::activate;
                    case Flow::ChangePin:
                        return card::changePin;
                    case Flow::Unreport:
                        return card::unreport;
                    case Flow::ResetPin:
                        return card::resetPin;
                    case Flow::Query:
                        return card::queryHistory;
                    case Flow::Records:
                    case Flow::Apply:
                    case Flow::None:
                        break;
                }
                return nullptr;
            }();
            if (flow)
                job->outcome =
                    flow(port, backOffice, job->outbox, job->card, job->secrets, card::systemClock);
        },
        [post = m_async.poster(), this, job](const std::exception_ptr& error) {
            // The session could not be opened for the flow (the card left before it started).
            if (error)
                job->outcome = card::Outcome::cardPulled(whatOf(error));
            if (!job->outcome.diagnostic.empty()) {
                qWarning("card session: card command failed: %s", job->outcome.diagnostic.c_str());
            }
            post([this, job] { applyOutcome(job->flow, job->outcome); });
        });
}

void CardSession::applyOutcome(Flow flow, const card::Outcome& outcome) {
    if (outcome.info)
        applyCardInfo(*outcome.info);
    m_history.clear();
    for (const auto& h : outcome.history)
        m_history << historyLine(h);
    if (outcome.records)
        m_records->show(*outcome.records, m_backoffice);
    if (outcome.verifiedAt) {
        m_flow = Flow::None;
        m_message.clear();
        m_messageIsError = false;
        setStage(Stage::Ready);
        Q_EMIT holderVerified(inserted(), card::timestampOf(*outcome.verifiedAt));
        return;
    }
    const QString text = outcomeText(outcome);
    if (outcome.done)
        keepReceipt(flow, text);
    m_flow = Flow::None;
    m_message = text;
    m_messageIsError = outcome.error;
    setStage(Stage::Ready);
    if (outcome.done)
        Q_EMIT flowCompleted();
}

void CardSession::keepReceipt(Flow flow, const QString& result) {
    switch (flow) {
        case Flow::Activate:
            m_receiptTitle = tr("社保卡启用回执");
            break;
        case Flow::ChangePin:
            m_receiptTitle = tr("社保卡修改密码回执");
            break;
        case Flow::Unreport:
            m_receiptTitle = tr("社保卡解挂回执");
            break;
        case Flow::ResetPin:
            m_receiptTitle = tr("社保卡密码重置回执");
            break;
        default:
            m_receiptTitle.clear();
            return;
    }
    // The card number with its middle hidden, like the ID number: enough to tell cards apart.
    QString card = m_cardNumber;
    for (qsizetype i = 2; i + 2 < card.size(); ++i)
        card[i] = QLatin1Char('*');
    m_receiptLines = {tr("姓名：%1").arg(m_maskedName), tr("社会保障号码：%1").arg(m_maskedSsn),
                      tr("社保卡卡号：%1").arg(card), tr("办理结果：%1").arg(result)};
    if (!statusText().isEmpty())
        m_receiptLines.push_back(tr("卡片状态：%1").arg(statusText()));
}

bool CardSession::printReceipt() {
    if (m_receiptTitle.isEmpty() || !m_receipts)
        return false;
    return m_receipts->print(m_receiptTitle, m_receiptLines);
}

}  // namespace renshe::kiosk
