// The kiosk's durable outbox (SQLite, synchronous=FULL): reports the back office must get even
// if it is unreachable at the moment — above all "the PIN on this card was changed", which the
// card has already done. Each entry is the serialized request with its request id, delivered
// later with the same id (the back office applies it exactly once), retried until the back
// office gives a final answer. Survives a crash or power cut of the kiosk.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/card/ports.hpp"
#include "services/client/client.hpp"

struct sqlite3;

namespace renshe::kiosk {

class Outbox : public QObject, public card::OutboxPort {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Outbox belongs to the Kiosk singleton")
    Q_PROPERTY(int pending READ pending NOTIFY pendingChanged)

public:
    // Opens (creates) `path`; delivers through `backoffice` every `interval`.
    Outbox(const std::string& path, std::shared_ptr<services::client::ChannelKeeper> backoffice,
           std::chrono::milliseconds interval = std::chrono::seconds(5), QObject* parent = nullptr);
    ~Outbox() override;

    int pending() const;

    // Durably stores the request; returns when it is on disk. `method` is the full gRPC method
    // name ("/renshe.v1.CardService/ReportPinChanged").
    void enqueue(const std::string& method, const std::string& requestId,
                 const std::string& serializedRequest) override;
    // Tries every pending entry now (also done on the timer).
    void deliverNow();

Q_SIGNALS:
    void pendingChanged();

private:
    void run();
    void deliverAll();
    void notifyPending();

    sqlite3* m_db = nullptr;
    std::shared_ptr<services::client::ChannelKeeper> m_backoffice;
    std::chrono::milliseconds m_interval;
    mutable std::mutex m_mutex;  // guards m_db and m_stopping
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_kick = false;
    std::thread m_thread;
};

}  // namespace renshe::kiosk
