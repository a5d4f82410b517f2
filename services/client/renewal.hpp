// Terminal certificate renewal (TerminalService.RenewCertificate) with a new key each time.
//
// Files: the certificate and key the terminal was started with, plus two while a renewal is
// under way: `<key>.next` (the new key, made here, 0600) and `<certificate>.next` (its
// certificate as the back office answered). Each is written atomically; the order is
// new key → call → new certificate → key moved into place → certificate moved into place, so
// whatever point a crash or power cut stops it at, finishInterruptedRenewal() at the next start
// either completes the switch or leaves the old pair in use with the new key pending (the
// back office accepts the old key until the new one is first used, so asking again works).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "services/client/client.hpp"

namespace renshe::services::client {

struct IdentityFiles {
    std::filesystem::path certificate;
    std::filesystem::path privateKey;

    std::filesystem::path pendingKey() const;
    std::filesystem::path pendingCertificate() const;
};

// Completes a switch that a crash interrupted after the new certificate was saved. Call before
// reading the files. Throws std::runtime_error when a file cannot be moved.
void finishInterruptedRenewal(const IdentityFiles& files);

// Due when less than a third of the certificate's lifetime is left, or less than
// `renewBefore` when that is longer (an operator's choice; 0 = the third only).
bool renewalDue(const std::string& certificatePem, std::int64_t nowSeconds,
                std::chrono::seconds renewBefore = std::chrono::seconds(0));

enum class RenewalOutcome {
    NotDue,       // nothing to do
    Renewed,      // the files hold the new pair and the keeper uses it
    Unreachable,  // the back office did not answer: try again later, same pending key
    Refused,      // it answered no (revoked, no terminal CA, ...): see detail
    Failed,       // a local error (files, an answer that does not fit the key): see detail
};

struct RenewalResult {
    RenewalOutcome outcome = RenewalOutcome::NotDue;
    std::string detail;         // for logs; no secrets
    std::int64_t notAfter = 0;  // Unix seconds of the new certificate when Renewed
};

// Renews now, whatever the certificate's age: a new key (or the pending one of an interrupted
// attempt), a CSR for the identity in the current certificate, the call on `keeper` (which
// still presents the current pair), then the files and keeper switched to the new pair.
RenewalResult renewCertificate(ChannelKeeper& keeper, const IdentityFiles& files,
                               std::chrono::milliseconds deadline);

// renewCertificate() when renewalDue() says so for the certificate in `files`.
RenewalResult renewCertificateIfDue(ChannelKeeper& keeper, const IdentityFiles& files,
                                    std::int64_t nowSeconds, std::chrono::seconds renewBefore,
                                    std::chrono::milliseconds deadline);

}  // namespace renshe::services::client
