#include "kiosk/counter/sign_in_guard.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include "services/pki/pki.hpp"

namespace renshe::kiosk::counter {

SignInGuard::SignInGuard(std::filesystem::path stateFile, int maxFailures,
                         std::chrono::seconds lockFor)
    : m_file(std::move(stateFile)), m_maxFailures(maxFailures), m_lockFor(lockFor) {
    // "failures N\nlocked_until T\n"; anything unreadable counts as a clean start only if
    // the file is absent: a damaged file locks, so deleting half of it gains nothing.
    std::ifstream in(m_file);
    if (!in)
        return;
    std::string key;
    std::int64_t value = 0;
    bool readable = false;
    while (in >> key >> value) {
        readable = true;
        if (key == "failures")
            m_failures = static_cast<int>(value);
        else if (key == "locked_until")
            m_lockedUntil = value;
    }
    if (!readable)
        m_failures = m_maxFailures - 1;
}

std::int64_t SignInGuard::lockedFor(std::int64_t now) const {
    return m_lockedUntil > now ? m_lockedUntil - now : 0;
}

bool SignInGuard::recordFailure(std::int64_t now) {
    if (m_lockedUntil != 0 && m_lockedUntil <= now) {
        // The lock has run out: a fresh budget after it.
        m_failures = 0;
        m_lockedUntil = 0;
    }
    ++m_failures;
    const bool locks = m_failures >= m_maxFailures;
    if (locks)
        m_lockedUntil = now + m_lockFor.count();
    save();
    return locks;
}

void SignInGuard::recordSuccess() {
    m_failures = 0;
    m_lockedUntil = 0;
    save();
}

int SignInGuard::attemptsLeft() const {
    return m_failures >= m_maxFailures ? 0 : m_maxFailures - m_failures;
}

void SignInGuard::save() const {
    std::ostringstream out;
    out << "failures " << m_failures << "\nlocked_until " << m_lockedUntil << "\n";
    std::filesystem::create_directories(m_file.parent_path());
    services::pki::writeFileAtomically(
        m_file, out.str(),
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

}  // namespace renshe::kiosk::counter
