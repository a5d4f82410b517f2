// The back office under load, each figure beside its floor in the same run:
//  1. card-status queries over mutual TLS from 64 concurrent streams against the real
//     renshe-backoffice (SQLite), beside a bare gRPC server with the same TLS that answers
//     the same RPC from memory — ratio target ≥ 0.5;
//  2. durable loss reports per second from 64 concurrent terminals' worth of streams,
//     beside a raw single-thread SQLite (WAL, synchronous=FULL) one-insert-per-commit loop on
//     the same disk — ratio target ≥ 1.0 (group commit);
// with p50/p99 latencies and the back office's writes-per-commit from its metrics endpoint.
#include <arpa/inet.h>
#include <grpcpp/grpcpp.h>
#include <netinet/in.h>
#include <sodium.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <vector>

#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/card.grpc.pb.h"
#include "services/pki/pki.hpp"
#include "tests/service/backoffice_env.hpp"

using Clock = std::chrono::steady_clock;
using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::SeededCard;

namespace {

constexpr int kStreams = 64;
constexpr auto kRun = std::chrono::seconds(5);
constexpr int kReports = 3000;

struct Load {
    double qps = 0;
    double p50 = 0, p99 = 0;  // microseconds
    long failures = 0;
};

Load summarize(std::vector<double> us, double seconds, long failures) {
    Load l;
    l.failures = failures;
    l.qps = static_cast<double>(us.size()) / seconds;
    if (us.empty())
        return l;
    std::sort(us.begin(), us.end());
    l.p50 = us[us.size() / 2];
    l.p99 = us[us.size() * 99 / 100];
    return l;
}

// `kStreams` threads calling GetCardStatus on one channel (HTTP/2 streams) for kRun.
Load statusLoad(const std::shared_ptr<grpc::Channel>& channel, const GetCardStatusRequest& req) {
    std::vector<std::vector<double>> perThread(kStreams);
    std::atomic<long> failures{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    const auto t0 = Clock::now();
    for (int t = 0; t < kStreams; ++t) {
        threads.emplace_back([&, t] {
            auto stub = CardService::NewStub(channel);
            while (!stop.load(std::memory_order_relaxed)) {
                grpc::ClientContext ctx;
                ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
                GetCardStatusResponse resp;
                const auto s = Clock::now();
                const auto st = stub->GetCardStatus(&ctx, req, &resp);
                if (st.ok()) {
                    perThread[t].push_back(
                        std::chrono::duration<double, std::micro>(Clock::now() - s).count());
                } else {
                    ++failures;
                }
            }
        });
    }
    std::this_thread::sleep_for(kRun);
    stop = true;
    for (auto& t : threads)
        t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    std::vector<double> all;
    for (auto& v : perThread)
        all.insert(all.end(), v.begin(), v.end());
    return summarize(std::move(all), seconds, failures.load());
}

// The floor of (1): the same RPC, the same TLS, answered from memory.
class BareCardService final : public CardService::Service {
public:
    explicit BareCardService(GetCardStatusResponse canned) : m_canned(std::move(canned)) {}
    grpc::Status GetCardStatus(grpc::ServerContext*, const GetCardStatusRequest*,
                               GetCardStatusResponse* resp) override {
        *resp = m_canned;
        return grpc::Status::OK;
    }

private:
    GetCardStatusResponse m_canned;
};

// The floor of (2): one row per transaction, synchronous=FULL, one thread.
double rawSqliteInsertsPerSecond(const std::filesystem::path& file, int n) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE reports (id INTEGER PRIMARY KEY, ssn TEXT, number TEXT, at INTEGER)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO reports (ssn, number, at) VALUES (?1, ?2, ?3)", -1, &st,
                       nullptr);
    const auto t0 = Clock::now();
    for (int i = 0; i < n; ++i) {
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_bind_text(st, 1, "370102194704090017", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, "GS20261123ABCDEF01", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, i);
        sqlite3_step(st);
        sqlite3_reset(st);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n / seconds;
}

std::string httpGet(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(s);
        return {};
    }
    const std::string req = "GET /metrics HTTP/1.0\r\n\r\n";
    [[maybe_unused]] auto w = ::send(s, req.data(), req.size(), 0);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(s, buf, sizeof buf, 0)) > 0)
        out.append(buf, static_cast<std::size_t>(n));
    ::close(s);
    return out;
}

double metric(const std::string& text, const std::string& name) {
    const auto at = text.find("\n" + name + " ");
    return at == std::string::npos ? 0 : std::atof(text.c_str() + at + name.size() + 2);
}

// (1) card status: ours against a bare gRPC server answering the same response over the same
// mutual TLS. Returns the failures.
long statusSection(BackofficeEnv& env, const std::shared_ptr<grpc::Channel>& ourChannel,
                   const renshe::testing::CertFiles& touchFiles, const GetCardStatusRequest& req) {
    GetCardStatusResponse canned;
    {
        grpc::ClientContext ctx;
        if (!CardService::NewStub(ourChannel)->GetCardStatus(&ctx, req, &canned).ok()) {
            std::fprintf(stderr, "bench invalid: the seeded card cannot be read\n");
            std::exit(1);
        }
    }
    const Load ours = statusLoad(ourChannel, req);

    BareCardService bare(canned);
    grpc::SslServerCredentialsOptions tls(
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    tls.pem_root_certs = renshe::services::pki::readFile(env.pki().caCertificate());
    tls.pem_key_cert_pairs.push_back(
        {renshe::services::pki::readFile(env.pki().server().privateKey),
         renshe::services::pki::readFile(env.pki().server().certificate)});
    grpc::ServerBuilder builder;
    int barePort = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::SslServerCredentials(tls), &barePort);
    builder.RegisterService(&bare);
    auto bareServer = builder.BuildAndStart();
    auto bareChannel = renshe::services::client::makeChannel(
        env.pki().endpoint("127.0.0.1:" + std::to_string(barePort), touchFiles));
    const Load floor = statusLoad(bareChannel, req);
    bareServer->Shutdown();

    std::printf("card status, %d streams, %lld s each, mutual TLS:\n", kStreams,
                static_cast<long long>(kRun.count()));
    std::printf(
        "  renshe-backoffice (SQLite): %8.0f calls/s  p50 %6.0f us  p99 %6.0f us  (%ld failed)\n",
        ours.qps, ours.p50, ours.p99, ours.failures);
    std::printf(
        "  bare gRPC server, same TLS: %8.0f calls/s  p50 %6.0f us  p99 %6.0f us  (%ld failed)\n",
        floor.qps, floor.p50, floor.p99, floor.failures);
    std::printf("  ratio ours/bare: %.2f (target >= 0.5)\n", ours.qps / floor.qps);
    return ours.failures + floor.failures;
}

// kReports persons with activated cards (service password 285714), for the loss reports.
std::vector<SeededCard> activatedPeople(BackofficeEnv& env) {
    std::vector<SeededCard> people;
    for (int i = 0; i < kReports; ++i)
        people.push_back(renshe::testing::inventedCard(1000 + i));
    const auto imp = renshe::testing::registryImportOf(people);
    ImportRegistryResponse ir;
    const auto imported = call(*env.staff().admin, &AdminService::Stub::ImportRegistry, imp, &ir);
    if (!imported.ok() || ir.cards_imported() != kReports) {
        std::fprintf(stderr, "bench invalid: import failed (%s, %d errors)\n",
                     imported.message.c_str(), ir.errors_size());
        std::exit(1);
    }
    std::atomic<int> next{0}, bad{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 16; ++t) {
        threads.emplace_back([&] {
            const auto touch = env.touch();
            for (int i; (i = next++) < kReports;) {
                if (!renshe::testing::activate(touch, people[i], "285714").ok())
                    ++bad;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    if (bad > 0) {
        std::fprintf(stderr, "bench invalid: %d activations failed\n", bad.load());
        std::exit(1);
    }
    return people;
}

// Every person's card reported temporarily lost, from kStreams threads.
Load lossLoad(const std::shared_ptr<grpc::Channel>& channel,
              const std::vector<SeededCard>& people) {
    std::vector<std::vector<double>> perThread(kStreams);
    std::atomic<int> next{0};
    std::atomic<long> failures{0};
    std::vector<std::thread> threads;
    const auto t0 = Clock::now();
    for (int t = 0; t < kStreams; ++t) {
        threads.emplace_back([&, t] {
            auto stub = CardService::NewStub(channel);
            for (int i; (i = next++) < kReports;) {
                ReportTemporaryLossRequest r;
                r.set_request_id(renshe::testing::newRequestId());
                r.set_ssn(people[i].ssn);
                r.set_name(people[i].name);
                r.mutable_second_factor()->set_service_password("285714");
                ReportTemporaryLossResponse resp;
                grpc::ClientContext ctx;
                ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
                const auto s = Clock::now();
                if (stub->ReportTemporaryLoss(&ctx, r, &resp).ok() &&
                    resp.card().status() == CARD_STATUS_TEMP_LOST) {
                    perThread[t].push_back(
                        std::chrono::duration<double, std::micro>(Clock::now() - s).count());
                } else {
                    ++failures;
                }
            }
        });
    }
    for (auto& t : threads)
        t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    std::vector<double> all;
    for (auto& v : perThread)
        all.insert(all.end(), v.begin(), v.end());
    return summarize(std::move(all), seconds, failures.load());
}

}  // namespace

// The other floor of (2) since each report checks a service password: the Argon2id
// verifications (the back office's parameters: 19 MiB, 2 passes) all cores can do.
double rawArgon2idPerSecond(int n) {
    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::atomic<int> left{n};
    const auto t0 = Clock::now();
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            const unsigned char salt[crypto_pwhash_SALTBYTES] = {7};
            unsigned char out[32];
            while (left.fetch_sub(1) > 0) {
                if (crypto_pwhash(out, sizeof out, "peppered-password-32-bytes-long!", 32, salt, 2,
                                  19456 * 1024, crypto_pwhash_ALG_ARGON2ID13) != 0)
                    std::abort();
            }
        });
    }
    for (auto& w : workers)
        w.join();
    return n / std::chrono::duration<double>(Clock::now() - t0).count();
}

int main() {
    if (sodium_init() < 0)
        return 1;
    renshe::testing::TempDir work("renshe-bench-backoffice");
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite,
                      {"--limit-terminal-lookups", "1000000/3600", "--metrics-listen",
                       "127.0.0.1:0", "--metrics-port-file", (work / "metrics.port").string()});
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    GetCardStatusRequest req;
    *req.mutable_card() = card.inserted();
    const auto touchFiles = env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion);
    auto ourChannel = renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().target(), touchFiles));
    const long statusFailures = statusSection(env, ourChannel, touchFiles, req);

    // (2) durable loss reports, and how many writes the back office put in each commit.
    const auto people = activatedPeople(env);
    int metricsPort = 0;
    std::ifstream(work / "metrics.port") >> metricsPort;
    const std::string before = httpGet(metricsPort);
    const Load reports = lossLoad(ourChannel, people);
    const std::string after = httpGet(metricsPort);
    const double writes =
        metric(after, "renshe_store_writes_total") - metric(before, "renshe_store_writes_total");
    const double commits =
        metric(after, "renshe_store_commits_total") - metric(before, "renshe_store_commits_total");

    const double raw = rawSqliteInsertsPerSecond(work / "raw.db", kReports);
    std::printf("durable temporary loss reports, %d reports from %d streams:\n", kReports,
                kStreams);
    std::printf(
        "  renshe-backoffice (SQLite, WAL, synchronous=FULL): %7.0f reports/s  p50 %6.0f us  p99 "
        "%6.0f us  "
        "(%ld failed; %.1f writes per commit)\n",
        reports.qps, reports.p50, reports.p99, reports.failures,
        commits > 0 ? writes / commits : 0.0);
    const double kdf = rawArgon2idPerSecond(400);
    std::printf("  raw SQLite, one insert per commit, one thread:      %7.0f inserts/s\n", raw);
    std::printf("  raw Argon2id (19 MiB, 2 passes), %2u threads:        %7.0f verifications/s\n",
                std::max(1u, std::thread::hardware_concurrency()), kdf);
    std::printf(
        "  ratio ours/raw SQLite: %.2f (target >= 1.0 before each report cost an Argon2id)\n",
        reports.qps / raw);
    std::printf("  ratio ours/lower floor: %.2f\n", reports.qps / std::min(raw, kdf));
    return statusFailures + reports.failures == 0 ? 0 : 1;
}
