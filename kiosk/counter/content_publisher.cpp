#include "kiosk/counter/content_publisher.hpp"

#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QTime>
#include <QUrl>
#include <optional>

#include "kiosk/counter/staff_text.hpp"
#include "renshe/v1/content.grpc.pb.h"

namespace renshe::kiosk::counter {

using namespace renshe::v1;
using services::client::CallResult;
using services::client::unary;

namespace {

constexpr int kMaxTitleChars = 60;  // two lines on the display at five metres
constexpr int kMaxBodyChars = 1000;
constexpr qint64 kMaxImageBytes = 3 * 1024 * 1024;  // the media store's limit
constexpr int kNoticeSeconds = 15;

std::optional<QDate> dayOf(const QString& text) {
    if (text.trimmed().isEmpty())
        return std::nullopt;
    return QDate::fromString(text.trimmed(), QStringLiteral("yyyy-MM-dd"));
}

void setDate(Date* d, const QDate& day) {
    d->set_year(day.year());
    d->set_month(day.month());
    d->set_day(day.day());
}

struct Publication {
    CallResult result;
    std::string step;  // where it stopped
};

// Stores `picture` (if any) in the media store for `item`.
bool storePicture(services::client::ChannelKeeper& keeper, const QString& picture,
                  ContentItem& item, Publication& out) {
    QFile file(picture);
    const QByteArray image = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    const QString contentType = QFileInfo(picture).suffix().toLower() == QStringLiteral("png")
                                    ? QStringLiteral("image/png")
                                    : QStringLiteral("image/jpeg");
    PutMediaRequest media;
    media.set_request_id(services::client::newRequestId());
    media.set_data(image.constData(), static_cast<std::size_t>(image.size()));
    media.set_content_type(contentType.toStdString());
    PutMediaResponse stored;
    out.step = "media";
    out.result = services::client::unaryWithRetries<ContentService>(
        keeper, &ContentService::Stub::PutMedia, media, &stored, 2);
    if (out.result.ok())
        item.set_media_sha256(stored.sha256());
    return out.result.ok();
}

// Appends `itemId` to the playlist `playlistId` ("" = a new 本所信息发布 for `region`).
void appendToPlaylist(services::client::ChannelKeeper& keeper, const std::string& itemId,
                      const std::string& playlistId, const std::string& region, Publication& out) {
    Playlist playlist;
    if (!playlistId.empty()) {
        GetPlaylistRequest get;
        get.set_id(playlistId);
        GetPlaylistResponse got;
        out.step = "playlist";
        out.result = unary<ContentService>(keeper, &ContentService::Stub::GetPlaylist, get, &got);
        if (!out.result.ok())
            return;
        playlist = got.playlist();
        for (auto& e : *playlist.mutable_entries())
            e.clear_item();  // entries go back by item_id only
    } else {
        playlist.set_name("本所信息发布");
        playlist.mutable_targeting()->add_region_prefixes(region);
    }
    playlist.clear_revision();
    playlist.add_entries()->set_item_id(itemId);
    UpsertPlaylistRequest save;
    save.set_request_id(services::client::newRequestId());
    *save.mutable_playlist() = playlist;
    UpsertPlaylistResponse saved;
    out.result = services::client::unaryWithRetries<ContentService>(
        keeper, &ContentService::Stub::UpsertPlaylist, save, &saved, 2);
}

// The picture, the item, then (a new notice) its place in a playlist. Nothing half-published:
// a new item no playlist took is removed again; an edited one keeps playing as it was until
// its replacement is stored.
void publishNotice(services::client::ChannelKeeper& keeper, ContentItem item,
                   const QString& picture, const std::optional<std::string>& playlistId,
                   const std::string& region, Publication& out) {
    if (!picture.isEmpty() && !storePicture(keeper, picture, item, out))
        return;
    UpsertContentItemRequest upsert;
    upsert.set_request_id(services::client::newRequestId());
    *upsert.mutable_item() = std::move(item);
    UpsertContentItemResponse made;
    out.step = "item";
    out.result = services::client::unaryWithRetries<ContentService>(
        keeper, &ContentService::Stub::UpsertContentItem, upsert, &made, 2);
    if (!out.result.ok() || !playlistId)
        return;
    appendToPlaylist(keeper, made.item().id(), *playlistId, region, out);
    if (!out.result.ok()) {
        DeleteContentItemRequest request;
        request.set_request_id(services::client::newRequestId());
        request.set_id(made.item().id());
        DeleteContentItemResponse removed;
        services::client::unaryWithRetries<ContentService>(
            keeper, &ContentService::Stub::DeleteContentItem, request, &removed, 2);
    }
}

}  // namespace

void ContentPublisher::setLink(std::shared_ptr<StaffLink> link, const QString& region) {
    m_link = std::move(link);
    m_region = region;
    if (!m_link) {
        m_async.invalidate();
        m_busy = m_published = false;
        m_message.clear();
        m_titleError.clear();
        m_bodyError.clear();
        m_daysError.clear();
        m_imageError.clear();
        m_scheduleError.clear();
        m_weekdays = m_priority = 0;
        m_fromMinute = m_toMinute = -1;
        m_playlists.clear();
        m_notices.clear();
        m_editingId.clear();
        m_media.invalidate();
        m_editingImage.clear();
        Q_EMIT changed();
    }
}

void ContentPublisher::refresh() {
    if (!m_link)
        return;
    if (!m_link->online()) {
        m_message = StaffMessages::offline();
        Q_EMIT changed();
        return;
    }
    auto link = m_link;
    auto list = std::make_shared<ListPlaylistsResponse>();
    auto result = std::make_shared<CallResult>();
    m_async.run(
        [link, list, result] {
            ListPlaylistsRequest request;
            request.mutable_page()->set_page_size(100);
            *result = unary<ContentService>(link->keeper(), &ContentService::Stub::ListPlaylists,
                                            request, list.get());
            // The listing names items by id: each playlist again, with its items resolved.
            for (auto& p : *list->mutable_playlists()) {
                if (!result->ok())
                    break;
                GetPlaylistRequest one;
                one.set_id(p.id());
                GetPlaylistResponse resolved;
                *result = unary<ContentService>(link->keeper(), &ContentService::Stub::GetPlaylist,
                                                one, &resolved);
                if (result->ok())
                    p = resolved.playlist();
            }
        },
        [this, list, result] {
            if (!result->ok()) {
                m_message = StaffMessages::text(*result);
                Q_EMIT changed();
                return;
            }
            m_playlists.clear();
            m_notices.clear();
            for (const auto& p : list->playlists()) {
                QVariantList entries;
                for (const auto& e : p.entries()) {
                    const bool notice = e.item().kind() == CONTENT_KIND_NOTICE;
                    if (notice)
                        m_notices[fromStd(e.item_id())] = e.item();
                    entries.append(QVariantMap{
                        {QStringLiteral("itemId"), fromStd(e.item_id())},
                        {QStringLiteral("title"),
                         fromStd(e.item().title().empty() ? e.item_id() : e.item().title())},
                        {QStringLiteral("kind"), static_cast<int>(e.item().kind())},
                        {QStringLiteral("editable"), notice}});
                }
                m_playlists.append(QVariantMap{{QStringLiteral("id"), fromStd(p.id())},
                                               {QStringLiteral("name"), fromStd(p.name())},
                                               {QStringLiteral("entries"), entries}});
            }
            if (!m_editingId.isEmpty() && !m_notices.contains(m_editingId)) {
                m_editingId.clear();  // taken down meanwhile (here or elsewhere)
                m_editingImage.clear();
            }
            Q_EMIT changed();
        });
}

bool ContentPublisher::setSchedule(int weekdays, const QString& from, const QString& to,
                                   const QString& priorityText) {
    bool numeric = true;
    const int priority =
        priorityText.trimmed().isEmpty() ? 0 : priorityText.trimmed().toInt(&numeric);
    m_scheduleError.clear();
    const auto minuteOf = [](const QString& text) {
        if (text.trimmed() == QStringLiteral("24:00"))
            return 1440;
        const QTime t = QTime::fromString(text.trimmed(), QStringLiteral("HH:mm"));
        return t.isValid() ? t.hour() * 60 + t.minute() : -1;
    };
    int start = -1, end = -1;
    if (!from.trimmed().isEmpty() || !to.trimmed().isEmpty()) {
        start = minuteOf(from);
        end = minuteOf(to);
        if (start < 0 || end < 0 || start >= 1440)
            m_scheduleError = tr("时段格式应为 08:30 至 17:00");
        else if (end <= start)
            m_scheduleError = tr("时段的结束要晚于开始");
    }
    if (weekdays < 0 || weekdays > 0x7f)
        m_scheduleError = tr("星期的选择不正确");
    if (!numeric || priority < 0 || priority > 9)
        m_scheduleError = tr("优先级应为0至9");
    if (!m_scheduleError.isEmpty()) {
        Q_EMIT changed();
        return false;
    }
    m_weekdays = weekdays;
    m_fromMinute = start;
    m_toMinute = end;
    m_priority = priority;
    Q_EMIT changed();
    return true;
}

QString ContentPublisher::editingTitle() const {
    const auto it = m_notices.find(m_editingId);
    return it == m_notices.end() ? QString() : fromStd(it->second.title());
}

QVariantMap ContentPublisher::edit(const QString& itemId) {
    const auto it = m_notices.find(itemId);
    if (it == m_notices.end() || m_busy)
        return {};
    const ContentItem& item = it->second;
    const auto& s = item.schedule();
    const auto day = [](const Date& d) {
        return d.year() == 0 ? QString()
                             : QDate(d.year(), d.month(), d.day()).toString(Qt::ISODate);
    };
    const auto time = [](int minute) {
        return minute == 1440 ? QStringLiteral("24:00")
                              : QTime(minute / 60, minute % 60).toString(QStringLiteral("HH:mm"));
    };
    const bool window = s.daily_windows_size() > 0;
    m_editingId = itemId;
    m_editingImage.clear();
    if (!item.media_sha256().empty())
        fetchEditingImage(item.media_sha256());
    m_published = false;
    m_message.clear();
    Q_EMIT changed();
    return {
        {QStringLiteral("title"), fromStd(item.title())},
        {QStringLiteral("body"), fromStd(item.body())},
        {QStringLiteral("firstDay"), s.has_first_day() ? day(s.first_day()) : QString()},
        {QStringLiteral("lastDay"), s.has_last_day() ? day(s.last_day()) : QString()},
        {QStringLiteral("weekdays"), static_cast<int>(s.weekday_mask())},
        {QStringLiteral("from"), window ? time(s.daily_windows(0).start_minute()) : QString()},
        {QStringLiteral("to"), window ? time(s.daily_windows(0).end_minute()) : QString()},
        {QStringLiteral("priority"), s.priority() == 0 ? QString() : QString::number(s.priority())},
        {QStringLiteral("hasImage"), !item.media_sha256().empty()}};
}

void ContentPublisher::fetchEditingImage(const std::string& sha256) {
    if (!m_link)
        return;
    m_media.invalidate();
    auto link = m_link;
    auto media = std::make_shared<GetMediaResponse>();
    auto result = std::make_shared<CallResult>();
    m_media.run(
        [link, sha256, media, result] {
            GetMediaRequest request;
            request.set_sha256(sha256);
            *result = unary<ContentService>(link->keeper(), &ContentService::Stub::GetMedia,
                                            request, media.get());
        },
        [this, sha256, media, result, id = m_editingId] {
            if (!result->ok() || m_editingId != id)
                return;  // the preview goes without it; publishing keeps it all the same
            const QByteArray data = QByteArray::fromStdString(media->data());
            // The store names images by their SHA-256: anything else is not that picture.
            if (QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex().toStdString() !=
                sha256)
                return;
            m_editingImage =
                QStringLiteral("data:%1;base64,%2")
                    .arg(fromStd(media->content_type()), QString::fromLatin1(data.toBase64()));
            Q_EMIT changed();
        });
}

void ContentPublisher::cancelEdit() {
    if (m_busy)
        return;
    m_media.invalidate();
    m_editingImage.clear();
    m_editingId.clear();
    m_message.clear();
    Q_EMIT changed();
}

void ContentPublisher::withdraw(const QString& itemId) {
    if (!m_link || itemId.isEmpty() || m_busy)
        return;
    if (!m_link->online()) {
        m_message = StaffMessages::offline();
        Q_EMIT changed();
        return;
    }
    m_busy = true;
    m_published = false;
    Q_EMIT changed();
    auto link = m_link;
    auto result = std::make_shared<CallResult>();
    DeleteContentItemRequest request;
    request.set_request_id(services::client::newRequestId());
    request.set_id(itemId.toStdString());
    m_async.run(
        [link, request, result] {
            DeleteContentItemResponse response;
            *result = services::client::unaryWithRetries<ContentService>(
                link->keeper(), &ContentService::Stub::DeleteContentItem, request, &response, 2);
        },
        [this, result] {
            m_busy = false;
            m_message =
                result->ok() ? tr("已撤下：信息屏将不再播放") : StaffMessages::text(*result);
            Q_EMIT changed();
            if (result->ok())
                refresh();
        });
}

QString ContentPublisher::imageUrl(const QString& imagePath) const {
    const QFileInfo file(imagePath.trimmed());
    return !imagePath.trimmed().isEmpty() && file.isFile() && file.isReadable()
               ? QUrl::fromLocalFile(file.absoluteFilePath()).toString()
               : QString();
}

bool ContentPublisher::validate(const QString& title, const QString& body, const QString& firstDay,
                                const QString& lastDay, const QString& imagePath) {
    m_titleError.clear();
    m_bodyError.clear();
    m_daysError.clear();
    m_imageError.clear();
    if (title.trimmed().isEmpty())
        m_titleError = tr("请填写标题");
    else if (title.trimmed().size() > kMaxTitleChars)
        m_titleError = tr("标题最多%1字（信息屏上两行）").arg(kMaxTitleChars);
    if (body.trimmed().size() > kMaxBodyChars)
        m_bodyError = tr("正文最多%1字").arg(kMaxBodyChars);
    const auto first = dayOf(firstDay), last = dayOf(lastDay);
    if ((first && !first->isValid()) || (last && !last->isValid()))
        m_daysError = tr("日期格式应为 2026-12-31");
    else if (first && last && *last < *first)
        m_daysError = tr("结束日期早于开始日期");
    else if (last && *last < QDate::currentDate())
        m_daysError = tr("结束日期已经过去");
    if (!imagePath.trimmed().isEmpty()) {
        const QFileInfo file(imagePath.trimmed());
        const QString suffix = file.suffix().toLower();
        if (!file.isFile() || !file.isReadable())
            m_imageError = tr("找不到这个图片文件");
        else if (suffix != QStringLiteral("png") && suffix != QStringLiteral("jpg") &&
                 suffix != QStringLiteral("jpeg"))
            m_imageError = tr("图片须为 PNG 或 JPEG");
        else if (file.size() > kMaxImageBytes)
            m_imageError = tr("图片最大3 MB");
    }
    const bool ok = m_titleError.isEmpty() && m_bodyError.isEmpty() && m_daysError.isEmpty() &&
                    m_imageError.isEmpty();
    if (!ok)
        Q_EMIT changed();
    return ok;
}

ContentItem ContentPublisher::noticeItem(const QString& title, const QString& body,
                                         const QString& firstDay, const QString& lastDay) const {
    ContentItem item;
    item.set_kind(CONTENT_KIND_NOTICE);
    item.set_title(title.trimmed().toStdString());
    item.set_body(body.trimmed().toStdString());
    item.mutable_duration()->set_seconds(kNoticeSeconds);
    if (const auto first = dayOf(firstDay))
        setDate(item.mutable_schedule()->mutable_first_day(), *first);
    if (const auto last = dayOf(lastDay))
        setDate(item.mutable_schedule()->mutable_last_day(), *last);
    item.mutable_schedule()->set_weekday_mask(static_cast<std::uint32_t>(m_weekdays));
    item.mutable_schedule()->set_priority(m_priority);
    if (m_fromMinute >= 0) {
        auto* window = item.mutable_schedule()->add_daily_windows();
        window->set_start_minute(m_fromMinute);
        window->set_end_minute(m_toMinute);
    }
    item.mutable_targeting()->add_region_prefixes(m_region.toStdString());
    return item;
}

void ContentPublisher::publish(const QString& playlistId, const QString& title, const QString& body,
                               const QString& firstDay, const QString& lastDay,
                               const QString& imagePath) {
    m_published = false;
    m_message.clear();
    if (m_busy || !validate(title, body, firstDay, lastDay, imagePath) ||
        !m_scheduleError.isEmpty())
        return;
    if (!m_link || !m_link->online()) {
        m_message = StaffMessages::offline();
        Q_EMIT changed();
        return;
    }
    ContentItem item = noticeItem(title, body, firstDay, lastDay);
    const bool editing = !m_editingId.isEmpty();
    if (editing) {
        // The same item: every playlist playing it plays the new version; its picture stays
        // unless another file is given.
        item.set_id(m_editingId.toStdString());
        if (const auto it = m_notices.find(m_editingId); it != m_notices.end())
            item.set_media_sha256(it->second.media_sha256());
    }
    // The picture is read on the worker thread, not here on the UI thread.
    const QString picture = imagePath.trimmed();
    m_busy = true;
    Q_EMIT changed();
    auto link = m_link;
    auto outcome = std::make_shared<Publication>();
    m_async.run(
        [link, item, picture, playlistId = playlistId.toStdString(),
         region = m_region.toStdString(), editing, outcome]() mutable {
            publishNotice(link->keeper(), std::move(item), picture,
                          editing ? std::optional<std::string>() : std::optional(playlistId),
                          region, *outcome);
        },
        [this, outcome, editing] {
            m_busy = false;
            m_published = outcome->result.ok();
            m_message = !m_published ? StaffMessages::text(outcome->result)
                        : editing    ? tr("已修改：大厅信息屏将在几秒内更新")
                                     : tr("已发布：大厅信息屏将在几秒内播放");
            if (m_published) {
                m_editingId.clear();
                m_editingImage.clear();
            }
            Q_EMIT changed();
            if (m_published)
                refresh();
        });
}

}  // namespace renshe::kiosk::counter
