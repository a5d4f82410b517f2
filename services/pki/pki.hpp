// Certificates for the mutual-TLS links between terminals, staff tools and the back office.
//
// A client certificate carries who it is: CN = terminal or staff id, OU = role
// (touch | display | staff), L = region code (6-digit administrative division code, with an
// optional township/village suffix). The back office trusts these fields because only the
// province CA can sign them.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace renshe::services::pki {

class PkiError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class Role { Touch, Display, Staff };

std::string_view roleName(Role role);
std::optional<Role> parseRole(std::string_view name);

struct Identity {
    std::string id;  // terminal id or staff id
    Role role = Role::Touch;
    std::string region;  // administrative division code the holder acts in
};

struct KeyAndCertificate {
    std::string certificatePem;
    std::string privateKeyPem;
};

// A new EC P-256 private key, PEM (PKCS#8).
std::string generatePrivateKeyPem();

// A PKCS#10 request for `identity`, signed with `privateKeyPem`; the key never leaves the
// machine that made it (terminal enrolment).
std::string createCsrPem(const std::string& privateKeyPem, const Identity& identity);

class CertificateAuthority {
public:
    // A new self-signed CA (EC P-256, SHA-256).
    static CertificateAuthority create(const std::string& commonName, std::chrono::hours validity);
    static CertificateAuthority fromPem(std::string certificatePem, std::string privateKeyPem);

    const std::string& certificatePem() const { return m_cert; }
    const std::string& privateKeyPem() const { return m_key; }

    // A TLS server certificate with the given DNS names and IP addresses as SANs.
    KeyAndCertificate issueServer(const std::string& commonName,
                                  const std::vector<std::string>& dnsNames,
                                  const std::vector<std::string>& ipAddresses,
                                  std::chrono::hours validity) const;

    // A client certificate (terminal or staff) with a fresh key.
    KeyAndCertificate issueClient(const Identity& identity, std::chrono::hours validity) const;

    // Signs a terminal's CSR; the identity in the certificate is `identity`, not whatever the
    // CSR claims (the operator decides it), but the CSR's signature must verify.
    std::string signCsr(const std::string& csrPem, const Identity& identity,
                        std::chrono::hours validity) const;

private:
    CertificateAuthority(std::string cert, std::string key)
        : m_cert(std::move(cert)), m_key(std::move(key)) {}
    std::string m_cert;
    std::string m_key;
};

// The SHA-256 (hex) of a CSR's public key (DER SubjectPublicKeyInfo), after checking the
// CSR's signature: which key a terminal enrolled with. Throws PkiError.
std::string csrPublicKeySha256(const std::string& csrPem);

struct CertificateFacts {
    std::string publicKeySha256;  // hex SHA-256 of the DER SubjectPublicKeyInfo
    std::int64_t notBefore = 0;   // Unix seconds
    std::int64_t notAfter = 0;
};
// The key and validity of a certificate (not its chain). Throws PkiError.
CertificateFacts certificateFacts(const std::string& certificatePem);

// Checks that the certificate chains to one of the CA certificates in `caCertificatePem` and
// is valid now for TLS client use. Throws PkiError saying why not.
void verifyIssuedBy(const std::string& certificatePem, const std::string& caCertificatePem);

// Reads the identity out of a client certificate (as the back office does with the peer's).
Identity identityFromCertificatePem(const std::string& certificatePem);

// A peer's identity and the SHA-256 (hex) of its key, from one parse of its certificate. With
// OpenSSL 3.0 each parse of a certificate builds a key decoder, the dearest step of reading
// one: a back office meeting 20,000 terminals after a restart parses each of their
// certificates once, not twice. Throws PkiError like identityFromCertificatePem.
struct CertifiedIdentity {
    Identity identity;
    std::string publicKeySha256;
};
CertifiedIdentity certifiedIdentity(const std::string& certificatePem);

// Writes `content` to `path` atomically with the given permissions (0600 for keys).
void writeFileAtomically(const std::filesystem::path& path, const std::string& content,
                         std::filesystem::perms perms);

std::string readFile(const std::filesystem::path& path);

}  // namespace renshe::services::pki
