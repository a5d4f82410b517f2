// TerminalService.RenewCertificate: a terminal's next certificate, signed by the back office's
// terminal CA for the configured lifetime, for its current key or a new one. A new key is kept
// as the enrolment's pending key until the terminal first calls with it (TerminalGate makes it
// the enrolled key then), so the old key keeps working until the new one provably works.
#pragma once

#include <chrono>
#include <optional>

#include "renshe/v1/terminal.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"
#include "services/pki/pki.hpp"

namespace renshe::services::backoffice {

struct TerminalCa {
    pki::CertificateAuthority ca;
    std::chrono::hours validity;
};

std::optional<Refusal> checkRenewal(const renshe::v1::RenewCertificateRequest& r);

// The body of the mutation: refuses staff, a back office without a terminal CA, a CSR that
// does not verify or carries a revoked key; otherwise signs and writes the enrolment.
void renewCertificate(store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now,
                      const TerminalCa* terminalCa, const renshe::v1::RenewCertificateRequest& req,
                      renshe::v1::RenewCertificateResponse* resp);

}  // namespace renshe::services::backoffice
