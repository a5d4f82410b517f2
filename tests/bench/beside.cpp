#include "tests/bench/beside.hpp"

#include <absl/synchronization/mutex.h>
#include <sys/wait.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "drivers/util/atomic_file.hpp"
#include "services/pki/pki.hpp"
#include "tests/fixtures/web.hpp"

namespace renshe::bench {

int terminalsBeside(int fallback) {
    const char* env = std::getenv("RENSHE_BENCH_TERMINALS");
    return env ? std::atoi(env) : fallback;
}

FleetBeside::FleetBeside(renshe::testing::BackofficeEnv& env, int terminals, int settleSeconds)
    : m_terminals(terminals) {
    // Debian's abseil checks every absl::Mutex acquisition (all of gRPC's) for lock-order
    // cycles, a debugging aid: the clients measuring here go without it, as bench_fleet does.
    absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
    if (terminals <= 0) {
        m_finished = true;
        return;
    }
    m_dir.emplace("renshe-bench-fleet");
    const auto caKey = *m_dir / "ca.key";
    renshe::services::pki::writeFileAtomically(
        caKey, env.pki().ca().privateKeyPem(),
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    renshe::testing::ProcessOptions load;
    // Certification-status look-ups too (their tail beside the fleet), at the card-status
    // rate (20/s, fleet_load.hpp).
    load.argv = {RENSHE_BENCH_FLEET_BIN,
                 "--target",
                 env.backoffice().target(),
                 "--staff-target",
                 env.backoffice().staffTarget(),
                 "--ca",
                 env.pki().caCertificate().string(),
                 "--ca-key",
                 caKey.string(),
                 "--backoffice-pid",
                 std::to_string(env.backoffice().process().pid()),
                 "--terminals",
                 std::to_string(terminals),
                 "--certification-status-rate",
                 "20",
                 "--until-sigterm"};
    load.logFile = *m_dir / "fleet.log";
    m_load.emplace(std::move(load));
    const auto steady = [&] {
        return renshe::util::readFile(*m_dir / "fleet.log").find("fleet: steady state") !=
               std::string::npos;
    };
    if (!renshe::testing::waitUntil([&] { return steady() || !m_load->running(); },
                                    std::chrono::minutes(15)) ||
        !steady())
        invalid("it did not reach its steady state");
    std::this_thread::sleep_for(std::chrono::seconds(settleSeconds));
}

FleetBeside::~FleetBeside() {
    if (m_load && m_load->running())
        m_load->stop(std::chrono::seconds(30));
}

void FleetBeside::invalid(const std::string& why) {
    std::fprintf(stderr, "bench invalid: the fleet load failed: %s\n%s\n", why.c_str(),
                 m_load ? m_load->logTail().c_str() : "");
    if (m_load && m_load->running())
        m_load->stop();
    std::exit(2);
}

std::string FleetBeside::label() const {
    if (m_terminals <= 0)
        return "quiet back office";
    return "beside " + std::to_string(m_terminals) + " terminals heartbeating";
}

bool FleetBeside::finish(std::ostream& out) {
    if (m_finished)
        return true;
    m_finished = true;
    m_load->signal(SIGTERM);
    const auto status = m_load->waitForExit(std::chrono::minutes(2));
    if (!status)
        invalid("it did not stop within 2 minutes of SIGTERM");
    const std::string text = renshe::util::readFile(*m_dir / "fleet.log");
    const auto figures = text.find("fleet figures:\n");
    if (figures == std::string::npos)
        invalid("it ended without its figures");
    std::fflush(stdout);
    out << "\nthe fleet beside it:\n" << text.substr(figures + 15);
    out.flush();
    return WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
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
