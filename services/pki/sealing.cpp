#include "services/pki/sealing.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <memory>
#include <stdexcept>

namespace renshe::services::pki {

namespace {

constexpr std::string_view kInfo = "renshe sealed secret v1";

struct PkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* p) const { EVP_CIPHER_CTX_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

const unsigned char* bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

Pkey privateKey(const std::uint8_t* raw) {
    Pkey k(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, raw, 32));
    if (!k)
        throw std::runtime_error("X25519 private key");
    return k;
}

std::string publicOf(EVP_PKEY* key) {
    std::string out(32, '\0');
    std::size_t len = out.size();
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(out.data()), &len) != 1 ||
        len != 32) {
        throw std::runtime_error("X25519 public key");
    }
    return out;
}

// ECDH, then HKDF-SHA-256 over the shared secret, salted with both public keys.
std::array<unsigned char, 32> derive(EVP_PKEY* own, std::string_view peerPublic,
                                     std::string_view ephemeralPublic,
                                     std::string_view recipientPublic) {
    Pkey peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, bytes(peerPublic),
                                          peerPublic.size()));
    if (!peer)
        throw std::invalid_argument("not an X25519 public key");
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new(own, nullptr));
    unsigned char shared[32];
    std::size_t sharedLen = sizeof shared;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1 ||
        EVP_PKEY_derive(ctx.get(), shared, &sharedLen) != 1) {
        throw std::invalid_argument("X25519 key agreement failed");
    }
    const std::string salt = std::string(ephemeralPublic) + std::string(recipientPublic);
    std::array<unsigned char, 32> key{};
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> kdf(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
    std::size_t keyLen = key.size();
    const bool ok =
        kdf && EVP_PKEY_derive_init(kdf.get()) == 1 &&
        EVP_PKEY_CTX_set_hkdf_md(kdf.get(), EVP_sha256()) == 1 &&
        EVP_PKEY_CTX_set1_hkdf_salt(kdf.get(), bytes(salt), static_cast<int>(salt.size())) == 1 &&
        EVP_PKEY_CTX_set1_hkdf_key(kdf.get(), shared, static_cast<int>(sharedLen)) == 1 &&
        EVP_PKEY_CTX_add1_hkdf_info(kdf.get(), bytes(kInfo), static_cast<int>(kInfo.size())) == 1 &&
        EVP_PKEY_derive(kdf.get(), key.data(), &keyLen) == 1;
    OPENSSL_cleanse(shared, sizeof shared);
    if (!ok)
        throw std::runtime_error("HKDF failed");
    return key;
}

}  // namespace

SealingPrivateKey newSealingKey() {
    SealingPrivateKey k{};
    if (RAND_bytes(k.data(), static_cast<int>(k.size())) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return k;
}

std::string sealingPublicKey(const SealingPrivateKey& key) {
    return publicOf(privateKey(key.data()).get());
}

std::string sealingKeyId(std::string_view publicKey) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(bytes(publicKey), publicKey.size(), digest);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 8; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

SealedSecret seal(std::string_view recipientPublicKey, std::string_view secret,
                  std::string_view associatedData) {
    if (recipientPublicKey.size() != 32)
        throw std::invalid_argument("a sealing key is 32 bytes");
    SealingPrivateKey ephemeralRaw = newSealingKey();
    const Pkey ephemeral = privateKey(ephemeralRaw.data());
    OPENSSL_cleanse(ephemeralRaw.data(), ephemeralRaw.size());
    SealedSecret out;
    out.ephemeralPublicKey = publicOf(ephemeral.get());
    auto key =
        derive(ephemeral.get(), recipientPublicKey, out.ephemeralPublicKey, recipientPublicKey);
    out.nonce.assign(12, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(out.nonce.data()), 12);
    out.ciphertext.assign(secret.size() + 16, '\0');
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> c(EVP_CIPHER_CTX_new());
    int len = 0, fin = 0;
    auto* ct = reinterpret_cast<unsigned char*>(out.ciphertext.data());
    const bool ok =
        c &&
        EVP_EncryptInit_ex(c.get(), EVP_aes_256_gcm(), nullptr, key.data(), bytes(out.nonce)) ==
            1 &&
        EVP_EncryptUpdate(c.get(), nullptr, &len, bytes(associatedData),
                          static_cast<int>(associatedData.size())) == 1 &&
        EVP_EncryptUpdate(c.get(), ct, &len, bytes(secret), static_cast<int>(secret.size())) == 1 &&
        EVP_EncryptFinal_ex(c.get(), ct + len, &fin) == 1 &&
        EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_GCM_GET_TAG, 16, ct + secret.size()) == 1;
    OPENSSL_cleanse(key.data(), key.size());
    if (!ok)
        throw std::runtime_error("AES-GCM failed");
    return out;
}

std::optional<std::string> unseal(const SealingPrivateKey& privateKeyRaw,
                                  const SealedSecret& sealed, std::string_view associatedData) {
    if (sealed.ephemeralPublicKey.size() != 32 || sealed.nonce.size() != 12 ||
        sealed.ciphertext.size() < 16) {
        return std::nullopt;
    }
    const Pkey own = privateKey(privateKeyRaw.data());
    std::array<unsigned char, 32> key{};
    try {
        key = derive(own.get(), sealed.ephemeralPublicKey, sealed.ephemeralPublicKey,
                     publicOf(own.get()));
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    const std::size_t n = sealed.ciphertext.size() - 16;
    std::string plain(n, '\0');
    std::string tag = sealed.ciphertext.substr(n);
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> c(EVP_CIPHER_CTX_new());
    int len = 0, fin = 0;
    const bool ok = c &&
                    EVP_DecryptInit_ex(c.get(), EVP_aes_256_gcm(), nullptr, key.data(),
                                       bytes(sealed.nonce)) == 1 &&
                    EVP_DecryptUpdate(c.get(), nullptr, &len, bytes(associatedData),
                                      static_cast<int>(associatedData.size())) == 1 &&
                    EVP_DecryptUpdate(c.get(), reinterpret_cast<unsigned char*>(plain.data()), &len,
                                      bytes(sealed.ciphertext), static_cast<int>(n)) == 1 &&
                    EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_GCM_SET_TAG, 16, tag.data()) == 1 &&
                    EVP_DecryptFinal_ex(
                        c.get(), reinterpret_cast<unsigned char*>(plain.data()) + len, &fin) == 1;
    OPENSSL_cleanse(key.data(), key.size());
    if (!ok) {
        OPENSSL_cleanse(plain.data(), plain.size());
        return std::nullopt;
    }
    return plain;
}

}  // namespace renshe::services::pki
