// PostgreSQL's audit chaining, off the writes' path. A write records its audit event as
// pending in its own transaction (appendAuditPending: no row shared with other writes); the
// chainer gives pending events their sequence numbers and hashes in batches, one transaction
// and one lock of the chain's head per batch (chainPendingAudit). A call that wrote an event
// asks for a round and waits for it before answering (awaitRound), so what a caller has been
// answered is in the chain as before; a failed round (the database away) leaves the events
// pending — committed with their writes, chained by a later round — and the caller answered.
// Every replica of the back office runs one; their rounds take turns on the head's lock.
// Besides asked-for rounds, it looks for leftovers (a replica that died between a commit and
// its round) every `sweep`.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "services/backoffice/rpc/keystore.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

class AuditChainer {
public:
    using Log = std::function<void(const std::string& json)>;
    AuditChainer(store::Store& store, const Keystore& keys, Log log,
                 std::chrono::milliseconds sweep = std::chrono::milliseconds(200));
    // Runs a last round (nothing pending is left behind by a clean shutdown), then stops.
    ~AuditChainer();
    AuditChainer(const AuditChainer&) = delete;
    AuditChainer& operator=(const AuditChainer&) = delete;

    // Returns when a round that began after this call has ended (every event committed before
    // the call is then chained, unless that round failed), or after `limit`.
    void awaitRound(std::chrono::milliseconds limit = std::chrono::seconds(5));

private:
    void loop();
    void round(bool swept);

    store::Store& m_store;
    const Keystore& m_keys;
    Log m_log;
    const std::chrono::milliseconds m_sweep;
    std::mutex m_mutex;
    std::condition_variable m_wake;  // the chainer: a round asked for, or stopping
    std::condition_variable m_done;  // callers: a round ended
    std::uint64_t m_asked = 0;       // tickets handed out
    std::uint64_t m_finished = 0;    // the highest ticket a finished round covered
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace renshe::services::backoffice
