#include "tests/bench/beside.hpp"

#include <absl/synchronization/mutex.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "tests/fixtures/web.hpp"

namespace renshe::bench {

int terminalsBeside(int fallback) {
    const char* env = std::getenv("RENSHE_BENCH_TERMINALS");
    return env ? std::atoi(env) : fallback;
}

FleetBeside::FleetBeside(renshe::testing::BackofficeEnv& env, int terminals, int settleSeconds) {
    // As bench_fleet does: the 10,000 channels' mutexes made abseil's lock-order check (on in
    // Debian's build) a large share of this process's CPU, which the client measuring beside
    // the fleet shares.
    absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
    m_options.target = env.backoffice().target();
    m_options.staffTarget = env.backoffice().staffTarget();
    m_options.caCertificatePem = env.pki().ca().certificatePem();
    m_options.caPrivateKeyPem = env.pki().ca().privateKeyPem();
    m_options.backofficePid = env.backoffice().process().pid();
    m_options.terminals = terminals;
    // Certification-status look-ups too (their tail beside the fleet), at the card-status rate.
    m_options.certificationStatusRate = m_options.statusRate;
    m_options.stop = &m_stop;
    m_options.onSteady = [this] { m_steady = true; };
    if (terminals <= 0) {
        m_finished = true;
        return;
    }
    m_thread = std::thread([this] {
        try {
            m_result = runFleetLoad(m_options, std::cerr);
        } catch (const std::exception& e) {
            m_error = e.what();
        }
        m_steady = true;
    });
    while (!m_steady)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!m_error.empty()) {
        m_thread.join();
        std::fprintf(stderr, "bench invalid: the fleet load failed: %s\n", m_error.c_str());
        std::exit(2);
    }
    std::this_thread::sleep_for(std::chrono::seconds(settleSeconds));
}

FleetBeside::~FleetBeside() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

std::string FleetBeside::label() const {
    if (m_options.terminals <= 0)
        return "quiet back office";
    return "beside " + std::to_string(m_options.terminals) + " terminals heartbeating";
}

bool FleetBeside::finish(std::ostream& out) {
    if (m_finished)
        return true;
    m_finished = true;
    m_stop = true;
    m_thread.join();
    if (!m_error.empty() || !m_result) {
        std::fprintf(stderr, "bench invalid: the fleet load failed: %s\n", m_error.c_str());
        std::exit(2);
    }
    std::fflush(stdout);
    out << "\nthe fleet beside it:\n";
    printFleetLoad(m_options, *m_result, out);
    out.flush();
    return m_result->failures() == 0;
}

void StageProbe::start() {
    m_before = scrape();
}

void StageProbe::print(const std::vector<std::string>& methods) const {
    const auto after = scrape();
    const auto line = [&](const std::string& what, const std::string& name,
                          const std::map<std::string, std::string>& match) {
        const auto b = renshe::testing::bucketsBetween(
            renshe::testing::histogramBuckets(m_before, name, match),
            renshe::testing::histogramBuckets(after, name, match));
        if (b.empty() || b.rbegin()->second == 0)
            return;  // a series this backend does not have (the audit chain's on SQLite)
        std::printf("    %-38s %7.2f / %7.2f / %7.2f  (%.0f)\n", what.c_str(),
                    1000 * renshe::testing::bucketQuantile(0.5, b),
                    1000 * renshe::testing::bucketQuantile(0.95, b),
                    1000 * renshe::testing::bucketQuantile(0.99, b), b.rbegin()->second);
    };
    std::printf(
        "  the back office's own histograms over that section (p50 / p95 / p99 ms, count):\n");
    for (const auto& method : methods) {
        line(method + " (arrival to answer)", "renshe_rpc_duration_seconds", {{"method", method}});
        for (const char* stage : {"authorise", "storage_wait", "work", "commit"})
            line(std::string("  ") + stage, "renshe_rpc_stage_seconds",
                 {{"method", method}, {"stage", stage}});
    }
    line("store: read waits (all methods)", "renshe_store_wait_seconds", {{"kind", "read"}});
    line("store: write waits (queue to callback)", "renshe_store_wait_seconds",
         {{"kind", "write"}});
    line("store: commits (all writes)", "renshe_store_commit_seconds", {});
    line("audit chain: ask to round's end", "renshe_audit_chain_lag_seconds", {});
    std::fflush(stdout);
}

std::vector<renshe::testing::MetricSample> StageProbe::scrape() const {
    const auto r = renshe::testing::httpGet(m_port, "/metrics");
    if (r.status != 200) {
        std::fprintf(stderr, "bench invalid: /metrics answered %d %s\n", r.status, r.error.c_str());
        std::exit(2);
    }
    return renshe::testing::parseMetrics(r.body);
}

}  // namespace renshe::bench
