#include "services/backoffice/rpc/terminal_gate.hpp"

#include "renshe/v1/common.pb.h"

namespace renshe::services::backoffice {

using renshe::v1::REFUSAL_REASON_TERMINAL_KEY_MISMATCH;
using renshe::v1::REFUSAL_REASON_TERMINAL_NOT_ENROLLED;
using renshe::v1::REFUSAL_REASON_TERMINAL_REVOKED;

namespace {
constexpr std::size_t kMaxEntries = 100000;
constexpr const char* kTokenQuery = "SELECT token FROM terminal_enrolments_token WHERE id = 1";
}  // namespace

TerminalGate::Entry TerminalGate::lookUp(const Caller& caller, Clock::time_point now,
                                         bool primaryAway) {
    Entry entry{State::NotEnrolled, now, {}};
    bool pending = false;
    // The enrolment and the token from one snapshot: the answer holds as long as the token.
    // The token is read first, so that even without one snapshot an answer could only carry
    // an older token than its row (and be read again sooner), never a newer one.
    const auto readEnrolment = [&](store::Tx& tx) {
        entry.state = State::NotEnrolled;
        pending = false;
        const auto token = tx.queryOne(kTokenQuery);
        entry.token = token ? token->text(0) : std::string();
        const auto row = tx.queryOne(
            "SELECT public_key_sha256, revoked_at, next_public_key_sha256 FROM "
            "terminal_enrolments WHERE terminal_id = $1",
            {caller.identity.id});
        if (!row)
            return;
        State& state = entry.state;
        if (!row->isNull(1))
            state = row->text(0) == caller.publicKeySha256 ? State::Revoked : State::KeyMismatch;
        else if (row->text(0) == caller.publicKeySha256)
            state = State::Enrolled;
        else
            state = State::KeyMismatch;
        pending = state == State::KeyMismatch && row->isNull(1) && !row->isNull(2) &&
                  row->text(2) == caller.publicKeySha256;
    };
    ++m_enrolmentReads;
    // The primary away (a failover): a standby knows the enrolments as of its last replay,
    // and nothing can be revoked on a primary that takes no writes.
    const auto fromReplica = [&] {
        if (!m_replica)
            throw store::StoreUnavailable("the primary is unavailable and there is no replica");
        m_replica->read(readEnrolment);
    };
    if (primaryAway) {
        fromReplica();
    } else {
        try {
            m_store.read(readEnrolment);
        } catch (const store::StoreUnavailable&) {
            if (!m_replica)
                throw;
            fromReplica();
        }
    }
    if (pending && promote(caller)) {
        entry.state = State::Enrolled;
        entry.token.clear();  // the switch renewed the token: trust this for kFreshness only
    }
    return entry;
}

std::optional<TerminalGate::State> TerminalGate::current(const std::string& key,
                                                         Clock::time_point now, bool* held) {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    if (held)
        *held = it != m_entries.end();
    if (it == m_entries.end())
        return std::nullopt;
    const Entry& e = it->second;
    if (now - e.readAt < kFreshness)
        return e.state;
    if (!e.token.empty() && e.token == m_token && now - m_tokenAt < kFreshness)
        return e.state;
    return std::nullopt;
}

bool TerminalGate::refreshToken() {
    std::lock_guard reading(m_tokenReading);
    {
        std::lock_guard lock(m_mutex);
        if (Clock::now() - m_tokenAt < kFreshness)
            return true;  // read by another call while this one waited
    }
    // The read's own start, not `now`: the token is known current from there on.
    const auto begun = Clock::now();
    std::string token;
    ++m_tokenReads;
    try {
        m_store.read([&](store::Tx& tx) {
            const auto row = tx.queryOne(kTokenQuery);
            token = row ? row->text(0) : std::string();
        });
    } catch (const store::StoreUnavailable&) {
        return false;
    }
    std::lock_guard lock(m_mutex);
    m_token = std::move(token);
    m_tokenAt = begun;
    return true;
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
    const auto now = Clock::now();
    const std::string key = caller.identity.id + '\0' + caller.publicKeySha256;
    bool held = false;
    std::optional<State> state = current(key, now, &held);
    bool primaryAway = false;
    if (!state) {
        if (!mayWait)
            throw WouldWait{};
        // An answer held but older than kFreshness may still be current; the token says.
        // The clock read again: this call may have waited for another's read of the token.
        if (held) {
            primaryAway = !refreshToken();
            if (!primaryAway)
                state = current(key, Clock::now(), nullptr);
        }
    }
    if (!state) {
        Entry entry = lookUp(caller, now, primaryAway);
        state = entry.state;
        std::lock_guard lock(m_mutex);
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
        m_entries[key] = std::move(entry);
    }
    switch (*state) {
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
