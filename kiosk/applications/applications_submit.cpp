// ApplicationsFlow's calls to the back office: the application submitted (three tries with
// one request id, then kept in the outbox when the back office stays away), the status looked
// up by number + ID number, and what the citizen is told about each answer.
#include <QDateTime>

#include "drivers/sscard/id_number.hpp"
#include "kiosk/applications/applications_flow.hpp"
#include "kiosk/china_time.hpp"
#include "kiosk/messages.hpp"
#include "kiosk/outbox.hpp"
#include "kiosk/pin_entry.hpp"
#include "renshe/v1/applications.grpc.pb.h"
#include "services/pki/sealing.hpp"

namespace renshe::kiosk {

using namespace renshe::v1;
namespace client = services::client;
namespace sscard = drivers::sscard;

namespace {

constexpr const char* kSubmitMethod = "/renshe.v1.ApplicationService/SubmitApplication";
constexpr int kSubmitAttempts = 3;

QString dateText(const Date& d) {
    return QObject::tr("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
}

}  // namespace

void ApplicationsFlow::submit() {
    if (!m_backoffice) {
        fail(CitizenMessages::text(client::CitizenMessage::NetworkDown));
        return;
    }
    auto req = std::make_shared<SubmitApplicationRequest>(request());
    req->set_request_id(client::newRequestId());
    // Sealed to the back office whenever its key is known: the request that may wait in the
    // outbox is then byte for byte the one tried, with no personal data in clear.
    const auto key = m_sealingKeySource ? m_sealingKeySource() : std::nullopt;
    if (key) {
        std::string plain;
        {
            SubmitApplicationRequest inner = *req;
            inner.clear_request_id();
            plain = inner.SerializeAsString();
            inner.Clear();
        }
        const auto s = services::pki::seal(key->public_key(), plain, req->request_id());
        PinEntry::wipe(plain);
        const std::string id = req->request_id();
        req->Clear();
        req->set_request_id(id);
        auto* out = req->mutable_sealed();
        out->set_key_id(key->key_id());
        out->set_ephemeral_public_key(s.ephemeralPublicKey);
        out->set_nonce(s.nonce);
        out->set_ciphertext(s.ciphertext);
    }
    // An appointment takes a place now or not at all, and an unsealed application holds
    // personal data in clear: neither is kept for later.
    Outbox* outbox = m_kind == Kind::Appointment || !key ? nullptr : m_outbox;
    m_step = Step::Working;
    Q_EMIT changed();
    auto resp = std::make_shared<SubmitApplicationResponse>();
    auto result = std::make_shared<client::CallResult>();
    auto kept = std::make_shared<bool>(false);
    auto keeper = m_backoffice;
    m_async.run(
        [=] {
            *result = client::unaryWithRetries<ApplicationService>(
                *keeper, &ApplicationService::Stub::SubmitApplication, *req, resp.get(),
                kSubmitAttempts);
            if (result->transient() && outbox) {
                try {
                    outbox->enqueue(kSubmitMethod, req->request_id(), req->SerializeAsString());
                    *kept = true;
                } catch (const std::exception& e) {
                    qWarning("applications: the outbox refused it (%s)", e.what());
                }
            }
        },
        [this, req, resp, result, kept] { submitted(*req, *resp, *result, *kept); });
}

void ApplicationsFlow::submitted(const SubmitApplicationRequest& req,
                                 const SubmitApplicationResponse& resp,
                                 const client::CallResult& result, bool kept) {
    if (!kept && !result.ok()) {
        refused(result);
        return;
    }
    m_queued = kept;
    m_summary = confirmLines();
    if (kept) {
        const QString ref = QString::fromStdString(req.request_id()).left(8).toUpper();
        m_number.clear();
        m_message = tr("网络中断，申请已保存在本机（凭证号%1），网络恢复后自动提交。"
                       "提交后工作人员会电话联系您")
                        .arg(ref);
        m_error = true;  // not yet received: said as a warning
        m_slipLines = QStringList{tr("凭证号：%1").arg(ref)} + m_summary;
        m_slipLines << tr("状态：已保存，网络恢复后自动提交");
    } else {
        const auto& a = resp.application();
        m_number = QString::fromStdString(a.number());
        m_message = QString::fromStdString(resp.next_step());  // the number stands above
        m_error = false;
        m_slipLines = QStringList{tr("申请编号：%1").arg(m_number)} + m_summary;
        m_slipLines << tr("提交时间：%1")
                           .arg(chinaTime(a.submitted_at().seconds())
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                    << tr("办理时限：%1前").arg(dateText(a.due_date()))
                    << QString::fromStdString(resp.next_step())
                    << tr("凭申请编号和身份证号可在本机“进度查询”查看办理进度");
    }
    wipe();  // what was typed leaves memory; the slip keeps only masked lines
    m_step = Step::Done;
    Q_EMIT changed();
}

void ApplicationsFlow::refused(const client::CallResult& result) {
    m_error = true;
    std::string back = "confirm";  // where the citizen can put it right
    switch (result.refusal) {
        case REFUSAL_REASON_SECOND_FACTOR_FAILED:
            m_message = tr("身份证号码和姓名与登记信息不一致，请核对后重试");
            back = "id";
            break;
        case REFUSAL_REASON_UNKNOWN_PERSON:
            m_message = tr("亲属的身份证号码或姓名与登记信息不一致，请核对");
            back = "relId";
            break;
        case REFUSAL_REASON_SLOT_UNAVAILABLE:
            m_message = tr("这个时间刚刚约满了，请另选一个时间");
            m_slots.clear();
            back = "slot";
            break;
        case REFUSAL_REASON_ALREADY_EXISTS:
            m_message = tr("您已经提交过同样的申请，正在办理中。可用“进度查询”查看");
            break;
        case REFUSAL_REASON_NOT_FOUND:
            m_message = tr("这个岗位已经招满或下架了，请看看其他岗位");
            break;
        case REFUSAL_REASON_VERIFICATION_STALE:
            m_message = tr("密码验证已超过5分钟，请取出社保卡重新插入");
            break;
        default:
            m_message = CitizenMessages::text(result);
    }
    const auto all = pages();
    const auto at = std::find(all.begin(), all.end(), back);
    const QString said = m_message;
    show(at == all.end() ? all.size() - 1 : static_cast<std::size_t>(at - all.begin()));
    m_message = said;
    m_error = true;
    Q_EMIT changed();
}

void ApplicationsFlow::lookUp() {
    if (!m_backoffice) {
        fail(CitizenMessages::text(client::CitizenMessage::NetworkDown));
        return;
    }
    GetApplicationStatusRequest req;
    req.set_number(m_answers["number"]);
    req.set_ssn(m_answers["id"]);
    m_step = Step::Working;
    Q_EMIT changed();
    auto resp = std::make_shared<GetApplicationStatusResponse>();
    auto result = std::make_shared<client::CallResult>();
    auto keeper = m_backoffice;
    m_async.run(
        [=] {
            *result = client::unary<ApplicationService>(
                *keeper, &ApplicationService::Stub::GetApplicationStatus, req, resp.get());
        },
        [this, resp, result] {
            if (!result->ok()) {
                show(0);
                fail(result->code == grpc::StatusCode::NOT_FOUND
                         ? tr("没有找到这个编号的申请，请核对申请编号和身份证号")
                         : CitizenMessages::text(*result));
                return;
            }
            wipe();
            m_number = QString::fromStdString(resp->number());
            m_summary =
                QStringList{tr("申请编号：%1").arg(m_number),
                            tr("申请事项：%1").arg(QString::fromStdString(resp->summary())),
                            tr("申请人：%1 %2")
                                .arg(QString::fromStdString(resp->applicant().masked_name()),
                                     QString::fromStdString(resp->applicant().masked_ssn())),
                            tr("当前状态：%1").arg(stateText(resp->state())),
                            tr("办理时限：%1前").arg(dateText(resp->due_date()))};
            if (!resp->reason().empty())
                m_summary << tr("说明：%1").arg(QString::fromStdString(resp->reason()));
            m_message = QString::fromStdString(resp->next_step());
            m_error = resp->state() == APPLICATION_STATE_MORE_INFORMATION_NEEDED ||
                      resp->state() == APPLICATION_STATE_REJECTED;
            m_step = Step::Status;
            Q_EMIT changed();
        });
}

void ApplicationsFlow::lookUpMine() {
    if (!m_backoffice || !m_card) {
        fail(CitizenMessages::text(client::CitizenMessage::NetworkDown));
        return;
    }
    ListMyApplicationsRequest req;
    *req.mutable_card() = *m_card;
    m_step = Step::Working;
    Q_EMIT changed();
    auto resp = std::make_shared<ListMyApplicationsResponse>();
    auto result = std::make_shared<client::CallResult>();
    auto keeper = m_backoffice;
    m_async.run(
        [=] {
            *result = client::unary<ApplicationService>(
                *keeper, &ApplicationService::Stub::ListMyApplications, req, resp.get());
        },
        [this, resp, result] {
            m_step = Step::Status;
            m_summary.clear();
            if (!result->ok()) {
                m_message = result->refusal == REFUSAL_REASON_VERIFICATION_STALE
                                ? tr("密码验证已超过5分钟，请取出社保卡重新插入")
                                : CitizenMessages::text(*result);
                m_error = true;
                Q_EMIT changed();
                return;
            }
            for (const auto& a : resp->applications())
                m_summary << tr("%1　%2　%3，%4前")
                                 .arg(QString::fromStdString(a.number()),
                                      QString::fromStdString(a.summary()), stateText(a.state()),
                                      dateText(a.due_date()));
            m_message = m_summary.isEmpty() ? tr("您目前没有办理中的申请")
                                            : tr("您的申请（编号、事项、状态、办理时限）");
            m_error = false;
            Q_EMIT changed();
        });
}

QString ApplicationsFlow::stateText(int state) {
    switch (state) {
        case APPLICATION_STATE_SUBMITTED:
            return tr("已提交，等待工作人员审核");
        case APPLICATION_STATE_ACCEPTED:
            return tr("已受理，正在办理");
        case APPLICATION_STATE_MORE_INFORMATION_NEEDED:
            return tr("需要补充材料");
        case APPLICATION_STATE_REJECTED:
            return tr("不予受理");
        case APPLICATION_STATE_DONE:
            return tr("已办结");
        default:
            return tr("办理中");
    }
}

}  // namespace renshe::kiosk
