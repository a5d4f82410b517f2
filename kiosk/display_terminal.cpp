#include "kiosk/display_terminal.hpp"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QUrl>
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "drivers/util/atomic_file.hpp"
#include "kiosk/heartbeat.hpp"
#include "kiosk/jobs_model.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/content.grpc.pb.h"
#include "services/client/content_cache.hpp"

namespace renshe::kiosk {

using namespace renshe::v1;

namespace {

constexpr const char* kEngineProperty = "_renshe_display";
constexpr const char* kCacheName = "display-content.pb";
constexpr const char* kMediaDir = "media";  // notice images, one file per SHA-256
constexpr auto kMediaDeadline = std::chrono::seconds(30);
constexpr auto kFirstBackoff = std::chrono::seconds(1);
constexpr auto kMaxBackoff = std::chrono::seconds(15);

QString kindName(ContentKind k) {
    switch (k) {
        case CONTENT_KIND_NOTICE:
            return QStringLiteral("notice");
        case CONTENT_KIND_GUIDE:
            return QStringLiteral("guide");
        case CONTENT_KIND_JOB_HIGHLIGHT:
            return QStringLiteral("jobs");
        case CONTENT_KIND_HOTLINE:
            return QStringLiteral("hotline");
        case CONTENT_KIND_APPOINTMENT_QUEUE:
            return QStringLiteral("queue");
        default:
            return QStringLiteral("notice");
    }
}

qint64 millisOf(const google::protobuf::Duration& d) {
    return d.seconds() * 1000 + d.nanos() / 1'000'000;
}

// The cached image of `item`, as a file URL; empty without one (or before it arrived).
QString imageUrl(const ContentItem& item, const QString& stateDir) {
    if (item.media_sha256().empty() || stateDir.isEmpty())
        return {};
    const std::filesystem::path file =
        stateDir.toStdString() + "/" + kMediaDir + "/" + item.media_sha256();
    std::error_code ec;
    return std::filesystem::exists(file, ec)
               ? QUrl::fromLocalFile(QString::fromStdString(file.string())).toString()
               : QString();
}

QVariantMap entryMap(const PlaylistEntry& e, const QString& stateDir) {
    const ContentItem& item = e.item();
    QVariantList jobs;
    for (const Job& j : item.jobs()) {
        jobs.push_back(QVariantMap{
            {QStringLiteral("title"), QString::fromStdString(j.title())},
            {QStringLiteral("employer"), QString::fromStdString(j.employer())},
            {QStringLiteral("place"),
             QString::fromStdString(!j.address().empty() ? j.address() : j.region().name())},
            {QStringLiteral("salary"), JobsModel::salaryText(j)},
            {QStringLiteral("qr"), JobsModel::qrPayload(j)},
        });
    }
    QVariantList queue;
    for (const QueueEntry& q : item.queue()) {
        queue.push_back(QVariantMap{
            {QStringLiteral("ticket"), QString::fromStdString(q.ticket())},
            {QStringLiteral("service"), QString::fromStdString(q.service())},
            {QStringLiteral("halfDay"), QString::fromStdString(q.half_day())},
            {QStringLiteral("name"), QString::fromStdString(q.masked_name())},
            {QStringLiteral("accepted"), q.accepted()},
        });
    }
    return {
        {QStringLiteral("id"), QString::fromStdString(item.id())},
        {QStringLiteral("queue"), queue},
        {QStringLiteral("kind"), kindName(item.kind())},
        {QStringLiteral("title"), QString::fromStdString(item.title())},
        {QStringLiteral("body"), QString::fromStdString(item.body())},
        {QStringLiteral("jobs"), jobs},
        {QStringLiteral("image"), imageUrl(item, stateDir)},
    };
}

}  // namespace

DisplayTerminal::DisplayTerminal(Config config, QObject* parent)
    : QObject(parent),
      m_config(std::move(config)),
      m_channel(m_config.backoffice
                    ? std::make_shared<services::client::ChannelKeeper>(*m_config.backoffice)
                    : nullptr) {
    m_rotate.setSingleShot(true);
    connect(&m_rotate, &QTimer::timeout, this, &DisplayTerminal::advance);
    m_reportTimer.setInterval(1000);
    connect(&m_reportTimer, &QTimer::timeout, this, [this] {
        const QString report = QString::fromStdString(m_frames.reportJson());
        if (!report.isEmpty() && report != m_frameReport) {
            m_frameReport = report;
            Q_EMIT frameReportChanged();
        }
    });

    // The cache first: a display that starts without its back office plays what it had.
    if (!m_config.stateDir.isEmpty()) {
        const std::filesystem::path cache = m_config.stateDir.toStdString() + "/" + kCacheName;
        std::error_code ec;
        if (std::filesystem::exists(cache, ec)) {
            try {
                // Its size first: a file no playlist could fill is not read into memory.
                services::client::ContentCacheRead read;
                if (std::filesystem::file_size(cache) > services::client::kMaxContentCacheBytes)
                    read.problem = "too large to be a playlist";
                else
                    read = services::client::decodeContentCache(util::readFile(cache));
                if (read.update) {
                    const ContentUpdate& cached = *read.update;
                    m_lastContactMs = cached.server_time().seconds() * 1000;
                    // An image still missing: ask for the whole snapshot again (and fetch it).
                    m_resumeAfter = missingMedia(cached.playlist()).empty() ? cached.revision() : 0;
                    apply(cached);
                } else {
                    std::fprintf(stderr,
                                 "renshe-kiosk: the content cache is set aside (%s); starting "
                                 "empty until the back office sends the playlist\n",
                                 read.problem.c_str());
                }
            } catch (const std::exception& e) {
                std::fprintf(
                    stderr, "renshe-kiosk: the content cache cannot be read (%s); starting empty\n",
                    e.what());
            }
        }
    }
    if (m_current.isEmpty())
        show(-1);  // the idle card until something arrives

    if (m_channel) {
        m_heartbeat = std::make_unique<Heartbeat>(
            m_channel, TERMINAL_ROLE_DISPLAY,
            [](HeartbeatRequest& req) {
                auto* d = req.mutable_devices();
                d->set_display(DISPLAY_STATE_ON);
                d->set_card_reader(DEVICE_PRESENCE_ABSENT);
                d->set_fingerprint_sensor(DEVICE_PRESENCE_ABSENT);
                d->set_printer(PRINTER_STATE_ABSENT);
            },
            m_config.heartbeatInterval);
        if (m_config.backoffice && !m_config.backoffice->certificateFile.empty()) {
            m_heartbeat->renewCertificates(
                {m_config.backoffice->certificateFile, m_config.backoffice->privateKeyFile},
                m_config.certificateRenewBefore);
        }
        m_thread = std::thread([this] { feed(); });
    }
}

DisplayTerminal::~DisplayTerminal() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        if (m_streamContext)
            static_cast<grpc::ClientContext*>(m_streamContext.get())->TryCancel();
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void DisplayTerminal::attach(QQmlEngine& engine, DisplayTerminal& display) {
    QJSEngine::setObjectOwnership(&display, QJSEngine::CppOwnership);
    engine.setProperty(kEngineProperty, QVariant::fromValue(static_cast<QObject*>(&display)));
}

DisplayTerminal* DisplayTerminal::create(QQmlEngine* qmlEngine, QJSEngine*) {
    if (auto* attached = qobject_cast<DisplayTerminal*>(
            qmlEngine->property(kEngineProperty).value<QObject*>())) {
        return attached;
    }
    return new DisplayTerminal(Config{});  // owned by the engine
}

QString DisplayTerminal::lastUpdated() const {
    if (m_lastContactMs == 0)
        return {};
    // The terminal's own clock, as the header shows it.
    return QDateTime::fromMSecsSinceEpoch(m_lastContactMs).toString(QStringLiteral("M月d日 HH:mm"));
}

void DisplayTerminal::feed() {
    auto backoff = kFirstBackoff;
    for (;;) {
        auto ctx = std::make_shared<grpc::ClientContext>();
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
            m_streamContext = ctx;
        }
        WatchContentRequest req;
        req.set_resume_after_revision(m_resumeAfter.load());
        auto reader = ContentService::NewStub(m_channel->channel())->WatchContent(ctx.get(), req);
        ContentUpdate update;
        bool heard = false;
        while (reader->Read(&update)) {
            heard = true;
            backoff = kFirstBackoff;
            if (update.has_playlist()) {
                if (const int fixes =
                        services::client::sanitizePlaylist(*update.mutable_playlist())) {
                    std::fprintf(stderr,
                                 "renshe-kiosk: %d unsafe value(s) in revision %lld of the "
                                 "playlist set aside (image names, play times)\n",
                                 fixes, static_cast<long long>(update.revision()));
                }
            }
            if (update.has_playlist() && !m_config.stateDir.isEmpty()) {
                // On disk before it plays: what is on screen survives a restart.
                try {
                    std::filesystem::create_directories(m_config.stateDir.toStdString());
                    util::writeFileAtomically(m_config.stateDir.toStdString() + "/" + kCacheName,
                                              services::client::encodeContentCache(update));
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "renshe-kiosk: the content cache cannot be written (%s)\n",
                                 e.what());
                }
            }
            if (update.has_playlist()) {
                // Applied for good only with every image on disk; else the next connection
                // resumes before it, gets the snapshot again and retries the images.
                if (fetchMedia(update.playlist())) {
                    m_resumeAfter = update.revision();
                    pruneMedia(update.playlist());
                } else {
                    std::lock_guard lock(m_mutex);
                    ctx->TryCancel();
                }
            }
            postToUi(this, [this, update] { apply(update); });
        }
        const grpc::Status status = reader->Finish();
        m_channel->reportReachable(heard || status.error_code() != grpc::StatusCode::UNAVAILABLE);
        postToUi(this, [this] { setOnline(false); });
        std::unique_lock lock(m_mutex);
        m_streamContext.reset();
        if (m_wake.wait_for(lock, backoff, [this] { return m_stopping; }))
            return;
        backoff = std::min<std::chrono::seconds>(backoff * 2, kMaxBackoff);
    }
}

std::vector<std::string> DisplayTerminal::missingMedia(const Playlist& playlist) const {
    std::vector<std::string> missing;
    if (m_config.stateDir.isEmpty())
        return missing;
    for (const auto& e : playlist.entries()) {
        const std::string& digest = e.item().media_sha256();
        if (digest.empty() || std::find(missing.begin(), missing.end(), digest) != missing.end())
            continue;
        std::error_code ec;
        if (!std::filesystem::exists(
                m_config.stateDir.toStdString() + "/" + kMediaDir + "/" + digest, ec)) {
            missing.push_back(digest);
        }
    }
    return missing;
}

bool DisplayTerminal::fetchMedia(const Playlist& playlist) {
    const std::filesystem::path dir = m_config.stateDir.toStdString() + "/" + kMediaDir;
    bool complete = true;
    for (const std::string& digest : missingMedia(playlist)) {
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + kMediaDeadline);
        GetMediaRequest req;
        req.set_sha256(digest);
        GetMediaResponse resp;
        const grpc::Status status =
            ContentService::NewStub(m_channel->channel())->GetMedia(&ctx, req, &resp);
        if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
            // Not in the back office's store: retrying would not help; the notice plays without it.
            std::fprintf(stderr, "renshe-kiosk: image %.12s… is not in the media store\n",
                         digest.c_str());
            continue;
        }
        const QByteArray bytes =
            QByteArray::fromRawData(resp.data().data(), static_cast<qsizetype>(resp.data().size()));
        if (!status.ok() ||
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString() !=
                digest) {
            std::fprintf(stderr, "renshe-kiosk: image %.12s… not fetched (%s); retrying later\n",
                         digest.c_str(),
                         status.ok() ? "wrong digest" : status.error_message().c_str());
            complete = false;
            continue;
        }
        try {
            std::filesystem::create_directories(dir);
            util::writeFileAtomically(dir / digest, resp.data());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "renshe-kiosk: image %.12s… cannot be cached (%s)\n",
                         digest.c_str(), e.what());
            complete = false;
        }
    }
    return complete;
}

void DisplayTerminal::pruneMedia(const Playlist& playlist) {
    const std::filesystem::path dir = m_config.stateDir.toStdString() + "/" + kMediaDir;
    std::error_code ec;
    if (m_config.stateDir.isEmpty() || !std::filesystem::is_directory(dir, ec))
        return;
    std::vector<std::filesystem::path> unused;
    for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = f.path().filename().string();
        const bool used =
            std::any_of(playlist.entries().begin(), playlist.entries().end(),
                        [&](const PlaylistEntry& e) { return e.item().media_sha256() == name; });
        if (!used)
            unused.push_back(f.path());
    }
    for (const auto& f : unused)
        std::filesystem::remove(f, ec);
}

void DisplayTerminal::setOnline(bool online) {
    if (online)
        m_lastContactMs = QDateTime::currentMSecsSinceEpoch();  // "last updated" moves on
    if (online || online != m_online) {
        m_online = online;
        Q_EMIT onlineChanged();
    }
}

void DisplayTerminal::apply(const ContentUpdate& update) {
    if (m_thread.joinable())
        setOnline(true);  // from the stream (not the cache)
    if (!update.has_playlist())
        return;
    const qint64 before = m_revision;
    const QString showingId = m_current.value(QStringLiteral("id")).toString();
    m_playlist = update.playlist();
    m_revision = update.revision();
    Q_EMIT playlistChanged();
    const int n = m_playlist.entries_size();
    int next = n > 0 ? 0 : -1;
    if (before != 0 && n > 0) {
        // A change: show the first new or changed entry now; otherwise carry on from the
        // entry on screen, re-rendered.
        int fresh = -1, same = -1;
        for (int i = 0; i < n; ++i) {
            const ContentItem& item = m_playlist.entries(i).item();
            if (fresh < 0 && item.revision() > before)
                fresh = i;
            if (same < 0 && QString::fromStdString(item.id()) == showingId)
                same = i;
        }
        next = fresh >= 0 ? fresh : (same >= 0 ? same : 0);
    }
    show(next);
}

void DisplayTerminal::show(int position) {
    QVariantMap entry;
    qint64 durationMs = 0;
    if (position >= 0 && position < m_playlist.entries_size()) {
        const PlaylistEntry& e = m_playlist.entries(position);
        entry = entryMap(e, m_config.stateDir);
        durationMs = millisOf(e.duration());
        if (durationMs <= 0)
            durationMs = millisOf(e.item().duration());
        if (durationMs <= 0)
            durationMs = 10'000;
    } else {
        position = -1;
        entry = {{QStringLiteral("kind"), QStringLiteral("idle")},
                 {QStringLiteral("title"), m_config.servicePointName}};
    }
    const bool sameAsShown = m_position == position && entry == m_entry;
    m_position = position;
    ++m_shown;
    if (!sameAsShown) {
        m_entry = entry;
        m_current = entry;
        m_current.insert(QStringLiteral("position"), position);
        m_current.insert(QStringLiteral("durationMs"), durationMs);
        m_current.insert(QStringLiteral("key"), m_shown);
        m_frames.openWindow(std::chrono::milliseconds(m_config.transitionMs));
    }
    Q_EMIT currentChanged();
    if (position >= 0) {
        const double scaled = static_cast<double>(durationMs) / std::max(1.0, m_config.timeScale);
        m_rotate.start(std::max(1, static_cast<int>(scaled)));
    } else {
        m_rotate.stop();
    }
}

void DisplayTerminal::advance() {
    const int n = m_playlist.entries_size();
    show(n > 0 ? (m_position + 1) % n : -1);
}

void DisplayTerminal::watchFrames(QQuickWindow* window) {
    if (!window)
        return;
    connect(window, &QQuickWindow::frameSwapped, this, &DisplayTerminal::frameSwapped,
            Qt::DirectConnection);
    m_reportTimer.start();
}

void DisplayTerminal::frameSwapped() {
    m_frames.framePresented();  // on the render thread with the threaded render loop
}

}  // namespace renshe::kiosk
