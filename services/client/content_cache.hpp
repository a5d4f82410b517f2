// The display's playlist cache: the last ContentUpdate with a playlist, kept on disk so a
// display that starts without its back office plays what it had.
//
// The file is outside input: a power cut on a bad card, another version's file or a hand edit
// can leave anything there. It is framed as a magic line, the SHA-256 of the body and the
// body (the serialized ContentUpdate); a file that is not exactly that is refused whole, with
// the reason for the log. What it holds is then made safe to play the same way as an update
// from the back office (sanitizePlaylist): an image digest names a file on disk, so only a
// real digest is kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "renshe/v1/content.pb.h"

namespace renshe::services::client {

// The most entries a display plays; more are dropped (a playlist is a few dozen at most).
inline constexpr int kMaxPlaylistEntries = 500;
// An entry's play time outside 1 s .. 1 h is unset (the item's own, then the display's
// default): a zero would spin, a year would freeze the screen on one notice.
inline constexpr std::int64_t kMinPlaySeconds = 1;
inline constexpr std::int64_t kMaxPlaySeconds = 3600;

// The largest cache file read (a playlist is kilobytes; its images are files beside it): a
// larger one is set aside unread.
inline constexpr std::size_t kMaxContentCacheBytes = 64u << 20;

// The bytes of the cache file for `update`.
std::string encodeContentCache(const renshe::v1::ContentUpdate& update);
// The frame around an already serialized body (encodeContentCache() = this of its bytes).
std::string frameContentCache(std::string_view body);

struct ContentCacheRead {
    std::optional<renshe::v1::ContentUpdate> update;  // with a playlist, sanitized
    std::string problem;                              // why not (for the log; no content)
};

// Reads a cache file's bytes. Refused: not framed by encodeContentCache, over
// kMaxContentCacheBytes, a body that does not match its digest, not a ContentUpdate, no
// playlist, a negative revision.
ContentCacheRead decodeContentCache(std::string_view bytes);

// 64 lower-case hex digits: the only image names a display reads or writes.
bool isMediaDigest(std::string_view text);

// Makes a playlist safe to play, from the back office or the cache: image digests that are
// not isMediaDigest() cleared (the notice plays without its image), play times outside
// kMinPlaySeconds..kMaxPlaySeconds unset, entries past kMaxPlaylistEntries dropped. Returns
// how many things it changed (0 for anything the back office sends).
int sanitizePlaylist(renshe::v1::Playlist& playlist);

}  // namespace renshe::services::client
