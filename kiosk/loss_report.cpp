#include "kiosk/loss_report.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QThreadPool>
#include <QTimeZone>

#include "drivers/sscard/id_number.hpp"
#include "drivers/util/atomic_file.hpp"
#include "kiosk/outbox.hpp"
#include "kiosk/receipt.hpp"
#include "renshe/v1/card.grpc.pb.h"
#include "services/client/call.hpp"
#include "services/pki/sealing.hpp"

namespace renshe::kiosk {

using namespace renshe::v1;
namespace client = services::client;
namespace sscard = drivers::sscard;
namespace pki = services::pki;

namespace {
constexpr const char* kSealingKeyFile = "/sealing-key.pb";
constexpr const char* kLossMethod = "/renshe.v1.CardService/ReportTemporaryLoss";
}  // namespace

LossReport::LossReport(std::shared_ptr<client::ChannelKeeper> backoffice, ReceiptPrinter* receipts,
                       Outbox* outbox, QString stateDir, QObject* parent)
    : QObject(parent),
      m_backoffice(std::move(backoffice)),
      m_name(15),
      m_outbox(outbox),
      m_stateDir(std::move(stateDir)),
      m_receipts(receipts) {
    if (!m_stateDir.isEmpty()) {
        try {
            GetSealingKeyResponse cached;
            if (cached.ParseFromString(
                    util::readFile((m_stateDir + QLatin1String(kSealingKeyFile)).toStdString())) &&
                cached.public_key().size() == 32) {
                m_sealingKey = cached;
            }
        } catch (const std::exception&) {
            // none yet: fetched when the back office is first reached
        }
    }
    connect(&m_name, &PinyinInput::changed, this, &LossReport::changed);
    connect(&m_id, &IdNumberEntry::changed, this, &LossReport::changed);
}

LossReport::~LossReport() = default;

QString LossReport::idNumber() const {
    return m_id.text();
}

void LossReport::refreshSealingKey() {
    if (!m_backoffice)
        return;
    auto keeper = m_backoffice;
    const std::string file = m_stateDir.isEmpty()
                                 ? std::string()
                                 : (m_stateDir + QLatin1String(kSealingKeyFile)).toStdString();
    QPointer<LossReport> self(this);
    QThreadPool::globalInstance()->start([self, keeper, file] {
        GetSealingKeyResponse key;
        grpc::ClientContext ctx;
        client::setDeadline(ctx, std::chrono::seconds(10));
        const auto r = client::resultOf(
            CardService::NewStub(keeper->channel())->GetSealingKey(&ctx, {}, &key), ctx);
        if (!r.ok() || key.public_key().size() != 32)
            return;
        if (!file.empty()) {
            try {
                util::writeFileAtomically(file, key.SerializeAsString());
            } catch (const std::exception& e) {
                qWarning("loss report: the sealing key cannot be cached (%s)", e.what());
            }
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, key] {
                if (self)
                    self->m_sealingKey = key;
            },
            Qt::QueuedConnection);
    });
}

QString LossReport::prompt() const {
    switch (m_step) {
        case Step::IdNumber:
            return tr("请输入18位社会保障号码（身份证号）");
        case Step::Name:
            return tr("请输入姓名：按拼音输入，再点选汉字");
        case Step::Password:
            return tr("请输入6位服务密码");
        case Step::Working:
            return tr("正在挂失，请稍候…");
        case Step::Done:
            return m_queued ? tr("挂失申请已保存，尚未生效") : tr("挂失成功");
    }
    return {};
}

void LossReport::idKey(const QString& key) {
    if (m_step != Step::IdNumber)
        return;
    if (!m_message.isEmpty()) {
        m_message.clear();
        Q_EMIT changed();
    }
    m_id.key(key);
}

void LossReport::idBackspace() {
    if (m_step == Step::IdNumber)
        m_id.backspace();
}

void LossReport::next() {
    m_message.clear();
    m_error = false;
    switch (m_step) {
        case Step::IdNumber: {
            if (const auto problem = m_id.problem()) {
                m_error = true;
                m_message = *problem;
                break;
            }
            m_step = Step::Name;
            break;
        }
        case Step::Name:
            if (m_name.text().trimmed().isEmpty()) {
                m_error = true;
                m_message = tr("请先输入姓名");
                break;
            }
            m_password.clear();
            m_step = Step::Password;
            break;
        case Step::Password:
            if (!m_password.complete()) {
                m_error = true;
                m_message = tr("请输入6位数字");
                break;
            }
            submit();
            return;
        case Step::Done:
            reset();
            return;
        case Step::Working:
            return;
    }
    Q_EMIT changed();
}

void LossReport::back() {
    switch (m_step) {
        case Step::Name:
            m_step = Step::IdNumber;
            break;
        case Step::Password:
            m_password.clear();
            m_step = Step::Name;
            break;
        default:
            return;
    }
    m_message.clear();
    Q_EMIT changed();
}

void LossReport::reset() {
    ++m_generation;
    m_id.clear();
    m_name.clear();
    m_password.clear();
    m_message.clear();
    m_error = false;
    m_reportNumber.clear();
    m_queued = false;
    m_receiptLines.clear();
    m_step = Step::IdNumber;
    Q_EMIT changed();
}

bool LossReport::printReceipt() {
    if (m_step != Step::Done || !m_receipts)
        return false;
    return m_receipts->print(
        m_queued ? tr("社保卡临时挂失申请（待提交）") : tr("社保卡临时挂失回执"), m_receiptLines);
}

void LossReport::submit() {
    if (!m_backoffice) {
        m_error = true;
        m_message = tr("网络未连接，暂时不能挂失。请拨打12333或到窗口办理");
        Q_EMIT changed();
        return;
    }
    auto req = std::make_shared<ReportTemporaryLossRequest>();
    req->set_request_id(client::newRequestId());
    req->set_ssn(m_id.value());
    req->set_name(m_name.text().toStdString());
    std::string password = m_password.take();
    // Sealed to the back office whenever its key is known: the request can then wait in the
    // outbox, byte for byte the one already tried, without the password in it.
    const bool sealed = m_sealingKey.has_value();
    if (sealed) {
        const auto s =
            pki::seal(m_sealingKey->public_key(), password, req->request_id() + '\0' + req->ssn());
        auto* out = req->mutable_second_factor()->mutable_sealed_service_password();
        out->set_key_id(m_sealingKey->key_id());
        out->set_ephemeral_public_key(s.ephemeralPublicKey);
        out->set_nonce(s.nonce);
        out->set_ciphertext(s.ciphertext);
    } else {
        req->mutable_second_factor()->set_service_password(password);
    }
    PinEntry::wipe(password);
    m_step = Step::Working;
    Q_EMIT changed();

    auto resp = std::make_shared<ReportTemporaryLossResponse>();
    auto result = std::make_shared<client::CallResult>();
    auto keeper = m_backoffice;
    auto* outbox = sealed ? m_outbox : nullptr;
    auto queued = std::make_shared<bool>(false);
    QPointer<LossReport> self(this);
    const auto generation = m_generation;
    QThreadPool::globalInstance()->start([=] {
        // The same request id for each try: a report that reached the back office before the
        // network failed is not made twice.
        for (int attempt = 0; attempt < 3; ++attempt) {
            grpc::ClientContext ctx;
            client::setDeadline(ctx, std::chrono::seconds(10));
            *result = client::resultOf(CardService::NewStub(keeper->channel())
                                           ->ReportTemporaryLoss(&ctx, *req, resp.get()),
                                       ctx);
            keeper->reportReachable(!result->transient());
            if (!result->transient())
                break;
        }
        // Unreachable: kept on disk (fsync) before the citizen is told, delivered later.
        if (result->transient() && outbox) {
            try {
                outbox->enqueue(kLossMethod, req->request_id(), req->SerializeAsString());
                *queued = true;
            } catch (const std::exception& e) {
                qWarning("loss report: the outbox refused it (%s)", e.what());
            }
        }
        if (req->second_factor().has_service_password()) {
            PinEntry::wipe(*req->mutable_second_factor()->mutable_service_password());
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [=] {
                if (!self || self->m_generation != generation)
                    return;
                auto& r = *self;
                if (*queued) {
                    const QString ref = QString::fromStdString(req->request_id()).left(8).toUpper();
                    r.m_queued = true;
                    r.m_reportNumber.clear();
                    r.m_error = true;  // not yet effective: said as a warning
                    r.m_message =
                        tr("网络中断，挂失申请已保存在本机（凭证号%1），网络恢复后自动提交。"
                           "提交前挂失尚未生效，请尽快拨打12333电话挂失")
                            .arg(ref);
                    r.m_step = Step::Done;
                    r.m_receiptLines = {
                        tr("挂失申请凭证号：%1").arg(ref),
                        tr("社会保障号码：%1")
                            .arg(QString::fromStdString(sscard::maskIdNumber(r.m_id.value()))),
                        tr("姓名：%1")
                            .arg(QString::fromStdString(
                                sscard::maskName(r.m_name.text().toStdString()))),
                        tr("状态：已保存，待网络恢复后提交，尚未生效"),
                        tr("请尽快拨打12333电话挂失")};
                    r.m_id.clear();
                    r.m_name.clear();
                } else if (result->ok()) {
                    const auto& loss = resp->card().loss_report();
                    r.m_reportNumber = QString::fromStdString(loss.report_number());
                    const QString lift = QDateTime::fromSecsSinceEpoch(
                                             loss.auto_lift_at().seconds(), QTimeZone(8 * 3600))
                                             .toString(QStringLiteral("yyyy-MM-dd"));
                    r.m_message = tr("挂失受理号：%1。卡片已临时挂失，%"
                                     "2自动解除；找回后插卡输入密码即可解挂，需要补卡请到窗口办理")
                                      .arg(r.m_reportNumber, lift);
                    r.m_error = false;
                    r.m_step = Step::Done;
                    r.m_receiptLines = {
                        tr("挂失受理号：%1").arg(r.m_reportNumber),
                        tr("社会保障号码：%1")
                            .arg(QString::fromStdString(sscard::maskIdNumber(r.m_id.value()))),
                        tr("姓名：%1")
                            .arg(QString::fromStdString(
                                sscard::maskName(r.m_name.text().toStdString()))),
                        tr("临时挂失，%1自动解除").arg(lift),
                        tr("找回卡片后插卡输入密码即可解挂；补卡请到窗口办理")};
                    r.m_id.clear();
                    r.m_name.clear();
                } else {
                    r.m_error = true;
                    switch (result->refusal) {
                        case REFUSAL_REASON_SECOND_FACTOR_FAILED:
                            r.m_message = tr("号码、姓名或服务密码不正确，请核对后重试");
                            r.m_step = Step::IdNumber;
                            break;
                        case REFUSAL_REASON_RATE_LIMITED:
                            r.m_message =
                                tr("尝试次数过多，请%1分钟后再试，或到窗口办理")
                                    .arg(std::max(1, (result->retryAfterSeconds + 59) / 60));
                            r.m_step = Step::IdNumber;
                            break;
                        case REFUSAL_REASON_WRONG_CARD_STATE:
                            r.m_message =
                                tr("您的社保卡当前不能临时挂失（可能尚未启用或已正式挂失），请到窗"
                                   "口办理");
                            r.m_step = Step::IdNumber;
                            break;
                        case REFUSAL_REASON_OUTSIDE_REGION:
                            r.m_message = tr("本终端只能办理本辖区参保人员的业务，请到参保地办理");
                            r.m_step = Step::IdNumber;
                            break;
                        default:
                            r.m_message =
                                result->transient()
                                    ? tr("网络暂时不通，挂失没有完成。请稍后再试，或拨打12333")
                                    : tr("暂时无法办理，请联系工作人员");
                            r.m_step = Step::Password;
                    }
                }
                Q_EMIT r.changed();
            },
            Qt::QueuedConnection);
    });
}

}  // namespace renshe::kiosk
