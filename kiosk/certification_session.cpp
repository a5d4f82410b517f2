#include "kiosk/certification_session.hpp"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include "drivers/fprint/fprint.hpp"
#include "drivers/fprint/verify_session.hpp"
#include "drivers/sscard/id_number.hpp"
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
    ++m_generation;
    m_ssn.clear();
    m_id.clear();
    m_statusText.clear();
    m_canScan = false;
    set(Stage::EnterId, tr("请输入18位社会保障号码（身份证号）"), {}, false);
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
    begin(ssn);
}

void CertificationSession::begin(const std::string& ssn) {
    ++m_generation;
    m_ssn = ssn;
    m_statusText.clear();
    m_canScan = false;
    set(Stage::Checking, {}, tr("正在查询认证状态…"), false);
    if (!m_backoffice) {
        set(Stage::Problem, {}, tr("网络未连接，暂时不能认证"), true);
        return;
    }
    auto keeper = m_backoffice;
    QPointer<CertificationSession> self(this);
    const auto generation = m_generation;
    QThreadPool::globalInstance()->start([self, keeper, generation, ssn] {
        GetCertificationStatusRequest req;
        req.mutable_person()->set_ssn(ssn);
        GetCertificationStatusResponse resp;
        grpc::ClientContext ctx;
        client::setDeadline(ctx, std::chrono::seconds(10));
        const auto r = client::resultOf(CertificationService::NewStub(keeper->channel())
                                            ->GetCertificationStatus(&ctx, req, &resp),
                                        ctx);
        keeper->reportReachable(!r.transient());
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, r, resp] {
                if (!self || self->m_generation != generation)
                    return;
                auto& s = *self;
                if (!r.ok()) {
                    s.set(Stage::Problem, {},
                          r.refusal == REFUSAL_REASON_NOT_A_RETIREE
                              ? tr("您不是养老金领取人员，不需要认证")
                          : r.refusal == REFUSAL_REASON_UNKNOWN_PERSON
                              ? tr("没有查到这个号码的参保信息，请核对号码，或带身份证到窗口办理")
                          : r.transient() ? tr("网络暂时不通，请稍后再试")
                                          : tr("暂时无法认证，请到窗口办理"),
                          true);
                    return;
                }
                const auto& st = resp.status();
                switch (st.state()) {
                    case CERTIFICATION_STATE_NOT_REQUIRED:
                        s.set(Stage::Problem, {}, tr("您不是养老金领取人员，不需要认证"), false);
                        return;
                    case CERTIFICATION_STATE_CERTIFIED:
                        s.m_statusText =
                            tr("已认证，有效期至%1").arg(dateText(st.certified_until()));
                        break;
                    case CERTIFICATION_STATE_DUE:
                        s.m_statusText = tr("请在%1前完成认证").arg(dateText(st.certified_until()));
                        break;
                    case CERTIFICATION_STATE_OVERDUE:
                        s.m_statusText = tr("已逾期（%1到期），养老金暂停发放，认证后恢复")
                                             .arg(dateText(st.certified_until()));
                        break;
                    default:
                        break;
                }
                if (st.enrolled_fingers_size() == 0) {
                    s.set(Stage::Problem, {}, tr("您还没有登记指纹，请带身份证到窗口登记"), true);
                    return;
                }
                s.m_canScan = true;
                s.set(Stage::Ready, {}, {}, false);
            },
            Qt::QueuedConnection);
    });
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
    auto keeper = m_backoffice;
    QPointer<CertificationSession> self(this);
    const auto generation = m_generation;
    const std::string ssn = m_ssn;
    const auto cancelled = m_cancel;
    auto post = [self, generation](std::function<void(CertificationSession&)> f) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, f = std::move(f)] {
                if (self && self->m_generation == generation)
                    f(*self);
            },
            Qt::QueuedConnection);
    };
    const QString place = tr("请把手指平放在指纹仪上");
    const QString comparing = tr("正在比对，请稍候…");
    // The pool task may use `this` and `context`: the destructor waits for the pool.
    CertificationSession* me = this;
    QThreadPool::globalInstance()->start([=, sensorInfo = *sensor] {
        auto stub = CertificationService::NewStub(keeper->channel());
        GetTemplatesForVerifyRequest fetch;
        fetch.mutable_person()->set_ssn(ssn);
        fetch.set_purpose(VERIFICATION_PURPOSE_CERTIFICATION);
        fetch.mutable_sensor()->set_driver(sensorInfo.driver);
        fetch.mutable_sensor()->set_device_id(sensorInfo.deviceId);
        GetTemplatesForVerifyResponse templates;
        {
            grpc::ClientContext ctx;
            client::setDeadline(ctx, std::chrono::seconds(10));
            const auto r =
                client::resultOf(stub->GetTemplatesForVerify(&ctx, fetch, &templates), ctx);
            if (!r.ok() || templates.templates_size() == 0) {
                post([r](CertificationSession& s) {
                    s.set(Stage::Problem, {},
                          r.refusal == REFUSAL_REASON_TEMPLATE_INCOMPATIBLE
                              ? tr("您的指纹是在其他型号的指纹仪上登记的，请到窗口认证")
                              : tr("暂时无法认证，请到窗口办理"),
                          true);
                });
                return;
            }
        }
        std::shared_ptr<fp::Device> device;
        try {
            device = std::make_shared<fp::Device>(context->open(sensorInfo));
        } catch (const fp::Error& e) {
            qWarning("certification: cannot open the sensor: %s", e.what());
            post([](CertificationSession& s) {
                s.set(Stage::Problem, {}, tr("指纹仪暂时不可用，请到窗口办理"), true);
            });
            return;
        }
        {
            std::lock_guard lock(me->m_deviceMutex);
            me->m_device = device;
        }
        fp::VerifySession session;
        const auto& stored = templates.templates(0);
        const auto print = fp::Print::deserialize(
            {reinterpret_cast<const std::uint8_t*>(stored.serialized_print().data()),
             stored.serialized_print().size()});
        int attempt = 0;
        while (!session.finished() && !cancelled->load()) {
            fp::ScanCallbacks callbacks;
            callbacks.fingerStatus = [&](const fp::FingerStatus& st) {
                if (st.waitingForFinger())
                    post([place](CertificationSession& s) {
                        s.set(Stage::Scanning, place, s.m_message, false);
                    });
                else if (st.present)
                    post([comparing](CertificationSession& s) {
                        s.set(Stage::Scanning, comparing, {}, false);
                    });
            };
            const auto started = now();
            std::optional<fp::VerifyResult> result;
            try {
                result = device->verify(print, callbacks);
                session.record(*result);
            } catch (const fp::Error& e) {
                session.record(e);
                if (e.code() == fp::ErrorCode::Cancelled)
                    break;
                continue;
            }
            ++attempt;
            RecordVerificationResultRequest record;
            record.set_request_id(client::newRequestId());
            record.mutable_person()->set_ssn(ssn);
            record.set_purpose(VERIFICATION_PURPOSE_CERTIFICATION);
            record.set_matched(result->isMatch());
            record.set_finger(stored.finger());
            record.set_attempt(attempt);
            record.mutable_device()->set_driver(result->driver);
            record.mutable_device()->set_device_id(result->deviceId);
            *record.mutable_scan_started_at() = started;
            *record.mutable_scanned_at() = now();
            RecordVerificationResultResponse recorded;
            grpc::ClientContext ctx;
            client::setDeadline(ctx, std::chrono::seconds(10));
            const auto r =
                client::resultOf(stub->RecordVerificationResult(&ctx, record, &recorded), ctx);
            if (result->isMatch()) {
                post([r, recorded](CertificationSession& s) {
                    if (!r.ok()) {
                        s.set(Stage::Problem, {}, tr("指纹比对成功，但没能登记结果，请到窗口确认"),
                              true);
                        return;
                    }
                    s.m_receiptUntil = dateText(recorded.status().certified_until());
                    s.m_statusText = tr("已认证，有效期至%1").arg(s.m_receiptUntil);
                    QString text = tr("认证成功，有效期至%1").arg(s.m_receiptUntil);
                    if (recorded.pension_resumed())
                        text += tr("。养老金将恢复发放，暂停期间的养老金将补发");
                    s.m_canScan = false;
                    s.set(Stage::Done, {}, text, false);
                });
                break;
            }
            const int left = session.scansLeft();
            const auto retry = result->retry;
            post([left, retry](CertificationSession& s) {
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
                s.set(Stage::Scanning, s.m_prompt, tr("%1，还可以再试%2次").arg(why).arg(left),
                      true);
            });
        }
        if (session.guidance() == fp::Guidance::GoToCounter) {
            post([](CertificationSession& s) {
                s.m_canScan = false;
                s.set(Stage::Problem, {},
                      tr("三次比对都没有成功，请带身份证到窗口认证，工作人员会帮您办理"), true);
            });
        } else if (cancelled->load()) {
            post([](CertificationSession& s) { s.set(Stage::Ready, {}, {}, false); });
        }
        std::lock_guard lock(me->m_deviceMutex);
        me->m_device.reset();
    });
}

void CertificationSession::cancel() {
    m_cancel->store(true);
    std::lock_guard lock(m_deviceMutex);
    if (m_device)
        m_device->cancel();
}

void CertificationSession::reset() {
    cancel();
    ++m_generation;
    m_ssn.clear();
    m_id.clear();
    m_statusText.clear();
    m_receiptUntil.clear();
    m_canScan = false;
    set(Stage::Idle, {}, {}, false);
}

bool CertificationSession::printReceipt() {
    if (m_stage != Stage::Done || !m_receipts)
        return false;
    return m_receipts->print(
        tr("养老金领取资格认证回执"),
        {tr("社会保障号码：%1").arg(QString::fromStdString(drivers::sscard::maskIdNumber(m_ssn))),
         tr("认证结果：成功"), tr("有效期至：%1").arg(m_receiptUntil)});
}

}  // namespace renshe::kiosk
