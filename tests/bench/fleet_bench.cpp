// The terminal fleet as load (tests/bench/fleet_load.hpp): by default 10,000 terminals, each
// with its own certificate and channel, heartbeating every 30 s, plus 20 card-status calls a
// second, against a renshe-backoffice this bench starts (SQLite; --postgres for a private
// PostgreSQL); or against any address with --target and the CA to issue certificates from.
// Target on the 2-core reference machine: p99 ≤ 50 ms for both RPCs in the steady state.
// Exits 1 only when calls fail or the setup does, never for a missed target.
#include <absl/synchronization/mutex.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "services/pki/pki.hpp"
#include "tests/bench/fleet_load.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

constexpr int kTargetTerminals = 10000;
constexpr double kTargetStatusRate = 20;
constexpr double kTargetP99Ms = 50;

std::atomic<bool> g_sigterm{false};  // --until-sigterm: the steady state ends

int usage(int rc) {
    (rc == 0 ? std::cout : std::cerr)
        << "usage: bench_fleet [--terminals N] [--status-rate R] [--seconds S] [--interval S] "
           "[--cards N]\n"
           "                   [--per-beat-channels] [--postgres]\n"
           "       bench_fleet --target HOST:PORT (--pki DIR | --ca FILE --ca-key FILE) "
           "[--server-name NAME]\n"
           "                   [--staff-target HOST:PORT] [--backoffice-pid PID] [the options "
           "above]\n"
           "\n"
           "  Without --target a renshe-backoffice is started on SQLite (or --postgres). With it, "
           "the CA\n"
           "  (DIR/ca.crt and DIR/ca.key as renshe-admin pki demo writes them) issues a "
           "certificate per\n"
           "  terminal and a staff certificate for seeding; it must be the CA the back office "
           "trusts\n"
           "  and the one that signed its server certificate. The seeding (enrolment, registry) "
           "goes to\n"
           "  --staff-target, the back office's --staff-listen port (default: --target).\n"
           "  --seconds S  steady state measured after every terminal has connected (default 30)\n"
           "  --per-beat-channels  open a channel (a TLS handshake) around each heartbeat instead "
           "of one\n"
           "               kept open per terminal\n"
           "  --until-sigterm  as load beside another benchmark (tests/bench/beside.hpp): says "
           "\"fleet:\n"
           "               steady state\" on stderr when it begins, runs it until SIGTERM, then "
           "prints\n"
           "               the figures after a line \"fleet figures:\"\n";
    return rc;
}

struct Args {
    renshe::bench::FleetLoadOptions o;
    std::string caFile, caKeyFile;
    bool postgres = false;
};

// Fills `a` from the command line; 0 when help was asked for. Throws std::invalid_argument.
std::optional<int> parseArgs(const std::vector<std::string>& args, Args& a) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size())
                throw std::invalid_argument(arg + " needs a value");
            return args[++i];
        };
        if (arg == "-h" || arg == "--help")
            return 0;
        else if (arg == "--target")
            a.o.target = value();
        else if (arg == "--staff-target")
            a.o.staffTarget = value();
        else if (arg == "--server-name")
            a.o.serverNameOverride = value();
        else if (arg == "--pki") {
            const std::string dir = value();
            a.caFile = dir + "/ca.crt";
            a.caKeyFile = dir + "/ca.key";
        } else if (arg == "--ca")
            a.caFile = value();
        else if (arg == "--ca-key")
            a.caKeyFile = value();
        else if (arg == "--backoffice-pid")
            a.o.backofficePid = std::stoi(value());
        else if (arg == "--terminals")
            a.o.terminals = std::stoi(value());
        else if (arg == "--status-rate")
            a.o.statusRate = std::stod(value());
        else if (arg == "--seconds")
            a.o.seconds = std::stoi(value());
        else if (arg == "--interval")
            a.o.intervalSeconds = std::stoi(value());
        else if (arg == "--cards")
            a.o.cards = std::stoi(value());
        else if (arg == "--certification-status-rate")
            a.o.certificationStatusRate = std::stod(value());
        else if (arg == "--per-beat-channels")
            a.o.perBeatChannels = true;
        else if (arg == "--until-sigterm") {
            a.o.stop = &g_sigterm;
            a.o.processOfItsOwn = true;
            a.o.onSteady = [] { std::cerr << "fleet: steady state" << std::endl; };
        } else if (arg == "--postgres")
            a.postgres = true;
        else
            throw std::invalid_argument("unknown argument " + arg);
    }
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    // This abseil build checks every absl::Mutex acquisition for lock-order cycles; with
    // 10,000 channels gRPC's mutexes make that graph large, and the check took ~15% of the
    // generator's CPU while connecting. The generator measures the back office, not that.
    absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
    namespace pki = renshe::services::pki;
    Args parsed;
    try {
        if (const auto code = parseArgs(std::vector<std::string>(argv + 1, argv + argc), parsed))
            return usage(*code);
    } catch (const std::exception& e) {
        std::cerr << "bench_fleet: " << e.what() << "\n";
        return usage(2);
    }
    auto& o = parsed.o;
    const std::string& caFile = parsed.caFile;
    const std::string& caKeyFile = parsed.caKeyFile;
    const bool postgres = parsed.postgres;

    try {
        std::optional<renshe::testing::BackofficeEnv> env;
        if (o.target.empty()) {
            std::cerr << "starting renshe-backoffice (" << (postgres ? "PostgreSQL" : "SQLite")
                      << ")…" << std::endl;
            env.emplace(postgres ? renshe::testing::StoreKind::Postgres
                                 : renshe::testing::StoreKind::Sqlite);
            o.target = env->backoffice().target();
            o.staffTarget = env->backoffice().staffTarget();
            o.caCertificatePem = env->pki().ca().certificatePem();
            o.caPrivateKeyPem = env->pki().ca().privateKeyPem();
            o.backofficePid = env->backoffice().process().pid();
        } else {
            if (caFile.empty() || caKeyFile.empty()) {
                std::cerr << "bench_fleet: --target needs --pki DIR or --ca FILE --ca-key FILE\n";
                return usage(2);
            }
            o.caCertificatePem = pki::readFile(caFile);
            o.caPrivateKeyPem = pki::readFile(caKeyFile);
        }
        if (o.stop) {
            struct sigaction term {};
            term.sa_handler = [](int) { g_sigterm = true; };
            sigaction(SIGTERM, &term, nullptr);
        }
        const auto result = renshe::bench::runFleetLoad(o, std::cerr);
        if (o.stop)
            std::cout << "fleet figures:\n";
        renshe::bench::printFleetLoad(o, result, std::cout);

        const auto& s = result.steady;
        std::string missed;
        if (o.terminals < kTargetTerminals || o.statusRate < kTargetStatusRate)
            missed += " ran below the target load;";
        if (s.heartbeat.p99Ms > kTargetP99Ms)
            missed += " heartbeat p99 over 50 ms;";
        if (s.status.p99Ms > kTargetP99Ms)
            missed += " card-status p99 over 50 ms;";
        if (s.heartbeat.timedOut + s.status.timedOut > 0)
            missed += " calls timed out;";
        if (s.heartbeat.ok == 0 || (o.statusRate > 0 && s.status.ok == 0))
            missed += " no calls answered;";
        std::cout << "target (" << kTargetTerminals << " terminals, " << kTargetStatusRate
                  << " status calls/s, p99 <= 50 ms in the steady state): "
                  << (missed.empty() ? "target met" : "target missed:" + missed) << "\n";
        if (result.failures() > 0) {
            std::cout
                << "FAILED: " << result.failures()
                << " failure(s): calls that failed, or terminals missing from the fleet listing\n";
            return 1;
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bench_fleet: " << e.what() << "\n";
        return 1;
    }
}
