#include "services/backoffice/terminal_service.hpp"

#include "renshe/v1/terminal.grpc.pb.h"

namespace renshe::services::backoffice {

std::unique_ptr<grpc::Service> makeTerminalService(Core&) {
    // Not built yet: every RPC answers UNIMPLEMENTED.
    return std::make_unique<renshe::v1::TerminalService::Service>();
}

}  // namespace renshe::services::backoffice
