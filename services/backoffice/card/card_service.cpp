#include "services/backoffice/card/card_service.hpp"

#include <openssl/crypto.h>

#include <functional>
#include <system_error>

#include "drivers/sscard/id_number.hpp"
#include "drivers/sscard/pin_reset_crypto.hpp"
#include "drivers/util/clock.hpp"
#include "drivers/util/wipe.hpp"
#include "services/backoffice/card/checks.hpp"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/card/service_password.hpp"
#include "services/backoffice/certification/certification_service.hpp"
#include "services/backoffice/rpc/keystore.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

constexpr std::int64_t kOpReload = 1, kOpUnblock = 2;

Refused wrongState(const CardRow& card, const std::string& what) {
    return Refused(Refusal::precondition(
        REFUSAL_REASON_WRONG_CARD_STATE,
        what + " is not allowed for a card in state " + CardStatus_Name(card.status)));
}

void requireNotExpired(const CardRow& card, std::int64_t now) {
    if (isExpired(card, now)) {
        throw Refused(
            Refusal::precondition(REFUSAL_REASON_CARD_EXPIRED, "the card is past its expiry date"));
    }
}

// The second factor of a request made without the PIN. Failure is PERMISSION_DENIED; a
// fingerprint verification can also be NOT_ENROLLED or VERIFICATION_STALE, and is spent.
// `sealedContext` is the associated data a sealed service password was bound to (request id
// and ID number); a sealed password that does not open fails like a wrong one.
void checkSecondFactor(store::Tx& tx, const Caller& caller, const MutationRunner& runner,
                       const PersonRow& person, const SecondFactor& factor,
                       VerificationPurpose purpose, std::int64_t now,
                       const std::string& sealedContext = {},
                       const std::optional<PasswordPrecheck>& pre = std::nullopt) {
    if (factor.has_fingerprint_verification_id()) {
        consumeFingerprintFactor(tx, caller, person.ssn, factor.fingerprint_verification_id(),
                                 purpose, now);
        return;
    }
    auto password = passwordOf(runner.keys(), factor, sealedContext);
    if (!password) {
        throw Refused(Refusal::denied(
            REFUSAL_REASON_SECOND_FACTOR_FAILED,
            "the sealed service password does not open with this back office's key"));
    }
    const util::WipeOnExit wipeOnExit(*password);
    if (!servicePasswordMatches(tx, runner.keys(), person, *password, pre))
        throw Refused(
            Refusal::denied(REFUSAL_REASON_SECOND_FACTOR_FAILED, "second factor does not match"));
}

// How long a password check may wait for an Argon2id turn: until the caller's deadline, less
// what the check itself takes (~40 ms on a loaded core), so that no check is begun for a
// caller that will have gone by the time it ends.
Keystore::Until turnDeadline(const grpc::ServerContextBase& ctx) {
    constexpr auto kCheckTakes = std::chrono::milliseconds(50);
    const auto deadline = ctx.deadline();
    if (deadline == std::chrono::system_clock::time_point::max())
        return Keystore::kNoDeadline;
    const auto left = deadline - std::chrono::system_clock::now() - kCheckTakes;
    return std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(left);
}

// A PIN reset session that cannot be used for this: unknown, another terminal's or card's,
// used up, expired, already reported.
Refused invalidResetSession(const std::string& why) {
    return Refused(Refusal::precondition(REFUSAL_REASON_RESET_SESSION_INVALID, why));
}

std::string normalisedSsn(const std::string& ssn) {
    return checks::normalizeSsn(ssn);
}

// What a sync handler's exception became (gRPC answered UNKNOWN) for one run off gRPC's threads.
grpc::Status unexpectedToUnknown(const std::function<grpc::Status()>& handler) {
    try {
        return handler();
    } catch (const std::exception&) {
        return {grpc::StatusCode::UNKNOWN, "unexpected error"};
    }
}

// The stored verifier of an activation's service password, sent in clear or sealed (opened
// here with the associated data it was sealed with: request id, '\0', the card's ID number).
// A seal that does not open, or a weak password inside it, is refused like one sent in clear.
// The hash waits for its Argon2id turn until `until` at the latest (turnDeadline).
std::string activationVerifier(const MutationRunner& runner, const ReportPinChangedRequest& req,
                               Keystore::Until until = Keystore::kNoDeadline) {
    if (!req.has_sealed_service_password())
        return runner.keys().hashServicePassword(req.service_password(), until);
    const auto& s = req.sealed_service_password();
    auto opened = runner.keys().openSealed({s.ephemeral_public_key(), s.nonce(), s.ciphertext()},
                                           req.request_id() + '\0' + req.card().ssn());
    if (!opened) {
        throw Refused(Refusal::malformed(
            "sealed_service_password does not open with this back office's key"));
    }
    const util::WipeOnExit wipeOnExit(*opened);
    if (auto weak = checks::checkActivationServicePassword(*opened, req.card()))
        throw Refused(*weak);
    return runner.keys().hashServicePassword(*opened, until);
}

}  // namespace

grpc::Status CardServiceImpl::GetSealingKey(grpc::ServerContext* ctx, const GetSealingKeyRequest*,
                                            GetSealingKeyResponse* resp) {
    return m_runner.query(
        ctx, "card.get_sealing_key", std::nullopt,
        [&](store::Tx&, const Caller& caller, Subject&, std::int64_t) {
            resp->Clear();
            requireTouchOrStaff(caller);  // a public key; the counter seals with it too
            const auto key = m_runner.keys().sealingPublicKey();
            if (!key) {
                throw Refused(Refusal::precondition(REFUSAL_REASON_UNSPECIFIED,
                                                    "the keystore has no sealing key"));
            }
            resp->set_public_key(*key);
            resp->set_key_id(pki::sealingKeyId(*key));
        });
}

// A status look-up is a short read. On SQLite it runs on gRPC's thread and is answered there (a
// synchronous handler's hand-offs between threads cost more than the read itself: the back
// office's CPU a call in bench.backoffice 55-63 us synchronous, 41-44 us so). On PostgreSQL a
// read is a round trip that may wait for a connection (a primary failing over); a lift that fell
// due is written before the answer, and so are a refusal naming someone (audited) and a
// terminal's enrolment look-up on its first call in a while (TerminalGate): those run on the
// card service's own pool, never holding gRPC's threads (a few, two here, shared by every
// call of the callback methods).
grpc::ServerUnaryReactor* CardServiceImpl::GetCardStatus(grpc::CallbackServerContext* ctx,
                                                         const GetCardStatusRequest* req,
                                                         GetCardStatusResponse* resp) {
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    const auto answer = [reactor](const grpc::Status& status) { reactor->Finish(status); };
    const auto onPool = [&](std::function<grpc::Status()> work) {
        try {
            m_slowCalls.post(
                [work = std::move(work), answer] { answer(unexpectedToUnknown(work)); });
        } catch (const std::system_error&) {
            answer({grpc::StatusCode::UNAVAILABLE, "no thread for the call"});
        }
    };
    const auto lookUpOnPool = [&] {
        onPool([this, ctx, req, resp] {
            bool liftDue = false;
            grpc::Status status = *readCardStatus(ctx, *req, *resp, liftDue, true);
            if (liftDue)
                writeLiftSeenDue(*req);
            return status;
        });
    };
    if (m_runner.store().backend() != store::Backend::Sqlite) {
        lookUpOnPool();
        return reactor;
    }
    bool liftDue = false;
    std::optional<grpc::Status> status;
    try {
        status = readCardStatus(ctx, *req, *resp, liftDue, false);
    } catch (const std::exception&) {
        status = grpc::Status(grpc::StatusCode::UNKNOWN, "unexpected error");
    }
    if (!status) {  // it would have waited (queryAtOnce)
        lookUpOnPool();
    } else if (!liftDue) {
        answer(*status);
    } else {
        onPool([this, req] {
            writeLiftSeenDue(*req);
            return grpc::Status::OK;  // a lift is due only after a read that succeeded
        });
    }
    return reactor;
}

// `liftDue`: the card's temporary loss has passed its automatic lift (answered as lifted).
// `mayWait` false: on gRPC's thread, std::nullopt when the look-up would wait
// (MutationRunner::queryAtOnce).
std::optional<grpc::Status> CardServiceImpl::readCardStatus(grpc::ServerContextBase* ctx,
                                                            const GetCardStatusRequest& req,
                                                            GetCardStatusResponse& resp,
                                                            bool& liftDue, bool mayWait) {
    const auto body = [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
        resp.Clear();
        requireTouchOrStaff(caller);
        const CardRow card = requireInsertedCard(tx, req.card(), subject, false);
        const PersonRow person = requirePerson(tx, card.ssn);
        subject.region = person.region;
        requireRegion(caller, person.region);
        liftDue = effective(card, now).status != card.status;
        *resp.mutable_card() = toCardInfo(card, person, now);
    };
    const auto check = checks::check(req);
    std::optional<grpc::Status> status =
        mayWait ? m_runner.query(ctx, "card.get_status", check, body)
                : m_runner.queryAtOnce(ctx, "card.get_status", check, body);
    liftDue = liftDue && status && status->ok();
    return status;
}

// Makes the lift a status look-up saw durable now rather than at the sweeper's next round.
void CardServiceImpl::writeLiftSeenDue(const GetCardStatusRequest& req) {
    try {
        m_runner.auditedWrite([&](store::Tx& tx) {
            auto card = loadCard(tx, req.card().card_number(), true);
            if (card && applyDueLift(tx, *card, m_runner.clock().nowMicros())) {
                Subject subject;
                subject.ssn = card->ssn;
                m_runner.auditInTx(tx, nullptr, "card.auto_lift", subject, "OK", "",
                                   m_runner.clock().nowMicros());
            }
        });
    } catch (const std::exception&) {
        // The sweeper will do it; the answer given is already right.
    }
}

// ReportPinChanged's transaction. `verifier`: an activation's service-password verifier,
// computed before the transaction when it could be (empty: computed here).
void CardServiceImpl::pinChanged(const ReportPinChangedRequest& req, ReportPinChangedResponse& resp,
                                 const std::string& verifier, store::Tx& tx, const Caller& caller,
                                 Subject& subject, std::int64_t now) {
    const bool activation = req.kind() == PIN_CHANGE_KIND_ACTIVATION;
    // Staff only activate (the citizen typing on the counter's PIN pad window).
    auto [card, person] = requireCardAtTerminal(tx, caller, req.card(), subject,
                                                {.lockPerson = true, .staffAtCounter = activation});
    applyDueLift(tx, card, now);
    requireNotExpired(card, now);
    if (activation) {
        if (card.status != CARD_STATUS_ISSUED)
            throw wrongState(card, "activation");
        person.servicePasswordHash =
            verifier.empty() ? activationVerifier(m_runner, req) : verifier;
        tx.exec("UPDATE persons SET service_password_hash = $1, updated_at = $2 WHERE ssn = $3",
                {person.servicePasswordHash, now, person.ssn});
        changeStatus(tx, card, CARD_STATUS_ACTIVE, caller.identity.id,
                     caller.isStaff() ? "activation at the counter" : "activation", now);
    } else {
        if (card.status != CARD_STATUS_ACTIVE)
            throw wrongState(card, "a PIN change");
    }
    *resp.mutable_card() = toCardInfo(card, person, now);
}

// A PIN change is a write and nothing slow: its handler returns at once and the store's thread
// answers once the write is durable (mutateAsync). An activation hashes the new service
// password first (Argon2id, taking turns with other checks): on a thread of m_slowCalls.
grpc::ServerUnaryReactor* CardServiceImpl::ReportPinChanged(grpc::CallbackServerContext* ctx,
                                                            const ReportPinChangedRequest* req,
                                                            ReportPinChangedResponse* resp) {
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    const auto answer = [reactor](const grpc::Status& status) { reactor->Finish(status); };
    if (req->kind() == PIN_CHANGE_KIND_ACTIVATION) {
        m_slowCalls.post([this, ctx, req, resp, answer] {
            answer(unexpectedToUnknown([&] { return activate(ctx, req, resp); }));
        });
        return reactor;
    }
    try {
        m_runner.mutateAsync(
            ctx, "card.pin_changed", req->request_id(), *req, resp, checks::check(*req),
            [this, req, resp](store::Tx& tx, const Caller& caller, Subject& subject,
                              std::int64_t now) {
                pinChanged(*req, *resp, {}, tx, caller, subject, now);
            },
            std::nullopt, answer);
    } catch (const std::exception&) {
        // Before the write was queued (it answers for itself once it is).
        answer({grpc::StatusCode::UNKNOWN, "unexpected error"});
    }
    return reactor;
}

grpc::Status CardServiceImpl::activate(grpc::CallbackServerContext* ctx,
                                       const ReportPinChangedRequest* req,
                                       ReportPinChangedResponse* resp) {
    std::string verifier;  // Argon2id, computed before the transaction when it can be
    const auto prepare = [&](const Caller&) {
        try {
            verifier = activationVerifier(m_runner, *req, turnDeadline(*ctx));
        } catch (const Refused&) {
            // Refused again, and answered, inside the transaction.
        }
    };
    return m_runner.mutate(
        ctx, "card.activate", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            pinChanged(*req, *resp, verifier, tx, caller, subject, now);
        },
        std::nullopt, prepare);
}

grpc::Status CardServiceImpl::SetServicePassword(grpc::ServerContext* ctx,
                                                 const SetServicePasswordRequest* req,
                                                 SetServicePasswordResponse* resp) {
    const auto invalid = checks::check(*req);
    std::string verifier;  // Argon2id, computed before the transaction
    const auto prepare = [&](const Caller&) {
        verifier =
            m_runner.keys().hashServicePassword(req->new_service_password(), turnDeadline(*ctx));
    };
    return m_runner.mutate(
        ctx, "card.set_service_password", req->request_id(), *req, resp, invalid,
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            auto [card, person] =
                requireCardAtTerminal(tx, caller, req->card(), subject, {.lockPerson = true});
            applyDueLift(tx, card, now);
            requireNotExpired(card, now);
            if (card.status != CARD_STATUS_ACTIVE)
                throw wrongState(card, "setting the service password");
            requireFreshVerification(req->pin_verified_at(), req->has_pin_verified_at(), now,
                                     m_runner.policy().pinVerificationMaxAgeSeconds);
            person.servicePasswordHash =
                verifier.empty() ? m_runner.keys().hashServicePassword(req->new_service_password())
                                 : verifier;
            tx.exec("UPDATE persons SET service_password_hash = $1, updated_at = $2 WHERE ssn = $3",
                    {person.servicePasswordHash, now, person.ssn});
            *resp->mutable_card() = toCardInfo(card, person, now);
        },
        std::nullopt, prepare);
}

grpc::Status CardServiceImpl::ReportTemporaryLoss(grpc::ServerContext* ctx,
                                                  const ReportTemporaryLossRequest* req,
                                                  ReportTemporaryLossResponse* resp) {
    const std::string ssn = normalisedSsn(req->ssn());
    const auto invalid = checks::check(*req);
    const std::string sealedContext = req->request_id() + '\0' + req->ssn();
    std::optional<PasswordPrecheck> pre;
    const auto prepare = [&](const Caller& caller) {
        pre = precheckPassword(m_runner.store(), m_runner.keys(), caller, ssn, req->name(),
                               req->second_factor(), sealedContext, turnDeadline(*ctx));
    };
    return m_runner.mutate(
        ctx, "card.report_temporary_loss", req->request_id(), *req, resp, invalid,
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireTouchTerminal(caller);
            subject.ssn = ssn;
            const auto person = loadPerson(tx, ssn, true);
            // A person registered outside this terminal's region answers as an unknown ID
            // number does, whatever the name: no probing which names go with which numbers
            // elsewhere, and a stranger's guesses count against the terminal, never lock the
            // person out. (The citizen is sent to the staff, who serve any region.)
            if (person && !inRegion(caller, person->region)) {
                subject.failuresCountForSubject = false;
                throw Refused(Refusal::denied(REFUSAL_REASON_SECOND_FACTOR_FAILED,
                                              "second factor does not match"));
            }
            // An unknown ID number and a wrong name answer alike, so the RPC cannot probe
            // the registry.
            if (!person ||
                checks::normalizeName(person->name) != checks::normalizeName(req->name())) {
                throw Refused(Refusal::denied(REFUSAL_REASON_SECOND_FACTOR_FAILED,
                                              "second factor does not match"));
            }
            subject.region = person->region;
            requireRegion(caller, person->region);
            auto card = currentCardOf(tx, ssn, true);
            if (!card) {
                throw Refused(Refusal::precondition(REFUSAL_REASON_WRONG_CARD_STATE,
                                                    "the person has no card in use"));
            }
            applyDueLift(tx, *card, now);
            checkSecondFactor(tx, caller, m_runner, *person, req->second_factor(),
                              VERIFICATION_PURPOSE_LOSS_REPORT, now, sealedContext, pre);
            if (card->status == CARD_STATUS_TEMP_LOST) {
                *resp->mutable_card() = toCardInfo(*card, *person, now);  // the existing report
                return;
            }
            if (card->status != CARD_STATUS_ACTIVE)
                throw wrongState(*card, "a temporary loss report");
            card->lossReportNumber = newLossReportNumber(now);
            card->lossReportedAt = now;
            card->lossAutoLiftAt = now + m_runner.policy().tempLossSeconds * util::kMicrosPerSecond;
            card->lossAtTerminal = true;
            card->lossFormal = false;
            changeStatus(tx, *card, CARD_STATUS_TEMP_LOST, caller.identity.id,
                         "temporary loss report", now);
            *resp->mutable_card() = toCardInfo(*card, *person, now);
        },
        invalid ? std::nullopt : std::optional<RateLimited>(RateLimited{ssn}), prepare);
}

grpc::Status CardServiceImpl::UnreportLoss(grpc::ServerContext* ctx, const UnreportLossRequest* req,
                                           UnreportLossResponse* resp) {
    return m_runner.mutate(
        ctx, "card.unreport_loss", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            auto [card, person] = requireCardAtTerminal(tx, caller, req->card(), subject, {});
            applyDueLift(tx, card, now);
            if (card.status == CARD_STATUS_LOST) {
                throw Refused(Refusal::precondition(
                    REFUSAL_REASON_LOSS_IS_FORMAL,
                    "the loss is formal; it can only be lifted at the counter"));
            }
            if (card.status == CARD_STATUS_REPLACEMENT_REQUESTED) {
                throw Refused(Refusal::precondition(REFUSAL_REASON_REPLACEMENT_REQUESTED,
                                                    "a replacement card has been requested"));
            }
            if (card.status != CARD_STATUS_TEMP_LOST)
                throw wrongState(card, "un-reporting a loss");
            requireFreshVerification(req->pin_verified_at(), req->has_pin_verified_at(), now,
                                     m_runner.policy().pinVerificationMaxAgeSeconds);
            changeStatus(tx, card, CARD_STATUS_ACTIVE, caller.identity.id,
                         "loss un-reported at terminal", now);
            *resp->mutable_card() = toCardInfo(card, person, now);
        });
}

grpc::Status CardServiceImpl::BeginPinReset(grpc::ServerContext* ctx,
                                            const BeginPinResetRequest* req,
                                            BeginPinResetResponse* resp) {
    const auto invalid = checks::check(*req);
    const std::string ssn = normalisedSsn(req->card().ssn());
    std::optional<PasswordPrecheck> pre;
    const auto prepare = [&](const Caller& caller) {
        pre = precheckPassword(m_runner.store(), m_runner.keys(), caller, ssn, std::nullopt,
                               req->second_factor(), {}, turnDeadline(*ctx));
    };
    return m_runner.mutate(
        ctx, "card.begin_pin_reset", req->request_id(), *req, resp, invalid,
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            auto [card, person] = requireCardAtTerminal(tx, caller, req->card(), subject, {});
            applyDueLift(tx, card, now);
            std::int64_t ops = 0;
            if (card.status == CARD_STATUS_ISSUED) {
                ops = kOpUnblock;
            } else if (card.status == CARD_STATUS_ACTIVE) {
                ops = kOpReload | kOpUnblock;
            } else {
                throw wrongState(card, "a PIN reset");
            }
            requireNotExpired(card, now);
            if (card.status == CARD_STATUS_ISSUED && person.servicePasswordHash.empty() &&
                !req->second_factor().has_fingerprint_verification_id()) {
                // An ISSUED card's holder has no service password yet: identity at the counter.
                throw Refused(Refusal::denied(REFUSAL_REASON_SECOND_FACTOR_FAILED,
                                              "no second factor is registered for this person"));
            }
            checkSecondFactor(tx, caller, m_runner, person, req->second_factor(),
                              VERIFICATION_PURPOSE_PIN_RESET, now, {}, pre);
            const std::string id = store::toHex(randomBytes(16));
            const std::int64_t expires =
                now + m_runner.policy().resetSessionSeconds * util::kMicrosPerSecond;
            tx.exec(
                "INSERT INTO pin_reset_sessions (id, terminal, card_number, operations, "
                "expires_at, "
                "cryptograms_left, closed) VALUES ($1, $2, $3, $4, $5, $6, 0)",
                {id, caller.key(), card.cardNumber, ops, expires,
                 static_cast<std::int64_t>(m_runner.policy().resetCryptograms)});
            resp->set_reset_session_id(id);
            setTimestamp(resp->mutable_expires_at(), expires);
            resp->set_cryptograms_allowed(m_runner.policy().resetCryptograms);
            if (ops & kOpReload)
                resp->add_allowed_operations(PIN_RESET_OPERATION_RELOAD);
            if (ops & kOpUnblock)
                resp->add_allowed_operations(PIN_RESET_OPERATION_UNBLOCK);
        },
        invalid ? std::nullopt : std::optional<RateLimited>(RateLimited{ssn}), prepare);
}

grpc::Status CardServiceImpl::ComputePinResetCryptogram(grpc::ServerContext* ctx,
                                                        const ComputePinResetCryptogramRequest* req,
                                                        ComputePinResetCryptogramResponse* resp) {
    // The stored outcome never holds the session key: the body only spends one of the
    // session's cryptograms, and the key is derived after the (possibly replayed) outcome.
    auto status = m_runner.mutate(
        ctx, "card.pin_reset_cryptogram", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireTouchTerminal(caller);
            const auto session = tx.queryOne(
                "SELECT terminal, card_number, operations, expires_at, cryptograms_left, closed "
                "FROM pin_reset_sessions WHERE id = $1" +
                    std::string(tx.forUpdate()),
                {req->reset_session_id()});
            if (!session || session->text(0) != caller.key())
                throw invalidResetSession("unknown reset session");
            if (session->integer(5) != 0 || session->integer(3) < now)
                throw invalidResetSession("reset session expired");
            if (session->integer(4) <= 0)
                throw invalidResetSession("no cryptograms left in this session");
            const auto card = loadCard(tx, session->text(1));
            if (!card || card->identifierHex != store::toHex(req->card_identifier())) {
                throw invalidResetSession("the session is for another card");
            }
            subject.ssn = card->ssn;
            const std::int64_t op =
                req->operation() == PIN_RESET_OPERATION_RELOAD ? kOpReload : kOpUnblock;
            if ((session->integer(2) & op) == 0)
                throw wrongState(*card, "this PIN reset operation");
            tx.exec(
                "UPDATE pin_reset_sessions SET cryptograms_left = cryptograms_left - 1, "
                "cryptograms_issued = cryptograms_issued + 1 WHERE id = $1",
                {req->reset_session_id()});
            resp->set_cryptograms_left(static_cast<int>(session->integer(4) - 1));
        });
    if (status.ok()) {
        const auto& id = req->card_identifier();
        const auto& ch = req->challenge();
        auto cardKey = drivers::sscard::deriveCardKey(
            m_runner.keys().masterKey(),
            {reinterpret_cast<const std::uint8_t*>(id.data()), id.size()});
        auto sessionKey = drivers::sscard::deriveSessionKey(
            cardKey, {reinterpret_cast<const std::uint8_t*>(ch.data()), ch.size()},
            req->operation() == PIN_RESET_OPERATION_RELOAD
                ? drivers::sscard::ResetOperation::Reload
                : drivers::sscard::ResetOperation::Unblock);
        resp->set_cryptogram(
            std::string(reinterpret_cast<const char*>(sessionKey.data()), sessionKey.size()));
        OPENSSL_cleanse(cardKey.data(), cardKey.size());
        OPENSSL_cleanse(sessionKey.data(), sessionKey.size());
    }
    return status;
}

grpc::Status CardServiceImpl::ReportPinResetResult(grpc::ServerContext* ctx,
                                                   const ReportPinResetResultRequest* req,
                                                   ReportPinResetResultResponse* resp) {
    return m_runner.mutate(
        ctx, "card.pin_reset_result", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            auto [card, person] =
                requireCardAtTerminal(tx, caller, req->card(), subject, {.sameRegion = false});
            const auto session = tx.queryOne(
                "SELECT terminal, card_number, operations, expires_at, closed, cryptograms_issued "
                "FROM pin_reset_sessions WHERE id = $1" +
                    std::string(tx.forUpdate()),
                {req->reset_session_id()});
            if (!session || session->text(0) != caller.key() ||
                session->text(1) != card.cardNumber) {
                throw invalidResetSession("unknown reset session, or another card");
            }
            // One result per session (a retry of it is answered from its request id), for an
            // operation the session allowed. After the expiry only if a cryptogram was issued:
            // then the card may have changed and the kiosk may have been offline to say so.
            if (session->integer(4) != 0)
                throw invalidResetSession("the result of this reset session was already reported");
            if (session->integer(3) < now && session->integer(5) == 0)
                throw invalidResetSession("reset session expired before any cryptogram");
            const std::int64_t op =
                req->operation() == PIN_RESET_OPERATION_RELOAD ? kOpReload : kOpUnblock;
            if ((session->integer(2) & op) == 0)
                throw wrongState(card, "this PIN reset operation");
            tx.exec("UPDATE pin_reset_sessions SET closed = 1 WHERE id = $1",
                    {req->reset_session_id()});
            const std::string what =
                req->operation() == PIN_RESET_OPERATION_RELOAD ? "PIN reset" : "PIN unblock";
            std::string sw = req->card_status_word().substr(0, 4);
            changeStatus(
                tx, card, card.status, caller.identity.id,
                what + (req->succeeded() ? " succeeded"
                                         : " failed (" + (sw.empty() ? "card pulled" : sw) + ")"),
                now);
            *resp->mutable_card() = toCardInfo(card, person, now);
        });
}

grpc::Status CardServiceImpl::GetCardHistory(grpc::ServerContext* ctx,
                                             const GetCardHistoryRequest* req,
                                             GetCardHistoryResponse* resp) {
    return m_runner.query(
        ctx, "card.get_history", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            auto [card, person] =
                requireCardAtTerminal(tx, caller, req->card(), subject, {.lockCard = false});
            requireFreshVerification(req->pin_verified_at(), req->has_pin_verified_at(), now,
                                     m_runner.policy().pinVerificationMaxAgeSeconds);
            std::vector<CardStatusChange> all;
            for (const auto& c : cardsOf(tx, person.ssn)) {
                *resp->add_cards() = toCardInfo(c, person, now);
                for (auto& h : historyOf(tx, c.cardNumber))
                    all.push_back(std::move(h));
            }
            std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
                return microsOf(a.at()) > microsOf(b.at());
            });
            for (auto& h : all)
                *resp->add_history() = std::move(h);
        });
}

}  // namespace renshe::services::backoffice
