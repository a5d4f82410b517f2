#include "kiosk/connectivity.hpp"

#include <grpcpp/channel.h>

#include <QTimer>

namespace renshe::kiosk {

namespace {

// Lives on the worker thread: one health check per tick, result posted back. Between ticks it
// watches its channel's state (a local read, no traffic): a connection to the back office that
// drops (the server died or restarted, the link went down) is checked at once, so the screen
// says "offline" within a fraction of a second instead of at the next tick.
class HealthWorker : public QObject {
public:
    HealthWorker(services::client::Endpoint endpoint, std::chrono::milliseconds interval,
                 std::function<void(bool)> report)
        : m_channel(std::move(endpoint)), m_interval(interval), m_report(std::move(report)) {}

    void begin() {
        auto* timer = new QTimer(this);
        timer->setInterval(m_interval);
        QObject::connect(timer, &QTimer::timeout, this, [this] { check(); });
        timer->start();
        auto* watch = new QTimer(this);
        watch->setInterval(kWatchEvery);
        QObject::connect(watch, &QTimer::timeout, this, [this] {
            const auto channel = m_channel.channel();
            // Waiting on the state (not just reading it) lets gRPC poll the idle connection,
            // which is how it sees the other end close.
            if (m_lastState == GRPC_CHANNEL_READY) {
                channel->WaitForStateChange(GRPC_CHANNEL_READY,
                                            std::chrono::system_clock::now() + kWatchEvery / 2);
            }
            const auto state = channel->GetState(false);
            const bool dropped = m_lastState == GRPC_CHANNEL_READY && state != GRPC_CHANNEL_READY;
            m_lastState = state;
            if (dropped)
                check();
        });
        watch->start();
        check();
    }

private:
    void check() {
        const auto deadline =
            std::min<std::chrono::milliseconds>(m_interval, std::chrono::seconds(3));
        const auto result = services::client::checkHealth(m_channel.channel(), deadline);
        const bool serving = result.state == services::client::HealthState::Serving;
        m_channel.reportReachable(serving);
        if (serving != m_lastServing) {
            // Transitions only, with the transport's reason: what an operator needs in the log.
            qInfo("connectivity: back office %s (grpc %d %s)", serving ? "online" : "offline",
                  result.grpcCode, result.message.c_str());
            m_lastServing = serving;
        }
        m_report(serving);
    }

    services::client::ChannelKeeper m_channel;
    std::chrono::milliseconds m_interval;
    std::function<void(bool)> m_report;
    std::optional<bool> m_lastServing;
    grpc_connectivity_state m_lastState = GRPC_CHANNEL_IDLE;
    static constexpr std::chrono::milliseconds kWatchEvery{200};
};

}  // namespace

Connectivity::Connectivity(std::optional<services::client::Endpoint> endpoint,
                           std::chrono::milliseconds interval, QObject* parent)
    : QObject(parent) {
    if (!endpoint) {
        m_state = State::Offline;
        return;
    }
    auto* worker = new HealthWorker(std::move(*endpoint), interval, [this](bool serving) {
        QMetaObject::invokeMethod(
            this, [this, serving] { apply(serving); }, Qt::QueuedConnection);
    });
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, worker, [worker] { worker->begin(); });
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("connectivity"));
    m_thread.start();
}

Connectivity::~Connectivity() {
    m_thread.quit();
    m_thread.wait();
}

void Connectivity::apply(bool serving) {
    const State next = serving ? State::Online : State::Offline;
    if (next != m_state) {
        m_state = next;
        Q_EMIT stateChanged();
    }
}

}  // namespace renshe::kiosk
