// A terminal is who its certificate says only while the certificate's key is the one enrolled
// for its terminal id and that enrolment is not revoked (terminal_enrolments). The gate reads
// the enrolment from the database and keeps each answer for at most kFreshness, so a
// revocation made on any replica is seen by every replica within a second, while a busy
// terminal costs one indexed read per kFreshness rather than one per call. The first call made
// with a renewed certificate's new key switches the enrolment to it (one write).
#pragma once

#include <chrono>
#include <mutex>
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
    // read less than kFreshness ago).
    void require(const Caller& caller, bool mayWait = true);

private:
    enum class State { Enrolled, NotEnrolled, KeyMismatch, Revoked };
    struct Entry {
        State state;
        std::chrono::steady_clock::time_point readAt;
    };
    State lookUp(const Caller& caller);
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
};

}  // namespace renshe::services::backoffice
