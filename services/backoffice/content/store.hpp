// Display content in the database (migration 0006_content.sql): the content revision, items,
// playlists, and the snapshot WatchContent resolves playlists from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "renshe/v1/content.pb.h"
#include "services/backoffice/content/model.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice::content {

struct State {
    std::int64_t revision = 0;
    std::int64_t evaluatedAt = 0;
};

State readState(store::Tx& tx);
// A content change: revision + 1, evaluated_at = max(evaluated_at, now). Takes the row lock
// of content_state, so content writes are serial on both backends and revisions commit in
// order.
State bumpRevision(store::Tx& tx, std::int64_t now);
// A schedule boundary passed: revision + 1 and evaluated_at = now, unless a change (or
// another replica) has already evaluated at or after `boundary`. True if it bumped.
bool passBoundary(store::Tx& tx, std::int64_t boundary, std::int64_t now);

std::optional<renshe::v1::ContentItem> loadItem(store::Tx& tx, const std::string& id);
void saveItem(store::Tx& tx, const renshe::v1::ContentItem& item, const std::string& staffId,
              std::int64_t now);
void deleteItem(store::Tx& tx, const std::string& id);

std::optional<renshe::v1::Playlist> loadPlaylist(store::Tx& tx, const std::string& id);
// Stores the playlist (entries without items) and which items it uses.
void savePlaylist(store::Tx& tx, const renshe::v1::Playlist& playlist, const std::string& staffId,
                  std::int64_t now);
std::vector<std::string> playlistsUsing(store::Tx& tx, const std::string& itemId);
// Every playlist, in id order.
std::vector<renshe::v1::Playlist> allPlaylists(store::Tx& tx);

bool guideExists(store::Tx& tx, const std::string& id);

// The media store (migration 0010): images for notices, keyed by the SHA-256 of their bytes.
struct Media {
    std::string contentType;
    std::string data;
};
// Stores `data` under `sha256` unless it is there already; true if it was.
bool putMedia(store::Tx& tx, const std::string& sha256, const std::string& contentType,
              const std::string& data, const std::string& staffId, std::int64_t now);
bool mediaExists(store::Tx& tx, const std::string& sha256);
std::optional<Media> loadMedia(store::Tx& tx, const std::string& sha256);

// Everything at the current revision, read in one transaction.
Snapshot loadSnapshot(store::Tx& tx);

}  // namespace renshe::services::backoffice::content
