// The writes of one PostgreSQL group transaction (postgres_store.cpp runs the groups): each
// queued write's entry, and running one write in its savepoint and recovering from a failure,
// given to the write whose statement it was (pg_tx.hpp: beginMember, failedMember).
#pragma once

#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "drivers/util/one_shot.hpp"
#include "services/store/pg_tx.hpp"

namespace renshe::services::store::detail::pg {

// A write waiting for a group writer, and what became of it.
struct PendingWrite {
    enum class Outcome { Committed, Failed, Retry, Rerun };
    const std::function<void(Tx&)>* fn = nullptr;
    Store::Priority priority = Store::Priority::Normal;
    std::chrono::steady_clock::time_point queued;
    Outcome outcome = Outcome::Committed;
    bool decided = false;  // its outcome is set (before the COMMIT: it failed on its own)
    std::exception_ptr error;
    util::OneShot done;  // set by the writer once decided; the caller waits on it
    // writeAsync(): the callback, kept here, and what the writer calls instead of waking a
    // caller.
    std::function<void(Tx&)> ownedFn;
    Store::WriteDone then;
};
using Group = std::vector<std::shared_ptr<PendingWrite>>;

// Decides every write of `group` not yet decided.
void decideRest(const Group& group, PendingWrite::Outcome outcome,
                const std::exception_ptr& error) noexcept;

// Runs write `member` of a group in its savepoint, leaving its RELEASE to travel with
// what comes next. Returns what it threw (or a statement's failure), else nullptr.
std::exception_ptr runMember(PgTx& tx, PendingWrite& p, std::size_t member);

// After `error` while write `current` ran (or, with current == group.size(), while the
// last writes' statements were read back): finds the write whose statement failed first
// (an earlier one's may have travelled with this one's), rolls back to that write's
// savepoint and decides its outcome. The writes after it run again. Returns the write to
// run next; nullopt when the transaction is lost (postgres_store.cpp's abandonGroup
// then decides the rest).
std::optional<std::size_t> recover(PgTx& tx, const Group& group, std::size_t current,
                                   std::exception_ptr error);

// After a failed callback: rolls back. False when the connection is gone (it is then
// re-connected by its next user).
bool finish(PgConn& conn, PgTx& tx);

// A failure as the caller of a write whose connection was lost sees it: StoreUnavailable.
[[noreturn]] void rethrowAsUnavailable(const std::exception_ptr& error);
std::exception_ptr asUnavailable(const std::exception_ptr& error) noexcept;

// The pause before a write's next attempt (`attempt`: the one that failed, from 1): random, up
// to a ceiling that doubles from 4 ms to 64 ms.
void backOff(int attempt);

}  // namespace renshe::services::store::detail::pg
