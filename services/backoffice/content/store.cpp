#include "services/backoffice/content/store.hpp"

#include <set>

namespace renshe::services::backoffice::content {

using namespace renshe::v1;

State readState(store::Tx& tx) {
    const auto row = tx.queryOne("SELECT revision, evaluated_at FROM content_state WHERE id = 1");
    if (!row)
        throw store::StoreError("content_state has no row");
    return {row->integer(0), row->integer(1)};
}

State bumpRevision(store::Tx& tx, std::int64_t now) {
    tx.exec(
        "UPDATE content_state SET revision = revision + 1, "
        "evaluated_at = CASE WHEN evaluated_at > CAST($1 AS BIGINT) THEN evaluated_at ELSE CAST($1 "
        "AS BIGINT) END "
        "WHERE id = 1",
        {now});
    return readState(tx);
}

bool passBoundary(store::Tx& tx, std::int64_t boundary, std::int64_t now) {
    return tx.exec(
               "UPDATE content_state SET revision = revision + 1, evaluated_at = $1 "
               "WHERE id = 1 AND evaluated_at < $2",
               {now, boundary}) > 0;
}

std::optional<ContentItem> loadItem(store::Tx& tx, const std::string& id) {
    const auto row = tx.queryOne("SELECT record, revision FROM content_items WHERE id = $1", {id});
    if (!row)
        return std::nullopt;
    ContentItem item;
    item.ParseFromString(store::fromHex(row->text(0)));
    item.set_revision(row->integer(1));
    return item;
}

void saveItem(store::Tx& tx, const ContentItem& item, const std::string& staffId,
              std::int64_t now) {
    tx.exec(
        "INSERT INTO content_items (id, kind, revision, record, updated_by, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET kind = $2, revision = $3, "
        "record = $4, "
        "updated_by = $5, updated_at = $6",
        {item.id(), static_cast<std::int64_t>(item.kind()), item.revision(),
         store::toHex(item.SerializeAsString()), staffId, now});
}

void deleteItem(store::Tx& tx, const std::string& id) {
    tx.exec("DELETE FROM content_items WHERE id = $1", {id});
    tx.exec("DELETE FROM content_playlist_items WHERE item_id = $1", {id});
}

std::optional<Playlist> loadPlaylist(store::Tx& tx, const std::string& id) {
    const auto row =
        tx.queryOne("SELECT record, revision FROM content_playlists WHERE id = $1", {id});
    if (!row)
        return std::nullopt;
    Playlist p;
    p.ParseFromString(store::fromHex(row->text(0)));
    p.set_revision(row->integer(1));
    return p;
}

void savePlaylist(store::Tx& tx, const Playlist& playlist, const std::string& staffId,
                  std::int64_t now) {
    Playlist stored = playlist;
    std::set<std::string> used;
    for (auto& e : *stored.mutable_entries()) {
        e.clear_item();
        used.insert(e.item_id());
    }
    tx.exec(
        "INSERT INTO content_playlists (id, revision, record, updated_by, updated_at) VALUES ($1, "
        "$2, $3, $4, $5) "
        "ON CONFLICT (id) DO UPDATE SET revision = $2, record = $3, updated_by = $4, updated_at = "
        "$5",
        {stored.id(), stored.revision(), store::toHex(stored.SerializeAsString()), staffId, now});
    tx.exec("DELETE FROM content_playlist_items WHERE playlist_id = $1", {stored.id()});
    for (const auto& itemId : used) {
        tx.exec("INSERT INTO content_playlist_items (item_id, playlist_id) VALUES ($1, $2)",
                {itemId, stored.id()});
    }
}

std::vector<std::string> playlistsUsing(store::Tx& tx, const std::string& itemId) {
    std::vector<std::string> out;
    for (const auto& r : tx.query("SELECT playlist_id FROM content_playlist_items WHERE item_id = "
                                  "$1 ORDER BY playlist_id",
                                  {itemId})) {
        out.push_back(r.text(0));
    }
    return out;
}

std::vector<Playlist> allPlaylists(store::Tx& tx) {
    std::vector<Playlist> out;
    for (const auto& r : tx.query("SELECT record, revision FROM content_playlists ORDER BY id")) {
        Playlist p;
        p.ParseFromString(store::fromHex(r.text(0)));
        p.set_revision(r.integer(1));
        out.push_back(std::move(p));
    }
    return out;
}

bool guideExists(store::Tx& tx, const std::string& id) {
    return tx.queryOne("SELECT id FROM guides WHERE id = $1 AND withdrawn = 0", {id}).has_value();
}

bool putMedia(store::Tx& tx, const std::string& sha256, const std::string& contentType,
              const std::string& data, const std::string& staffId, std::int64_t now) {
    const auto inserted = tx.queryOne(
        "INSERT INTO media (sha256, content_type, size, data_hex, created_at, created_by) "
        "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING RETURNING sha256",
        {sha256, contentType, static_cast<std::int64_t>(data.size()), store::toHex(data), now,
         staffId});
    return !inserted.has_value();
}

bool mediaExists(store::Tx& tx, const std::string& sha256) {
    return tx.queryOne("SELECT size FROM media WHERE sha256 = $1", {sha256}).has_value();
}

std::optional<Media> loadMedia(store::Tx& tx, const std::string& sha256) {
    const auto row =
        tx.queryOne("SELECT content_type, data_hex FROM media WHERE sha256 = $1", {sha256});
    if (!row)
        return std::nullopt;
    return Media{row->text(0), store::fromHex(row->text(1))};
}

Snapshot loadSnapshot(store::Tx& tx) {
    Snapshot s;
    const State state = readState(tx);
    s.revision = state.revision;
    s.evaluatedAt = state.evaluatedAt;
    std::set<std::string> guideIds;
    for (const auto& r : tx.query("SELECT record, revision FROM content_items")) {
        ContentItem item;
        item.ParseFromString(store::fromHex(r.text(0)));
        item.set_revision(r.integer(1));
        if (item.kind() == CONTENT_KIND_GUIDE)
            guideIds.insert(item.guide_id());
        if (item.targeting().terminal_ids_size() > 0)
            s.usesTerminalIds = true;
        std::string id = item.id();
        s.items.emplace(std::move(id), std::move(item));
    }
    s.playlists = allPlaylists(tx);
    for (const auto& p : s.playlists) {
        if (p.targeting().terminal_ids_size() > 0)
            s.usesTerminalIds = true;
    }
    if (!guideIds.empty()) {
        std::string in;
        std::vector<store::Value> params;
        for (const auto& id : guideIds) {
            params.emplace_back(id);
            in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
        }
        for (const auto& r :
             tx.query("SELECT id, record FROM guides WHERE withdrawn = 0 AND id IN (" + in + ")",
                      params)) {
            Guide g;
            g.ParseFromString(store::fromHex(r.text(1)));
            s.guides.emplace(r.text(0), std::move(g));
        }
    }
    s.nextBoundary = nextBoundary(s);
    return s;
}

}  // namespace renshe::services::backoffice::content
