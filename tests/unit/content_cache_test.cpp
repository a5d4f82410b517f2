// The display's playlist cache file (services/client/content_cache.hpp): what it writes reads
// back the same; anything else on disk is refused whole with a reason, never half-played; and
// what it holds is made safe to play (an image name that is not a digest never reaches the
// file system).
#include "services/client/content_cache.hpp"

#include <gtest/gtest.h>

#include <string>

namespace renshe::services::client {
namespace {

using namespace renshe::v1;

const std::string kDigest(64, 'a');

ContentUpdate sample() {
    ContentUpdate u;
    u.set_revision(42);
    u.mutable_server_time()->set_seconds(1'796'000'000);
    Playlist* p = u.mutable_playlist();
    p->set_id("P1");
    PlaylistEntry* e = p->add_entries();
    e->set_item_id("N1");
    e->mutable_duration()->set_seconds(15);
    ContentItem* item = e->mutable_item();
    item->set_id("N1");
    item->set_kind(CONTENT_KIND_NOTICE);
    item->set_title("停水通知");
    item->set_media_sha256(kDigest);
    item->mutable_duration()->set_seconds(10);
    return u;
}

TEST(ContentCache, WhatIsWrittenReadsBackTheSame) {
    const ContentUpdate u = sample();
    const auto r = decodeContentCache(encodeContentCache(u));
    ASSERT_TRUE(r.update) << r.problem;
    EXPECT_EQ(r.update->SerializeAsString(), u.SerializeAsString());
    EXPECT_EQ(r.problem, "");
}

TEST(ContentCache, AnyDamageRefusesTheWholeFileWithAReason) {
    const std::string good = encodeContentCache(sample());
    // Cut short anywhere (a power cut on a card that lies about flushing).
    for (std::size_t n = 0; n < good.size(); n += 7) {
        const auto r = decodeContentCache(good.substr(0, n));
        EXPECT_FALSE(r.update) << "cut at " << n;
        EXPECT_FALSE(r.problem.empty());
    }
    // One bit flipped anywhere: the magic, the digest or the body.
    for (std::size_t i = 0; i < good.size(); ++i) {
        std::string bad = good;
        bad[i] = static_cast<char>(bad[i] ^ 0x10);
        EXPECT_FALSE(decodeContentCache(bad).update) << "byte " << i;
    }
    // The unframed file an earlier version wrote: set aside, the back office sends it again.
    EXPECT_EQ(decodeContentCache(sample().SerializeAsString()).problem,
              "not a content cache of this version");
    // Framed, but not an update, or an update without a playlist.
    EXPECT_EQ(decodeContentCache(frameContentCache("\x0a\xff\xff\xff\xff\x0f")).problem,
              "not a content update");
    ContentUpdate keepalive;
    keepalive.set_revision(7);
    keepalive.set_unchanged(true);
    EXPECT_EQ(decodeContentCache(encodeContentCache(keepalive)).problem, "no playlist in it");
    // More than any playlist: refused before its digest is even computed.
    EXPECT_EQ(
        decodeContentCache(frameContentCache(std::string(kMaxContentCacheBytes, '\0'))).problem,
        "too large to be a playlist");
}

TEST(ContentCache, ImageNamesThatAreNotDigestsNeverReachTheFileSystem) {
    ContentUpdate u = sample();
    auto* item = u.mutable_playlist()->mutable_entries(0)->mutable_item();
    for (const std::string& bad :
         {std::string("../../../etc/shadow"), std::string(64, 'A'), kDigest + "0",
          kDigest.substr(1) + "/", std::string(63, 'a') + "g"}) {
        item->set_media_sha256(bad);
        const auto r = decodeContentCache(encodeContentCache(u));
        ASSERT_TRUE(r.update) << r.problem;
        const ContentItem& read = r.update->playlist().entries(0).item();
        EXPECT_EQ(read.media_sha256(), "") << bad;
        EXPECT_EQ(read.title(), "停水通知");  // the notice itself still plays
    }
    EXPECT_TRUE(isMediaDigest(kDigest));
    EXPECT_TRUE(isMediaDigest("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
}

TEST(ContentCache, PlayTimesOutsideOneSecondToAnHourAndEndlessPlaylistsAreCut) {
    ContentUpdate u = sample();
    Playlist* p = u.mutable_playlist();
    EXPECT_EQ(sanitizePlaylist(*p), 0);  // what the back office sends is left alone
    p->mutable_entries(0)->mutable_duration()->set_seconds(0);
    p->mutable_entries(0)->mutable_item()->mutable_duration()->set_seconds(365LL * 86400);
    EXPECT_EQ(sanitizePlaylist(*p), 2);
    EXPECT_FALSE(p->entries(0).has_duration());
    EXPECT_FALSE(p->entries(0).item().has_duration());
    p->mutable_entries(0)->mutable_duration()->set_seconds(kMaxPlaySeconds);
    p->mutable_entries(0)->mutable_duration()->set_nanos(1);
    EXPECT_EQ(sanitizePlaylist(*p), 1);
    p->mutable_entries(0)->mutable_duration()->set_seconds(-5);
    EXPECT_EQ(sanitizePlaylist(*p), 1);

    for (int i = 0; i < kMaxPlaylistEntries + 10; ++i)
        p->add_entries()->set_item_id("X");
    EXPECT_EQ(sanitizePlaylist(*p), 11);
    EXPECT_EQ(p->entries_size(), kMaxPlaylistEntries);
    EXPECT_EQ(p->entries(0).item().title(), "停水通知");  // the first ones are kept
}

}  // namespace
}  // namespace renshe::services::client
