// gRPC's two server APIs for a call that waits on a group commit, side by side, to decide how
// the back office's writes should be served:
//  - synchronous (the back office's today): the handler's thread queues its write and sleeps
//    until the group holding it is committed and flushed, then sends the answer and waits for
//    the send;
//  - callback: the handler queues its write with a continuation and returns; the committing
//    thread finishes the call once the group is flushed, and no thread waits for any one call.
// Both wait on the same real work: one committer thread runs every write queued meanwhile as
// one SQLite transaction (WAL, synchronous=FULL; one INSERT a call) and answers its group.
// Each server runs in a process of its own, with the back office's mutual TLS and thread-pool
// settings (bare_servers.hpp), against the client of bench.backoffice (64 calls in flight,
// in_flight.hpp). The two alternate, three rounds of 5 s each after a warm-up; printed: calls/s
// and the CPU a call of the server and of the client; the ratio is the synchronous server's CPU
// a call over the callback server's (the rounds' medians). A bare gRPC server has no other
// work, so the difference is an upper bound on what the back office saves a write.
// Exit status 0, 2 when the run is invalid (a call failed, a server did not start).
#include <grpcpp/grpcpp.h>
#include <sqlite3.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "renshe/v1/card.grpc.pb.h"
#include "services/client/client.hpp"
#include "tests/bench/bare_servers.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/bench/in_flight.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/fixtures/test_pki.hpp"

namespace {

using namespace renshe::v1;
using renshe::bench::fail;

constexpr int kInFlight = 64;
constexpr auto kRun = std::chrono::seconds(5);
constexpr int kRounds = 3;

// One thread committing every queued write as one transaction, then calling each one's
// continuation (from this thread, after the commit's flush).
class GroupCommitter {
public:
    explicit GroupCommitter(const std::filesystem::path& file) {
        if (sqlite3_open(file.c_str(), &m_db) != SQLITE_OK ||
            sqlite3_exec(m_db,
                         "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE writes "
                         "(id INTEGER PRIMARY KEY, request_id TEXT, at INTEGER)",
                         nullptr, nullptr, nullptr) != SQLITE_OK ||
            sqlite3_prepare_v2(m_db, "INSERT INTO writes (request_id, at) VALUES (?1, ?2)", -1,
                               &m_insert, nullptr) != SQLITE_OK)
            fail("the committer's database did not open");
        m_thread = std::thread([this] { loop(); });
    }
    GroupCommitter(const GroupCommitter&) = delete;
    GroupCommitter& operator=(const GroupCommitter&) = delete;
    ~GroupCommitter() = default;  // never run: the process ends with _exit() (serve())

    // `then(ok)` runs on the committer's thread once the write is durable (or failed).
    void write(std::string requestId, std::function<void(bool)> then) {
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back({std::move(requestId), std::move(then)});
        }
        m_wake.notify_one();
    }

private:
    struct Queued {
        std::string requestId;
        std::function<void(bool)> then;
    };

    void loop() {
        for (std::int64_t n = 0;;) {
            std::vector<Queued> group;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return !m_queue.empty(); });
                group.swap(m_queue);
            }
            bool ok = sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
            for (const Queued& q : group) {
                sqlite3_bind_text(m_insert, 1, q.requestId.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_int64(m_insert, 2, n++);
                ok = sqlite3_step(m_insert) == SQLITE_DONE && ok;
                sqlite3_reset(m_insert);
            }
            ok = sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK && ok;
            for (Queued& q : group)
                q.then(ok);
        }
    }

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_insert = nullptr;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Queued> m_queue;
    std::thread m_thread;
};

class SyncWriteService final : public CardService::Service {
public:
    explicit SyncWriteService(GroupCommitter& committer) : m_committer(committer) {}
    grpc::Status ReportPinChanged(grpc::ServerContext*, const ReportPinChangedRequest* req,
                                  ReportPinChangedResponse* resp) override {
        std::mutex mutex;
        std::condition_variable committed;
        std::optional<bool> ok;
        m_committer.write(req->request_id(), [&](bool written) {
            std::lock_guard lock(mutex);
            ok = written;
            committed.notify_one();
        });
        std::unique_lock lock(mutex);
        committed.wait(lock, [&] { return ok.has_value(); });
        if (!*ok)
            return {grpc::StatusCode::UNAVAILABLE, "the write failed"};
        resp->mutable_card()->set_status(CARD_STATUS_ACTIVE);
        return grpc::Status::OK;
    }

private:
    GroupCommitter& m_committer;
};

class CallbackWriteService final : public CardService::CallbackService {
public:
    explicit CallbackWriteService(GroupCommitter& committer) : m_committer(committer) {}
    grpc::ServerUnaryReactor* ReportPinChanged(grpc::CallbackServerContext* ctx,
                                               const ReportPinChangedRequest* req,
                                               ReportPinChangedResponse* resp) override {
        grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
        m_committer.write(req->request_id(), [reactor, resp](bool written) {
            if (!written) {
                reactor->Finish({grpc::StatusCode::UNAVAILABLE, "the write failed"});
                return;
            }
            resp->mutable_card()->set_status(CARD_STATUS_ACTIVE);
            reactor->Finish(grpc::Status::OK);
        });
        return reactor;
    }

private:
    GroupCommitter& m_committer;
};

enum class Api { Sync, Callback };

// A server process: its pid and port. It ends when killed, or when this process ends.
struct ServerProcess {
    pid_t pid = -1;
    int port = 0;
};

[[noreturn]] void serve(Api api, const renshe::testing::TestPki& pki,
                        const std::filesystem::path& dir, int portOut) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    auto* committer = new GroupCommitter(dir / ("writes-" + std::to_string(getpid()) + ".db"));
    SyncWriteService sync(*committer);
    CallbackWriteService callback(*committer);
    grpc::Service& service = api == Api::Sync ? static_cast<grpc::Service&>(sync) : callback;
    const renshe::bench::BareServer server(pki, service);
    const int port = std::stoi(server.target().substr(server.target().rfind(':') + 1));
    if (write(portOut, &port, sizeof port) != sizeof port)
        _exit(3);
    for (;;)
        pause();
}

ServerProcess startServer(Api api, const renshe::testing::TestPki& pki,
                          const std::filesystem::path& dir) {
    std::array<int, 2> portPipe{};
    if (pipe(portPipe.data()) != 0)
        fail("pipe");
    const pid_t pid = fork();
    if (pid < 0)
        fail("fork");
    if (pid == 0) {
        close(portPipe[0]);
        serve(api, pki, dir, portPipe[1]);
    }
    close(portPipe[1]);
    ServerProcess p{pid, 0};
    if (read(portPipe[0], &p.port, sizeof p.port) != sizeof p.port || p.port == 0)
        fail("the server process did not start");
    close(portPipe[0]);
    return p;
}

void stopServer(const ServerProcess& p) {
    kill(p.pid, SIGKILL);
    waitpid(p.pid, nullptr, 0);
}

struct Round {
    renshe::bench::Load load;
    double serverCpuPerCall = 0, clientCpuPerCall = 0;  // microseconds
};

struct WriteCall {
    grpc::ClientContext ctx;
    ReportPinChangedRequest req;
    ReportPinChangedResponse resp;
};

renshe::bench::Load pinChanges(CardService::Stub& stub, std::chrono::steady_clock::duration run) {
    return renshe::bench::inFlight(
        kInFlight, run, [&](int slot, int i, renshe::bench::CallDone done) {
            auto c = std::make_shared<WriteCall>();
            c->req.set_request_id(std::to_string(slot) + "-" + std::to_string(i));
            c->ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
            stub.async()->ReportPinChanged(
                &c->ctx, &c->req, &c->resp, [c, done = std::move(done)](const grpc::Status& s) {
                    done(s.ok() && c->resp.card().status() == CARD_STATUS_ACTIVE);
                });
            return true;
        });
}

Round measure(const ServerProcess& server, const renshe::testing::TestPki& pki) {
    Round r;
    const auto channel = renshe::services::client::makeChannel(pki.endpoint(
        "127.0.0.1:" + std::to_string(server.port), pki.touchTerminal("T-371302-001")));
    const auto stub = CardService::NewStub(channel);
    pinChanges(*stub, std::chrono::seconds(1));  // connected, threads started, warm
    const double server0 = renshe::bench::cpuSeconds(server.pid);
    const double client0 = renshe::bench::cpuSeconds();
    r.load = pinChanges(*stub, kRun);
    const double calls = static_cast<double>(std::max(1L, r.load.calls));
    r.serverCpuPerCall = 1e6 * (renshe::bench::cpuSeconds(server.pid) - server0) / calls;
    r.clientCpuPerCall = 1e6 * (renshe::bench::cpuSeconds() - client0) / calls;
    if (r.load.failures > 0)
        fail(std::to_string(r.load.failures) + " calls failed");
    return r;
}

double median(std::vector<double> v) {
    return renshe::bench::percentile(std::move(v), 0.5);
}

}  // namespace

int main() {
    std::signal(SIGPIPE, SIG_IGN);
    const renshe::testing::TestPki pki;
    pki.touchTerminal("T-371302-001");
    const renshe::testing::TempDir dir("renshe-bench-waiting-handler");
    // Both servers are forked before this process makes any gRPC object (gRPC does not
    // survive a fork once it runs); an idle one takes next to no CPU from the other's rounds.
    const ServerProcess syncServer = startServer(Api::Sync, pki, dir.path());
    const ServerProcess callbackServer = startServer(Api::Callback, pki, dir.path());
    std::printf(
        "PIN-change calls that each wait for a SQLite group commit, %d in flight, %lld s a "
        "round, mutual TLS:\n",
        kInFlight, static_cast<long long>(kRun.count()));
    std::vector<double> syncCpu, callbackCpu, syncQps, callbackQps;
    for (int round = 1; round <= kRounds; ++round) {
        for (const Api api : {Api::Sync, Api::Callback}) {
            const bool sync = api == Api::Sync;
            const Round r = measure(sync ? syncServer : callbackServer, pki);
            (sync ? syncCpu : callbackCpu).push_back(r.serverCpuPerCall);
            (sync ? syncQps : callbackQps).push_back(r.load.qps);
            std::printf(
                "  round %d, %-12s %7.0f calls/s  p50 %6.0f us  p99 %6.0f us  CPU a call: "
                "server %5.1f us, client %5.1f us\n",
                round, sync ? "synchronous" : "callback", r.load.qps, r.load.p50, r.load.p99,
                r.serverCpuPerCall, r.clientCpuPerCall);
            std::fflush(stdout);
        }
    }
    std::printf(
        "  medians: synchronous %.0f calls/s, %.1f us of server CPU a call; callback %.0f "
        "calls/s, %.1f us\n",
        median(syncQps), median(syncCpu), median(callbackQps), median(callbackCpu));
    std::printf("  ratio synchronous/callback, server CPU a call: %.2f\n",
                median(syncCpu) / median(callbackCpu));
    stopServer(syncServer);
    stopServer(callbackServer);
    return 0;
}
