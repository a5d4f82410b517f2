#include "services/client/renewal.hpp"

#include <system_error>

#include "drivers/util/wipe.hpp"
#include "renshe/v1/terminal.grpc.pb.h"
#include "services/client/call.hpp"
#include "services/pki/pki.hpp"

namespace renshe::services::client {

namespace fs = std::filesystem;

fs::path IdentityFiles::pendingKey() const {
    return fs::path(privateKey.string() + ".next");
}

fs::path IdentityFiles::pendingCertificate() const {
    return fs::path(certificate.string() + ".next");
}

void finishInterruptedRenewal(const IdentityFiles& files) {
    if (!fs::exists(files.pendingCertificate()))
        return;  // nothing saved yet: the old pair stays, a pending key is asked for again
    // The certificate arrived and was saved: its key first, then the certificate itself.
    if (fs::exists(files.pendingKey()))
        fs::rename(files.pendingKey(), files.privateKey);
    fs::rename(files.pendingCertificate(), files.certificate);
}

bool renewalDue(const std::string& certificatePem, std::int64_t nowSeconds,
                std::chrono::seconds renewBefore) {
    const auto facts = pki::certificateFacts(certificatePem);
    const std::int64_t third = (facts.notAfter - facts.notBefore) / 3;
    const std::int64_t margin = std::max<std::int64_t>(third, renewBefore.count());
    return facts.notAfter - nowSeconds < margin;
}

namespace {

struct Prepared {
    std::string keyPem;
    std::string csrPem;
};

// The pending key (made and saved now unless an earlier attempt left one) and a CSR for the
// identity the current certificate carries.
Prepared prepare(const IdentityFiles& files) {
    const auto identity = pki::identityFromCertificatePem(pki::readFile(files.certificate));
    Prepared p;
    if (fs::exists(files.pendingKey())) {
        p.keyPem = pki::readFile(files.pendingKey());
    } else {
        p.keyPem = pki::generatePrivateKeyPem();
        pki::writeFileAtomically(files.pendingKey(), p.keyPem,
                                 fs::perms::owner_read | fs::perms::owner_write);
    }
    p.csrPem = pki::createCsrPem(p.keyPem, identity);
    return p;
}

}  // namespace

RenewalResult renewCertificate(ChannelKeeper& keeper, const IdentityFiles& files,
                               std::chrono::milliseconds deadline) {
    RenewalResult result;
    Prepared p;
    try {
        p = prepare(files);
    } catch (const std::exception& e) {
        result.outcome = RenewalOutcome::Failed;
        result.detail = std::string("preparing the request: ") + e.what();
        return result;
    }
    const util::WipeOnExit wipeOnExit(p.keyPem);

    renshe::v1::RenewCertificateRequest req;
    req.set_request_id(newRequestId());
    req.set_csr_pem(p.csrPem);
    renshe::v1::RenewCertificateResponse resp;
    const CallResult call = unary<renshe::v1::TerminalService>(
        keeper, &renshe::v1::TerminalService::Stub::RenewCertificate, req, &resp, deadline);
    if (call.transient()) {
        result.outcome = RenewalOutcome::Unreachable;
        result.detail = call.message;
        return result;
    }
    if (!call.ok()) {
        // A pending key the back office calls revoked can never be used: the next attempt
        // makes another.
        if (call.refusal == renshe::v1::REFUSAL_REASON_TERMINAL_REVOKED) {
            std::error_code ignored;
            fs::remove(files.pendingKey(), ignored);
        }
        result.outcome = RenewalOutcome::Refused;
        result.detail = renshe::v1::RefusalReason_Name(call.refusal) + ": " + call.message;
        return result;
    }
    try {
        if (pki::certificateFacts(resp.certificate_pem()).publicKeySha256 !=
            pki::csrPublicKeySha256(p.csrPem)) {
            result.outcome = RenewalOutcome::Failed;
            result.detail = "the certificate received is not for the key sent";
            return result;
        }
        pki::writeFileAtomically(files.pendingCertificate(), resp.certificate_pem(),
                                 fs::perms::owner_read | fs::perms::owner_write |
                                     fs::perms::group_read | fs::perms::others_read);
        finishInterruptedRenewal(files);
    } catch (const std::exception& e) {
        result.outcome = RenewalOutcome::Failed;
        result.detail = std::string("saving the certificate: ") + e.what();
        return result;
    }
    keeper.replaceIdentity(resp.certificate_pem(), p.keyPem);
    result.outcome = RenewalOutcome::Renewed;
    result.notAfter = resp.not_after().seconds();
    return result;
}

RenewalResult renewCertificateIfDue(ChannelKeeper& keeper, const IdentityFiles& files,
                                    std::int64_t nowSeconds, std::chrono::seconds renewBefore,
                                    std::chrono::milliseconds deadline) {
    try {
        if (!renewalDue(pki::readFile(files.certificate), nowSeconds, renewBefore))
            return {};
    } catch (const std::exception& e) {
        return {RenewalOutcome::Failed, std::string("reading the certificate: ") + e.what(), 0};
    }
    return renewCertificate(keeper, files, deadline);
}

}  // namespace renshe::services::client
