#include "services/backoffice/rpc/refusal_tally.hpp"

namespace renshe::services::backoffice {

void RefusalTally::add(const AuditEntry& entry, std::int64_t count) {
    std::string key;
    for (const std::string* part : {&entry.actor, &entry.terminalId, &entry.eventType,
                                    &entry.maskedSubject, &entry.outcome, &entry.region}) {
        key += *part;
        key += '\0';
    }
    std::lock_guard lock(m_mutex);
    auto it = m_kinds.find(key);
    if (it == m_kinds.end()) {
        AuditEntry kept = entry;
        if (m_kinds.size() >= kMaxKinds) {
            key = std::string("(other)");
            kept = AuditEntry{};
            kept.actor = "(other)";
            kept.eventType = "(other)";
            kept.outcome = "REFUSALS_NOT_ITEMISED";
        }
        kept.requestId.clear();
        kept.repeats = 0;
        it = m_kinds.try_emplace(key, std::move(kept)).first;
    }
    it->second.repeats += count;
}

std::vector<AuditEntry> RefusalTally::take() {
    std::map<std::string, AuditEntry> taken;
    {
        std::lock_guard lock(m_mutex);
        taken.swap(m_kinds);
    }
    std::vector<AuditEntry> out;
    out.reserve(taken.size());
    for (auto& [_, e] : taken)
        out.push_back(std::move(e));
    return out;
}

}  // namespace renshe::services::backoffice
