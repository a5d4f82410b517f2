// Refusals that name no person — a malformed request, a caller in the wrong role, a stream
// that may not be opened — are audited in aggregate: counted here, in memory, and written as
// one audit event per caller, event type, reason and region with how many there were
// (AuditEntry::repeats), each sweep round (about a minute) and at shutdown. A terminal sending
// garbage then costs the database one row a minute instead of one durable write per call.
// Refusals about a person (a wrong second factor, a rate limit on an ID number, an unknown
// person) stay one event each: they are what an investigation of that person reads.
//
// What a crash loses: the refusals counted since the last round (they were answers, never
// acknowledged writes).
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "services/backoffice/rpc/audit.hpp"

namespace renshe::services::backoffice {

class RefusalTally {
public:
    // Distinct kinds kept at once; past that, further new kinds are counted together under
    // one "(other)" event, so a caller inventing event types cannot grow the tally.
    static constexpr std::size_t kMaxKinds = 10000;

    // Counts `count` refusals like `entry` (its request id and repeats are not kept).
    void add(const AuditEntry& entry, std::int64_t count = 1);
    // Everything counted since the last take, each with its repeats; empties the tally.
    std::vector<AuditEntry> take();

private:
    std::mutex m_mutex;
    std::map<std::string, AuditEntry> m_kinds;
};

}  // namespace renshe::services::backoffice
