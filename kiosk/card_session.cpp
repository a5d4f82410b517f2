#include "kiosk/card_session.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QThreadPool>
#include <QTimeZone>
#include <chrono>

#include "drivers/sscard/id_number.hpp"
#include "drivers/sscard/pin.hpp"
#include "kiosk/outbox.hpp"
#include "kiosk/receipt.hpp"
#include "renshe/v1/card.grpc.pb.h"
#include "services/client/call.hpp"

namespace renshe::kiosk {

namespace sscard = drivers::sscard;
namespace client = services::client;
using namespace renshe::v1;

namespace {

constexpr auto kDeadline = std::chrono::seconds(10);
constexpr const char* kInitialPin = "123456";  // the issuer's initial PIN of a new card

// What one flow's background run found out, applied on the UI thread.
struct Outcome {
    bool done = false;  // the flow completed
    QString message;
    bool error = false;
    std::optional<CardInfo> info;  // the back office's new view of the card
    QStringList history;           // Query: one line per status change
};

google::protobuf::Timestamp nowTimestamp() {
    google::protobuf::Timestamp ts;
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    ts.set_seconds(us / 1'000'000);
    ts.set_nanos(static_cast<int>(us % 1'000'000) * 1000);
    return ts;
}

}  // namespace

CardSession::CardSession(std::shared_ptr<client::ChannelKeeper> backoffice, bool watchReaders,
                         Outbox* outbox, ReceiptPrinter* receipts, QObject* parent)
    : QObject(parent), m_backoffice(std::move(backoffice)), m_outbox(outbox), m_receipts(receipts) {
    if (watchReaders) {
        QPointer<CardSession> self(this);
        auto post = [self](std::function<void(CardSession&)> f) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, f = std::move(f)] {
                    if (self)
                        f(*self);
                },
                Qt::QueuedConnection);
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

QString CardSession::statusText() const {
    if (!m_info)
        return {};
    if (m_info->expired())
        return tr("已过有效期");
    switch (m_info->status()) {
        case CARD_STATUS_ISSUED:
            return tr("未启用");
        case CARD_STATUS_ACTIVE:
            return tr("正常");
        case CARD_STATUS_TEMP_LOST:
            return tr("临时挂失");
        case CARD_STATUS_LOST:
            return tr("正式挂失");
        case CARD_STATUS_REPLACEMENT_REQUESTED:
            return tr("补换卡中");
        case CARD_STATUS_REPLACED:
            return tr("已补换");
        case CARD_STATUS_CANCELLED:
            return tr("已注销");
        default:
            return tr("未知");
    }
}

QString CardSession::prompt() const {
    switch (m_step) {
        case Step::CurrentPin:
            return tr("请输入社保卡密码");
        case Step::NewPin:
            return tr("请设置6位新密码");
        case Step::ConfirmPin:
            return tr("请再次输入新密码");
        case Step::ServicePassword:
            return m_flow == Flow::Activate
                       ? tr("请设置6位服务密码（挂失时使用，不能与卡密码相同）")
                       : tr("请输入服务密码");
        default:
            return {};
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

void CardSession::async(std::function<void()> call, std::function<void()> then) {
    QPointer<CardSession> self(this);
    const auto generation = m_generation;
    QThreadPool::globalInstance()->start(
        [self, generation, call = std::move(call), then = std::move(then)] {
            call();
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, generation, then] {
                    if (self && self->m_generation == generation)
                        then();
                },
                Qt::QueuedConnection);
        });
}

void CardSession::cardInserted(const sscard::CardData& data) {
    ++m_generation;
    wipeSecrets();
    m_card = data;
    m_info.reset();
    m_flow = Flow::None;
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
    ++m_generation;
    wipeSecrets();
    m_card.reset();
    m_info.reset();
    m_flow = Flow::None;
    m_maskedName.clear();
    m_maskedSsn.clear();
    m_cardNumber.clear();
    m_actions.clear();
    m_history.clear();
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
    ++m_generation;
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
    async(
        [keeper, req, resp, result] {
            grpc::ClientContext ctx;
            client::setDeadline(ctx, kDeadline);
            const auto status =
                CardService::NewStub(keeper->channel())->GetCardStatus(&ctx, *req, resp.get());
            *result = client::resultOf(status, ctx);
            keeper->reportReachable(!result->transient());
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
                m_message = refusalText(result->refusal, result->retryAfterSeconds);
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
    const auto weak = [&](const std::string& candidate,
                          const std::optional<std::string>& old) -> QString {
        const auto p = sscard::Pin::fromDigits(candidate);
        const auto oldPin = old ? sscard::Pin::fromDigits(*old) : std::nullopt;
        const auto reason = sscard::weakPinReason(*p, m_card->birthDate, oldPin);
        if (!reason)
            return {};
        switch (*reason) {
            case sscard::WeakPinReason::InitialPin:
                return tr("不能使用初始密码123456");
            case sscard::WeakPinReason::AllSame:
                return tr("密码不能是相同的数字");
            case sscard::WeakPinReason::Sequence:
                return tr("密码不能是连续的数字");
            case sscard::WeakPinReason::BirthDate:
                return tr("密码不能是您的出生日期");
            case sscard::WeakPinReason::SameAsOld:
                return tr("新密码不能与原密码相同");
        }
        return {};
    };
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
            const QString why =
                weak(digits, m_flow == Flow::Activate    ? std::optional<std::string>(kInitialPin)
                             : m_flow == Flow::ChangePin ? std::optional<std::string>(m_currentPin)
                                                         : std::nullopt);
            if (!why.isEmpty()) {
                setMessage(tr("%1，请重新设置").arg(why), true);
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
                const QString why = weak(digits, std::nullopt);
                if (!why.isEmpty() || digits == m_newPin) {
                    setMessage(tr("%1，请重新设置")
                                   .arg(why.isEmpty() ? tr("服务密码不能与卡密码相同") : why),
                               true);
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

QString CardSession::pinResultText(const sscard::PinResult& r) const {
    switch (r.status) {
        case sscard::PinResult::Status::Wrong:
            return tr("密码错误，还可以再试%1次").arg(r.triesLeft);
        case sscard::PinResult::Status::Blocked:
            return tr("密码已锁定。可以用服务密码重置，或带身份证到窗口办理");
        case sscard::PinResult::Status::Refused:
            return tr("卡片拒绝了这次操作，请到窗口办理");
        default:
            return {};
    }
}

QString CardSession::refusalText(int reason, int retryAfter) const {
    switch (reason) {
        case REFUSAL_REASON_UNKNOWN_CARD:
            return tr("这张卡未在系统中登记，请到窗口咨询");
        case REFUSAL_REASON_WRONG_CARD_STATE:
            return tr("卡片当前状态不能办理此业务，请到窗口咨询");
        case REFUSAL_REASON_SECOND_FACTOR_FAILED:
            return tr("服务密码不正确");
        case REFUSAL_REASON_LOSS_IS_FORMAL:
            return tr("此卡已正式挂失，请带身份证到窗口解挂");
        case REFUSAL_REASON_REPLACEMENT_REQUESTED:
            return tr("此卡已申请补换，新卡制作中，不能解挂");
        case REFUSAL_REASON_RATE_LIMITED:
            return tr("尝试次数过多，请%1分钟后再试，或到窗口办理")
                .arg(std::max(1, (retryAfter + 59) / 60));
        case REFUSAL_REASON_OUTSIDE_REGION:
            return tr("本终端只能办理本辖区参保人员的业务，请到参保地办理");
        case REFUSAL_REASON_CARD_EXPIRED:
            return tr("社保卡已过有效期，请到窗口换卡");
        case REFUSAL_REASON_VERIFICATION_STALE:
            return tr("操作超时，请重新输入密码");
        case REFUSAL_REASON_WEAK_PASSWORD:
            return tr("服务密码太简单，请重新设置");
        case REFUSAL_REASON_NOT_ENROLLED:
            return tr("您还没有登记指纹，请使用服务密码");
        default:
            return tr("暂时无法办理，请联系工作人员");
    }
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

    // Everything the run needs, copied for the worker; the secrets are wiped there.
    struct Job {
        Flow flow;
        std::string currentPin, newPin, servicePassword;
        InsertedCard card;
        std::shared_ptr<client::ChannelKeeper> keeper;
        Outbox* outbox = nullptr;
        Outcome outcome;
        ~Job() {
            PinEntry::wipe(currentPin);
            PinEntry::wipe(newPin);
            PinEntry::wipe(servicePassword);
        }
    };
    auto job = std::make_shared<Job>();
    job->flow = m_flow;
    job->currentPin = m_currentPin;
    job->newPin = m_newPin;
    job->servicePassword = m_servicePassword;
    job->card = inserted();
    job->keeper = m_backoffice;
    job->outbox = m_outbox;
    wipeSecrets();

    const QString networkDown = tr("网络暂时不通，请稍后再试，或到窗口办理");
    const QString cardChangedButNotReported =
        tr("卡片密码已修改，但未能通知社保系统。请不要再次启用，联系工作人员处理");
    auto refusal = [this](const client::CallResult& r) {
        return refusalText(r.refusal, r.retryAfterSeconds);
    };
    auto pinText = [this](const sscard::PinResult& r) { return pinResultText(r); };
    const QString activated = tr("社保卡已启用，请牢记您的新密码");
    const QString pinChanged = tr("密码修改成功，请牢记新密码");
    const QString unreported = tr("解挂成功，社保卡已恢复正常使用");
    const QString reset = tr("密码已重置，请牢记新密码");
    const QString pulled = tr("卡片被拔出，操作可能没有完成。请重新插卡查看");
    const QString initialPinChanged = tr("卡片的初始密码已被修改，请到窗口办理启用");
    const QString queried = tr("以下是您的社保卡记录（最新在前）");
    std::function<QString(int)> statusName = [](int st) {
        switch (st) {
            case CARD_STATUS_ISSUED:
                return tr("未启用");
            case CARD_STATUS_ACTIVE:
                return tr("正常");
            case CARD_STATUS_TEMP_LOST:
                return tr("临时挂失");
            case CARD_STATUS_LOST:
                return tr("正式挂失");
            case CARD_STATUS_REPLACEMENT_REQUESTED:
                return tr("补换卡中");
            case CARD_STATUS_REPLACED:
                return tr("已补换");
            case CARD_STATUS_CANCELLED:
                return tr("已注销");
            default:
                return tr("发卡");
        }
    };
    const QString activatedPending =
        tr("社保卡已启用，请牢记您的新密码。网络恢复后将自动通知社保系统");

    QPointer<CardSession> self(this);
    const auto generation = m_generation;
    m_reader->post(
        [job, networkDown, cardChangedButNotReported, refusal, pinText, activated, pinChanged,
         unreported, reset, initialPinChanged, activatedPending, queried,
         statusName](sscard::SocialSecurityCard& card) {
            auto stub = CardService::NewStub(job->keeper->channel());
            auto finish = [&](grpc::ClientContext& ctx, const grpc::Status& st) {
                const auto r = client::resultOf(st, ctx);
                job->keeper->reportReachable(!r.transient());
                return r;
            };
            auto& out = job->outcome;
            auto pinOf = [](const std::string& d) { return *sscard::Pin::fromDigits(d); };
            // The holder's PIN checked by the card itself; a wrong one ends the flow with the
            // tries left (or the blocked-PIN guidance) as the message.
            auto pinAccepted = [&] {
                const auto r = card.verifyPin(pinOf(job->currentPin));
                if (r.status == sscard::PinResult::Status::Ok)
                    return true;
                out.error = true;
                out.message = pinText(r);
                return false;
            };
            switch (job->flow) {
                case Flow::Activate:
                case Flow::ChangePin: {
                    const bool activation = job->flow == Flow::Activate;
                    const auto r = card.changePin(pinOf(activation ? kInitialPin : job->currentPin),
                                                  pinOf(job->newPin));
                    if (r.status != sscard::PinResult::Status::Ok) {
                        out.error = true;
                        out.message = activation && r.status == sscard::PinResult::Status::Wrong
                                          ? initialPinChanged
                                          : pinText(r);
                        return;
                    }
                    ReportPinChangedRequest req;
                    req.set_request_id(client::newRequestId());
                    *req.mutable_card() = job->card;
                    req.set_kind(activation ? PIN_CHANGE_KIND_ACTIVATION : PIN_CHANGE_KIND_CHANGE);
                    if (activation)
                        req.set_service_password(job->servicePassword);
                    *req.mutable_changed_at() = nowTimestamp();
                    ReportPinChangedResponse resp;
                    client::CallResult result;
                    for (int attempt = 0; attempt < 3; ++attempt) {  // same request id each time
                        grpc::ClientContext ctx;
                        client::setDeadline(ctx, kDeadline);
                        result = finish(ctx, stub->ReportPinChanged(&ctx, req, &resp));
                        if (!result.transient())
                            break;
                    }
                    if (result.transient() && job->outbox) {
                        // The card has changed; the back office hears of it from the outbox,
                        // with this request id, as soon as it is reachable.
                        job->outbox->enqueue("/renshe.v1.CardService/ReportPinChanged",
                                             req.request_id(), req.SerializeAsString());
                        out.done = true;
                        out.message = activation ? activatedPending : pinChanged;
                        return;
                    }
                    if (!result.ok()) {
                        // A change on an active card is only an audit record; an activation the
                        // back office never heard of leaves the card unusable until staff fix it.
                        out.message = activation ? cardChangedButNotReported : pinChanged;
                        out.error = activation;
                        return;
                    }
                    out.done = true;
                    out.info = resp.card();
                    out.message = activation ? activated : pinChanged;
                    return;
                }
                case Flow::Query: {
                    if (!pinAccepted())
                        return;
                    GetCardHistoryRequest req;
                    *req.mutable_card() = job->card;
                    *req.mutable_pin_verified_at() = nowTimestamp();
                    GetCardHistoryResponse resp;
                    grpc::ClientContext ctx;
                    client::setDeadline(ctx, kDeadline);
                    const auto result = finish(ctx, stub->GetCardHistory(&ctx, req, &resp));
                    if (!result.ok()) {
                        out.error = true;
                        out.message = result.transient() ? networkDown : refusal(result);
                        return;
                    }
                    for (const auto& h : resp.history()) {
                        const QString when =
                            QDateTime::fromSecsSinceEpoch(h.at().seconds(), QTimeZone(8 * 3600))
                                .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
                        out.history
                            << QStringLiteral("%1  %2  %3 → %4")
                                   .arg(when, QString::fromStdString(h.card_number()),
                                        statusName(h.from_status()), statusName(h.to_status()));
                    }
                    out.done = true;
                    out.message = queried;
                    return;
                }
                case Flow::Unreport: {
                    if (!pinAccepted())
                        return;
                    UnreportLossRequest req;
                    req.set_request_id(client::newRequestId());
                    *req.mutable_card() = job->card;
                    *req.mutable_pin_verified_at() = nowTimestamp();
                    UnreportLossResponse resp;
                    grpc::ClientContext ctx;
                    client::setDeadline(ctx, kDeadline);
                    const auto result = finish(ctx, stub->UnreportLoss(&ctx, req, &resp));
                    if (!result.ok()) {
                        out.error = true;
                        out.message = result.transient() ? networkDown : refusal(result);
                        return;
                    }
                    out.done = true;
                    out.info = resp.card();
                    out.message = unreported;
                    return;
                }
                case Flow::ResetPin: {
                    BeginPinResetRequest begin;
                    begin.set_request_id(client::newRequestId());
                    *begin.mutable_card() = job->card;
                    begin.mutable_second_factor()->set_service_password(job->servicePassword);
                    BeginPinResetResponse session;
                    {
                        grpc::ClientContext ctx;
                        client::setDeadline(ctx, kDeadline);
                        const auto result = finish(ctx, stub->BeginPinReset(&ctx, begin, &session));
                        if (!result.ok()) {
                            out.error = true;
                            out.message = result.transient() ? networkDown : refusal(result);
                            return;
                        }
                    }
                    const auto challenge = card.getChallenge();
                    ComputePinResetCryptogramRequest creq;
                    creq.set_request_id(client::newRequestId());
                    creq.set_reset_session_id(session.reset_session_id());
                    creq.set_card_identifier(job->card.card_identifier());
                    creq.set_challenge(std::string(challenge.begin(), challenge.end()));
                    creq.set_operation(PIN_RESET_OPERATION_RELOAD);
                    ComputePinResetCryptogramResponse cresp;
                    {
                        grpc::ClientContext ctx;
                        client::setDeadline(ctx, kDeadline);
                        const auto result =
                            finish(ctx, stub->ComputePinResetCryptogram(&ctx, creq, &cresp));
                        if (!result.ok() || cresp.cryptogram().size() != 16) {
                            out.error = true;
                            out.message = result.transient() ? networkDown : refusal(result);
                            return;
                        }
                    }
                    sscard::Key key{};
                    std::copy_n(cresp.cryptogram().begin(), 16, key.begin());
                    const auto r = card.reloadPin(key, pinOf(job->newPin));
                    key.fill(0);
                    ReportPinResetResultRequest rep;
                    rep.set_request_id(client::newRequestId());
                    rep.set_reset_session_id(session.reset_session_id());
                    *rep.mutable_card() = job->card;
                    rep.set_operation(PIN_RESET_OPERATION_RELOAD);
                    rep.set_succeeded(r.status == sscard::PinResult::Status::Ok);
                    rep.set_card_status_word(r.status == sscard::PinResult::Status::Ok ? "9000"
                                                                                       : "6982");
                    ReportPinResetResultResponse rresp;
                    grpc::ClientContext ctx;
                    client::setDeadline(ctx, kDeadline);
                    const auto reported =
                        finish(ctx, stub->ReportPinResetResult(&ctx, rep, &rresp));
                    if (reported.transient() && job->outbox) {
                        job->outbox->enqueue("/renshe.v1.CardService/ReportPinResetResult",
                                             rep.request_id(), rep.SerializeAsString());
                    }
                    if (r.status != sscard::PinResult::Status::Ok) {
                        out.error = true;
                        out.message = pinText(r);
                        return;
                    }
                    out.done = true;
                    if (reported.ok())
                        out.info = rresp.card();
                    out.message = reset;
                    return;
                }
                case Flow::None:
                    return;
            }
        },
        [self, generation, job, pulled](std::exception_ptr error) {
            if (error) {
                try {
                    std::rethrow_exception(error);
                } catch (const sscard::PinChangeOutcomeUnknown&) {
                    job->outcome = {false, pulled, true, std::nullopt, {}};
                } catch (const drivers::pcsc::CardRemoved&) {
                    job->outcome = {false, pulled, true, std::nullopt, {}};
                } catch (const std::exception& e) {
                    qWarning("card session: card command failed: %s", e.what());
                    job->outcome = {false, pulled, true, std::nullopt, {}};
                }
            }
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, generation, job] {
                    if (!self || self->m_generation != generation)
                        return;
                    auto& s = *self;
                    if (job->outcome.info)
                        s.applyCardInfo(*job->outcome.info);
                    s.m_history = job->outcome.history;
                    if (job->outcome.done)
                        s.keepReceipt(job->flow, job->outcome.message);
                    s.m_flow = Flow::None;
                    s.m_message = job->outcome.message;
                    s.m_messageIsError = job->outcome.error;
                    s.setStage(Stage::Ready);
                },
                Qt::QueuedConnection);
        });
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
