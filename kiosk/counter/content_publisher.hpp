// 信息发布 at the counter: the playlists of this staff member's region with what they play, and a
// notice (通知公告) composed, previewed with the display's own page (NoticeSlide.qml) and
// published: its image uploaded to the media store, the item made for the region with the
// days it runs, and added to a playlist — the hall's displays get it pushed within seconds. A
// published notice can be edited (its text, days, schedule or picture: the same item, so every
// playlist playing it plays the new version) or taken down.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <map>
#include <memory>

#include "kiosk/counter/staff_link.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/content.pb.h"

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
    // The notice being edited ("" = a new one) and its title as published.
    Q_PROPERTY(QString editingId READ editingId NOTIFY changed)
    Q_PROPERTY(QString editingTitle READ editingTitle NOTIFY changed)
    // Its picture as published, for the preview (a data: URL, fetched from the media store into
    // memory only; "" when it has none or while it is fetched).
    Q_PROPERTY(QString editingImage READ editingImage NOTIFY changed)

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
    QString editingId() const { return m_editingId; }
    QString editingTitle() const;
    QString editingImage() const { return m_editingImage; }

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
    // Starts editing the published notice `itemId`: its fields for the form (title, body,
    // firstDay, lastDay, weekdays, from, to, priority, hasImage); the next publish() replaces it
    // (keeping its picture unless a new file is given) instead of adding a notice. Empty when
    // it is not a notice of the list.
    Q_INVOKABLE QVariantMap edit(const QString& itemId);
    Q_INVOKABLE void cancelEdit();
    // Takes an item off the hall's displays (out of every playlist, then deleted).
    Q_INVOKABLE void withdraw(const QString& itemId);
    // The image as the preview loads it ("" when the path is not a readable file).
    Q_INVOKABLE QString imageUrl(const QString& imagePath) const;
    // The file the picture dialog chose, as a path for the field.
    Q_INVOKABLE QString localPath(const QUrl& chosen) const { return chosen.toLocalFile(); }

Q_SIGNALS:
    void changed();

private:
    bool validate(const QString& title, const QString& body, const QString& firstDay,
                  const QString& lastDay, const QString& imagePath);
    renshe::v1::ContentItem noticeItem(const QString& title, const QString& body,
                                       const QString& firstDay, const QString& lastDay) const;

    std::shared_ptr<StaffLink> m_link;
    QString m_region;
    UiAsync m_async{this};
    bool m_busy = false;
    bool m_published = false;
    QString m_message, m_titleError, m_bodyError, m_daysError, m_imageError, m_scheduleError;
    int m_weekdays = 0, m_fromMinute = -1, m_toMinute = -1, m_priority = 0;
    QVariantList m_playlists;
    std::map<QString, renshe::v1::ContentItem> m_notices;  // the listed notices, by item id
    QString m_editingId, m_editingImage;
    UiAsync m_media{this};  // the picture of the notice being edited
    void fetchEditingImage(const std::string& sha256);
};

}  // namespace renshe::kiosk::counter
