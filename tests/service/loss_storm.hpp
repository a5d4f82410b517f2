// Loss reports under failure, shared by the durability tests (loss_durability_test.cpp) and the
// province's failover test (province_test.cpp): people seeded and activated, reports sent from
// several terminals at once with the kiosk's retry rule (a transient failure is retried with
// the same request id), haproxy in front of back-office replicas, and the check that every
// report is there exactly once with the number its terminal was told.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tests/bench/fleet_load.hpp"
#include "tests/fixtures/process.hpp"
#include "tests/service/backoffice_env.hpp"

namespace renshe::testing::storm {

inline constexpr int kPeople = 96;
inline constexpr const char* kPassword = "285714";

// kPeople invented people registered in one import, each card activated with kPassword.
std::vector<SeededCard> seedPeople(const Clients& staff, const Clients& touch);

// 临时挂失 for `p` under `requestId`, second factor kPassword.
renshe::v1::ReportTemporaryLossRequest reportFor(const SeededCard& p, const std::string& requestId);

// Every person has exactly one successful loss report event, the card is TEMP_LOST with the
// acknowledged report number, and the audit chain verifies.
void expectExactlyOnce(const Clients& staff, const std::vector<SeededCard>& people,
                       const std::map<int, std::string>& ackedNumbers);

// haproxy in TCP mode on 127.0.0.1:`port`, round robin over `targets` (host:port), with health
// checks that take a dead replica out within a third of a second.
std::unique_ptr<ChildProcess> startHaproxy(const std::filesystem::path& dir, int port,
                                           const std::vector<std::string>& targets);

// The fleet beside a storm: 400 terminals through `target` heartbeating every 4 s and asking
// card status 20 times a second, 40 cards seeded through `staffTarget` (a back office that is
// not killed).
renshe::bench::FleetLoadOptions stormFleet(const BackofficeEnv& env, const std::string& target,
                                           const std::string& staffTarget);

// The reports for `people`, from `terminals` touch terminals at once through `target`, each
// retried every 200 ms while the answer is transient (UNAVAILABLE, DEADLINE_EXCEEDED,
// INTERNAL) for at most `patience`; a report every `spacing` per terminal.
class ReportStorm {
public:
    ReportStorm(const BackofficeEnv& env, const std::string& target,
                const std::vector<SeededCard>& people, int terminals,
                std::chrono::milliseconds spacing, std::chrono::seconds patience);
    ~ReportStorm();
    // Waits for the terminals to finish.
    void join();

    int acked() const { return m_acked.load(); }
    int retries() const { return m_retries.load(); }
    int givenUp() const { return m_givenUp.load(); }
    std::map<int, std::string> numbers() const;
    // The longest a report waited, from its first attempt to its acknowledgement.
    std::chrono::milliseconds longestWait() const;
    // From `since` to the first acknowledgement of a report first sent after it (how long
    // writes were unavailable once something failed at `since`); nullopt if none came.
    std::optional<std::chrono::milliseconds> firstAckAfter(
        std::chrono::steady_clock::time_point since) const;

private:
    struct Ack {
        std::chrono::steady_clock::time_point firstTry, acked;
    };
    mutable std::mutex m_mutex;
    std::map<int, std::string> m_numbers;
    std::vector<Ack> m_acks;
    std::atomic<int> m_acked{0}, m_retries{0}, m_givenUp{0};
    std::vector<std::thread> m_threads;
};

}  // namespace renshe::testing::storm
