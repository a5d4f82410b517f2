#include "services/backoffice/content/model.hpp"

#include <algorithm>
#include <set>

#include "drivers/util/clock.hpp"
#include "services/backoffice/checks/checks.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice::content {

using namespace renshe::v1;

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::size_t kMaxItemBytes = 64 * 1024;
constexpr int kMaxTitleBytes = 200;
constexpr int kMaxBodyBytes = 8 * 1024;
constexpr int kMaxPrefixes = 50;
constexpr int kMaxTerminalIds = 500;
constexpr int kMaxJobIds = 20;
constexpr int kMaxWindows = 24;
constexpr int kMaxEntries = 200;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = floorDiv(y, 400);
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool validDate(const Date& d) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year() < 2000 || d.year() > 2199 || d.month() < 1 || d.month() > 12 || d.day() < 1)
        return false;
    const int days = kDays[d.month() - 1] + (d.month() == 2 && isLeap(d.year()) ? 1 : 0);
    return d.day() <= days;
}

// An all-zero Date counts as unset, like an absent one.
bool dateGiven(bool present, const Date& d) {
    return present && (d.year() != 0 || d.month() != 0 || d.day() != 0);
}

std::int64_t dayNumber(const Date& d) {
    return daysFromCivil(d.year(), static_cast<unsigned>(d.month()),
                         static_cast<unsigned>(d.day()));
}

std::int64_t localSeconds(std::int64_t micros) {
    return floorDiv(micros, 1'000'000) + util::kChinaUtcOffsetSeconds;
}
std::int64_t instantOfLocal(std::int64_t localSec) {
    return (localSec - util::kChinaUtcOffsetSeconds) * 1'000'000;
}

std::optional<std::int64_t> durationMillis(const google::protobuf::Duration& d) {
    if (d.seconds() < 0 || d.nanos() < 0 || d.nanos() > 999'999'999 || d.seconds() > 86400)
        return std::nullopt;
    return d.seconds() * 1000 + d.nanos() / 1'000'000;
}

bool durationInRange(const google::protobuf::Duration& d) {
    const auto ms = durationMillis(d);
    return ms && *ms >= kMinDurationMillis && *ms <= kMaxDurationMillis &&
           d.nanos() % 1'000'000 == 0;
}

bool isTerminalId(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
}

bool textOk(const std::string& s, int maxBytes) {
    return static_cast<int>(s.size()) <= maxBytes && checks::isValidUtf8(s) &&
           s.find('\0') == std::string::npos;
}

std::optional<Refusal> checkTargeting(const Targeting& t) {
    if (t.region_prefixes_size() > kMaxPrefixes)
        return Refusal::malformed("targeting: too many region prefixes");
    for (const auto& p : t.region_prefixes()) {
        if (!isRegionPrefix(p))
            return Refusal::malformed("targeting: a region prefix is 2 to 12 digits");
    }
    if (t.terminal_ids_size() > kMaxTerminalIds)
        return Refusal::malformed("targeting: too many terminal ids");
    for (const auto& id : t.terminal_ids()) {
        if (!isTerminalId(id))
            return Refusal::malformed("targeting: bad terminal id");
    }
    return std::nullopt;
}

std::optional<Refusal> checkSchedule(const Schedule& s) {
    const bool first = dateGiven(s.has_first_day(), s.first_day());
    const bool last = dateGiven(s.has_last_day(), s.last_day());
    if (first && !validDate(s.first_day()))
        return Refusal::malformed("schedule: first_day is not a date");
    if (last && !validDate(s.last_day()))
        return Refusal::malformed("schedule: last_day is not a date");
    if (first && last && dayNumber(s.last_day()) < dayNumber(s.first_day())) {
        return Refusal::malformed("schedule: last_day before first_day");
    }
    if (s.daily_windows_size() > kMaxWindows)
        return Refusal::malformed("schedule: too many daily windows");
    for (const auto& w : s.daily_windows()) {
        if (w.start_minute() < 0 || w.start_minute() > 1439 || w.end_minute() < 1 ||
            w.end_minute() > 1440 || w.end_minute() <= w.start_minute()) {
            return Refusal::malformed(
                "schedule: a daily window is empty, inverted or outside 0..1440");
        }
    }
    if (s.weekday_mask() > 0x7F)
        return Refusal::malformed("schedule: weekday_mask has bits above Sunday");
    return std::nullopt;
}

std::string yuan(std::int64_t fen) {
    std::string s = std::to_string(fen / 100);
    if (fen % 100 != 0) {
        char buf[8];
        std::snprintf(buf, sizeof buf, ".%02d", static_cast<int>(fen % 100));
        s += buf;
    }
    return s;
}

}  // namespace

bool isContentId(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

bool isRegionPrefix(std::string_view text) {
    return text.size() >= 2 && text.size() <= 12 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string pageToken(const std::string& lastId) {
    return store::toHex(lastId);
}

std::optional<std::string> pageTokenId(const std::string& token) {
    if (token.size() > 128)
        return std::nullopt;
    try {
        std::string id = store::fromHex(token);
        if (!isContentId(id))
            return std::nullopt;
        return id;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<Refusal> check(const UpsertContentItemRequest& r) {
    if (auto refusal = checks::checkRequestId(r.request_id()))
        return refusal;
    if (!r.has_item())
        return Refusal::malformed("item is required");
    const ContentItem& item = r.item();
    if (item.ByteSizeLong() > kMaxItemBytes)
        return Refusal::malformed("item larger than 64 KiB");
    if (!item.id().empty() && !isContentId(item.id()))
        return Refusal::malformed("id: letters, digits, - and _, 1 to 64");
    if (item.kind() == CONTENT_KIND_UNSPECIFIED || !ContentKind_IsValid(item.kind())) {
        return Refusal::malformed("kind: unknown content kind");
    }
    if (!textOk(item.title(), kMaxTitleBytes))
        return Refusal::malformed("title: at most 200 bytes of UTF-8");
    if (!textOk(item.body(), kMaxBodyBytes))
        return Refusal::malformed("body: at most 8 KiB of UTF-8");
    switch (item.kind()) {
        case CONTENT_KIND_NOTICE:
            if (checks::normalizeName(item.title()).empty())
                return Refusal::malformed("title: a notice needs one");
            break;
        case CONTENT_KIND_GUIDE:
            if (!isContentId(item.guide_id()))
                return Refusal::malformed("guide_id: required for a guide item");
            break;
        case CONTENT_KIND_JOB_HIGHLIGHT:
            if (item.job_ids_size() > kMaxJobIds)
                return Refusal::malformed("job_ids: at most 20");
            for (const auto& id : item.job_ids()) {
                if (id.empty() || id.size() > 64 || !checks::isValidUtf8(id))
                    return Refusal::malformed("job_ids: bad id");
            }
            break;
        default:
            break;
    }
    if (item.kind() != CONTENT_KIND_GUIDE && !item.guide_id().empty()) {
        return Refusal::malformed("guide_id: only for a guide item");
    }
    if (item.kind() != CONTENT_KIND_JOB_HIGHLIGHT && item.job_ids_size() > 0) {
        return Refusal::malformed("job_ids: only for a job highlight");
    }
    if (item.has_duration() && !durationInRange(item.duration())) {
        return Refusal::malformed("duration: 5 s to 10 min, whole milliseconds");
    }
    if (auto bad = checkSchedule(item.schedule()))
        return bad;
    if (auto bad = checkTargeting(item.targeting()))
        return bad;
    if (!item.media_sha256().empty()) {
        if (!isMediaDigest(item.media_sha256()))
            return Refusal::malformed("media_sha256: 64 lower-case hex digits");
        if (item.kind() != CONTENT_KIND_NOTICE)
            return Refusal::malformed("media_sha256: only for a notice");
    }
    if (!item.media_uri().empty() && item.media_sha256().empty()) {
        return Refusal::malformed("media_uri: only beside media_sha256");
    }
    if (!item.media_uri().empty() &&
        (item.media_uri().size() > 1024 || !checks::isValidUtf8(item.media_uri()) ||
         (item.media_uri().rfind("https://", 0) != 0 &&
          item.media_uri().rfind("http://", 0) != 0))) {
        return Refusal::malformed("media_uri: an http(s) address of at most 1024 bytes");
    }
    return std::nullopt;
}

std::optional<Refusal> check(const DeleteContentItemRequest& r) {
    if (auto refusal = checks::checkRequestId(r.request_id()))
        return refusal;
    if (!isContentId(r.id()))
        return Refusal::malformed("id: letters, digits, - and _, 1 to 64");
    return std::nullopt;
}

std::optional<Refusal> check(const UpsertPlaylistRequest& r) {
    if (auto refusal = checks::checkRequestId(r.request_id()))
        return refusal;
    if (!r.has_playlist())
        return Refusal::malformed("playlist is required");
    const Playlist& p = r.playlist();
    if (!p.id().empty() && !isContentId(p.id()))
        return Refusal::malformed("id: letters, digits, - and _, 1 to 64");
    if (checks::normalizeName(p.name()).empty() || !textOk(p.name(), kMaxTitleBytes)) {
        return Refusal::malformed("name: required, at most 200 bytes");
    }
    if (p.entries_size() > kMaxEntries)
        return Refusal::malformed("entries: at most 200");
    for (const auto& e : p.entries()) {
        if (!isContentId(e.item_id()))
            return Refusal::malformed("entries: bad item_id");
        if (e.has_duration() && !durationInRange(e.duration())) {
            return Refusal::malformed("entries: duration 5 s to 10 min, whole milliseconds");
        }
    }
    return checkTargeting(p.targeting());
}

std::optional<Refusal> check(const ListPlaylistsRequest& r) {
    if (!r.region_prefix().empty() && !isRegionPrefix(r.region_prefix())) {
        return Refusal::malformed("region_prefix: 2 to 12 digits");
    }
    if (r.page().page_size() < 0 || r.page().page_size() > checks::kMaxPageSize) {
        return Refusal::malformed("page size 0..100");
    }
    if (!r.page().page_token().empty() && !pageTokenId(r.page().page_token()))
        return Refusal::malformed("bad page token");
    return std::nullopt;
}

std::optional<Refusal> check(const GetPlaylistRequest& r) {
    if (!isContentId(r.id()))
        return Refusal::malformed("id: letters, digits, - and _, 1 to 64");
    return std::nullopt;
}

bool isMediaDigest(std::string_view hex) {
    return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::optional<std::string> sniffImageType(std::string_view data) {
    if (data.size() >= 8 && data.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
        return "image/png";
    if (data.size() >= 3 && data.substr(0, 3) == std::string_view("\xff\xd8\xff", 3))
        return "image/jpeg";
    return std::nullopt;
}

std::optional<Refusal> check(const PutMediaRequest& r) {
    if (auto refusal = checks::checkRequestId(r.request_id()))
        return refusal;
    if (r.data().empty())
        return Refusal::malformed("data: empty");
    if (r.data().size() > kMaxMediaBytes)
        return Refusal::malformed("data: larger than 3 MiB");
    if (r.content_type() != "image/png" && r.content_type() != "image/jpeg")
        return Refusal::malformed("content_type: image/png or image/jpeg");
    const auto sniffed = sniffImageType(r.data());
    if (!sniffed)
        return Refusal::malformed("data: not a PNG or JPEG image");
    if (*sniffed != r.content_type())
        return Refusal::malformed("data: a " + *sniffed + ", not the " + r.content_type() +
                                  " it claims");
    return std::nullopt;
}

std::optional<Refusal> check(const GetMediaRequest& r) {
    if (!isMediaDigest(r.sha256()))
        return Refusal::malformed("sha256: 64 lower-case hex digits");
    return std::nullopt;
}

std::optional<Refusal> check(const WatchContentRequest& r) {
    if (r.resume_after_revision() < 0)
        return Refusal::malformed("resume_after_revision is negative");
    return std::nullopt;
}

bool scheduleActive(const Schedule& s, std::int64_t micros) {
    const std::int64_t local = localSeconds(micros);
    const std::int64_t day = floorDiv(local, kSecondsPerDay);
    const std::int64_t minute = (local - day * kSecondsPerDay) / 60;
    if (dateGiven(s.has_first_day(), s.first_day()) && day < dayNumber(s.first_day()))
        return false;
    if (dateGiven(s.has_last_day(), s.last_day()) && day > dayNumber(s.last_day()))
        return false;
    if (s.weekday_mask() != 0) {
        const auto weekday =
            static_cast<unsigned>(((day + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday (3)
        if (((s.weekday_mask() >> weekday) & 1U) == 0)
            return false;
    }
    if (s.daily_windows_size() == 0)
        return true;
    for (const auto& w : s.daily_windows()) {
        if (minute >= w.start_minute() && minute < w.end_minute())
            return true;
    }
    return false;
}

std::optional<std::int64_t> nextScheduleChange(const Schedule& s, std::int64_t afterMicros) {
    // The state changes only at a midnight (date range, weekday) or at a window's edge. Within
    // a date range the days repeat weekly, so the eight days from now, the eight days from
    // first_day and the day after last_day hold every change there is.
    const std::int64_t today = floorDiv(localSeconds(afterMicros), kSecondsPerDay);
    std::set<std::int64_t> days;
    for (int k = 0; k <= 8; ++k)
        days.insert(today + k);
    if (dateGiven(s.has_first_day(), s.first_day())) {
        const std::int64_t first = dayNumber(s.first_day());
        if (first > today) {
            for (int k = 0; k <= 8; ++k)
                days.insert(first + k);
        }
    }
    if (dateGiven(s.has_last_day(), s.last_day()))
        days.insert(dayNumber(s.last_day()) + 1);
    std::set<std::int64_t> candidates;
    for (const std::int64_t day : days) {
        const std::int64_t midnight = day * kSecondsPerDay;
        candidates.insert(instantOfLocal(midnight));
        for (const auto& w : s.daily_windows()) {
            candidates.insert(instantOfLocal(midnight + w.start_minute() * 60LL));
            candidates.insert(instantOfLocal(midnight + w.end_minute() * 60LL));
        }
    }
    const bool now = scheduleActive(s, afterMicros);
    for (auto it = candidates.upper_bound(afterMicros); it != candidates.end(); ++it) {
        if (scheduleActive(s, *it) != now)
            return *it;
    }
    return std::nullopt;
}

int targetingFit(const Targeting& t, std::string_view terminalId, std::string_view region) {
    if (t.terminal_ids_size() > 0 &&
        std::none_of(t.terminal_ids().begin(), t.terminal_ids().end(),
                     [&](const std::string& id) { return id == terminalId; })) {
        return -1;
    }
    int fit = t.region_prefixes_size() == 0 ? 0 : -1;
    for (const auto& p : t.region_prefixes()) {
        if (region.substr(0, p.size()) == p)
            fit = std::max(fit, static_cast<int>(p.size()));
    }
    if (fit < 0)
        return -1;
    return fit + (t.terminal_ids_size() > 0 ? 100 : 0);
}

bool targetingWithin(const Targeting& t, std::string_view scope) {
    if (scope.empty())
        return true;
    if (t.region_prefixes_size() == 0)
        return false;
    return std::all_of(
        t.region_prefixes().begin(), t.region_prefixes().end(),
        [&](const std::string& p) { return std::string_view(p).substr(0, scope.size()) == scope; });
}

bool targetingOverlaps(const Targeting& t, std::string_view scope) {
    if (scope.empty() || t.region_prefixes_size() == 0)
        return true;
    return std::any_of(t.region_prefixes().begin(), t.region_prefixes().end(),
                       [&](const std::string& p) {
                           const std::size_t n = std::min(p.size(), scope.size());
                           return std::string_view(p).substr(0, n) == scope.substr(0, n);
                       });
}

std::optional<std::int64_t> nextBoundary(const Snapshot& snapshot) {
    std::set<std::string> played;
    for (const auto& p : snapshot.playlists) {
        for (const auto& e : p.entries())
            played.insert(e.item_id());
    }
    std::optional<std::int64_t> next;
    for (const auto& id : played) {
        const auto it = snapshot.items.find(id);
        if (it == snapshot.items.end())
            continue;
        if (const auto change = nextScheduleChange(it->second.schedule(), snapshot.evaluatedAt)) {
            if (!next || *change < *next)
                next = change;
        }
        // 今日预约 boards turn to the new day's tickets at China midnight.
        if (it->second.kind() == CONTENT_KIND_APPOINTMENT_QUEUE) {
            constexpr std::int64_t kDay = 86'400'000'000;
            const std::int64_t offset = util::kChinaUtcOffsetSeconds * 1'000'000;
            const std::int64_t local = snapshot.evaluatedAt + offset;
            const std::int64_t midnight = (local / kDay + 1) * kDay - offset;
            if (!next || midnight < *next)
                next = midnight;
        }
    }
    return next;
}

void fillItemDefaults(ContentItem& item) {
    item.clear_jobs();   // output only: rendered from the postings when played
    item.clear_queue();  // output only: today's appointments when played
    if (!item.has_duration()) {
        item.mutable_duration()->set_seconds(kDefaultItemDurationMillis / 1000);
    }
    if (item.kind() == CONTENT_KIND_HOTLINE && checks::normalizeName(item.title()).empty()) {
        item.set_title("12333 人力资源社会保障服务热线");
    }
}

std::string jobLine(const Job& job) {
    std::string line = job.title();
    if (!job.employer().empty())
        line += " · " + job.employer();
    line += " · ";
    if (!job.has_salary_min()) {
        line += "面议";
    } else if (job.has_salary_max() && job.salary_max().fen() > job.salary_min().fen()) {
        line += yuan(job.salary_min().fen()) + "–" + yuan(job.salary_max().fen()) + "元/月";
    } else if (job.has_salary_max()) {
        line += yuan(job.salary_min().fen()) + "元/月";
    } else {
        line += yuan(job.salary_min().fen()) + "元/月起";
    }
    return line;
}

Playlist resolveFor(const Snapshot& snapshot, std::string_view terminalId, std::string_view region,
                    const JobLookups& jobs) {
    const Playlist* chosen = nullptr;
    int bestFit = -1;
    for (const auto& p : snapshot.playlists) {
        const int fit = targetingFit(p.targeting(), terminalId, region);
        // Most specific wins; between equals the most recently changed, then the smallest id
        // (playlists are in id order).
        if (fit > bestFit || (fit == bestFit && fit >= 0 && p.revision() > chosen->revision())) {
            chosen = &p;
            bestFit = fit;
        }
    }
    Playlist out;
    if (!chosen)
        return out;
    out.set_id(chosen->id());
    out.set_name(chosen->name());
    *out.mutable_targeting() = chosen->targeting();
    std::int64_t revision = chosen->revision();
    struct Slot {
        int priority;
        PlaylistEntry entry;
    };
    std::vector<Slot> slots;
    for (const auto& e : chosen->entries()) {
        const auto found = snapshot.items.find(e.item_id());
        if (found == snapshot.items.end())
            continue;
        const ContentItem& stored = found->second;
        if (targetingFit(stored.targeting(), terminalId, region) < 0)
            continue;
        if (!scheduleActive(stored.schedule(), snapshot.evaluatedAt))
            continue;
        ContentItem item = stored;
        if (item.kind() == CONTENT_KIND_GUIDE) {
            const auto guide = snapshot.guides.find(item.guide_id());
            if (guide == snapshot.guides.end())
                continue;  // withdrawn since
            if (item.title().empty())
                item.set_title(guide->second.title());
        } else if (item.kind() == CONTENT_KIND_APPOINTMENT_QUEUE) {
            if (!jobs.appointments)
                continue;
            const auto tickets = jobs.appointments(std::string(region));
            if (tickets.empty())
                continue;  // no appointments today: nothing to board
            for (const auto& t : tickets)
                *item.add_queue() = t;
            if (item.title().empty())
                item.set_title("今日预约");
        } else if (item.kind() == CONTENT_KIND_JOB_HIGHLIGHT) {
            std::optional<std::vector<Job>> postings;
            if (item.job_ids_size() == 0) {
                if (jobs.newest)
                    postings = jobs.newest(std::string(region), kJobHighlightLimit);
            } else if (jobs.byIds) {
                postings = jobs.byIds({item.job_ids().begin(), item.job_ids().end()});
            }
            if (postings) {
                if (postings->empty())
                    continue;  // nothing current to highlight
                item.clear_job_ids();
                std::string body;
                for (const auto& job : *postings) {
                    item.add_job_ids(job.id());
                    *item.add_jobs() = job;
                    body += (body.empty() ? "" : "\n") + jobLine(job);
                }
                if (item.body().empty())
                    item.set_body(body);
                if (item.title().empty())
                    item.set_title("招聘信息");
            } else if (item.job_ids_size() == 0) {
                continue;  // no job source: nothing to show
            }
        }
        revision = std::max(revision, item.revision());
        Slot slot{item.schedule().priority(), {}};
        slot.entry.set_item_id(item.id());
        *slot.entry.mutable_duration() = e.has_duration() ? e.duration() : item.duration();
        *slot.entry.mutable_item() = std::move(item);
        slots.push_back(std::move(slot));
    }
    std::stable_sort(slots.begin(), slots.end(),
                     [](const Slot& a, const Slot& b) { return a.priority > b.priority; });
    for (auto& s : slots)
        *out.add_entries() = std::move(s.entry);
    out.set_revision(revision);
    return out;
}

}  // namespace renshe::services::backoffice::content
