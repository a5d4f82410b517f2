// renshe.v1.TerminalService: heartbeats, the fleet listing, registered equipment and the
// facility class check of a service point.
#pragma once

#include <grpcpp/impl/service_type.h>

#include <memory>

#include "services/backoffice/core.hpp"

namespace renshe::services::backoffice {

std::unique_ptr<grpc::Service> makeTerminalService(Core& core);

}  // namespace renshe::services::backoffice
