// The back office's secrets, kept in a keystore file outside the database (0600, owned by the
// service user): the PIN-reset master key (the HSM's key, 加密机主密钥), the audit subject
// key (keyed digests of ID numbers in the audit log), the service-password pepper and the
// template key (fingerprint templates encrypted at rest).
//
// File format, one `name = hex` per line, '#' comments:
//   master-key = 32 hex digits       (SM4, 16 bytes)
//   audit-key  = 64 hex digits       (HMAC-SHA-256, 32 bytes)
//   password-pepper = 64 hex digits  (HMAC-SHA-256, 32 bytes)
//   template-key = 64 hex digits     (AES-256-GCM, 32 bytes: fingerprint templates at rest)
//   sealing-key = 64 hex digits      (X25519, 32 bytes: service passwords kiosks seal for their
//                                     outbox; optional, older keystores lack it)
//   statement-key = 64 hex digits    (Ed25519 seed, 32 bytes: signs 我的社保 statements;
//                                     optional, older keystores lack it)
// `renshe-admin keystore new FILE` writes one with fresh random keys.
//
// Keys are never logged, never stored in the database, and never leave the process except as
// the PIN-reset cryptogram the contract defines. The memory holding them is wiped on exit.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "drivers/sscard/pin_reset_crypto.hpp"
#include "drivers/util/histogram.hpp"
#include "services/backoffice/rpc/keyed_hmac.hpp"
#include "services/pki/sealing.hpp"

namespace renshe::services::backoffice {

// An Argon2id evaluation not started because its caller's deadline passed while it waited for
// a turn: nothing was hashed, the caller has stopped listening and will try again.
class PasswordCheckAbandoned : public std::runtime_error {
public:
    PasswordCheckAbandoned() : std::runtime_error("the caller's deadline passed before a turn") {}
};

class KeystoreError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Keystore {
public:
    // Throws KeystoreError naming the file and line (never a key) when it cannot be used.
    static Keystore load(const std::filesystem::path& path);
    // Fresh random keys, written 0600 atomically (refuses to overwrite).
    static void create(const std::filesystem::path& path);
    // The demo's well-known master key ("RENSHE-DEMO-MK01") with random other keys: the
    // sample cards of drivers/sim/cards are personalised with it.
    static void createDemo(const std::filesystem::path& path);

    Keystore(const Keystore&) = delete;
    Keystore& operator=(const Keystore&) = delete;
    Keystore(Keystore&&) noexcept;
    Keystore& operator=(Keystore&&) = delete;
    ~Keystore();

    const drivers::sscard::Key& masterKey() const noexcept { return m_master; }

    // HMAC-SHA-256(audit-key, normalised ID number), hex: what the audit log stores to find a
    // subject's events without holding the ID number.
    std::string subjectDigest(std::string_view ssn) const;

    // HMAC-SHA-256(pepper, "request\0" || data), hex: the fingerprint of a request body kept
    // to recognise retries. Requests may hold a 6-digit service password; a plain hash of
    // them would give it back to anyone with the database and 10^6 tries.
    std::string requestFingerprint(std::string_view data) const;

    // HMAC-SHA-256(audit-key, data), raw 32 bytes: the keyed audit chain and its checkpoints
    // (whoever can write the database cannot recompute them without this key).
    std::string auditMac(std::string_view data) const;

    // The verifier of a 6-digit service password: Argon2id (libsodium crypto_pwhash, 19 MiB,
    // 2 passes: ~12 ms of one core) over HMAC-SHA-256(pepper, salt || password), so that a
    // database dump alone gives nothing to try (the pepper is in this keystore), and with the
    // keystore too each guess still costs the memory-hard hash: 10^6 guesses are hours of a
    // core per person instead of a second. "argon2id$m=19456,t=2$<salt hex>$<hash hex>".
    // It is slow on purpose: callers compute it outside any write transaction.
    // Both wait for an Argon2id turn until `until` at the latest (then PasswordCheckAbandoned).
    using Until = std::chrono::steady_clock::time_point;
    static constexpr Until kNoDeadline = Until::max();
    std::string hashServicePassword(std::string_view password, Until until = kNoDeadline) const;
    struct PasswordCheck {
        bool matches = false;
        // Matched a verifier of an older scheme (keyed HMAC "hmac-sha256$…") or older
        // parameters: replace it with hashServicePassword() of the same password.
        bool outdated = false;
    };
    PasswordCheck checkServicePassword(std::string_view password, std::string_view stored,
                                       Until until = kNoDeadline) const;
    bool verifyServicePassword(std::string_view password, std::string_view stored) const {
        return checkServicePassword(password, stored).matches;
    }

    // Fingerprint templates at rest: AES-256-GCM under the template key with a fresh random
    // 12-byte nonce per call; `associatedData` is authenticated, not stored. Returns
    // nonce || ciphertext || 16-byte tag.
    std::string sealTemplate(std::string_view plaintext, std::string_view associatedData) const;
    // The plaintext, or nullopt when `sealed` was altered, belongs to other associated data
    // (another person, finger or sensor) or was sealed under another key.
    std::optional<std::string> openTemplate(std::string_view sealed,
                                            std::string_view associatedData) const;

    // The sealing key's public half (32 bytes) and id; nullopt without a sealing key.
    std::optional<std::string> sealingPublicKey() const;
    // A secret a kiosk sealed to this keystore's key (services/pki/sealing.hpp); nullopt when
    // there is no sealing key or it does not open.
    std::optional<std::string> openSealed(const pki::SealedSecret& sealed,
                                          std::string_view associatedData) const;

    // Statements (records/statements.hpp): an Ed25519 signature of `message` (64 bytes) with
    // the statement key; nullopt without one.
    std::optional<std::string> signStatement(std::string_view message) const;
    // Whether `signature` is the statement key's over `message` (false without a key).
    bool statementSignatureValid(std::string_view message, std::string_view signature) const;
    // The statement key's public half (32 bytes); nullopt without one.
    std::optional<std::string> statementPublicKey() const;

private:
    Keystore() = default;
    // HMAC-SHA-256(pepper, "service-password\0" || salt || password): Argon2id's input.
    std::string peppered(std::string_view salt, std::string_view password) const;
    std::string argon2(std::string_view salt, std::string_view password, std::size_t memoryKiB,
                       unsigned long long passes, Until until) const;
    drivers::sscard::Key m_master{};
    std::array<std::uint8_t, 32> m_auditKey{};
    std::array<std::uint8_t, 32> m_pepper{};
    // HMAC-SHA-256 keyed once with the audit key and the pepper: each MAC starts from copies
    // of the keyed states (OpenSSL's one-shot HMAC() looked the algorithm up again on every
    // call: 4 % of the back office's CPU under PIN-change writes in bench.backoffice).
    KeyedHmac m_auditMac;
    KeyedHmac m_pepperMac;
    void keyMacs();
    std::array<std::uint8_t, 32> m_templateKey{};
    std::optional<pki::SealingPrivateKey> m_sealingKey;
    // Ed25519: libsodium's 64-byte secret key (seed || public key) and the public key.
    std::optional<std::array<std::uint8_t, 64>> m_statementSecret;
    std::array<std::uint8_t, 32> m_statementPublic{};
};

// SHA-256 of `data`, raw 32 bytes.
std::string sha256(std::string_view data);
// Cryptographically random bytes (OpenSSL RAND_bytes).
std::string randomBytes(std::size_t n);

// The process's Argon2id turns (one per core at a time, first come first served; every
// Keystore shares them): how long evaluations waited for theirs, and how many wait now.
util::LatencyHistogram::Snapshot passwordHashWaits();
std::size_t passwordHashesWaiting();
// Evaluations not started because the caller's deadline passed first (PasswordCheckAbandoned).
std::uint64_t passwordHashesAbandoned();

}  // namespace renshe::services::backoffice
