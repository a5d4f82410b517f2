#include "services/backoffice/rpc/keystore.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "drivers/util/atomic_file.hpp"
#include "drivers/util/fair_slots.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

namespace {

template <std::size_t N>
void parseKey(const std::string& hex, std::array<std::uint8_t, N>& out, const std::string& where) {
    std::string raw;
    try {
        raw = store::fromHex(hex);
    } catch (const std::exception&) {
        throw KeystoreError(where + ": not hex");
    }
    if (raw.size() != N) {
        throw KeystoreError(where + ": wants " + std::to_string(N * 2) + " hex digits");
    }
    std::memcpy(out.data(), raw.data(), N);
    OPENSSL_cleanse(raw.data(), raw.size());
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

void writeKeystore(const std::filesystem::path& path, const std::string& masterHex) {
    if (std::filesystem::exists(path)) {
        throw KeystoreError(path.string() + " exists; not overwriting a keystore");
    }
    std::string audit = randomBytes(32), pepper = randomBytes(32), templates = randomBytes(32),
                sealing = randomBytes(32), statement = randomBytes(32);
    std::string text =
        "# renshe-backoffice keystore: keep 0600, outside the database, backed up offline.\n"
        "master-key = " +
        masterHex + "\n" + "audit-key = " + store::toHex(audit) + "\n" +
        "password-pepper = " + store::toHex(pepper) + "\n" +
        "template-key = " + store::toHex(templates) + "\n" +
        "sealing-key = " + store::toHex(sealing) + "\n" +
        "statement-key = " + store::toHex(statement) + "\n";
    renshe::util::writeFileAtomically(
        path, text, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    OPENSSL_cleanse(text.data(), text.size());
    OPENSSL_cleanse(audit.data(), audit.size());
    OPENSSL_cleanse(pepper.data(), pepper.size());
    OPENSSL_cleanse(templates.data(), templates.size());
    OPENSSL_cleanse(sealing.data(), sealing.size());
    OPENSSL_cleanse(statement.data(), statement.size());
}

}  // namespace

std::string sha256(std::string_view data) {
    unsigned char out[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
    return std::string(reinterpret_cast<char*>(out), sizeof out);
}

std::string randomBytes(std::size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
        throw std::runtime_error("RAND_bytes failed");
    }
    return out;
}

Keystore Keystore::load(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        throw KeystoreError("cannot read keystore " + path.string());
    }
    const auto perms = std::filesystem::status(path).permissions();
    if ((perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) !=
        std::filesystem::perms::none) {
        throw KeystoreError("keystore " + path.string() +
                            " is readable by group or others; chmod 600 it");
    }
    Keystore ks;
    bool master = false, audit = false, pepper = false, templates = false;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        const std::string where = path.string() + ":" + std::to_string(lineNo);
        const auto hash = line.find('#');
        std::string content = trim(hash == std::string::npos ? line : line.substr(0, hash));
        OPENSSL_cleanse(line.data(), line.size());
        if (content.empty())
            continue;
        const auto eq = content.find('=');
        if (eq == std::string::npos) {
            throw KeystoreError(where + ": expected name = hex");
        }
        const std::string name = trim(content.substr(0, eq));
        std::string value = trim(content.substr(eq + 1));
        OPENSSL_cleanse(content.data(), content.size());
        if (name == "master-key") {
            parseKey(value, ks.m_master, where);
            master = true;
        } else if (name == "audit-key") {
            parseKey(value, ks.m_auditKey, where);
            audit = true;
        } else if (name == "password-pepper") {
            parseKey(value, ks.m_pepper, where);
            pepper = true;
        } else if (name == "template-key") {
            parseKey(value, ks.m_templateKey, where);
            templates = true;
        } else if (name == "sealing-key") {
            ks.m_sealingKey.emplace();
            parseKey(value, *ks.m_sealingKey, where);
        } else if (name == "statement-key") {
            std::array<std::uint8_t, 32> seed{};
            parseKey(value, seed, where);
            ks.m_statementSecret.emplace();
            if (sodium_init() < 0 ||
                crypto_sign_ed25519_seed_keypair(ks.m_statementPublic.data(),
                                                 ks.m_statementSecret->data(), seed.data()) != 0)
                throw KeystoreError(where + ": Ed25519 is not available");
            OPENSSL_cleanse(seed.data(), seed.size());
        } else {
            std::string why = where;
            why += ": unknown key name '";
            why += name;
            why += "'";
            throw KeystoreError(why);
        }
        OPENSSL_cleanse(value.data(), value.size());
    }
    if (!master || !audit || !pepper || !templates) {
        throw KeystoreError(path.string() +
                            ": needs master-key, audit-key, password-pepper and template-key");
    }
    ks.keyMacs();
    return ks;
}

void Keystore::create(const std::filesystem::path& path) {
    std::string master = randomBytes(16);
    writeKeystore(path, store::toHex(master));
    OPENSSL_cleanse(master.data(), master.size());
}

void Keystore::createDemo(const std::filesystem::path& path) {
    writeKeystore(path, store::toHex("RENSHE-DEMO-MK01"));
}

Keystore::Keystore(Keystore&& other) noexcept
    : m_master(other.m_master),
      m_auditKey(other.m_auditKey),
      m_pepper(other.m_pepper),
      m_auditMac(std::move(other.m_auditMac)),
      m_pepperMac(std::move(other.m_pepperMac)),
      m_templateKey(other.m_templateKey),
      m_sealingKey(other.m_sealingKey),
      m_statementSecret(other.m_statementSecret),
      m_statementPublic(other.m_statementPublic) {
    if (other.m_sealingKey)
        OPENSSL_cleanse(other.m_sealingKey->data(), other.m_sealingKey->size());
    if (other.m_statementSecret)
        OPENSSL_cleanse(other.m_statementSecret->data(), other.m_statementSecret->size());
    OPENSSL_cleanse(other.m_master.data(), other.m_master.size());
    OPENSSL_cleanse(other.m_auditKey.data(), other.m_auditKey.size());
    OPENSSL_cleanse(other.m_pepper.data(), other.m_pepper.size());
    OPENSSL_cleanse(other.m_templateKey.data(), other.m_templateKey.size());
}

void Keystore::keyMacs() {
    const auto bytes = [](const auto& key) {
        return std::string_view(reinterpret_cast<const char*>(key.data()), key.size());
    };
    m_auditMac = KeyedHmac(bytes(m_auditKey));
    m_pepperMac = KeyedHmac(bytes(m_pepper));
}

Keystore::~Keystore() {
    if (m_sealingKey)
        OPENSSL_cleanse(m_sealingKey->data(), m_sealingKey->size());
    if (m_statementSecret)
        OPENSSL_cleanse(m_statementSecret->data(), m_statementSecret->size());
    OPENSSL_cleanse(m_master.data(), m_master.size());
    OPENSSL_cleanse(m_auditKey.data(), m_auditKey.size());
    OPENSSL_cleanse(m_pepper.data(), m_pepper.size());
    OPENSSL_cleanse(m_templateKey.data(), m_templateKey.size());
}

std::optional<std::string> Keystore::sealingPublicKey() const {
    if (!m_sealingKey)
        return std::nullopt;
    return pki::sealingPublicKey(*m_sealingKey);
}

std::optional<std::string> Keystore::openSealed(const pki::SealedSecret& sealed,
                                                std::string_view associatedData) const {
    if (!m_sealingKey)
        return std::nullopt;
    return pki::unseal(*m_sealingKey, sealed, associatedData);
}

std::optional<std::string> Keystore::signStatement(std::string_view message) const {
    if (!m_statementSecret)
        return std::nullopt;
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         m_statementSecret->data());
    return signature;
}

bool Keystore::statementSignatureValid(std::string_view message, std::string_view signature) const {
    return m_statementSecret && signature.size() == crypto_sign_BYTES &&
           crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), m_statementPublic.data()) == 0;
}

std::optional<std::string> Keystore::statementPublicKey() const {
    if (!m_statementSecret)
        return std::nullopt;
    return std::string(reinterpret_cast<const char*>(m_statementPublic.data()),
                       m_statementPublic.size());
}

std::string Keystore::subjectDigest(std::string_view ssn) const {
    return store::toHex(m_auditMac.mac(ssn));
}

std::string Keystore::auditMac(std::string_view data) const {
    return m_auditMac.mac(data);
}

std::string Keystore::requestFingerprint(std::string_view data) const {
    std::string input = "request";  // and a NUL: domain separation
    input.push_back('\0');
    input.append(data);
    const std::string mac = m_pepperMac.mac(input);
    OPENSSL_cleanse(input.data(), input.size());
    return store::toHex(mac);
}

namespace {

constexpr std::string_view kArgon2Scheme = "argon2id$";
constexpr std::string_view kHmacScheme = "hmac-sha256$";
constexpr unsigned long long kArgon2Passes = 2;
constexpr std::size_t kArgon2MemoryKiB = 19456;  // 19 MiB (OWASP's minimum for Argon2id)
constexpr std::size_t kPasswordSaltBytes = crypto_pwhash_SALTBYTES;
constexpr std::size_t kPasswordHashBytes = 32;

bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// "m=19456,t=2" → (19456, 2); nullopt when malformed or outside what is accepted.
std::optional<std::pair<std::size_t, unsigned long long>> argon2Parameters(std::string_view text) {
    unsigned long long m = 0, t = 0;
    char extra = 0;
    if (std::sscanf(std::string(text).c_str(), "m=%llu,t=%llu%c", &m, &t, &extra) != 2)
        return std::nullopt;
    if (m < 8 || m > 4 * 1024 * 1024 || t < 1 || t > 16)
        return std::nullopt;
    return std::pair{static_cast<std::size_t>(m), t};
}

}  // namespace

std::string Keystore::peppered(std::string_view salt, std::string_view password) const {
    std::string input = "service-password";  // and a NUL: domain separation
    input.push_back('\0');
    input.append(salt);
    input.append(password);
    std::string mac = m_pepperMac.mac(input);
    OPENSSL_cleanse(input.data(), input.size());
    return mac;
}

// Each Argon2id evaluation holds 19 MiB: as many at once as there are cores, so that a burst
// of concurrent loss reports (each handler thread computing one) costs at most cores × 19 MiB
// of memory, not threads × 19 MiB; it is CPU-bound, so waiting here loses no throughput. The
// slots go first come first served (drivers/util/fair_slots.hpp): in a burst, every caller
// waits about as long as the queue ahead of it takes, none for most of the burst.
namespace {
struct Argon2Turns {
    util::FairSlots slots{std::max(2u, std::thread::hardware_concurrency())};
    util::LatencyHistogram waits;
    std::atomic<std::uint64_t> abandoned{0};
};
Argon2Turns& argon2Turns() {
    static Argon2Turns turns;
    return turns;
}
}  // namespace

util::LatencyHistogram::Snapshot passwordHashWaits() {
    return argon2Turns().waits.snapshot();
}

std::size_t passwordHashesWaiting() {
    return argon2Turns().slots.waiting();
}

std::uint64_t passwordHashesAbandoned() {
    return argon2Turns().abandoned.load(std::memory_order_relaxed);
}

std::string Keystore::argon2(std::string_view salt, std::string_view password,
                             std::size_t memoryKiB, unsigned long long passes, Until until) const {
    if (!sodiumReady() || salt.size() != kPasswordSaltBytes)
        throw std::runtime_error("Argon2id is not available");
    Argon2Turns& turns = argon2Turns();
    const auto asked = std::chrono::steady_clock::now();
    if (!turns.slots.acquire(until)) {
        turns.abandoned.fetch_add(1, std::memory_order_relaxed);
        throw PasswordCheckAbandoned();
    }
    const util::HeldSlot held(turns.slots);
    turns.waits.observe(std::chrono::steady_clock::now() - asked);
    std::string key = peppered(salt, password);
    std::string out(kPasswordHashBytes, '\0');
    const int rc =
        crypto_pwhash(reinterpret_cast<unsigned char*>(out.data()), out.size(), key.data(),
                      key.size(), reinterpret_cast<const unsigned char*>(salt.data()), passes,
                      memoryKiB * 1024, crypto_pwhash_ALG_ARGON2ID13);
    OPENSSL_cleanse(key.data(), key.size());
    if (rc != 0)
        throw std::runtime_error("Argon2id failed (out of memory)");
    return out;
}

std::string Keystore::hashServicePassword(std::string_view password, Until until) const {
    const std::string salt = randomBytes(kPasswordSaltBytes);
    const std::string hash = argon2(salt, password, kArgon2MemoryKiB, kArgon2Passes, until);
    return std::string(kArgon2Scheme) + "m=" + std::to_string(kArgon2MemoryKiB) +
           ",t=" + std::to_string(kArgon2Passes) + "$" + store::toHex(salt) + "$" +
           store::toHex(hash);
}

Keystore::PasswordCheck Keystore::checkServicePassword(std::string_view password,
                                                       std::string_view stored, Until until) const {
    const bool argon = stored.substr(0, kArgon2Scheme.size()) == kArgon2Scheme;
    if (!argon && stored.substr(0, kHmacScheme.size()) != kHmacScheme)
        return {};
    auto rest = stored.substr(argon ? kArgon2Scheme.size() : kHmacScheme.size());
    std::optional<std::pair<std::size_t, unsigned long long>> params;
    if (argon) {
        const auto dollar = rest.find('$');
        if (dollar == std::string_view::npos)
            return {};
        params = argon2Parameters(rest.substr(0, dollar));
        if (!params)
            return {};
        rest = rest.substr(dollar + 1);
    }
    const auto dollar = rest.find('$');
    if (dollar == std::string_view::npos)
        return {};
    try {
        const std::string salt = store::fromHex(rest.substr(0, dollar));
        const std::string expected = store::fromHex(rest.substr(dollar + 1));
        std::string got;
        if (argon) {
            got = argon2(salt, password, params->first, params->second, until);
        } else {
            // The keyed scheme before Argon2id: HMAC-SHA-256(pepper, salt || password).
            std::string input = salt;
            input.append(password);
            got = m_pepperMac.mac(input);
            OPENSSL_cleanse(input.data(), input.size());
        }
        PasswordCheck check;
        check.matches = got.size() == expected.size() &&
                        CRYPTO_memcmp(got.data(), expected.data(), got.size()) == 0;
        check.outdated = check.matches && (!argon || params->first != kArgon2MemoryKiB ||
                                           params->second != kArgon2Passes);
        return check;
    } catch (const PasswordCheckAbandoned&) {
        throw;  // not a mismatch: nothing was checked, and no failure may be counted
    } catch (const std::exception&) {
        return {};
    }
}

namespace {

constexpr std::size_t kGcmNonceBytes = 12;
constexpr std::size_t kGcmTagBytes = 16;

struct CipherCtx {
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    ~CipherCtx() { EVP_CIPHER_CTX_free(ctx); }
    CipherCtx() {
        if (!ctx)
            throw std::runtime_error("EVP_CIPHER_CTX_new failed");
    }
    CipherCtx(const CipherCtx&) = delete;
    CipherCtx& operator=(const CipherCtx&) = delete;
};

const unsigned char* bytesOf(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

std::string Keystore::sealTemplate(std::string_view plaintext,
                                   std::string_view associatedData) const {
    const std::string nonce = randomBytes(kGcmNonceBytes);
    CipherCtx c;
    std::string out = nonce;
    out.resize(kGcmNonceBytes + plaintext.size() + kGcmTagBytes);
    auto* cipher = reinterpret_cast<unsigned char*>(out.data()) + kGcmNonceBytes;
    int len = 0;
    if (EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kGcmNonceBytes),
                            nullptr) != 1 ||
        EVP_EncryptInit_ex(c.ctx, nullptr, nullptr, m_templateKey.data(), bytesOf(nonce)) != 1 ||
        EVP_EncryptUpdate(c.ctx, nullptr, &len, bytesOf(associatedData),
                          static_cast<int>(associatedData.size())) != 1 ||
        EVP_EncryptUpdate(c.ctx, cipher, &len, bytesOf(plaintext),
                          static_cast<int>(plaintext.size())) != 1 ||
        static_cast<std::size_t>(len) != plaintext.size() ||
        EVP_EncryptFinal_ex(c.ctx, cipher + len, &len) != 1 || len != 0 ||
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(kGcmTagBytes),
                            cipher + plaintext.size()) != 1) {
        throw std::runtime_error("AES-256-GCM encryption failed");
    }
    return out;
}

std::optional<std::string> Keystore::openTemplate(std::string_view sealed,
                                                  std::string_view associatedData) const {
    if (sealed.size() < kGcmNonceBytes + kGcmTagBytes)
        return std::nullopt;
    const std::string_view nonce = sealed.substr(0, kGcmNonceBytes);
    const std::string_view cipher =
        sealed.substr(kGcmNonceBytes, sealed.size() - kGcmNonceBytes - kGcmTagBytes);
    std::string tag(sealed.substr(sealed.size() - kGcmTagBytes));
    CipherCtx c;
    std::string plain(cipher.size(), '\0');
    int len = 0;
    const bool ok =
        EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kGcmNonceBytes),
                            nullptr) == 1 &&
        EVP_DecryptInit_ex(c.ctx, nullptr, nullptr, m_templateKey.data(), bytesOf(nonce)) == 1 &&
        EVP_DecryptUpdate(c.ctx, nullptr, &len, bytesOf(associatedData),
                          static_cast<int>(associatedData.size())) == 1 &&
        EVP_DecryptUpdate(c.ctx, reinterpret_cast<unsigned char*>(plain.data()), &len,
                          bytesOf(cipher), static_cast<int>(cipher.size())) == 1 &&
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(kGcmTagBytes),
                            tag.data()) == 1 &&
        EVP_DecryptFinal_ex(c.ctx, reinterpret_cast<unsigned char*>(plain.data()) + len, &len) == 1;
    if (!ok) {
        // The tag did not verify: nothing of the unauthenticated plaintext is handed out.
        OPENSSL_cleanse(plain.data(), plain.size());
        return std::nullopt;
    }
    return plain;
}

}  // namespace renshe::services::backoffice
