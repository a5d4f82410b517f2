// The information display (`renshe-kiosk --role display`, offscreen) against the real back
// office over mutual TLS: a playlist change on screen within a second, a scheduled item only
// inside its window, the back office killed → the cached playlist keeps playing (also after
// the display itself restarts) → back office restarted → changes made meanwhile arrive; and
// screenshots at 1920×1080 and 3840×2160 in both orientations, kept in
// <build>/tests/e2e/screenshots/display/.
#include <gtest/gtest.h>

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QImage>
#include <QPainter>
#include <QTimeZone>
#include <filesystem>
#include <fstream>
#include <thread>

#include "renshe/v1/content.grpc.pb.h"
#include "renshe/v1/jobs.grpc.pb.h"
#include "services/client/content_cache.hpp"
#include "tests/fixtures/qt/kiosk_process.hpp"
#include "tests/service/backoffice_env.hpp"

using namespace std::chrono_literals;
using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::KioskProcess;
using renshe::testing::newRequestId;
using renshe::testing::text;
using Clock = std::chrono::steady_clock;

namespace {

const std::filesystem::path kShots = "screenshots/display";

class Staff {
public:
    explicit Staff(BackofficeEnv& env)
        : m_channel(renshe::services::client::makeChannel(env.pki().endpoint(
              env.backoffice().staffTarget(), env.pki().staff("S-0001", BackofficeEnv::kRegion)))),
          m_content(ContentService::NewStub(m_channel)) {}

    void jobs(const std::string& csv) {
        ImportJobsRequest r;
        r.set_request_id(newRequestId());
        r.set_csv(csv);
        ImportJobsResponse resp;
        const auto o =
            call(*JobService::NewStub(m_channel), &JobService::Stub::ImportJobs, r, &resp);
        ASSERT_TRUE(o.ok()) << o;
        ASSERT_EQ(resp.errors_size(), 0);
    }
    std::int64_t item(ContentItem item) {
        item.mutable_targeting()->add_region_prefixes(BackofficeEnv::kRegion);
        UpsertContentItemRequest r;
        r.set_request_id(newRequestId());
        *r.mutable_item() = item;
        UpsertContentItemResponse resp;
        const auto o = call(*m_content, &ContentService::Stub::UpsertContentItem, r, &resp);
        EXPECT_TRUE(o.ok()) << o;
        return resp.revision();
    }
    std::int64_t playlist(const std::vector<std::string>& items) {
        UpsertPlaylistRequest r;
        r.set_request_id(newRequestId());
        auto* p = r.mutable_playlist();
        p->set_id("HALL");
        p->set_name("大厅信息屏");
        p->mutable_targeting()->add_region_prefixes(BackofficeEnv::kRegion);
        for (const auto& i : items)
            p->add_entries()->set_item_id(i);
        UpsertPlaylistResponse resp;
        const auto o = call(*m_content, &ContentService::Stub::UpsertPlaylist, r, &resp);
        EXPECT_TRUE(o.ok()) << o;
        return resp.revision();
    }

private:
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<ContentService::Stub> m_content;
};

ContentItem item(const std::string& id, ContentKind kind, const std::string& title,
                 const std::string& body = {}, int seconds = 8) {
    ContentItem i;
    i.set_id(id);
    i.set_kind(kind);
    i.set_title(title);
    i.set_body(body);
    i.mutable_duration()->set_seconds(seconds);
    return i;
}

const char* kJobsCsv =
    "id,title,employer,region,salary_min,salary_max,address,posted_at,expires_at\n"
    "J1,货车司机,临沂顺达物流有限公司,371302101,6000,9000,兰山区义堂镇物流园,2026-11-10,2099-06-"
    "30\n"
    "J2,电焊工,兰山机械制造有限公司,371302102,7000,8500,兰山区李官镇工业园,2026-11-11,2099-06-30\n"
    "J3,保洁员,兰山物业服务有限公司,371302101,2500,3200,兰山区金雀山街道,2026-11-12,2099-06-30\n"
    "J4,养老护理员,兰山康泰养老服务中心,371302103,3800,5000,兰山区白沙埠镇,2026-11-13,2099-06-30\n"
    "J5,会计,鲁信商贸有限公司,371302101,4000,6000,兰山区银雀山街道,2026-11-14,2099-06-30\n";

std::vector<std::string> displayArgs(BackofficeEnv& env, const renshe::testing::CertFiles& terminal,
                                     const std::filesystem::path& state,
                                     std::vector<std::string> more = {}) {
    std::vector<std::string> a{"--role",
                               "display",
                               "--backoffice",
                               env.backoffice().target(),
                               "--ca",
                               env.pki().caCertificate().string(),
                               "--cert",
                               terminal.certificate.string(),
                               "--key",
                               terminal.privateKey.string(),
                               "--state-dir",
                               state.string(),
                               "--service-point",
                               "兰山区人社服务大厅"};
    a.insert(a.end(), more.begin(), more.end());
    return a;
}

int shown(KioskProcess& display) {
    return display.property("displayState", "shown").toInt();
}

// The minute of the day now in China time, for schedule windows.
int minuteNow() {
    const QTime t = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(8 * 3600)).time();
    return t.hour() * 60 + t.minute();
}

void shoot(KioskProcess& display, const std::string& name) {
    std::filesystem::create_directories(kShots);
    display.screenshot((kShots / name).string());
}

TEST(DisplayScreen, ChangesWithinASecondSchedulesAndTheCacheThroughOutages) {
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite);
    Staff staff(env);
    staff.jobs(kJobsCsv);
    staff.item(item("N1", CONTENT_KIND_NOTICE, "停水通知",
                    "11月25日9:00至17:00，兰山街道办事处大楼停水检修。"));
    auto jobs = item("JOBS", CONTENT_KIND_JOB_HIGHLIGHT, "本周招聘信息", {}, 15);
    staff.item(jobs);
    staff.item(item("HOT", CONTENT_KIND_HOTLINE, "", {}, 6));
    staff.playlist({"N1", "JOBS", "HOT"});

    renshe::testing::TempDir state("renshe-display-state");
    const auto terminal =
        env.pki().client({"T-371302101-D", renshe::services::pki::Role::Display, "371302101"});
    auto display = std::make_unique<KioskProcess>(displayArgs(
        env, terminal, state.path(), {"--time-scale", "10", "--geometry", "1920x1080"}));
    ASSERT_EQ(display->waitForProperty("displayState", "entryCount", 3, 10s), QJsonValue(3));
    EXPECT_EQ(display->property("displayState", "online"), QJsonValue(true));
    EXPECT_EQ(display->property("offlineNote", "visible"), QJsonValue(false));
    // It rotates (8 s, 15 s and 6 s played ten times faster) through all three kinds.
    for (const char* kind : {"jobs", "hotline", "notice"}) {
        EXPECT_EQ(display->waitForProperty("displayState", "currentKind", text(kind), 5s),
                  text(kind));
    }
    shoot(*display, "change-before.png");

    // A new notice: fully on screen (its transition over) within a second of the staff's answer.
    staff.item(item("N2", CONTENT_KIND_NOTICE, "招聘会通知",
                    "11月28日上午9点，兰山区人力资源市场举办专场招聘会。"));
    const auto sent = Clock::now();
    staff.playlist({"N1", "N2", "JOBS", "HOT"});
    ASSERT_EQ(display->waitForProperty("displayState", "currentTitle", text("招聘会通知"), 3s),
              text("招聘会通知"));
    const auto chosen = Clock::now() - sent;
    ASSERT_EQ(display->waitForProperty("displayState", "settledTitle", text("招聘会通知"), 3s),
              text("招聘会通知"));
    const auto latency = Clock::now() - sent;
    std::printf("[ display ] playlist change chosen after %.0f ms, fully on screen after %.0f ms\n",
                std::chrono::duration<double, std::milli>(chosen).count(),
                std::chrono::duration<double, std::milli>(latency).count());
    EXPECT_LT(latency, 1s);
    // Every transition so far (through all three kinds and to the new notice) faded one page
    // out before the next came in.
    EXPECT_GE(shown(*display), 5);
    EXPECT_EQ(display->property("displayState", "overlaps"), QJsonValue(0));
    shoot(*display, "change-after.png");

    // A scheduled item outside its window is not played; moved into it, it is, at once.
    auto scheduled = item("S1", CONTENT_KIND_NOTICE, "社保政策宣讲", "今天在二楼会议室");
    const int now = minuteNow();
    const int later = (now + 120) % 1380;  // a window that has not started (and is not wrapping)
    auto* w = scheduled.mutable_schedule()->add_daily_windows();
    w->set_start_minute(later);
    w->set_end_minute(later + 30);
    staff.item(scheduled);
    const auto revision = staff.playlist({"N1", "N2", "JOBS", "HOT", "S1"});
    EXPECT_EQ(
        display->waitForProperty("displayState", "revision", static_cast<double>(revision), 3s),
        QJsonValue(static_cast<double>(revision)));
    EXPECT_EQ(display->property("displayState", "entryCount"), QJsonValue(4));
    w->set_start_minute(std::max(0, now - 10));
    w->set_end_minute(std::min(1440, now + 30));
    staff.item(scheduled);
    EXPECT_EQ(display->waitForProperty("displayState", "currentTitle", text("社保政策宣讲"), 3s),
              text("社保政策宣讲"));
    EXPECT_EQ(display->property("displayState", "entryCount"), QJsonValue(5));

    // The back office dies: the screen says so, discreetly, and keeps playing.
    env.backoffice().kill9();
    EXPECT_EQ(display->waitForProperty("displayState", "online", false, 5s), QJsonValue(false));
    EXPECT_EQ(display->property("offlineNote", "visible"), QJsonValue(true));
    const int before = shown(*display);
    EXPECT_TRUE(renshe::testing::waitUntil([&] { return shown(*display) > before + 1; }, 10s))
        << "the cached playlist stopped playing";
    shoot(*display, "offline.png");

    // Even restarted without its back office, the display plays the playlist from disk.
    display.reset();
    display = std::make_unique<KioskProcess>(displayArgs(
        env, terminal, state.path(), {"--time-scale", "10", "--geometry", "1920x1080"}));
    EXPECT_EQ(display->property("displayState", "entryCount"), QJsonValue(5));
    EXPECT_NE(display->property("displayState", "currentKind"), text("idle"));
    EXPECT_EQ(display->property("displayState", "online"), QJsonValue(false));
    EXPECT_NE(display->property("displayState", "lastUpdated"), text(""));

    // Back office back; a change made meanwhile (while the display was away) arrives, and so
    // does the next one.
    env.backoffice().restart();
    staff.item(item("N3", CONTENT_KIND_NOTICE, "医保缴费提醒",
                    "2027年度城乡居民医保集中缴费期为即日起至12月31日。"));
    staff.playlist({"N1", "N2", "JOBS", "HOT", "S1", "N3"});
    EXPECT_EQ(display->waitForProperty("displayState", "online", true, 20s), QJsonValue(true));
    EXPECT_EQ(display->waitForProperty("displayState", "entryCount", 6, 5s), QJsonValue(6));
    EXPECT_EQ(display->waitForProperty("displayState", "currentTitle", text("医保缴费提醒"), 5s),
              text("医保缴费提醒"));
    EXPECT_EQ(display->property("offlineNote", "visible"), QJsonValue(false));
    staff.item(item("N1", CONTENT_KIND_NOTICE, "停水通知（已恢复供水）", "供水已恢复。"));
    EXPECT_EQ(display->waitForProperty("displayState", "currentTitle",
                                       text("停水通知（已恢复供水）"), 3s),
              text("停水通知（已恢复供水）"));
    // Changes coming in mid-transition (a playlist replaced, an entry edited) still never put
    // two pages on screen at once.
    EXPECT_EQ(display->property("displayState", "overlaps"), QJsonValue(0));
}

// A cache file cut short or overwritten (a power cut on a bad disk) is not trusted: the
// display starts on its idle card, then plays and re-caches what the back office sends.
TEST(DisplayScreen, AGarbledCacheIsSetAsideAndReplaced) {
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite);
    Staff staff(env);
    staff.item(item("N1", CONTENT_KIND_NOTICE, "停水通知", "明天停水。"));
    staff.playlist({"N1"});
    renshe::testing::TempDir state("renshe-display-state");
    const auto cache = state.path() / "display-content.pb";
    {
        std::ofstream garbage(cache, std::ios::binary);
        garbage << "\x0a\xff\xff\xff\xff\x0f not a content update";
    }
    const auto terminal =
        env.pki().client({"T-371302101-D", renshe::services::pki::Role::Display, "371302101"});
    KioskProcess display(displayArgs(env, terminal, state.path()));
    EXPECT_EQ(display.waitForProperty("displayState", "currentTitle", text("停水通知"), 10s),
              text("停水通知"));
    std::ifstream in(cache, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto cached = renshe::services::client::decodeContentCache(bytes);
    ASSERT_TRUE(cached.update) << cached.problem;
    EXPECT_EQ(cached.update->playlist().entries(0).item().title(), "停水通知");
}

// How many pixels of `shot` are (nearly) `colour`.
int pixelsOf(const QImage& shot, QColor colour) {
    int n = 0;
    for (int y = 0; y < shot.height(); y += 2) {
        for (int x = 0; x < shot.width(); x += 2) {
            const QColor c = shot.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) < 12 &&
                std::abs(c.green() - colour.green()) < 12 &&
                std::abs(c.blue() - colour.blue()) < 12) {
                ++n;
            }
        }
    }
    return n;
}

// A notice with an image: the display fetches it once from the media store, checks its
// digest, keeps it beside the cached playlist (so it plays offline and after a restart, in
// either orientation), and drops it from disk when no entry names it any more.
TEST(DisplayScreen, NoticeImagesAreCachedWithThePlaylistAndPlayOffline) {
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite);
    auto channel = renshe::services::client::makeChannel(env.pki().endpoint(
        env.backoffice().staffTarget(), env.pki().staff("S-0001", BackofficeEnv::kRegion)));
    auto content = ContentService::NewStub(channel);
    // A poster: a deep orange field with a white band, as staff would upload a PNG.
    const QColor poster(0xd4, 0x38, 0x0d);
    QImage image(800, 600, QImage::Format_RGB32);
    image.fill(poster);
    {
        QPainter p(&image);
        p.fillRect(0, 250, 800, 100, Qt::white);
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(image.save(&buffer, "PNG"));
    PutMediaRequest put;
    put.set_request_id(newRequestId());
    put.set_content_type("image/png");
    put.set_data(png.toStdString());
    PutMediaResponse stored;
    ASSERT_TRUE(call(*content, &ContentService::Stub::PutMedia, put, &stored).ok());
    ASSERT_EQ(stored.sha256(),
              QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex().toStdString());

    Staff staff(env);
    auto notice = item("IMG", CONTENT_KIND_NOTICE, "冬季供暖通知",
                       "兰山区集中供暖自11月15日起，请注意用火安全。", 600);
    notice.set_media_sha256(stored.sha256());
    staff.item(notice);
    staff.playlist({"IMG"});

    renshe::testing::TempDir state("renshe-display-state");
    const auto cached = state.path() / "media" / stored.sha256();
    const auto terminal =
        env.pki().client({"T-371302101-D", renshe::services::pki::Role::Display, "371302101"});
    auto display = std::make_unique<KioskProcess>(
        displayArgs(env, terminal, state.path(), {"--geometry", "1920x1080"}));
    ASSERT_EQ(display->waitForProperty("displayState", "currentTitle", text("冬季供暖通知"), 10s),
              text("冬季供暖通知"));
    EXPECT_EQ(display->waitForProperty("noticeImage", "status", text("Ready"), 5s), text("Ready"));
    // Beside the text on a landscape screen: in the right part, leaving the left to the body.
    EXPECT_GT(display->property("noticeImageArea", "x").toDouble(), 1920 * 0.45);
    EXPECT_TRUE(std::filesystem::exists(cached));
    {
        std::ifstream in(cached, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
        EXPECT_EQ(bytes, png.toStdString());
    }
    EXPECT_EQ(display->waitForProperty("displayState", "settledTitle", text("冬季供暖通知"), 5s),
              text("冬季供暖通知"));  // the transition done
    shoot(*display, "notice-image-1920x1080.png");
    // The poster is on screen: on a landscape screen it takes the right part, about 42 % of
    // the width at 4:3, so a good share of the frame is its colour.
    const QImage landscape(
        QString::fromStdString((kShots / "notice-image-1920x1080.png").string()));
    EXPECT_GT(pixelsOf(landscape, poster), 1920 * 1080 / 4 / 10) << "the image is not on screen";

    // No back office, display restarted in portrait: the poster still plays, from disk.
    env.backoffice().kill9();
    display.reset();
    display = std::make_unique<KioskProcess>(
        displayArgs(env, terminal, state.path(), {"--geometry", "1080x1920"}));
    EXPECT_EQ(display->property("displayState", "currentTitle"), text("冬季供暖通知"));
    EXPECT_EQ(display->property("displayState", "online"), QJsonValue(false));
    EXPECT_EQ(display->waitForProperty("noticeImage", "status", text("Ready"), 5s), text("Ready"));
    EXPECT_EQ(display->waitForProperty("displayState", "settledTitle", text("冬季供暖通知"), 5s),
              text("冬季供暖通知"));
    shoot(*display, "notice-image-1080x1920.png");
    const QImage portrait(QString::fromStdString((kShots / "notice-image-1080x1920.png").string()));
    EXPECT_GT(pixelsOf(portrait, poster), 1080 * 1920 / 4 / 10)
        << "the cached image is not on screen";

    // Back office back, the notice replaced by one without an image: the file goes.
    env.backoffice().restart();
    EXPECT_EQ(display->waitForProperty("displayState", "online", true, 20s), QJsonValue(true));
    Staff again(env);  // a fresh channel: the old one saw its server die
    again.item(item("N2", CONTENT_KIND_NOTICE, "医保缴费提醒", "即日起至12月31日。", 600));
    again.playlist({"N2"});
    EXPECT_EQ(display->waitForProperty("displayState", "currentTitle", text("医保缴费提醒"), 20s),
              text("医保缴费提醒"));
    EXPECT_EQ(display->property("displayState", "currentImage"), text(""));
    renshe::testing::waitUntil([&] { return !std::filesystem::exists(cached); }, 5s);
    EXPECT_FALSE(std::filesystem::exists(cached));
}

// One entry at a time on each screen size the facility standard names, landscape and portrait.
TEST(DisplayScreen, LegibleAtFullHdAndUltraHdInBothOrientations) {
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite);
    Staff staff(env);
    staff.jobs(kJobsCsv);
    staff.item(item("JOBS", CONTENT_KIND_JOB_HIGHLIGHT, "本周招聘信息", {}, 600));
    staff.item(item("N1", CONTENT_KIND_NOTICE, "关于开展2027年度养老保险待遇资格认证的通知",
                    "请享受养老保险待遇的人员于每年生日前后到就近的人社服务站，或在自助终端上按指纹"
                    "完成资格认证。"
                    "行动不便的老人可拨打12333预约上门认证。",
                    600));
    const auto terminal =
        env.pki().client({"T-371302101-D", renshe::services::pki::Role::Display, "371302101"});
    for (const auto& [w, h] :
         std::vector<std::pair<int, int>>{{1920, 1080}, {1080, 1920}, {3840, 2160}, {2160, 3840}}) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        for (const char* id : {"JOBS", "N1"}) {
            staff.playlist({id});
            renshe::testing::TempDir state("renshe-display-state");
            KioskProcess display(displayArgs(env, terminal, state.path(), {"--geometry", size}));
            ASSERT_EQ(display.waitForProperty("displayState", "entryCount", 1, 10s), QJsonValue(1));
            const char* kind = std::string(id) == "JOBS" ? "jobs" : "notice";
            ASSERT_EQ(display.waitForProperty("displayState", "currentKind", text(kind), 5s),
                      text(kind));
            // The transition done (the QR codes are drawn synchronously by the image provider).
            const QJsonValue title = display.property("displayState", "currentTitle");
            ASSERT_EQ(display.waitForProperty("displayState", "settledTitle", title, 5s), title);
            const std::string name = std::string(kind) + "-" + size + ".png";
            shoot(display, name);
            QImage image(QString::fromStdString((kShots / name).string()));
            ASSERT_FALSE(image.isNull()) << name;
            EXPECT_EQ(image.width(), w) << name;
            EXPECT_EQ(image.height(), h) << name;
        }
    }
}

}  // namespace
