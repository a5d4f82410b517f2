// The latest heartbeat of every terminal, written behind: a heartbeat is answered as soon as
// it is in memory, and a flusher upserts what arrived every 500 ms in one transaction (on
// SQLite a few multi-row upserts, on PostgreSQL one upsert taking each column as an array), so
// 10,000 terminals cost two small commits a second instead of 333 durable ones — and a
// heartbeat's latency is not an fsync's.
//
// What this gives up, on purpose: the heartbeats of the last 500 ms before a crash (the next
// ones replace them), and, with several replicas, a listing on another replica may lag by that
// much. Reads in this process that need the latest state (the fleet listing, the facility
// check, equipment registration) call flush() first.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice::fleet {

// One terminal_status row (migrations/0007_fleet.sql).
struct TerminalRow {
    std::string terminalId;
    std::int64_t role = 0;
    std::string region;
    std::string softwareVersion;
    std::int64_t cardReader = 0, cardPresent = 0, fingerprintSensor = 0, printer = 0, display = 0;
    std::int64_t cardReaderCount = 0;
    std::string fingerprintDriver, fingerprintDevice;
    std::int64_t contentRevision = 0, uptimeSeconds = 0, pendingOutbox = 0, outboxNeedsStaff = 0;
    std::int64_t idCardReader = 0;
    std::string idCardSamId;
    std::optional<std::int64_t> sentAt;  // terminal clock
    std::int64_t lastSeen = 0;           // server clock
};

class HeartbeatBuffer {
public:
    explicit HeartbeatBuffer(MutationRunner& runner,
                             std::chrono::milliseconds period = std::chrono::milliseconds(500));
    ~HeartbeatBuffer();  // stops the flusher and flushes what is left
    HeartbeatBuffer(const HeartbeatBuffer&) = delete;
    HeartbeatBuffer& operator=(const HeartbeatBuffer&) = delete;

    // Keeps `row` as the terminal's pending state unless the pending one was sent later.
    void put(TerminalRow row);
    // Writes everything pending now; returns once it is committed. Throws store errors (the
    // rows are kept for the next attempt).
    void flush();

private:
    void flusherLoop();

    MutationRunner& m_runner;
    std::chrono::milliseconds m_period;
    std::mutex m_mutex;  // guards m_pending, m_stopping
    std::unordered_map<std::string, TerminalRow> m_pending;
    bool m_stopping = false;
    std::condition_variable m_wake;
    std::mutex m_flushMutex;  // one flush at a time, so a reader's flush sees earlier ones done
    std::thread m_flusher;
};

}  // namespace renshe::services::backoffice::fleet
