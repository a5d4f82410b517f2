#include "kiosk/certification_session.hpp"

#include <openssl/crypto.h>

#include <QCoreApplication>
#include <QThreadPool>

#include "drivers/fprint/fprint.hpp"
#include "drivers/fprint/verify_session.hpp"
#include "drivers/sscard/id_number.hpp"
#include "kiosk/idcard_messages.hpp"
#include "kiosk/messages.hpp"
#include "kiosk/receipt.hpp"
#include "renshe/v1/certification.grpc.pb.h"
#include "services/client/call.hpp"

namespace renshe::kiosk {

using namespace renshe::v1;
namespace fp = drivers::fprint;
namespace client = services::client;

namespace {

QString dateText(const Date& d) {
    return QStringLiteral("%1-%2-%3")
        .arg(d.year())
        .arg(d.month(), 2, 10, QLatin1Char('0'))
        .arg(d.day(), 2, 10, QLatin1Char('0'));
}

google::protobuf::Timestamp now() {
    google::protobuf::Timestamp ts;
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    ts.set_seconds(us / 1'000'000);
    ts.set_nanos(static_cast<int>(us % 1'000'000) * 1000);
    return ts;
}

}  // namespace

CertificationSession::CertificationSession(std::shared_ptr<client::ChannelKeeper> backoffice,
                                           ReceiptPrinter* receipts, QObject* parent)
    : QObject(parent), m_backoffice(std::move(backoffice)), m_receipts(receipts) {}

CertificationSession::~CertificationSession() {
    cancel();
    QThreadPool::globalInstance()->waitForDone(5000);
}

void CertificationSession::set(Stage stage, const QString& prompt, const QString& message,
                               bool error) {
    m_stage = stage;
    m_prompt = prompt;
    m_message = message;
    m_error = error;
    Q_EMIT changed();
}

fp::Context* CertificationSession::sensors() {
    if (!m_context) {
        try {
            m_context = std::make_unique<fp::Context>(fp::LoopMode::CallerDefault);
        } catch (const std::exception& e) {
            qWarning("certification: fingerprint sensors unavailable: %s", e.what());
        }
    }
    return m_context.get();
}

void CertificationSession::startWithoutCard() {
    startEntry(VERIFICATION_PURPOSE_CERTIFICATION);
}

void CertificationSession::startRecordsWithoutCard() {
    startEntry(VERIFICATION_PURPOSE_RECORDS);
}

void CertificationSession::startEntry(VerificationPurpose purpose) {
    m_async.invalidate();
    m_purpose = purpose;
    m_recordsProof = {};
    m_ssn.clear();
    m_id.clear();
    m_statusText.clear();
    m_canScan = false;
    set(Stage::EnterId, enterIdPrompt(), {}, false);
}

QString CertificationSession::enterIdPrompt() const {
    return m_idCardReady ? tr("请将身份证放在读卡区\n或用数字键输入18位社会保障号码（身份证号）")
                         : tr("请输入18位社会保障号码（身份证号）");
}

void CertificationSession::setIdCardReaderReady(bool ready) {
    if (m_idCardReady == ready)
        return;
    m_idCardReady = ready;
    if (m_stage == Stage::EnterId)
        set(Stage::EnterId, enterIdPrompt(), m_message, m_error);
}

void CertificationSession::useIdCard(const drivers::idcard::IdCardText& card,
                                     const std::string& today) {
    if (m_stage != Stage::EnterId)
        return;
    if (drivers::idcard::isExpired(card, today)) {
        set(Stage::EnterId, m_prompt, IdCardMessages::expired(card.validUntil), true);
        return;
    }
    m_id.set(card.idNumber);
    submitId();
}

void CertificationSession::showIdCardProblem(drivers::idcard::Problem p) {
    const QString text = IdCardMessages::problem(p);
    if (m_stage == Stage::EnterId && !text.isEmpty())
        set(Stage::EnterId, m_prompt, text, true);
}

void CertificationSession::submitId() {
    if (m_stage != Stage::EnterId)
        return;
    if (const auto problem = m_id.problem()) {
        set(Stage::EnterId, m_prompt, *problem, true);
        return;
    }
    const std::string ssn = m_id.value();
    m_id.clear();
    lookUp(ssn);
}

void CertificationSession::begin(const std::string& ssn) {
    m_purpose = VERIFICATION_PURPOSE_CERTIFICATION;
    lookUp(ssn);
}

QString CertificationSession::unavailableText() const {
    return forRecords() ? tr("暂时无法查询，请插入社保卡查询或到窗口办理")
                        : tr("暂时无法认证，请到窗口办理");
}

void CertificationSession::showProblem(const QString& message) {
    m_canScan = false;
    set(Stage::Problem, {}, message, true);
}

// The person's certification status (for the records too: whether fingers are enrolled).
void CertificationSession::lookUp(const std::string& ssn) {
    m_async.invalidate();
    m_ssn = ssn;
    m_statusText.clear();
    m_canScan = false;
    set(Stage::Checking, {}, forRecords() ? tr("正在查询，请稍候…") : tr("正在查询认证状态…"),
        false);
    if (!m_backoffice) {
        set(Stage::Problem, {},
            forRecords() ? tr("网络未连接，暂时不能查询") : tr("网络未连接，暂时不能认证"), true);
        return;
    }
    auto keeper = m_backoffice;
    auto resp = std::make_shared<GetCertificationStatusResponse>();
    auto result = std::make_shared<client::CallResult>();
    m_async.run(
        [keeper, ssn, resp, result] {
            GetCertificationStatusRequest req;
            req.mutable_person()->set_ssn(ssn);
            *result = client::unary<CertificationService>(
                *keeper, &CertificationService::Stub::GetCertificationStatus, req, resp.get());
        },
        [this, resp, result] { showStatus(*result, *resp); });
}

// The UI thread: the person's certification status, and whether a scan is offered.
void CertificationSession::showStatus(const client::CallResult& result,
                                      const GetCertificationStatusResponse& resp) {
    if (!result.ok()) {
        QString text;
        switch (client::citizenMessage(result)) {
            case client::CitizenMessage::NotARetiree:
            case client::CitizenMessage::UnknownPerson:
                text = CitizenMessages::text(result);
                break;
            case client::CitizenMessage::NetworkDown:
                text = tr("网络暂时不通，请稍后再试");
                break;
            default:
                text = unavailableText();
        }
        set(Stage::Problem, {}, text, true);
        return;
    }
    const auto& st = resp.status();
    if (forRecords()) {
        if (st.enrolled_fingers_size() == 0) {
            set(Stage::Problem, {},
                tr("您还没有登记指纹，请插入社保卡用密码查询，或带身份证到窗口登记指纹"), true);
            return;
        }
        m_statusText = tr("请按指纹验证身份，验证后查看您的参保和缴费记录");
        m_canScan = true;
        set(Stage::Ready, {}, {}, false);
        return;
    }
    switch (st.state()) {
        case CERTIFICATION_STATE_NOT_REQUIRED:
            set(Stage::Problem, {}, tr("您不是养老金领取人员，不需要认证"), false);
            return;
        case CERTIFICATION_STATE_CERTIFIED:
            m_statusText = tr("已认证，有效期至%1").arg(dateText(st.certified_until()));
            break;
        case CERTIFICATION_STATE_DUE:
            m_statusText = tr("请在%1前完成认证").arg(dateText(st.certified_until()));
            break;
        case CERTIFICATION_STATE_OVERDUE:
            m_statusText = tr("已逾期（%1到期），养老金暂停发放，认证后恢复")
                               .arg(dateText(st.certified_until()));
            break;
        default:
            break;
    }
    if (st.enrolled_fingers_size() == 0) {
        set(Stage::Problem, {}, tr("您还没有登记指纹，请带身份证到窗口登记"), true);
        return;
    }
    m_canScan = true;
    set(Stage::Ready, {}, {}, false);
}

void CertificationSession::scan() {
    if (m_stage != Stage::Ready && m_stage != Stage::Done)
        return;
    fp::Context* context = sensors();
    std::optional<fp::DeviceInfo> sensor;
    if (context) {
        const auto found = context->devices();
        if (!found.empty())
            sensor = found.front();
    }
    if (!sensor) {
        set(Stage::Problem, {}, tr("指纹仪暂时不可用，请到窗口办理"), true);
        return;
    }
    m_cancel->store(false);
    set(Stage::Scanning, tr("正在准备指纹仪…"), {}, false);
    ScanJob job{m_backoffice,
                m_ssn,
                m_purpose,
                m_cancel,
                context,
                *sensor,
                m_async.poster(),
                tr("请把手指平放在指纹仪上"),
                tr("正在比对，请稍候…")};
    // The pool task may use `this` and `context`: the destructor waits for the pool.
    QThreadPool::globalInstance()->start([this, job = std::move(job)] { runScan(job); });
}

// A pool thread: the person's templates, then up to three scans on the sensor, each recorded
// with the back office; what to show is posted to the UI thread.
void CertificationSession::runScan(const ScanJob& job) {
    const auto post = [&job, this](std::function<void(CertificationSession&)> f) {
        job.post([this, f = std::move(f)] { f(*this); });
    };
    GetTemplatesForVerifyRequest fetch;
    fetch.mutable_person()->set_ssn(job.ssn);
    fetch.set_purpose(job.purpose);
    fetch.mutable_sensor()->set_driver(job.sensor.driver);
    fetch.mutable_sensor()->set_device_id(job.sensor.deviceId);
    GetTemplatesForVerifyResponse templates;
    const auto fetched = client::unary<CertificationService>(
        *job.keeper, &CertificationService::Stub::GetTemplatesForVerify, fetch, &templates);
    if (!fetched.ok() || templates.templates_size() == 0) {
        post([fetched](CertificationSession& s) {
            s.set(Stage::Problem, {},
                  client::citizenMessage(fetched) == client::CitizenMessage::TemplateIncompatible
                      ? CitizenMessages::text(fetched)
                      : s.unavailableText(),
                  true);
        });
        return;
    }
    std::shared_ptr<fp::Device> device;
    try {
        device = std::make_shared<fp::Device>(job.context->open(job.sensor));
    } catch (const fp::Error& e) {
        qWarning("certification: cannot open the sensor: %s", e.what());
        post([](CertificationSession& s) {
            s.set(Stage::Problem, {}, tr("指纹仪暂时不可用，请到窗口办理"), true);
        });
        return;
    }
    {
        std::lock_guard lock(m_deviceMutex);
        m_device = device;
    }
    scanLoop(job, *device, templates.templates(0), templates.ticket());
    // The templates are biometric data: not left in freed memory.
    for (auto& t : *templates.mutable_templates())
        OPENSSL_cleanse(t.mutable_serialized_print()->data(), t.serialized_print().size());
    std::lock_guard lock(m_deviceMutex);
    m_device.reset();
}

// A pool thread: scans until a match, three failures or a cancel.
void CertificationSession::scanLoop(const ScanJob& job, fp::Device& device,
                                    const FingerprintTemplate& stored, const std::string& ticket) {
    const auto post = [&job, this](std::function<void(CertificationSession&)> f) {
        job.post([this, f = std::move(f)] { f(*this); });
    };
    fp::VerifySession session;
    const auto print = fp::Print::deserialize(
        {reinterpret_cast<const std::uint8_t*>(stored.serialized_print().data()),
         stored.serialized_print().size()});
    int attempt = 0;
    while (!session.finished() && !job.cancelled->load()) {
        fp::ScanCallbacks callbacks;
        callbacks.fingerStatus = [&](const fp::FingerStatus& st) {
            if (st.waitingForFinger())
                post([place = job.place](CertificationSession& s) {
                    s.set(Stage::Scanning, place, s.m_message, false);
                });
            else if (st.present)
                post([comparing = job.comparing](CertificationSession& s) {
                    s.set(Stage::Scanning, comparing, {}, false);
                });
        };
        const auto started = now();
        std::optional<fp::VerifyResult> result;
        try {
            result = device.verify(print, callbacks);
            session.record(*result);
        } catch (const fp::Error& e) {
            session.record(e);
            if (e.code() == fp::ErrorCode::Cancelled)
                break;
            continue;
        }
        RecordVerificationResultRequest record;
        record.set_request_id(client::newRequestId());
        record.mutable_person()->set_ssn(job.ssn);
        record.set_purpose(job.purpose);
        record.set_matched(result->isMatch());
        record.set_finger(stored.finger());
        record.set_attempt(++attempt);
        record.set_ticket(ticket);
        record.mutable_device()->set_driver(result->driver);
        record.mutable_device()->set_device_id(result->deviceId);
        *record.mutable_scan_started_at() = started;
        *record.mutable_scanned_at() = now();
        RecordVerificationResultResponse recorded;
        const auto r = client::unary<CertificationService>(
            *job.keeper, &CertificationService::Stub::RecordVerificationResult, record, &recorded);
        if (result->isMatch()) {
            post([r, recorded, purpose = job.purpose](CertificationSession& s) {
                if (purpose == VERIFICATION_PURPOSE_RECORDS)
                    s.showRecordsMatch(r, recorded);
                else
                    s.showMatch(r, recorded);
            });
            break;
        }
        post([left = session.scansLeft(), retry = result->retry](CertificationSession& s) {
            s.showMismatch(left, retry);
        });
    }
    if (session.guidance() == fp::Guidance::GoToCounter) {
        post([](CertificationSession& s) {
            s.m_canScan = false;
            s.set(Stage::Problem, {},
                  s.forRecords()
                      ? tr("三次比对都没有成功，请插入社保卡用密码查询，或带身份证到窗口办理")
                      : tr("三次比对都没有成功，请带身份证到窗口认证，工作人员会帮您办理"),
                  true);
        });
    } else if (job.cancelled->load()) {
        post([](CertificationSession& s) { s.set(Stage::Ready, {}, {}, false); });
    }
}

void CertificationSession::showMatch(const client::CallResult& r,
                                     const RecordVerificationResultResponse& recorded) {
    if (!r.ok()) {
        set(Stage::Problem, {}, tr("指纹比对成功，但没能登记结果，请到窗口确认"), true);
        return;
    }
    m_receiptUntil = dateText(recorded.status().certified_until());
    m_statusText = tr("已认证，有效期至%1").arg(m_receiptUntil);
    QString text = tr("认证成功，有效期至%1").arg(m_receiptUntil);
    if (recorded.pension_resumed())
        text += tr("。养老金将恢复发放，暂停期间的养老金将补发");
    m_canScan = false;
    set(Stage::Done, {}, text, false);
}

void CertificationSession::showRecordsMatch(const client::CallResult& r,
                                            const RecordVerificationResultResponse& recorded) {
    m_canScan = false;
    if (!r.ok() || recorded.verification_id().empty()) {
        set(Stage::Problem, {},
            client::citizenMessage(r) == client::CitizenMessage::NetworkDown
                ? tr("网络暂时不通，请稍后再试")
                : unavailableText(),
            true);
        return;
    }
    m_recordsProof = {m_ssn, recorded.verification_id()};
    set(Stage::Done, {}, tr("验证通过，正在打开我的社保…"), false);
    Q_EMIT recordsUnlocked();
}

void CertificationSession::showMismatch(int scansLeft, std::optional<fp::RetryReason> retry) {
    QString why = tr("指纹不一致");
    if (retry) {
        switch (*retry) {
            case fp::RetryReason::TooShort:
                why = tr("按压时间太短");
                break;
            case fp::RetryReason::CentreFinger:
                why = tr("请把手指放在指纹仪中间");
                break;
            case fp::RetryReason::RemoveFinger:
                why = tr("请抬起手指再重新放上");
                break;
            default:
                why = tr("没有采集清楚");
                break;
        }
    }
    set(Stage::Scanning, m_prompt, tr("%1，还可以再试%2次").arg(why).arg(scansLeft), true);
}

void CertificationSession::cancel() {
    m_cancel->store(true);
    std::lock_guard lock(m_deviceMutex);
    if (m_device)
        m_device->cancel();
}

void CertificationSession::reset() {
    cancel();
    m_async.invalidate();
    m_ssn.clear();
    m_recordsProof = {};
    m_purpose = VERIFICATION_PURPOSE_CERTIFICATION;
    m_id.clear();
    m_statusText.clear();
    m_receiptUntil.clear();
    m_canScan = false;
    set(Stage::Idle, {}, {}, false);
}

bool CertificationSession::printReceipt() {
    if (m_stage != Stage::Done || !m_receipts || forRecords())
        return false;
    return m_receipts->print(
        tr("养老金领取资格认证回执"),
        {tr("社会保障号码：%1").arg(QString::fromStdString(drivers::sscard::maskIdNumber(m_ssn))),
         tr("认证结果：成功"), tr("有效期至：%1").arg(m_receiptUntil)});
}

}  // namespace renshe::kiosk
