// A terminal fleet as load on a back office: N terminals, each with its own client
// certificate (the heartbeat's identity is the certificate's), heartbeating every interval
// with the heartbeats spread evenly over it, plus a steady rate of card-status queries
// (GetCardStatus for seeded cards) from touch terminals and, if asked, of certification-status
// queries (GetCertificationStatus: a read and an audited write each) from the same terminals.
// Reports p50/p99 per RPC and the CPU the back office process and the generator used, for
// connecting (every terminal opens its channel and sends its first heartbeat, as after a back
// office restart: N TLS handshakes) and for the steady state after it.
//
// Channels: by default each terminal keeps one channel (one TLS connection) open, as the
// kiosk does, so the back office holds N idle connections like in production; a handshake
// costs once per terminal. `perBeatChannels` instead opens a channel around each heartbeat
// (a handshake per beat, few open connections): the choice is measured by fleet_bench.
//
// Used by tests/bench/fleet_bench.cpp and reusable against any address (a load balancer in
// front of several back offices): give the target, the CA that may issue client
// certificates, and optionally the back office's pid for its CPU figures.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace renshe::bench {

struct FleetLoadOptions {
    std::string target;              // host:port of the back office (or its load balancer)
    std::string staffTarget;         // its staff port, for the seeding imports ("" = target)
    std::string serverNameOverride;  // TLS name to check when `target` is an alias
    std::string caCertificatePem;    // the CA the back office trusts for client certificates,
    std::string caPrivateKeyPem;     // used to issue the terminals' and a staff certificate
    int terminals = 10000;
    int displayEvery = 10;   // every n-th terminal is a display terminal (0 = none)
    double statusRate = 20;  // GetCardStatus calls per second
    // GetCertificationStatus calls per second (0 = none): each is audited and counts against
    // the terminal's status look-up budget (--limit-terminal-status-lookups), spread over 50
    // terminals.
    double certificationStatusRate = 0;
    int seconds = 30;               // steady state measured after connecting
    int intervalSeconds = 30;       // heartbeat interval
    int cards = 200;                // persons + cards seeded with ImportRegistry
    std::string county = "371302";  // terminals in 20 townships of it; cards in township 101
    bool perBeatChannels = false;   // a channel per heartbeat instead of one per terminal
    pid_t backofficePid = 0;        // > 0: report this process's CPU and memory
    // As load beside another benchmark: called on the load's thread when the steady state
    // begins; with `stop` set, the steady state lasts until *stop is true (`seconds` ignored).
    std::function<void()> onSteady;
    const std::atomic<bool>* stop = nullptr;
    bool processOfItsOwn = false;  // with `stop`: nothing else runs in this process
    // One service point per township (县 + 101…120), each township's terminals enrolled at
    // it; without, terminals are enrolled with none.
    bool servicePoints = false;
    // While >= 0, the terminals of township index *silentTownship (0 = 101) send no
    // heartbeats: a hall whose network went down.
    const std::atomic<int>* silentTownship = nullptr;
};

struct RpcFigures {
    long ok = 0;
    long timedOut = 0;                   // DEADLINE_EXCEEDED: a missed target, not a failure
    std::map<std::string, long> failed;  // other status codes, by name
    double p50Ms = 0, p99Ms = 0, maxMs = 0;
};

struct PhaseFigures {
    double seconds = 0;
    RpcFigures heartbeat, status;
    RpcFigures certificationStatus;    // with certificationStatusRate > 0
    RpcFigures health;                 // the floor: grpc.health.v1 Check on the same channels
    double backofficeCpuSeconds = -1;  // -1: unknown (no pid)
    double generatorCpuSeconds = 0;
    double maxSchedulerLagMs = 0;  // steady state: how late the generator issued a call at worst
};

struct FleetLoadResult {
    double certificateSeconds = 0;
    double enrolSeconds = 0;
    double seedSeconds = 0;
    PhaseFigures connect, steady;  // connect: heartbeats only; none with perBeatChannels
    long backofficeRssKb = -1;     // at the end
    long generatorRssKb = 0;
    std::string loadAverageBefore, loadAverageAfter;  // /proc/loadavg: others' work on the machine
    long expectedTerminals = 0;
    long terminalsListed = 0;  // ListTerminals' total for the county after the run
    long terminalsStale = 0;
    std::vector<std::string> servicePointIds;  // by township index, with servicePoints
    double listingMs = 0;                      // the first page of that listing
    // RPCs that failed (not counting deadlines), plus one if fewer terminals were stored than ran.
    long failures() const;
};

// Runs the load; progress lines go to `log`. Throws std::runtime_error on a setup failure
// (seeding refused, CA unusable).
FleetLoadResult runFleetLoad(const FleetLoadOptions& options, std::ostream& log);

// The figures as lines of text.
void printFleetLoad(const FleetLoadOptions& options, const FleetLoadResult& result,
                    std::ostream& out);

}  // namespace renshe::bench
