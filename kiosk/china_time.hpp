// China Standard Time for what the screen and receipts show (drivers/util/clock.hpp holds the
// offset): a terminal whose host runs on UTC still shows 北京时间.
#pragma once

#include <QDateTime>
#include <QTimeZone>

#include "drivers/util/clock.hpp"

namespace renshe::kiosk {

inline QTimeZone chinaTimeZone() {
    return QTimeZone(static_cast<int>(util::kChinaUtcOffsetSeconds));
}

// An instant (seconds since the epoch) as China Standard Time.
inline QDateTime chinaTime(qint64 utcSeconds) {
    return QDateTime::fromSecsSinceEpoch(utcSeconds, chinaTimeZone());
}

}  // namespace renshe::kiosk
