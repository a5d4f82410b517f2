#include "services/client/content_cache.hpp"

#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace renshe::services::client {

using namespace renshe::v1;

namespace {

constexpr std::string_view kMagic = "renshe display content cache 1\n";
constexpr std::size_t kDigestBytes = SHA256_DIGEST_LENGTH;

std::array<unsigned char, kDigestBytes> sha256(std::string_view bytes) {
    std::array<unsigned char, kDigestBytes> out{};
    SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), out.data());
    return out;
}

bool playTimeInBounds(const google::protobuf::Duration& d) {
    if (d.nanos() < 0 || d.nanos() >= 1'000'000'000 || d.seconds() < kMinPlaySeconds)
        return false;
    return d.seconds() < kMaxPlaySeconds || (d.seconds() == kMaxPlaySeconds && d.nanos() == 0);
}

int sanitizeItem(ContentItem& item) {
    int changes = 0;
    if (!item.media_sha256().empty() && !isMediaDigest(item.media_sha256())) {
        item.clear_media_sha256();
        ++changes;
    }
    if (item.has_duration() && !playTimeInBounds(item.duration())) {
        item.clear_duration();
        ++changes;
    }
    return changes;
}

}  // namespace

std::string frameContentCache(std::string_view body) {
    const auto digest = sha256(body);
    std::string out;
    out.reserve(kMagic.size() + digest.size() + body.size());
    out.append(kMagic);
    out.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    out.append(body);
    return out;
}

std::string encodeContentCache(const ContentUpdate& update) {
    return frameContentCache(update.SerializeAsString());
}

ContentCacheRead decodeContentCache(std::string_view bytes) {
    ContentCacheRead r;
    if (bytes.size() < kMagic.size() + kDigestBytes || bytes.substr(0, kMagic.size()) != kMagic) {
        r.problem = "not a content cache of this version";
        return r;
    }
    if (bytes.size() > kMaxContentCacheBytes) {
        r.problem = "too large to be a playlist";
        return r;
    }
    const std::string_view stored = bytes.substr(kMagic.size(), kDigestBytes);
    const std::string_view body = bytes.substr(kMagic.size() + kDigestBytes);
    const auto actual = sha256(body);
    if (std::memcmp(stored.data(), actual.data(), kDigestBytes) != 0) {
        r.problem = "damaged (its checksum does not match)";
        return r;
    }
    ContentUpdate update;
    if (!update.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
        r.problem = "not a content update";
        return r;
    }
    if (!update.has_playlist() || update.revision() < 0) {
        r.problem = "no playlist in it";
        return r;
    }
    sanitizePlaylist(*update.mutable_playlist());
    r.update = std::move(update);
    return r;
}

bool isMediaDigest(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

int sanitizePlaylist(Playlist& playlist) {
    int changes = 0;
    if (playlist.entries_size() > kMaxPlaylistEntries) {
        changes += playlist.entries_size() - kMaxPlaylistEntries;
        playlist.mutable_entries()->DeleteSubrange(kMaxPlaylistEntries,
                                                   playlist.entries_size() - kMaxPlaylistEntries);
    }
    for (PlaylistEntry& e : *playlist.mutable_entries()) {
        if (e.has_duration() && !playTimeInBounds(e.duration())) {
            e.clear_duration();
            ++changes;
        }
        if (e.has_item())
            changes += sanitizeItem(*e.mutable_item());
    }
    return changes;
}

}  // namespace renshe::services::client
