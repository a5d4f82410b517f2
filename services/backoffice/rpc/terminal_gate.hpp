// A terminal is who its certificate says only while the certificate's key is the one enrolled
// for its terminal id and that enrolment is not revoked (terminal_enrolments). The gate reads
// the enrolment from the database and trusts each answer for at most kFreshness after it knew
// it current, so a revocation made on any replica is seen by every replica within a second.
// An answer is kept with the token under which it was read (terminal_enrolments_token, which
// every change to the table renews: migrations 0029/0030). Once an answer is older than
// kFreshness, one read of the token, shared by every terminal and made at most once per
// kFreshness, says whether it is still current; only when the token has changed is the
// terminal's enrolment read again. A terminal that calls every 30 s (a heartbeat) so costs no
// read of its own. The first call made with a renewed certificate's new key switches the
// enrolment to it (one write).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "services/backoffice/rpc/caller.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

// Thrown, instead of waiting for storage, to a caller that said it must not wait (a gRPC
// callback thread, which every call on its channel shares): it runs the call again on a thread
// that may.
struct WouldWait {};

class TerminalGate {
public:
    static constexpr std::chrono::milliseconds kFreshness{500};

    explicit TerminalGate(store::Store& store) : m_store(store) {}
    // A read replica to ask when the primary is unavailable (nullptr = none); it outlives the
    // gate.
    void setReplica(store::Store* replica) { m_replica = replica; }

    // Throws Refused (UNAUTHENTICATED: TERMINAL_NOT_ENROLLED, TERMINAL_KEY_MISMATCH,
    // TERMINAL_REVOKED) for a terminal that may not call; staff pass (their certificates are
    // not enrolled). Throws store::StoreError when the database cannot say. `mayWait` false:
    // throws WouldWait unless the answer is in memory (a staff caller, or the terminal's answer
    // read, or confirmed by the token, less than kFreshness ago).
    void require(const Caller& caller, bool mayWait = true);

    // Reads made so far of one terminal's enrolment, and of the token (for tests; not exported).
    std::uint64_t enrolmentReads() const noexcept { return m_enrolmentReads.load(); }
    std::uint64_t tokenReads() const noexcept { return m_tokenReads.load(); }

private:
    using Clock = std::chrono::steady_clock;
    enum class State { Enrolled, NotEnrolled, KeyMismatch, Revoked };
    struct Entry {
        State state;
        Clock::time_point readAt;  // when the read that gave it began
        std::string token;         // terminal_enrolments_token as of that read
    };
    // The entry's state if it is known current: read less than kFreshness ago, or read under
    // the token last read less than kFreshness ago. `held` (when given): whether there is an
    // entry at all. Takes m_mutex.
    std::optional<State> current(const std::string& key, Clock::time_point now, bool* held);
    // Reads the token unless another thread read it less than kFreshness ago. False when the
    // primary cannot be read (the caller reads the enrolment, which may go to the replica).
    bool refreshToken();
    // The enrolment from the primary, or from the replica when the primary is unavailable
    // (`primaryAway`: known to be so already).
    Entry lookUp(const Caller& caller, Clock::time_point now, bool primaryAway);
    // The caller's key is its enrolment's pending key (RenewCertificate): from this first
    // call on it is the enrolled key and the old one is refused. True when the caller's key is
    // the enrolled one afterwards (also when a concurrent call switched it first); false when
    // the terminal was revoked or renewed again meanwhile.
    bool promote(const Caller& caller);

    store::Store& m_store;
    store::Store* m_replica = nullptr;
    std::mutex m_mutex;
    // Keyed by terminal id + '\0' + key digest: a second key under one id gets its own answer.
    std::unordered_map<std::string, Entry> m_entries;
    std::string m_token;          // the token as last read (guarded by m_mutex)
    Clock::time_point m_tokenAt;  // when that read began; epoch: never read
    std::mutex m_tokenReading;    // one token read at a time
    std::atomic<std::uint64_t> m_enrolmentReads{0}, m_tokenReads{0};
};

}  // namespace renshe::services::backoffice
