// renshe.v1.ContentService: display content (notices, guides, job highlights, the 12333 card),
// playlists with schedules and targeting, and WatchContent pushing the current playlist and
// every change to subscribed display terminals.
//
// How a change reaches a display: every content change bumps one revision in the database
// (content_state, migration 0006). One poller thread per process reads that revision every
// 200 ms (at once after a change made through this process), loads the content once when it
// moved, and resolves each subscriber's playlist in memory; a subscriber whose playlist
// changed gets the full snapshot. So a change made through another replica on the same
// PostgreSQL arrives within about 200 ms too. Schedule boundaries (an item entering or leaving
// its window) are changes as well: the poller of whichever replica passes the boundary first
// bumps the revision in the database (exactly once), which also makes resumption by revision
// exact across a window opening while a display was away.
//
// WatchContent runs on gRPC's callback API (one ServerWriteReactor per display, no thread per
// stream); every other RPC is synchronous and goes through MutationRunner::mutate /
// MutationRunner::query.
#pragma once

#include <grpcpp/impl/service_type.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "renshe/v1/content.pb.h"
#include "renshe/v1/jobs.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

// Job highlights (CONTENT_KIND_JOB_HIGHLIGHT) come from the jobs module through these two
// functions, so that content does not depend on the jobs tables. Both run inside a
// transaction of the caller's (a read, or the write of UpsertContentItem) and must only read.
//
// The newest current postings (open: not withdrawn, not expired) whose full region code starts
// with `regionPrefix` (the display terminal's region), newest first, at most `limit`.
using JobHighlightSource = std::function<std::vector<renshe::v1::Job>(
    store::Tx&, const std::string& regionPrefix, int limit)>;
// The current postings among `ids`, in any order; unknown, withdrawn and expired ones left out.
using JobLookup =
    std::function<std::vector<renshe::v1::Job>(store::Tx&, const std::vector<std::string>& ids)>;

struct ContentJobSource {
    // Unset: a job highlight without job_ids has nothing to show and is left out.
    JobHighlightSource newest = [](store::Tx&, const std::string&, int) {
        return std::vector<renshe::v1::Job>{};
    };
    // Unset: job_ids are neither checked by UpsertContentItem (NOT_FOUND) nor rendered; the
    // item plays as staff wrote it.
    JobLookup byIds;
    // Today's appointment tickets at the service points of a region (prefix); unset: a queue
    // board has nothing to show and is left out.
    std::function<std::vector<renshe::v1::QueueEntry>(store::Tx&, const std::string& region)>
        appointments;
};

// The service object registered with the server (synchronous unary methods, callback
// WatchContent). Destroyed after the server has shut down.
std::unique_ptr<grpc::Service> makeContentService(MutationRunner& runner);
std::unique_ptr<grpc::Service> makeContentService(MutationRunner& runner, ContentJobSource jobs);

// Ends every WatchContent stream with UNAVAILABLE ("reconnect and resume") and refuses new
// ones. For Server::shutdown(), before grpc::Server::Shutdown: without it the streams stay
// open for the shutdown grace period and are then cancelled.
void stopContentStreams(grpc::Service& contentService);

// Bumps the content revision inside `tx`, for other modules whose data content shows: e.g. a
// jobs import, so that displays re-render their job highlights. Returns the new revision.
std::int64_t bumpContentRevision(store::Tx& tx, std::int64_t now);

}  // namespace renshe::services::backoffice
