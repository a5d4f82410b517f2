#include "services/pki/protected_key.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <memory>

#include "services/pki/pki.hpp"

namespace renshe::services::pki {

namespace {

constexpr std::size_t kMinPassphrase = 8;
constexpr std::uint64_t kScryptN = 1U << 14;  // 16 MiB: within OpenSSL's scrypt memory cap
constexpr std::uint64_t kScryptR = 8;
constexpr std::uint64_t kScryptP = 1;
constexpr const char* kProtectedHeader = "-----BEGIN ENCRYPTED PRIVATE KEY-----";

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct KeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct SigFree {
    void operator()(X509_SIG* s) const { X509_SIG_free(s); }
};
struct InfoFree {
    void operator()(PKCS8_PRIV_KEY_INFO* p) const { PKCS8_PRIV_KEY_INFO_free(p); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

BioPtr readBio(const std::string& text) {
    BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
    if (!bio)
        throw PkiError("BIO_new_mem_buf failed");
    return bio;
}

std::string drain(BIO* bio) {
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(len));
}

// The passphrase callback of PEM_read: copies the given passphrase, never prompts.
int givenPassphrase(char* buf, int size, int /*rwflag*/, void* user) {
    const auto* passphrase = static_cast<const std::string*>(user);
    if (passphrase->size() > static_cast<std::size_t>(size))
        return -1;
    passphrase->copy(buf, passphrase->size());
    return static_cast<int>(passphrase->size());
}

}  // namespace

std::string protectPrivateKeyPem(const std::string& privateKeyPem, const std::string& passphrase) {
    if (passphrase.size() < kMinPassphrase)
        throw PkiError("the passphrase must have at least 8 characters");
    const std::string none;
    auto in = readBio(privateKeyPem);
    std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(
        in.get(), nullptr, givenPassphrase, const_cast<std::string*>(&none)));
    if (!key)
        throw PkiError("not a readable unprotected private key");
    std::unique_ptr<PKCS8_PRIV_KEY_INFO, InfoFree> info(EVP_PKEY2PKCS8(key.get()));
    X509_ALGOR* algorithm =
        PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), nullptr, 0, nullptr, kScryptN, kScryptR, kScryptP);
    if (!info || !algorithm) {
        X509_ALGOR_free(algorithm);
        throw PkiError("cannot set up the key's encryption");
    }
    // The result owns `algorithm`; on failure it is still ours.
    std::unique_ptr<X509_SIG, SigFree> sealed(PKCS8_set0_pbe(
        passphrase.data(), static_cast<int>(passphrase.size()), info.get(), algorithm));
    if (!sealed) {
        X509_ALGOR_free(algorithm);
        throw PkiError("cannot encrypt the key");
    }
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out || PEM_write_bio_PKCS8(out.get(), sealed.get()) != 1)
        throw PkiError("cannot write the protected key");
    return drain(out.get());
}

bool isProtectedKeyPem(const std::string& pem) {
    return pem.find(kProtectedHeader) != std::string::npos;
}

std::optional<std::string> unprotectPrivateKeyPem(const std::string& protectedPem,
                                                  const std::string& passphrase) {
    if (!isProtectedKeyPem(protectedPem))
        throw PkiError("not a passphrase-protected private key");
    auto in = readBio(protectedPem);
    std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(
        in.get(), nullptr, givenPassphrase, const_cast<std::string*>(&passphrase)));
    if (!key) {
        ERR_clear_error();
        return std::nullopt;
    }
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out || PEM_write_bio_PKCS8PrivateKey(out.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                              nullptr) != 1)
        throw PkiError("cannot write the key");
    return drain(out.get());
}

}  // namespace renshe::services::pki
