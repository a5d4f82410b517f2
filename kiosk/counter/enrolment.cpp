#include "kiosk/counter/enrolment.hpp"

#include <openssl/crypto.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThreadPool>

#include "kiosk/counter/person_file.hpp"
#include "kiosk/counter/staff_text.hpp"
#include "renshe/v1/certification.grpc.pb.h"

namespace renshe::kiosk::counter {

namespace fp = drivers::fprint;
using namespace renshe::v1;
using services::client::CallResult;

namespace {

QString retryText(fp::RetryReason reason) {
    switch (reason) {
        case fp::RetryReason::TooShort:
            return FingerprintEnrolment::tr("按压时间太短，请再按一次");
        case fp::RetryReason::CentreFinger:
            return FingerprintEnrolment::tr("手指没有放在中间，请放正后再按");
        case fp::RetryReason::RemoveFinger:
            return FingerprintEnrolment::tr("请抬起手指，再重新按下");
        case fp::RetryReason::General:
            break;
    }
    return FingerprintEnrolment::tr("这次没有采集好，请再按一次");
}

}  // namespace

FingerprintEnrolment::FingerprintEnrolment(PersonFile& person) : m_person(person) {}

FingerprintEnrolment::~FingerprintEnrolment() {
    // A scan on the pool uses m_context: it ends before the context goes. libfprint works on
    // this thread's GLib loop, so the loop keeps running while the cancelled scan winds down.
    m_async.invalidate();
    cancel();
    QElapsedTimer waited;
    waited.start();
    while (m_shared->running.load() && waited.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

void FingerprintEnrolment::setLink(std::shared_ptr<StaffLink> link) {
    m_link = std::move(link);
    if (!m_link) {
        cancel();
        reset();
    }
}

fp::Context* FingerprintEnrolment::sensors() {
    if (!m_context) {
        try {
            m_context = std::make_unique<fp::Context>(fp::LoopMode::CallerDefault);
        } catch (const std::exception& e) {
            qWarning("counter: fingerprint sensors unavailable: %s", e.what());
        }
    }
    return m_context.get();
}

void FingerprintEnrolment::reset() {
    if (m_state == State::Scanning || m_state == State::Saving)
        return;
    m_async.invalidate();
    m_state = State::Idle;
    m_stage = m_totalStages = m_retries = 0;
    m_waiting = false;
    m_prompt.clear();
    m_message.clear();
    Q_EMIT changed();
}

void FingerprintEnrolment::fail(const QString& message) {
    m_state = State::Failed;
    m_waiting = false;
    m_prompt.clear();
    m_message = message;
    Q_EMIT changed();
}

void FingerprintEnrolment::start(int finger, const QString& reason) {
    if (m_state == State::Scanning || m_state == State::Saving)
        return;
    if (m_person.personRef().key_case() == PersonRef::KEY_NOT_SET)
        return fail(tr("请先查询要登记指纹的人员"));
    if (finger < FINGER_LEFT_THUMB || finger > FINGER_RIGHT_LITTLE)
        return fail(tr("请在手形图上选择要登记的手指"));
    const bool replace = m_person.enrolledFingers().contains(finger);
    if (replace && reason.trimmed().isEmpty())
        return fail(tr("%1已登记过，重新登记须填写原因").arg(StaffText::finger(finger)));
    if (!m_link || !m_link->online())
        return fail(StaffMessages::offline());
    fp::Context* context = sensors();
    const auto found = context ? context->devices() : std::vector<fp::DeviceInfo>{};
    if (found.empty())
        return fail(tr("没有找到指纹仪，请检查连接"));
    m_who = m_person.personRef();
    m_finger = finger;
    m_stage = 0;
    m_totalStages = found.front().enrollStages;
    m_retries = 0;
    m_waiting = false;
    m_state = State::Scanning;
    m_prompt = tr("正在准备指纹仪…");
    m_message.clear();
    m_shared->cancelled.store(false);
    m_shared->running.store(true);
    Q_EMIT changed();

    const auto post = m_async.poster();
    auto shared = m_shared;
    const fp::DeviceInfo& sensor = found.front();  // copied into the scan below
    const QString place = tr("请把%1平放在指纹仪上").arg(StaffText::finger(finger));
    const QString lift = tr("请抬起手指");
    QThreadPool::globalInstance()->start(
        [this, post, shared, sensor, context, finger, replace, reason, place, lift] {
            auto result = std::make_shared<std::optional<fp::EnrollResult>>();
            QString problem;
            try {
                fp::Device device = context->open(sensor);
                {
                    std::lock_guard lock(shared->mutex);
                    shared->device = &device;
                }
                if (shared->cancelled.load())
                    device.cancel();
                fp::ScanCallbacks callbacks;
                callbacks.fingerStatus = [&](const fp::FingerStatus& status) {
                    post([this, waiting = status.waitingForFinger(), present = status.present,
                          place, lift] {
                        m_waiting = waiting;
                        m_prompt = waiting ? place : present ? lift : m_prompt;
                        Q_EMIT changed();
                    });
                };
                callbacks.enrollProgress = [&](const fp::EnrollProgress& p) {
                    post([this, p] {
                        m_stage = p.completedStages;
                        m_totalStages = p.totalStages;
                        if (p.retry) {
                            ++m_retries;
                            m_message = retryText(*p.retry);
                        } else {
                            m_message.clear();
                        }
                        Q_EMIT changed();
                    });
                };
                fp::EnrollOptions options;
                options.username = "counter";  // never a name or an ID number
                *result = device.enroll(static_cast<fp::Finger>(finger), callbacks, options);
                std::lock_guard lock(shared->mutex);
                shared->device = nullptr;
            } catch (const fp::Error& e) {
                {
                    std::lock_guard lock(shared->mutex);
                    shared->device = nullptr;
                }
                problem = e.code() == fp::ErrorCode::Cancelled ? tr("已取消登记")
                          : e.code() == fp::ErrorCode::DeviceRemoved
                              ? tr("指纹仪被拔出，请重新连接后再登记")
                              : tr("指纹仪出错（%1），请重试").arg(QString::fromUtf8(e.what()));
            }
            post([this, result, problem, replace, reason] {
                if (!*result)
                    return fail(problem);
                save(**result, replace, reason);
                OPENSSL_cleanse((*result)->serialized.data(), (*result)->serialized.size());
            });
            shared->running.store(false);
        });
}

void FingerprintEnrolment::save(const fp::EnrollResult& result, bool replace,
                                const QString& reason) {
    if (!m_link || !m_link->online())
        return fail(StaffMessages::offline());
    m_state = State::Saving;
    m_waiting = false;
    m_prompt = tr("正在保存到后台…");
    Q_EMIT changed();
    EnrollFingerprintRequest request;
    request.set_request_id(services::client::newRequestId());
    *request.mutable_person() = m_who;
    request.set_finger(static_cast<Finger>(m_finger));
    request.set_serialized_print(std::string(result.serialized.begin(), result.serialized.end()));
    request.mutable_device()->set_driver(result.driver);
    request.mutable_device()->set_device_id(result.deviceId);
    request.set_replace_existing(replace);
    request.set_reason(reason.trimmed().toStdString());
    auto link = m_link;
    auto outcome = std::make_shared<CallResult>();
    m_async.run(
        [link, request = std::move(request), outcome]() mutable {
            EnrollFingerprintResponse response;
            *outcome = services::client::unaryWithRetries<CertificationService>(
                link->keeper(), &CertificationService::Stub::EnrollFingerprint, request, &response,
                2);
            OPENSSL_cleanse(request.mutable_serialized_print()->data(),
                            request.serialized_print().size());
        },
        [this, outcome] {
            if (!outcome->ok())
                return fail(StaffMessages::text(*outcome));
            m_state = State::Done;
            m_prompt.clear();
            m_message = tr("已登记%1").arg(StaffText::finger(m_finger));
            Q_EMIT changed();
            m_person.reload();
        });
}

void FingerprintEnrolment::cancel() {
    m_shared->cancelled.store(true);
    std::lock_guard lock(m_shared->mutex);
    if (m_shared->device)
        m_shared->device->cancel();
}

}  // namespace renshe::kiosk::counter
