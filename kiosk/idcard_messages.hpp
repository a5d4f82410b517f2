// What the citizen is told about the ID card on the reader, in the screen's language.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "drivers/idcard/idcard_error.hpp"
#include "drivers/idcard/text.hpp"

namespace renshe::kiosk {

class IdCardMessages {
    Q_DECLARE_TR_FUNCTIONS(renshe::kiosk::IdCardMessages)

public:
    // Why a card placed on the reader gave nothing, and what to do instead.
    static QString problem(drivers::idcard::Problem p);
    // The card's validity has ended (validUntil YYYYMMDD).
    static QString expired(const std::string& validUntil);
    // "已读取身份证：张*丰" (masked).
    static QString read(const std::string& name);
    // Today's China date as YYYYMMDD (what isExpired compares with).
    static std::string today();
};

}  // namespace renshe::kiosk
