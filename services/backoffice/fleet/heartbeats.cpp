#include "services/backoffice/fleet/heartbeats.hpp"

#include <bit>
#include <vector>

#include "drivers/util/json.hpp"
#include "services/backoffice/fleet/fleet_rules.hpp"
#include "services/store/pg_array.hpp"

namespace renshe::services::backoffice::fleet {

namespace {

// SQLite: 20 parameters a row. SQLite looks numbered parameters up linearly while preparing, so a
// statement's cost grows with the square of its parameters: keep them modest.
constexpr std::size_t kRowsPerStatement = 50;
constexpr std::size_t kColumns = 20;

const char* const kInsert =
    "INSERT INTO terminal_status (terminal_id, role, region, software_version, card_reader, "
    "card_present, fingerprint_sensor, printer, display, card_reader_count, "
    "fingerprint_driver, fingerprint_device, content_revision, uptime_seconds, pending_outbox, "
    "outbox_needs_staff, id_card_reader, id_card_sam_id, sent_at, last_seen, first_seen) ";

// A row older than the stored one (by the terminal's clock) is skipped while the stored one is
// fresh; once that is stale ($1), whatever arrives wins, so a terminal whose clock was set
// back is heard again after one stale period at most.
const char* const kOnConflict =
    " ON CONFLICT (terminal_id) DO UPDATE SET role = excluded.role, region = excluded.region, "
    "software_version = excluded.software_version, card_reader = excluded.card_reader, "
    "card_present = excluded.card_present, fingerprint_sensor = excluded.fingerprint_sensor, "
    "printer = excluded.printer, display = excluded.display, "
    "card_reader_count = excluded.card_reader_count, "
    "fingerprint_driver = excluded.fingerprint_driver, "
    "fingerprint_device = excluded.fingerprint_device, "
    "content_revision = excluded.content_revision, uptime_seconds = excluded.uptime_seconds, "
    "pending_outbox = excluded.pending_outbox, outbox_needs_staff = excluded.outbox_needs_staff, "
    "id_card_reader = excluded.id_card_reader, id_card_sam_id = excluded.id_card_sam_id, "
    "sent_at = excluded.sent_at, last_seen = excluded.last_seen "
    "WHERE terminal_status.sent_at IS NULL OR excluded.sent_at IS NULL "
    "OR terminal_status.sent_at <= excluded.sent_at OR terminal_status.last_seen < $1";

// SQLite: one multi-row upsert of `rows`.
void upsert(store::Tx& tx, const std::vector<const TerminalRow*>& rows, std::int64_t staleBefore) {
    std::vector<store::Value> params{staleBefore};
    std::string values;
    for (const TerminalRow* r : rows) {
        const std::size_t base = params.size() + 1;
        values += values.empty() ? "(" : ", (";
        for (std::size_t c = 0; c < kColumns; ++c)
            values += "$" + std::to_string(base + c) + ", ";
        values += "$" + std::to_string(base + kColumns - 1) + ")";  // first_seen = last_seen
        params.insert(params.end(), {r->terminalId,
                                     r->role,
                                     r->region,
                                     r->softwareVersion,
                                     r->cardReader,
                                     r->cardPresent,
                                     r->fingerprintSensor,
                                     r->printer,
                                     r->display,
                                     r->cardReaderCount,
                                     r->fingerprintDriver,
                                     r->fingerprintDevice,
                                     r->contentRevision,
                                     r->uptimeSeconds,
                                     r->pendingOutbox,
                                     r->outboxNeedsStaff,
                                     r->idCardReader,
                                     r->idCardSamId,
                                     r->sentAt ? store::Value(*r->sentAt) : store::Value(nullptr),
                                     r->lastSeen});
    }
    tx.exec(std::string(kInsert) + "VALUES " + values + kOnConflict, params);
}

// One terminal_status column of `rows`, as a PostgreSQL array.
template <class T>
store::Value column(const std::vector<const TerminalRow*>& rows, T TerminalRow::*field) {
    std::vector<T> values;
    values.reserve(rows.size());
    for (const TerminalRow* r : rows)
        values.push_back(r->*field);
    return store::pgArray(values);
}

// PostgreSQL: every row in one upsert of 20 arrays, one element a row. Its text is the same
// for any number of rows, so it is prepared once and keeps its plan; the multi-row VALUES was
// parsed and planned at every flush (~1,000 parameters a statement).
void upsertColumns(store::Tx& tx, const std::vector<const TerminalRow*>& rows,
                   std::int64_t staleBefore) {
    using R = TerminalRow;
    tx.exec(std::string(kInsert) +
                "SELECT t.*, t.last_seen FROM unnest($2::text[], $3::bigint[], $4::text[], "
                "$5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], "
                "$10::bigint[], $11::bigint[], $12::text[], $13::text[], $14::bigint[], "
                "$15::bigint[], $16::bigint[], $17::bigint[], $18::bigint[], $19::text[], "
                "$20::bigint[], $21::bigint[]) AS t(terminal_id, role, region, "
                "software_version, card_reader, card_present, fingerprint_sensor, printer, "
                "display, card_reader_count, fingerprint_driver, fingerprint_device, "
                "content_revision, uptime_seconds, pending_outbox, outbox_needs_staff, "
                "id_card_reader, id_card_sam_id, sent_at, last_seen)" +
                kOnConflict,
            {staleBefore,
             column(rows, &R::terminalId),
             column(rows, &R::role),
             column(rows, &R::region),
             column(rows, &R::softwareVersion),
             column(rows, &R::cardReader),
             column(rows, &R::cardPresent),
             column(rows, &R::fingerprintSensor),
             column(rows, &R::printer),
             column(rows, &R::display),
             column(rows, &R::cardReaderCount),
             column(rows, &R::fingerprintDriver),
             column(rows, &R::fingerprintDevice),
             column(rows, &R::contentRevision),
             column(rows, &R::uptimeSeconds),
             column(rows, &R::pendingOutbox),
             column(rows, &R::outboxNeedsStaff),
             column(rows, &R::idCardReader),
             column(rows, &R::idCardSamId),
             column(rows, &R::sentAt),
             column(rows, &R::lastSeen)});
}

}  // namespace

HeartbeatBuffer::HeartbeatBuffer(MutationRunner& runner, std::chrono::milliseconds period)
    : m_runner(runner), m_period(period) {
    m_flusher = std::thread([this] { flusherLoop(); });
}

HeartbeatBuffer::~HeartbeatBuffer() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_flusher.join();
    try {
        flush();
    } catch (const std::exception&) {
        // Shutting down with the storage gone: the terminals' next heartbeats will tell.
    }
}

void HeartbeatBuffer::put(TerminalRow row) {
    std::lock_guard lock(m_mutex);
    auto [it, inserted] = m_pending.try_emplace(row.terminalId, row);
    if (!inserted && !(it->second.sentAt && row.sentAt && *it->second.sentAt > *row.sentAt)) {
        it->second = std::move(row);
    }
}

void HeartbeatBuffer::flush() {
    std::lock_guard flushing(m_flushMutex);
    std::unordered_map<std::string, TerminalRow> batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_pending);
    }
    if (batch.empty())
        return;
    std::vector<const TerminalRow*> rows;
    rows.reserve(batch.size());
    for (const auto& [id, row] : batch)
        rows.push_back(&row);
    try {
        m_runner.store().write(
            [&](store::Tx& tx) {
                if (tx.backend() == store::Backend::Postgres) {
                    // Only the latest state: a crash may lose this commit, the next heartbeats
                    // replace it; waiting for the WAL flush would buy nothing.
                    tx.exec("SET LOCAL synchronous_commit TO OFF");
                }
                const std::int64_t staleBefore =
                    m_runner.clock().nowMicros() - staleAfterMicros(m_runner.policy());
                if (tx.backend() == store::Backend::Postgres) {
                    upsertColumns(tx, rows, staleBefore);
                    return;
                }
                // Statements of 50 rows, then the rest in powers of two (32, 16, … 1): seven
                // statement texts in all, each prepared once and kept. A rest of its own size
                // was a new text at nearly every flush, prepared each time, and up to 49 of them
                // took places in the connection's statement cache of 256 (emptied when full).
                for (std::size_t i = 0; i < rows.size();) {
                    const std::size_t left = rows.size() - i;
                    const std::size_t n =
                        left >= kRowsPerStatement ? kRowsPerStatement : std::bit_floor(left);
                    const auto first = rows.begin() + static_cast<long>(i);
                    upsert(tx, {first, first + static_cast<long>(n)}, staleBefore);
                    i += n;
                }
            },
            store::Store::Priority::Background);  // no caller waits on it: behind card writes
    } catch (...) {
        // Keep the rows for the next attempt, unless a terminal has sent a newer one meanwhile.
        std::lock_guard lock(m_mutex);
        for (auto& [id, row] : batch)
            m_pending.try_emplace(id, std::move(row));
        throw;
    }
}

void HeartbeatBuffer::flusherLoop() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, m_period);
        if (m_stopping)
            break;
        lock.unlock();
        try {
            flush();
        } catch (const std::exception& e) {
            m_runner.log(
                std::string(
                    "{\"level\":\"error\",\"event\":\"store\",\"method\":\"terminal.heartbeat\","
                    "\"error\":\"") +
                util::jsonEscape(e.what()) + "\"}");
        }
        lock.lock();
    }
}

}  // namespace renshe::services::backoffice::fleet
