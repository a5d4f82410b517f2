#include "services/backoffice/rpc/terminal_gate.hpp"

#include "renshe/v1/common.pb.h"

namespace renshe::services::backoffice {

using renshe::v1::REFUSAL_REASON_TERMINAL_KEY_MISMATCH;
using renshe::v1::REFUSAL_REASON_TERMINAL_NOT_ENROLLED;
using renshe::v1::REFUSAL_REASON_TERMINAL_REVOKED;

namespace {
constexpr std::size_t kMaxEntries = 100000;
}

TerminalGate::State TerminalGate::lookUp(const Caller& caller) {
    State state = State::NotEnrolled;
    m_store.read([&](store::Tx& tx) {
        state = State::NotEnrolled;
        const auto row = tx.queryOne(
            "SELECT public_key_sha256, revoked_at FROM terminal_enrolments WHERE terminal_id = $1",
            {caller.identity.id});
        if (!row)
            return;
        if (row->text(0) != caller.publicKeySha256)
            state = State::KeyMismatch;
        else if (!row->isNull(1))
            state = State::Revoked;
        else
            state = State::Enrolled;
    });
    return state;
}

void TerminalGate::require(const Caller& caller) {
    if (caller.isStaff())
        return;
    const auto now = std::chrono::steady_clock::now();
    const std::string key = caller.identity.id + '\0' + caller.publicKeySha256;
    State state;
    bool cached = false;
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_entries.find(key);
            it != m_entries.end() && now - it->second.readAt < kFreshness) {
            state = it->second.state;
            cached = true;
        }
    }
    if (!cached) {
        state = lookUp(caller);
        std::lock_guard lock(m_mutex);
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
        m_entries[key] = Entry{state, now};
    }
    switch (state) {
        case State::Enrolled:
            return;
        case State::NotEnrolled:
            throw Refused({grpc::StatusCode::UNAUTHENTICATED, REFUSAL_REASON_TERMINAL_NOT_ENROLLED,
                           "terminal " + caller.identity.id + " is not enrolled"});
        case State::KeyMismatch:
            throw Refused({grpc::StatusCode::UNAUTHENTICATED, REFUSAL_REASON_TERMINAL_KEY_MISMATCH,
                           "terminal " + caller.identity.id +
                               " is enrolled with another key than this certificate's"});
        case State::Revoked:
            throw Refused({grpc::StatusCode::UNAUTHENTICATED, REFUSAL_REASON_TERMINAL_REVOKED,
                           "terminal " + caller.identity.id + " was revoked"});
    }
}

}  // namespace renshe::services::backoffice
