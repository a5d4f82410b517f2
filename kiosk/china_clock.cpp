#include "kiosk/china_clock.hpp"

#include "kiosk/china_time.hpp"

namespace renshe::kiosk {

namespace {
QDateTime nowInChina() {
    return chinaTime(QDateTime::currentSecsSinceEpoch());
}
}  // namespace

ChinaClock::ChinaClock(QObject* parent) : QObject(parent) {
    m_minute = QDateTime::currentSecsSinceEpoch() / 60;
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ChinaClock::tick);
    m_timer.start();
}

void ChinaClock::tick() {
    const qint64 minute = QDateTime::currentSecsSinceEpoch() / 60;
    if (minute != m_minute) {
        m_minute = minute;
        Q_EMIT minuteChanged();
    }
}

QString ChinaClock::date() const {
    return nowInChina().toString(QStringLiteral("yyyy-MM-dd"));
}

QString ChinaClock::time() const {
    return nowInChina().toString(QStringLiteral("HH:mm"));
}

int ChinaClock::month() const {
    return nowInChina().date().month();
}

int ChinaClock::day() const {
    return nowInChina().date().day();
}

int ChinaClock::weekday() const {
    return nowInChina().date().dayOfWeek() % 7;  // Qt: 1 Monday .. 7 Sunday
}

}  // namespace renshe::kiosk
