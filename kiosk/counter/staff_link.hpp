// The signed-in staff member's connection to the back office, shared by the counter's
// view-models, and what a staff member is told about a call's outcome. Staff actions are made
// online or not at all: nothing is queued.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <atomic>
#include <memory>

#include "services/client/call.hpp"
#include "services/client/client.hpp"

namespace renshe::kiosk::counter {

class StaffLink {
public:
    explicit StaffLink(services::client::Endpoint endpoint)
        : m_keeper(std::make_shared<services::client::ChannelKeeper>(std::move(endpoint))) {}
    services::client::ChannelKeeper& keeper() { return *m_keeper; }
    // For what keeps the channel beyond one call (the card flows' back-office port).
    std::shared_ptr<services::client::ChannelKeeper> sharedKeeper() const { return m_keeper; }
    // The last health check's answer (the banner; actions are refused at once while false).
    bool online() const { return m_online.load(); }
    void setOnline(bool online) { m_online.store(online); }

private:
    std::shared_ptr<services::client::ChannelKeeper> m_keeper;
    std::atomic<bool> m_online{true};
};

class StaffMessages {
    Q_DECLARE_TR_FUNCTIONS(renshe::kiosk::counter::StaffMessages)

public:
    // The outcome in the staff member's words (empty for OK).
    static QString text(const services::client::CallResult& result);
    // An action refused before it was sent: the back office is not reachable.
    static QString offline();
};

}  // namespace renshe::kiosk::counter
