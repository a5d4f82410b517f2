// The fleet as operators watch it, read from the store when /metrics is scraped: terminals by
// state (online, stale, never seen) per service point, what their outboxes hold, and pension
// certifications per terminal in the last hour (the fraud signal: a hall cannot certify more
// than its queue of elderly people allows). Label sets are bounded: service points and
// regions; terminal ids only on the series an operator must act on (outbox entries needing
// staff, a terminal with at least kBusyTerminalCertifications in the hour).
#pragma once

#include <cstdint>
#include <string>

#include "services/backoffice/rpc/mutation_runner.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice::fleet {

inline constexpr std::int64_t kBusyTerminalCertifications = 10;

// The gauges in the Prometheus text format. Throws store::StoreError / StoreUnavailable.
std::string renderFleetMetrics(store::Tx& tx, const Policy& policy, std::int64_t now);

}  // namespace renshe::services::backoffice::fleet
