// Display content over mutual TLS against the real renshe-backoffice, on SQLite and on a
// private PostgreSQL: WatchContent pushing a playlist change within a second, resuming by
// revision after a disconnect and after a restart, schedule windows opening and closing on
// the stream, region and terminal targeting, who may watch, two replicas on one PostgreSQL;
// the staff RPCs with their refusals; and the schedule rules themselves.
#include <gtest/gtest.h>
#include <openssl/sha.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <thread>

#include "renshe/v1/content.grpc.pb.h"
#include "renshe/v1/jobs.grpc.pb.h"
#include "services/backoffice/content/model.hpp"
#include "services/store/store.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using namespace renshe::v1;
using namespace std::chrono_literals;
using renshe::testing::BackofficeEnv;
using renshe::testing::BackofficeProcess;
using renshe::testing::call;
using renshe::testing::newRequestId;
using renshe::testing::Outcome;
using renshe::testing::StoreKind;
using Content = ContentService::Stub;
using Clock = std::chrono::steady_clock;
namespace model = renshe::services::backoffice::content;
using renshe::services::pki::Role;

constexpr const char* kDisplayId = "T-371302-001-D";

std::shared_ptr<grpc::Channel> channelTo(const BackofficeEnv& env, const BackofficeProcess& b,
                                         const renshe::testing::CertFiles& who) {
    return renshe::services::client::makeChannel(env.pki().endpoint(b.target(), who));
}

std::shared_ptr<grpc::Channel> staffChannel(BackofficeEnv& env,
                                            const std::string& region = BackofficeEnv::kRegion,
                                            const std::string& id = "S-0001") {
    // The staff port: uploads (media up to 3 MiB) are read there only.
    return renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().staffTarget(), env.pki().staff(id, region)));
}

std::shared_ptr<grpc::Channel> displayChannel(BackofficeEnv& env,
                                              const std::string& id = kDisplayId,
                                              const std::string& region = BackofficeEnv::kRegion) {
    return channelTo(env, env.backoffice(), env.pki().client({id, Role::Display, region}));
}

// A display terminal as the kiosk runs one: keeps a WatchContent stream open, applies every
// snapshot, and after a dropped stream reconnects (waiting for the server) with the last
// revision it applied. Everything it receives is kept with the time it arrived.
class Display {
public:
    struct Got {
        ContentUpdate update;
        Clock::time_point at;
        int connection = 0;
    };

    explicit Display(std::shared_ptr<grpc::Channel> channel, std::int64_t resumeAfter = 0,
                     bool reconnect = true)
        : m_stub(ContentService::NewStub(std::move(channel))),
          m_applied(resumeAfter),
          m_reconnect(reconnect) {
        m_thread = std::thread([this] { run(); });
    }
    ~Display() { stop(); }

    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
            if (m_context)
                m_context->TryCancel();
        }
        m_changed.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

    // The first message from index `from` on that satisfies `pred`, waiting up to `timeout`.
    std::optional<std::size_t> waitFor(const std::function<bool(const ContentUpdate&)>& pred,
                                       std::chrono::milliseconds timeout, std::size_t from = 0) {
        std::unique_lock lock(m_mutex);
        std::optional<std::size_t> found;
        m_changed.wait_for(lock, timeout, [&] {
            for (std::size_t i = from; i < m_got.size(); ++i) {
                if (pred(m_got[i].update)) {
                    found = i;
                    return true;
                }
            }
            return false;
        });
        return found;
    }
    std::optional<std::size_t> waitForCount(std::size_t n, std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        if (!m_changed.wait_for(lock, timeout, [&] { return m_got.size() >= n; }))
            return std::nullopt;
        return n - 1;
    }
    // Waits until the stream has ended `n` times.
    bool waitForEnds(std::size_t n, std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] { return m_ends.size() >= n; });
    }

    Got at(std::size_t i) const {
        std::lock_guard lock(m_mutex);
        return m_got.at(i);
    }
    std::size_t count() const {
        std::lock_guard lock(m_mutex);
        return m_got.size();
    }
    std::vector<Got> all() const {
        std::lock_guard lock(m_mutex);
        return m_got;
    }
    std::vector<grpc::Status> ends() const {
        std::lock_guard lock(m_mutex);
        return m_ends;
    }
    std::int64_t applied() const {
        std::lock_guard lock(m_mutex);
        return m_applied;
    }
    // The playlist the display shows now.
    Playlist showing() const {
        std::lock_guard lock(m_mutex);
        return m_showing;
    }

private:
    void run() {
        for (int connection = 0;; ++connection) {
            grpc::ClientContext ctx;
            ctx.set_wait_for_ready(true);  // through a restart: wait for the server to be back
            WatchContentRequest req;
            {
                std::lock_guard lock(m_mutex);
                if (m_stopping)
                    return;
                m_context = &ctx;
                req.set_resume_after_revision(m_applied);
            }
            auto reader = m_stub->WatchContent(&ctx, req);
            ContentUpdate u;
            while (reader->Read(&u)) {
                std::lock_guard lock(m_mutex);
                m_got.push_back({u, Clock::now(), connection});
                if (u.has_playlist())
                    m_showing = u.playlist();
                m_applied = u.revision();
                m_changed.notify_all();
            }
            const grpc::Status status = reader->Finish();
            std::unique_lock lock(m_mutex);
            m_context = nullptr;
            m_ends.push_back(status);
            m_changed.notify_all();
            if (!m_reconnect || m_stopping)
                return;
            m_changed.wait_for(lock, 100ms, [&] { return m_stopping; });  // backoff
        }
    }

    std::unique_ptr<Content> m_stub;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Got> m_got;
    std::vector<grpc::Status> m_ends;
    Playlist m_showing;
    std::int64_t m_applied;
    bool m_reconnect;
    bool m_stopping = false;
    grpc::ClientContext* m_context = nullptr;
    std::thread m_thread;
};

ContentItem notice(const std::string& id, const std::string& title,
                   const std::vector<std::string>& regions = {"371302"}) {
    ContentItem item;
    item.set_id(id);
    item.set_kind(CONTENT_KIND_NOTICE);
    item.set_title(title);
    item.set_body("正文");
    item.mutable_duration()->set_seconds(8);
    for (auto& r : regions)
        item.mutable_targeting()->add_region_prefixes(r);
    return item;
}

Playlist playlist(const std::string& id, const std::vector<std::string>& items,
                  const std::vector<std::string>& regions = {"371302"}) {
    Playlist p;
    p.set_id(id);
    p.set_name("服务大厅");
    for (const auto& i : items)
        p.add_entries()->set_item_id(i);
    for (auto& r : regions)
        p.mutable_targeting()->add_region_prefixes(r);
    return p;
}

std::int64_t upsertItem(Content& staff, const ContentItem& item, Outcome* outcome = nullptr) {
    UpsertContentItemRequest req;
    req.set_request_id(newRequestId());
    *req.mutable_item() = item;
    UpsertContentItemResponse resp;
    const Outcome o = call(staff, &Content::UpsertContentItem, req, &resp);
    if (outcome)
        *outcome = o;
    else
        EXPECT_TRUE(o.ok()) << o;
    return resp.revision();
}

std::int64_t upsertPlaylist(Content& staff, const Playlist& p, Outcome* outcome = nullptr) {
    UpsertPlaylistRequest req;
    req.set_request_id(newRequestId());
    *req.mutable_playlist() = p;
    UpsertPlaylistResponse resp;
    const Outcome o = call(staff, &Content::UpsertPlaylist, req, &resp);
    if (outcome)
        *outcome = o;
    else
        EXPECT_TRUE(o.ok()) << o;
    return resp.revision();
}

std::vector<std::string> titles(const Playlist& p) {
    std::vector<std::string> out;
    for (const auto& e : p.entries())
        out.push_back(e.item().title());
    return out;
}

std::function<bool(const ContentUpdate&)> showsTitles(const std::vector<std::string>& expected) {
    return [expected](const ContentUpdate& u) {
        return u.has_playlist() && titles(u.playlist()) == expected;
    };
}

// Revisions never go back on one stream, and snapshots strictly increase.
void expectOrdered(const std::vector<Display::Got>& got) {
    std::int64_t lastSnapshot = -1;
    for (std::size_t i = 0; i < got.size(); ++i) {
        const auto& u = got[i].update;
        if (u.snapshot_reset()) {
            lastSnapshot = u.revision();
            continue;
        }
        if (u.has_playlist()) {
            EXPECT_GT(u.revision(), lastSnapshot) << "message " << i;
            lastSnapshot = u.revision();
        } else {
            EXPECT_TRUE(u.unchanged()) << "message " << i;
            EXPECT_GE(u.revision(), lastSnapshot) << "message " << i;
        }
    }
}

void expectOnlyKeepalives(const Display& display, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
        EXPECT_TRUE(display.at(i).update.unchanged()) << "message " << i << " carries a change";
    }
}

class ContentWatch : public ::testing::TestWithParam<StoreKind> {};

TEST_P(ContentWatch, PlaylistChangeReachesTheDisplayWithinOneSecond) {
    BackofficeEnv env(GetParam());
    auto staff = ContentService::NewStub(staffChannel(env));
    upsertItem(*staff, notice("N1", "停水通知"));
    const std::int64_t first = upsertPlaylist(*staff, playlist("P1", {"N1"}));

    Display display(displayChannel(env));
    const auto snapshot = display.waitFor(showsTitles({"停水通知"}), 5s);
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(display.at(*snapshot).update.revision(), first);
    EXPECT_EQ(display.at(*snapshot).update.playlist().id(), "P1");
    EXPECT_EQ(display.at(*snapshot).update.playlist().entries(0).duration().seconds(), 8);
    EXPECT_TRUE(display.at(*snapshot).update.has_server_time());

    std::vector<std::string> expected{"停水通知"};
    std::vector<double> latencies;
    for (int i = 0; i < 5; ++i) {
        const std::string id = "N" + std::to_string(i + 2);
        const std::string title = "通知 " + std::to_string(i + 2);
        upsertItem(*staff, notice(id, title));
        auto p = playlist("P1", {});
        for (int k = 1; k <= i + 2; ++k)
            p.add_entries()->set_item_id("N" + std::to_string(k));
        expected.push_back(title);
        const auto sent = Clock::now();
        const std::int64_t revision = upsertPlaylist(*staff, p);
        const auto got = display.waitFor(showsTitles(expected), 5s);
        ASSERT_TRUE(got) << "change " << i << " never arrived";
        const auto message = display.at(*got);
        EXPECT_EQ(message.update.revision(), revision);
        latencies.push_back(std::chrono::duration<double, std::milli>(message.at - sent).count());
        EXPECT_LT(message.at - sent, 1s) << "change " << i;
    }
    std::cout << "[ content ] change-to-display latency (ms), "
              << renshe::testing::storeKindName({GetParam(), 0}) << ":";
    for (double l : latencies)
        std::cout << " " << std::fixed << std::setprecision(1) << l;
    std::cout << std::endl;
    expectOrdered(display.all());
    // Item edits reach it too: a retitled item, then a deleted one.
    auto retitled = notice("N2", "通知 二");
    upsertItem(*staff, retitled);
    expected[1] = "通知 二";
    ASSERT_TRUE(display.waitFor(showsTitles(expected), 2s));
    DeleteContentItemRequest del;
    del.set_request_id(newRequestId());
    del.set_id("N3");
    DeleteContentItemResponse delResp;
    ASSERT_TRUE(call(*staff, &Content::DeleteContentItem, del, &delResp).ok());
    expected.erase(expected.begin() + 2);
    const auto afterDelete = display.waitFor(showsTitles(expected), 2s);
    ASSERT_TRUE(afterDelete);
    EXPECT_EQ(display.at(*afterDelete).update.revision(), delResp.revision());
    EXPECT_TRUE(display.ends().empty());
}

TEST_P(ContentWatch, ResumingAfterADisconnectCatchesUpWithoutMissingOrRepeating) {
    BackofficeEnv env(GetParam());
    auto staff = ContentService::NewStub(staffChannel(env));
    upsertItem(*staff, notice("N1", "一"));
    upsertPlaylist(*staff, playlist("P1", {"N1"}));

    std::int64_t had = 0;
    {
        Display display(displayChannel(env), 0, false);
        ASSERT_TRUE(display.waitFor(showsTitles({"一"}), 5s));
        had = display.applied();
    }
    // While it is away: three changes.
    upsertItem(*staff, notice("N2", "二"));
    upsertPlaylist(*staff, playlist("P1", {"N1", "N2"}));
    const std::int64_t latest = upsertItem(*staff, notice("N1", "一（更新）"));
    ASSERT_GT(latest, had);

    Display back(displayChannel(env), had, false);
    const auto first = back.waitForCount(1, 5s);
    ASSERT_TRUE(first);
    const auto u = back.at(0).update;
    EXPECT_EQ(u.revision(), latest);
    EXPECT_FALSE(u.unchanged());
    EXPECT_FALSE(u.snapshot_reset());
    EXPECT_EQ(titles(u.playlist()), (std::vector<std::string>{"一（更新）", "二"}));
    // Nothing repeated after the catch-up (the stream stays quiet until the next change).
    EXPECT_FALSE(back.waitForCount(2, 1500ms));
    // The next change arrives once.
    const std::int64_t next = upsertItem(*staff, notice("N2", "二（更新）"));
    ASSERT_TRUE(back.waitFor(showsTitles({"一（更新）", "二（更新）"}), 2s));
    EXPECT_FALSE(back.waitForCount(3, 1s));
    EXPECT_EQ(back.at(1).update.revision(), next);
    back.stop();

    // Resuming at the current revision: `unchanged`, no playlist.
    Display current(displayChannel(env), next, false);
    ASSERT_TRUE(current.waitForCount(1, 5s));
    EXPECT_TRUE(current.at(0).update.unchanged());
    EXPECT_FALSE(current.at(0).update.has_playlist());
    EXPECT_EQ(current.at(0).update.revision(), next);

    // A display ahead of the server (a restored database): the snapshot, flagged as a reset.
    Display ahead(displayChannel(env), next + 100, false);
    ASSERT_TRUE(ahead.waitForCount(1, 5s));
    EXPECT_TRUE(ahead.at(0).update.snapshot_reset());
    EXPECT_EQ(ahead.at(0).update.revision(), next);
    EXPECT_EQ(titles(ahead.at(0).update.playlist()),
              (std::vector<std::string>{"一（更新）", "二（更新）"}));
}

// China Standard Time minute of the day and the instant of the next minute boundary at least
// `lead` away.
std::pair<int, std::chrono::system_clock::time_point> nextMinute(std::chrono::seconds lead) {
    using namespace std::chrono;
    const auto now = system_clock::now();
    auto boundary = time_point_cast<minutes>(now) + minutes(1);
    if (boundary - now < lead)
        boundary += minutes(1);
    const auto local = duration_cast<minutes>(boundary.time_since_epoch()).count() + 8 * 60;
    return {static_cast<int>(((local % 1440) + 1440) % 1440), boundary};
}

TEST_P(ContentWatch, ScheduledItemArrivesAndLeavesWithItsWindow) {
    BackofficeEnv env(GetParam());
    auto staff = ContentService::NewStub(staffChannel(env));
    upsertItem(*staff, notice("ALWAYS", "常驻"));
    // TimeWindow has minute resolution: a one-minute window opening at the next minute
    // boundary at least 3 s away.
    const auto [minute, boundary] = nextMinute(3s);
    auto timed = notice("TIMED", "限时通知");
    auto* window = timed.mutable_schedule()->add_daily_windows();
    window->set_start_minute(minute);
    window->set_end_minute(minute + 1);
    timed.mutable_schedule()->set_priority(5);  // plays first while on
    upsertItem(*staff, timed);
    upsertPlaylist(*staff, playlist("P1", {"ALWAYS", "TIMED"}));

    Display display(displayChannel(env));
    ASSERT_TRUE(display.waitFor(showsTitles({"常驻"}), 5s));
    // Time itself is moved rather than waited for: the back office's clock is set 2 s short
    // of an edge of the window; the real time at which its clock reaches the edge is returned.
    std::chrono::microseconds offset{0};
    const auto twoSecondsBefore = [&](std::chrono::system_clock::time_point edge) {
        using namespace std::chrono;
        const auto by = duration_cast<microseconds>(edge - 2s - (system_clock::now() + offset));
        if (by > microseconds(0)) {
            env.backoffice().advanceClock(by);
            offset += by;
        }
        return edge - offset;
    };
    const auto opens = twoSecondsBefore(boundary);
    const auto untilOpen = opens - std::chrono::system_clock::now();

    const auto on =
        display.waitFor(showsTitles({"限时通知", "常驻"}),
                        std::chrono::duration_cast<std::chrono::milliseconds>(untilOpen + 5s));
    ASSERT_TRUE(on) << "the item never came on";
    const auto onAt = std::chrono::system_clock::now() - (Clock::now() - display.at(*on).at);
    EXPECT_GT(onAt, opens - 500ms) << "on too early";
    EXPECT_LT(onAt, opens + 1s) << "on late";
    // Nothing but keepalives before the window opened.
    expectOnlyKeepalives(display, 1, *on);

    const auto closes = twoSecondsBefore(boundary + std::chrono::minutes(1));
    const auto off = display.waitFor(showsTitles({"常驻"}),
                                     std::chrono::duration_cast<std::chrono::milliseconds>(
                                         closes - std::chrono::system_clock::now() + 5s),
                                     *on + 1);
    ASSERT_TRUE(off) << "the item never went off";
    const auto offAt = std::chrono::system_clock::now() - (Clock::now() - display.at(*off).at);
    EXPECT_GT(offAt, closes - 500ms) << "off too early";
    EXPECT_LT(offAt, closes + 1s) << "off late";
    expectOnlyKeepalives(display, *on + 1, *off);
    expectOrdered(display.all());
    std::cout << "[ content ] window on after "
              << std::chrono::duration_cast<std::chrono::milliseconds>(onAt - opens).count()
              << " ms, off after "
              << std::chrono::duration_cast<std::chrono::milliseconds>(offAt - closes).count()
              << " ms" << std::endl;

    // A display that was away while the window opened and closed resumes with its old
    // revision and gets the schedule's current state.
    Display late(displayChannel(env, "T-371302-002-D"), display.at(0).update.revision(), false);
    ASSERT_TRUE(late.waitForCount(1, 5s));
    EXPECT_EQ(titles(late.at(0).update.playlist()), std::vector<std::string>{"常驻"});
    EXPECT_GT(late.at(0).update.revision(), display.at(0).update.revision());
}

TEST_P(ContentWatch, TargetingByRegionPrefixAndTerminalId) {
    BackofficeEnv env(GetParam());
    auto staff =
        ContentService::NewStub(staffChannel(env, "", "S-PROVINCE"));  // a province-wide operator
    upsertItem(*staff, notice("DISTRICT", "兰山区通知", {"371302"}));
    auto mine = notice("ONLY-D1", "只给一号屏", {"371302"});
    mine.mutable_targeting()->add_terminal_ids(kDisplayId);
    upsertItem(*staff, mine);
    upsertItem(*staff, notice("TOWNSHIP", "乡镇通知", {"371302101"}));
    ContentItem hotline;
    hotline.set_id("HOTLINE");
    hotline.set_kind(CONTENT_KIND_HOTLINE);
    upsertItem(*staff, hotline);  // everywhere
    upsertPlaylist(*staff,
                   playlist("P-CITY", {"DISTRICT", "ONLY-D1", "TOWNSHIP", "HOTLINE"}, {"3713"}));
    upsertItem(*staff, notice("JINAN", "历下区通知", {"370102"}));
    upsertPlaylist(*staff, playlist("P-JINAN", {"JINAN", "HOTLINE"}, {"370102"}));

    const std::string hotlineTitle = "12333 人力资源社会保障服务热线";
    Display d1(displayChannel(env));
    Display d2(displayChannel(env, "T-371302-002-D"));
    Display township(displayChannel(env, "T-371302101-01-D", "371302101"));
    Display jinan(displayChannel(env, "T-370102-001-D", "370102"));
    Display nowhere(displayChannel(env, "T-110101-001-D", "110101"));
    EXPECT_TRUE(d1.waitFor(showsTitles({"兰山区通知", "只给一号屏", hotlineTitle}), 5s));
    EXPECT_TRUE(d2.waitFor(showsTitles({"兰山区通知", hotlineTitle}), 5s));
    EXPECT_TRUE(township.waitFor(showsTitles({"兰山区通知", "乡镇通知", hotlineTitle}), 5s));
    EXPECT_TRUE(jinan.waitFor(showsTitles({"历下区通知", hotlineTitle}), 5s));
    EXPECT_EQ(jinan.at(0).update.playlist().id(), "P-JINAN");
    ASSERT_TRUE(nowhere.waitForCount(1, 5s));
    EXPECT_TRUE(nowhere.at(0).update.has_playlist());
    EXPECT_EQ(nowhere.at(0).update.playlist().entries_size(), 0);  // nothing here: the idle screen

    // A change for 兰山区 reaches its displays, not Jinan's.
    const std::size_t jinanBefore = jinan.count();
    upsertItem(*staff, notice("DISTRICT", "兰山区通知（改）", {"371302"}));
    EXPECT_TRUE(d2.waitFor(showsTitles({"兰山区通知（改）", hotlineTitle}), 2s));
    EXPECT_TRUE(d1.waitFor(showsTitles({"兰山区通知（改）", "只给一号屏", hotlineTitle}), 2s));
    EXPECT_FALSE(jinan.waitForCount(jinanBefore + 1, 1s))
        << "a display of another region got the change";

    // A playlist of its own for one terminal beats the district's.
    auto own = playlist("P-D2", {"DISTRICT"}, {"371302"});
    own.mutable_targeting()->add_terminal_ids("T-371302-002-D");
    upsertPlaylist(*staff, own);
    const auto d2Own = d2.waitFor(
        [](const ContentUpdate& u) { return u.has_playlist() && u.playlist().id() == "P-D2"; }, 2s);
    ASSERT_TRUE(d2Own);
    EXPECT_EQ(titles(d2.at(*d2Own).update.playlist()),
              std::vector<std::string>{"兰山区通知（改）"});
    for (const auto& got : d1.all())
        EXPECT_NE(got.update.playlist().id(), "P-D2");
}

// A terminal revoked while its display stream is open: the stream ends within two seconds
// (the hub looks for revoked keys every second), UNAUTHENTICATED; other terminals' streams go
// on, and the revoked one cannot come back.
TEST_P(ContentWatch, ARevokedTerminalsOpenStreamIsEnded) {
    BackofficeEnv env(GetParam());
    auto staff = ContentService::NewStub(staffChannel(env));
    upsertItem(*staff, notice("N1", "一"));
    upsertPlaylist(*staff, playlist("P1", {"N1"}));
    Display stolen(displayChannel(env), 0, false);
    Display other(displayChannel(env, "T-371302-002-D"), 0, false);
    ASSERT_TRUE(stolen.waitFor(showsTitles({"一"}), 5s));
    ASSERT_TRUE(other.waitFor(showsTitles({"一"}), 5s));

    RevokeTerminalRequest rv;
    rv.set_request_id(newRequestId());
    rv.set_terminal_id(kDisplayId);
    rv.set_reason("stolen from the hall");
    RevokeTerminalResponse rvr;
    ASSERT_TRUE(call(*env.staff().admin, &AdminService::Stub::RevokeTerminal, rv, &rvr).ok());
    const auto revokedAt = Clock::now();
    ASSERT_TRUE(stolen.waitForEnds(1, 5s)) << "the revoked terminal's stream runs on";
    const auto took = Clock::now() - revokedAt;
    std::cout << "[ revoked ] stream ended after "
              << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms"
              << std::endl;
    EXPECT_LT(took, 2500ms);
    EXPECT_EQ(stolen.ends().front().error_code(), grpc::StatusCode::UNAUTHENTICATED)
        << stolen.ends().front().error_message();
    EXPECT_TRUE(other.ends().empty()) << "another terminal's stream was ended";
    Display again(displayChannel(env), 0, false);
    ASSERT_TRUE(again.waitForEnds(1, 5s));
    EXPECT_EQ(again.ends().front().error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_P(ContentWatch, WhoMayWatch) {
    BackofficeEnv env(GetParam());
    auto staff = ContentService::NewStub(staffChannel(env));
    upsertItem(*staff, notice("N1", "一"));
    upsertPlaylist(*staff, playlist("P1", {"N1"}));

    auto refusal = [](Content& stub, std::int64_t resume) {
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + 10s);
        WatchContentRequest req;
        req.set_resume_after_revision(resume);
        auto reader = stub.WatchContent(&ctx, req);
        ContentUpdate u;
        int messages = 0;
        while (reader->Read(&u))
            ++messages;
        const auto status = reader->Finish();
        Outcome o;
        o.code = status.error_code();
        o.message = status.error_message();
        const auto& md = ctx.GetServerTrailingMetadata();
        if (auto it = md.find("renshe-refusal"); it != md.end())
            o.refusal.assign(it->second.data(), it->second.size());
        EXPECT_EQ(messages, 0);
        return o;
    };
    // Staff certificates: WRONG_ROLE.
    const Outcome byStaff = refusal(*staff, 0);
    EXPECT_EQ(byStaff.code, grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(byStaff.refusal, "REFUSAL_REASON_WRONG_ROLE");
    // A negative revision: MALFORMED_FIELD.
    auto display = ContentService::NewStub(displayChannel(env));
    const Outcome negative = refusal(*display, -1);
    EXPECT_EQ(negative.code, grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(negative.refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    // A touch terminal may watch (content.proto: for its idle screen), with its region's
    // targeting.
    Display touch(
        channelTo(env, env.backoffice(), env.pki().touchTerminal("T-371302-001", "371302")));
    EXPECT_TRUE(touch.waitFor(showsTitles({"一"}), 5s));
    // At most four streams per terminal: the fifth is refused, the others keep going.
    std::vector<std::unique_ptr<Display>> streams;
    for (int i = 0; i < 4; ++i) {
        streams.push_back(std::make_unique<Display>(displayChannel(env), 0, false));
        ASSERT_TRUE(streams.back()->waitFor(showsTitles({"一"}), 5s)) << i;
    }
    const Outcome fifth = refusal(*display, 0);
    EXPECT_EQ(fifth.code, grpc::StatusCode::RESOURCE_EXHAUSTED) << fifth.message;
    EXPECT_EQ(fifth.refusal, "REFUSAL_REASON_RATE_LIMITED");
    for (auto& d : streams)
        d->stop();
    // Once they have closed, the terminal may watch again (retrying until the server has seen
    // them go).
    Display again(displayChannel(env));
    EXPECT_TRUE(again.waitFor(showsTitles({"一"}), 5s)) << "closed streams still counted";
    // A certificate of another CA never gets an RPC (the handshake fails).
    renshe::testing::TestPki stranger("Stranger CA");
    auto foreign = ContentService::NewStub(renshe::services::client::makeChannel(stranger.endpoint(
        env.backoffice().target(), stranger.client({"T-X", Role::Display, "371302"}))));
    const Outcome byStranger = refusal(*foreign, 0);
    EXPECT_EQ(byStranger.code, grpc::StatusCode::UNAVAILABLE);
}

TEST_P(ContentWatch, RestartedBackOfficeTheDisplayResubscribesAndCatchesUp) {
    BackofficeEnv env(GetParam());
    auto staff = ContentService::NewStub(staffChannel(env));
    upsertItem(*staff, notice("N1", "一"));
    const std::int64_t before = upsertPlaylist(*staff, playlist("P1", {"N1"}));

    Display display(displayChannel(env));  // reconnects by itself
    ASSERT_TRUE(display.waitFor(showsTitles({"一"}), 5s));
    Display away(displayChannel(env, "T-371302-002-D"), 0, false);
    ASSERT_TRUE(away.waitFor(showsTitles({"一"}), 5s));
    away.stop();

    const std::size_t received = display.count();
    env.backoffice().restart();
    ASSERT_TRUE(display.waitForEnds(1, 30s));
    std::cout << "[ content ] stream ended with code " << display.ends()[0].error_code() << " ("
              << display.ends()[0].error_message() << ")" << std::endl;
    // Back on the same revision (kept in the database): `unchanged`, not a reset.
    const auto resumed = display.waitForCount(received + 1, 30s);
    ASSERT_TRUE(resumed);
    const auto r = display.at(*resumed);
    // The stream is ended by the server with UNAVAILABLE (not left to the grace period); a
    // reconnection that reaches the old process while it shuts down is refused or cancelled
    // and retried, so this may be the second connection or a later one.
    EXPECT_EQ(display.ends()[0].error_code(), grpc::StatusCode::UNAVAILABLE);
    EXPECT_GE(r.connection, 1);
    EXPECT_TRUE(r.update.unchanged());
    EXPECT_EQ(r.update.revision(), before);

    // The next change reaches the resubscribed display.
    upsertItem(*staff, notice("N2", "二"));
    const std::int64_t after = upsertPlaylist(*staff, playlist("P1", {"N1", "N2"}));
    const auto got = display.waitFor(showsTitles({"一", "二"}), 5s);
    ASSERT_TRUE(got);
    EXPECT_EQ(display.at(*got).update.revision(), after);
    expectOrdered(display.all());

    // The display that was away during all this catches up with its old revision.
    Display back(displayChannel(env, "T-371302-002-D"), before, false);
    ASSERT_TRUE(back.waitForCount(1, 5s));
    EXPECT_EQ(back.at(0).update.revision(), after);
    EXPECT_EQ(titles(back.at(0).update.playlist()), (std::vector<std::string>{"一", "二"}));
}

// A job highlight without job_ids shows the newest open postings of the display's region; a
// jobs import and a withdrawal re-render it on the stream, with no content edit at all.
TEST_P(ContentWatch, JobHighlightFollowsThePostings) {
    BackofficeEnv env(GetParam());
    auto staff = ContentService::NewStub(staffChannel(env));
    auto jobs = JobService::NewStub(staffChannel(env));
    const auto importCsv = [&](const std::string& csv) {
        ImportJobsRequest r;
        r.set_request_id(newRequestId());
        r.set_csv(csv);
        ImportJobsResponse resp;
        ASSERT_TRUE(call(*jobs, &JobService::Stub::ImportJobs, r, &resp).ok());
        ASSERT_EQ(resp.accepted(), 1);
    };
    importCsv(
        "id,title,employer,region,salary_min,salary_max,posted_at,expires_at\n"
        "H1,货车司机,顺达物流,371302101,6000,9000,2026-01-01,2099-01-31\n");
    ContentItem highlight;
    highlight.set_id("JOBS");
    highlight.set_kind(CONTENT_KIND_JOB_HIGHLIGHT);
    highlight.set_title("招聘信息");
    highlight.mutable_duration()->set_seconds(15);
    highlight.mutable_targeting()->add_region_prefixes("371302");
    upsertItem(*staff, highlight);
    upsertPlaylist(*staff, playlist("P1", {"JOBS"}));

    const auto bodyHas = [](const std::vector<std::string>& words, const std::string& absent = {}) {
        return [words, absent](const ContentUpdate& u) {
            if (!u.has_playlist() || u.playlist().entries_size() != 1)
                return false;
            const std::string& body = u.playlist().entries(0).item().body();
            for (const auto& w : words)
                if (body.find(w) == std::string::npos)
                    return false;
            return absent.empty() || body.find(absent) == std::string::npos;
        };
    };
    Display display(displayChannel(env));
    const auto first = display.waitFor(bodyHas({"货车司机", "顺达物流"}), 5s);
    ASSERT_TRUE(first);
    const ContentItem shown = display.at(*first).update.playlist().entries(0).item();
    EXPECT_EQ(shown.job_ids(0), "H1");
    ASSERT_EQ(shown.jobs_size(), 1);  // the posting itself, for a board layout
    EXPECT_EQ(shown.jobs(0).title(), "货车司机");
    EXPECT_EQ(shown.jobs(0).salary_min().fen(), 600000);

    importCsv(
        "id,title,employer,region,salary_min,salary_max,posted_at,expires_at\n"
        "H2,电焊工,兰山机械厂,371302102,7000,8000,2026-02-01,2099-01-31\n");
    const auto added = display.waitFor(bodyHas({"电焊工", "货车司机"}), 2s, *first + 1);
    ASSERT_TRUE(added) << "an imported posting never reached the highlight";

    ExpireJobRequest expire;
    expire.set_request_id(newRequestId());
    expire.set_id("H1");
    ExpireJobResponse expired;
    ASSERT_TRUE(call(*jobs, &JobService::Stub::ExpireJob, expire, &expired).ok());
    ASSERT_TRUE(display.waitFor(bodyHas({"电焊工"}, "货车司机"), 2s, *added + 1))
        << "a withdrawn posting stayed on the highlight";
}

INSTANTIATE_TEST_SUITE_P(Backends, ContentWatch,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

TEST(ContentScaleOut, ChangeThroughOneReplicaReachesADisplayWatchingTheOther) {
    BackofficeEnv env(StoreKind::Postgres);
    BackofficeProcess second(env.pki(), {"--database", env.database(), "--keystore",
                                         env.backoffice().keystorePath().string()});
    auto staffOnSecond =
        ContentService::NewStub(channelTo(env, second, env.pki().staff("S-0001", "371302")));
    upsertItem(*staffOnSecond, notice("N1", "一"));
    upsertPlaylist(*staffOnSecond, playlist("P1", {"N1"}));

    Display onFirst(displayChannel(env));
    ASSERT_TRUE(onFirst.waitFor(showsTitles({"一"}), 5s));
    std::vector<std::string> expected{"一"};
    std::vector<double> latencies;
    for (int i = 2; i <= 4; ++i) {
        const std::string id = "N" + std::to_string(i);
        upsertItem(*staffOnSecond, notice(id, "第" + std::to_string(i) + "条"));
        expected.push_back("第" + std::to_string(i) + "条");
        auto p = playlist("P1", {});
        for (int k = 1; k <= i; ++k)
            p.add_entries()->set_item_id("N" + std::to_string(k));
        const auto sent = Clock::now();
        const std::int64_t revision = upsertPlaylist(*staffOnSecond, p);
        const auto got = onFirst.waitFor(showsTitles(expected), 5s);
        ASSERT_TRUE(got);
        EXPECT_EQ(onFirst.at(*got).update.revision(), revision);
        EXPECT_LT(onFirst.at(*got).at - sent, 1s);
        latencies.push_back(
            std::chrono::duration<double, std::milli>(onFirst.at(*got).at - sent).count());
    }
    std::cout << "[ content ] replica-to-replica latency (ms):";
    for (double l : latencies)
        std::cout << " " << std::fixed << std::setprecision(1) << l;
    std::cout << std::endl;
    expectOrdered(onFirst.all());
}

// Many displays on one back office: streams are reactors, not threads, and displays of one
// region share one resolution, so a change reaches all of them at about the same time.
TEST(ContentMany, AChangeReachesManyDisplays) {
    const int kDisplays = std::getenv("RENSHE_CONTENT_DISPLAYS")
                              ? std::atoi(std::getenv("RENSHE_CONTENT_DISPLAYS"))
                              : 400;
    constexpr int kPerChannel = 50;
    // Fifty displays share each certificate here (fan-out, not identity, is measured), so
    // lift the per-terminal stream limit.
    BackofficeEnv env(StoreKind::Sqlite, {"--max-streams-per-terminal", "50"});
    auto staff = ContentService::NewStub(staffChannel(env));
    upsertItem(*staff, notice("N1", "一"));
    upsertPlaylist(*staff, playlist("P1", {"N1"}));
    std::vector<std::shared_ptr<grpc::Channel>> channels;
    std::vector<std::unique_ptr<Display>> displays;
    for (int i = 0; i < kDisplays; ++i) {
        if (i % kPerChannel == 0) {
            channels.push_back(
                displayChannel(env, "T-371302-" + std::to_string(100 + i / kPerChannel) + "-D"));
        }
        displays.push_back(std::make_unique<Display>(channels.back(), 0, false));
    }
    for (auto& d : displays)
        ASSERT_TRUE(d->waitFor(showsTitles({"一"}), 60s));
    upsertItem(*staff, notice("N2", "二"));
    const auto sent = Clock::now();
    const std::int64_t revision = upsertPlaylist(*staff, playlist("P1", {"N1", "N2"}));
    Clock::duration slowest{};
    for (auto& d : displays) {
        const auto got = d->waitFor(showsTitles({"一", "二"}), 10s);
        ASSERT_TRUE(got);
        EXPECT_EQ(d->at(*got).update.revision(), revision);
        slowest = std::max(slowest, d->at(*got).at - sent);
    }
    std::cout << "[ content ] " << kDisplays << " displays, the last got the change after "
              << std::chrono::duration_cast<std::chrono::milliseconds>(slowest).count() << " ms"
              << std::endl;
    EXPECT_LT(slowest, 2s);
    for (auto& d : displays)
        d->stop();
}

class ContentStaff : public ::testing::TestWithParam<StoreKind> {};

TEST_P(ContentStaff, ItemsAndPlaylistsWithTheirRefusals) {
    BackofficeEnv env(GetParam());
    auto staff = ContentService::NewStub(staffChannel(env));
    Outcome o;

    // Server-assigned id and defaults; a retry returns the first result.
    UpsertContentItemRequest create;
    create.set_request_id(newRequestId());
    create.mutable_item()->set_kind(CONTENT_KIND_HOTLINE);
    create.mutable_item()->mutable_targeting()->add_region_prefixes("371302");
    UpsertContentItemResponse first, retry;
    ASSERT_TRUE(call(*staff, &Content::UpsertContentItem, create, &first).ok());
    EXPECT_FALSE(first.item().id().empty());
    EXPECT_EQ(first.item().duration().seconds(), 10);
    EXPECT_EQ(first.item().revision(), first.revision());
    ASSERT_TRUE(call(*staff, &Content::UpsertContentItem, create, &retry).ok());
    EXPECT_EQ(retry.item().id(), first.item().id());
    EXPECT_EQ(retry.revision(), first.revision());
    create.mutable_item()->set_title("changed");
    EXPECT_EQ(call(*staff, &Content::UpsertContentItem, create, &retry).refusal,
              "REFUSAL_REASON_REQUEST_ID_REUSED");

    // Form refusals.
    auto refused = [&](const ContentItem& item) {
        upsertItem(*staff, item, &o);
        return o;
    };
    ContentItem bad = notice("B", "x");
    bad.set_kind(static_cast<ContentKind>(9));
    EXPECT_EQ(refused(bad).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    bad = notice("B", "x");
    bad.mutable_duration()->set_seconds(2);
    EXPECT_EQ(refused(bad).code, grpc::StatusCode::INVALID_ARGUMENT);
    bad = notice("B", "x");
    auto* w = bad.mutable_schedule()->add_daily_windows();
    w->set_start_minute(600);
    w->set_end_minute(540);
    EXPECT_EQ(refused(bad).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    bad = notice("B", "x", {"37A3"});
    EXPECT_EQ(refused(bad).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    // Outside the staff member's region (371302), or everywhere.
    EXPECT_EQ(refused(notice("B", "x", {"370102"})).refusal, "REFUSAL_REASON_OUTSIDE_REGION");
    EXPECT_EQ(refused(notice("B", "x", {})).refusal, "REFUSAL_REASON_OUTSIDE_REGION");
    // A guide that does not exist.
    ContentItem guide;
    guide.set_kind(CONTENT_KIND_GUIDE);
    guide.set_guide_id("G-NONE");
    guide.mutable_targeting()->add_region_prefixes("371302");
    EXPECT_EQ(refused(guide).code, grpc::StatusCode::NOT_FOUND);
    // Touch terminals do not manage content.
    auto touch =
        ContentService::NewStub(channelTo(env, env.backoffice(), env.pki().touchTerminal()));
    upsertItem(*touch, notice("T", "x"), &o);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_STAFF_ONLY");

    // Playlists: unknown item, another region's staff.
    upsertItem(*staff, notice("N1", "一"));
    upsertPlaylist(*staff, playlist("P1", {"N1", "NOPE"}), &o);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_NOT_FOUND");
    upsertPlaylist(*staff, playlist("P1", {"N1"}));
    auto jinanStaff = ContentService::NewStub(staffChannel(env, "370102", "S-0002"));
    upsertPlaylist(*jinanStaff, playlist("P1", {}, {"370102"}), &o);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION");  // P1 is 兰山区's

    GetPlaylistRequest get;
    get.set_id("P1");
    GetPlaylistResponse got;
    ASSERT_TRUE(call(*staff, &Content::GetPlaylist, get, &got).ok());
    EXPECT_EQ(got.playlist().entries(0).item().title(), "一");
    EXPECT_EQ(call(*jinanStaff, &Content::GetPlaylist, get, &got).refusal,
              "REFUSAL_REASON_OUTSIDE_REGION");
    get.set_id("P-NONE");
    EXPECT_EQ(call(*staff, &Content::GetPlaylist, get, &got).code, grpc::StatusCode::NOT_FOUND);

    // Listing with paging.
    for (int i = 2; i <= 5; ++i)
        upsertPlaylist(*staff, playlist("P" + std::to_string(i), {"N1"}));
    ListPlaylistsRequest list;
    list.mutable_page()->set_page_size(3);
    ListPlaylistsResponse page;
    ASSERT_TRUE(call(*staff, &Content::ListPlaylists, list, &page).ok());
    EXPECT_EQ(page.playlists_size(), 3);
    EXPECT_EQ(page.page().total_estimate(), 5);
    ASSERT_FALSE(page.page().next_page_token().empty());
    list.mutable_page()->set_page_token(page.page().next_page_token());
    ListPlaylistsResponse rest;
    ASSERT_TRUE(call(*staff, &Content::ListPlaylists, list, &rest).ok());
    EXPECT_EQ(rest.playlists_size(), 2);
    EXPECT_TRUE(rest.page().next_page_token().empty());
    ListPlaylistsResponse jinanList;
    ASSERT_TRUE(
        call(*jinanStaff, &Content::ListPlaylists, ListPlaylistsRequest(), &jinanList).ok());
    EXPECT_EQ(jinanList.playlists_size(), 0);
    list.Clear();
    list.set_region_prefix("3701");
    EXPECT_EQ(call(*staff, &Content::ListPlaylists, list, &page).refusal,
              "REFUSAL_REASON_OUTSIDE_REGION");
    list.set_region_prefix("37x");
    EXPECT_EQ(call(*staff, &Content::ListPlaylists, list, &page).refusal,
              "REFUSAL_REASON_MALFORMED_FIELD");

    // Deleting an item takes it out of every playlist.
    DeleteContentItemRequest del;
    del.set_request_id(newRequestId());
    del.set_id("N1");
    DeleteContentItemResponse delResp;
    ASSERT_TRUE(call(*staff, &Content::DeleteContentItem, del, &delResp).ok());
    get.set_id("P3");
    ASSERT_TRUE(call(*staff, &Content::GetPlaylist, get, &got).ok());
    EXPECT_EQ(got.playlist().entries_size(), 0);
    EXPECT_EQ(got.playlist().revision(), delResp.revision());
    del.set_request_id(newRequestId());
    EXPECT_EQ(call(*staff, &Content::DeleteContentItem, del, &delResp).code,
              grpc::StatusCode::NOT_FOUND);
}

// Notice images: stored once per content, fetched by any terminal, named by items only once
// stored, and refused when they are not what they claim.
TEST_P(ContentStaff, NoticeImagesInTheMediaStore) {
    BackofficeEnv env(GetParam());
    auto staff = ContentService::NewStub(staffChannel(env));
    const std::string png =
        std::string("\x89PNG\r\n\x1a\n", 8) + std::string(4000, '\x07') + "IEND";
    auto put = [&](const std::string& data, const std::string& type, PutMediaResponse* resp,
                   Content& who) {
        PutMediaRequest req;
        req.set_request_id(newRequestId());
        req.set_data(data);
        req.set_content_type(type);
        return call(who, &Content::PutMedia, req, resp);
    };
    PutMediaResponse stored, again;
    ASSERT_TRUE(put(png, "image/png", &stored, *staff).ok());
    unsigned char digest[SHA256_DIGEST_LENGTH];
    ::SHA256(reinterpret_cast<const unsigned char*>(png.data()), png.size(), digest);
    EXPECT_EQ(stored.sha256(), renshe::services::store::toHex(std::string_view(
                                   reinterpret_cast<const char*>(digest), sizeof digest)));
    EXPECT_EQ(stored.size(), static_cast<std::int64_t>(png.size()));
    EXPECT_FALSE(stored.already_stored());
    ASSERT_TRUE(put(png, "image/png", &again, *staff).ok());
    EXPECT_TRUE(again.already_stored());
    EXPECT_EQ(again.sha256(), stored.sha256());

    // Refusals: nothing, too big, not an image, a JPEG called a PNG; terminals do not upload.
    PutMediaResponse r;
    EXPECT_EQ(put("", "image/png", &r, *staff).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    EXPECT_EQ(put(png + std::string(3u << 20, 'x'), "image/png", &r, *staff).refusal,
              "REFUSAL_REASON_MALFORMED_FIELD");
    EXPECT_EQ(put("GIF89a......", "image/png", &r, *staff).refusal,
              "REFUSAL_REASON_MALFORMED_FIELD");
    EXPECT_EQ(put(std::string("\xff\xd8\xff\xe0", 4) + "JFIF", "image/png", &r, *staff).refusal,
              "REFUSAL_REASON_MALFORMED_FIELD");
    EXPECT_EQ(put(png, "image/gif", &r, *staff).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    auto display = ContentService::NewStub(displayChannel(env));
    EXPECT_EQ(put(png, "image/png", &r, *display).refusal, "REFUSAL_REASON_STAFF_ONLY");

    // A display fetches it; an unknown digest is NOT_FOUND, a malformed one INVALID_ARGUMENT.
    GetMediaRequest get;
    get.set_sha256(stored.sha256());
    GetMediaResponse media;
    ASSERT_TRUE(call(*display, &Content::GetMedia, get, &media).ok());
    EXPECT_EQ(media.data(), png);
    EXPECT_EQ(media.content_type(), "image/png");
    get.set_sha256(std::string(64, 'a'));
    EXPECT_EQ(call(*display, &Content::GetMedia, get, &media).code, grpc::StatusCode::NOT_FOUND);
    get.set_sha256("ABC");
    EXPECT_EQ(call(*display, &Content::GetMedia, get, &media).code,
              grpc::StatusCode::INVALID_ARGUMENT);

    // Items: a stored digest plays (and reaches the display); an unknown one is NOT_FOUND; an
    // image only on a notice; an address only beside a digest.
    Outcome o;
    ContentItem item = notice("IMG", "带图片的通知");
    item.set_media_sha256(std::string(64, 'b'));
    upsertItem(*staff, item, &o);
    EXPECT_EQ(o.code, grpc::StatusCode::NOT_FOUND);
    ContentItem hotline;
    hotline.set_kind(CONTENT_KIND_HOTLINE);
    hotline.set_media_sha256(stored.sha256());
    hotline.mutable_targeting()->add_region_prefixes("371302");
    upsertItem(*staff, hotline, &o);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    ContentItem addressOnly = notice("IMG", "x");
    addressOnly.set_media_uri("https://example.org/a.png");
    upsertItem(*staff, addressOnly, &o);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    item.set_media_sha256(stored.sha256());
    upsertItem(*staff, item);
    upsertPlaylist(*staff, playlist("P-IMG", {"IMG"}));
    Display watching(displayChannel(env));
    const auto at = watching.waitFor(showsTitles({"带图片的通知"}), 10s);
    ASSERT_TRUE(at.has_value());
    EXPECT_EQ(watching.at(*at).update.playlist().entries(0).item().media_sha256(), stored.sha256());
}

INSTANTIATE_TEST_SUITE_P(Backends, ContentStaff,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

// The schedule rules without a server.
std::int64_t chinaMicros(int y, int m, int d, int hh, int mm) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = hh;
    tm.tm_min = mm;
    return (static_cast<std::int64_t>(timegm(&tm)) - 8 * 3600) * 1'000'000;
}

TEST(ContentSchedule, WindowsWeekdaysAndDatesInChinaTime) {
    Schedule s;
    auto* w = s.add_daily_windows();
    w->set_start_minute(9 * 60);
    w->set_end_minute(11 * 60 + 30);
    // 2026-03-02 is a Monday.
    EXPECT_FALSE(model::scheduleActive(s, chinaMicros(2026, 3, 2, 8, 59)));
    EXPECT_TRUE(model::scheduleActive(s, chinaMicros(2026, 3, 2, 9, 0)));
    EXPECT_TRUE(model::scheduleActive(s, chinaMicros(2026, 3, 2, 11, 29)));
    EXPECT_FALSE(model::scheduleActive(s, chinaMicros(2026, 3, 2, 11, 30)));
    EXPECT_EQ(model::nextScheduleChange(s, chinaMicros(2026, 3, 2, 8, 0)),
              chinaMicros(2026, 3, 2, 9, 0));
    EXPECT_EQ(model::nextScheduleChange(s, chinaMicros(2026, 3, 2, 10, 0)),
              chinaMicros(2026, 3, 2, 11, 30));
    EXPECT_EQ(model::nextScheduleChange(s, chinaMicros(2026, 3, 2, 12, 0)),
              chinaMicros(2026, 3, 3, 9, 0));

    s.set_weekday_mask(1U << 5);  // Saturdays only
    EXPECT_FALSE(model::scheduleActive(s, chinaMicros(2026, 3, 2, 10, 0)));
    EXPECT_TRUE(model::scheduleActive(s, chinaMicros(2026, 3, 7, 10, 0)));
    EXPECT_EQ(model::nextScheduleChange(s, chinaMicros(2026, 3, 2, 10, 0)),
              chinaMicros(2026, 3, 7, 9, 0));

    // From a first day a month ahead; through a last day.
    Schedule d;
    d.mutable_first_day()->set_year(2026);
    d.mutable_first_day()->set_month(4);
    d.mutable_first_day()->set_day(1);
    d.mutable_last_day()->set_year(2026);
    d.mutable_last_day()->set_month(4);
    d.mutable_last_day()->set_day(3);
    *d.add_daily_windows() = *w;
    EXPECT_EQ(model::nextScheduleChange(d, chinaMicros(2026, 3, 2, 10, 0)),
              chinaMicros(2026, 4, 1, 9, 0));
    EXPECT_TRUE(model::scheduleActive(d, chinaMicros(2026, 4, 3, 9, 0)));
    EXPECT_FALSE(model::scheduleActive(d, chinaMicros(2026, 4, 4, 9, 0)));
    EXPECT_EQ(model::nextScheduleChange(d, chinaMicros(2026, 4, 3, 12, 0)), std::nullopt);
    // All day, every day: never changes.
    EXPECT_EQ(model::nextScheduleChange(Schedule(), chinaMicros(2026, 3, 2, 10, 0)), std::nullopt);
    // Midnight in China is 16:00 UTC the day before.
    Schedule night;
    auto* late = night.add_daily_windows();
    late->set_start_minute(23 * 60);
    late->set_end_minute(1440);
    auto* early = night.add_daily_windows();
    early->set_start_minute(0);
    early->set_end_minute(60);
    EXPECT_TRUE(model::scheduleActive(night, chinaMicros(2026, 3, 2, 23, 30)));
    EXPECT_TRUE(model::scheduleActive(night, chinaMicros(2026, 3, 3, 0, 30)));
    EXPECT_EQ(model::nextScheduleChange(night, chinaMicros(2026, 3, 2, 23, 30)),
              chinaMicros(2026, 3, 3, 1, 0));
}

TEST(ContentTargeting, PrefixesTerminalsAndScopes) {
    Targeting t;
    t.add_region_prefixes("3713");
    EXPECT_EQ(model::targetingFit(t, "T1", "371302101"), 4);
    EXPECT_EQ(model::targetingFit(t, "T1", "370102"), -1);
    t.add_terminal_ids("T1");
    EXPECT_GT(model::targetingFit(t, "T1", "371302"), 100);
    EXPECT_EQ(model::targetingFit(t, "T2", "371302"), -1);
    EXPECT_TRUE(model::targetingWithin(t, "37"));
    EXPECT_FALSE(model::targetingWithin(t, "371302"));
    EXPECT_TRUE(model::targetingOverlaps(t, "371302"));
    EXPECT_FALSE(model::targetingOverlaps(t, "370102"));
    EXPECT_FALSE(model::targetingWithin(Targeting(), "371302"));  // everywhere
}

}  // namespace
