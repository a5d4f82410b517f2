#include "services/backoffice/certification/certification_service.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <vector>

#include "drivers/sscard/id_number.hpp"
#include "drivers/util/clock.hpp"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/certification/checks.hpp"
#include "services/backoffice/certification/cycle.hpp"
#include "services/backoffice/certification/template_store.hpp"
#include "services/backoffice/certification/tickets.hpp"
#include "services/backoffice/rpc/keystore.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

const std::string kEventStatus = "certification.get_status";
const std::string kEventTemplates = "certification.get_templates";
const std::string kEventMatch = "certification.verify_match";
const std::string kEventNoMatch = "certification.verify_no_match";
const std::string kEventEnroll = "certification.enroll_fingerprint";
const std::string kEventIntegrity = "certification.template_integrity";
const std::string kEventReplaced = "certification.fingerprint_replaced";

// --- helpers -------------------------------------------------------------------------------

// Failed scans within the window, per ID number and per terminal; throws RATE_LIMITED at the
// limit. Returns how many more failures the person may have.
int requireScanBudget(store::Tx& tx, const Policy& policy, const Caller& caller,
                      const std::string& ssn, std::int64_t now) {
    auto count = [&](const char* column, const std::string& value, const Policy::Limit& limit,
                     const char* what) {
        const std::int64_t window = limit.windowSeconds * util::kMicrosPerSecond;
        const auto r = tx.queryOne(
            std::string("SELECT COUNT(*), MIN(recorded_at) FROM fingerprint_verifications "
                        "WHERE ") +
                column + " = $1 AND matched = 0 AND recorded_at > $2",
            {value, now - window});
        const std::int64_t failures = r ? r->integer(0) : 0;
        if (failures >= limit.max) {
            const std::int64_t oldest = r ? r->optionalInteger(1).value_or(now) : now;
            throw Refused(
                Refusal::rateLimited(retryAfterSeconds(oldest + window, now),
                                     std::string("too many failed fingerprint scans ") + what,
                                     std::string("fingerprint_failures_") + column));
        }
        return static_cast<int>(limit.max - failures);
    };
    count("terminal", caller.key(), policy.terminalFingerprintFailures, "at this terminal");
    return count("ssn", ssn, policy.ssnFingerprintFailures, "for this person");
}

std::string fetchBucket(const Caller& caller) {
    return "term-fptpl:" + caller.identity.id;
}

void requireFetchBudget(store::Tx& tx, const Policy& policy, const Caller& caller,
                        std::int64_t now) {
    const auto& limit = policy.terminalTemplateFetches;
    const auto row = tx.queryOne("SELECT window_start, count FROM rate_limits WHERE bucket = $1",
                                 {fetchBucket(caller)});
    if (!row)
        return;
    const std::int64_t windowEnd = row->integer(0) + limit.windowSeconds * util::kMicrosPerSecond;
    if (now < windowEnd && row->integer(1) >= limit.max) {
        throw Refused(Refusal::rateLimited(retryAfterSeconds(windowEnd, now),
                                           "too many template fetches at this terminal",
                                           "template_fetches"));
    }
}

struct Wiped {
    std::vector<templates::Entry>& entries;
    ~Wiped() { templates::wipe(entries); }
};

std::string fingerNames(const std::vector<Finger>& fingers) {
    std::string out;
    for (auto f : fingers) {
        if (!out.empty())
            out += ',';
        out += Finger_Name(f);
    }
    return out;
}

// The enrolled template the scan was checked against: refused when there is none, when the
// scanning sensor's driver suits no template or not that finger's, or when it is damaged
// (then named in `damaged`).
void requireScannedTemplate(const std::vector<templates::Entry>& enrolled,
                            const RecordVerificationResultRequest& req,
                            std::vector<Finger>& damaged) {
    if (enrolled.empty()) {
        throw Refused(Refusal::precondition(
            REFUSAL_REASON_NOT_ENROLLED, "no fingerprint templates are enrolled for this person"));
    }
    const std::string& driver = req.device().driver();
    if (std::none_of(enrolled.begin(), enrolled.end(),
                     [&](const templates::Entry& e) { return e.device.driver() == driver; })) {
        throw Refused(
            Refusal::precondition(REFUSAL_REASON_TEMPLATE_INCOMPATIBLE,
                                  "the scanning sensor's driver matches no enrolled template"));
    }
    const auto tried =
        std::find_if(enrolled.begin(), enrolled.end(),
                     [&](const templates::Entry& e) { return e.finger == req.finger(); });
    if (tried == enrolled.end()) {
        throw Refused(
            Refusal::precondition(REFUSAL_REASON_NOT_ENROLLED, "that finger is not enrolled"));
    }
    if (tried->device.driver() != driver) {
        throw Refused(Refusal::precondition(REFUSAL_REASON_TEMPLATE_INCOMPATIBLE,
                                            "that finger was enrolled on another sensor type"));
    }
    if (!tried->print) {
        damaged.push_back(tried->finger);
        throw Refused(Refusal::precondition(
            REFUSAL_REASON_NOT_ENROLLED,
            "the stored template failed its integrity check; re-enrol at the counter"));
    }
}

// A terminal asking about a person outside its region gets the answer an unknown person or
// card gets: no "registered elsewhere" oracle. (Staff keep OUTSIDE_REGION.)
void requireInRegionOrUnknown(const Caller& caller, const PersonRef& ref,
                              const std::string& region) {
    if (caller.isStaff() || inRegion(caller, region))
        return;
    throw Refused(
        ref.has_card_number()
            ? Refusal::notFound(REFUSAL_REASON_UNKNOWN_CARD, "no such card in the registry")
            : Refusal::notFound(REFUSAL_REASON_UNKNOWN_PERSON, "no such person in the registry"));
}

}  // namespace

CertificationStatus statusProto(const Certification& c, const PersonRow& person,
                                const std::vector<templates::Entry>& enrolled) {
    CertificationStatus s;
    s.set_state(c.state);
    s.set_pension(c.pension);
    if (!c.certifiedUntil.empty())
        *s.mutable_certified_until() = dateProto(c.certifiedUntil);
    if (c.lastCertifiedAt != 0)
        setTimestamp(s.mutable_last_certified_at(), c.lastCertifiedAt);
    for (const auto& e : enrolled)
        s.add_enrolled_fingers(e.finger);
    s.mutable_person()->set_masked_ssn(drivers::sscard::maskIdNumber(person.ssn));
    s.mutable_person()->set_masked_name(drivers::sscard::maskName(person.name));
    return s;
}

namespace {

// The matched verification `verificationId` of this terminal for `ssn` and `purpose`, still
// usable at `now`; `spent` says whether an earlier use counts against it. Throws Refused.
void requireUsableMatch(store::Tx& tx, const Caller& caller, const std::string& ssn,
                        const std::string& verificationId, VerificationPurpose purpose,
                        std::int64_t now, bool spent) {
    const auto v = tx.queryOne(
        "SELECT ssn, terminal, purpose, matched, usable_until, used_at "
        "FROM fingerprint_verifications WHERE id = $1" +
            std::string(spent ? tx.forUpdate() : ""),
        {verificationId});
    if (!v || v->integer(3) == 0 || v->isNull(4)) {
        throw Refused(Refusal::denied(REFUSAL_REASON_SECOND_FACTOR_FAILED,
                                      "no such matched fingerprint verification"));
    }
    auto stale = [](const std::string& why) {
        return Refused(Refusal::precondition(REFUSAL_REASON_VERIFICATION_STALE,
                                             "the fingerprint verification " + why));
    };
    if (v->text(0) != ssn)
        throw stale("is for someone else");
    if (v->text(1) != caller.key())
        throw stale("was recorded at another terminal");
    if (v->integer(2) != static_cast<std::int64_t>(purpose))
        throw stale("was recorded for another purpose");
    if (spent && !v->isNull(5))
        throw stale("was already used");
    if (v->integer(4) < now)
        throw stale("is too old");
}

}  // namespace

void consumeFingerprintFactor(store::Tx& tx, const Caller& caller, const std::string& ssn,
                              const std::string& verificationId, VerificationPurpose purpose,
                              std::int64_t now) {
    if (!tx.queryOne("SELECT finger FROM fingerprint_templates WHERE ssn = $1 LIMIT 1", {ssn})) {
        throw Refused(Refusal::precondition(
            REFUSAL_REASON_NOT_ENROLLED, "no fingerprint templates are enrolled for this person"));
    }
    requireUsableMatch(tx, caller, ssn, verificationId, purpose, now, true);
    if (tx.exec(
            "UPDATE fingerprint_verifications SET used_at = $1 WHERE id = $2 AND used_at IS NULL",
            {now, verificationId}) != 1) {
        throw Refused(Refusal::precondition(REFUSAL_REASON_VERIFICATION_STALE,
                                            "the fingerprint verification was already used"));
    }
}

void requireFingerprintMatch(store::Tx& tx, const Caller& caller, const std::string& ssn,
                             const std::string& verificationId, VerificationPurpose purpose,
                             std::int64_t now) {
    requireUsableMatch(tx, caller, ssn, verificationId, purpose, now, false);
}

grpc::Status CertificationServiceImpl::GetCertificationStatus(
    grpc::ServerContext* ctx, const GetCertificationStatusRequest* req,
    GetCertificationStatusResponse* resp) {
    // Whether a person's pension is paid is personal: a terminal learns it only for persons
    // of its region (anyone else answers as unknown: no "registered elsewhere" oracle), at
    // most terminalStatusLookups an hour, and every answer is audited, not only refusals.
    // The look-up's audit event and budget are written before the answer (AfterRead), so the
    // call's metrics and log line say how long the whole look-up took and how it ended.
    const auto audited = [&](const Caller& who, const Subject& about) -> std::optional<Refusal> {
        std::optional<Refusal> overBudget;
        m_runner.auditedWrite([&](store::Tx& tx) {
            const std::int64_t now = m_runner.clock().nowMicros();
            overBudget.reset();
            if (!who.isStaff()) {
                overBudget = takeBudget(tx, "term-certstatus:" + who.identity.id,
                                        m_runner.policy().terminalStatusLookups, now,
                                        "certification status look-ups at this terminal");
            }
            m_runner.auditInTx(tx, &who, kEventStatus, about,
                               overBudget ? RefusalReason_Name(overBudget->reason) : "OK", "", now);
        });
        return overBudget;
    };
    auto status = m_runner.query(
        ctx, kEventStatus, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            requireTouchOrStaff(caller);
            const PersonRow person = resolvePerson(tx, req->person(), subject, false);
            requireInRegionOrUnknown(caller, req->person(), person.region);
            requireRegion(caller, person.region);
            *resp->mutable_status() =
                statusProto(certificationOf(tx, m_runner.policy(), person, now), person,
                            templates::list(tx, person.ssn));
        },
        audited);
    if (!status.ok())
        resp->Clear();  // nothing of a refused or failed look-up is sent
    return status;
}

grpc::Status CertificationServiceImpl::GetTemplatesForVerify(
    grpc::ServerContext* ctx, const GetTemplatesForVerifyRequest* req,
    GetTemplatesForVerifyResponse* resp) {
    // A read, so MutationRunner::query audits only refusals; a successful fetch of biometric
    // templates is audited below, and nothing is sent unless that audit event is durable.
    std::optional<Caller> who;
    Subject about;
    std::vector<Finger> damaged;
    auto status = m_runner.query(
        ctx, kEventTemplates, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            who = caller;
            about = Subject{};
            damaged.clear();
            requireTouchTerminal(caller);
            const PersonRow person = resolvePerson(tx, req->person(), subject, false);
            about = subject;
            requireInRegionOrUnknown(caller, req->person(), person.region);
            requireFetchBudget(tx, m_runner.policy(), caller, now);
            requireScanBudget(tx, m_runner.policy(), caller, person.ssn, now);
            if (req->purpose() == VERIFICATION_PURPOSE_CERTIFICATION &&
                certificationOf(tx, m_runner.policy(), person, now).state ==
                    CERTIFICATION_STATE_NOT_REQUIRED) {
                throw Refused(Refusal::precondition(REFUSAL_REASON_NOT_A_RETIREE,
                                                    "no certification is required"));
            }
            auto enrolled = templates::load(tx, m_runner.keys(), person.ssn);
            Wiped wiped{enrolled};
            if (enrolled.empty()) {
                throw Refused(
                    Refusal::precondition(REFUSAL_REASON_NOT_ENROLLED,
                                          "no fingerprint templates are enrolled for this person"));
            }
            int incompatible = 0;
            for (const auto& e : enrolled) {
                if (!e.print) {
                    damaged.push_back(e.finger);
                } else if (e.device.driver() != req->sensor().driver()) {
                    ++incompatible;
                } else {
                    auto* t = resp->add_templates();
                    t->set_finger(e.finger);
                    *t->mutable_device() = e.device;
                    t->set_serialized_print(*e.print);
                    setTimestamp(t->mutable_enrolled_at(), e.enrolledAt);
                }
            }
            resp->set_incompatible_count(incompatible);
            if (resp->templates_size() == 0) {
                if (incompatible > 0) {
                    throw Refused(
                        Refusal::precondition(REFUSAL_REASON_TEMPLATE_INCOMPATIBLE,
                                              "every usable template is from another sensor type"));
                }
                throw Refused(Refusal::precondition(
                    REFUSAL_REASON_NOT_ENROLLED,
                    "the stored templates failed their integrity check; re-enrol at the counter"));
            }
        });
    auto wipeResponse = [&] {
        for (auto& t : *resp->mutable_templates())
            OPENSSL_cleanse(t.mutable_serialized_print()->data(), t.serialized_print().size());
        resp->Clear();
    };
    if (!status.ok())
        wipeResponse();  // never sent with a refusal, and not kept either
    if (!who || (!status.ok() && damaged.empty()))
        return status;
    if (!damaged.empty()) {
        m_runner.log("{\"level\":\"warn\",\"event\":\"template_integrity\",\"subject\":\"" +
                     about.masked() + "\",\"fingers\":\"" + fingerNames(damaged) + "\"}");
    }
    std::optional<Refusal> overBudget;
    try {
        m_runner.auditedWrite([&](store::Tx& tx) {
            overBudget.reset();
            const std::int64_t now = m_runner.clock().nowMicros();
            for (std::size_t i = 0; i < damaged.size(); ++i) {
                m_runner.auditInTx(tx, &*who, kEventIntegrity, about, "TEMPLATE_DECRYPT_FAILED", "",
                                   now);
            }
            if (!status.ok())
                return;
            // The read above refused a terminal already over its budget; this counts the fetch
            // atomically, so parallel fetches cannot all slip under it.
            overBudget =
                takeBudget(tx, fetchBucket(*who), m_runner.policy().terminalTemplateFetches, now,
                           "template fetches at this terminal");
            if (overBudget) {
                m_runner.auditInTx(tx, &*who, kEventTemplates, about,
                                   RefusalReason_Name(overBudget->reason), "", now);
                return;
            }
            m_runner.auditInTx(tx, &*who, kEventTemplates, about, "OK", "", now);
            std::int64_t expiresAt = 0;
            resp->set_ticket(issueTicket(tx, *who, m_runner.keys().subjectDigest(about.ssn),
                                         req->purpose(), now, &expiresAt));
            setTimestamp(resp->mutable_ticket_expires_at(), expiresAt);
        });
    } catch (const std::exception&) {
        m_runner.log(
            "{\"level\":\"error\",\"event\":\"store\",\"error\":\"audit of a template fetch "
            "failed\"}");
        if (status.ok()) {
            wipeResponse();
            return grpc::Status(grpc::StatusCode::UNAVAILABLE, "storage unavailable; retry");
        }
    }
    if (overBudget) {
        wipeResponse();
        return m_runner.finish(ctx, *overBudget);
    }
    return status;
}

grpc::Status CertificationServiceImpl::RecordVerificationResult(
    grpc::ServerContext* ctx, const RecordVerificationResultRequest* req,
    RecordVerificationResultResponse* resp) {
    std::optional<Caller> who;
    Subject about;
    std::vector<Finger> damaged;
    auto status = m_runner.mutate(
        ctx, req->matched() ? kEventMatch : kEventNoMatch, req->request_id(), *req, resp,
        checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            who = caller;
            damaged.clear();
            requireTouchTerminal(caller);
            // The person's row lock serialises certifications of one person (PostgreSQL).
            const PersonRow person = resolvePerson(tx, req->person(), subject, true);
            about = subject;
            requireInRegionOrUnknown(caller, req->person(), person.region);
            const Policy& policy = m_runner.policy();
            const VerificationPurpose purpose = req->purpose();
            const Certification before = certificationOf(tx, policy, person, now);
            if (purpose == VERIFICATION_PURPOSE_CERTIFICATION &&
                before.state == CERTIFICATION_STATE_NOT_REQUIRED) {
                throw Refused(Refusal::precondition(REFUSAL_REASON_NOT_A_RETIREE,
                                                    "no certification is required"));
            }
            // Only a result that follows this terminal's template fetch for this person counts:
            // a terminal key alone cannot certify anyone.
            useTicket(tx, req->ticket(), caller, m_runner.keys().subjectDigest(person.ssn), purpose,
                      req->matched(), now);
            const int failuresLeft = requireScanBudget(tx, policy, caller, person.ssn, now);
            auto enrolled = templates::load(tx, m_runner.keys(), person.ssn);
            Wiped wiped{enrolled};
            requireScannedTemplate(enrolled, *req, damaged);
            const std::string& driver = req->device().driver();

            const std::string id = store::toHex(randomBytes(16));
            const bool factor = req->matched() && purpose != VERIFICATION_PURPOSE_CERTIFICATION;
            tx.exec(
                "INSERT INTO fingerprint_verifications (id, ssn, terminal, request_id, purpose, "
                "matched, finger, "
                "attempt, driver, device_id, scan_started_at, scanned_at, recorded_at, "
                "usable_until, used_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, NULL)",
                {id, person.ssn, caller.key(), req->request_id(),
                 static_cast<std::int64_t>(purpose),
                 static_cast<std::int64_t>(req->matched() ? 1 : 0),
                 static_cast<std::int64_t>(req->finger()),
                 static_cast<std::int64_t>(req->attempt()), driver, req->device().device_id(),
                 req->has_scan_started_at() ? store::Value(microsOf(req->scan_started_at()))
                                            : store::Value(nullptr),
                 req->has_scanned_at() ? store::Value(microsOf(req->scanned_at()))
                                       : store::Value(nullptr),
                 now,
                 factor
                     ? store::Value(now + policy.fingerprintFactorSeconds * util::kMicrosPerSecond)
                     : store::Value(nullptr)});

            int attemptsLeft = checks::kAttemptsPerSession - req->attempt();
            if (!req->matched())
                attemptsLeft = std::min(attemptsLeft, failuresLeft - 1);  // this failure counts
            resp->set_attempts_left(std::max(attemptsLeft, 0));
            Certification after = before;
            if (req->matched() && purpose == VERIFICATION_PURPOSE_CERTIFICATION) {
                // A ceiling per terminal: a hall certifies tens a day, a stolen key would
                // certify as fast as it can. Reaching it is a refusal, audited and counted.
                if (auto over = takeBudget(tx, "term-cert:" + caller.identity.id,
                                           policy.terminalCertifications, now,
                                           "certifications at this terminal")) {
                    m_runner.log(
                        "{\"level\":\"warn\",\"event\":\"certification_ceiling\","
                        "\"terminal\":\"" +
                        caller.identity.id + "\"}");
                    throw Refused(*over);
                }
                const bool resumed = before.state == CERTIFICATION_STATE_OVERDUE;
                tx.exec(
                    "INSERT INTO certifications (verification_id, ssn, certified_at, terminal, "
                    "previous_deadline, "
                    "resumed, suspended_since) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    {id, person.ssn, now, caller.key(), before.deadline,
                     static_cast<std::int64_t>(resumed ? 1 : 0),
                     resumed ? store::Value(before.deadline) : store::Value(nullptr)});
                resp->set_pension_resumed(resumed);
                resp->set_back_pay_due(resumed);
                after = certificationOf(tx, policy, person, now);
            }
            if (factor)
                resp->set_verification_id(id);
            *resp->mutable_status() = statusProto(after, person, enrolled);
        });
    if (who && !damaged.empty()) {
        m_runner.log("{\"level\":\"warn\",\"event\":\"template_integrity\",\"subject\":\"" +
                     about.masked() + "\",\"fingers\":\"" + fingerNames(damaged) + "\"}");
        try {
            m_runner.auditedWrite([&](store::Tx& tx) {
                m_runner.auditInTx(tx, &*who, kEventIntegrity, about, "TEMPLATE_DECRYPT_FAILED",
                                   req->request_id(), m_runner.clock().nowMicros());
            });
        } catch (const std::exception&) {
            // The refusal itself is audited; the warning above is in the log.
        }
    }
    return status;
}

grpc::Status CertificationServiceImpl::EnrollFingerprint(grpc::ServerContext* ctx,
                                                         const EnrollFingerprintRequest* req,
                                                         EnrollFingerprintResponse* resp) {
    return m_runner.mutate(
        ctx, kEventEnroll, req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireStaff(caller);
            const PersonRow person = resolvePerson(tx, req->person(), subject, true);
            requireRegion(caller, person.region);
            const auto enrolled = templates::list(tx, person.ssn);
            const bool exists =
                std::any_of(enrolled.begin(), enrolled.end(),
                            [&](const templates::Entry& e) { return e.finger == req->finger(); });
            if (exists && !req->replace_existing()) {
                throw Refused({grpc::StatusCode::ALREADY_EXISTS, REFUSAL_REASON_ALREADY_EXISTS,
                               "that finger is already enrolled; ask to replace it"});
            }
            templates::put(tx, m_runner.keys(), person.ssn, req->finger(), req->serialized_print(),
                           req->device(), caller.identity.id, now);
            if (exists) {
                // 重新登记: which finger was replaced and why, beside the enrolment's own event.
                m_runner.auditInTx(
                    tx, &caller, kEventReplaced, subject,
                    Finger_Name(req->finger()) + ": " +
                        (req->reason().empty() ? "(no reason given)" : req->reason()),
                    req->request_id(), now);
            }
            for (const auto& e : templates::list(tx, person.ssn))
                resp->add_enrolled_fingers(e.finger);
        });
}

}  // namespace renshe::services::backoffice
