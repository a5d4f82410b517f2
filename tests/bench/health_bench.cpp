// Unary call cost: a grpc.health.v1 Check over mutual TLS to the real back office process,
// against the floor of a bare loopback TCP round trip of the same size, in the same run.
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "services/client/client.hpp"
#include "tests/fixtures/backoffice.hpp"
#include "tests/fixtures/test_pki.hpp"

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

constexpr int kWarmup = 100;
constexpr int kRounds = 3000;

struct Stats {
    double p50, p99, mean;
};

Stats summarize(std::vector<double> us) {
    std::sort(us.begin(), us.end());
    double sum = 0;
    for (double v : us)
        sum += v;
    return {us[us.size() / 2], us[us.size() * 99 / 100], sum / static_cast<double>(us.size())};
}

// Floor: 8-byte request, 8-byte answer over a loopback TCP connection (TCP_NODELAY).
std::vector<double> tcpRoundTrips() {
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listener, 1) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        std::perror("bench invalid: loopback listener");
        std::exit(1);
    }
    const int one = 1;

    std::thread echo([listener, one] {
        const int c = ::accept(listener, nullptr, nullptr);
        ::setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        char buf[8];
        while (::recv(c, buf, sizeof buf, MSG_WAITALL) == sizeof buf) {
            if (::send(c, buf, sizeof buf, 0) != sizeof buf)
                break;
        }
        ::close(c);
    });
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        std::perror("bench invalid: loopback connect");
        std::exit(1);
    }
    ::setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::vector<double> us;
    char buf[8] = {};
    for (int i = 0; i < kWarmup + kRounds; ++i) {
        const auto t0 = Clock::now();
        if (::send(s, buf, sizeof buf, 0) != sizeof buf ||
            ::recv(s, buf, sizeof buf, MSG_WAITALL) != sizeof buf) {
            break;
        }
        if (i >= kWarmup) {
            us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        }
    }
    ::close(s);
    echo.join();
    ::close(listener);
    return us;
}

}  // namespace

int main() {
    renshe::testing::TestPki pki;
    renshe::testing::BackofficeProcess backoffice(pki);
    auto channel = renshe::services::client::makeChannel(
        pki.endpoint(backoffice.target(), pki.touchTerminal()));

    const auto t0 = Clock::now();
    const auto first = renshe::services::client::checkHealth(channel, 10s);
    const double handshakeMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (first.state != renshe::services::client::HealthState::Serving) {
        std::fprintf(stderr, "back office not serving: %s\n", first.message.c_str());
        return 1;
    }

    std::vector<double> ours;
    int failures = 0;
    for (int i = 0; i < kWarmup + kRounds; ++i) {
        const auto s = Clock::now();
        const auto r = renshe::services::client::checkHealth(channel, 5s);
        failures += r.state != renshe::services::client::HealthState::Serving;
        if (i >= kWarmup) {
            ours.push_back(std::chrono::duration<double, std::micro>(Clock::now() - s).count());
        }
    }
    const auto floor = tcpRoundTrips();
    if (failures > 0 || floor.size() != static_cast<size_t>(kRounds)) {
        std::fprintf(stderr, "bench invalid: %d failed calls, %zu floor samples\n", failures,
                     floor.size());
        return 1;
    }
    const Stats a = summarize(ours);
    const Stats b = summarize(floor);
    std::printf("first call incl. TLS handshake: %.1f ms\n", handshakeMs);
    std::printf("health Check over mTLS (%d calls): p50 %.0f us  p99 %.0f us  mean %.0f us\n",
                kRounds, a.p50, a.p99, a.mean);
    std::printf("bare loopback TCP round trip:      p50 %.0f us  p99 %.0f us  mean %.0f us\n",
                b.p50, b.p99, b.mean);
    std::printf("ratio ours/floor: p50 %.1fx  p99 %.1fx\n", a.p50 / b.p50, a.p99 / b.p99);
    return 0;
}
