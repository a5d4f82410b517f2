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
    bool pending = false;
    const auto readEnrolment = [&](store::Tx& tx) {
        state = State::NotEnrolled;
        pending = false;
        const auto row = tx.queryOne(
            "SELECT public_key_sha256, revoked_at, next_public_key_sha256 FROM "
            "terminal_enrolments WHERE terminal_id = $1",
            {caller.identity.id});
        if (!row)
            return;
        if (!row->isNull(1))
            state = row->text(0) == caller.publicKeySha256 ? State::Revoked : State::KeyMismatch;
        else if (row->text(0) == caller.publicKeySha256)
            state = State::Enrolled;
        else
            state = State::KeyMismatch;
        pending = state == State::KeyMismatch && row->isNull(1) && !row->isNull(2) &&
                  row->text(2) == caller.publicKeySha256;
    };
    try {
        m_store.read(readEnrolment);
    } catch (const store::StoreUnavailable&) {
        // The primary is away (a failover): a standby knows the enrolments as of its last
        // replay, and nothing can be revoked on a primary that takes no writes.
        if (!m_replica)
            throw;
        m_replica->read(readEnrolment);
    }
    if (pending && promote(caller))
        state = State::Enrolled;
    return state;
}

bool TerminalGate::promote(const Caller& caller) {
    bool enrolled = false, switched = false;
    m_store.write([&](store::Tx& tx) {
        enrolled = switched = false;
        const auto row = tx.queryOne(
            "SELECT public_key_sha256, next_public_key_sha256 FROM terminal_enrolments WHERE "
            "terminal_id = $1 AND revoked_at IS NULL" +
                std::string(tx.forUpdate()),
            {caller.identity.id});
        if (!row)
            return;  // revoked meanwhile
        if (row->text(0) == caller.publicKeySha256) {
            enrolled = true;  // another call with this key switched it a moment ago
            return;
        }
        if (row->isNull(1) || row->text(1) != caller.publicKeySha256)
            return;  // renewed again meanwhile: another key is pending now
        tx.exec(
            "UPDATE terminal_enrolments SET public_key_sha256 = next_public_key_sha256, "
            "certificate_pem = next_certificate_pem, not_after = next_not_after, "
            "next_public_key_sha256 = NULL, next_certificate_pem = NULL, next_not_after = NULL "
            "WHERE terminal_id = $1",
            {caller.identity.id});
        enrolled = switched = true;
    });
    if (switched) {
        // The old key's cached answer must not outlive the switch.
        std::lock_guard lock(m_mutex);
        const std::string prefix = caller.identity.id + '\0';
        std::erase_if(m_entries, [&](const auto& e) { return e.first.starts_with(prefix); });
    }
    return enrolled;
}

void TerminalGate::require(const Caller& caller, bool mayWait) {
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
        if (!mayWait)
            throw WouldWait{};
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
