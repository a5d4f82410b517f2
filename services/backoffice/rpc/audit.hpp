// The append-only, hash-chained audit log. Every mutation and every refusal is one event;
// each event's hash covers the previous event's hash and its own canonical form, so an
// edited, removed or reordered row breaks the chain at that row.
//
//   hash(n) = SHA-256( previous_hash(n) || canonical(n) )
//   canonical = for each field in order (seq, at, actor, terminal_id, event_type,
//               masked_subject, subject_digest, outcome, request_id):
//               8-byte big-endian length || bytes   (integers as decimal text)
//
// The chain head (last sequence and hash) is one row (audit_head) locked by every append, so
// sequences are gapless across replicas of the back office.
#pragma once

#include <cstdint>
#include <string>

#include "services/store/store.hpp"

namespace renshe::services::backoffice {

struct AuditEntry {
    std::string actor;          // terminal id or staff id
    std::string terminalId;     // where it happened, if at a terminal
    std::string eventType;      // "card.report_temporary_loss"
    std::string maskedSubject;  // "220***********1234"; never the full ID number
    std::string subjectDigest;  // Keystore::subjectDigest of the ID number, or ""
    std::string outcome;        // "OK" or a RefusalReason value name
    std::string requestId;
};

struct StoredAuditEvent {
    std::int64_t seq = 0;
    std::int64_t atMicros = 0;
    AuditEntry entry;
    std::string previousHashHex;
    std::string hashHex;
};

// Appends inside the caller's transaction; returns the new sequence number.
std::int64_t appendAudit(store::Tx& tx, const AuditEntry& entry, std::int64_t atMicros);

std::string auditHashHex(const std::string& previousHashHex, std::int64_t seq,
                         std::int64_t atMicros, const AuditEntry& entry);

struct AuditVerification {
    bool intact = true;
    std::int64_t eventsChecked = 0;
    std::int64_t firstBrokenSequence = 0;
    std::string
        reason;  // "hash mismatch", "previous_hash mismatch", "sequence gap", "head mismatch"
};

// Recomputes the chain from `fromSequence` (0 = the first event), in pages.
AuditVerification verifyAudit(store::Tx& tx, std::int64_t fromSequence);

}  // namespace renshe::services::backoffice
