#include "services/backoffice/content/watch.hpp"

#include <grpcpp/security/auth_context.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/content/store.hpp"
#include "services/backoffice/content/watcher.hpp"
#include "services/pki/pki.hpp"

namespace renshe::services::backoffice::content {

using namespace renshe::v1;
using Clock = std::chrono::steady_clock;

ContentHub::ContentHub(MutationRunner& runner, ContentJobSource jobs)
    : m_runner(runner),
      m_jobs(std::move(jobs)),
      m_revokedSince(runner.clock().nowMicros() - 60'000'000) {
    m_thread = std::thread([this] { run(); });
}

ContentHub::~ContentHub() {
    m_admissions.reset();  // its jobs use the hub
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void ContentHub::poke() {
    {
        std::lock_guard lock(m_mutex);
        m_poked = true;
    }
    m_wake.notify_all();
}

void ContentHub::remove(Watcher* watcher) {
    std::lock_guard lock(m_mutex);
    if (m_watchers.erase(watcher) == 0)
        return;  // refused at the door: never held
    m_runner.metrics().streamClosed();
    if (const auto it = m_openByTerminal.find(watcher->caller().key());
        it != m_openByTerminal.end() && --it->second <= 0)
        m_openByTerminal.erase(it);
}

void ContentHub::stopStreams() {
    std::vector<std::shared_ptr<Watcher>> all;
    {
        std::lock_guard lock(m_mutex);
        m_streamsStopped = true;
        for (const auto& [_, w] : m_watchers)
            all.push_back(w);
        m_new.clear();
    }
    for (const auto& w : all) {
        w->end(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                            "server shutting down; reconnect and resume"));
    }
}

grpc::ServerWriteReactor<ContentUpdate>* ContentHub::watch(grpc::CallbackServerContext* context,
                                                           const WatchContentRequest* request) {
    const auto started = Clock::now();
    auto watcher =
        std::make_shared<Watcher>(*this, context, request->resume_after_revision(), started);
    Watcher* raw = watcher.get();
    watcher->adopt(watcher);
    try {
        settle(*raw, context, *request, started, false);
        return raw;
    } catch (const WouldWait&) {
        // The gate has no answer for this terminal in memory (its first call in a while, as a
        // display's stream nearly always is): read it on a thread that may wait, not on one
        // every callback call shares.
    }
    raw->admitLater();
    try {
        m_admissions->post([this, raw, context, request, started] {
            try {
                settle(*raw, context, *request, started, true);
            } catch (...) {  // the hub lets go at OnDone of a stream it had taken
                raw->refuse(grpc::Status(grpc::StatusCode::UNAVAILABLE, "admission failed; retry"),
                            "", "");
            }
        });
    } catch (const std::system_error&) {
        raw->refuse(grpc::Status(grpc::StatusCode::UNAVAILABLE, "no thread for the call"), "", "");
    }
    return raw;
}

void ContentHub::settle(Watcher& watcher, grpc::CallbackServerContext* context,
                        const WatchContentRequest& request, Clock::time_point started,
                        bool mayWait) {
    std::optional<Caller> caller;
    std::optional<Refusal> refusal;
    try {
        caller = m_runner.authenticate(*context, mayWait);
    } catch (const Refused& r) {
        refusal = r.refusal();
    } catch (const std::exception& e) {  // the enrolment could not be read
        refusal = Refusal{grpc::StatusCode::UNAVAILABLE, renshe::v1::REFUSAL_REASON_UNSPECIFIED,
                          std::string("storage unavailable; retry: ") + e.what()};
    }
    if (!refusal)
        refusal = check(request);
    // Display terminals, and touch terminals for their idle screen (content.proto).
    if (!refusal && caller->isStaff()) {
        refusal =
            Refusal::denied(REFUSAL_REASON_WRONG_ROLE, "staff certificates do not watch content");
    }
    if (refusal) {
        if (caller)  // names no one: audited in aggregate
            m_runner.tallyRefusal(&*caller, "content.watch", RefusalReason_Name(refusal->reason));
        m_runner.metrics().count("content.watch", refusal->code, Clock::now() - started);
        m_runner.log(
            "{\"ts\":" + std::to_string(m_runner.clock().nowMicros() / 1000) +
            ",\"level\":\"warn\",\"event\":\"rpc\",\"method\":\"content.watch\",\"caller\":\"" +
            jsonText(caller ? caller->key() : std::string("-")) + "\",\"outcome\":\"" +
            RefusalReason_Name(refusal->reason) + "\"}");
        watcher.refuse(grpc::Status(refusal->code, refusal->message),
                       RefusalReason_Name(refusal->reason), "");
        return;
    }
    watcher.admitAs(*caller);
    // Refused outside the lock: a bound stream's Finish may lead to OnDone, which takes it.
    std::optional<grpc::Status> refused;
    std::string reason, retryAfter;
    {
        std::lock_guard lock(m_mutex);
        // A display needs one stream (two while it reconnects): a terminal opening more is
        // broken or hostile, and each stream costs the hub a watcher. Counted by terminal, not
        // by a look through every stream: after a failover all displays reconnect at once.
        if (m_streamsStopped) {
            refused = grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                   "server shutting down; reconnect and resume");
        } else if (int& open = m_openByTerminal[caller->key()];
                   open >= m_runner.policy().maxStreamsPerTerminal) {
            refused = grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                                   "too many content streams for this terminal");
            reason = RefusalReason_Name(REFUSAL_REASON_RATE_LIMITED);
            retryAfter = "30";
        } else {
            ++open;
            auto held = watcher.shared_from_this();
            m_new.push_back(held);
            m_watchers.emplace(&watcher, std::move(held));
            m_runner.metrics().streamOpened();
            m_poked = true;
        }
    }
    if (refused) {
        watcher.refuse(*refused, reason, retryAfter);
        return;
    }
    m_wake.notify_all();
    m_runner.log("{\"ts\":" + std::to_string(m_runner.clock().nowMicros() / 1000) +
                 ",\"level\":\"info\",\"event\":\"stream_start\",\"method\":\"content.watch\","
                 "\"caller\":\"" +
                 jsonText(caller->key()) +
                 "\",\"resume_after\":" + std::to_string(request.resume_after_revision()) + "}");
    watcher.admitted();
}

void ContentHub::logError(const std::string& what) {
    // Called by the poller and by stream handlers: the last time is claimed atomically.
    const std::int64_t now = Clock::now().time_since_epoch().count();
    std::int64_t last = m_lastErrorLog.load();
    do {
        if (now - last <
            std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(10)).count())
            return;  // the poller retries 5 times a second
    } while (!m_lastErrorLog.compare_exchange_weak(last, now));
    m_runner.log("{\"ts\":" + std::to_string(m_runner.clock().nowMicros() / 1000) +
                 ",\"level\":\"error\",\"event\":\"content\",\"error\":\"" + jsonText(what) +
                 "\"}");
}

void ContentHub::run() {
    std::unique_lock lock(m_mutex);
    auto lastKeepaliveScan = Clock::now();
    while (!m_stopping) {
        auto until = Clock::now() + kPollInterval;
        if (m_boundary) {
            // Wake exactly when the next schedule window opens or closes.
            const std::int64_t delta =
                std::max<std::int64_t>(*m_boundary - m_runner.clock().nowMicros(), 50'000);
            until = std::min(until, Clock::now() + std::chrono::microseconds(delta));
        }
        m_wake.wait_until(lock, until, [&] { return m_stopping || m_poked; });
        if (m_stopping)
            break;
        m_poked = false;
        lock.unlock();
        const Refresh result = refresh();
        lock.lock();
        // Storage unreachable: open streams keep their playlist; new ones wait, since what
        // they hold cannot be compared with a revision that may be stale.
        if (result == Refresh::Failed)
            continue;
        const bool changed = result == Refresh::Changed;
        const bool keepaliveScan = Clock::now() - lastKeepaliveScan >= std::chrono::seconds(1);
        if (m_new.empty() && !changed && !keepaliveScan)
            continue;
        if (!m_snapshot)
            continue;  // nothing loaded yet (storage down): new watchers wait
        std::vector<std::shared_ptr<Watcher>> fresh = std::move(m_new);
        m_new.clear();
        std::vector<std::shared_ptr<Watcher>> all;
        if (changed || keepaliveScan) {
            all.reserve(m_watchers.size());
            for (const auto& [_, w] : m_watchers)
                all.push_back(w);
            lastKeepaliveScan = Clock::now();
        }
        lock.unlock();
        iterate(fresh, all);
        if (keepaliveScan)
            closeRevoked(all);
        lock.lock();
    }
}

void ContentHub::closeRevoked(const std::vector<std::shared_ptr<Watcher>>& all) {
    // A revoked terminal's next call is refused by the gate; its open stream would run on.
    // Every second, the keys revoked since this hub started (on any replica) end theirs: a
    // handful of rows, as revocations are rare.
    if (all.empty())
        return;
    std::set<std::string> revoked;
    try {
        m_runner.store().read([&](store::Tx& tx) {
            revoked.clear();
            for (const auto& row : tx.query(
                     "SELECT public_key_sha256 FROM revoked_terminal_keys WHERE revoked_at >= $1",
                     {m_revokedSince}))
                revoked.insert(row.text(0));
        });
    } catch (const std::exception& e) {
        logError(std::string("revoked keys: ") + e.what());
        return;
    }
    if (revoked.empty())
        return;
    for (const auto& w : all) {
        if (revoked.contains(w->caller().publicKeySha256)) {
            w->end(grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                                "terminal " + w->caller().identity.id + " was revoked"),
                   "REFUSAL_REASON_TERMINAL_REVOKED");
        }
    }
}

ContentHub::Refresh ContentHub::refresh() {
    try {
        State state;
        m_runner.store().read([&](store::Tx& tx) { state = readState(tx); });
        if (m_snapshot && state.revision == m_snapshot->revision &&
            state.evaluatedAt == m_snapshot->evaluatedAt) {
            if (!m_snapshot->nextBoundary ||
                m_runner.clock().nowMicros() < *m_snapshot->nextBoundary)
                return Refresh::Unchanged;
            // A schedule window opened or closed: a change like any other, recorded once for
            // every replica (whoever passes it first).
            const std::int64_t boundary = *m_snapshot->nextBoundary;
            m_runner.store().write([&](store::Tx& tx) {
                passBoundary(tx, boundary, std::max(m_runner.clock().nowMicros(), boundary));
            });
        }
        auto snapshot = std::make_shared<Snapshot>();
        m_runner.store().read([&](store::Tx& tx) { *snapshot = loadSnapshot(tx); });
        m_snapshot = std::move(snapshot);
        m_resolved.clear();
        m_newestJobs.clear();
        m_jobsById.clear();
        m_queues.clear();
        std::lock_guard lock(m_mutex);
        m_boundary = m_snapshot->nextBoundary;
        return Refresh::Changed;
    } catch (const std::exception& e) {
        logError(e.what());
        return Refresh::Failed;
    }
}

std::vector<Job> ContentHub::newestJobs(const std::string& regionPrefix, int limit) {
    const auto key = std::make_pair(regionPrefix, limit);
    if (const auto it = m_newestJobs.find(key); it != m_newestJobs.end())
        return it->second;
    std::vector<Job> jobs;
    if (m_jobs.newest) {
        try {
            m_runner.store().read(
                [&](store::Tx& tx) { jobs = m_jobs.newest(tx, regionPrefix, limit); });
        } catch (const std::exception& e) {
            logError(std::string("job highlights: ") + e.what());
            return {};
        }
    }
    m_newestJobs.emplace(key, jobs);
    return jobs;
}

std::optional<std::vector<Job>> ContentHub::jobsById(const std::vector<std::string>& ids) {
    if (!m_jobs.byIds)
        return std::nullopt;
    if (const auto it = m_jobsById.find(ids); it != m_jobsById.end())
        return it->second;
    std::vector<Job> jobs;
    try {
        m_runner.store().read([&](store::Tx& tx) { jobs = m_jobs.byIds(tx, ids); });
    } catch (const std::exception& e) {
        logError(std::string("job highlights: ") + e.what());
        return std::nullopt;
    }
    // In the order staff gave.
    std::vector<Job> ordered;
    for (const auto& id : ids) {
        for (const auto& j : jobs) {
            if (j.id() == id) {
                ordered.push_back(j);
                break;
            }
        }
    }
    m_jobsById.emplace(ids, ordered);
    return ordered;
}

std::vector<QueueEntry> ContentHub::appointmentsToday(const std::string& region) {
    if (const auto it = m_queues.find(region); it != m_queues.end())
        return it->second;
    std::vector<QueueEntry> tickets;
    if (m_jobs.appointments) {
        try {
            m_runner.store().read(
                [&](store::Tx& tx) { tickets = m_jobs.appointments(tx, region); });
        } catch (const std::exception& e) {
            logError(std::string("appointment queue: ") + e.what());
            return {};
        }
    }
    m_queues.emplace(region, tickets);
    return tickets;
}

const ContentHub::Resolved& ContentHub::resolve(const Watcher& w) {
    const Caller& c = w.caller();
    // Terminals of one region get the same playlist unless some targeting names terminals.
    const std::string key =
        m_snapshot->usesTerminalIds ? c.identity.id + '\n' + c.identity.region : c.identity.region;
    if (const auto it = m_resolved.find(key); it != m_resolved.end())
        return it->second;
    JobLookups lookups;
    lookups.newest = [this](const std::string& prefix, int limit) {
        return newestJobs(prefix, limit);
    };
    lookups.byIds = [this](const std::vector<std::string>& ids) { return jobsById(ids); };
    lookups.appointments = [this](const std::string& region) { return appointmentsToday(region); };
    auto playlist = std::make_shared<Playlist>(
        resolveFor(*m_snapshot, c.identity.id, c.identity.region, lookups));
    Resolved r;
    r.hash = std::hash<std::string>{}(playlist->SerializeAsString());
    r.playlist = std::move(playlist);
    return m_resolved.emplace(key, std::move(r)).first->second;
}

void ContentHub::iterate(std::vector<std::shared_ptr<Watcher>>& fresh,
                         const std::vector<std::shared_ptr<Watcher>>& all) {
    const Snapshot& snap = *m_snapshot;
    const std::int64_t now = m_runner.clock().nowMicros();
    auto send = [&](Watcher& w, const Resolved& r, bool withPlaylist, bool reset) {
        auto update = std::make_shared<ContentUpdate>();
        update->set_revision(snap.revision);
        setTimestamp(update->mutable_server_time(), now);
        if (withPlaylist) {
            *update->mutable_playlist() = *r.playlist;
        } else {
            update->set_unchanged(true);
        }
        update->set_snapshot_reset(reset);
        w.sentHash = r.hash;
        w.sentRevision = snap.revision;
        w.sentAt = Clock::now();
        w.offer(std::move(update));
    };
    // The first message: the snapshot if it is newer than what the terminal has, `unchanged`
    // if it has this revision, a reset if it is ahead of the server (a restored database).
    for (const auto& w : fresh) {
        const Resolved& r = resolve(*w);
        const std::int64_t have = w->resumeAfter();
        w->started = true;
        if (have != 0 && have == snap.revision) {
            send(*w, r, false, false);
        } else {
            send(*w, r, true, have > snap.revision);
        }
    }
    const auto keepaliveBefore = Clock::now() - kKeepalive;
    for (const auto& w : all) {
        if (!w->started)
            continue;
        const Resolved& r = resolve(*w);
        if (snap.revision < w->sentRevision) {
            send(*w, r, true, true);  // the database went back in time: replace the cache
        } else if (r.hash != w->sentHash) {
            send(*w, r, true, false);
        } else if (w->sentAt < keepaliveBefore) {
            // Its playlist is still this revision's: say so (also advances its resume point
            // past changes that did not concern it).
            send(*w, r, false, false);
        }
    }
}

}  // namespace renshe::services::backoffice::content
