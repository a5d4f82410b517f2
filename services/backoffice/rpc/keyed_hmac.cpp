#include "services/backoffice/rpc/keyed_hmac.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <utility>

namespace renshe::services::backoffice {

namespace {

constexpr std::size_t kBlock = 64;   // SHA-256's block
constexpr std::size_t kDigest = 32;  // and its digest

const EVP_MD* sha256() {
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);  // fetched once
    if (md == nullptr)
        throw std::runtime_error("OpenSSL has no SHA-256");
    return md;
}

void check(int ok) {
    if (ok != 1)
        throw std::runtime_error("SHA-256 failed");
}

// The context a thread hashes in: one per thread, reset by each copy into it.
struct ContextFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
EVP_MD_CTX* threadContext() {
    thread_local const std::unique_ptr<EVP_MD_CTX, ContextFree> context(EVP_MD_CTX_new());
    if (!context)
        throw std::runtime_error("out of memory for a SHA-256 context");
    return context.get();
}

// A SHA-256 context that has hashed `key` ^ `pad` repeated over one block.
EVP_MD_CTX* keyedWith(const std::array<unsigned char, kBlock>& key, unsigned char pad) {
    std::array<unsigned char, kBlock> block{};
    for (std::size_t i = 0; i < kBlock; ++i)
        block[i] = key[i] ^ pad;
    EVP_MD_CTX* c = EVP_MD_CTX_new();
    const bool ok = c != nullptr && EVP_DigestInit_ex(c, sha256(), nullptr) == 1 &&
                    EVP_DigestUpdate(c, block.data(), block.size()) == 1;
    OPENSSL_cleanse(block.data(), block.size());
    if (!ok) {
        EVP_MD_CTX_free(c);
        throw std::runtime_error("SHA-256 failed");
    }
    return c;
}

}  // namespace

KeyedHmac::KeyedHmac(std::string_view key) {
    std::array<unsigned char, kBlock> padded{};  // the key, zero-padded to a block
    if (key.size() > kBlock) {
        unsigned int length = 0;
        check(EVP_Digest(key.data(), key.size(), padded.data(), &length, sha256(), nullptr));
    } else {
        std::copy(key.begin(), key.end(), padded.begin());
    }
    try {
        m_inner = keyedWith(padded, 0x36);
        m_outer = keyedWith(padded, 0x5c);
    } catch (...) {
        OPENSSL_cleanse(padded.data(), padded.size());
        EVP_MD_CTX_free(m_inner);
        throw;
    }
    OPENSSL_cleanse(padded.data(), padded.size());
}

KeyedHmac::~KeyedHmac() {
    EVP_MD_CTX_free(m_inner);  // the digest's state is cleansed as it is freed
    EVP_MD_CTX_free(m_outer);
}

KeyedHmac::KeyedHmac(KeyedHmac&& other) noexcept
    : m_inner(std::exchange(other.m_inner, nullptr)),
      m_outer(std::exchange(other.m_outer, nullptr)) {}

KeyedHmac& KeyedHmac::operator=(KeyedHmac&& other) noexcept {
    if (this != &other) {
        EVP_MD_CTX_free(m_inner);
        EVP_MD_CTX_free(m_outer);
        m_inner = std::exchange(other.m_inner, nullptr);
        m_outer = std::exchange(other.m_outer, nullptr);
    }
    return *this;
}

std::string KeyedHmac::mac(std::string_view data) const {
    if (m_inner == nullptr)
        throw std::logic_error("HMAC without a key");
    EVP_MD_CTX* c = threadContext();
    std::array<unsigned char, kDigest> inner{};
    std::string out(kDigest, '\0');
    unsigned int length = 0;
    check(EVP_MD_CTX_copy_ex(c, m_inner));
    check(EVP_DigestUpdate(c, data.data(), data.size()));
    check(EVP_DigestFinal_ex(c, inner.data(), &length));
    check(EVP_MD_CTX_copy_ex(c, m_outer));
    check(EVP_DigestUpdate(c, inner.data(), inner.size()));
    check(EVP_DigestFinal_ex(c, reinterpret_cast<unsigned char*>(out.data()), &length));
    OPENSSL_cleanse(inner.data(), inner.size());
    return out;
}

}  // namespace renshe::services::backoffice
