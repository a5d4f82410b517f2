#include "kiosk/card/records.hpp"

#include "renshe/v1/records.grpc.pb.h"
#include "services/client/call.hpp"

namespace renshe::kiosk::card {

namespace client = services::client;
using namespace renshe::v1;

namespace {

// Pages of a year: six types × 12 months is 72 rows, one page; a province's extra types or
// corrections still end within a few.
constexpr int kMaxPages = 10;
constexpr int kStatementAttempts = 3;

}  // namespace

google::protobuf::Timestamp timestampOf(std::chrono::system_clock::time_point t) {
    const auto us =
        std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
    google::protobuf::Timestamp ts;
    ts.set_seconds(us / 1'000'000);
    ts.set_nanos(static_cast<int>(us % 1'000'000) * 1000);
    return ts;
}

GrpcRecordsBackOffice::GrpcRecordsBackOffice(std::shared_ptr<client::ChannelKeeper> keeper)
    : m_keeper(std::move(keeper)) {}

Reply<GetInsuranceSummaryResponse> GrpcRecordsBackOffice::getInsuranceSummary(
    const GetInsuranceSummaryRequest& request) {
    Reply<GetInsuranceSummaryResponse> r;
    r.result = client::unary<RecordsService>(*m_keeper, &RecordsService::Stub::GetInsuranceSummary,
                                             request, &r.response);
    return r;
}

Reply<ListContributionsResponse> GrpcRecordsBackOffice::listContributions(
    const ListContributionsRequest& request) {
    Reply<ListContributionsResponse> r;
    r.result = client::unary<RecordsService>(*m_keeper, &RecordsService::Stub::ListContributions,
                                             request, &r.response);
    return r;
}

Reply<ListBenefitPaymentsResponse> GrpcRecordsBackOffice::listBenefitPayments(
    const ListBenefitPaymentsRequest& request) {
    Reply<ListBenefitPaymentsResponse> r;
    r.result = client::unary<RecordsService>(*m_keeper, &RecordsService::Stub::ListBenefitPayments,
                                             request, &r.response);
    return r;
}

Reply<IssueStatementResponse> GrpcRecordsBackOffice::issueStatement(
    const IssueStatementRequest& request) {
    Reply<IssueStatementResponse> r;
    r.result = client::unary<RecordsService>(*m_keeper, &RecordsService::Stub::IssueStatement,
                                             request, &r.response);
    return r;
}

RecordsSubject cardHolder(const InsertedCard& inserted,
                          std::chrono::system_clock::time_point verifiedAt) {
    RecordsSubject subject;
    *subject.mutable_card()->mutable_card() = inserted;
    *subject.mutable_card()->mutable_pin_verified_at() = timestampOf(verifiedAt);
    return subject;
}

RecordsSubject fingerHolder(const std::string& ssn, const std::string& verificationId) {
    RecordsSubject subject;
    subject.mutable_fingerprint()->set_ssn(ssn);
    subject.mutable_fingerprint()->set_verification_id(verificationId);
    return subject;
}

client::CallResult issueStatement(RecordsBackOffice& backOffice, const RecordsSubject& subject,
                                  StatementKind kind, int year, const std::string& requestId,
                                  IssueStatementResponse& out) {
    IssueStatementRequest req;
    req.set_request_id(requestId);
    *req.mutable_subject() = subject;
    req.set_kind(kind);
    req.set_year(year);
    client::CallResult result;
    for (int attempt = 0; attempt < kStatementAttempts; ++attempt) {
        auto reply = backOffice.issueStatement(req);
        result = reply.result;
        if (result.ok()) {
            out = std::move(reply.response);
            break;
        }
        if (result.code != grpc::StatusCode::UNAVAILABLE &&
            result.code != grpc::StatusCode::DEADLINE_EXCEEDED)
            break;
    }
    return result;
}

client::CallResult fetchRecords(RecordsBackOffice& backOffice, const RecordsSubject& subject,
                                int year, bool withSummary, RecordsData& out) {
    out.year = year;
    out.subject = subject;
    out.contributions.clear();
    out.payments.clear();
    if (withSummary) {
        GetInsuranceSummaryRequest req;
        *req.mutable_subject() = subject;
        auto reply = backOffice.getInsuranceSummary(req);
        if (!reply.result.ok())
            return reply.result;
        out.summary = std::move(reply.response);
    }
    ListContributionsRequest contributions;
    *contributions.mutable_subject() = subject;
    contributions.set_year(year);
    for (int page = 0; page < kMaxPages; ++page) {
        auto reply = backOffice.listContributions(contributions);
        if (!reply.result.ok())
            return reply.result;
        for (auto& c : *reply.response.mutable_contributions())
            out.contributions.push_back(std::move(c));
        if (reply.response.page().next_page_token().empty())
            break;
        contributions.mutable_page()->set_page_token(reply.response.page().next_page_token());
    }
    ListBenefitPaymentsRequest payments;
    *payments.mutable_subject() = subject;
    payments.set_year(year);
    for (int page = 0; page < kMaxPages; ++page) {
        auto reply = backOffice.listBenefitPayments(payments);
        if (!reply.result.ok())
            return reply.result;
        for (auto& p : *reply.response.mutable_payments())
            out.payments.push_back(std::move(p));
        if (reply.response.page().next_page_token().empty())
            break;
        payments.mutable_page()->set_page_token(reply.response.page().next_page_token());
    }
    client::CallResult ok;
    ok.code = grpc::StatusCode::OK;
    return ok;
}

}  // namespace renshe::kiosk::card
