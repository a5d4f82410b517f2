// What a citizen is told when the back office refuses or cannot be reached: the words for the
// ids of services/client's citizenMessage(), in the screen's language. Screens that need a
// sentence of their own for one case (the loss report's wrong card state, say) switch on the
// id and use this for the rest, so the same refusal reads the same everywhere.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "services/client/call.hpp"

namespace renshe::kiosk {

class CitizenMessages {
    Q_DECLARE_TR_FUNCTIONS(renshe::kiosk::CitizenMessages)

public:
    // The sentence for `result` ("" when it succeeded).
    static QString text(const services::client::CallResult& result);
    static QString text(services::client::CitizenMessage message, int retryAfterSeconds = 0);
};

}  // namespace renshe::kiosk
