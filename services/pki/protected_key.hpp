// A private key kept on disk under a passphrase (the counter's staff key): PKCS#8
// EncryptedPrivateKeyInfo, AES-256-CBC with a key derived by scrypt (N = 2^14, r = 8, p = 1),
// so that a copied key file is useless without the passphrase and guessing it is slow.
#pragma once

#include <optional>
#include <string>

namespace renshe::services::pki {

// `privateKeyPem` (any PEM private key) sealed under `passphrase` (at least 8 bytes; throws
// PkiError otherwise or when the key does not parse).
std::string protectPrivateKeyPem(const std::string& privateKeyPem, const std::string& passphrase);

// Whether `pem` is a passphrase-protected key ("ENCRYPTED PRIVATE KEY").
bool isProtectedKeyPem(const std::string& pem);

// The plain PEM (PKCS#8) of a protected key; nullopt when the passphrase is wrong. Throws
// PkiError when `protectedPem` is not a protected key at all.
std::optional<std::string> unprotectPrivateKeyPem(const std::string& protectedPem,
                                                  const std::string& passphrase);

}  // namespace renshe::services::pki
