// renshe.v1.RecordsService: 我的社保 — a person's insurance records (参保信息) from the embedded
// records provider (tables record_contributions and record_payments, migration 0020, loaded
// by import), read by the card holder at a touch terminal (card + fresh PIN) or by staff.
//
// Participation status per insurance type is derived from the records, by the China month
// "now" is in:
// - RECEIVING: a pension type whose benefit was paid for this month or one of the three before;
// - CONTRIBUTING: this month or one of the three before recorded (paid or owed);
// - INTERRUPTED: records, but none that recent.
// A province's core insurance system replaces the provider: this service's reads and the
// import are the seam (records_store.hpp).
#pragma once

#include "renshe/v1/records.grpc.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

class RecordsServiceImpl final : public renshe::v1::RecordsService::Service {
public:
    // `verifyUrl`: the public address of the verification page that statements' QR codes
    // link to ("https://…/verify"), or "" for none.
    RecordsServiceImpl(MutationRunner& runner, std::string verifyUrl)
        : m_runner(runner), m_verifyUrl(std::move(verifyUrl)) {}

    grpc::Status GetInsuranceSummary(grpc::ServerContext*,
                                     const renshe::v1::GetInsuranceSummaryRequest*,
                                     renshe::v1::GetInsuranceSummaryResponse*) override;
    grpc::Status ListContributions(grpc::ServerContext*,
                                   const renshe::v1::ListContributionsRequest*,
                                   renshe::v1::ListContributionsResponse*) override;
    grpc::Status ListBenefitPayments(grpc::ServerContext*,
                                     const renshe::v1::ListBenefitPaymentsRequest*,
                                     renshe::v1::ListBenefitPaymentsResponse*) override;
    grpc::Status BeginRecordsImport(grpc::ServerContext*,
                                    const renshe::v1::BeginRecordsImportRequest*,
                                    renshe::v1::BeginRecordsImportResponse*) override;
    grpc::Status AppendRecordsImport(grpc::ServerContext*,
                                     const renshe::v1::AppendRecordsImportRequest*,
                                     renshe::v1::AppendRecordsImportResponse*) override;
    grpc::Status CommitRecordsImport(grpc::ServerContext*,
                                     const renshe::v1::CommitRecordsImportRequest*,
                                     renshe::v1::CommitRecordsImportResponse*) override;
    // Statements (statement_service.cpp, statements.hpp).
    grpc::Status IssueStatement(grpc::ServerContext*, const renshe::v1::IssueStatementRequest*,
                                renshe::v1::IssueStatementResponse*) override;
    grpc::Status VerifyStatement(grpc::ServerContext*, const renshe::v1::VerifyStatementRequest*,
                                 renshe::v1::VerifyStatementResponse*) override;
    grpc::Status WithdrawStatement(grpc::ServerContext*,
                                   const renshe::v1::WithdrawStatementRequest*,
                                   renshe::v1::WithdrawStatementResponse*) override;

private:
    MutationRunner& m_runner;
    std::string m_verifyUrl;
};

}  // namespace renshe::services::backoffice
