// renshe.v1.TerminalService: heartbeats, the fleet listing, registered equipment, the
// facility class check of a service point and terminal certificate renewal.
//
// Heartbeats are the one frequent write of the back office (10,000 terminals every 30 s =
// 333/s), so they take the cheap path: no request id, no stored outcome, no audit event, no
// log line — the latest state of each terminal kept in memory and upserted into
// terminal_status every 500 ms (fleet/heartbeats.hpp), so a heartbeat is answered without
// waiting for storage. A refused heartbeat (wrong role, malformed) is audited and logged like
// any refusal. A heartbeat whose terminal clock (sent_at) is older than the last applied one
// is ignored while that one is fresh, so a delayed retry cannot overwrite newer status, and a
// terminal whose clock was set back is heard again after one stale period at most.
//
// Staleness is computed when read: last_seen older than Policy::staleAfterSeconds (default
// 3 × heartbeatIntervalSeconds). The facility check is in fleet/facility.hpp.
#pragma once

#include <grpcpp/impl/service_type.h>

#include <memory>

#include "services/backoffice/fleet/certificate_renewal.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

// Without a terminal CA, RenewCertificate is FAILED_PRECONDITION.
std::unique_ptr<grpc::Service> makeTerminalService(MutationRunner& runner,
                                                   std::optional<TerminalCa> terminalCa);

}  // namespace renshe::services::backoffice
