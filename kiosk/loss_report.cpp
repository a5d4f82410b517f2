#include "kiosk/loss_report.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include "drivers/sscard/id_number.hpp"
#include "drivers/util/atomic_file.hpp"
#include "kiosk/china_time.hpp"
#include "kiosk/idcard_messages.hpp"
#include "kiosk/messages.hpp"
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

// A worker thread: the report to the back office, tried three times with the same request id
// (one that arrived before the network failed is not made twice); when it stays unreachable
// and the password is sealed, kept in the outbox (on disk, fsync'd) before the citizen is told.
// Returns whether it was kept. The plain password, if any, is wiped from `req`.
bool deliverOrKeep(client::ChannelKeeper& keeper, Outbox* outbox, ReportTemporaryLossRequest& req,
                   ReportTemporaryLossResponse* resp, client::CallResult& result) {
    result = client::unaryWithRetries<CardService>(keeper, &CardService::Stub::ReportTemporaryLoss,
                                                   req, resp, 3);
    bool kept = false;
    if (result.transient() && outbox) {
        try {
            outbox->enqueue(kLossMethod, req.request_id(), req.SerializeAsString());
            kept = true;
        } catch (const std::exception& e) {
            qWarning("loss report: the outbox refused it (%s)", e.what());
        }
    }
    if (req.second_factor().has_service_password())
        PinEntry::wipe(*req.mutable_second_factor()->mutable_service_password());
    return kept;
}

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

LossReport::~LossReport() {
    dropIdCard();  // the name read from an ID card leaves memory with the view-model
}

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
    auto key = std::make_shared<GetSealingKeyResponse>();
    auto ok = std::make_shared<bool>(false);
    m_async.run(
        [keeper, file, key, ok] {
            const auto r = client::unary<CardService>(*keeper, &CardService::Stub::GetSealingKey,
                                                      GetSealingKeyRequest(), key.get());
            *ok = r.ok() && key->public_key().size() == 32;
            if (!*ok || file.empty())
                return;
            try {
                util::writeFileAtomically(file, key->SerializeAsString());
            } catch (const std::exception& e) {
                qWarning("loss report: the sealing key cannot be cached (%s)", e.what());
            }
        },
        [this, key, ok] {
            if (*ok)
                m_sealingKey = *key;
        });
}

QString LossReport::prompt() const {
    switch (m_step) {
        case Step::IdNumber:
            return m_idCardReady
                       ? tr("请将身份证放在读卡区\n或用数字键输入18位社会保障号码（身份证号）")
                       : tr("请输入18位社会保障号码（身份证号）");
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
            m_step = m_fromIdCard ? Step::IdNumber : Step::Name;
            if (m_fromIdCard) {
                dropIdCard();
                m_id.clear();
            }
            break;
        default:
            return;
    }
    m_message.clear();
    Q_EMIT changed();
}

void LossReport::setIdCardReaderReady(bool ready) {
    if (m_idCardReady == ready)
        return;
    m_idCardReady = ready;
    Q_EMIT changed();
}

void LossReport::useIdCard(const drivers::idcard::IdCardText& card, const std::string& today) {
    if (m_step != Step::IdNumber)
        return;
    if (drivers::idcard::isExpired(card, today)) {
        m_error = true;
        m_message = IdCardMessages::expired(card.validUntil);
        Q_EMIT changed();
        return;
    }
    dropIdCard();
    m_id.set(card.idNumber);
    m_cardName = card.name;
    m_fromIdCard = true;
    m_name.clear();
    m_password.clear();
    m_error = false;
    m_message = IdCardMessages::read(card.name);
    m_step = Step::Password;
    Q_EMIT changed();
}

void LossReport::showIdCardProblem(drivers::idcard::Problem p) {
    if (m_step != Step::IdNumber)
        return;
    const QString text = IdCardMessages::problem(p);
    if (text.isEmpty())
        return;
    m_error = true;
    m_message = text;
    Q_EMIT changed();
}

void LossReport::dropIdCard() {
    PinEntry::wipe(m_cardName);
    m_fromIdCard = false;
}

std::string LossReport::holderName() const {
    return m_fromIdCard ? m_cardName : m_name.text().toStdString();
}

void LossReport::reset() {
    const bool leavingDone = m_step == Step::Done;  // the rating is offered then
    m_async.invalidate();
    dropIdCard();
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
    if (leavingDone)
        Q_EMIT completed();
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
    req->set_name(holderName());
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
    m_async.run([=] { *queued = deliverOrKeep(*keeper, outbox, *req, resp.get(), *result); },
                [this, req, resp, result, queued] { showOutcome(*req, *resp, *result, *queued); });
}

// The UI thread: what became of the report.
void LossReport::showOutcome(const ReportTemporaryLossRequest& req,
                             const ReportTemporaryLossResponse& resp,
                             const client::CallResult& result, bool queued) {
    if (queued) {
        const QString ref = QString::fromStdString(req.request_id()).left(8).toUpper();
        m_queued = true;
        m_reportNumber.clear();
        m_error = true;  // not yet effective: said as a warning
        m_message = tr("网络中断，挂失申请已保存在本机（凭证号%1），网络恢复后自动提交。"
                       "提交前挂失尚未生效，请尽快拨打12333电话挂失")
                        .arg(ref);
        m_step = Step::Done;
        m_receiptLines = {
            tr("挂失申请凭证号：%1").arg(ref),
            tr("社会保障号码：%1").arg(QString::fromStdString(sscard::maskIdNumber(m_id.value()))),
            tr("姓名：%1").arg(QString::fromStdString(sscard::maskName(holderName()))),
            tr("状态：已保存，待网络恢复后提交，尚未生效"), tr("请尽快拨打12333电话挂失")};
        m_id.clear();
        m_name.clear();
        dropIdCard();
    } else if (result.ok()) {
        const auto& loss = resp.card().loss_report();
        m_reportNumber = QString::fromStdString(loss.report_number());
        const QString lift =
            chinaTime(loss.auto_lift_at().seconds()).toString(QStringLiteral("yyyy-MM-dd"));
        m_message = tr("挂失受理号：%1。卡片已临时挂失，%"
                       "2自动解除；找回后插卡输入密码即可解挂，需要补卡请到窗口办理")
                        .arg(m_reportNumber, lift);
        m_error = false;
        m_step = Step::Done;
        m_receiptLines = {
            tr("挂失受理号：%1").arg(m_reportNumber),
            tr("社会保障号码：%1").arg(QString::fromStdString(sscard::maskIdNumber(m_id.value()))),
            tr("姓名：%1").arg(QString::fromStdString(sscard::maskName(holderName()))),
            tr("临时挂失，%1自动解除").arg(lift),
            tr("找回卡片后插卡输入密码即可解挂；补卡请到窗口办理")};
        m_id.clear();
        m_name.clear();
        dropIdCard();
    } else {
        m_error = true;
        // A refusal about what was typed sends the citizen back to the first step (an ID
        // card read is dropped with it: the next try reads or types afresh).
        m_step = Step::IdNumber;
        switch (client::citizenMessage(result)) {
            case client::CitizenMessage::SecondFactorFailed:
                m_message = tr("号码、姓名或服务密码不正确，请核对后重试");
                if (m_fromIdCard)
                    m_step = Step::Password;  // number and name came from the card
                break;
            case client::CitizenMessage::WrongCardState:
                m_message =
                    tr("您的社保卡当前不能临时挂失（可能尚未启用或已正式挂失），请到窗"
                       "口办理");
                break;
            case client::CitizenMessage::RateLimited:
            case client::CitizenMessage::OutsideRegion:
                m_message = CitizenMessages::text(result);
                break;
            case client::CitizenMessage::NetworkDown:
                m_message = tr("网络暂时不通，挂失没有完成。请稍后再试，或拨打12333");
                m_step = Step::Password;
                break;
            default:
                m_message = CitizenMessages::text(client::CitizenMessage::Other);
                m_step = Step::Password;
        }
        if (m_step == Step::IdNumber && m_fromIdCard) {
            dropIdCard();
            m_id.clear();
        }
    }
    Q_EMIT changed();
}

}  // namespace renshe::kiosk
