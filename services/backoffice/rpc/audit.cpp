#include "services/backoffice/rpc/audit.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

#include "services/backoffice/rpc/keystore.hpp"
#include "services/store/pg_array.hpp"

namespace renshe::services::backoffice {

namespace {

const std::string kZeroHash(64, '0');

void field(std::string& out, const std::string& value) {
    const std::uint64_t n = value.size();
    char length[8];
    for (int i = 0; i < 8; ++i) {
        length[i] = static_cast<char>((n >> (56 - 8 * i)) & 0xFF);
    }
    out.append(length, sizeof length);
    out += value;
}

struct Row {
    StoredAuditEvent event;
    bool keyed = false;
};

Row fromRow(const store::Row& r) {
    Row out;
    out.keyed = r.integer(11) != 0;
    StoredAuditEvent& e = out.event;
    e.seq = r.integer(0);
    e.atMicros = r.integer(1);
    e.entry = {r.text(2), r.text(3), r.text(4),  r.text(5),    r.text(6),
               r.text(7), r.text(8), r.text(12), r.integer(13)};
    e.previousHashHex = r.text(9);
    e.hashHex = r.text(10);
    return out;
}

std::string checkpointMessage(const AuditCheckpoint& c) {
    std::string m = "renshe-audit-checkpoint";
    field(m, std::to_string(c.seq));
    field(m, c.hashHex);
    field(m, std::to_string(c.atMicros));
    return m;
}

}  // namespace

std::string auditHashHex(const std::string& previousHashHex, std::int64_t seq,
                         std::int64_t atMicros, const AuditEntry& entry, const Keystore* keys) {
    std::string canonical = store::fromHex(previousHashHex);
    canonical.reserve(512);  // an event's fields: one allocation, not one per doubling
    field(canonical, std::to_string(seq));
    field(canonical, std::to_string(atMicros));
    field(canonical, entry.actor);
    field(canonical, entry.terminalId);
    field(canonical, entry.eventType);
    field(canonical, entry.maskedSubject);
    field(canonical, entry.subjectDigest);
    field(canonical, entry.outcome);
    field(canonical, entry.requestId);
    if (!keys)  // events from before the key had no region
        return store::toHex(sha256(canonical));
    field(canonical, entry.region);
    if (entry.repeats != 1)  // events before aggregation were all single
        field(canonical, std::to_string(entry.repeats));
    return store::toHex(keys->auditMac(canonical));
}

namespace {

using store::pgArray;

// The chain's head, locked until the transaction ends.
std::pair<std::int64_t, std::string> lockHead(store::Tx& tx) {
    const auto head = tx.queryOne(std::string("SELECT seq, hash FROM audit_head WHERE id = 1") +
                                  std::string(tx.forUpdate()));
    if (!head) {
        throw store::StoreError("audit_head row missing");
    }
    return {head->integer(0), head->text(1)};
}

constexpr int kChainedColumns = 13;

// Appends the placeholders and values of one chained event to a multi-row INSERT.
void addChained(std::string& sql, std::vector<store::Value>& params, std::int64_t seq,
                std::int64_t atMicros, const AuditEntry& entry, const std::string& previous,
                const std::string& hash) {
    const std::size_t first = params.size() + 1;
    sql += first == 1 ? "(" : ", (";
    for (int i = 0; i < kChainedColumns; ++i) {
        sql += (i == 0 ? "$" : ", $") + std::to_string(first + static_cast<std::size_t>(i));
        if (i == 10)
            sql += ", 1";  // keyed
    }
    sql += ")";
    params.insert(params.end(), {seq, atMicros, entry.actor, entry.terminalId, entry.eventType,
                                 entry.maskedSubject, entry.subjectDigest, entry.outcome,
                                 entry.requestId, previous, hash, entry.region, entry.repeats});
}

const char* const kInsertChained =
    "INSERT INTO audit_events (seq, at, actor, terminal_id, event_type, masked_subject, "
    "subject_digest, outcome, request_id, previous_hash, hash, keyed, region, repeats) VALUES ";

// PostgreSQL: a batch of chained events as one INSERT of 13 arrays, one element per event. A
// multi-row VALUES of 13 parameters an event was a new statement for each batch size: it was
// parsed and planned every round (~0.7 ms of planning for ~50 events, half its execution).
const char* const kInsertChainedColumns =
    "INSERT INTO audit_events (seq, at, actor, terminal_id, event_type, masked_subject, "
    "subject_digest, outcome, request_id, previous_hash, hash, keyed, region, repeats) "
    "SELECT seq, at, actor, terminal_id, event_type, masked_subject, subject_digest, outcome, "
    "request_id, previous_hash, hash, 1, region, repeats FROM unnest($1::bigint[], "
    "$2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
    "$9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[]) AS e(seq, at, actor, "
    "terminal_id, event_type, masked_subject, subject_digest, outcome, request_id, "
    "previous_hash, hash, region, repeats)";

// The columns of kInsertChainedColumns, and the pending events' places (ctid).
struct ChainedColumns {
    std::vector<std::int64_t> seq, at, repeats;
    std::vector<std::string> actor, terminalId, eventType, maskedSubject, subjectDigest, outcome,
        requestId, previous, hash, region, places;

    void add(std::int64_t s, std::int64_t atMicros, AuditEntry e, const std::string& prev,
             const std::string& h) {
        seq.push_back(s);
        at.push_back(atMicros);
        actor.push_back(std::move(e.actor));
        terminalId.push_back(std::move(e.terminalId));
        eventType.push_back(std::move(e.eventType));
        maskedSubject.push_back(std::move(e.maskedSubject));
        subjectDigest.push_back(std::move(e.subjectDigest));
        outcome.push_back(std::move(e.outcome));
        requestId.push_back(std::move(e.requestId));
        previous.push_back(prev);
        hash.push_back(h);
        region.push_back(std::move(e.region));
        repeats.push_back(e.repeats);
    }

    std::vector<store::Value> values() const {
        return {pgArray(seq),           pgArray(at),        pgArray(actor),
                pgArray(terminalId),    pgArray(eventType), pgArray(maskedSubject),
                pgArray(subjectDigest), pgArray(outcome),   pgArray(requestId),
                pgArray(previous),      pgArray(hash),      pgArray(region),
                pgArray(repeats)};
    }
};

}  // namespace

std::int64_t appendAudit(store::Tx& tx, const Keystore& keys, const AuditEntry& entry,
                         std::int64_t atMicros) {
    const auto [last, previous] = lockHead(tx);
    const std::int64_t seq = last + 1;
    const std::string hash = auditHashHex(previous, seq, atMicros, entry, &keys);
    std::string sql = kInsertChained;
    std::vector<store::Value> params;
    addChained(sql, params, seq, atMicros, entry, previous, hash);
    tx.execLater(sql, params);
    tx.execLater("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", {seq, hash});
    return seq;
}

void appendAuditPending(store::Tx& tx, const std::string& id, const AuditEntry& entry,
                        std::int64_t atMicros) {
    tx.execLater(
        "INSERT INTO audit_pending (id, at, actor, terminal_id, event_type, masked_subject, "
        "subject_digest, outcome, request_id, region, repeats) VALUES ($1, $2, $3, $4, $5, $6, "
        "$7, $8, $9, $10, $11)",
        {id, atMicros, entry.actor, entry.terminalId, entry.eventType, entry.maskedSubject,
         entry.subjectDigest, entry.outcome, entry.requestId, entry.region, entry.repeats});
}

ChainedBatch chainPendingAudit(store::Tx& tx, const Keystore& keys, std::size_t limit,
                               std::optional<std::int64_t> fromAt) {
    // The head's lock is taken by a statement of its own, sent ahead; the head and the pending
    // events are read by the next, in the same round trip. At READ COMMITTED each statement
    // reads its own snapshot, taken once the lock is held: every pending event committed before
    // it is seen, and no other chainer takes the same ones.
    tx.execLater(std::string("SELECT seq FROM audit_head WHERE id = 1") +
                 std::string(tx.forUpdate()));
    // From a bound, the index scan starts at it instead of stepping over every entry that
    // chained (deleted) events left in the (at, id) index since the last VACUUM.
    std::vector<store::Value> bounds{static_cast<std::int64_t>(limit)};
    if (fromAt)
        bounds.emplace_back(*fromAt);
    const auto rows = tx.query(
        std::string("SELECT h.seq, h.hash, p.id, p.at, p.actor, p.terminal_id, p.event_type, "
                    "p.masked_subject, p.subject_digest, p.outcome, p.request_id, p.region, "
                    "p.repeats, p.ctid FROM audit_head h LEFT JOIN LATERAL (SELECT *, ctid FROM "
                    "audit_pending ") +
            (fromAt ? "WHERE at >= $2 " : "") +
            "ORDER BY at, id LIMIT $1) p ON true WHERE h.id = 1 ORDER BY p.at, p.id",
        bounds);
    if (rows.empty())
        throw store::StoreError("audit_head row missing");
    std::int64_t seq = rows.front().integer(0);
    std::string previous = rows.front().text(1);
    ChainedBatch batch;
    if (rows.front().isNull(2))
        return batch;  // nothing pending
    ChainedColumns columns;
    for (const auto& r : rows) {
        AuditEntry e{r.text(4), r.text(5),  r.text(6),  r.text(7),    r.text(8),
                     r.text(9), r.text(10), r.text(11), r.integer(12)};
        const std::int64_t at = r.integer(3);
        batch.newestAt = std::max(batch.newestAt, at);
        ++seq;
        std::string hash = auditHashHex(previous, seq, at, e, &keys);
        columns.add(seq, at, std::move(e), previous, hash);
        previous = std::move(hash);
        columns.places.push_back(r.text(13));
    }
    // Sent ahead: they travel with the COMMIT. A column a parameter, whatever the batch's size:
    // the statements are prepared once per connection, and never parsed or planned again.
    tx.execLater(kInsertChainedColumns, columns.values());
    // By place: a row's ctid stays put while it lives (VACUUM moves no row, a VACUUM FULL waits
    // for this transaction's lock on the table, and pending rows are never updated), and the
    // head's lock keeps every other round off these rows.
    tx.execLater("DELETE FROM audit_pending WHERE ctid = ANY($1::tid[])",
                 {pgArray(columns.places)});
    tx.execLater("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", {seq, previous});
    batch.count = rows.size();
    return batch;
}

AuditVerification verifyAudit(store::Tx& tx, const Keystore& keys, std::int64_t fromSequence,
                              const AuditCheckpoint* checkpoint) {
    AuditVerification v;
    bool keyedSeen = false;
    [&] {
        std::int64_t expectedSeq = fromSequence <= 1 ? 1 : fromSequence;
        std::string previous;
        if (expectedSeq == 1) {
            previous = kZeroHash;
        } else {
            const auto prev =
                tx.queryOne("SELECT hash FROM audit_events WHERE seq = $1", {expectedSeq - 1});
            if (!prev) {
                v.intact = false;
                v.firstBrokenSequence = expectedSeq - 1;
                v.reason = "sequence gap";
                return;
            }
            previous = prev->text(0);
        }
        constexpr std::int64_t kPage = 2000;
        std::int64_t after = expectedSeq - 1;
        for (;;) {
            const auto rows = tx.query(
                "SELECT seq, at, actor, terminal_id, event_type, masked_subject, subject_digest, "
                "outcome, request_id, "
                "previous_hash, hash, keyed, region, repeats FROM audit_events WHERE seq > $1 "
                "ORDER BY seq "
                "LIMIT $2",
                {after, kPage});
            for (const auto& row : rows) {
                const auto [e, keyed] = fromRow(row);
                if (e.seq != expectedSeq) {
                    v.intact = false;
                    v.firstBrokenSequence = expectedSeq;
                    v.reason = "sequence gap";
                    return;
                }
                if (e.previousHashHex != previous) {
                    v.intact = false;
                    v.firstBrokenSequence = e.seq;
                    v.reason = "previous_hash mismatch";
                    return;
                }
                // Unkeyed events are those from before the chain was keyed: never after one.
                if (!keyed && keyedSeen) {
                    v.intact = false;
                    v.firstBrokenSequence = e.seq;
                    v.reason = "unkeyed event after keyed ones";
                    return;
                }
                keyedSeen = keyedSeen || keyed;
                if (auditHashHex(e.previousHashHex, e.seq, e.atMicros, e.entry,
                                 keyed ? &keys : nullptr) != e.hashHex) {
                    v.intact = false;
                    v.firstBrokenSequence = e.seq;
                    v.reason = "hash mismatch";
                    return;
                }
                previous = e.hashHex;
                ++v.eventsChecked;
                ++expectedSeq;
                after = e.seq;
            }
            if (static_cast<std::int64_t>(rows.size()) < kPage)
                break;
        }
        // The head must point at the last event: a removed tail shows here.
        const auto head = tx.queryOne("SELECT seq, hash FROM audit_head WHERE id = 1");
        if (head && (head->integer(0) != expectedSeq - 1 || head->text(1) != previous) &&
            !(head->integer(0) == 0 && expectedSeq == 1)) {
            v.intact = false;
            v.firstBrokenSequence = expectedSeq;
            v.reason = head->integer(0) >= expectedSeq ? "sequence gap" : "head mismatch";
            return;
        }
        if (!checkpoint)
            return;
        // What the back office signed outside the database must still be in it.
        const auto at =
            tx.queryOne("SELECT hash FROM audit_events WHERE seq = $1", {checkpoint->seq});
        if (!at && checkpoint->seq > 0) {
            v.intact = false;
            v.firstBrokenSequence = expectedSeq;
            v.reason = "cut tail";
        } else if (at && at->text(0) != checkpoint->hashHex) {
            v.intact = false;
            v.firstBrokenSequence = checkpoint->seq;
            v.reason = "checkpoint mismatch";
        }
    }();
    return v;
}

AuditCheckpoint auditCheckpoint(store::Tx& tx, const Keystore& keys, std::int64_t atMicros) {
    const auto head = tx.queryOne("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!head)
        throw store::StoreError("audit_head row missing");
    AuditCheckpoint c;
    c.seq = head->integer(0);
    c.hashHex = head->text(1);
    c.atMicros = atMicros;
    c.macHex = store::toHex(keys.auditMac(checkpointMessage(c)));
    return c;
}

bool checkpointSigned(const AuditCheckpoint& c, const Keystore& keys) {
    return store::toHex(keys.auditMac(checkpointMessage(c))) == c.macHex;
}

std::string checkpointText(const AuditCheckpoint& c) {
    return "seq=" + std::to_string(c.seq) + "\nhash=" + c.hashHex +
           "\nat=" + std::to_string(c.atMicros) + "\nmac=" + c.macHex + "\n";
}

std::optional<AuditCheckpoint> parseCheckpoint(const std::string& text) {
    AuditCheckpoint c;
    int seen = 0;
    std::size_t pos = 0;
    try {
        while (pos < text.size()) {
            const auto end = text.find('\n', pos);
            const std::string line =
                text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
            pos = end == std::string::npos ? text.size() : end + 1;
            const auto eq = line.find('=');
            if (eq == std::string::npos)
                continue;
            const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
            if (key == "seq") {
                c.seq = std::stoll(value);
                seen |= 1;
            } else if (key == "hash") {
                c.hashHex = value;
                seen |= 2;
            } else if (key == "at") {
                c.atMicros = std::stoll(value);
                seen |= 4;
            } else if (key == "mac") {
                c.macHex = value;
                seen |= 8;
            }
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (seen != 15 || c.seq < 0 || c.hashHex.size() != 64 || c.macHex.size() != 64)
        return std::nullopt;
    return c;
}

std::optional<AuditCheckpoint> checkpointOnDisk(const std::filesystem::path& file,
                                                const Keystore& keys) {
    std::ifstream in(file);
    if (!in)
        return std::nullopt;
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto c = parseCheckpoint(text);
    if (!c || !checkpointSigned(*c, keys))
        return std::nullopt;
    return c;
}

void appendCheckpointHistory(const std::string& file, const AuditCheckpoint& c) {
    const std::string line = "seq=" + std::to_string(c.seq) + " hash=" + c.hashHex +
                             " at=" + std::to_string(c.atMicros) + " mac=" + c.macHex + "\n";
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot open " + file + ": " + std::strerror(errno));
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    const bool synced = written && ::fsync(fd) == 0;
    ::close(fd);
    if (!synced)
        throw std::runtime_error("cannot append to " + file + ": " + std::strerror(errno));
}

}  // namespace renshe::services::backoffice
