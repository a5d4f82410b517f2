// renshe.v1.AdminService: staff operations (registry, card operations at the counter, audit).
#pragma once

#include <chrono>
#include <optional>

#include "renshe/v1/admin.grpc.pb.h"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"
#include "services/pki/pki.hpp"

namespace renshe::services::backoffice {

class AdminServiceImpl final : public renshe::v1::AdminService::Service {
public:
    explicit AdminServiceImpl(MutationRunner& runner) : m_runner(runner) {}
    // With the CA bundle the server trusts for client certificates (RegisterTerminals checks
    // against it) and the CA that signs enrolled terminals' certificates (EnrollTerminal).
    AdminServiceImpl(MutationRunner& runner, std::string clientCaPem,
                     std::optional<pki::CertificateAuthority> terminalCa,
                     std::chrono::hours validity)
        : m_runner(runner),
          m_clientCaPem(std::move(clientCaPem)),
          m_terminalCa(std::move(terminalCa)),
          m_terminalValidity(validity) {}

    grpc::Status RegisterPerson(grpc::ServerContext*, const renshe::v1::RegisterPersonRequest*,
                                renshe::v1::RegisterPersonResponse*) override;
    grpc::Status IssueCard(grpc::ServerContext*, const renshe::v1::IssueCardRequest*,
                           renshe::v1::IssueCardResponse*) override;
    grpc::Status ImportRegistry(grpc::ServerContext*, const renshe::v1::ImportRegistryRequest*,
                                renshe::v1::ImportRegistryResponse*) override;
    grpc::Status RecordFormalLoss(grpc::ServerContext*, const renshe::v1::CardOperationRequest*,
                                  renshe::v1::CardOperationResponse*) override;
    grpc::Status LiftLoss(grpc::ServerContext*, const renshe::v1::CardOperationRequest*,
                          renshe::v1::CardOperationResponse*) override;
    grpc::Status RequestReplacement(grpc::ServerContext*, const renshe::v1::CardOperationRequest*,
                                    renshe::v1::CardOperationResponse*) override;
    grpc::Status CancelCard(grpc::ServerContext*, const renshe::v1::CardOperationRequest*,
                            renshe::v1::CardOperationResponse*) override;
    grpc::Status QueryAudit(grpc::ServerContext*, const renshe::v1::QueryAuditRequest*,
                            renshe::v1::QueryAuditResponse*) override;
    grpc::Status VerifyAuditChain(grpc::ServerContext*, const renshe::v1::VerifyAuditChainRequest*,
                                  renshe::v1::VerifyAuditChainResponse*) override;
    grpc::Status GetPerson(grpc::ServerContext*, const renshe::v1::GetPersonRequest*,
                           renshe::v1::GetPersonResponse*) override;
    // In admin/service_points.cpp.
    grpc::Status UpsertServicePoint(grpc::ServerContext*,
                                    const renshe::v1::UpsertServicePointRequest*,
                                    renshe::v1::UpsertServicePointResponse*) override;
    grpc::Status ListServicePoints(grpc::ServerContext*,
                                   const renshe::v1::ListServicePointsRequest*,
                                   renshe::v1::ListServicePointsResponse*) override;
    // In admin/terminal_enrolment.cpp.
    grpc::Status EnrollTerminal(grpc::ServerContext*, const renshe::v1::EnrollTerminalRequest*,
                                renshe::v1::EnrollTerminalResponse*) override;
    grpc::Status RegisterTerminals(grpc::ServerContext*,
                                   const renshe::v1::RegisterTerminalsRequest*,
                                   renshe::v1::RegisterTerminalsResponse*) override;
    grpc::Status RevokeTerminal(grpc::ServerContext*, const renshe::v1::RevokeTerminalRequest*,
                                renshe::v1::RevokeTerminalResponse*) override;
    grpc::Status ListEnrolments(grpc::ServerContext*, const renshe::v1::ListEnrolmentsRequest*,
                                renshe::v1::ListEnrolmentsResponse*) override;

    MutationRunner& runner() { return m_runner; }

private:
    enum class CardOp { FormalLoss, Lift, Replacement, Cancel };
    grpc::Status cardOperation(grpc::ServerContext*, const renshe::v1::CardOperationRequest*,
                               renshe::v1::CardOperationResponse*, CardOp op);
    MutationRunner& m_runner;
    std::string m_clientCaPem;
    std::optional<pki::CertificateAuthority> m_terminalCa;
    std::chrono::hours m_terminalValidity{24 * 90};
};

// The registry's masked view of `person`: region, pension start, whether a service password is
// set, their cards (newest first) and every card's status history (newest first). GetPerson
// and the counter's person file (counter/) answer with it.
void describePerson(store::Tx& tx, const PersonRow& person, std::int64_t now,
                    renshe::v1::GetPersonResponse* resp);

}  // namespace renshe::services::backoffice
