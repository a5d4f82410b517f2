// The information display screen (信息发布屏幕, `renshe-kiosk --role display`): plays the
// playlist the back office pushes over ContentService.WatchContent on a large hands-off
// screen. QML reaches it as the `Display` singleton of module Renshe.Kiosk.
//
// - A worker thread keeps one WatchContent stream open and reconnects with backoff, resuming
//   after the last revision it cached; every snapshot is written to disk (atomically) before
//   it is played, so a restart without the back office plays the last playlist at once.
// - Playback is here, not in QML: each entry shows for its duration; a playlist that changes
//   jumps to its first new or changed entry, so a fresh notice is on screen within the second.
// - Notice images come from the back office's media store (GetMedia), are checked against
//   their SHA-256 and kept in <stateDir>/media beside the playlist; a snapshot counts as
//   applied (its revision resumed after) only once every image it names is on disk.
// - It heartbeats as a display terminal, and measures its own frame times during transitions
//   (for tests/bench/display).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantMap>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "kiosk/frame_times.hpp"
#include "renshe/v1/content.pb.h"
#include "services/client/client.hpp"

class QQmlEngine;
class QJSEngine;
class QQuickWindow;

namespace renshe::kiosk {

class Heartbeat;

class DisplayTerminal : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Display)
    QML_SINGLETON
    Q_PROPERTY(QString servicePointName READ servicePointName CONSTANT)
    // Whether a WatchContent stream is open now.
    Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
    // When the back office was last heard from ("11月23日 10:42", China time); empty = never.
    Q_PROPERTY(QString lastUpdated READ lastUpdated NOTIFY onlineChanged)
    Q_PROPERTY(qint64 revision READ revision NOTIFY playlistChanged)
    Q_PROPERTY(int entryCount READ entryCount NOTIFY playlistChanged)
    // The entry on screen: kind ("notice", "guide", "jobs", "hotline", "idle"), id, title, body,
    // jobs (for "jobs": title, employer, place, salary, qr), image (a notice's cached image as
    // a file URL, or empty), position, durationMs, and `key`,
    // which changes with every new showing (the cue for a transition).
    Q_PROPERTY(QVariantMap current READ current NOTIFY currentChanged)
    Q_PROPERTY(QString currentTitle READ currentTitle NOTIFY currentChanged)
    // Entries shown since start (rotation progress; tests and the bench read it).
    Q_PROPERTY(int shown READ shown NOTIFY currentChanged)
    // Frame intervals during transitions since start: {"frames":N,"p50":ms,"p99":ms}.
    Q_PROPERTY(QString frameReport READ frameReport NOTIFY frameReportChanged)

public:
    struct Config {
        QString servicePointName;
        std::optional<services::client::Endpoint> backoffice;  // none: plays the cache only
        QString stateDir;                                      // the playlist cache; empty = none
        double timeScale = 1.0;  // > 1 plays durations faster (tests, the 24-hour bench)
        std::chrono::seconds heartbeatInterval{30};
        // Renew the certificate in the back office's files when fewer than this are left
        // (0: when a third of its lifetime is left).
        std::chrono::seconds certificateRenewBefore{0};
        int transitionMs = 600;  // how long QML's transition runs (frame times are taken then)
    };

    explicit DisplayTerminal(Config config, QObject* parent = nullptr);
    ~DisplayTerminal() override;

    static void attach(QQmlEngine& engine, DisplayTerminal& display);
    // Called by the QML engine; an engine without an attached display (Qt Quick Test) gets an
    // offline one it owns.
    static DisplayTerminal* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    // Times frames of `window` during transitions.
    void watchFrames(QQuickWindow* window);

    QString servicePointName() const { return m_config.servicePointName; }
    bool online() const { return m_online; }
    QString lastUpdated() const;
    qint64 revision() const { return m_revision; }
    int entryCount() const { return m_playlist.entries_size(); }
    QVariantMap current() const { return m_current; }
    QString currentTitle() const { return m_current.value(QStringLiteral("title")).toString(); }
    int shown() const { return m_shown; }
    QString frameReport() const { return m_frameReport; }

    // Plays `update` as if it had arrived on the stream (its playlist, if it has one).
    void apply(const renshe::v1::ContentUpdate& update);

Q_SIGNALS:
    void onlineChanged();
    void playlistChanged();
    void currentChanged();
    void frameReportChanged();

private:
    void feed();  // the worker thread
    // Notice images (in <stateDir>/media/<sha256>): the digests the playlist names that are
    // not on disk; fetching them (worker thread; true when none is left to retry); removing
    // the files no entry names any more.
    std::vector<std::string> missingMedia(const renshe::v1::Playlist& playlist) const;
    bool fetchMedia(const renshe::v1::Playlist& playlist);
    void pruneMedia(const renshe::v1::Playlist& playlist);
    void setOnline(bool online);
    void show(int position);
    void advance();
    void frameSwapped();

    Config m_config;
    std::shared_ptr<services::client::ChannelKeeper> m_channel;
    std::unique_ptr<Heartbeat> m_heartbeat;

    renshe::v1::Playlist m_playlist;
    qint64 m_revision = 0;
    qint64 m_lastContactMs = 0;
    bool m_online = false;
    int m_position = -1;
    int m_shown = 0;
    QVariantMap m_entry;    // what entryMap() gave for the entry on screen
    QVariantMap m_current;  // m_entry with position, durationMs and key
    QTimer m_rotate;

    // Frame timing (frameSwapped may run on the render thread).
    FrameTimes m_frames;
    QString m_frameReport;
    QTimer m_reportTimer;

    // The worker.
    std::atomic<qint64> m_resumeAfter{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::shared_ptr<void> m_streamContext;  // grpc::ClientContext of the open stream
    std::thread m_thread;
};

}  // namespace renshe::kiosk
