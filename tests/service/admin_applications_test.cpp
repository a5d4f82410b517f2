// renshe-admin's applications, slots, calendar, ratings and help commands run as a process by
// staff S-0001 (region 371302) against the real back office on SQLite and PostgreSQL:
// applications made at a touch terminal are listed masked, claimed, sent back for more
// information (without a reason: a usage error and nothing changed), noted and shown with their
// history; slots set and listed free; the province's calendar from a CSV file; the month's
// 好差评 after a poor rating; a terminal's call for help listed and answered.
#include <cstdio>
#include <fstream>

#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/admin_cli_runner.hpp"
#include "tests/service/applications_fixture.hpp"

namespace {

using namespace renshe::v1;
using namespace renshe::testing;
using namespace renshe::testing::applications;

class AdminApplications : public ApplicationsFixture {
protected:
    TempDir dir{"renshe-admin-applications"};

    CliRun admin(std::vector<std::string> args,
                 const std::string& region = BackofficeEnv::kRegion) {
        return runAdmin(env.backoffice().staffTarget(), env.pki(), dir.path(), std::move(args),
                        region);
    }
};

bool has(const CliRun& run, const std::string& text) {
    return run.output.find(text) != std::string::npos;
}

// 20261207 → "2026-12-07"
std::string isoDate(int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
    return buf;
}

TEST_P(AdminApplications, StaffWorkAnApplicationFromTheQueueToItsHistory) {
    SubmitApplicationResponse submitted;
    ASSERT_TRUE(submit(touch, unemployment(withTheCard()), &submitted).ok());
    const std::string number = submitted.application().number();

    const auto listed = admin({"applications", "list"});
    ASSERT_EQ(listed.code, 0) << listed.output;
    EXPECT_TRUE(has(listed, number)) << listed.output;
    EXPECT_TRUE(has(listed, "失业登记 unemployment")) << listed.output;
    EXPECT_TRUE(has(listed, "370***********0017")) << listed.output;
    EXPECT_TRUE(has(listed, "1 application, 0 overdue")) << listed.output;
    const auto filtered = admin({"applications", "list", "--kind", "job", "--kind", "appointment",
                                 "--due-by", "2099-12-31", "--unclaimed"});
    ASSERT_EQ(filtered.code, 0) << filtered.output;
    EXPECT_FALSE(has(filtered, number)) << filtered.output;
    for (const std::vector<std::string>& bad : {std::vector<std::string>{"--state", "open"},
                                                {"--kind", "pension"},
                                                {"--due-by", "2026-02-30"},
                                                {"--region", "lanshan"}}) {
        std::vector<std::string> args{"applications", "list"};
        args.insert(args.end(), bad.begin(), bad.end());
        const auto run = admin(args);
        EXPECT_EQ(run.code, 2) << bad[0] << ": " << run.output;
        EXPECT_TRUE(has(run, bad[1])) << run.output;
    }

    const auto claimed = admin({"applications", "claim", number});
    ASSERT_EQ(claimed.code, 0) << claimed.output;
    EXPECT_EQ(details(number).claimed_by(), "S-0001");

    // Without a reason: a usage error before any call, and the application is as it was.
    const auto before = details(number);
    const auto noReason = admin({"applications", "decide", number, "--request-information"});
    EXPECT_EQ(noReason.code, 2) << noReason.output;
    EXPECT_TRUE(has(noReason, "--reason")) << noReason.output;
    EXPECT_EQ(admin({"applications", "decide", number, "--accept", "--complete"}).code, 2);
    EXPECT_EQ(admin({"applications", "decide", "12345", "--accept"}).code, 2);
    const auto after = details(number);
    EXPECT_EQ(after.state(), APPLICATION_STATE_SUBMITTED);
    EXPECT_EQ(after.history_size(), before.history_size());

    const auto asked = admin(
        {"applications", "decide", number, "--request-information", "--reason", "请携带离职证明"});
    ASSERT_EQ(asked.code, 0) << asked.output;
    EXPECT_EQ(details(number).state(), APPLICATION_STATE_MORE_INFORMATION_NEEDED);
    // A transition the state machine has not: the back office refuses it (exit 1).
    const auto completed = admin({"applications", "decide", number, "--complete"});
    EXPECT_EQ(completed.code, 1) << completed.output;
    EXPECT_TRUE(has(completed, "REFUSAL_REASON_WRONG_APPLICATION_STATE")) << completed.output;
    ASSERT_EQ(admin({"applications", "note", number, "--text", "已电话通知本人"}).code, 0);

    const auto shown = admin({"applications", "show", number});
    ASSERT_EQ(shown.code, 0) << shown.output;
    for (const char* text : {"兰山机械厂", "电焊工", "劳动合同期满", "4050", "138****5678",
                             "more-information (需补充材料)", "请携带离职证明", "已电话通知本人",
                             "T-371302-001", "claimed", "more_information", " CST"})
        EXPECT_TRUE(has(shown, text)) << text << "\n" << shown.output;
    EXPECT_EQ(details(number).history_size(), 4);  // submitted, claimed, more_information, note
    for (const auto* run : {&listed, &shown}) {
        EXPECT_FALSE(has(*run, card.ssn)) << run->output;
        EXPECT_FALSE(has(*run, "13812345678")) << run->output;
    }
}

TEST_P(AdminApplications, SlotsCalendarRatingsAndHelpRequests) {
    const std::string point = servicePoint();
    const std::string from = isoDate(plusDays(chinaToday(), 2));
    const std::string to = isoDate(plusDays(chinaToday(), 3));
    const std::vector<std::string> slots{
        "slots", "set", "--service-point",           point, "--service", "card", "--from", from,
        "--to",  to,    "--include-non-working-days"};
    auto args = slots;
    args.insert(args.end(), {"--capacity", "3"});
    const auto set = admin(args);
    ASSERT_EQ(set.code, 0) << set.output;
    EXPECT_TRUE(has(set, "4 slot(s) set")) << set.output;
    args = slots;
    args.insert(args.end(), {"--half-day", "pm", "--capacity", "1"});
    EXPECT_TRUE(has(admin(args), "2 slot(s) set"));
    args.back() = "one";
    EXPECT_EQ(admin(args).code, 2);
    const auto free = admin({"slots", "free", "--service-point", point, "--service", "card",
                             "--from", from, "--days", "2"});
    ASSERT_EQ(free.code, 0) << free.output;
    EXPECT_TRUE(has(free, "am (上午)  3 free of 3")) << free.output;
    EXPECT_TRUE(has(free, "pm (下午)  1 free of 1")) << free.output;
    EXPECT_TRUE(has(free, "4 half day(s) with a free place")) << free.output;

    // The calendar is the province's: a township clerk is refused, province staff set it.
    const std::string year = std::to_string(chinaToday() / 10000 + 1);
    std::ofstream(dir / "calendar.csv") << "date,kind,name\n"
                                        << year << "-10-01,holiday,国庆节\r\n"
                                        << year << "-09-27,workday,国庆调休\n";
    std::ofstream(dir / "bad.csv") << year << "-10-01,holiday,国庆节\n" << year << "-02-30,休,\n";
    const std::vector<std::string> setCalendar{
        "calendar", "set", "--year", year, "--file", (dir / "calendar.csv").string()};
    const auto clerk = admin(setCalendar);
    EXPECT_EQ(clerk.code, 1) << clerk.output;
    EXPECT_TRUE(has(clerk, "REFUSAL_REASON_OUTSIDE_REGION")) << clerk.output;
    const auto province = admin(setCalendar, BackofficeEnv::kProvince);
    ASSERT_EQ(province.code, 0) << province.output;
    EXPECT_TRUE(has(province, "2 declared day(s) set")) << province.output;
    const auto badFile =
        admin({"calendar", "set", "--year", year, "--file", (dir / "bad.csv").string()},
              BackofficeEnv::kProvince);
    EXPECT_EQ(badFile.code, 1) << badFile.output;
    EXPECT_TRUE(has(badFile, "bad.csv:2:")) << badFile.output;
    const auto calendar = admin({"calendar", "show", "--year", year});
    ASSERT_EQ(calendar.code, 0) << calendar.output;
    EXPECT_TRUE(has(calendar, year + "-10-01 ")) << calendar.output;
    EXPECT_TRUE(has(calendar, "holiday (休)  国庆节")) << calendar.output;
    EXPECT_TRUE(has(calendar, "workday (班)  国庆调休")) << calendar.output;

    // 好差评: a poor rating and a good one at the terminal, read in the month's report.
    for (auto level : {RATING_LEVEL_VERY_DISSATISFIED, RATING_LEVEL_SATISFIED}) {
        SubmitRatingRequest r;
        r.set_request_id(newRequestId());
        r.set_service(RATED_SERVICE_CARD);
        r.set_level(level);
        if (level == RATING_LEVEL_VERY_DISSATISFIED)
            r.add_reasons(POOR_RATING_REASON_TOO_SLOW);
        SubmitRatingResponse resp;
        ASSERT_TRUE(call(*touch.feedback, &Feedback::SubmitRating, r, &resp).ok());
    }
    const auto report = admin({"ratings", "report", "--month", isoDate(chinaToday()).substr(0, 7)});
    ASSERT_EQ(report.code, 0) << report.output;
    EXPECT_TRUE(has(report, "社保卡 (card)")) << report.output;
    EXPECT_TRUE(has(report, "50.0%")) << report.output;
    EXPECT_TRUE(has(report, "2 rating(s) in 1 row(s)")) << report.output;
    EXPECT_EQ(admin({"ratings", "report", "--month", "2026-13"}).code, 2);
    EXPECT_TRUE(has(admin({"applications", "list", "--kind", "follow-up"}), "差评回访"));

    // 请工作人员帮助: listed open, answered, then listed only with --all.
    RaiseHelpRequestRequest raise;
    raise.set_request_id(newRequestId());
    raise.set_screen("LossReport/Error");
    RaiseHelpRequestResponse raised;
    ASSERT_TRUE(call(*touch.feedback, &Feedback::RaiseHelpRequest, raise, &raised).ok());
    const std::string id = raised.help_request().id();
    const auto open = admin({"help", "list"});
    ASSERT_EQ(open.code, 0) << open.output;
    EXPECT_TRUE(has(open, id) && has(open, "LossReport/Error") && has(open, "T-371302-001") &&
                has(open, "OPEN"))
        << open.output;
    const auto answered = admin({"help", "answer", id});
    ASSERT_EQ(answered.code, 0) << answered.output;
    EXPECT_TRUE(has(answered, "by S-0001")) << answered.output;
    EXPECT_FALSE(has(admin({"help", "list"}), id));
    EXPECT_TRUE(has(admin({"help", "list", "--all"}), id));
}

INSTANTIATE_TEST_SUITE_P(Backends, AdminApplications,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
