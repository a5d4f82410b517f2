// The wall clock the screens show, always in China Standard Time (北京时间): a terminal whose
// host runs on UTC or another zone shows the same time as its receipts and card history.
// QML reaches it as the `ChinaClock` singleton of Renshe.Kiosk; it changes once a minute.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QTimer>

namespace renshe::kiosk {

class ChinaClock : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString date READ date NOTIFY minuteChanged)    // "2026-12-03"
    Q_PROPERTY(QString time READ time NOTIFY minuteChanged)    // "15:30"
    Q_PROPERTY(int month READ month NOTIFY minuteChanged)      // 1..12
    Q_PROPERTY(int day READ day NOTIFY minuteChanged)          // 1..31
    Q_PROPERTY(int weekday READ weekday NOTIFY minuteChanged)  // 0 Sunday .. 6 Saturday

public:
    explicit ChinaClock(QObject* parent = nullptr);

    QString date() const;
    QString time() const;
    int month() const;
    int day() const;
    int weekday() const;

Q_SIGNALS:
    void minuteChanged();

private:
    void tick();
    qint64 m_minute = 0;  // minutes since the epoch last announced
    QTimer m_timer;
};

}  // namespace renshe::kiosk
