// libFuzzer target: the display's playlist cache reader (services/client/content_cache.hpp).
// The first input byte picks how the rest is used: even, as the body of a correctly framed
// file (so the protobuf parse and the sanitizing are reached past the checksum); odd, as the
// whole file. A crash, a sanitizer report or a broken invariant (abort) is a bug:
// - the reader gives an update or a reason, never both, never neither;
// - an update has a playlist of at most kMaxPlaylistEntries entries whose image names are
//   empty or real digests and whose play times, when set, are 1 s .. 1 h;
// - what it gives needs no more sanitizing, and written again it reads back the same.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "services/client/content_cache.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace client = renshe::services::client;
using namespace renshe::v1;

using renshe::fuzz::require;

namespace {

bool playTimeOk(const google::protobuf::Duration& d) {
    return d.seconds() >= client::kMinPlaySeconds && d.seconds() <= client::kMaxPlaySeconds &&
           d.nanos() >= 0 && d.nanos() < 1'000'000'000;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::string file =
        (data[0] & 1) == 0 ? client::frameContentCache(rest) : std::string(rest);
    const client::ContentCacheRead r = client::decodeContentCache(file);
    require(r.update.has_value() == r.problem.empty(), "an update or a reason");
    if (!r.update)
        return 0;
    const ContentUpdate& u = *r.update;
    require(u.has_playlist() && u.revision() >= 0, "a playlist at a revision");
    require(u.playlist().entries_size() <= client::kMaxPlaylistEntries, "bounded entries");
    for (const PlaylistEntry& e : u.playlist().entries()) {
        const std::string& digest = e.item().media_sha256();
        require(digest.empty() || client::isMediaDigest(digest), "image names are digests");
        require(!e.has_duration() || playTimeOk(e.duration()), "entry play time in bounds");
        require(!e.item().has_duration() || playTimeOk(e.item().duration()),
                "item play time in bounds");
    }
    Playlist again = u.playlist();
    require(client::sanitizePlaylist(again) == 0, "sanitized once is enough");
    const client::ContentCacheRead back = client::decodeContentCache(client::encodeContentCache(u));
    require(back.update && back.update->SerializeAsString() == u.SerializeAsString(),
            "written again, it reads back the same");
    return 0;
}
