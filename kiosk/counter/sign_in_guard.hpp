// The counter's sign-in budget: three wrong passphrases in a row lock the staff key file for
// a few minutes, counted in a file beside the counter's settings so that restarting the
// program neither resets the count nor lifts the lock. Plain C++ (unit-tested without Qt).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>

namespace renshe::kiosk::counter {

class SignInGuard {
public:
    SignInGuard(std::filesystem::path stateFile, int maxFailures, std::chrono::seconds lockFor);

    // Seconds until a passphrase may be tried again (0: now). `now` in seconds since the epoch.
    std::int64_t lockedFor(std::int64_t now) const;
    // A wrong passphrase: true when it locked the key (the budget is spent).
    bool recordFailure(std::int64_t now);
    // A right one: the count starts again.
    void recordSuccess();
    // Wrong passphrases left before the lock.
    int attemptsLeft() const;

private:
    void save() const;

    std::filesystem::path m_file;
    int m_maxFailures;
    std::chrono::seconds m_lockFor;
    int m_failures = 0;
    std::int64_t m_lockedUntil = 0;
};

}  // namespace renshe::kiosk::counter
