#include "services/backoffice/content_service.hpp"

#include "renshe/v1/content.grpc.pb.h"

namespace renshe::services::backoffice {

std::unique_ptr<grpc::Service> makeContentService(Core&) {
    // Not built yet: every RPC answers UNIMPLEMENTED.
    return std::make_unique<renshe::v1::ContentService::Service>();
}

}  // namespace renshe::services::backoffice
