#include "services/backoffice/fleet/certificate_renewal.hpp"

#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/checks/checks.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

std::optional<Refusal> checkRenewal(const RenewCertificateRequest& r) {
    return checks::firstOf([&] { return checks::tooLarge(r); },
                           [&] { return checks::checkRequestId(r.request_id()); },
                           [&] { return checks::checkCsrPem(r.csr_pem(), "csr_pem"); });
}

void renewCertificate(store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now,
                      const TerminalCa* terminalCa, const RenewCertificateRequest& req,
                      RenewCertificateResponse* resp) {
    if (caller.isStaff()) {
        throw Refused(
            Refusal::denied(REFUSAL_REASON_WRONG_ROLE, "only terminals renew their certificates"));
    }
    subject.region = caller.identity.region;
    subject.label = caller.identity.id;
    if (!terminalCa) {
        throw Refused(
            Refusal::precondition(REFUSAL_REASON_UNSPECIFIED,
                                  "this back office does not sign terminal certificates "
                                  "(start it with --terminal-ca-cert and --terminal-ca-key)"));
    }
    std::string keyDigest;
    try {
        keyDigest = pki::csrPublicKeySha256(req.csr_pem());
    } catch (const pki::PkiError& err) {
        throw Refused(Refusal::malformed(std::string("csr_pem: ") + err.what()));
    }
    if (tx.queryOne("SELECT 1 FROM revoked_terminal_keys WHERE public_key_sha256 = $1",
                    {keyDigest})) {
        throw Refused(Refusal::precondition(REFUSAL_REASON_TERMINAL_REVOKED,
                                            "the certificate request's key was revoked"));
    }
    // The gate let the caller in a moment ago; the row is read again under lock so that a
    // revocation committed since is not overtaken.
    const auto row = tx.queryOne(
        "SELECT role, region, public_key_sha256, revoked_at FROM terminal_enrolments WHERE "
        "terminal_id = $1" +
            std::string(tx.forUpdate()),
        {caller.identity.id});
    if (!row || !row->isNull(3) || row->text(2) != caller.publicKeySha256) {
        throw Refused({grpc::StatusCode::UNAUTHENTICATED, REFUSAL_REASON_TERMINAL_NOT_ENROLLED,
                       "terminal " + caller.identity.id + " is not enrolled with this key"});
    }
    const auto role = static_cast<TerminalRole>(row->integer(0));
    subject.region = row->text(1);
    const pki::Identity identity{
        caller.identity.id, role == TERMINAL_ROLE_DISPLAY ? pki::Role::Display : pki::Role::Touch,
        subject.region};
    const std::string pem = terminalCa->ca.signCsr(req.csr_pem(), identity, terminalCa->validity);
    const std::int64_t notAfter =
        now + std::chrono::duration_cast<std::chrono::microseconds>(terminalCa->validity).count();
    const bool rotated = keyDigest != caller.publicKeySha256;
    if (rotated) {
        tx.exec(
            "UPDATE terminal_enrolments SET next_public_key_sha256 = $2, next_certificate_pem = "
            "$3, next_not_after = $4 WHERE terminal_id = $1",
            {caller.identity.id, keyDigest, pem, notAfter});
    } else {
        tx.exec(
            "UPDATE terminal_enrolments SET certificate_pem = $2, not_after = $3 WHERE "
            "terminal_id = $1",
            {caller.identity.id, pem, notAfter});
    }
    resp->set_certificate_pem(pem);
    resp->set_ca_certificate_pem(terminalCa->ca.certificatePem());
    resp->mutable_not_after()->set_seconds(notAfter / 1'000'000);
    resp->set_key_rotated(rotated);
}

}  // namespace renshe::services::backoffice
