// The SQLite writer's group commit (sqlite_store.cpp): the writes the writer thread took from
// its queue become one transaction, each write's outcome landing in its GroupWrite.
//
// A group first runs with no savepoint per write. A savepoint makes SQLite copy every page a
// write changes, the first time within the savepoint, into its statement journal: ~8 pages a
// PIN change (the audit event's b-trees and head, the request's record), 32 KiB copied and as
// many small allocations, a sixth of the writer's time in bench.backoffice. Should any write of
// the group fail, nothing of that run is kept: the group runs again with a savepoint each, so
// that the failed write alone is undone (the store's contract lets a write run more than once),
// and the next groups keep the savepoints for a while, so that a workload where writes often
// fail does not pay for every group twice.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <vector>

#include "drivers/util/histogram.hpp"
#include "services/store/sqlite_connection.hpp"
#include "services/store/store.hpp"

namespace renshe::services::store::detail::sqlite {

struct GroupWrite {
    const std::function<void(Tx&)>* fn = nullptr;
    std::exception_ptr error;  // what the write failed with; null once committed
    std::chrono::steady_clock::time_point queued;
    bool waitObserved = false;  // its wait for the writer is in the histogram already
};

class GroupCommitter {
public:
    struct Counters {
        util::LatencyHistogram& writeWait;  // from queued to the write's (first) run
        util::LatencyHistogram* commit;     // COMMIT's time, when it flushes (no syncer)
        std::atomic<std::uint64_t>& commits;
        std::atomic<std::uint64_t>& writes;
    };

    GroupCommitter(Connection& writer, Counters counters)
        : m_writer(writer), m_counters(counters) {}

    // Commits what it can of `group`; every write's outcome is in its GroupWrite. Never throws.
    void run(const std::vector<GroupWrite*>& group) noexcept;

    // Groups that run with a savepoint per write after one whose run without them failed.
    static constexpr int kIsolatedAfterFailure = 16;

private:
    bool runTogether(const std::vector<GroupWrite*>& group) noexcept;
    void runIsolated(const std::vector<GroupWrite*>& group) noexcept;
    void commit(const std::vector<GroupWrite*>& members) noexcept;
    void observeWait(GroupWrite& w);
    void rollbackQuietly() noexcept;

    Connection& m_writer;
    Counters m_counters;
    int m_isolatedGroupsLeft = 0;
};

}  // namespace renshe::services::store::detail::sqlite
