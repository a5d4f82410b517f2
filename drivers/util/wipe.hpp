// Overwriting memory that held a secret (a PIN, a password, a private key) in a way the
// compiler cannot optimise away, and a guard that does it when a scope ends however it ends.
#pragma once

#include <string.h>  // explicit_bzero

#include <string>

namespace renshe::util {

inline void wipe(std::string& secret) noexcept {
    if (!secret.empty())
        explicit_bzero(secret.data(), secret.size());
}

// Wipes the string it was given when it goes out of scope (the string must outlive it).
class WipeOnExit {
public:
    explicit WipeOnExit(std::string& secret) noexcept : m_secret(secret) {}
    ~WipeOnExit() { wipe(m_secret); }
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;

private:
    std::string& m_secret;
};

}  // namespace renshe::util
