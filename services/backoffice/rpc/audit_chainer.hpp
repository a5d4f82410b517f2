// PostgreSQL's audit chaining, off the writes' path. A write records its audit event as
// pending in its own transaction (appendAuditPending: no row shared with other writes); the
// chainer gives pending events their sequence numbers and hashes in batches, one transaction
// and one lock of the chain's head per batch (chainPendingAudit). A call that wrote an event
// asks for a round (ask) and is answered without waiting for it: its event is durable with its
// write, and chaining is work the caller does not need done. Readers of the audit log wait for
// a round that began after their call (awaitRound), so they see in the chain every event whose
// write was answered before they asked. A failed round (the database away) leaves the events
// pending, committed with their writes, for a later round. Every replica of the back office
// runs one; their rounds take turns on the head's lock. Besides asked-for rounds, it looks for
// leftovers (a replica that died between a commit and its round) every `sweep`.
//
// Chained events are deleted from audit_pending, and their index entries stay until the next
// VACUUM: a scan from the oldest entry steps over all of them (tens of thousands a minute under
// load). An asked-for round therefore reads only events whose `at` is at most kSlack (100 ms)
// older than the newest one the last batch chained. An event below that bound (its write
// committed long after it took its time, or a replica's clock is behind) is chained by a full
// round: at least one every `fullEvery`, every sweep, and every round a reader waits for.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "services/backoffice/rpc/keystore.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

class AuditChainer {
public:
    using Log = std::function<void(const std::string& json)>;
    // How long the oldest ask a round answered waited for the round's end (the chain's lag).
    using Lag = std::function<void(std::chrono::nanoseconds)>;
    AuditChainer(store::Store& store, const Keystore& keys, Log log, Lag lag = {},
                 std::chrono::milliseconds sweep = std::chrono::milliseconds(200),
                 std::chrono::milliseconds fullEvery = std::chrono::seconds(1));
    // Runs a last round (nothing pending is left behind by a clean shutdown), then stops.
    ~AuditChainer();
    AuditChainer(const AuditChainer&) = delete;
    AuditChainer& operator=(const AuditChainer&) = delete;

    // Returns when a round that began after this call has ended (every event committed before
    // the call is then chained, unless that round failed), or after `limit`.
    void awaitRound(std::chrono::milliseconds limit = std::chrono::seconds(5));
    // Asks for a round and returns at once (a write that appended a pending event).
    void ask();
    // How long the oldest ask no round has yet answered has waited (zero when none waits): a
    // chain that is stuck, or rounds that keep failing, show here while no round ends.
    std::chrono::nanoseconds waiting() const;

private:
    void loop();
    // False when the round failed (its events stay pending). A full round reads every pending
    // event; another reads from the bound described above.
    bool round(bool swept, bool full);

    store::Store& m_store;
    const Keystore& m_keys;
    Log m_log;
    Lag m_lag;
    const std::chrono::milliseconds m_sweep;
    const std::chrono::milliseconds m_fullEvery;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;  // the chainer: a round asked for, or stopping
    std::condition_variable m_done;  // callers: a round ended
    std::uint64_t m_asked = 0;       // tickets handed out
    std::uint64_t m_finished = 0;    // the highest ticket a finished round covered
    // When the oldest ask no round has begun to cover was made (nullopt: none waiting).
    std::optional<std::chrono::steady_clock::time_point> m_oldestAsk;
    // The oldest ask the round under way answers.
    std::optional<std::chrono::steady_clock::time_point> m_roundOldest;
    bool m_stopping = false;
    bool m_fullAsked = false;  // a reader waits: the next round reads every pending event
    // The chainer's own: the newest `at` of the last batch that chained any (0: none yet), and
    // when the last full round began.
    std::int64_t m_newestChained = 0;
    std::chrono::steady_clock::time_point m_lastFull;
    std::chrono::steady_clock::time_point m_lastRound;  // when the last round began
    std::thread m_thread;
};

}  // namespace renshe::services::backoffice
