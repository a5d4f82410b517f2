// The kiosk's durable outbox (SQLite, synchronous=FULL): reports the back office must get even
// if it is unreachable at the moment — above all "the PIN on this card was changed", which the
// card has already done. Each entry is the serialized request with its request id, delivered
// later with the same id (the back office applies it exactly once), retried until the back
// office gives a final answer. Survives a crash or power cut of the kiosk. What each answer
// does to an entry is outbox_policy.hpp: nothing is deleted but a delivered entry; a final
// refusal stays as "needs staff". Deleted rows are overwritten on disk (secure_delete).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "drivers/util/clock.hpp"
#include "kiosk/card/ports.hpp"
#include "kiosk/outbox_policy.hpp"
#include "services/client/client.hpp"

struct sqlite3;

namespace renshe::kiosk {

class Outbox : public QObject, public card::OutboxPort {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Outbox belongs to the Kiosk singleton")
    Q_PROPERTY(int pending READ pending NOTIFY pendingChanged)
    Q_PROPERTY(int needsStaff READ needsStaff NOTIFY pendingChanged)

public:
    // Opens (creates, or upgrades) `path`; delivers through `backoffice` every `interval`.
    // `clock` (default: the system's) decides when a rate-limited entry is due again.
    Outbox(const std::string& path, std::shared_ptr<services::client::ChannelKeeper> backoffice,
           std::chrono::milliseconds interval = std::chrono::seconds(5),
           const util::Clock* clock = nullptr, QObject* parent = nullptr);
    ~Outbox() override;

    // Entries still to be delivered (waiting, or due again after a rate limit).
    int pending() const;
    // Entries the back office refused for good, or too old to send: a person must look.
    int needsStaff() const;
    struct EntryView {
        std::string requestId, method;
        bool needsStaff = false;
        std::string why;             // the last refusal ("REFUSAL_REASON_RATE_LIMITED", "EXPIRED")
        std::int64_t notBefore = 0;  // Unix seconds: not sent again before
    };
    // Every entry, oldest first (never the payload).
    std::vector<EntryView> entries() const;

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
    int count(const char* sql) const;
    void settle(const std::string& requestId, const outbox_policy::Decision& how);

    sqlite3* m_db = nullptr;
    const util::Clock& m_clock;
    std::shared_ptr<services::client::ChannelKeeper> m_backoffice;
    std::chrono::milliseconds m_interval;
    mutable std::mutex m_mutex;  // guards m_db and m_stopping
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_kick = false;
    std::thread m_thread;
};

}  // namespace renshe::kiosk
