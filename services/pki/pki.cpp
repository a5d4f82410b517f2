#include "services/pki/pki.hpp"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <system_error>

#include "drivers/util/atomic_file.hpp"

namespace renshe::services::pki {

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const noexcept { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

[[noreturn]] void fail(const std::string& what) {
    std::string detail;
    if (const unsigned long e = ERR_get_error(); e != 0) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        detail = std::string(": ") + buf;
    }
    ERR_clear_error();
    throw PkiError(what + detail);
}

template <typename P>
P require(P p, const char* what) {
    if (!p) {
        fail(what);
    }
    return p;
}

BioPtr memoryBio(const std::string& text) {
    return BioPtr(
        require(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), "BIO_new_mem_buf"));
}

std::string drain(BIO* bio) {
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(len));
}

KeyPtr newKey() {
    return KeyPtr(require(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), "EC key generation"));
}

KeyPtr readKey(const std::string& pem) {
    auto bio = memoryBio(pem);
    return KeyPtr(require(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr),
                          "reading private key"));
}

std::string keyPem(EVP_PKEY* key) {
    BioPtr bio(require(BIO_new(BIO_s_mem()), "BIO_new"));
    if (PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        fail("writing private key");
    }
    return drain(bio.get());
}

X509Ptr readCert(const std::string& pem) {
    auto bio = memoryBio(pem);
    return X509Ptr(
        require(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), "reading certificate"));
}

std::string certPem(X509* cert) {
    BioPtr bio(require(BIO_new(BIO_s_mem()), "BIO_new"));
    if (PEM_write_bio_X509(bio.get(), cert) != 1) {
        fail("writing certificate");
    }
    return drain(bio.get());
}

void addEntry(X509_NAME* name, const char* field, const std::string& value) {
    if (value.empty()) {
        return;
    }
    if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1,
                                   0) != 1) {
        fail(std::string("setting subject field ") + field);
    }
}

std::string entry(const X509_NAME* name, int nid) {
    const int idx = X509_NAME_get_index_by_NID(name, nid, -1);
    if (idx < 0) {
        return {};
    }
    ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx));
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, data);
    if (len < 0) {
        fail("decoding subject field");
    }
    std::string out(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(len));
    OPENSSL_free(utf8);
    return out;
}

void setIdentitySubject(X509_NAME* name, const Identity& identity) {
    addEntry(name, "O", "renshe");
    addEntry(name, "OU", std::string(roleName(identity.role)));
    addEntry(name, "L", identity.region);
    addEntry(name, "CN", identity.id);
}

void addExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) {
        fail("adding extension " + value);
    }
}

// A certificate skeleton: version 3, random 128-bit serial, validity from an hour ago.
X509Ptr newCertificate(EVP_PKEY* subjectKey, std::chrono::hours validity) {
    X509Ptr cert(require(X509_new(), "X509_new"));
    X509_set_version(cert.get(), X509_VERSION_3);
    BnPtr serial(require(BN_new(), "BN_new"));
    if (BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()))) {
        fail("certificate serial");
    }
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(validity.count()) * 3600);
    if (X509_set_pubkey(cert.get(), subjectKey) != 1) {
        fail("X509_set_pubkey");
    }
    return cert;
}

void signWith(X509* cert, const std::string& issuerCertPem, const std::string& issuerKeyPem) {
    auto issuer = readCert(issuerCertPem);
    auto key = readKey(issuerKeyPem);
    X509_set_issuer_name(cert, X509_get_subject_name(issuer.get()));
    addExtension(cert, issuer.get(), NID_authority_key_identifier, "keyid:always");
    if (X509_sign(cert, key.get(), EVP_sha256()) <= 0) {
        fail("signing certificate");
    }
}

std::string clientCertificate(EVP_PKEY* subjectKey, const Identity& identity,
                              std::chrono::hours validity, const std::string& caCert,
                              const std::string& caKey) {
    if (identity.id.empty()) {
        throw PkiError("a client certificate needs an id");
    }
    auto cert = newCertificate(subjectKey, validity);
    setIdentitySubject(X509_get_subject_name(cert.get()), identity);
    addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), cert.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(cert.get(), cert.get(), NID_ext_key_usage, "clientAuth");
    addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    signWith(cert.get(), caCert, caKey);
    return certPem(cert.get());
}

}  // namespace

std::string_view roleName(Role role) {
    switch (role) {
        case Role::Touch:
            return "touch";
        case Role::Display:
            return "display";
        case Role::Staff:
            return "staff";
    }
    return "touch";
}

std::optional<Role> parseRole(std::string_view name) {
    if (name == "touch")
        return Role::Touch;
    if (name == "display")
        return Role::Display;
    if (name == "staff")
        return Role::Staff;
    return std::nullopt;
}

std::string generatePrivateKeyPem() {
    return keyPem(newKey().get());
}

std::string createCsrPem(const std::string& privateKeyPem, const Identity& identity) {
    auto key = readKey(privateKeyPem);
    ReqPtr req(require(X509_REQ_new(), "X509_REQ_new"));
    setIdentitySubject(X509_REQ_get_subject_name(req.get()), identity);
    if (X509_REQ_set_pubkey(req.get(), key.get()) != 1 ||
        X509_REQ_sign(req.get(), key.get(), EVP_sha256()) <= 0) {
        fail("signing CSR");
    }
    BioPtr bio(require(BIO_new(BIO_s_mem()), "BIO_new"));
    if (PEM_write_bio_X509_REQ(bio.get(), req.get()) != 1) {
        fail("writing CSR");
    }
    return drain(bio.get());
}

CertificateAuthority CertificateAuthority::create(const std::string& commonName,
                                                  std::chrono::hours validity) {
    auto key = newKey();
    auto cert = newCertificate(key.get(), validity);
    X509_NAME* name = X509_get_subject_name(cert.get());
    addEntry(name, "O", "renshe");
    addEntry(name, "CN", commonName);
    X509_set_issuer_name(cert.get(), name);
    addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    addExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    addExtension(cert.get(), cert.get(), NID_authority_key_identifier, "keyid:always");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
        fail("self-signing CA");
    }
    return CertificateAuthority(certPem(cert.get()), keyPem(key.get()));
}

CertificateAuthority CertificateAuthority::fromPem(std::string certificatePem,
                                                   std::string privateKeyPem) {
    // Parse both now so a broken keystore fails at load, not at the first signature.
    readCert(certificatePem);
    readKey(privateKeyPem);
    return CertificateAuthority(std::move(certificatePem), std::move(privateKeyPem));
}

KeyAndCertificate CertificateAuthority::issueServer(const std::string& commonName,
                                                    const std::vector<std::string>& dnsNames,
                                                    const std::vector<std::string>& ipAddresses,
                                                    std::chrono::hours validity) const {
    auto key = newKey();
    auto cert = newCertificate(key.get(), validity);
    X509_NAME* name = X509_get_subject_name(cert.get());
    addEntry(name, "O", "renshe");
    addEntry(name, "CN", commonName);
    std::string san;
    for (const auto& d : dnsNames) {
        san += (san.empty() ? "" : ",") + std::string("DNS:") + d;
    }
    for (const auto& ip : ipAddresses) {
        san += (san.empty() ? "" : ",") + std::string("IP:") + ip;
    }
    addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), cert.get(), NID_key_usage,
                 "critical,digitalSignature,keyEncipherment");
    addExtension(cert.get(), cert.get(), NID_ext_key_usage, "serverAuth");
    addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    if (!san.empty()) {
        addExtension(cert.get(), cert.get(), NID_subject_alt_name, san);
    }
    signWith(cert.get(), m_cert, m_key);
    return {certPem(cert.get()), keyPem(key.get())};
}

KeyAndCertificate CertificateAuthority::issueClient(const Identity& identity,
                                                    std::chrono::hours validity) const {
    auto key = newKey();
    return {clientCertificate(key.get(), identity, validity, m_cert, m_key), keyPem(key.get())};
}

std::string CertificateAuthority::signCsr(const std::string& csrPem, const Identity& identity,
                                          std::chrono::hours validity) const {
    auto bio = memoryBio(csrPem);
    ReqPtr req(require(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr), "reading CSR"));
    KeyPtr pub(require(X509_REQ_get_pubkey(req.get()), "CSR public key"));
    if (X509_REQ_verify(req.get(), pub.get()) != 1) {
        fail("CSR signature does not verify");
    }
    return clientCertificate(pub.get(), identity, validity, m_cert, m_key);
}

namespace {

std::string hexSha256(const unsigned char* data, std::size_t length) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(data, length, digest);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * sizeof digest);
    for (unsigned char b : digest) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

// The digest of `length` DER bytes an i2d_* call allocated at `der`, which it frees.
std::string ownedDerSha256(int length, unsigned char* der, const char* what) {
    if (length <= 0) {
        OPENSSL_free(der);
        fail(what);
    }
    std::string out = hexSha256(der, static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return out;
}

std::string publicKeySha256(EVP_PKEY* pub) {
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(pub, &der);
    return ownedDerSha256(length, der, "encoding the public key");
}

// The same digest from the SubjectPublicKeyInfo as the certificate carries it: the bytes
// i2d_PUBKEY would write for its key, without building OpenSSL 3's key encoder again.
std::string publicKeySha256(const X509* cert) {
    unsigned char* der = nullptr;
    const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
    return ownedDerSha256(length, der, "encoding the certificate's public key");
}

std::int64_t unixSeconds(const ASN1_TIME* t) {
    struct tm tm {};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        fail("reading a certificate time");
    return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace

std::string csrPublicKeySha256(const std::string& csrPem) {
    auto bio = memoryBio(csrPem);
    ReqPtr req(require(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr), "reading CSR"));
    KeyPtr pub(require(X509_REQ_get_pubkey(req.get()), "CSR public key"));
    if (X509_REQ_verify(req.get(), pub.get()) != 1) {
        fail("CSR signature does not verify");
    }
    return publicKeySha256(pub.get());
}

CertificateFacts certificateFacts(const std::string& certificatePem) {
    auto cert = readCert(certificatePem);
    CertificateFacts facts;
    facts.publicKeySha256 = publicKeySha256(cert.get());
    facts.notBefore = unixSeconds(X509_get0_notBefore(cert.get()));
    facts.notAfter = unixSeconds(X509_get0_notAfter(cert.get()));
    return facts;
}

void verifyIssuedBy(const std::string& certificatePem, const std::string& caCertificatePem) {
    using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;
    using CtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX, X509_STORE_CTX_free>>;
    auto cert = readCert(certificatePem);
    StorePtr store(require(X509_STORE_new(), "X509_STORE_new"));
    // A bundle may hold several CAs (rotation): trust each of them.
    auto bio = memoryBio(caCertificatePem);
    int loaded = 0;
    while (X509* ca = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        X509Ptr owned(ca);
        if (X509_STORE_add_cert(store.get(), ca) != 1)
            fail("adding a CA certificate");
        ++loaded;
    }
    ERR_clear_error();  // the loop ends on "no start line"
    if (loaded == 0)
        throw PkiError("no CA certificate");
    CtxPtr ctx(require(X509_STORE_CTX_new(), "X509_STORE_CTX_new"));
    if (X509_STORE_CTX_init(ctx.get(), store.get(), cert.get(), nullptr) != 1)
        fail("X509_STORE_CTX_init");
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_CLIENT);
    if (X509_verify_cert(ctx.get()) != 1) {
        throw PkiError(std::string("certificate does not verify: ") +
                       X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
    }
}

namespace {

Identity identityOf(const X509* cert) {
    const X509_NAME* name = X509_get_subject_name(cert);
    Identity id;
    id.id = entry(name, NID_commonName);
    const std::string ou = entry(name, NID_organizationalUnitName);
    const auto role = parseRole(ou);
    if (id.id.empty() || !role) {
        throw PkiError("certificate carries no renshe identity (CN and OU=touch|display|staff)");
    }
    id.role = *role;
    id.region = entry(name, NID_localityName);
    return id;
}

}  // namespace

Identity identityFromCertificatePem(const std::string& certificatePem) {
    return identityOf(readCert(certificatePem).get());
}

CertifiedIdentity certifiedIdentity(const std::string& certificatePem) {
    const auto cert = readCert(certificatePem);
    return {identityOf(cert.get()), publicKeySha256(cert.get())};
}

void writeFileAtomically(const std::filesystem::path& path, const std::string& content,
                         std::filesystem::perms perms) {
    try {
        util::writeFileAtomically(path, content, perms);
    } catch (const std::system_error& e) {
        throw PkiError(e.what());
    }
}

std::string readFile(const std::filesystem::path& path) {
    try {
        return util::readFile(path);
    } catch (const std::system_error& e) {
        throw PkiError(e.what());
    }
}

}  // namespace renshe::services::pki
