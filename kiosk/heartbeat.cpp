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
    // A heartbeat is small and frequent: a shorter deadline than a citizen's call.
    m_async.run(
        [keeper, req, resp, ok] {
            *ok =
                services::client::unary<TerminalService>(*keeper, &TerminalService::Stub::Heartbeat,
                                                         *req, resp.get(), kHeartbeatDeadline)
                    .ok();
        },
        [this, resp, ok] {
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

}  // namespace renshe::kiosk
