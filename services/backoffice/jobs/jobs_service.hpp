// renshe.v1.JobService: job postings (就业信息) — Chinese keyword search that finds one- and
// two-character words (司机, 焊工, 保洁, 会计) through a character n-gram index, filters, stable
// keyset paging, detail, import from CSV/JSON with per-line errors, withdrawal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "renshe/v1/jobs.grpc.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

class JobServiceImpl final : public renshe::v1::JobService::Service {
public:
    explicit JobServiceImpl(MutationRunner& runner) : m_runner(runner) {}

    grpc::Status SearchJobs(grpc::ServerContext*, const renshe::v1::SearchJobsRequest*,
                            renshe::v1::SearchJobsResponse*) override;
    grpc::Status GetJob(grpc::ServerContext*, const renshe::v1::GetJobRequest*,
                        renshe::v1::GetJobResponse*) override;
    grpc::Status ImportJobs(grpc::ServerContext*, const renshe::v1::ImportJobsRequest*,
                            renshe::v1::ImportJobsResponse*) override;
    grpc::Status ExpireJob(grpc::ServerContext*, const renshe::v1::ExpireJobRequest*,
                           renshe::v1::ExpireJobResponse*) override;

private:
    MutationRunner& m_runner;
};

// The distinct unigrams and bigrams (as UTF-8 strings) of `text`, ASCII lower-cased:
// "货车司机" → 货 车 司 机 货车 车司 司机.
std::vector<std::string> searchTerms(std::string_view text);

// The text a posting is found by: title, employer, category and requirements, ASCII
// lower-cased; its searchTerms() are the keys of the job_search table (migration 0008).
std::string jobSearchText(const renshe::v1::Job& job);

// The newest open postings in a region (for the display screens' job highlights).
std::vector<renshe::v1::Job> openJobs(store::Tx& tx, const std::string& regionPrefix, int limit,
                                      std::int64_t now);
// The open postings among `ids` (unknown, withdrawn and expired ones left out), in any order.
std::vector<renshe::v1::Job> openJobsById(store::Tx& tx, const std::vector<std::string>& ids,
                                          std::int64_t now);

}  // namespace renshe::services::backoffice
