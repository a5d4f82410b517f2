// What the card services say, as translatable text (Chinese is the source language; the
// translations are in i18n/*.ts under the CardSession context): the card's status, the
// prompts, and the message of each flow's outcome.
#include <QDateTime>
#include <QTimeZone>
#include <algorithm>

#include "kiosk/card/flows.hpp"
#include "kiosk/card_session.hpp"
#include "kiosk/china_time.hpp"
#include "kiosk/messages.hpp"

namespace renshe::kiosk {

namespace sscard = drivers::sscard;
namespace client = services::client;
using namespace renshe::v1;

QString CardSession::statusText() const {
    if (!m_info)
        return {};
    if (m_info->expired())
        return tr("已过有效期");
    return statusName(m_info->status(), tr("未知"));
}

QString CardSession::statusName(int status, const QString& otherwise) {
    switch (status) {
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
            return otherwise;
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

QString CardSession::actionTitle(const QString& action) const {
    if (action == QStringLiteral("activate"))
        return tr("启用社保卡");
    if (action == QStringLiteral("changePin"))
        return tr("修改密码");
    if (action == QStringLiteral("unreport"))
        return tr("解除挂失");
    if (action == QStringLiteral("resetPin"))
        return tr("忘记密码");
    if (action == QStringLiteral("certify"))
        return tr("养老资格认证");
    if (action == QStringLiteral("query"))
        return tr("查询卡片记录");
    if (action == QStringLiteral("records"))
        return tr("我的社保");
    if (action == QStringLiteral("apply"))
        return tr("业务申请");
    return action;
}

QVariantList CardSession::actionItems() const {
    QVariantList items;
    for (const QString& a : m_actions)
        items.push_back(
            QVariantMap{{QStringLiteral("id"), a}, {QStringLiteral("title"), actionTitle(a)}});
    return items;
}

bool CardSession::statusNormal() const {
    return m_info && !m_info->expired() && m_info->status() == CARD_STATUS_ACTIVE;
}

QString CardSession::outcomeText(const card::Outcome& outcome) const {
    using card::MessageId;
    switch (outcome.message) {
        case MessageId::None:
            return {};
        case MessageId::Activated:
            return tr("社保卡已启用，请牢记您的新密码");
        case MessageId::ActivatedPending:
            return tr("社保卡已启用，请牢记您的新密码。网络恢复后将自动通知社保系统");
        case MessageId::PinChanged:
            return tr("密码修改成功，请牢记新密码");
        case MessageId::Unreported:
            return tr("解挂成功，社保卡已恢复正常使用");
        case MessageId::Reset:
            return tr("密码已重置，请牢记新密码");
        case MessageId::Queried:
            return tr("以下是您的社保卡记录（最新在前）");
        case MessageId::RecordsFound:
            return tr("参保记录已查询，取卡后不再显示");
        case MessageId::NetworkDown:
            return tr("网络暂时不通，请稍后再试，或到窗口办理");
        case MessageId::CardChangedButNotReported:
            return tr("卡片密码已修改，但未能通知社保系统。请不要再次启用，联系工作人员处理");
        case MessageId::InitialPinChanged:
            return tr("卡片的初始密码已被修改，请到窗口办理启用");
        case MessageId::CardPulled:
            return tr("卡片被拔出，操作可能没有完成。请重新插卡查看");
        case MessageId::PinWrong:
        case MessageId::PinBlocked:
        case MessageId::CardRefused:
            return outcome.pin ? pinResultText(*outcome.pin) : QString();
        case MessageId::Refusal:
            return CitizenMessages::text(
                client::citizenMessage(static_cast<RefusalReason>(outcome.refusal)),
                outcome.retryAfterSeconds);
    }
    return {};
}

QString CardSession::historyLine(const card::HistoryEntry& h) {
    const QString when = chinaTime(h.atSeconds).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return QStringLiteral("%1  %2  %3 → %4")
        .arg(when, QString::fromStdString(h.cardNumber), statusName(h.from, tr("发卡")),
             statusName(h.to, tr("发卡")));
}

}  // namespace renshe::kiosk
