// 信息发布 at the counter: the playlists of this staff member's region with what they play, and a
// notice (通知公告) composed, previewed with the display's own page (NoticeSlide.qml) and
// published: its image uploaded to the media store, the item made for the region with the
// days it runs, and added to a playlist — the hall's displays get it pushed within seconds.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QVariantList>
#include <memory>

#include "kiosk/counter/staff_link.hpp"
#include "kiosk/ui_async.hpp"

namespace renshe::kiosk::counter {

class ContentPublisher : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ContentPublisher belongs to the Counter singleton")
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool published READ published NOTIFY changed)
    Q_PROPERTY(QVariantList playlists READ playlists NOTIFY changed)
    // Next to the fields: which one is wrong and why.
    Q_PROPERTY(QString titleError READ titleError NOTIFY changed)
    Q_PROPERTY(QString bodyError READ bodyError NOTIFY changed)
    Q_PROPERTY(QString daysError READ daysError NOTIFY changed)
    Q_PROPERTY(QString imageError READ imageError NOTIFY changed)
    Q_PROPERTY(QString scheduleError READ scheduleError NOTIFY changed)

public:
    ContentPublisher() = default;
    void setLink(std::shared_ptr<StaffLink> link, const QString& region);

    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    bool published() const { return m_published; }
    QVariantList playlists() const { return m_playlists; }
    QString titleError() const { return m_titleError; }
    QString bodyError() const { return m_bodyError; }
    QString daysError() const { return m_daysError; }
    QString imageError() const { return m_imageError; }
    QString scheduleError() const { return m_scheduleError; }

    Q_INVOKABLE void refresh();
    // Publishes a notice into `playlistId` ("" = a new playlist 本所信息发布 for the region).
    // Days are YYYY-MM-DD ("" = from today / without an end); `imagePath` a PNG or JPEG file
    // ("" = none).
    Q_INVOKABLE void publish(const QString& playlistId, const QString& title, const QString& body,
                             const QString& firstDay, const QString& lastDay,
                             const QString& imagePath);
    // When it plays, for the next publish(): `weekdays` bit 0 = Monday … bit 6 = Sunday (0 =
    // every day), a daily window "HH:MM"–"HH:MM" (both "" = all day), priority "0"–"9" ("" = 0;
    // higher plays first). False, with scheduleError, when they do not make sense.
    Q_INVOKABLE bool setSchedule(int weekdays, const QString& from, const QString& to,
                                 const QString& priority);
    // Takes an item off the hall's displays (out of every playlist, then deleted).
    Q_INVOKABLE void withdraw(const QString& itemId);
    // The image as the preview loads it ("" when the path is not a readable file).
    Q_INVOKABLE QString imageUrl(const QString& imagePath) const;

Q_SIGNALS:
    void changed();

private:
    bool validate(const QString& title, const QString& body, const QString& firstDay,
                  const QString& lastDay, const QString& imagePath);

    std::shared_ptr<StaffLink> m_link;
    QString m_region;
    UiAsync m_async{this};
    bool m_busy = false;
    bool m_published = false;
    QString m_message, m_titleError, m_bodyError, m_daysError, m_imageError, m_scheduleError;
    int m_weekdays = 0, m_fromMinute = -1, m_toMinute = -1, m_priority = 0;
    QVariantList m_playlists;
};

}  // namespace renshe::kiosk::counter
