#include "kiosk/card/flows.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>

#include "drivers/pcsc/pcsc.hpp"
#include "services/pki/sealing.hpp"

namespace renshe::kiosk::card {

namespace sscard = drivers::sscard;
namespace client = services::client;
using namespace renshe::v1;

namespace {

// A PIN change the card has made must reach the back office: a few quick tries with the same
// request id before the report goes to the outbox.
constexpr int kReportAttempts = 3;
constexpr const char* kReportPinChangedMethod = "/renshe.v1.CardService/ReportPinChanged";
constexpr const char* kReportPinResetResultMethod = "/renshe.v1.CardService/ReportPinResetResult";

Outcome failed(MessageId message) {
    Outcome out;
    out.error = true;
    out.message = message;
    return out;
}

// The card answered a PIN command with something other than 9000.
Outcome cardSaid(const sscard::PinResult& r) {
    Outcome out = failed(MessageId::CardRefused);
    switch (r.status) {
        case sscard::PinResult::Status::Wrong:
            out.message = MessageId::PinWrong;
            break;
        case sscard::PinResult::Status::Blocked:
            out.message = MessageId::PinBlocked;
            break;
        case sscard::PinResult::Status::Refused:
        case sscard::PinResult::Status::Ok:
            break;
    }
    out.pin = r;
    return out;
}

// The back office did not give what was asked: unreachable, or a refusal with its reason.
Outcome backOfficeSaid(const client::CallResult& r) {
    if (r.transient())
        return failed(MessageId::NetworkDown);
    Outcome out = failed(MessageId::Refusal);
    out.refusal = r.refusal;
    out.retryAfterSeconds = r.retryAfterSeconds;
    return out;
}

// Secrets are checked by CardSession before a flow starts; a malformed one here is a bug, and
// nothing is sent.
Outcome malformedSecret() {
    Outcome out = failed(MessageId::Refusal);
    out.diagnostic = "a PIN given to the card flow is not 6 digits";
    return out;
}

// Runs one flow: the secrets are wiped whatever happens, and a card that leaves or fails
// ends it with CardPulled (the session opening is guarded the same way by the caller).
template <class Body>
Outcome guarded(Secrets& secrets, Body&& body) {
    struct WipeOnExit {
        Secrets& secrets;
        ~WipeOnExit() { secrets.wipeAll(); }
    } wipeOnExit{secrets};
    try {
        return body();
    } catch (const drivers::pcsc::CardRemoved&) {
        return Outcome::cardPulled();
    } catch (const sscard::PinChangeOutcomeUnknown&) {
        return Outcome::cardPulled();
    } catch (const std::exception& e) {
        return Outcome::cardPulled(e.what());
    }
}

// VERIFY with the holder's PIN; nullopt when the card accepted it, else the flow's outcome.
std::optional<Outcome> pinRefused(CardPort& card, const sscard::Pin& pin) {
    const auto r = card.verifyPin(pin);
    if (r.status == sscard::PinResult::Status::Ok)
        return std::nullopt;
    return cardSaid(r);
}

// VERIFY with secrets.currentPin: nothing when the card accepted it, else the outcome to end
// the flow with (a malformed PIN never reaches the card).
std::optional<Outcome> holderRefused(CardPort& card, const Secrets& secrets) {
    const auto pin = sscard::Pin::fromDigits(secrets.currentPin);
    if (!pin)
        return malformedSecret();
    return pinRefused(card, *pin);
}

// The service password of an activation, sealed to the back office with `key`; in clear only
// when the back office has no sealing key at all (it said so just now).
void setActivationPassword(ReportPinChangedRequest& req,
                           const std::optional<GetSealingKeyResponse>& key,
                           const InsertedCard& inserted, const std::string& password) {
    if (!key) {
        req.set_service_password(password);
        return;
    }
    const auto s =
        services::pki::seal(key->public_key(), password, req.request_id() + '\0' + inserted.ssn());
    auto* out = req.mutable_sealed_service_password();
    out->set_key_id(key->key_id());
    out->set_ephemeral_public_key(s.ephemeralPublicKey);
    out->set_nonce(s.nonce);
    out->set_ciphertext(s.ciphertext);
}

// Before an activation touches the card: the sealing key, held or fetched now, so that the
// report can wait in the outbox without the password in clear. A back office that cannot be
// asked stops the activation here, with the card unchanged (it would otherwise have to queue
// the password in clear); one that answers it has no key gets the password in clear.
std::optional<Outcome> sealingKeyForActivation(CardBackOffice& backOffice,
                                               std::optional<GetSealingKeyResponse>& key) {
    const auto reply = backOffice.getSealingKey();
    if (reply.result.ok()) {
        key = reply.response;
        return std::nullopt;
    }
    if (reply.result.transient())
        return failed(MessageId::NetworkDown);
    return std::nullopt;
}

Outcome changeAndReport(bool activation, CardPort& card, CardBackOffice& backOffice,
                        OutboxPort* outbox, const InsertedCard& inserted, Secrets& secrets,
                        const Clock& clock) {
    const auto oldPin = sscard::Pin::fromDigits(activation ? kInitialPin : secrets.currentPin);
    const auto newPin = sscard::Pin::fromDigits(secrets.newPin);
    if (!oldPin || !newPin)
        return malformedSecret();
    std::optional<GetSealingKeyResponse> sealingKey;
    if (activation) {
        if (auto stop = sealingKeyForActivation(backOffice, sealingKey))
            return std::move(*stop);
    }
    const auto r = card.changePin(*oldPin, *newPin);
    if (r.status != sscard::PinResult::Status::Ok) {
        Outcome out = cardSaid(r);
        // At activation a wrong "current" PIN means someone already changed the initial one.
        if (activation && r.status == sscard::PinResult::Status::Wrong)
            out.message = MessageId::InitialPinChanged;
        return out;
    }
    ReportPinChangedRequest req;
    req.set_request_id(client::newRequestId());
    *req.mutable_card() = inserted;
    req.set_kind(activation ? PIN_CHANGE_KIND_ACTIVATION : PIN_CHANGE_KIND_CHANGE);
    if (activation)
        setActivationPassword(req, sealingKey, inserted, secrets.servicePassword);
    *req.mutable_changed_at() = timestampOf(clock());
    Reply<ReportPinChangedResponse> reply;
    for (int attempt = 0; attempt < kReportAttempts; ++attempt) {  // the same request id each time
        reply = backOffice.reportPinChanged(req);
        if (!reply.result.transient())
            break;
    }
    Outcome out;
    if (reply.result.transient() && outbox) {
        // The card has changed; the back office hears of it from the outbox, with this
        // request id, as soon as it is reachable.
        std::string serialized = req.SerializeAsString();
        outbox->enqueue(kReportPinChangedMethod, req.request_id(), serialized);
        wipe(serialized);
        out.done = true;
        out.message = activation ? MessageId::ActivatedPending : MessageId::PinChanged;
    } else if (!reply.result.ok()) {
        // A change on an active card is only an audit record; an activation the back office
        // never heard of leaves the card unusable until staff fix it.
        out.error = activation;
        out.message = activation ? MessageId::CardChangedButNotReported : MessageId::PinChanged;
        out.refusal = reply.result.refusal;
        out.retryAfterSeconds = reply.result.retryAfterSeconds;
    } else {
        out.done = true;
        out.info = reply.response.card();
        out.message = activation ? MessageId::Activated : MessageId::PinChanged;
    }
    wipe(*req.mutable_service_password());
    return out;
}

// After the cryptogram: RELOAD PIN, then the card's answer to the back office.
Outcome reloadAndReport(CardPort& card, CardBackOffice& backOffice, OutboxPort* outbox,
                        const InsertedCard& inserted, const std::string& resetSession,
                        std::string& cryptogram, const sscard::Pin& newPin) {
    sscard::Key key{};
    std::copy_n(cryptogram.begin(), key.size(), key.begin());
    wipe(cryptogram);
    sscard::PinResult r{};
    try {
        r = card.reloadPin(key, newPin);
    } catch (...) {
        key.fill(0);
        throw;
    }
    key.fill(0);
    const bool succeeded = r.status == sscard::PinResult::Status::Ok;
    ReportPinResetResultRequest rep;
    rep.set_request_id(client::newRequestId());
    rep.set_reset_session_id(resetSession);
    *rep.mutable_card() = inserted;
    rep.set_operation(PIN_RESET_OPERATION_RELOAD);
    rep.set_succeeded(succeeded);
    rep.set_card_status_word(statusWordText(r.statusWord));
    const auto reported = backOffice.reportPinResetResult(rep);
    if (reported.result.transient() && outbox) {
        outbox->enqueue(kReportPinResetResultMethod, rep.request_id(), rep.SerializeAsString());
    }
    if (!succeeded)
        return cardSaid(r);
    Outcome out;
    out.done = true;
    out.message = MessageId::Reset;
    if (reported.result.ok())
        out.info = reported.response.card();
    return out;
}

}  // namespace

Outcome Outcome::cardPulled(std::string diagnostic) {
    Outcome out = failed(MessageId::CardPulled);
    out.diagnostic = std::move(diagnostic);
    return out;
}

std::chrono::system_clock::time_point systemClock() {
    return std::chrono::system_clock::now();
}

std::string statusWordText(std::uint16_t statusWord) {
    char text[5];
    std::snprintf(text, sizeof text, "%04X", static_cast<unsigned>(statusWord));
    return text;
}

Outcome activate(CardPort& card, CardBackOffice& backOffice, OutboxPort* outbox,
                 const InsertedCard& inserted, Secrets& secrets, const Clock& clock) {
    return guarded(secrets, [&] {
        return changeAndReport(true, card, backOffice, outbox, inserted, secrets, clock);
    });
}

Outcome changePin(CardPort& card, CardBackOffice& backOffice, OutboxPort* outbox,
                  const InsertedCard& inserted, Secrets& secrets, const Clock& clock) {
    return guarded(secrets, [&] {
        return changeAndReport(false, card, backOffice, outbox, inserted, secrets, clock);
    });
}

Outcome unreport(CardPort& card, CardBackOffice& backOffice, OutboxPort* /*outbox*/,
                 const InsertedCard& inserted, Secrets& secrets, const Clock& clock) {
    return guarded(secrets, [&] {
        if (auto refused = holderRefused(card, secrets))
            return std::move(*refused);
        UnreportLossRequest req;
        req.set_request_id(client::newRequestId());
        *req.mutable_card() = inserted;
        *req.mutable_pin_verified_at() = timestampOf(clock());
        const auto reply = backOffice.unreportLoss(req);
        if (!reply.result.ok())
            return backOfficeSaid(reply.result);
        Outcome out;
        out.done = true;
        out.info = reply.response.card();
        out.message = MessageId::Unreported;
        return out;
    });
}

Outcome verifyHolder(CardPort& card, Secrets& secrets, const Clock& clock) {
    return guarded(secrets, [&] {
        if (auto refused = holderRefused(card, secrets))
            return std::move(*refused);
        Outcome out;
        out.verifiedAt = clock();
        return out;
    });
}

Outcome resetPin(CardPort& card, CardBackOffice& backOffice, OutboxPort* outbox,
                 const InsertedCard& inserted, Secrets& secrets, const Clock& /*clock*/) {
    return guarded(secrets, [&] {
        const auto newPin = sscard::Pin::fromDigits(secrets.newPin);
        if (!newPin)
            return malformedSecret();
        BeginPinResetRequest begin;
        begin.set_request_id(client::newRequestId());
        *begin.mutable_card() = inserted;
        begin.mutable_second_factor()->set_service_password(secrets.servicePassword);
        const auto session = backOffice.beginPinReset(begin);
        wipe(*begin.mutable_second_factor()->mutable_service_password());
        if (!session.result.ok())
            return backOfficeSaid(session.result);

        const auto challenge = card.getChallenge();
        ComputePinResetCryptogramRequest creq;
        creq.set_request_id(client::newRequestId());
        creq.set_reset_session_id(session.response.reset_session_id());
        creq.set_card_identifier(inserted.card_identifier());
        creq.set_challenge(std::string(challenge.begin(), challenge.end()));
        creq.set_operation(PIN_RESET_OPERATION_RELOAD);
        auto cryptogram = backOffice.computePinResetCryptogram(creq);
        std::string& sessionKey = *cryptogram.response.mutable_cryptogram();
        if (!cryptogram.result.ok()) {
            wipe(sessionKey);
            return backOfficeSaid(cryptogram.result);
        }
        if (sessionKey.size() != sscard::Key().size()) {
            // Nothing the card could use: told like a refusal without a reason, and the card
            // is not touched.
            wipe(sessionKey);
            return failed(MessageId::Refusal);
        }
        return reloadAndReport(card, backOffice, outbox, inserted,
                               session.response.reset_session_id(), sessionKey, *newPin);
    });
}

Outcome queryHistory(CardPort& card, CardBackOffice& backOffice, OutboxPort* /*outbox*/,
                     const InsertedCard& inserted, Secrets& secrets, const Clock& clock) {
    return guarded(secrets, [&] {
        if (auto refused = holderRefused(card, secrets))
            return std::move(*refused);
        GetCardHistoryRequest req;
        *req.mutable_card() = inserted;
        *req.mutable_pin_verified_at() = timestampOf(clock());
        const auto reply = backOffice.getCardHistory(req);
        if (!reply.result.ok())
            return backOfficeSaid(reply.result);
        Outcome out;
        for (const auto& h : reply.response.history()) {
            out.history.push_back(
                {h.at().seconds(), h.card_number(), h.from_status(), h.to_status()});
        }
        out.done = true;
        out.message = MessageId::Queried;
        return out;
    });
}

Outcome queryRecords(CardPort& card, RecordsBackOffice& backOffice, const InsertedCard& inserted,
                     Secrets& secrets, const Clock& clock, int year) {
    return guarded(secrets, [&] {
        if (auto refused = holderRefused(card, secrets))
            return std::move(*refused);
        RecordsData data;
        const auto result =
            fetchRecords(backOffice, cardHolder(inserted, clock()), year, true, data);
        if (!result.ok())
            return backOfficeSaid(result);
        Outcome out;
        out.done = true;
        out.message = MessageId::RecordsFound;
        out.records = std::move(data);
        return out;
    });
}

}  // namespace renshe::kiosk::card
