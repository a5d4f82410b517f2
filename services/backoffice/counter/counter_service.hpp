// renshe.v1.CounterService (counter.proto): the person page of the township counter's
// workstation (renshe-counter) in one call — the registry's masked view with cards and their
// history, the certification status and the person's certifications, the applications made by
// or serving the person, the summary of their insurance records — and, on request with a
// reason, the full ID number and name.
//
// Staff of the person's region only. Every read is audited ("counter.person_file", outcome
// "OK", or "REVEALED: " and the staff member's reason); nothing is answered unless that audit event
// is durable.
#pragma once

#include "renshe/v1/counter.grpc.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

class CounterServiceImpl final : public renshe::v1::CounterService::Service {
public:
    explicit CounterServiceImpl(MutationRunner& runner) : m_runner(runner) {}

    grpc::Status GetPersonFile(grpc::ServerContext*, const renshe::v1::GetPersonFileRequest*,
                               renshe::v1::GetPersonFileResponse*) override;

private:
    MutationRunner& m_runner;
};

}  // namespace renshe::services::backoffice
