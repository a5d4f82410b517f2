// Sealing a short secret to the back office (a citizen's service password in a loss report the
// kiosk must keep in its outbox while the back office is unreachable): X25519 with a fresh
// ephemeral key → HKDF-SHA-256 → AES-256-GCM, bound to associated data (the request it
// belongs to). Only the holder of the back office's sealing key (its keystore) can open it, so
// the secret is never on the terminal's disk in a usable form.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace renshe::services::pki {

struct SealedSecret {
    std::string ephemeralPublicKey;  // 32 bytes (X25519)
    std::string nonce;               // 12 bytes
    std::string ciphertext;          // the secret's length + 16-byte tag
};

using SealingPrivateKey = std::array<std::uint8_t, 32>;

// A fresh private key, and the public key (32 bytes) that goes with one.
SealingPrivateKey newSealingKey();
std::string sealingPublicKey(const SealingPrivateKey& privateKey);
// Hex of the first 8 bytes of SHA-256(public key): names the key a secret was sealed to.
std::string sealingKeyId(std::string_view publicKey);

// Throws std::invalid_argument for a public key that is not 32 bytes.
SealedSecret seal(std::string_view recipientPublicKey, std::string_view secret,
                  std::string_view associatedData);
// The secret, or nullopt when anything was altered, the associated data differs or it was
// sealed to another key.
std::optional<std::string> unseal(const SealingPrivateKey& privateKey, const SealedSecret& sealed,
                                  std::string_view associatedData);

}  // namespace renshe::services::pki
