// A load generator that keeps a fixed number of calls in flight through gRPC's callback API,
// for benchmarks that compare a server with a floor that has no client (a raw commit loop).
// Both run on the same cores, so what the client spends a call is taken from the server. A
// thread per stream blocked in a synchronous stub cost, on two cores, 48-56 us of CPU a
// card-status call and 84-97 us a PIN-change write (their wake-ups); this, 37-43 and 42-53 us
// (deploy/PROVINCE-SCALE.md). Every figure of a run comes from the same generator, bare
// servers' included.
#pragma once

#include <chrono>
#include <functional>

namespace renshe::bench {

struct Load {
    double qps = 0;
    double p50 = 0, p99 = 0;  // microseconds
    long failures = 0;
    long calls = 0;  // succeeded
};

// How a call started by a StartCall ends: true = a success. Called once, from any thread.
using CallDone = std::function<void(bool ok)>;
// Starts the `i`th call of slot `slot` (0-based, counted per slot), which calls `done` when it
// ends; false = the slot has nothing more to call (then `done` is not called).
using StartCall = std::function<bool(int slot, int i, CallDone done)>;

// `slots` calls in flight, each slot starting its next call when the last one ends, until
// `run` has passed or every slot has ended. A failed call ends its slot (a benchmark with a
// failure is invalid, and a call that fails at once must not start the next one on the
// same stack). Returns once every call has ended; qps counts successes over that time.
Load inFlight(int slots, std::chrono::steady_clock::duration run, const StartCall& start);

}  // namespace renshe::bench
