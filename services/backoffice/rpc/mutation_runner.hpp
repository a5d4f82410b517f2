// What every RPC of the back office shares: who is calling, exactly-once execution of
// mutations keyed by (caller, request id), persistent rate limits, the audit event of each
// outcome, the refusal trailers, structured logs and metrics.
#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "drivers/util/blocking_pool.hpp"
#include "drivers/util/clock.hpp"
#include "drivers/util/log_buffer.hpp"
#include "services/backoffice/rpc/audit_chainer.hpp"
#include "services/backoffice/rpc/caller.hpp"
#include "services/backoffice/rpc/keystore.hpp"
#include "services/backoffice/rpc/metrics.hpp"
#include "services/backoffice/rpc/refusal.hpp"
#include "services/backoffice/rpc/refusal_tally.hpp"
#include "services/backoffice/rpc/replica_lag.hpp"
#include "services/backoffice/rpc/terminal_gate.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

struct Policy {
    std::int64_t tempLossSeconds = 15 * 86400;  // 临时挂失 lifts itself after this (7/10/15 days)
    std::int64_t pinVerificationMaxAgeSeconds = 300;
    std::int64_t resetSessionSeconds = 300;
    int resetCryptograms = 3;
    // Rate limits: at most `max` events per `windowSeconds`, counted in the database.
    struct Limit {
        int max;
        std::int64_t windowSeconds;
    };
    Limit ssnSecondFactorFailures{5, 3600};        // per ID number
    Limit terminalSecondFactorFailures{20, 3600};  // per terminal
    Limit terminalIdentityLookups{300, 3600};      // loss reports / reset sessions per terminal
    // Pension certification (certification_service.hpp).
    int certificationCycleMonths = 12;           // certified until = last certification + cycle
    std::int64_t certificationCycleSeconds = 0;  // > 0: the cycle in seconds instead (tests, demos)
    std::int64_t fingerprintFactorSeconds =
        300;  // a LOSS_REPORT/PIN_RESET/RECORDS match is usable this long
    Limit ssnFingerprintFailures{9, 3600};  // failed scans per ID number (three sessions of three)
    Limit terminalFingerprintFailures{60, 3600};  // failed scans per terminal
    Limit terminalTemplateFetches{120, 3600};     // GetTemplatesForVerify per terminal
    Limit terminalCertifications{60, 3600};       // pension certifications recorded per terminal
    Limit terminalStatusLookups{300, 3600};       // GetCertificationStatus per terminal
    // Ratings and help requests per terminal (applications.proto's FeedbackService).
    Limit terminalFeedback{120, 3600};
    // The terminal fleet (terminal_service.hpp).
    std::int64_t heartbeatIntervalSeconds = 30;  // asked of every terminal in HeartbeatResponse
    std::int64_t staleAfterSeconds = 0;  // no heartbeat for this long = stale; 0 = 3 intervals
    std::int64_t facilityWindowSeconds =
        86400;  // a facility check counts terminals heard from within this
    std::int64_t requestRetentionSeconds = 31 * 86400;

    // The longest window of the rate limits above: a rate_limits row older than this counts
    // nothing and is swept.
    std::int64_t longestLimitWindowSeconds() const {
        std::int64_t longest = 0;
        for (const Limit* l :
             {&ssnSecondFactorFailures, &terminalSecondFactorFailures, &terminalIdentityLookups,
              &ssnFingerprintFailures, &terminalFingerprintFailures, &terminalTemplateFetches,
              &terminalCertifications, &terminalStatusLookups, &terminalFeedback})
            longest = std::max(longest, l->windowSeconds);
        return longest;
    }
    int maxStreamsPerTerminal =
        4;  // open WatchContent streams (a display needs one, two at a reconnect)
};

// Who the request is about, filled in by the handler as soon as it knows.
struct Subject {
    std::string ssn;  // full; used only for the digest and the region check, never logged
    std::string region;
    // What the audit shows when the subject is not a person (a terminal id); ignored with ssn.
    std::string label;
    // False: a failed second factor counts against the calling terminal only, not against the
    // ID number (guesses about a person outside the caller's region must not lock them out).
    bool failuresCountForSubject = true;
    std::string masked() const;
};

// Which rate limits a mutation is subject to (identity look-ups with a second factor).
struct RateLimited {
    std::string ssn;  // the ID number tried (per-ID-number failures); may be empty
};

class MutationRunner {
public:
    // `clock` is the one clock every RPC and background job of the back office reads.
    MutationRunner(store::Store& store, const Keystore& keys, Policy policy,
                   bool plaintextDevelopment, const util::Clock& clock);
    ~MutationRunner();
    MutationRunner(const MutationRunner&) = delete;
    MutationRunner& operator=(const MutationRunner&) = delete;

    store::Store& store() { return m_store; }
    const Keystore& keys() const { return m_keys; }
    const Policy& policy() const { return m_policy; }
    const util::Clock& clock() const { return m_clock; }
    Metrics& metrics() { return m_metrics; }

    // Who is calling (callerOf), and for a terminal, that its enrolment admits this
    // certificate (TerminalGate). Throws Refused (UNAUTHENTICATED) or store::StoreError;
    // WouldWait when `mayWait` is false and the gate would have to read the enrolment.
    Caller authenticate(const grpc::ServerContextBase& context, bool mayWait = true);

    using MutationBody = std::function<void(store::Tx&, const Caller&, Subject&, std::int64_t now)>;
    using QueryBody = std::function<void(store::Tx&, const Caller&, Subject&, std::int64_t now)>;

    // Work a mutation can do before its transaction because it is slow and needs no lock
    // (a service password's Argon2id); the body must not rely on it having run.
    using Prepare = std::function<void(const Caller&)>;

    // A mutating RPC: validates (`validationRefusal`), then in one durable transaction either
    // replays the stored outcome of (caller, request id) or runs `body`, stores the outcome
    // and appends the audit event. A body refuses by throwing Refused: its writes are undone
    // with its whole transaction, and a second one records the refusal without running the
    // body; a rate-limited call's body runs in a savepoint instead, so that the limit's check
    // and its count stay one transaction (request_outcome.hpp). A first attempt does not look for a
    // stored outcome before the body: storing its own collides with one (request_outcome.hpp), and
    // the transaction runs again, looking first; an outcome that would not be stored (over a rate
    // limit, transient) looks before it is answered. `response` is cleared before each attempt.
    // `prepare`, if given, runs after the validation and before the transaction, unless the caller
    // is over a rate limit now (then the transaction refuses it without running the body, and
    // nothing slow was spent).
    grpc::Status mutate(grpc::ServerContextBase* context, const std::string& eventType,
                        const std::string& requestId, const google::protobuf::Message& request,
                        google::protobuf::Message* response,
                        const std::optional<Refusal>& validationRefusal, const MutationBody& body,
                        std::optional<RateLimited> rateLimited = std::nullopt,
                        const Prepare& prepare = {});
    // The same mutation for a gRPC callback handler: nothing in it waits for the write
    // (Store::writeAsync), and the answer goes to `done`, called once — on the calling thread
    // when the call is refused at the door, else on the store's thread that learned the
    // outcome, after the write is durable. A caller the gate has no answer for in memory (a
    // terminal's first call in TerminalGate::kFreshness: a read, or a renewed key's switch, a
    // write) is admitted on a thread of the runner's own, and `done` may run there. No `prepare`:
    // slow work has no place on gRPC's threads (such calls take mutate() on a thread of their own).
    // `context`, `request` and `response` must stay alive until `done` has run; `body` is kept
    // until then.
    void mutateAsync(grpc::CallbackServerContext* context, const std::string& eventType,
                     const std::string& requestId, const google::protobuf::Message& request,
                     google::protobuf::Message* response,
                     const std::optional<Refusal>& validationRefusal, MutationBody body,
                     std::optional<RateLimited> rateLimited,
                     std::function<void(grpc::Status)> done);

    // A read-only RPC: runs `body` in a read transaction; a refusal is audited.
    grpc::Status query(grpc::ServerContextBase* context, const std::string& eventType,
                       const std::optional<Refusal>& validationRefusal, const QueryBody& body);
    // The same read on a gRPC callback thread, which must not wait for anything but the read:
    // std::nullopt, the call neither answered nor logged, when it would have to (the gate has
    // no answer in memory for the terminal; no read connection free at once,
    // Store::readIfFree; a refusal naming someone, audited by a durable write); the caller
    // then runs query() on a thread that may wait. Such a call's stage histograms count its
    // first look too.
    std::optional<grpc::Status> queryAtOnce(grpc::ServerContextBase* context,
                                            const std::string& eventType,
                                            const std::optional<Refusal>& validationRefusal,
                                            const QueryBody& body);
    // A read whose answer waits for a durable write (an audited look-up, its budget taken):
    // `after` runs once the read has succeeded, with the caller and the subject the body
    // found, and a refusal it returns is the answer (it audits that itself). The call's log
    // line and its metrics (latency, status code) cover the read and the write together.
    using AfterRead = std::function<std::optional<Refusal>(const Caller&, const Subject&)>;
    grpc::Status query(grpc::ServerContextBase* context, const std::string& eventType,
                       const std::optional<Refusal>& validationRefusal, const QueryBody& body,
                       const AfterRead& after);
    // The same for a read that may be a little stale (job search, guides, records, media): on
    // the read replica when there is one (--database-replica) and it is within its lag bound;
    // on the primary when there is none, it lags more, or it fails. A refusal the replica's
    // data leads to (a row it does not have yet) is decided again on the primary.
    grpc::Status staleQuery(grpc::ServerContext* context, const std::string& eventType,
                            const std::optional<Refusal>& validationRefusal, const QueryBody& body);
    // A read of the audit log: once the caller is authenticated as staff, waits (PostgreSQL)
    // for a chaining round that began after the call, so that the chain it reads holds every event
    // whose write was answered before it (up to 5 s; a failed round leaves them pending).
    grpc::Status auditQuery(grpc::ServerContext* context, const std::string& eventType,
                            const std::optional<Refusal>& validationRefusal, const QueryBody& body);
    // The hot standby staleQuery reads from (nullptr = none), also asked who a terminal is
    // while the primary is away; it outlives the runner. Stale reads use it while it is at most
    // `maxLag` behind the primary (ReplicaLag), and whatever its lag while the primary is away.
    void setReadReplica(store::Store* replica, std::chrono::seconds maxLag);
    // True inside a stale query's body while it reads the replica: a body may refuse what the
    // caller has already seen newer of (a catalogue version), and the primary answers instead.
    static bool readingReplica();

    // A refusal that names no person, audited in aggregate (RefusalTally) with the next
    // flushRefusals.
    void tallyRefusal(const Caller* caller, const std::string& eventType,
                      const std::string& outcome);
    // Writes what the tally counted as audit events (each sweep round, and at shutdown).
    // Throws store::StoreError; what it could not write stays counted for the next round.
    void flushRefusals();

    // Appends an event in the caller's transaction (the auto-lift sweeper, services' own
    // writes). On PostgreSQL it is pending until the chainer's next round (askAuditChained,
    // or its sweep).
    void auditInTx(store::Tx& tx, const Caller* caller, const std::string& eventType,
                   const Subject& subject, const std::string& outcome, const std::string& requestId,
                   std::int64_t now);
    // After a write whose transaction appended pending audit events: asks for a chaining
    // round and does not wait for it (PostgreSQL; nothing on SQLite, which chains in the
    // transaction). The write's callback may have run on a store writer's thread, so whether
    // it audited is the caller's to know.
    void askAuditChained();
    // PostgreSQL: how long the oldest event asked to be chained has waited (AuditChainer::
    // waiting); nullopt on SQLite, which has no chainer.
    std::optional<std::chrono::nanoseconds> auditChainWaiting() const {
        if (!m_chainer)
            return std::nullopt;
        return m_chainer->waiting();
    }
    // A service's own write that audits (auditInTx): the write, then askAuditChained().
    void auditedWrite(const std::function<void(store::Tx&)>& fn) {
        m_store.write(fn);
        askAuditChained();
    }

    // One JSON line to stderr. Lines are buffered and written by a thread of their own every
    // 100 ms (or at 64 KiB; util::LogBuffer), so a busy back office does not pay a write(2) per
    // call and no thread that logs waits for a lagging journal (past 16 MiB waiting, lines are
    // dropped and counted); a crash can lose the last 100 ms of log lines, never an audit
    // event of a write (those are in the database; refusals that name no person are counted in
    // memory until the next round: RefusalTally).
    void log(const std::string& json);

    // The refusal's status with its trailers (renshe-refusal, renshe-retry-after).
    grpc::Status finish(grpc::ServerContextBase* context, const Refusal& refusal);

private:
    class MutationCall;  // one mutation's state, mutate()'s and mutateAsync()'s (mutation_call.cpp)

    // mutateAsync() from its admission; `mayWait` false: on gRPC's thread (mutation_call.cpp).
    void mutateAsyncFrom(std::chrono::steady_clock::time_point started, bool mayWait,
                         grpc::CallbackServerContext* context, const std::string& eventType,
                         const std::string& requestId, const google::protobuf::Message& request,
                         google::protobuf::Message* response,
                         const std::optional<Refusal>& validationRefusal, MutationBody body,
                         std::optional<RateLimited> rateLimited,
                         std::function<void(grpc::Status)> done);
    // `chainedFirst`: an audit reader's (auditQuery). `mayWait` false: throws WouldWait
    // rather than wait (queryAtOnce).
    grpc::Status queryFrom(store::Store* replica, grpc::ServerContextBase* context,
                           const std::string& eventType,
                           const std::optional<Refusal>& validationRefusal, const QueryBody& body,
                           const AfterRead& after = {}, bool chainedFirst = false,
                           bool mayWait = true);
    // True when the replica served it.
    bool readFrom(store::Store* replica, const std::function<void(store::Tx&)>& read);
    // A mutation's caller authenticated (into `caller`) and its request valid: nullopt; else
    // the answer, logged (and a malformed request tallied). `mayWait`: as authenticate's.
    std::optional<grpc::Status> admit(grpc::ServerContextBase* context,
                                      const std::string& eventType,
                                      const std::optional<Refusal>& validationRefusal,
                                      std::chrono::steady_clock::time_point started,
                                      std::optional<Caller>& caller, bool mayWait = true);
    // Logs a storage failure and answers UNAVAILABLE (the caller retries with its request id).
    grpc::Status storeFailed(const std::string& eventType, const Caller* caller,
                             const Subject& subject, std::chrono::steady_clock::time_point started,
                             const std::string& error, bool unavailable, bool mutation);
    // `lockRows`: create and lock the buckets (the write transaction); false: a plain read
    // (a read transaction's early look).
    std::optional<Refusal> checkRateLimits(store::Tx& tx, const Caller& caller,
                                           const RateLimited& rl, const std::string& ssnDigest,
                                           std::int64_t now, bool lockRows = true);
    // Runs `prepare` unless the caller is over a rate limit now (a read, no lock). The answer
    // to give at once when the caller's deadline passed while `prepare` waited for a password
    // check's turn (DEADLINE_EXCEEDED: nothing done, nothing stored, the retry is served).
    std::optional<grpc::Status> runPrepare(const Prepare& prepare, const Caller& caller,
                                           const std::optional<RateLimited>& rateLimited,
                                           const std::string& eventType,
                                           std::chrono::steady_clock::time_point started);
    void bumpRateLimits(store::Tx& tx, const Caller& caller, const std::string& ssnDigest,
                        bool failed, std::int64_t now);
    void logCall(const std::string& eventType, const Caller* caller, const Subject& subject,
                 grpc::StatusCode code, const std::string& outcome, bool replay,
                 std::chrono::steady_clock::time_point started);

    store::Store& m_store;
    store::Store* m_replica = nullptr;
    std::unique_ptr<ReplicaLag> m_replicaLag;  // with m_replica
    const Keystore& m_keys;
    Policy m_policy;
    const util::Clock& m_clock;
    bool m_plaintext;
    TerminalGate m_gate;
    Metrics m_metrics;
    RefusalTally m_refusals;
    util::LogBuffer m_log;  // its last lines written after the two below are reset (destructor)
    std::unique_ptr<AuditChainer> m_chainer;  // PostgreSQL only (audit_chainer.hpp)
    // mutateAsync()'s admissions that may wait (a gate look-up), off gRPC's threads. Emptied
    // first by the destructor: its jobs log and use every member above.
    static constexpr std::size_t kAdmissionThreads = 64;
    std::optional<util::BlockingPool> m_admissions{std::in_place, kAdmissionThreads, "admission"};
};

}  // namespace renshe::services::backoffice
