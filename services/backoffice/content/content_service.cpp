#include "services/backoffice/content/content_service.hpp"

#include <set>

#include "renshe/v1/content.grpc.pb.h"
#include "services/backoffice/content/model.hpp"
#include "services/backoffice/content/store.hpp"
#include "services/backoffice/content/watch.hpp"
#include "services/backoffice/rpc/keystore.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

using ContentBase = ContentService::WithCallbackMethod_WatchContent<ContentService::Service>;

Refused outsideRegion(const std::string& what) {
    return Refused(Refusal::denied(REFUSAL_REASON_OUTSIDE_REGION,
                                   what + " reaches outside the staff member's region"));
}

Refused notFound(const std::string& what) {
    return Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND, what));
}

// A server-assigned id: the same for every run of the same request (mutate may run a body
// more than once, and a retry replays the stored response anyway).
std::string newId(const char* prefix, const Caller& caller, const std::string& requestId) {
    return prefix +
           store::toHex(sha256(std::string(prefix) + '\0' + caller.key() + '\0' + requestId))
               .substr(0, 20);
}

// A staff member changes only what lies inside their region, before and after the change.
void requireWithin(const Caller& caller, const Targeting& targeting, const std::string& what) {
    if (!content::targetingWithin(targeting, caller.identity.region))
        throw outsideRegion(what);
}

void fillItems(store::Tx& tx, Playlist& playlist) {
    for (auto& e : *playlist.mutable_entries()) {
        if (auto item = content::loadItem(tx, e.item_id()))
            *e.mutable_item() = std::move(*item);
    }
}

class ContentServiceImpl final : public ContentBase {
public:
    ContentServiceImpl(MutationRunner& runner, ContentJobSource jobs)
        : m_runner(runner), m_jobs(jobs), m_hub(runner, std::move(jobs)) {}

    void stopStreams() { m_hub.stopStreams(); }

    grpc::ServerWriteReactor<ContentUpdate>* WatchContent(
        grpc::CallbackServerContext* context, const WatchContentRequest* request) override {
        return m_hub.watch(context, request);
    }

    grpc::Status ListPlaylists(grpc::ServerContext* ctx, const ListPlaylistsRequest* req,
                               ListPlaylistsResponse* resp) override {
        return m_runner.query(
            ctx, "content.list_playlists", content::check(*req),
            [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t) {
                resp->Clear();
                requireStaff(caller);
                if (!req->region_prefix().empty())
                    requireRegion(caller, req->region_prefix());
                const std::string scope =
                    req->region_prefix().empty() ? caller.identity.region : req->region_prefix();
                const int pageSize = req->page().page_size() == 0 ? 20 : req->page().page_size();
                const std::string after = req->page().page_token().empty()
                                              ? ""
                                              : *content::pageTokenId(req->page().page_token());
                std::int64_t total = 0;
                for (auto& p : content::allPlaylists(tx)) {
                    if (!content::targetingOverlaps(p.targeting(), scope))
                        continue;
                    ++total;
                    if (p.id() <= after)
                        continue;
                    if (resp->playlists_size() == pageSize) {
                        resp->mutable_page()->set_next_page_token(
                            content::pageToken(resp->playlists(pageSize - 1).id()));
                        continue;
                    }
                    *resp->add_playlists() = std::move(p);
                }
                resp->mutable_page()->set_total_estimate(total);
            });
    }

    grpc::Status GetPlaylist(grpc::ServerContext* ctx, const GetPlaylistRequest* req,
                             GetPlaylistResponse* resp) override {
        return m_runner.query(
            ctx, "content.get_playlist", content::check(*req),
            [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t) {
                resp->Clear();
                requireStaff(caller);
                auto playlist = content::loadPlaylist(tx, req->id());
                if (!playlist)
                    throw notFound("no such playlist");
                if (!content::targetingOverlaps(playlist->targeting(), caller.identity.region)) {
                    throw outsideRegion("the playlist");
                }
                fillItems(tx, *playlist);
                *resp->mutable_playlist() = std::move(*playlist);
            });
    }

    grpc::Status UpsertContentItem(grpc::ServerContext* ctx, const UpsertContentItemRequest* req,
                                   UpsertContentItemResponse* resp) override {
        auto status = m_runner.mutate(
            ctx, "content.upsert_item", req->request_id(), *req, resp, content::check(*req),
            [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
                requireStaff(caller);
                const content::State state = content::bumpRevision(tx, now);
                ContentItem item = req->item();
                if (item.id().empty()) {
                    item.set_id(newId("CI-", caller, req->request_id()));
                } else if (const auto existing = content::loadItem(tx, item.id())) {
                    requireWithin(caller, existing->targeting(), "the item");
                }
                requireWithin(caller, item.targeting(), "the item's targeting");
                if (item.kind() == CONTENT_KIND_GUIDE &&
                    !content::guideExists(tx, item.guide_id())) {
                    throw notFound("no such guide");
                }
                if (!item.media_sha256().empty() &&
                    !content::mediaExists(tx, item.media_sha256())) {
                    throw notFound("no such image: upload it with PutMedia first");
                }
                if (item.kind() == CONTENT_KIND_JOB_HIGHLIGHT && item.job_ids_size() > 0 &&
                    m_jobs.byIds) {
                    const std::vector<std::string> ids(item.job_ids().begin(),
                                                       item.job_ids().end());
                    std::set<std::string> found;
                    for (const auto& job : m_jobs.byIds(tx, ids))
                        found.insert(job.id());
                    for (const auto& id : ids) {
                        if (!found.count(id))
                            throw notFound("a job id is unknown, withdrawn or expired");
                    }
                }
                content::fillItemDefaults(item);
                item.set_revision(state.revision);
                content::saveItem(tx, item, caller.identity.id, now);
                *resp->mutable_item() = std::move(item);
                resp->set_revision(state.revision);
            });
        if (status.ok())
            m_hub.poke();
        return status;
    }

    grpc::Status DeleteContentItem(grpc::ServerContext* ctx, const DeleteContentItemRequest* req,
                                   DeleteContentItemResponse* resp) override {
        auto status = m_runner.mutate(
            ctx, "content.delete_item", req->request_id(), *req, resp, content::check(*req),
            [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
                requireStaff(caller);
                const content::State state = content::bumpRevision(tx, now);
                const auto existing = content::loadItem(tx, req->id());
                if (!existing)
                    throw notFound("no such content item");
                requireWithin(caller, existing->targeting(), "the item");
                // Out of every playlist that plays it.
                for (const auto& playlistId : content::playlistsUsing(tx, req->id())) {
                    auto playlist = content::loadPlaylist(tx, playlistId);
                    if (!playlist)
                        continue;
                    Playlist kept = *playlist;
                    kept.clear_entries();
                    for (const auto& e : playlist->entries()) {
                        if (e.item_id() != req->id())
                            *kept.add_entries() = e;
                    }
                    kept.set_revision(state.revision);
                    content::savePlaylist(tx, kept, caller.identity.id, now);
                }
                content::deleteItem(tx, req->id());
                resp->set_revision(state.revision);
            });
        if (status.ok())
            m_hub.poke();
        return status;
    }

    grpc::Status UpsertPlaylist(grpc::ServerContext* ctx, const UpsertPlaylistRequest* req,
                                UpsertPlaylistResponse* resp) override {
        auto status = m_runner.mutate(
            ctx, "content.upsert_playlist", req->request_id(), *req, resp, content::check(*req),
            [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
                requireStaff(caller);
                const content::State state = content::bumpRevision(tx, now);
                Playlist playlist = req->playlist();
                if (playlist.id().empty()) {
                    playlist.set_id(newId("PL-", caller, req->request_id()));
                } else if (const auto existing = content::loadPlaylist(tx, playlist.id())) {
                    requireWithin(caller, existing->targeting(), "the playlist");
                }
                requireWithin(caller, playlist.targeting(), "the playlist's targeting");
                for (auto& e : *playlist.mutable_entries()) {
                    e.clear_item();  // output only
                    if (!content::loadItem(tx, e.item_id()))
                        throw notFound("an entry's item does not exist");
                }
                playlist.set_revision(state.revision);
                content::savePlaylist(tx, playlist, caller.identity.id, now);
                fillItems(tx, playlist);
                *resp->mutable_playlist() = std::move(playlist);
                resp->set_revision(state.revision);
            });
        if (status.ok())
            m_hub.poke();
        return status;
    }

    grpc::Status PutMedia(grpc::ServerContext* ctx, const PutMediaRequest* req,
                          PutMediaResponse* resp) override {
        return m_runner.mutate(
            ctx, "content.put_media", req->request_id(), *req, resp, content::check(*req),
            [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
                requireStaff(caller);
                const std::string digest = store::toHex(sha256(req->data()));
                resp->set_sha256(digest);
                resp->set_size(static_cast<std::int64_t>(req->data().size()));
                resp->set_already_stored(content::putMedia(tx, digest, req->content_type(),
                                                           req->data(), caller.identity.id, now));
            });
    }

    grpc::Status GetMedia(grpc::ServerContext* ctx, const GetMediaRequest* req,
                          GetMediaResponse* resp) override {
        // Media are named by their SHA-256, so a replica's copy is the same; one it does not
        // have yet is looked for on the primary.
        return m_runner.staleQuery(ctx, "content.get_media", content::check(*req),
                                   [&](store::Tx& tx, const Caller&, Subject&, std::int64_t) {
                                       resp->Clear();
                                       auto media = content::loadMedia(tx, req->sha256());
                                       if (!media)
                                           throw notFound("no such image");
                                       resp->set_content_type(std::move(media->contentType));
                                       resp->set_data(std::move(media->data));
                                   });
    }

private:
    MutationRunner& m_runner;
    ContentJobSource m_jobs;
    content::ContentHub m_hub;
};

}  // namespace

std::unique_ptr<grpc::Service> makeContentService(MutationRunner& runner) {
    return makeContentService(runner, ContentJobSource{});
}

std::unique_ptr<grpc::Service> makeContentService(MutationRunner& runner, ContentJobSource jobs) {
    return std::make_unique<ContentServiceImpl>(runner, std::move(jobs));
}

void stopContentStreams(grpc::Service& contentService) {
    if (auto* impl = dynamic_cast<ContentServiceImpl*>(&contentService))
        impl->stopStreams();
}

std::int64_t bumpContentRevision(store::Tx& tx, std::int64_t now) {
    return content::bumpRevision(tx, now).revision;
}

}  // namespace renshe::services::backoffice
