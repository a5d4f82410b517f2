// Why a new PIN or service password (服务密码) is refused before anything reaches the card, in
// the citizen's words: shared by the kiosk's card services and the counter's PIN pad window
// (协助启用), so both refuse the same PINs with the same sentence.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>
#include <string>

#include "drivers/sscard/codec.hpp"

namespace renshe::kiosk {

class PinRules {
    Q_DECLARE_TR_FUNCTIONS(renshe::kiosk::PinRules)

public:
    // Why `candidate` (six digits) may not be the new PIN of a card whose holder was born on
    // `birthDate` and whose PIN is now `oldPin`; empty when it may.
    static QString weakPin(const std::string& candidate,
                           const std::optional<drivers::sscard::Date>& birthDate,
                           const std::optional<std::string>& oldPin);
    // Why `candidate` may not be the service password set beside the new PIN `newPin`.
    static QString weakServicePassword(const std::string& candidate,
                                       const std::optional<drivers::sscard::Date>& birthDate,
                                       const std::string& newPin);
    // "<why>，请重新设置": the message shown with a refusal.
    static QString setAgain(const QString& why);
};

}  // namespace renshe::kiosk
