// WatchContent: one poller thread per process follows the content revision in the database and
// pushes each subscribed terminal's resolved playlist through a callback-API write reactor.
#pragma once

#include <grpcpp/support/server_callback.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "drivers/util/blocking_pool.hpp"
#include "renshe/v1/content.pb.h"
#include "services/backoffice/content/content_service.hpp"
#include "services/backoffice/content/model.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice::content {

class Watcher;

class ContentHub {
public:
    static constexpr auto kPollInterval = std::chrono::milliseconds(200);
    static constexpr auto kKeepalive = std::chrono::seconds(60);

    ContentHub(MutationRunner& runner, ContentJobSource jobs);
    ~ContentHub();
    ContentHub(const ContentHub&) = delete;
    ContentHub& operator=(const ContentHub&) = delete;

    // The WatchContent handler: authorises the caller, then subscribes it — on gRPC's thread
    // unless that would wait for storage, else on a thread of m_admissions.
    grpc::ServerWriteReactor<renshe::v1::ContentUpdate>* watch(
        grpc::CallbackServerContext* context, const renshe::v1::WatchContentRequest* request);
    // Look at the database now (a change was committed by this process).
    void poke();
    // Finish every stream with UNAVAILABLE and refuse new ones (server shutdown).
    void stopStreams();

    MutationRunner& runner() { return m_runner; }
    void remove(Watcher* watcher);

private:
    struct Resolved {
        std::size_t hash = 0;
        std::shared_ptr<const renshe::v1::Playlist> playlist;
    };

    // The stream's admission: authentication, the request, the role, then the hub takes it;
    // else refused (logged, counted, the refusal in the trailing metadata). `mayWait` false:
    // throws WouldWait, having done nothing, where the gate would read the enrolment.
    void settle(Watcher& watcher, grpc::CallbackServerContext* context,
                const renshe::v1::WatchContentRequest& request,
                std::chrono::steady_clock::time_point started, bool mayWait);
    void run();
    void iterate(std::vector<std::shared_ptr<Watcher>>& fresh,
                 const std::vector<std::shared_ptr<Watcher>>& all);
    void closeRevoked(const std::vector<std::shared_ptr<Watcher>>& all);
    enum class Refresh { Unchanged, Changed, Failed };
    Refresh refresh();
    const Resolved& resolve(const Watcher& w);
    std::vector<renshe::v1::Job> newestJobs(const std::string& regionPrefix, int limit);
    std::optional<std::vector<renshe::v1::Job>> jobsById(const std::vector<std::string>& ids);
    std::vector<renshe::v1::QueueEntry> appointmentsToday(const std::string& region);
    void logError(const std::string& what);

    MutationRunner& m_runner;
    ContentJobSource m_jobs;
    // Revocations from a minute before the hub started on end open streams (closeRevoked).
    const std::int64_t m_revokedSince;

    std::mutex m_mutex;  // guards the members up to m_thread
    std::condition_variable m_wake;
    bool m_poked = false;
    bool m_stopping = false;
    bool m_streamsStopped = false;
    std::vector<std::shared_ptr<Watcher>> m_new;
    std::unordered_map<Watcher*, std::shared_ptr<Watcher>> m_watchers;
    std::unordered_map<std::string, int> m_openByTerminal;  // m_watchers by Caller::key()
    std::optional<std::int64_t> m_boundary;  // of the current snapshot, for the poller's sleep
    std::thread m_thread;

    // Poller thread only.
    std::shared_ptr<const Snapshot> m_snapshot;
    std::unordered_map<std::string, Resolved> m_resolved;  // per snapshot, by terminal key
    std::map<std::pair<std::string, int>, std::vector<renshe::v1::Job>>
        m_newestJobs;  // per snapshot
    std::map<std::vector<std::string>, std::optional<std::vector<renshe::v1::Job>>> m_jobsById;
    std::map<std::string, std::vector<renshe::v1::QueueEntry>> m_queues;  // per snapshot
    std::atomic<std::int64_t> m_lastErrorLog{std::numeric_limits<std::int64_t>::min() / 2};

    // Admissions that wait for storage (watch()); emptied first when the hub goes.
    static constexpr std::size_t kAdmissionThreads = 16;
    std::optional<util::BlockingPool> m_admissions{std::in_place, kAdmissionThreads, "watch-admit"};
};

}  // namespace renshe::services::backoffice::content
