// renshe.v1.GuideService: the service guide catalogue (办事指南, 一次性告知), versioned so a
// terminal caches it and asks "changed since version N?".
#pragma once

#include "renshe/v1/guides.grpc.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

class GuideServiceImpl final : public renshe::v1::GuideService::Service {
public:
    explicit GuideServiceImpl(MutationRunner& runner) : m_runner(runner) {}

    grpc::Status ListGuides(grpc::ServerContext*, const renshe::v1::ListGuidesRequest*,
                            renshe::v1::ListGuidesResponse*) override;
    grpc::Status GetGuide(grpc::ServerContext*, const renshe::v1::GetGuideRequest*,
                          renshe::v1::GetGuideResponse*) override;
    grpc::Status ImportGuides(grpc::ServerContext*, const renshe::v1::ImportGuidesRequest*,
                              renshe::v1::ImportGuidesResponse*) override;

private:
    MutationRunner& m_runner;
};

}  // namespace renshe::services::backoffice
