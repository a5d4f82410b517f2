// What a back-office benchmark runs beside its own measurement:
//  - FleetBeside: the terminal fleet (fleet_load.hpp) heartbeating, started before the
//    measured section and stopped after it, because a province's back office always carries
//    its terminals (10,000 by default; RENSHE_BENCH_TERMINALS, 0 = none). It runs in a process
//    of its own (bench_fleet --until-sigterm), as terminals are machines of their own: in
//    this process its 10,000 channels' timers made every call of the measuring client walk
//    gRPC's debug timer lists (Debian's libgrpc is built with assertions), 9 % of this
//    process's CPU beside the fleet. It still shares the machine's two cores.
//  - StageProbe: the back office's own histograms (/metrics) scraped before and after a
//    section, printed as p50/p95/p99 per call stage, so a ratio that misses its target says
//    where the time went (storage wait, work, commit), not only that it went.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "tests/fixtures/process.hpp"
#include "tests/fixtures/prometheus_text.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/backoffice_env.hpp"

namespace renshe::bench {

// RENSHE_BENCH_TERMINALS, or `fallback`.
int terminalsBeside(int fallback = 10000);

class FleetBeside {
public:
    // Starts `terminals` terminals against `env`'s back office and returns when their steady
    // state has run for `settleSeconds` (nothing runs when terminals is 0). Exits the process
    // with status 2 when the load cannot be set up (an invalid benchmark).
    FleetBeside(renshe::testing::BackofficeEnv& env, int terminals, int settleSeconds = 5);
    ~FleetBeside();
    FleetBeside(const FleetBeside&) = delete;
    FleetBeside& operator=(const FleetBeside&) = delete;

    int terminals() const { return m_terminals; }
    // "beside 10000 terminals heartbeating" or "quiet back office".
    std::string label() const;
    // Stops the load and prints its figures; false when any of its calls failed.
    bool finish(std::ostream& out);

private:
    [[noreturn]] void invalid(const std::string& why);

    int m_terminals = 0;
    std::optional<renshe::testing::TempDir> m_dir;  // the CA's key for the load, its log
    std::optional<renshe::testing::ChildProcess> m_load;
    bool m_finished = false;
};

class StageProbe {
public:
    // The back office's metrics port (--metrics-listen 127.0.0.1:0 --metrics-port-file).
    explicit StageProbe(int metricsPort) : m_port(metricsPort) {}
    void start();
    // For each method: the handler's latency and its stages (authorise, storage_wait, work,
    // commit) since start(); then the store's read and write waits and its commits.
    void print(const std::vector<std::string>& methods) const;

private:
    std::vector<renshe::testing::MetricSample> scrape() const;
    int m_port;
    std::vector<renshe::testing::MetricSample> m_before;
};

}  // namespace renshe::bench
