#include "services/store/sqlite_group.hpp"

#include <string>

#include "services/store/internal.hpp"

namespace renshe::services::store::detail::sqlite {

void GroupCommitter::run(const std::vector<GroupWrite*>& group) noexcept {
    if (m_isolatedGroupsLeft > 0) {
        --m_isolatedGroupsLeft;
        runIsolated(group);
        return;
    }
    if (!runTogether(group)) {
        m_isolatedGroupsLeft = kIsolatedAfterFailure;
        runIsolated(group);
    }
}

void GroupCommitter::observeWait(GroupWrite& w) {
    if (!w.waitObserved) {
        m_counters.writeWait.observe(std::chrono::steady_clock::now() - w.queued);
        w.waitObserved = true;
    }
}

void GroupCommitter::rollbackQuietly() noexcept {
    try {
        if (m_writer.inTransaction()) {
            m_writer.control("ROLLBACK");
        }
    } catch (...) {
    }
}

// One transaction, no savepoints. False, with the transaction rolled back and no outcome set,
// when anything failed: a write (its exception or a statement's failure), or BEGIN.
bool GroupCommitter::runTogether(const std::vector<GroupWrite*>& group) noexcept {
    try {
        m_writer.control("BEGIN IMMEDIATE");
    } catch (...) {
        return false;  // runIsolated() tries again and tells each write
    }
    for (GroupWrite* w : group) {
        try {
            observeWait(*w);
            SqliteTx tx(m_writer);
            (*w->fn)(tx);
            if (tx.failure() || !m_writer.inTransaction()) {
                rollbackQuietly();
                return false;
            }
        } catch (...) {
            rollbackQuietly();
            return false;
        }
    }
    commit(group);
    return true;
}

// Runs the group in as few transactions as possible (one unless SQLite itself rolls a
// transaction back on an error), each callback in its own savepoint.
void GroupCommitter::runIsolated(const std::vector<GroupWrite*>& group) noexcept {
    std::size_t i = 0;
    while (i < group.size()) {
        try {
            m_writer.control("BEGIN IMMEDIATE");
        } catch (...) {
            const std::exception_ptr error = std::current_exception();
            for (; i < group.size(); ++i) {
                group[i]->error = error;
            }
            return;
        }
        std::vector<GroupWrite*> members;  // callbacks released into this transaction
        bool lost = false;                 // the transaction ended before COMMIT
        for (; i < group.size() && !lost; ++i) {
            GroupWrite* w = group[i];
            try {
                m_writer.control("SAVEPOINT s");
            } catch (...) {
                w->error = std::current_exception();
                lost = !m_writer.inTransaction();
                continue;
            }
            SqliteTx tx(m_writer);
            try {
                observeWait(*w);
                (*w->fn)(tx);
                if (tx.failure()) {
                    std::rethrow_exception(tx.failure());
                }
                if (!m_writer.inTransaction()) {
                    throw StoreError("sqlite: the write callback ended the transaction");
                }
                m_writer.control("RELEASE s");
                members.push_back(w);
            } catch (...) {
                w->error = writeOutcome(std::current_exception(), tx.failure());
                if (!m_writer.inTransaction()) {
                    lost = true;  // SQLite rolled the whole transaction back (disk full, …)
                    continue;
                }
                try {
                    m_writer.control("ROLLBACK TO s");
                    m_writer.control("RELEASE s");
                } catch (...) {
                    rollbackQuietly();
                    lost = true;
                }
            }
        }
        if (lost) {
            rollbackQuietly();
            const auto error = std::make_exception_ptr(StoreUnavailable(
                "sqlite: the group transaction was rolled back by another write's failure"));
            for (GroupWrite* w : members) {
                w->error = error;
            }
            continue;  // the rest of the group gets a fresh transaction
        }
        commit(members);
    }
}

void GroupCommitter::commit(const std::vector<GroupWrite*>& members) noexcept {
    try {
        const auto committing = std::chrono::steady_clock::now();
        m_writer.control("COMMIT");
        if (m_counters.commit != nullptr) {
            m_counters.commit->observe(std::chrono::steady_clock::now() - committing);
        }
        m_counters.commits.fetch_add(1);
        m_counters.writes.fetch_add(members.size());
    } catch (const std::exception& e) {
        rollbackQuietly();
        const auto error = std::make_exception_ptr(
            StoreUnavailable(std::string("sqlite: commit failed: ") + e.what()));
        for (GroupWrite* w : members) {
            w->error = error;
        }
    }
}

}  // namespace renshe::services::store::detail::sqlite
