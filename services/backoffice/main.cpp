// renshe-backoffice: the authority for cards, certifications, jobs and content.
#include <absl/synchronization/mutex.h>
#include <pthread.h>
#include <signal.h>

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "drivers/util/service_notify.hpp"
#include "services/backoffice/rpc/keystore.hpp"
#include "services/backoffice/server/server.hpp"

using renshe::services::backoffice::parseOptions;
using renshe::services::backoffice::Server;
using renshe::services::backoffice::usage;

int main(int argc, char** argv) {
    // Debian's abseil checks every absl::Mutex acquisition (gRPC's, all of them) for
    // lock-order cycles, a debugging aid: it showed in the back office's profile under load
    // (GraphCycles in the call threads; tests/bench/backoffice_bench.cpp).
    absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
    if (argc >= 2 && std::string(argv[1]) == "keystore") {
        const std::vector<std::string> a(argv + 2, argv + argc);
        if (a.size() < 2 || a[0] != "new" || (a.size() == 3 && a[2] != "--demo") || a.size() > 3) {
            std::cerr << "usage: renshe-backoffice keystore new FILE [--demo]\n"
                         "  --demo  use the well-known demo master key the sample cards carry "
                         "(never in production)\n";
            return 2;
        }
        try {
            if (a.size() == 3) {
                renshe::services::backoffice::Keystore::createDemo(a[1]);
            } else {
                renshe::services::backoffice::Keystore::create(a[1]);
            }
        } catch (const std::exception& e) {
            std::cerr << "renshe-backoffice: " << e.what() << std::endl;
            return 1;
        }
        std::cout << "keystore written to " << a[1] << " (mode 0600)\n";
        return 0;
    }
    auto parsed = parseOptions(std::vector<std::string>(argv + 1, argv + argc));
    if (parsed.helpRequested) {
        std::cout << usage();
        return 0;
    }
    if (!parsed.options) {
        std::cerr << "renshe-backoffice: " << parsed.error << "\n\n" << usage();
        return 2;
    }

    // SIGTERM/SIGINT are taken by a thread of their own so shutdown never runs in a handler.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    // A browser that closes the verification page mid-answer must not end the process (TLS
    // writes go through write(2), which raises SIGPIPE on a closed socket).
    ::signal(SIGPIPE, SIG_IGN);

    Server server(std::move(*parsed.options));
    try {
        server.start();
    } catch (const std::exception& e) {
        std::cerr << "renshe-backoffice: cannot start: " << e.what() << std::endl;
        return 1;
    }

    // Under systemd (Type=notify): ready now; with WatchdogSec=, alive as long as the
    // database answers.
    renshe::util::notifyServiceManager("READY=1\nSTATUS=serving");
    std::mutex watchdogMutex;
    std::condition_variable watchdogWake;
    bool stopping = false;
    std::thread watchdog;
    if (const auto every = renshe::util::watchdogPingInterval()) {
        watchdog = std::thread([&, every = *every] {
            std::unique_lock lock(watchdogMutex);
            while (!watchdogWake.wait_for(lock, every, [&] { return stopping; })) {
                lock.unlock();
                if (server.alive())
                    renshe::util::notifyServiceManager("WATCHDOG=1");
                lock.lock();
            }
        });
    }
    std::thread signalWaiter([&] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        std::cerr << "renshe-backoffice: signal " << sig << ", shutting down" << std::endl;
        renshe::util::notifyServiceManager("STOPPING=1");
        server.shutdown();
    });
    server.wait();
    // wait() also returns if the server stopped for another reason; unblock the waiter.
    // SIGTERM is what the waiter sigwait()s for (blocked in every thread): it wakes, not dies.
    // NOLINTNEXTLINE(bugprone-bad-signal-to-kill-thread)
    pthread_kill(signalWaiter.native_handle(), SIGTERM);
    signalWaiter.join();
    {
        std::lock_guard lock(watchdogMutex);
        stopping = true;
    }
    watchdogWake.notify_all();
    if (watchdog.joinable())
        watchdog.join();
    std::cerr << "renshe-backoffice: stopped" << std::endl;
    return 0;
}
