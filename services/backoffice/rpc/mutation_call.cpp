// MutationRunner::mutate and mutateAsync. One call's state lives in a MutationCall, so that
// the synchronous form (the handler's thread waits for the write) and the continuation form
// (Store::writeAsync; the store's thread answers the call) run the same transaction body and
// the same rules for running it again.
#include <google/protobuf/message.h>
#include <grpcpp/server_context.h>

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

#include "drivers/util/json.hpp"
#include "drivers/util/wipe.hpp"
#include "renshe/v1/common.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"
#include "services/backoffice/rpc/request_outcome.hpp"
#include "services/backoffice/rpc/stage_clock.hpp"

namespace renshe::services::backoffice {

using renshe::v1::RefusalReason_Name;

namespace {

std::string outcomeName(const Outcome& outcome) {
    return outcome.code == grpc::StatusCode::OK ? "OK" : RefusalReason_Name(outcome.refusal.reason);
}

}  // namespace

// One mutation from its admission to its answer. The stored outcome of an earlier attempt is
// looked for only when an attempt cannot store its own: storing it would collide with the
// earlier one's row (caller, request id), which fails the transaction; it runs again then,
// looking first. One round trip fewer for every first attempt, which is nearly every call.
// A body that refuses takes its write with it (no savepoint of its own: two statements fewer
// for every call that succeeds); the refusal is then recorded by a write that does not run the
// body. Not so for a rate-limited call (request_outcome.hpp).
class MutationRunner::MutationCall {
public:
    MutationCall(MutationRunner& runner, std::string eventType, std::string requestId,
                 const google::protobuf::Message& request, google::protobuf::Message* response,
                 MutationBody body, std::optional<RateLimited> rateLimited, Caller caller,
                 std::chrono::steady_clock::time_point started,
                 std::chrono::steady_clock::time_point authorised)
        : m_runner(runner),
          m_eventType(std::move(eventType)),
          m_requestId(std::move(requestId)),
          m_response(response),
          m_body(std::move(body)),
          m_rateLimited(std::move(rateLimited)),
          m_caller(std::move(caller)),
          m_started(started),
          // Keyed: the body may hold a service password (requestFingerprint). Rows written
          // before it was keyed carry the plain SHA-256, still recognised until they age out.
          m_requestBytes(requestBytesOf(m_eventType, request)),
          m_bodyHash(runner.m_keys.requestFingerprint(m_requestBytes)),
          m_stages(runner.m_metrics, m_eventType, started, authorised) {}
    ~MutationCall() { util::wipe(m_requestBytes); }  // no copy of the body left unwiped
    MutationCall(const MutationCall&) = delete;
    MutationCall& operator=(const MutationCall&) = delete;

    // The transaction, run by the store (again after runAgainAfter()).
    void write(store::Tx& tx);

    // After an attempt failed with `error`: true when the transaction is to run once more —
    // looking first, after it collided with an earlier attempt's row (SQLite; PostgreSQL's
    // store runs it again itself); without the body, after the body refused (only the body
    // throws Refused, and only while no refusal is recorded), to record the refusal.
    bool runAgainAfter(const std::exception_ptr& error) {
        try {
            std::rethrow_exception(error);
        } catch (const Refused&) {
            m_refused = m_lastRefusal;
            m_lookFirst = true;
            return true;
        } catch (const store::StoreError& e) {
            return e.uniqueViolation() && !std::exchange(m_lookFirst, true);
        } catch (...) {
            return false;
        }
    }

    // The call's answer once its last attempt is over (`error`: how it failed, or nullptr).
    // A failure that is not storage's is rethrown.
    grpc::Status answer(grpc::ServerContextBase* context, const std::exception_ptr& error) {
        if (error) {
            try {
                std::rethrow_exception(error);
            } catch (const store::StoreUnavailable& e) {
                m_response->Clear();
                return m_runner.storeFailed(m_eventType, &m_caller, m_subject, m_started, e.what(),
                                            true, true);
            } catch (const store::StoreError& e) {
                m_response->Clear();
                return m_runner.storeFailed(m_eventType, &m_caller, m_subject, m_started, e.what(),
                                            false, true);
            }
        }
        m_stages.committed();
        if (m_audited)
            m_runner.askAuditChained();
        m_runner.logCall(m_eventType, &m_caller, m_subject, m_outcome.code, outcomeName(m_outcome),
                         m_outcome.replay, m_started);
        return m_outcome.code == grpc::StatusCode::OK ? grpc::Status::OK
                                                      : m_runner.finish(context, m_outcome.refusal);
    }

    // Writes without waiting, runs again as runAgainAfter() says, then calls `done` with the
    // answer (on the store's thread that learned the outcome).
    static void writeAsync(const std::shared_ptr<MutationCall>& self,
                           grpc::ServerContextBase* context,
                           std::function<void(grpc::Status)> done) {
        self->m_runner.m_store.writeAsync(
            [self](store::Tx& tx) { self->write(tx); }, store::Store::Priority::Normal,
            [self, context, done = std::move(done)](const std::exception_ptr& error) {
                if (error && self->runAgainAfter(error)) {
                    writeAsync(self, context, done);
                    return;
                }
                grpc::Status status;
                try {
                    status = self->answer(context, error);
                } catch (const std::exception& e) {
                    status = self->unexpected(e.what());
                } catch (...) {
                    status = self->unexpected("not a std::exception");
                }
                done(std::move(status));
            });
    }

private:
    static std::string requestBytesOf(const std::string& eventType,
                                      const google::protobuf::Message& request) {
        std::string bytes = eventType + '\0';
        request.AppendToString(&bytes);
        return bytes;
    }
    bool sameBody(const std::string& stored) const {
        return stored == m_bodyHash || stored == store::toHex(sha256(m_requestBytes));
    }
    // What the synchronous form leaves to gRPC (an exception out of the handler: UNKNOWN).
    grpc::Status unexpected(const std::string& what) {
        m_runner.log(std::string("{\"level\":\"error\",\"event\":\"mutation\",\"error\":\"") +
                     util::jsonEscape(what) + "\"}");
        m_runner.logCall(m_eventType, &m_caller, m_subject, grpc::StatusCode::UNKNOWN, "UNEXPECTED",
                         false, m_started);
        return {grpc::StatusCode::UNKNOWN, "unexpected error"};
    }

    MutationRunner& m_runner;
    const std::string m_eventType;
    const std::string m_requestId;
    google::protobuf::Message* m_response;
    const MutationBody m_body;
    const std::optional<RateLimited> m_rateLimited;
    const Caller m_caller;
    const std::chrono::steady_clock::time_point m_started;
    std::string m_requestBytes;
    const std::string m_bodyHash;
    StageClock m_stages;
    Subject m_subject;
    Outcome m_outcome;
    bool m_lookFirst = false;
    int m_runs = 0;
    std::optional<Refusal> m_refused;  // the body's refusal, once its transaction is undone
    Refusal m_lastRefusal;
    Subject m_refusedSubject;
    bool m_audited = false;  // the last run appended an audit event (a replay appends none)
};

void MutationRunner::MutationCall::write(store::Tx& tx) {
    m_stages.bodyStarts();
    m_audited = false;
    m_outcome = Outcome{};
    m_subject = Subject{};
    m_response->Clear();
    const bool looked = m_lookFirst || m_runs++ > 0;
    const std::int64_t now = m_runner.m_clock.nowMicros();
    auto refuseWithoutStoring = [&](const Refusal& r) {
        m_outcome.code = r.code;
        m_outcome.refusal = r;
        // A malformed request's id is whatever was sent: keep the audit row bounded.
        m_runner.auditInTx(tx, &m_caller, m_eventType, m_subject, RefusalReason_Name(r.reason),
                           m_requestId.substr(0, 64), now);
        m_audited = true;
    };
    // True when an earlier attempt's outcome answers this one (or its id was reused).
    // Nothing changes when there is none.
    const auto earlier = [&] {
        const auto found = findEarlier(
            tx, m_caller.key(), m_requestId,
            [this](const std::string& stored) { return sameBody(stored); }, m_outcome, m_response);
        if (found == Earlier::None)
            return false;
        m_subject = Subject{};  // a replay is not audited; a reused id names no one
        if (found == Earlier::Reused)
            refuseWithoutStoring(m_outcome.refusal);
        return true;
    };
    if (looked && earlier())
        return;
    std::string ssnDigest;
    if (m_rateLimited) {
        ssnDigest =
            m_rateLimited->ssn.empty() ? "" : m_runner.m_keys.subjectDigest(m_rateLimited->ssn);
        m_subject.ssn = m_rateLimited->ssn;
        if (auto limited = m_runner.checkRateLimits(tx, m_caller, *m_rateLimited, ssnDigest, now)) {
            if (!looked && earlier())
                return;
            refuseWithoutStoring(*limited);
            return;
        }
    }
    if (m_refused) {
        m_subject = m_refusedSubject;
        m_outcome.code = m_refused->code;
        m_outcome.refusal = *m_refused;
    } else if (m_rateLimited) {
        // One transaction from the check to the bump (request_outcome.hpp says why).
        runBodyInSavepoint(
            tx, [&] { m_body(tx, m_caller, m_subject, now); }, m_outcome, m_response);
        // An outcome that is not stored cannot collide with an earlier one: look now.
        if (!isFinal(m_outcome.code) && !looked && earlier())
            return;
    } else {
        try {
            m_body(tx, m_caller, m_subject, now);
        } catch (const Refused& r) {
            m_lastRefusal = r.refusal();
            m_refusedSubject = m_subject;
            throw;  // out of the store, which undoes the transaction
        }
    }
    if (m_rateLimited) {
        m_runner.bumpRateLimits(
            tx, m_caller, m_subject.failuresCountForSubject ? ssnDigest : std::string(),
            m_outcome.refusal.reason == renshe::v1::REFUSAL_REASON_SECOND_FACTOR_FAILED, now);
    }
    if (isFinal(m_outcome.code))
        storeOutcome(tx, m_caller, m_requestId, m_eventType, m_bodyHash, m_outcome, *m_response,
                     now);
    m_runner.auditInTx(tx, &m_caller, m_eventType, m_subject, outcomeName(m_outcome), m_requestId,
                       now);
    m_audited = true;
    m_stages.bodyEnds();
}

grpc::Status MutationRunner::mutate(
    grpc::ServerContextBase* context, const std::string& eventType, const std::string& requestId,
    const google::protobuf::Message& request, google::protobuf::Message* response,
    const std::optional<Refusal>& validationRefusal, const MutationBody& body,
    std::optional<RateLimited> rateLimited, const Prepare& prepare) {
    const auto started = std::chrono::steady_clock::now();
    std::optional<Caller> caller;
    if (auto refusedAtTheDoor = admit(context, eventType, validationRefusal, started, caller))
        return *refusedAtTheDoor;
    const auto authorised = std::chrono::steady_clock::now();
    if (auto gaveUp =
            prepare ? runPrepare(prepare, *caller, rateLimited, eventType, started) : std::nullopt)
        return *gaveUp;
    MutationCall call(*this, eventType, requestId, request, response, body, std::move(rateLimited),
                      std::move(*caller), started, authorised);
    for (;;) {
        std::exception_ptr error;
        try {
            m_store.write([&](store::Tx& tx) { call.write(tx); });
        } catch (...) {
            error = std::current_exception();
        }
        if (!error || !call.runAgainAfter(error))
            return call.answer(context, error);
    }
}

void MutationRunner::mutateAsync(grpc::CallbackServerContext* context, const std::string& eventType,
                                 const std::string& requestId,
                                 const google::protobuf::Message& request,
                                 google::protobuf::Message* response,
                                 const std::optional<Refusal>& validationRefusal, MutationBody body,
                                 std::optional<RateLimited> rateLimited,
                                 std::function<void(grpc::Status)> done) {
    mutateAsyncFrom(std::chrono::steady_clock::now(), false, context, eventType, requestId, request,
                    response, validationRefusal, std::move(body), std::move(rateLimited),
                    std::move(done));
}

// On gRPC's thread (`mayWait` false) while the admission needs no storage, which is nearly
// every call; else again on a thread of m_admissions, which may wait for it.
void MutationRunner::mutateAsyncFrom(std::chrono::steady_clock::time_point started, bool mayWait,
                                     grpc::CallbackServerContext* context,
                                     const std::string& eventType, const std::string& requestId,
                                     const google::protobuf::Message& request,
                                     google::protobuf::Message* response,
                                     const std::optional<Refusal>& validationRefusal,
                                     MutationBody body, std::optional<RateLimited> rateLimited,
                                     std::function<void(grpc::Status)> done) {
    std::optional<Caller> caller;
    std::optional<grpc::Status> refusedAtTheDoor;
    try {
        refusedAtTheDoor = admit(context, eventType, validationRefusal, started, caller, mayWait);
    } catch (const WouldWait&) {
        try {
            m_admissions->post([this, started, context, eventType, requestId, &request, response,
                                validationRefusal, body = std::move(body),
                                rateLimited = std::move(rateLimited), done] {
                mutateAsyncFrom(started, true, context, eventType, requestId, request, response,
                                validationRefusal, body, rateLimited, done);
            });
        } catch (const std::system_error&) {
            done({grpc::StatusCode::UNAVAILABLE, "no thread for the call"});
        }
        return;
    }
    if (refusedAtTheDoor) {
        done(*refusedAtTheDoor);
        return;
    }
    const auto authorised = std::chrono::steady_clock::now();
    MutationCall::writeAsync(std::make_shared<MutationCall>(
                                 *this, eventType, requestId, request, response, std::move(body),
                                 std::move(rateLimited), std::move(*caller), started, authorised),
                             context, std::move(done));
}

}  // namespace renshe::services::backoffice
