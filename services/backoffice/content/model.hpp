// The rules of display content without storage or gRPC: form checks of the ContentService
// requests, schedule evaluation in China Standard Time (when an item plays, and when that next
// changes), targeting (which playlist and which items a terminal gets) and the resolution of a
// terminal's playlist from one content snapshot.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "renshe/v1/content.pb.h"
#include "renshe/v1/guides.pb.h"
#include "renshe/v1/jobs.pb.h"
#include "services/backoffice/rpc/refusal.hpp"

namespace renshe::services::backoffice::content {

inline constexpr std::int64_t kDefaultItemDurationMillis = 10'000;
inline constexpr std::int64_t kMinDurationMillis = 5'000;
inline constexpr std::int64_t kMaxDurationMillis = 600'000;
inline constexpr int kJobHighlightLimit = 5;  // postings shown by a server-filled job highlight

// Form checks (INVALID_ARGUMENT, MALFORMED_FIELD); nothing here reads the database.
std::optional<Refusal> check(const renshe::v1::UpsertContentItemRequest& request);
std::optional<Refusal> check(const renshe::v1::DeleteContentItemRequest& request);
std::optional<Refusal> check(const renshe::v1::UpsertPlaylistRequest& request);
std::optional<Refusal> check(const renshe::v1::ListPlaylistsRequest& request);
std::optional<Refusal> check(const renshe::v1::GetPlaylistRequest& request);
std::optional<Refusal> check(const renshe::v1::WatchContentRequest& request);
std::optional<Refusal> check(const renshe::v1::PutMediaRequest& request);
std::optional<Refusal> check(const renshe::v1::GetMediaRequest& request);

// Notice images: at most 3 MiB, PNG or JPEG (told by their first bytes), named by SHA-256.
inline constexpr std::size_t kMaxMediaBytes = 3u << 20;
bool isMediaDigest(std::string_view hex);                          // 64 lower-case hex digits
std::optional<std::string> sniffImageType(std::string_view data);  // "image/png", "image/jpeg"

bool isContentId(std::string_view id);       // 1..64 of A-Z a-z 0-9 - _
bool isRegionPrefix(std::string_view text);  // 2..12 digits
// Page tokens of ListPlaylists: the last id of the page, hex-encoded.
std::string pageToken(const std::string& lastId);
std::optional<std::string> pageTokenId(const std::string& token);

// Schedules, evaluated in the service point's local time (Asia/Shanghai, UTC+8, no DST).
bool scheduleActive(const renshe::v1::Schedule& schedule, std::int64_t micros);
// The first instant after `afterMicros` at which scheduleActive() changes, or nullopt if it
// never does.
std::optional<std::int64_t> nextScheduleChange(const renshe::v1::Schedule& schedule,
                                               std::int64_t afterMicros);

// Targeting. How well `targeting` fits a terminal: -1 = not at all; otherwise larger is more
// specific (a terminal id beats any region; a longer region prefix beats a shorter one).
int targetingFit(const renshe::v1::Targeting& targeting, std::string_view terminalId,
                 std::string_view region);
// Whether every region the targeting reaches lies inside `scope` (a staff member's region;
// "" = province-wide). Empty region_prefixes reach everywhere.
bool targetingWithin(const renshe::v1::Targeting& targeting, std::string_view scope);
// Whether the targeting reaches any part of `scope` ("" = everywhere).
bool targetingOverlaps(const renshe::v1::Targeting& targeting, std::string_view scope);

// All content at one revision.
struct Snapshot {
    std::int64_t revision = 0;
    std::int64_t evaluatedAt = 0;  // the instant schedules are evaluated at (content_state)
    std::map<std::string, renshe::v1::ContentItem> items;
    std::vector<renshe::v1::Playlist> playlists;      // by id; entries without items
    std::map<std::string, renshe::v1::Guide> guides;  // the current guides GUIDE items name
    bool usesTerminalIds = false;                     // some targeting names terminals
    std::optional<std::int64_t> nextBoundary;         // the next schedule change after evaluatedAt
};

// The first schedule change after evaluatedAt among the items some playlist plays.
std::optional<std::int64_t> nextBoundary(const Snapshot& snapshot);

// Where job highlights come from while resolving (see content_service.hpp).
struct JobLookups {
    // The newest current postings in a region (prefix of the full code), newest first.
    std::function<std::vector<renshe::v1::Job>(const std::string& regionPrefix, int limit)> newest;
    // The current postings among `ids`; nullopt = no job source to ask (the item is kept as
    // staff wrote it).
    std::function<std::optional<std::vector<renshe::v1::Job>>(const std::vector<std::string>& ids)>
        byIds;
    // Today's appointment tickets in a region (CONTENT_KIND_APPOINTMENT_QUEUE).
    std::function<std::vector<renshe::v1::QueueEntry>(const std::string& region)> appointments;
};

// The playlist a terminal plays at snapshot.revision: the best-fitting playlist, entries whose
// item is targeted elsewhere or out of its schedule at snapshot.evaluatedAt removed, items
// filled in (guide titles, job highlights rendered from postings, the hotline card's
// defaults), entry durations defaulted, stable-sorted by schedule priority. No playlist fits
// = a playlist without entries.
renshe::v1::Playlist resolveFor(const Snapshot& snapshot, std::string_view terminalId,
                                std::string_view region, const JobLookups& jobs);

// Defaults the server fills into a stored item (duration, the hotline card's title).
void fillItemDefaults(renshe::v1::ContentItem& item);
// The lines of a job highlight: "货车司机 · 顺达物流 · 6000–9000元/月".
std::string jobLine(const renshe::v1::Job& job);

}  // namespace renshe::services::backoffice::content
