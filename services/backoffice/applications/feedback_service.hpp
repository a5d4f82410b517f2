// renshe.v1.FeedbackService (applications.proto): 好差评 ratings after every flow at a touch
// terminal (anonymous; a poor one makes a follow-up in the staff queue, due in 15 working
// days), the monthly ratings report, and the "请工作人员帮助" requests of the hall's terminals.
#pragma once

#include "renshe/v1/applications.grpc.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

class FeedbackServiceImpl final : public renshe::v1::FeedbackService::Service {
public:
    explicit FeedbackServiceImpl(MutationRunner& runner) : m_runner(runner) {}

    grpc::Status SubmitRating(grpc::ServerContext*, const renshe::v1::SubmitRatingRequest*,
                              renshe::v1::SubmitRatingResponse*) override;
    grpc::Status RatingsReport(grpc::ServerContext*, const renshe::v1::RatingsReportRequest*,
                               renshe::v1::RatingsReportResponse*) override;
    grpc::Status RaiseHelpRequest(grpc::ServerContext*, const renshe::v1::RaiseHelpRequestRequest*,
                                  renshe::v1::RaiseHelpRequestResponse*) override;
    grpc::Status ListHelpRequests(grpc::ServerContext*, const renshe::v1::ListHelpRequestsRequest*,
                                  renshe::v1::ListHelpRequestsResponse*) override;
    grpc::Status AnswerHelpRequest(grpc::ServerContext*,
                                   const renshe::v1::AnswerHelpRequestRequest*,
                                   renshe::v1::AnswerHelpRequestResponse*) override;

private:
    MutationRunner& m_runner;
};

}  // namespace renshe::services::backoffice
