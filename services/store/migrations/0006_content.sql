-- Display content (信息发布): items, playlists, and the one content revision every change bumps.
-- A display terminal resumes its WatchContent stream by revision, so the counter lives here, in
-- the database all replicas share: a change made through one replica reaches displays
-- watching another when that replica's poller sees the revision move.

-- revision: one counter over every content change (items, playlists, schedule boundaries).
-- evaluated_at: the instant (microseconds) at which the schedules of that revision are
-- evaluated; a change sets it to max(evaluated_at, now), a schedule boundary to the time it
-- was passed. The playlist a terminal gets is a function of (revision, evaluated_at), so every
-- replica resolves the same revision to the same playlist.
CREATE TABLE content_state (id BIGINT PRIMARY KEY, revision BIGINT NOT NULL, evaluated_at BIGINT NOT NULL);
INSERT INTO content_state (id, revision, evaluated_at) VALUES (1, 0, 0);

CREATE TABLE content_items (
  id TEXT PRIMARY KEY,
  kind BIGINT NOT NULL,
  revision BIGINT NOT NULL,             -- the content revision that last changed it
  record TEXT NOT NULL,                 -- hex of the serialized renshe.v1.ContentItem
  updated_by TEXT NOT NULL,             -- staff id
  updated_at BIGINT NOT NULL);

CREATE TABLE content_playlists (
  id TEXT PRIMARY KEY,
  revision BIGINT NOT NULL,
  record TEXT NOT NULL,                 -- hex of the serialized renshe.v1.Playlist, entries without items
  updated_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL);

-- Which playlists use an item (deleting an item removes it from every playlist).
CREATE TABLE content_playlist_items (
  item_id TEXT NOT NULL,
  playlist_id TEXT NOT NULL,
  PRIMARY KEY (item_id, playlist_id));
CREATE INDEX content_playlist_items_by_playlist ON content_playlist_items(playlist_id);
