#include "services/backoffice/rpc/mutation_runner.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <random>

#include "drivers/sscard/id_number.hpp"
#include "drivers/util/json.hpp"
#include "drivers/util/wipe.hpp"
#include "renshe/v1/common.pb.h"
#include "services/backoffice/rpc/audit.hpp"
#include "services/backoffice/rpc/request_outcome.hpp"
#include "services/backoffice/rpc/stage_clock.hpp"

namespace renshe::services::backoffice {

using renshe::v1::RefusalReason_Name;

std::string Subject::masked() const {
    return ssn.empty() ? label : drivers::sscard::maskIdNumber(ssn);
}

namespace {

std::string jsonEscape(const std::string& s) {
    return util::jsonEscape(s);
}

// A pending audit event's id: this process's count of them, then 64 random bits drawn once
// per process. Events are chained in (at, id) order, so those of one transaction (one `at`)
// keep the order they were appended in, and ids of two replicas never meet.
std::string pendingAuditId() {
    static std::atomic<std::uint64_t> count{0};
    static const std::uint64_t process = std::mt19937_64{std::random_device{}()}();
    char buf[33];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(count++),
                  static_cast<unsigned long long>(process));
    return buf;
}

}  // namespace

MutationRunner::MutationRunner(store::Store& store, const Keystore& keys, Policy policy,
                               bool plaintextDevelopment, const util::Clock& clock)
    : m_store(store),
      m_keys(keys),
      m_policy(policy),
      m_clock(clock),
      m_plaintext(plaintextDevelopment),
      m_gate(store),
      m_log([](const std::string& lines) {
          std::cerr.write(lines.data(), static_cast<std::streamsize>(lines.size()));
          std::cerr.flush();
      }) {
    if (m_store.backend() == store::Backend::Postgres)
        m_chainer = std::make_unique<AuditChainer>(
            m_store, m_keys, [this](const std::string& json) { log(json); },
            [this](std::chrono::nanoseconds lag) { m_metrics.chainLag(lag); });
}

MutationRunner::~MutationRunner() {
    m_admissions.reset();  // runs the admissions posted, whose writes answer or are refused
    m_chainer.reset();     // its last round may log
    m_replicaLag.reset();  // its thread tells the metrics
}

namespace {
thread_local bool t_readingReplica = false;

// Marks this thread as reading the replica for its scope (readingReplica()).
struct ReadingReplica {
    ReadingReplica() { t_readingReplica = true; }
    ~ReadingReplica() { t_readingReplica = false; }
    ReadingReplica(const ReadingReplica&) = delete;
    ReadingReplica& operator=(const ReadingReplica&) = delete;
};
}  // namespace

bool MutationRunner::readingReplica() {
    return t_readingReplica;
}

void MutationRunner::setReadReplica(store::Store* replica, std::chrono::seconds maxLag) {
    m_replicaLag.reset();
    m_replica = replica;
    m_gate.setReplica(replica);
    if (replica) {
        m_replicaLag = std::make_unique<ReplicaLag>(
            m_store, *replica, maxLag, [this](std::optional<ReplicaLag::Clock::duration> lag) {
                m_metrics.replicaLag(lag ? std::chrono::duration<double>(*lag).count() : -1.0);
            });
    }
}

void MutationRunner::log(const std::string& json) {
    m_log.append(json);
}

grpc::Status MutationRunner::finish(grpc::ServerContextBase* context, const Refusal& refusal) {
    if (refusal.reason == renshe::v1::REFUSAL_REASON_RATE_LIMITED)
        m_metrics.countRateLimit(refusal.limit.empty() ? "other" : refusal.limit);
    if (refusal.reason != renshe::v1::REFUSAL_REASON_UNSPECIFIED) {
        context->AddTrailingMetadata("renshe-refusal", RefusalReason_Name(refusal.reason));
    }
    if (refusal.code == grpc::StatusCode::RESOURCE_EXHAUSTED && refusal.retryAfterSeconds > 0) {
        context->AddTrailingMetadata("renshe-retry-after",
                                     std::to_string(refusal.retryAfterSeconds));
    }
    return grpc::Status(refusal.code, refusal.message);
}

void MutationRunner::logCall(const std::string& eventType, const Caller* caller,
                             const Subject& subject, grpc::StatusCode code,
                             const std::string& outcome, bool replay,
                             std::chrono::steady_clock::time_point started) {
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    m_metrics.count(eventType, code, std::chrono::steady_clock::now() - started);
    if (code != grpc::StatusCode::OK)
        m_metrics.countRefusal(eventType, outcome);
    // Appended piece by piece: this runs for every call, and a stream's locale machinery
    // cost more than the rest of the line.
    std::string line;
    line.reserve(256);
    line += "{\"ts\":";
    line += std::to_string(m_clock.nowMicros() / 1000);
    line += code == grpc::StatusCode::OK ? ",\"level\":\"info\"" : ",\"level\":\"warn\"";
    line += ",\"event\":\"rpc\",\"method\":\"";
    line += jsonEscape(eventType);
    line += "\",\"caller\":\"";
    line += caller ? jsonEscape(caller->key()) : std::string("-");
    line += "\",\"code\":\"";
    line += codeName(code);
    line += "\",\"outcome\":\"";
    line += jsonEscape(outcome);
    line += '"';
    if (!subject.ssn.empty()) {
        line += ",\"subject\":\"";
        line += jsonEscape(subject.masked());
        line += '"';
    }
    if (replay)
        line += ",\"replay\":true";
    line += ",\"us\":";
    line += std::to_string(took.count());
    line += '}';
    log(line);
}

void MutationRunner::auditInTx(store::Tx& tx, const Caller* caller, const std::string& eventType,
                               const Subject& subject, const std::string& outcome,
                               const std::string& requestId, std::int64_t now) {
    AuditEntry e;
    e.actor = caller ? caller->identity.id : "system";
    e.terminalId = caller ? caller->terminalId() : "";
    e.eventType = eventType;
    e.maskedSubject = subject.masked();
    e.subjectDigest = subject.ssn.empty() ? "" : m_keys.subjectDigest(subject.ssn);
    e.outcome = outcome;
    e.requestId = requestId;
    e.region = !subject.region.empty() ? subject.region : caller ? caller->identity.region : "";
    if (m_chainer && tx.backend() == store::Backend::Postgres) {
        appendAuditPending(tx, pendingAuditId(), e, now);
    } else {
        appendAudit(tx, m_keys, e, now);
    }
    m_metrics.countAudit();
}

void MutationRunner::askAuditChained() {
    if (m_chainer)
        m_chainer->ask();
}

void MutationRunner::tallyRefusal(const Caller* caller, const std::string& eventType,
                                  const std::string& outcome) {
    AuditEntry e;
    e.actor = caller ? caller->identity.id : "system";
    e.terminalId = caller ? caller->terminalId() : "";
    e.eventType = eventType;
    e.outcome = outcome;
    e.region = caller ? caller->identity.region : "";
    m_refusals.add(e);
}

void MutationRunner::flushRefusals() {
    auto kinds = m_refusals.take();
    if (kinds.empty())
        return;
    try {
        m_store.write(
            [&](store::Tx& tx) {
                const std::int64_t now = m_clock.nowMicros();
                for (const auto& e : kinds)
                    appendAudit(tx, m_keys, e, now);
            },
            store::Store::Priority::Background);
    } catch (...) {
        for (const auto& e : kinds)  // counted again, written next round
            m_refusals.add(e, e.repeats);
        throw;
    }
    for (std::size_t i = 0; i < kinds.size(); ++i)
        m_metrics.countAudit();
}

grpc::Status MutationRunner::storeFailed(const std::string& eventType, const Caller* caller,
                                         const Subject& subject,
                                         std::chrono::steady_clock::time_point started,
                                         const std::string& error, bool unavailable,
                                         bool mutation) {
    log(std::string("{\"level\":\"error\",\"event\":\"store\",\"error\":\"") + jsonEscape(error) +
        "\"}");
    logCall(eventType, caller, subject, grpc::StatusCode::UNAVAILABLE,
            unavailable ? "STORE_UNAVAILABLE" : "STORE_ERROR", false, started);
    return grpc::Status(
        grpc::StatusCode::UNAVAILABLE,
        std::string(unavailable ? "storage unavailable; retry" : "storage error; retry") +
            (mutation ? " with the same request id" : ""));
}

std::optional<grpc::Status> MutationRunner::runPrepare(
    const Prepare& prepare, const Caller& caller, const std::optional<RateLimited>& rateLimited,
    const std::string& eventType, std::chrono::steady_clock::time_point started) {
    try {
        if (rateLimited) {
            bool limited = false;
            const std::string digest =
                rateLimited->ssn.empty() ? "" : m_keys.subjectDigest(rateLimited->ssn);
            m_store.read([&](store::Tx& tx) {
                limited =
                    checkRateLimits(tx, caller, *rateLimited, digest, m_clock.nowMicros(), false)
                        .has_value();
            });
            if (limited)
                return std::nullopt;
        }
        prepare(caller);
    } catch (const PasswordCheckAbandoned&) {
        // Checked now, the password would be checked for no one; left to the body, it would
        // be checked inside the write transaction. Neither: the retry is served in full.
        logCall(eventType, &caller, Subject{}, grpc::StatusCode::DEADLINE_EXCEEDED,
                "PASSWORD_CHECK_ABANDONED", false, started);
        return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                            "the deadline passed while the password check waited for its turn; "
                            "retry with the same request id");
    } catch (const store::StoreUnavailable&) {
        // The transaction will say what storage says (UNAVAILABLE); the body does the work
        // itself. (Not a StoreError: uncaught here it left the handler, and gRPC answered
        // UNKNOWN to a terminal that retries only transient failures. Found by
        // Province.PrimaryKilledMidStormLosesNothing.)
    } catch (const store::StoreError&) {
    }
    return std::nullopt;
}

Caller MutationRunner::authenticate(const grpc::ServerContextBase& context, bool mayWait) {
    Caller caller = callerOf(context, m_plaintext);
    if (!m_plaintext)
        m_gate.require(caller, mayWait);
    return caller;
}

std::optional<grpc::Status> MutationRunner::admit(grpc::ServerContextBase* context,
                                                  const std::string& eventType,
                                                  const std::optional<Refusal>& validationRefusal,
                                                  std::chrono::steady_clock::time_point started,
                                                  std::optional<Caller>& caller, bool mayWait) {
    const Subject nobody;
    try {
        caller = authenticate(*context, mayWait);
    } catch (const Refused& r) {
        logCall(eventType, nullptr, nobody, r.refusal().code,
                RefusalReason_Name(r.refusal().reason), false, started);
        return finish(context, r.refusal());
    } catch (const store::StoreUnavailable& e) {
        return storeFailed(eventType, nullptr, nobody, started, e.what(), true, true);
    } catch (const store::StoreError& e) {
        return storeFailed(eventType, nullptr, nobody, started, e.what(), false, true);
    }
    // A malformed request names no one and changes nothing: counted, audited in aggregate.
    if (validationRefusal) {
        tallyRefusal(&*caller, eventType, RefusalReason_Name(validationRefusal->reason));
        logCall(eventType, &*caller, nobody, validationRefusal->code,
                RefusalReason_Name(validationRefusal->reason), false, started);
        return finish(context, *validationRefusal);
    }
    return std::nullopt;
}

grpc::Status MutationRunner::query(grpc::ServerContextBase* context, const std::string& eventType,
                                   const std::optional<Refusal>& validationRefusal,
                                   const QueryBody& body) {
    return queryFrom(nullptr, context, eventType, validationRefusal, body);
}

std::optional<grpc::Status> MutationRunner::queryAtOnce(
    grpc::ServerContextBase* context, const std::string& eventType,
    const std::optional<Refusal>& validationRefusal, const QueryBody& body) {
    try {
        return queryFrom(nullptr, context, eventType, validationRefusal, body, {}, false, false);
    } catch (const WouldWait&) {
        return std::nullopt;
    }
}

grpc::Status MutationRunner::query(grpc::ServerContextBase* context, const std::string& eventType,
                                   const std::optional<Refusal>& validationRefusal,
                                   const QueryBody& body, const AfterRead& after) {
    return queryFrom(nullptr, context, eventType, validationRefusal, body, after);
}

grpc::Status MutationRunner::auditQuery(grpc::ServerContext* context, const std::string& eventType,
                                        const std::optional<Refusal>& validationRefusal,
                                        const QueryBody& body) {
    return queryFrom(nullptr, context, eventType, validationRefusal, body, {}, true);
}

grpc::Status MutationRunner::staleQuery(grpc::ServerContext* context, const std::string& eventType,
                                        const std::optional<Refusal>& validationRefusal,
                                        const QueryBody& body) {
    return queryFrom(m_replica, context, eventType, validationRefusal, body);
}

// Runs `read` on `replica` when there is one and it is within its lag bound (or the primary is
// away); if it lags more, or cannot answer (down, or a statement it cannot run), on the primary.
bool MutationRunner::readFrom(store::Store* replica, const std::function<void(store::Tx&)>& read) {
    using ReplicaRead = Metrics::ReplicaRead;
    if (replica && m_replicaLag && m_replicaLag->verdict() == ReplicaLag::Verdict::Primary) {
        m_metrics.replicaRead(ReplicaRead::PrimaryLagging);
        replica = nullptr;
    }
    if (replica) {
        try {
            {
                const ReadingReplica reading;
                replica->read(read);
            }
            m_metrics.replicaRead(ReplicaRead::Replica);
            return true;
        } catch (const store::StoreUnavailable& e) {
            log(std::string("{\"level\":\"warn\",\"event\":\"replica\",\"error\":\"") +
                jsonEscape(e.what()) + "\"}");
        } catch (const store::StoreError& e) {
            log(std::string("{\"level\":\"warn\",\"event\":\"replica\",\"error\":\"") +
                jsonEscape(e.what()) + "\"}");
        }
        m_metrics.replicaRead(ReplicaRead::PrimaryFallback);
    }
    m_store.read(read);
    return false;
}

grpc::Status MutationRunner::queryFrom(store::Store* replica, grpc::ServerContextBase* context,
                                       const std::string& eventType,
                                       const std::optional<Refusal>& validationRefusal,
                                       const QueryBody& body, const AfterRead& after,
                                       bool chainedFirst, bool mayWait) {
    const auto started = std::chrono::steady_clock::now();
    Subject subject;
    std::optional<Caller> caller;
    std::optional<Refusal> refusal = validationRefusal;
    try {
        caller = authenticate(*context, mayWait);
        StageClock stages(m_metrics, eventType, started);
        // An audit reader's wait for the chain counts as its storage wait. Only staff read the
        // audit log: anyone else is refused by the body at once, without a wait or a round.
        if (chainedFirst && !refusal && m_chainer && caller->isStaff())
            m_chainer->awaitRound();
        if (!refusal) {
            const auto read = [&](store::Tx& tx) {
                stages.bodyStarts();
                subject = Subject{};
                refusal.reset();
                try {
                    body(tx, *caller, subject, m_clock.nowMicros());
                } catch (const Refused& r) {
                    refusal = r.refusal();
                }
                stages.bodyEnds();
            };
            if (mayWait) {
                // A replica behind the primary may lack what was written since: what it refuses
                // (no such guide yet, no fingerprint match yet) the primary decides again.
                if (readFrom(replica, read) && refusal) {
                    m_metrics.replicaRead(Metrics::ReplicaRead::PrimaryRecheck);
                    m_store.read(read);
                }
            } else if (replica || !m_store.readIfFree(read))
                throw WouldWait{};
            stages.committed();
        }
        // A refusal about a person is one event (what an investigation of them reads); one
        // that names no one is counted and audited in aggregate.
        if (refusal && subject.ssn.empty() && subject.label.empty()) {
            tallyRefusal(&*caller, eventType, RefusalReason_Name(refusal->reason));
        } else if (refusal) {
            if (!mayWait)
                throw WouldWait{};
            m_store.write([&](store::Tx& tx) {
                auditInTx(tx, &*caller, eventType, subject, RefusalReason_Name(refusal->reason), "",
                          m_clock.nowMicros());
            });
            askAuditChained();
        }
        if (!refusal && after)
            refusal = after(*caller, subject);
    } catch (const Refused& r) {
        logCall(eventType, caller ? &*caller : nullptr, subject, r.refusal().code,
                RefusalReason_Name(r.refusal().reason), false, started);
        return finish(context, r.refusal());
    } catch (const store::StoreUnavailable& e) {
        return storeFailed(eventType, caller ? &*caller : nullptr, subject, started, e.what(), true,
                           false);
    } catch (const store::StoreError& e) {
        return storeFailed(eventType, caller ? &*caller : nullptr, subject, started, e.what(),
                           false, false);
    }
    if (refusal) {
        logCall(eventType, &*caller, subject, refusal->code, RefusalReason_Name(refusal->reason),
                false, started);
        return finish(context, *refusal);
    }
    logCall(eventType, &*caller, subject, grpc::StatusCode::OK, "OK", false, started);
    return grpc::Status::OK;
}

}  // namespace renshe::services::backoffice
