// AdminService's service point RPCs (人社所/服务站 and their declared facility class).
#include "services/backoffice/admin_service.hpp"

namespace renshe::services::backoffice {

grpc::Status AdminServiceImpl::UpsertServicePoint(grpc::ServerContext*, const renshe::v1::UpsertServicePointRequest*,
                                                  renshe::v1::UpsertServicePointResponse*) {
    return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "service points are not built yet");
}

grpc::Status AdminServiceImpl::ListServicePoints(grpc::ServerContext*, const renshe::v1::ListServicePointsRequest*,
                                                 renshe::v1::ListServicePointsResponse*) {
    return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "service points are not built yet");
}

}  // namespace renshe::services::backoffice
