// The terminal's heartbeat (TerminalService.Heartbeat): every interval, the software version
// and what the devices are doing — card readers, a card in, the printer, the display, reports
// waiting in the outbox — so operators see a dead reader before a citizen does.
#pragma once

#include <QObject>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include "kiosk/ui_async.hpp"
#include "renshe/v1/terminal.pb.h"
#include "services/client/client.hpp"
#include "services/client/renewal.hpp"

namespace renshe::kiosk {

class Heartbeat : public QObject {
    Q_OBJECT

public:
    // `collect` runs on the UI thread and fills the device status; the call itself runs on a
    // worker. The server may ask for another interval in its answer.
    Heartbeat(std::shared_ptr<services::client::ChannelKeeper> backoffice,
              renshe::v1::TerminalRole role,
              std::function<void(renshe::v1::HeartbeatRequest&)> collect,
              std::chrono::seconds interval, QObject* parent = nullptr);

    int sent() const { return m_sent.load(); }
    // One heartbeat now, out of turn (a device came or went); while one is in flight, another
    // follows it.
    void beat();

    // After each answered heartbeat, renews the terminal's certificate in `files` when it is
    // due (services/client/renewal.hpp); a failed attempt is tried again an hour later (a
    // minute when the back office did not answer); a renewed certificate is not renewed again
    // within a day.
    void renewCertificates(services::client::IdentityFiles files, std::chrono::seconds renewBefore);

private:
    struct Renewal {
        services::client::IdentityFiles files;
        std::chrono::seconds renewBefore{0};
    };
    void afterRenewal(const services::client::RenewalResult& result);

    std::shared_ptr<services::client::ChannelKeeper> m_backoffice;
    renshe::v1::TerminalRole m_role;
    std::function<void(renshe::v1::HeartbeatRequest&)> m_collect;
    QTimer m_timer;
    qint64 m_started;
    std::atomic<int> m_sent{0};
    std::atomic<bool> m_inFlight{false};
    bool m_again = false;  // UI thread only
    std::optional<Renewal> m_renewal;
    qint64 m_renewalNotBeforeMs = 0;  // UI thread only
    UiAsync m_async{this};
};

}  // namespace renshe::kiosk
