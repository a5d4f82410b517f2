// The append-only, hash-chained audit log. Every mutation and every refusal is one event;
// each event's hash covers the previous event's hash and its own canonical form, so an
// edited, removed or reordered row breaks the chain at that row.
//
//   hash(n) = HMAC-SHA-256( audit-key, previous_hash(n) || canonical(n) )   (keyed = 1)
//   hash(n) = SHA-256( previous_hash(n) || canonical(n) )   (keyed = 0: events written before
//             the chain was keyed; none may follow a keyed one)
//   canonical = for each field in order (seq, at, actor, terminal_id, event_type,
//               masked_subject, subject_digest, outcome, request_id[, region when keyed]
//               [, repeats when not 1]):
//               8-byte big-endian length || bytes   (integers as decimal text)
//
// The chain head (last sequence and hash) is one row (audit_head) locked by every append, so
// sequences are gapless across replicas of the back office. On PostgreSQL a write records its
// event as pending in its own transaction and a chainer appends pending events in batches
// (audit_chainer.hpp), so that writes do not queue on that row's lock through their commits. A
// database writer without the audit key cannot recompute keyed hashes; one who rewrites the whole
// chain unkeyed, or cuts its tail and moves the head back, is caught by a checkpoint: (sequence,
// hash, time) with an HMAC under the audit key, written outside the database (--audit-checkpoint
// FILE) every minute and at shutdown, and given back to VerifyAuditChain.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "services/backoffice/rpc/keystore.hpp"
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
    std::string region;  // the subject's, else the caller's; "" = province-wide (keyed events)
    std::int64_t repeats = 1;  // > 1: that many refusals of this kind in one round (RefusalTally)
};

struct StoredAuditEvent {
    std::int64_t seq = 0;
    std::int64_t atMicros = 0;
    AuditEntry entry;
    std::string previousHashHex;
    std::string hashHex;
};

// Appends inside the caller's transaction (keyed); returns the new sequence number.
std::int64_t appendAudit(store::Tx& tx, const Keystore& keys, const AuditEntry& entry,
                         std::int64_t atMicros);

// PostgreSQL: records the event in the caller's transaction without touching the head (no
// lock shared by every write); chainPendingAudit() gives it its place in the chain later.
// `id` is unique (random); pending events are chained in (at, id) order.
void appendAuditPending(store::Tx& tx, const std::string& id, const AuditEntry& entry,
                        std::int64_t atMicros);

// What one call of chainPendingAudit() chained.
struct ChainedBatch {
    std::size_t count = 0;
    std::int64_t newestAt = 0;  // the largest `at` among them (0 when none)
};

// Chains up to `limit` pending events (oldest first) in one transaction under the head's lock.
// Every event committed to audit_pending before the call is seen by it, or with `fromAt` every
// such event whose `at` is not older than it.
ChainedBatch chainPendingAudit(store::Tx& tx, const Keystore& keys, std::size_t limit,
                               std::optional<std::int64_t> fromAt = std::nullopt);

// The hash of an event: keyed with `keys` (HMAC), or plain SHA-256 when `keys` is null.
std::string auditHashHex(const std::string& previousHashHex, std::int64_t seq,
                         std::int64_t atMicros, const AuditEntry& entry,
                         const Keystore* keys = nullptr);

struct AuditCheckpoint {
    std::int64_t seq = 0;
    std::string hashHex;
    std::int64_t atMicros = 0;
    std::string macHex;  // HMAC(audit-key, "renshe-audit-checkpoint" || seq || hash || at)
};
// The current head, signed. Throws store::StoreError.
AuditCheckpoint auditCheckpoint(store::Tx& tx, const Keystore& keys, std::int64_t atMicros);
bool checkpointSigned(const AuditCheckpoint& c, const Keystore& keys);
// "seq=…\nhash=…\nat=…\nmac=…\n" and back (nullopt when malformed).
std::string checkpointText(const AuditCheckpoint& c);
std::optional<AuditCheckpoint> parseCheckpoint(const std::string& text);
// The checkpoint in `file` when it exists, parses and is signed with `keys`' audit key.
std::optional<AuditCheckpoint> checkpointOnDisk(const std::filesystem::path& file,
                                                const Keystore& keys);
// Appends `c` to the history file as one line "seq=… hash=… at=… mac=…", synced to disk.
// Throws std::runtime_error.
void appendCheckpointHistory(const std::string& file, const AuditCheckpoint& c);

struct AuditVerification {
    bool intact = true;
    std::int64_t eventsChecked = 0;
    std::int64_t firstBrokenSequence = 0;
    std::string
        reason;  // "hash mismatch", "previous_hash mismatch", "sequence gap", "head mismatch"
};

// Recomputes the chain from `fromSequence` (0 = the first event), in pages; with a
// checkpoint, also that the chain still holds the checkpoint's event with its hash (else
// "checkpoint mismatch", or "cut tail" when the chain ends before it).
AuditVerification verifyAudit(store::Tx& tx, const Keystore& keys, std::int64_t fromSequence,
                              const AuditCheckpoint* checkpoint = nullptr);

}  // namespace renshe::services::backoffice
