#include "services/store/pg_group.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <thread>

namespace renshe::services::store::detail::pg {

void decideRest(const Group& group, PendingWrite::Outcome outcome,
                const std::exception_ptr& error) noexcept {
    for (const auto& p : group) {
        if (!p->decided) {
            p->outcome = outcome;
            p->error = error;
            p->decided = true;
        }
    }
}

std::exception_ptr runMember(PgTx& tx, PendingWrite& p, std::size_t member) {
    try {
        tx.beginMember(member);
        static_cast<Tx&>(tx).execLater("SAVEPOINT group_member");
        (*p.fn)(tx);
        if (tx.failure())
            std::rethrow_exception(tx.failure());
        static_cast<Tx&>(tx).execLater("RELEASE SAVEPOINT group_member");
        return nullptr;
    } catch (...) {
        return writeOutcome(std::current_exception(), tx.failure());
    }
}

std::optional<std::size_t> recover(PgTx& tx, const Group& group, std::size_t current,
                                   std::exception_ptr error) {
    tx.flush();  // whatever is still on its way back: an earlier write's failure?
    const std::size_t failed = tx.failedMember().value_or(current);
    if (failed != current)
        error = tx.failure();  // that statement's, not what this write threw on it
    const std::string state = tx.state();
    if (failed >= group.size() || tx.lost() || state == "25006" ||
        !tx.rollbackToSavepoint("group_member"))
        return std::nullopt;
    PendingWrite& p = *group[failed];
    p.outcome = retryable(state) ? PendingWrite::Outcome::Retry : PendingWrite::Outcome::Failed;
    p.error = error;
    p.decided = true;
    return failed + 1;
}

bool finish(PgConn& conn, PgTx& tx) {
    tx.abandon();  // what was sent ahead, read back first
    if (!tx.lost()) {
        Result r(PQexec(conn.c, "ROLLBACK"));
        if (PQresultStatus(r.get()) == PGRES_COMMAND_OK) {
            return true;
        }
    }
    conn.needsReset = true;
    return false;
}

void rethrowAsUnavailable(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const StoreUnavailable&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreUnavailable(std::string("postgres: connection lost: ") + e.what());
    } catch (...) {
        throw StoreUnavailable("postgres: connection lost");
    }
}

std::exception_ptr asUnavailable(const std::exception_ptr& error) noexcept {
    try {
        rethrowAsUnavailable(error);
    } catch (...) {
        return std::current_exception();
    }
}

void backOff(int attempt) {
    thread_local std::mt19937 rng(std::random_device{}());
    const int ceiling = std::min(2 << attempt, 64);  // ms: 4, 8, 16, 32, 64 …
    std::uniform_int_distribution<int> pick(1, ceiling);
    std::this_thread::sleep_for(std::chrono::milliseconds(pick(rng)));
}

}  // namespace renshe::services::store::detail::pg
