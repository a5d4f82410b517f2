// renshe.v1.CertificationService: pension eligibility certification (养老金领取资格认证) by
// fingerprint, face-to-face enrolment (见面登记), and the fingerprint second factor of loss
// reports and PIN resets.
//
// Rules, as implemented here (proto/renshe/v1/certification.proto is the contract):
// - Certification state is derived from stored dates when read (no timer): a retiree is a
//   person whose persons.pension_first_payment is set and not in the future (else
//   NOT_REQUIRED / pension NONE, and NOT_A_RETIREE for purpose CERTIFICATION). The first
//   cycle ends one year after the first payment; after a certification it ends one cycle
//   (Policy::certificationCycleMonths, default 12; or certificationCycleSeconds for tests)
//   after the last certification. certified_until is the cycle's last day (China Standard
//   Time); DUE within the last month of the cycle (the last twelfth of a cycle given in
//   seconds); OVERDUE from the day after → pension SUSPENDED. A CERTIFICATION match starts a
//   new cycle from the moment of the match; if the person was OVERDUE the pension is resumed
//   and back pay (from the first suspended day, kept in the certifications row) is flagged.
// - Templates go only to touch terminals of the person's region, only for the person the
//   request names (from the card read or the ID number typed in), and every fetch is audited
//   ("certification.get_templates"), successful or not. The server leaves out templates whose
//   driver differs from the terminal's sensor (incompatible_count) and refuses with
//   TEMPLATE_INCOMPATIBLE when none is left; the kiosk still checks fp_print_compatible
//   locally (which also compares the device id, e.g. for match-on-chip sensors).
// - A template that fails authentication when decrypted (edited ciphertext, rows swapped
//   between persons or fingers, driver/device columns changed, another key) is never sent:
//   it is left out, an audit event "certification.template_integrity" with outcome
//   TEMPLATE_DECRYPT_FAILED is appended and a warning logged; when no usable template is left
//   the RPC refuses FAILED_PRECONDITION NOT_ENROLLED (the person must re-enrol at the counter).
// - Every reported scan is a row (device, driver, terminal, terminal clock) and an audit
//   event "certification.verify_match" or "certification.verify_no_match". The kiosk allows 3
//   failed scans per session; the server also limits failed scans per ID number
//   (Policy::ssnFingerprintFailures, default 9 an hour = three sessions) and per terminal
//   (terminalFingerprintFailures, 60 an hour), and template fetches per terminal
//   (terminalTemplateFetches, 120 an hour): RESOURCE_EXHAUSTED RATE_LIMITED with
//   renshe-retry-after. attempts_left also drops to 0 when the per-person limit is reached.
// - A match with purpose LOSS_REPORT or PIN_RESET yields a verification id that the same
//   terminal can spend once, for the same person and the same purpose, within
//   Policy::fingerprintFactorSeconds (default 300), as SecondFactor.fingerprint_verification_id.
//   A match with purpose RECORDS yields one that opens that person's records (我的社保) at the
//   same terminal, as often as needed within the same window (records/reading.hpp).
#pragma once

#include <cstdint>
#include <string>

#include "renshe/v1/certification.grpc.pb.h"
#include "services/backoffice/certification/cycle.hpp"
#include "services/backoffice/certification/template_store.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

class CertificationServiceImpl final : public renshe::v1::CertificationService::Service {
public:
    explicit CertificationServiceImpl(MutationRunner& runner) : m_runner(runner) {}

    grpc::Status GetCertificationStatus(grpc::ServerContext*,
                                        const renshe::v1::GetCertificationStatusRequest*,
                                        renshe::v1::GetCertificationStatusResponse*) override;
    grpc::Status GetTemplatesForVerify(grpc::ServerContext*,
                                       const renshe::v1::GetTemplatesForVerifyRequest*,
                                       renshe::v1::GetTemplatesForVerifyResponse*) override;
    grpc::Status RecordVerificationResult(grpc::ServerContext*,
                                          const renshe::v1::RecordVerificationResultRequest*,
                                          renshe::v1::RecordVerificationResultResponse*) override;
    grpc::Status EnrollFingerprint(grpc::ServerContext*,
                                   const renshe::v1::EnrollFingerprintRequest*,
                                   renshe::v1::EnrollFingerprintResponse*) override;

private:
    MutationRunner& m_runner;
};

// Spends SecondFactor.fingerprint_verification_id (card.proto) inside the caller's
// transaction: a matched scan that this terminal recorded for `ssn` with `purpose`
// (LOSS_REPORT or PIN_RESET), not used before and not older than the configured window. Marks
// it used (the mark is rolled back with the rest if the RPC is refused later). Throws Refused:
// FAILED_PRECONDITION NOT_ENROLLED when the person has no template; PERMISSION_DENIED
// SECOND_FACTOR_FAILED for an id that is unknown or not a match; FAILED_PRECONDITION
// VERIFICATION_STALE when it is for someone else, another terminal or purpose, already used or
// too old.
void consumeFingerprintFactor(store::Tx& tx, const Caller& caller, const std::string& ssn,
                              const std::string& verificationId,
                              renshe::v1::VerificationPurpose purpose, std::int64_t now);

// Checks, without spending it, a matched scan that this terminal recorded for `ssn` with
// `purpose` (RECORDS) within the configured window. Throws Refused as consumeFingerprintFactor
// does (an earlier use does not count).
void requireFingerprintMatch(store::Tx& tx, const Caller& caller, const std::string& ssn,
                             const std::string& verificationId,
                             renshe::v1::VerificationPurpose purpose, std::int64_t now);

// The status a terminal or the counter is shown: state, pension, cycle end, last
// certification, enrolled fingers and the person masked.
renshe::v1::CertificationStatus statusProto(const Certification& c, const PersonRow& person,
                                            const std::vector<templates::Entry>& enrolled);

}  // namespace renshe::services::backoffice
