// The real renshe-backoffice process over mutual TLS on 127.0.0.1.
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "renshe/v1/card.grpc.pb.h"
#include "renshe/v1/certification.grpc.pb.h"
#include "services/client/client.hpp"
#include "tests/fixtures/backoffice.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/fixtures/test_pki.hpp"
#include "tests/fixtures/web.hpp"

namespace client = renshe::services::client;
using namespace std::chrono_literals;
using renshe::testing::BackofficeProcess;
using renshe::testing::TestPki;

class BackofficeHealth : public ::testing::Test {
protected:
    TestPki pki;
    BackofficeProcess backoffice{pki};
};

TEST_F(BackofficeHealth, TerminalWithCertificateFromTheCaSeesServing) {
    auto channel = client::makeChannel(pki.endpoint(backoffice.target(), pki.touchTerminal()));
    const auto h = client::checkHealth(channel, 5s);
    EXPECT_EQ(h.state, client::HealthState::Serving) << h.message;
}

TEST_F(BackofficeHealth, StaffCertificateIsAcceptedAtTheTransport) {
    auto channel = client::makeChannel(pki.endpoint(backoffice.staffTarget(), pki.staff()));
    EXPECT_EQ(client::checkHealth(channel, 5s).state, client::HealthState::Serving);
}

TEST_F(BackofficeHealth, NoClientCertificateIsRefused) {
    grpc::SslCredentialsOptions tls;
    tls.pem_root_certs = renshe::services::pki::readFile(pki.caCertificate());
    auto channel = grpc::CreateChannel(backoffice.target(), grpc::SslCredentials(tls));
    const auto h = client::checkHealth(channel, 3s);
    EXPECT_EQ(h.state, client::HealthState::Unreachable);
    EXPECT_EQ(h.grpcCode, grpc::StatusCode::UNAVAILABLE) << h.message;

    // The refusal did not hurt the server.
    auto good = client::makeChannel(pki.endpoint(backoffice.target(), pki.touchTerminal()));
    EXPECT_EQ(client::checkHealth(good, 5s).state, client::HealthState::Serving);
}

TEST_F(BackofficeHealth, CertificateFromAnotherCaIsRefused) {
    TestPki other("Some Other CA");
    // Trusts the right server CA, but presents a client certificate the server's CA never signed.
    auto endpoint = other.endpoint(backoffice.target(), other.touchTerminal());
    endpoint.caPem = renshe::services::pki::readFile(pki.caCertificate());
    const auto h = client::checkHealth(client::makeChannel(endpoint), 3s);
    EXPECT_EQ(h.state, client::HealthState::Unreachable);
    EXPECT_EQ(h.grpcCode, grpc::StatusCode::UNAVAILABLE) << h.message;
}

TEST_F(BackofficeHealth, ServerNotSignedByTrustedCaIsRefusedByTheClient) {
    TestPki other("Some Other CA");
    auto endpoint = pki.endpoint(backoffice.target(), pki.touchTerminal());
    endpoint.caPem = renshe::services::pki::readFile(other.caCertificate());
    EXPECT_EQ(client::checkHealth(client::makeChannel(endpoint), 3s).state,
              client::HealthState::Unreachable);
}

TEST_F(BackofficeHealth, PlaintextClientIsRefused) {
    auto channel = grpc::CreateChannel(backoffice.target(), grpc::InsecureChannelCredentials());
    EXPECT_EQ(client::checkHealth(channel, 3s).state, client::HealthState::Unreachable);
}

TEST_F(BackofficeHealth, AnUnknownMethodAnswersUnimplemented) {
    auto channel = client::makeChannel(pki.endpoint(backoffice.target(), pki.touchTerminal()));
    grpc::GenericStub generic(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + 5s);
    grpc::Slice empty(std::string{});
    grpc::ByteBuffer request(&empty, 1), response;
    std::promise<grpc::Status> done;
    generic.UnaryCall(&ctx, "/renshe.v1.CardService/NoSuchMethod", grpc::StubOptions(), &request,
                      &response, [&done](grpc::Status s) { done.set_value(std::move(s)); });
    EXPECT_EQ(done.get_future().get().error_code(), grpc::StatusCode::UNIMPLEMENTED);
}

TEST_F(BackofficeHealth, SigtermShutsDownCleanly) {
    const int status = backoffice.stop();
    ASSERT_TRUE(WIFEXITED(status)) << "status " << status;
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(BackofficeStartup, UnreadableCertificateFailsWithAReason) {
    TestPki pki;
    renshe::testing::ProcessOptions opts;
    renshe::testing::TempDir dir;
    renshe::testing::ProcessOptions keystore;
    keystore.argv = {RENSHE_BACKOFFICE_BIN_FOR_TESTS, "keystore", "new",
                     (dir / "keystore").string()};
    ASSERT_EQ(renshe::testing::runToCompletion(std::move(keystore)), 0);
    opts.argv = {RENSHE_BACKOFFICE_BIN_FOR_TESTS,
                 "--listen",
                 "127.0.0.1:0",
                 "--tls-cert",
                 "/nonexistent.crt",
                 "--tls-key",
                 pki.server().privateKey.string(),
                 "--client-ca",
                 pki.caCertificate().string(),
                 "--keystore",
                 (dir / "keystore").string(),
                 "--database",
                 "sqlite:" + (dir / "db").string()};
    opts.logFile = dir / "log";
    renshe::testing::ChildProcess p(std::move(opts));
    const auto status = p.waitForExit(10s);
    ASSERT_TRUE(status.has_value());
    EXPECT_NE(WEXITSTATUS(*status), 0);
    EXPECT_NE(p.logTail().find("/nonexistent.crt"), std::string::npos) << p.logTail();
}

TEST_F(BackofficeHealth, ChannelKeeperIsBackWithinSecondsOfARestartOnTheSamePort) {
    client::ChannelKeeper keeper(pki.endpoint(backoffice.target(), pki.touchTerminal()));
    auto check = [&] {
        const bool ok =
            client::checkHealth(keeper.channel(), 1s).state == client::HealthState::Serving;
        keeper.reportReachable(ok);
        return ok;
    };
    ASSERT_TRUE(check());
    backoffice.kill9();
    // Down long enough for the old channel to settle into its reconnect backoff: real time is
    // what this is about (the keeper must renew a channel stuck that way).
    for (int i = 0; i < 4; ++i) {
        EXPECT_FALSE(check());
        std::this_thread::sleep_for(500ms);
    }
    backoffice.restart();
    EXPECT_TRUE(renshe::testing::waitUntil([&] { return check(); }, 8s));
    EXPECT_GE(keeper.renewals(), 1);
}

namespace {

// The back office's end of TCP connections to `port` in state ESTABLISHED: /proc/net/tcp and
// tcp6 (gRPC listens on a dual-stack socket), local address "…:PPPP" in hex, state "01".
int establishedTo(int port) {
    char local[16];
    std::snprintf(local, sizeof local, ":%04X", port);
    int n = 0;
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        std::ifstream tcp(table);
        std::string line;
        std::getline(tcp, line);  // the header
        while (std::getline(tcp, line)) {
            std::istringstream fields(line);
            std::string slot, localAddress, remoteAddress, state;
            fields >> slot >> localAddress >> remoteAddress >> state;
            if (localAddress.size() > 5 && state == "01" &&
                localAddress.compare(localAddress.size() - 5, 5, local) == 0)
                ++n;
        }
    }
    return n;
}

}  // namespace

// A terminal connection with no call for --idle-connection-seconds is closed by the back office
// (the server sends no keepalive pings: this is what lets go of a terminal that vanished); one
// that keeps calling stays open, and the idle terminal's next call simply connects again.
TEST(BackofficeConnections, ATerminalConnectionWithNoCallForTheIdleLimitIsClosed) {
    TestPki pki;
    BackofficeProcess backoffice(pki, {"--idle-connection-seconds", "2"});
    auto idle = client::makeChannel(
        pki.endpoint(backoffice.target(), pki.touchTerminal("T-371302-001", "371302")));
    auto busy = client::makeChannel(
        pki.endpoint(backoffice.target(), pki.touchTerminal("T-371302-002", "371302")));
    ASSERT_EQ(client::checkHealth(idle, 5s).state, client::HealthState::Serving);
    ASSERT_EQ(client::checkHealth(busy, 5s).state, client::HealthState::Serving);
    EXPECT_EQ(establishedTo(backoffice.port()), 2);

    // The busy terminal calls every 300 ms for 5 s: its connection is never idle 2 s.
    const auto until = std::chrono::steady_clock::now() + 5s;
    int busyCalls = 0;
    while (std::chrono::steady_clock::now() < until) {
        ASSERT_EQ(busy->GetState(false), GRPC_CHANNEL_READY) << "after " << busyCalls << " calls";
        ASSERT_EQ(client::checkHealth(busy, 5s).state, client::HealthState::Serving);
        ++busyCalls;
        std::this_thread::sleep_for(300ms);
    }
    EXPECT_NE(idle->GetState(false), GRPC_CHANNEL_READY);
    EXPECT_EQ(establishedTo(backoffice.port()), 1);
    EXPECT_EQ(client::checkHealth(idle, 5s).state, client::HealthState::Serving);
    EXPECT_EQ(establishedTo(backoffice.port()), 2);
}

// Under systemd (Type=notify, WatchdogSec=): READY=1 once it serves, WATCHDOG=1 at half the
// watchdog timeout while its database answers, STOPPING=1 on SIGTERM.
TEST(BackofficeUnderSystemd, NotifiesReadyPingsTheWatchdogAndSaysWhenItStops) {
    TestPki pki;
    renshe::testing::TempDir dir("renshe-notify");
    const std::string path = (dir / "notify.sock").string();
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(fd, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    std::vector<std::string> got;
    const auto receive = [&](std::chrono::milliseconds timeout) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0)
            return false;
        char buf[512];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return false;
        got.emplace_back(buf, static_cast<std::size_t>(n));
        return true;
    };
    BackofficeProcess backoffice(pki, {}, {{"NOTIFY_SOCKET", path}, {"WATCHDOG_USEC", "400000"}});
    ASSERT_TRUE(receive(5s));
    EXPECT_EQ(got[0].rfind("READY=1", 0), 0u) << got[0];
    // 200 ms apart: at least four pings in a second and a half.
    const auto until = std::chrono::steady_clock::now() + 1500ms;
    int pings = 0;
    while (std::chrono::steady_clock::now() < until) {
        if (receive(500ms) && got.back() == "WATCHDOG=1")
            ++pings;
    }
    EXPECT_GE(pings, 4);
    EXPECT_EQ(backoffice.stop(), 0);
    bool stopping = false;
    while (!stopping && receive(1s))
        stopping = got.back() == "STOPPING=1";
    EXPECT_TRUE(stopping);
    ::close(fd);
}

namespace {

double metricValue(const BackofficeProcess& b, const std::string& name) {
    const auto samples = b.scrapeMetrics();  // findMetric points into it
    const auto* s = renshe::testing::findMetric(samples, name);
    return s ? s->value : -1;
}

}  // namespace

// Beyond loopback the metrics are served over TLS to the operators' client certificates only
// (--metrics-client-ca; tested on 127.0.0.1, the same listener): no certificate, one of the
// back office's own CA, or plain HTTP gets no answer.
TEST(BackofficeMetrics, OverTlsOnlyToACertificateOfTheOperatorsCa) {
    TestPki pki;
    TestPki operators("Province Operations CA");
    renshe::testing::TempDir dir("renshe-metrics-tls");
    BackofficeProcess backoffice(pki, {"--metrics-listen", "127.0.0.1:0", "--metrics-port-file",
                                       (dir.path() / "metrics.port").string(),
                                       "--metrics-client-ca", operators.caCertificate().string()});
    int port = 0;
    std::ifstream(dir.path() / "metrics.port") >> port;
    ASSERT_GT(port, 0);
    const auto ops = operators.staff("OPS-0001", "37");
    const renshe::testing::ClientCertificate operatorCert{ops.certificate, ops.privateKey};
    const auto scraped =
        renshe::testing::httpsGet(port, "/metrics", pki.caCertificate(), &operatorCert);
    EXPECT_EQ(scraped.status, 200) << scraped.error;
    EXPECT_NE(scraped.body.find("# TYPE renshe_rpc_duration_seconds histogram"), std::string::npos)
        << scraped.body;

    EXPECT_EQ(renshe::testing::httpsGet(port, "/metrics", pki.caCertificate()).status, 0);
    const auto ownStaff = pki.staff("S-0001", "371302");
    const renshe::testing::ClientCertificate notAnOperator{ownStaff.certificate,
                                                           ownStaff.privateKey};
    EXPECT_EQ(
        renshe::testing::httpsGet(port, "/metrics", pki.caCertificate(), &notAnOperator).status, 0);
    EXPECT_EQ(renshe::testing::httpGet(port, "/metrics").status, 0);
    // Still serving the operators afterwards.
    EXPECT_EQ(
        renshe::testing::httpsGet(port, "/metrics", pki.caCertificate(), &operatorCert).status,
        200);
}

// The audit checkpoint's age: rewritten every sweep round it stays young however far the clock
// moves; one that cannot be written ages from the start (RensheAuditCheckpointStale).
TEST(BackofficeMetrics, TheAuditCheckpointsAgeSaysWhenItIsNoLongerWritten) {
    TestPki pki;
    renshe::testing::TempDir dir("renshe-checkpoint-age");
    BackofficeProcess written(pki, {"@metrics", "--audit-checkpoint",
                                    (dir.path() / "checkpoint").string(), "--sweep-seconds", "1"});
    BackofficeProcess unwritable(
        pki, {"@metrics", "--audit-checkpoint", (dir.path() / "missing" / "checkpoint").string(),
              "--sweep-seconds", "1"});
    written.advanceClock(20min);
    unwritable.advanceClock(20min);
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] {
            const double age = metricValue(written, "renshe_audit_checkpoint_age_seconds");
            return age >= 0 && age < 60;
        },
        10s))
        << metricValue(written, "renshe_audit_checkpoint_age_seconds");
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "checkpoint"));
    EXPECT_GE(metricValue(unwritable, "renshe_audit_checkpoint_age_seconds"), 1200);
}
