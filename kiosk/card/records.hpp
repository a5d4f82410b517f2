// 我的社保 at the card: the RecordsService reads behind a port (the real one over gRPC, fakes in
// unit tests), and one year of a verified holder's records fetched whole (every page). No Qt.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/card/ports.hpp"
#include "renshe/v1/records.pb.h"
#include "services/client/client.hpp"

namespace renshe::kiosk::card {

// The RecordsService RPCs the card screen calls, one attempt each.
class RecordsBackOffice {
public:
    virtual ~RecordsBackOffice() = default;
    virtual Reply<renshe::v1::GetInsuranceSummaryResponse> getInsuranceSummary(
        const renshe::v1::GetInsuranceSummaryRequest& request) = 0;
    virtual Reply<renshe::v1::ListContributionsResponse> listContributions(
        const renshe::v1::ListContributionsRequest& request) = 0;
    virtual Reply<renshe::v1::ListBenefitPaymentsResponse> listBenefitPayments(
        const renshe::v1::ListBenefitPaymentsRequest& request) = 0;
    virtual Reply<renshe::v1::IssueStatementResponse> issueStatement(
        const renshe::v1::IssueStatementRequest& request) = 0;
};

class GrpcRecordsBackOffice : public RecordsBackOffice {
public:
    explicit GrpcRecordsBackOffice(std::shared_ptr<services::client::ChannelKeeper> keeper);
    Reply<renshe::v1::GetInsuranceSummaryResponse> getInsuranceSummary(
        const renshe::v1::GetInsuranceSummaryRequest& request) override;
    Reply<renshe::v1::ListContributionsResponse> listContributions(
        const renshe::v1::ListContributionsRequest& request) override;
    Reply<renshe::v1::ListBenefitPaymentsResponse> listBenefitPayments(
        const renshe::v1::ListBenefitPaymentsRequest& request) override;
    Reply<renshe::v1::IssueStatementResponse> issueStatement(
        const renshe::v1::IssueStatementRequest& request) override;

private:
    std::shared_ptr<services::client::ChannelKeeper> m_keeper;
};

// A terminal clock reading as the contract's Timestamp (pin_verified_at, changed_at).
google::protobuf::Timestamp timestampOf(std::chrono::system_clock::time_point t);

// Whose records, as the back office is asked: the card's holder whose PIN the card verified at
// `verifiedAt`, or (without the card) the person whose finger matched on this terminal's sensor
// (the back office's verification id of that match, purpose RECORDS).
renshe::v1::RecordsSubject cardHolder(const renshe::v1::InsertedCard& inserted,
                                      std::chrono::system_clock::time_point verifiedAt);
renshe::v1::RecordsSubject fingerHolder(const std::string& ssn, const std::string& verificationId);

// What 我的社保 shows: the summary (when asked for) and one year, whole.
struct RecordsData {
    renshe::v1::GetInsuranceSummaryResponse summary;
    int year = 0;
    std::vector<renshe::v1::Contribution> contributions;  // by month, then type
    std::vector<renshe::v1::BenefitPayment> payments;     // by month
    renshe::v1::RecordsSubject subject;                   // the proof they rest on
};

// `subject`'s summary (when `withSummary`) and `year`'s contributions and payments. The first
// call that fails decides the result (a stale proof is FAILED_PRECONDITION,
// VERIFICATION_STALE).
services::client::CallResult fetchRecords(RecordsBackOffice& backOffice,
                                          const renshe::v1::RecordsSubject& subject, int year,
                                          bool withSummary, RecordsData& out);

// The signed statement (证明) of `kind` for `subject`, `year` for a year's kinds. Exactly once
// by `requestId`: an UNAVAILABLE or DEADLINE_EXCEEDED answer is tried again, twice at most,
// with the same id, so a statement issued whose answer was lost comes back as the same
// statement, never a second one.
services::client::CallResult issueStatement(RecordsBackOffice& backOffice,
                                            const renshe::v1::RecordsSubject& subject,
                                            renshe::v1::StatementKind kind, int year,
                                            const std::string& requestId,
                                            renshe::v1::IssueStatementResponse& out);

}  // namespace renshe::kiosk::card
