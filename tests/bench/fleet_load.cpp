#include "tests/bench/fleet_load.hpp"

#include <grpcpp/grpcpp.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "grpc/health/v1/health.grpc.pb.h"
#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/card.grpc.pb.h"
#include "renshe/v1/certification.grpc.pb.h"
#include "renshe/v1/terminal.grpc.pb.h"
#include "services/backoffice/rpc/metrics.hpp"
#include "services/client/client.hpp"
#include "services/pki/pki.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/service/backoffice_env.hpp"

namespace renshe::bench {

using namespace renshe::v1;
using Clock = std::chrono::steady_clock;
namespace pki = renshe::services::pki;
namespace client = renshe::services::client;
using renshe::services::backoffice::codeName;  // the names the back office's metrics use

long FleetLoadResult::failures() const {
    long n = terminalsListed >= expectedTerminals ? 0 : 1;
    for (const auto* p : {&connect, &steady}) {
        for (const auto* r : {&p->heartbeat, &p->status, &p->health, &p->certificationStatus}) {
            for (const auto& [code, count] : r->failed)
                n += count;
        }
    }
    return n;
}

namespace {

constexpr int kTownships = 20;
constexpr auto kCallDeadline = std::chrono::seconds(10);
constexpr long kConnectInFlight = 64;  // handshakes in flight at once while connecting

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

long rssKbOf(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return -1;
}

struct Terminal {
    pki::Identity identity;
    client::Endpoint endpoint;
    std::shared_ptr<grpc::Channel> channel;  // persistent channels: opened at the first beat
    std::unique_ptr<TerminalService::Stub> fleet;
    std::unique_ptr<CardService::Stub> card;
    std::unique_ptr<grpc::health::v1::Health::Stub> health;
    std::unique_ptr<CertificationService::Stub> certification;
};

// Latencies and outcomes per RPC and phase (0 = connecting, 1 = steady state).
class Recorder {
public:
    enum Rpc { kHeartbeat = 0, kStatus = 1, kHealth = 2, kCertificationStatus = 3 };

    void record(Rpc rpc, int phase, const grpc::Status& s, double ms) {
        std::lock_guard lock(m_mutex);
        Series& x = m_series[rpc][phase];
        if (s.ok())
            x.ms.push_back(ms);
        else if (s.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED)
            ++x.timedOut;
        else {
            ++x.failed[codeName(s.error_code())];
            if (m_firstErrors < 5) {
                ++m_firstErrors;
                static const char* kNames[] = {
                    "heartbeat: ", "status: ", "health: ", "certification status: "};
                m_errors += std::string(kNames[rpc]) + codeName(s.error_code()) + " " +
                            s.error_message() + "\n";
            }
        }
    }

    RpcFigures figures(Rpc rpc, int phase) {
        std::lock_guard lock(m_mutex);
        Series& x = m_series[rpc][phase];
        RpcFigures f;
        f.ok = static_cast<long>(x.ms.size());
        f.timedOut = x.timedOut;
        f.failed = x.failed;
        if (!x.ms.empty()) {
            std::sort(x.ms.begin(), x.ms.end());
            f.p50Ms = x.ms[x.ms.size() / 2];
            f.p99Ms = x.ms[std::min(x.ms.size() - 1, x.ms.size() * 99 / 100)];
            f.maxMs = x.ms.back();
        }
        return f;
    }

    std::string errors() {
        std::lock_guard lock(m_mutex);
        return m_errors;
    }

    std::atomic<long> outstanding{0};

private:
    struct Series {
        std::vector<double> ms;
        long timedOut = 0;
        std::map<std::string, long> failed;
    };
    std::mutex m_mutex;
    Series m_series[4][2];
    int m_firstErrors = 0;
    std::string m_errors;
};

// One call in flight. Finished calls are not destroyed on gRPC's callback thread but handed
// back to the generator's thread (the graveyard), which also drops per-beat channels there.
struct Call {
    grpc::ClientContext ctx;
    HeartbeatRequest beat;
    HeartbeatResponse beatResp;
    GetCardStatusRequest status;
    GetCardStatusResponse statusResp;
    grpc::health::v1::HealthCheckRequest health;
    grpc::health::v1::HealthCheckResponse healthResp;
    GetCertificationStatusRequest certification;
    GetCertificationStatusResponse certificationResp;
    Clock::time_point issued;
    int phase = 0;
    std::shared_ptr<grpc::Channel> channel;  // per-beat channels only
    std::unique_ptr<TerminalService::Stub> stub;
};

class Graveyard {
public:
    void bury(std::unique_ptr<Call> c) {
        std::lock_guard lock(m_mutex);
        m_dead.push_back(std::move(c));
    }
    void clear() {
        std::vector<std::unique_ptr<Call>> dead;
        {
            std::lock_guard lock(m_mutex);
            dead.swap(m_dead);
        }
    }

private:
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Call>> m_dead;
};

HeartbeatRequest heartbeatOf(const Terminal& t, int i) {
    HeartbeatRequest r;
    const bool display = t.identity.role == pki::Role::Display;
    r.set_role(display ? TERMINAL_ROLE_DISPLAY : TERMINAL_ROLE_TOUCH);
    r.set_software_version(i % 50 == 0 ? "1.4.1" : "1.4.2");
    auto* d = r.mutable_devices();
    d->set_display(DISPLAY_STATE_ON);
    if (display) {
        d->set_content_revision(42);
    } else {
        d->set_card_reader(i % 97 == 0 ? DEVICE_PRESENCE_ABSENT : DEVICE_PRESENCE_PRESENT);
        d->set_card_reader_count(i % 97 == 0 ? 0 : 1);
        d->set_fingerprint_sensor(DEVICE_PRESENCE_PRESENT);
        d->mutable_fingerprint_device()->set_driver("goodixmoc");
        d->mutable_fingerprint_device()->set_device_id("0");
        d->set_printer(i % 31 == 0 ? PRINTER_STATE_PAPER_OUT : PRINTER_STATE_OK);
    }
    r.mutable_uptime()->set_seconds(3600 + i);
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    r.mutable_sent_at()->set_seconds(std::chrono::duration_cast<std::chrono::seconds>(now).count());
    r.mutable_sent_at()->set_nanos(static_cast<int>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() % 1'000'000'000));
    return r;
}

std::shared_ptr<grpc::Channel> staffChannel(const FleetLoadOptions& o,
                                            const pki::CertificateAuthority& ca) {
    const auto staff =
        ca.issueClient({"S-FLEET-BENCH", pki::Role::Staff, o.county}, std::chrono::hours(24));
    return client::makeChannel({o.staffTarget.empty() ? o.target : o.staffTarget,
                                o.caCertificatePem,
                                staff.certificatePem,
                                staff.privateKeyPem,
                                o.serverNameOverride,
                                {},
                                {}});
}

void seedCards(const FleetLoadOptions& o, const std::shared_ptr<grpc::Channel>& staff,
               std::vector<renshe::testing::SeededCard>& cards) {
    auto admin = AdminService::NewStub(staff);
    std::string persons = "ssn,name,sex,birth_date,region\n";
    std::string cardsCsv = "card_number,card_identifier,ssn,issue_date,expiry_date\n";
    for (int i = 0; i < o.cards; ++i) {
        cards.push_back(renshe::testing::inventedCard(i));
        const auto& c = cards.back();
        persons += c.ssn + "," + c.name + ",1," + c.ssn.substr(6, 8) + "," + c.region + "\n";
        cardsCsv += c.cardNumber + "," + c.identifierHex + "," + c.ssn + ",2024-03-01,2034-02-28\n";
    }
    ImportRegistryRequest req;
    req.set_request_id(renshe::testing::newRequestId());
    req.set_persons_csv(persons);
    req.set_cards_csv(cardsCsv);
    req.set_skip_bad(true);  // a second run against the same back office finds them registered
    ImportRegistryResponse resp;
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
    const auto s = admin->ImportRegistry(&ctx, req, &resp);
    if (!s.ok())
        throw std::runtime_error("seeding the registry failed: " + s.error_message());
}

void enrolBatches(AdminService::Stub& admin, const std::vector<Terminal>& terminals,
                  const std::vector<std::size_t>& members, const std::string& servicePoint) {
    constexpr std::size_t kBatch = 500;
    for (std::size_t first = 0; first < members.size(); first += kBatch) {
        renshe::v1::RegisterTerminalsRequest req;
        req.set_request_id(renshe::testing::newRequestId());
        req.set_service_point_id(servicePoint);
        for (std::size_t m = first; m < std::min(members.size(), first + kBatch); ++m)
            req.add_certificate_pem(terminals[members[m]].endpoint.certificatePem);
        renshe::v1::RegisterTerminalsResponse resp;
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
        const auto s = admin.RegisterTerminals(&ctx, req, &resp);
        if (!s.ok())
            throw std::runtime_error("enrolling the terminals failed: " + s.error_message());
    }
}

// A service point (人社所) for each township of the county; their ids by township index.
std::vector<std::string> createServicePoints(const FleetLoadOptions& o,
                                             const std::shared_ptr<grpc::Channel>& staff) {
    auto admin = AdminService::NewStub(staff);
    std::vector<std::string> ids;
    for (int k = 0; k < kTownships; ++k) {
        renshe::v1::UpsertServicePointRequest req;
        req.set_request_id(renshe::testing::newRequestId());
        auto* sp = req.mutable_service_point();
        sp->set_name("第" + std::to_string(k + 1) + "人社所");
        sp->mutable_region()->set_division_code(o.county);
        sp->mutable_region()->set_township_code(std::to_string(101 + k));
        sp->set_facility_class(renshe::v1::FACILITY_CLASS_III);
        sp->set_display_area_m2(1);
        sp->set_address("负载测试");
        renshe::v1::UpsertServicePointResponse resp;
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + kCallDeadline);
        const auto s = admin->UpsertServicePoint(&ctx, req, &resp);
        if (!s.ok())
            throw std::runtime_error("creating a service point failed: " + s.error_message());
        ids.push_back(resp.service_point().id());
    }
    return ids;
}

// Enrols the terminals; with `servicePoints`, each township's at its service point.
void enrolTerminals(const std::shared_ptr<grpc::Channel>& staff,
                    const std::vector<Terminal>& terminals,
                    const std::vector<std::string>& servicePoints) {
    auto admin = AdminService::NewStub(staff);
    const int groups = servicePoints.empty() ? 1 : kTownships;
    for (int g = 0; g < groups; ++g) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < terminals.size(); ++i)
            if (servicePoints.empty() || static_cast<int>(i % kTownships) == g)
                members.push_back(i);
        enrolBatches(*admin, terminals, members,
                     servicePoints.empty() ? "" : servicePoints[static_cast<std::size_t>(g)]);
    }
}

}  // namespace

namespace {

// One run of the load: the steps of runFleetLoad, sharing the terminals, the recorder and the
// figures.
class FleetRun {
public:
    FleetRun(const FleetLoadOptions& o, std::ostream& log)
        : o(o),
          log(log),
          ca(pki::CertificateAuthority::fromPem(o.caCertificatePem, o.caPrivateKeyPem)),
          terminals(static_cast<std::size_t>(o.terminals)) {
        result.expectedTerminals = o.terminals;
    }

    FleetLoadResult run() {
        issueCertificates();
        prepare();
        connect();
        steady();
        operatorView();
        collect();
        // Close every channel before returning (the caller may stop the back office next).
        for (auto& t : terminals) {
            t.fleet.reset();
            t.card.reset();
            t.channel.reset();
        }
        return result;
    }

private:
    static double secondsSince(Clock::time_point started) {
        return std::chrono::duration<double>(Clock::now() - started).count();
    }

    // 1. A certificate per terminal (EC P-256), issued on every core.
    void issueCertificates() {
        log << "issuing " << o.terminals << " terminal certificates…" << std::endl;
        const auto started = Clock::now();
        const unsigned workers = std::max(1u, std::thread::hardware_concurrency());
        std::vector<std::thread> pool;
        std::atomic<int> failed{0};
        for (unsigned w = 0; w < workers; ++w) {
            pool.emplace_back([&, w] {
                try {
                    for (int i = static_cast<int>(w); i < o.terminals;
                         i += static_cast<int>(workers))
                        issueFor(i);
                } catch (const std::exception&) {
                    ++failed;
                }
            });
        }
        for (auto& t : pool)
            t.join();
        if (failed > 0)
            throw std::runtime_error("issuing terminal certificates failed");
        result.certificateSeconds = secondsSince(started);
    }

    void issueFor(int i) {
        Terminal& t = terminals[static_cast<std::size_t>(i)];
        char township[8];
        std::snprintf(township, sizeof township, "%03d", 101 + i % kTownships);
        t.identity.region = o.county + township;
        char id[48];
        std::snprintf(id, sizeof id, "T-%s-%05d", t.identity.region.c_str(), i);
        t.identity.id = id;
        t.identity.role = o.displayEvery > 0 && i % o.displayEvery == o.displayEvery - 1
                              ? pki::Role::Display
                              : pki::Role::Touch;
        const auto issued = ca.issueClient(t.identity, std::chrono::hours(24));
        t.endpoint = {o.target,
                      o.caCertificatePem,
                      issued.certificatePem,
                      issued.privateKeyPem,
                      o.serverNameOverride,
                      {},
                      {}};
    }

    // 2. The terminals enrolled (an unenrolled terminal is refused), then persons and cards
    // for the status queries, from the touch terminals of township 101.
    void prepare() {
        staff = staffChannel(o, ca);
        log << "enrolling " << o.terminals << " terminals…" << std::endl;
        auto started = Clock::now();
        if (o.servicePoints)
            result.servicePointIds = createServicePoints(o, staff);
        enrolTerminals(staff, terminals, result.servicePointIds);
        result.enrolSeconds = secondsSince(started);
        if (o.statusRate <= 0)
            return;
        log << "seeding " << o.cards << " persons and cards…" << std::endl;
        started = Clock::now();
        seedCards(o, staff, cards);
        result.seedSeconds = secondsSince(started);
        for (int i = 0; i < o.terminals && statusTerminals.size() < 50; ++i) {
            const auto& t = terminals[static_cast<std::size_t>(i)];
            if (t.identity.role == pki::Role::Touch && i % kTownships == 0)
                statusTerminals.push_back(i);
        }
        if (statusTerminals.empty() || cards.empty())
            throw std::runtime_error("no terminal for status queries");
    }

    void sample(int i) {
        cpuB[i] = o.backofficePid > 0 ? renshe::bench::cpuSeconds(o.backofficePid) : -1;
        cpuG[i] = renshe::bench::cpuSeconds(self);
    }

    void ensureChannel(Terminal& t) {
        if (!t.channel) {
            t.channel = client::makeChannel(t.endpoint);
            t.fleet = TerminalService::NewStub(t.channel);
            t.card = CardService::NewStub(t.channel);
        }
    }

    // Sends `call` with `start(raw, done)` (an async stub call) and records its latency as
    // `kind` when it completes; the call's memory is freed off the completion thread.
    template <typename Start>
    void issue(std::unique_ptr<Call> call, Recorder::Rpc kind, Start&& start) {
        Call* raw = call.release();
        ++rec.outstanding;
        raw->issued = Clock::now();
        start(raw, [this, raw, kind](const grpc::Status& st) {
            rec.record(
                kind, raw->phase, st,
                std::chrono::duration<double, std::milli>(Clock::now() - raw->issued).count());
            graveyard.bury(std::unique_ptr<Call>(raw));
            --rec.outstanding;
        });
    }

    std::unique_ptr<Call> newCall(int phase) {
        auto call = std::make_unique<Call>();
        call->phase = phase;
        call->ctx.set_deadline(std::chrono::system_clock::now() + kCallDeadline);
        return call;
    }

    void fireHeartbeat(int i, int phase) {
        if (o.silentTownship && o.silentTownship->load() == i % kTownships)
            return;
        Terminal& t = terminals[static_cast<std::size_t>(i)];
        auto call = newCall(phase);
        call->beat = heartbeatOf(t, i);
        TerminalService::Stub* stub = nullptr;
        if (o.perBeatChannels) {
            call->channel = client::makeChannel(t.endpoint);
            call->stub = TerminalService::NewStub(call->channel);
            stub = call->stub.get();
        } else {
            ensureChannel(t);
            stub = t.fleet.get();
        }
        issue(std::move(call), Recorder::kHeartbeat, [stub](Call* raw, auto done) {
            stub->async()->Heartbeat(&raw->ctx, &raw->beat, &raw->beatResp, std::move(done));
        });
    }

    Terminal& statusTerminal(long s) {
        return terminals[static_cast<std::size_t>(
            statusTerminals[static_cast<std::size_t>(s) % statusTerminals.size()])];
    }

    void fireStatus(long s, int phase) {
        Terminal& t = statusTerminal(s);
        auto call = newCall(phase);
        *call->status.mutable_card() = cards[static_cast<std::size_t>(s) % cards.size()].inserted();
        ensureChannel(t);
        issue(std::move(call), Recorder::kStatus, [&t](Call* raw, auto done) {
            t.card->async()->GetCardStatus(&raw->ctx, &raw->status, &raw->statusResp,
                                           std::move(done));
        });
    }

    // The floor: grpc.health.v1 Check (no storage, no application code) on the same channels,
    // as often as the status queries: what transport and scheduling cost on this machine.
    void fireHealth(long s, int phase) {
        Terminal& t = statusTerminal(s);
        auto call = newCall(phase);
        ensureChannel(t);
        if (!t.health)
            t.health = grpc::health::v1::Health::NewStub(t.channel);
        issue(std::move(call), Recorder::kHealth, [&t](Call* raw, auto done) {
            t.health->async()->Check(&raw->ctx, &raw->health, &raw->healthResp, std::move(done));
        });
    }

    // A person's certification status from a terminal of their township: a read, then the
    // audited write of the look-up (the budget and the audit event).
    void fireCertificationStatus(long c, int phase) {
        Terminal& t = statusTerminal(c + 1);  // not the terminal of the same-numbered status call
        auto call = newCall(phase);
        call->certification.mutable_person()->set_card_number(
            cards[static_cast<std::size_t>(c) % cards.size()].cardNumber);
        ensureChannel(t);
        if (!t.certification)
            t.certification = CertificationService::NewStub(t.channel);
        issue(std::move(call), Recorder::kCertificationStatus, [&t](Call* raw, auto done) {
            t.certification->async()->GetCertificationStatus(
                &raw->ctx, &raw->certification, &raw->certificationResp, std::move(done));
        });
    }

    void drain() {
        const auto until = Clock::now() + kCallDeadline + std::chrono::seconds(5);
        while (rec.outstanding.load() > 0 && Clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        graveyard.clear();
    }

    // 3. The load. Phase 0 (persistent channels only): every terminal opens its channel and
    // sends its first heartbeat, at most kConnectInFlight at a time, as after a back office
    // restart: the cost of N TLS handshakes.
    void connect() {
        result.loadAverageBefore = loadAverage();
        sample(0);
        const auto phaseStart = Clock::now();
        if (!o.perBeatChannels) {
            log << "connecting: " << o.terminals << " terminals open their channel and heartbeat, "
                << kConnectInFlight << " at a time…" << std::endl;
            for (int i = 0; i < o.terminals; ++i) {
                while (rec.outstanding.load() >= kConnectInFlight)
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                fireHeartbeat(i, 0);
                if (i % 256 == 0)
                    graveyard.clear();
            }
        }
        for (int i : statusTerminals)
            ensureChannel(terminals[static_cast<std::size_t>(i)]);
        drain();
        result.connect.seconds = secondsSince(phaseStart);
        sample(1);
    }

    // Phase 1, the steady state: heartbeat k goes to terminal k % N at k × interval / N,
    // card-status query s at s / rate, for `seconds`. Terminal k's beats keep the order of the
    // connect round, so each is ~interval apart.
    void steady() {
        log << "steady state: " << o.seconds << " s…" << std::endl;
        const double beatPeriod = static_cast<double>(o.intervalSeconds) / o.terminals;
        const double statusPeriod = o.statusRate > 0 ? 1.0 / o.statusRate : 1e18;
        const double certificationPeriod =
            o.certificationStatusRate > 0 ? 1.0 / o.certificationStatusRate : 1e18;
        const double end = o.stop ? std::numeric_limits<double>::max() : o.seconds;
        const auto t0 = Clock::now() + std::chrono::milliseconds(100);
        if (o.onSteady)
            o.onSteady();
        auto at = [&](double sec) {
            return t0 +
                   std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(sec));
        };
        long k = 0, s = 0, h = 0, c = 0;
        double lag = 0;
        std::this_thread::sleep_until(t0);
        for (long iteration = 0;; ++iteration) {
            const double nb = static_cast<double>(k) * beatPeriod;
            const double ns = static_cast<double>(s) * statusPeriod;
            const double nh = (static_cast<double>(h) + 0.5) * statusPeriod;
            const double nc = (static_cast<double>(c) + 0.25) * certificationPeriod;
            const double next = std::min({nb, ns, nh, nc});
            if (next >= end || (o.stop && o.stop->load()))
                break;
            std::this_thread::sleep_until(at(next));
            lag = std::max(
                lag, std::chrono::duration<double, std::milli>(Clock::now() - at(next)).count());
            if (next == nb) {
                fireHeartbeat(static_cast<int>(k % o.terminals), 1);
                ++k;
            } else if (next == ns) {
                fireStatus(s, 1);
                ++s;
            } else if (next == nc) {
                fireCertificationStatus(c, 1);
                ++c;
            } else {
                fireHealth(h, 1);
                ++h;
            }
            if (iteration % 256 == 0)
                graveyard.clear();
        }
        if (!o.stop)
            std::this_thread::sleep_until(at(end));
        sample(2);
        result.steady.seconds = o.stop ? secondsSince(t0) : o.seconds;
        result.steady.maxSchedulerLagMs = lag;
        result.loadAverageAfter = loadAverage();
        result.backofficeRssKb = o.backofficePid > 0 ? rssKbOf(o.backofficePid) : -1;
        result.generatorRssKb = rssKbOf(self);
        drain();
        const std::string errors = rec.errors();
        if (!errors.empty())
            log << "first errors:\n" << errors;
    }

    // 4. What an operator sees: every terminal stored (heartbeats are written behind), the
    // first page of the fleet and the stale count.
    void operatorView() {
        auto fleet = TerminalService::NewStub(staff);
        ListTerminalsRequest req;
        req.set_region_prefix(o.county);
        req.mutable_page()->set_page_size(100);
        ListTerminalsResponse resp;
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + kCallDeadline);
        const auto listStarted = Clock::now();
        const auto st = fleet->ListTerminals(&ctx, req, &resp);
        result.listingMs =
            std::chrono::duration<double, std::milli>(Clock::now() - listStarted).count();
        if (!st.ok())
            throw std::runtime_error("ListTerminals failed: " + st.error_message());
        result.terminalsListed = resp.page().total_estimate();
        req.set_stale_only(true);
        grpc::ClientContext staleCtx;
        staleCtx.set_deadline(std::chrono::system_clock::now() + kCallDeadline);
        if (fleet->ListTerminals(&staleCtx, req, &resp).ok()) {
            result.terminalsStale = resp.page().total_estimate();
        }
    }

    void collect() {
        PhaseFigures* phases[2] = {&result.connect, &result.steady};
        for (int p = 0; p < 2; ++p) {
            phases[p]->heartbeat = rec.figures(Recorder::kHeartbeat, p);
            phases[p]->status = rec.figures(Recorder::kStatus, p);
            phases[p]->health = rec.figures(Recorder::kHealth, p);
            phases[p]->certificationStatus = rec.figures(Recorder::kCertificationStatus, p);
            phases[p]->backofficeCpuSeconds = cpuB[p] < 0 ? -1 : cpuB[p + 1] - cpuB[p];
            phases[p]->generatorCpuSeconds = cpuG[p + 1] - cpuG[p];
        }
    }

    const FleetLoadOptions& o;
    std::ostream& log;
    const pki::CertificateAuthority ca;
    FleetLoadResult result;
    std::vector<Terminal> terminals;
    std::shared_ptr<grpc::Channel> staff;
    std::vector<renshe::testing::SeededCard> cards;
    std::vector<int> statusTerminals;
    Recorder rec;
    Graveyard graveyard;
    const pid_t self = getpid();
    double cpuB[3] = {-1, -1, -1}, cpuG[3] = {0, 0, 0};
};

}  // namespace

FleetLoadResult runFleetLoad(const FleetLoadOptions& o, std::ostream& log) {
    if (o.terminals <= 0 || o.intervalSeconds <= 0 || o.seconds <= 0) {
        throw std::runtime_error("terminals, interval and seconds must be positive");
    }
    return FleetRun(o, log).run();
}

namespace {

std::string rpcLine(const char* name, const RpcFigures& f, double seconds) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "  %-10s %7ld ok (%6.1f/s)  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms", name, f.ok,
                  static_cast<double>(f.ok) / seconds, f.p50Ms, f.p99Ms, f.maxMs);
    std::string line = buf;
    if (f.timedOut > 0)
        line += "  " + std::to_string(f.timedOut) + " timed out";
    for (const auto& [code, n] : f.failed)
        line += "  " + std::to_string(n) + " " + code;
    return line + "\n";
}

std::string cpuText(double cpuSeconds, double seconds) {
    if (cpuSeconds < 0)
        return "unknown";
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.1f s (%.0f%% of one core)", cpuSeconds,
                  100.0 * cpuSeconds / seconds);
    return buf;
}

}  // namespace

void printFleetLoad(const FleetLoadOptions& o, const FleetLoadResult& r, std::ostream& out) {
    const int displays = o.displayEvery > 0 ? o.terminals / o.displayEvery : 0;
    out << "fleet load on " << o.target << ": " << o.terminals << " terminals ("
        << (o.terminals - displays) << " touch, " << displays << " display), a heartbeat every "
        << o.intervalSeconds << " s (" << static_cast<double>(o.terminals) / o.intervalSeconds
        << "/s), " << o.statusRate << " card-status calls/s, " << o.certificationStatusRate
        << " certification-status calls/s; "
        << (o.perBeatChannels ? "a TLS channel per heartbeat"
                              : "one TLS channel per terminal, kept open")
        << "\n";
    char buf[160];
    std::snprintf(buf, sizeof buf, "setup: %d certificates in %.1f s, %d cards seeded in %.1f s\n",
                  o.terminals, r.certificateSeconds, o.cards, r.seedSeconds);
    out << buf;
    // Beside other work in the same process (a test's own calls) the CPU figure is the
    // process's: named so, not "generator".
    const char* self = o.stop && !o.processOfItsOwn
                           ? ", this process (generator + the work beside it) "
                           : ", generator ";
    if (!o.perBeatChannels) {
        const auto& c = r.connect;
        std::snprintf(
            buf, sizeof buf,
            "connecting: %d channels and first heartbeats in %.1f s (%.0f handshakes/s)\n",
            o.terminals, c.seconds, c.seconds > 0 ? o.terminals / c.seconds : 0.0);
        out << buf << rpcLine("Heartbeat", c.heartbeat, c.seconds) << "  CPU: back office "
            << cpuText(c.backofficeCpuSeconds, c.seconds) << self
            << cpuText(c.generatorCpuSeconds, c.seconds);
        if (c.backofficeCpuSeconds > 0) {
            std::snprintf(buf, sizeof buf, "; %.2f ms of back office CPU per connection",
                          1000.0 * c.backofficeCpuSeconds / o.terminals);
            out << buf;
        }
        out << "\n";
    }
    const auto& p = r.steady;
    std::snprintf(buf, sizeof buf,
                  "steady state, %.0f s (the generator was at worst %.1f ms late):\n", p.seconds,
                  p.maxSchedulerLagMs);
    out << buf << rpcLine("Heartbeat", p.heartbeat, p.seconds)
        << rpcLine("CardStatus", p.status, p.seconds)
        << (o.certificationStatusRate > 0 ? rpcLine("CertStatus", p.certificationStatus, p.seconds)
                                          : std::string())
        << rpcLine("Health", p.health, p.seconds)
        << "  (Health: grpc.health.v1 Check on the same channels, no storage: the floor of "
           "transport and scheduling)\n"
        << "  CPU: back office " << cpuText(p.backofficeCpuSeconds, p.seconds) << self
        << cpuText(p.generatorCpuSeconds, p.seconds) << "\n";
    std::snprintf(buf, sizeof buf,
                  "fleet listing: %ld terminals stored (%ld stale), first page of 100 in %.1f ms\n",
                  r.terminalsListed, r.terminalsStale, r.listingMs);
    out << buf;
    out << "memory at the end: back office "
        << (r.backofficeRssKb < 0 ? std::string("unknown")
                                  : std::to_string(r.backofficeRssKb / 1024) + " MiB")
        << " RSS" << self << r.generatorRssKb / 1024 << " MiB RSS\n"
        << "machine load average (1/5/15 min): " << r.loadAverageBefore << " before, "
        << r.loadAverageAfter << " after\n";
}

}  // namespace renshe::bench
