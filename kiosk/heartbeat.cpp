#include "kiosk/heartbeat.hpp"

#include <QCoreApplication>
#include <QDateTime>

#include "renshe/v1/terminal.grpc.pb.h"
#include "services/client/call.hpp"

namespace renshe::kiosk {

namespace {
constexpr std::chrono::milliseconds kHeartbeatDeadline = std::chrono::seconds(5);
}  // namespace

using namespace renshe::v1;

Heartbeat::Heartbeat(std::shared_ptr<services::client::ChannelKeeper> backoffice, TerminalRole role,
                     std::function<void(HeartbeatRequest&)> collect, std::chrono::seconds interval,
                     QObject* parent)
    : QObject(parent),
      m_backoffice(std::move(backoffice)),
      m_role(role),
      m_collect(std::move(collect)),
      m_started(QDateTime::currentMSecsSinceEpoch()) {
    m_timer.setInterval(std::chrono::duration_cast<std::chrono::milliseconds>(interval));
    connect(&m_timer, &QTimer::timeout, this, &Heartbeat::beat);
    m_timer.start();
    QTimer::singleShot(0, this, &Heartbeat::beat);  // the first right away
}

void Heartbeat::beat() {
    if (!m_backoffice)
        return;
    if (m_inFlight.exchange(true)) {
        m_again = true;  // what changed goes in one more right after
        return;
    }
    auto req = std::make_shared<HeartbeatRequest>();
    req->set_software_version(RENSHE_VERSION);
    req->set_role(m_role);
    m_collect(*req);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    req->mutable_uptime()->set_seconds((nowMs - m_started) / 1000);
    req->mutable_sent_at()->set_seconds(nowMs / 1000);
    req->mutable_sent_at()->set_nanos(static_cast<int>(nowMs % 1000) * 1'000'000);
    auto keeper = m_backoffice;
    auto resp = std::make_shared<HeartbeatResponse>();
    auto ok = std::make_shared<bool>(false);
    std::optional<Renewal> renewal;
    if (m_renewal && nowMs >= m_renewalNotBeforeMs)
        renewal = m_renewal;
    auto renewed = std::make_shared<services::client::RenewalResult>();
    // A heartbeat is small and frequent: a shorter deadline than a citizen's call.
    m_async.run(
        [keeper, req, resp, ok, renewal, renewed, nowMs] {
            *ok =
                services::client::unary<TerminalService>(*keeper, &TerminalService::Stub::Heartbeat,
                                                         *req, resp.get(), kHeartbeatDeadline)
                    .ok();
            if (*ok && renewal) {
                *renewed = services::client::renewCertificateIfDue(
                    *keeper, renewal->files, nowMs / 1000, renewal->renewBefore,
                    services::client::kDefaultDeadline);
            }
        },
        [this, resp, ok, renewed] {
            afterRenewal(*renewed);
            m_inFlight = false;
            if (m_again) {
                m_again = false;
                QTimer::singleShot(0, this, &Heartbeat::beat);
            }
            if (!*ok)
                return;
            ++m_sent;
            const qint64 askedMs = resp->heartbeat_interval().seconds() * 1000;
            if (askedMs >= 5000 && askedMs <= 600000 && askedMs != m_timer.interval())
                m_timer.setInterval(static_cast<int>(askedMs));
        });
}

void Heartbeat::renewCertificates(services::client::IdentityFiles files,
                                  std::chrono::seconds renewBefore) {
    m_renewal = Renewal{std::move(files), renewBefore};
}

void Heartbeat::afterRenewal(const services::client::RenewalResult& result) {
    using services::client::RenewalOutcome;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    switch (result.outcome) {
        case RenewalOutcome::NotDue:
            return;
        case RenewalOutcome::Renewed:
            // Once a day at most, whatever an operator's --renew-certificate-days says.
            m_renewalNotBeforeMs = nowMs + 86'400'000;
            qInfo("renshe-kiosk: terminal certificate renewed, valid until %s (Unix seconds %lld)",
                  qPrintable(QDateTime::fromSecsSinceEpoch(result.notAfter).toString(Qt::ISODate)),
                  static_cast<long long>(result.notAfter));
            return;
        case RenewalOutcome::Unreachable:
            m_renewalNotBeforeMs = nowMs + 60'000;
            break;
        case RenewalOutcome::Refused:
        case RenewalOutcome::Failed:
            m_renewalNotBeforeMs = nowMs + 3'600'000;
            break;
    }
    qWarning("renshe-kiosk: terminal certificate renewal did not complete: %s",
             result.detail.c_str());
}

}  // namespace renshe::kiosk
