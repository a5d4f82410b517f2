// The back office's two gRPC ports. gRPC reads a whole message before any handler knows who
// sent it, and its size limit is per server, so the callers are split by port:
// - the terminal port (--listen) reads at most kTerminalPortMaxMessageBytes a message, from
//   anyone with a certificate of the client CA (terminals, and staff for small calls);
// - the staff port (--staff-listen) reads up to kStaffPortMaxMessageBytes (registry, job and
//   records imports, media uploads, terminal batches), and only from staff certificates: any
//   other caller is UNAUTHENTICATED when its call's headers arrive, before its message is read.
#pragma once

#include <grpcpp/security/server_credentials.h>

#include <memory>

#include "services/backoffice/checks/checks.hpp"
#include "services/backoffice/server/options.hpp"

namespace renshe::services::backoffice {

// Every terminal request's own bound (validation refuses larger ones anyway).
inline constexpr int kTerminalPortMaxMessageBytes = static_cast<int>(checks::kMaxRequestBytes);
// The largest import (32 MiB of registry CSV) with room for its envelope.
inline constexpr int kStaffPortMaxMessageBytes = 40 * 1024 * 1024;

enum class Port { Terminal, Staff };

// Mutual TLS with --tls-cert/--tls-key and --client-ca (plaintext in development mode); for
// the staff port, with the staff-only check.
std::shared_ptr<grpc::ServerCredentials> portCredentials(const Options& options, Port port);

}  // namespace renshe::services::backoffice
