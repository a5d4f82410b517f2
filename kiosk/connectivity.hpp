// Whether the back office answers: the status bar's online/offline indicator.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QThread>
#include <chrono>
#include <optional>

#include "services/client/client.hpp"

namespace renshe::kiosk {

class Connectivity : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Connectivity belongs to the Kiosk singleton")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)

public:
    enum class State {
        Unknown,  // no answer yet since start
        Online,   // the back office answered SERVING to the last health check
        Offline,  // the last check failed or the back office is not configured
    };
    Q_ENUM(State)

    // Without an endpoint the kiosk is offline for good (standalone demo of the UI).
    Connectivity(std::optional<services::client::Endpoint> endpoint,
                 std::chrono::milliseconds interval, QObject* parent = nullptr);
    ~Connectivity() override;

    State state() const { return m_state; }

Q_SIGNALS:
    void stateChanged();

private:
    void apply(bool serving);

    State m_state = State::Unknown;
    QThread m_thread;  // health checks block for their deadline; never on the UI thread
};

}  // namespace renshe::kiosk
