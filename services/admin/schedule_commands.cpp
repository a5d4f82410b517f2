// renshe-admin slots …, calendar …, ratings report and help …: appointment places, the
// province's holiday calendar, the month's 好差评 and the terminals' calls for staff.
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <utility>

#include "renshe/v1/applications.grpc.pb.h"
#include "services/admin/application_commands.hpp"

namespace renshe::services::admin::appcli {

using namespace renshe::v1;
using cli::Args;
using cli::report;
using cli::withRetries;

std::string scheduleUsage() {
    return "  slots set --service-point ID --service card|pension|employment|medical|other\n"
           "            --from YYYY-MM-DD --to YYYY-MM-DD [--half-day am|pm] --capacity N\n"
           "            [--include-non-working-days]\n"
           "             appointment places (预约) per half day, 0..500 (0 closes the slot to new\n"
           "             bookings); on the calendar's working days unless told; at most 92 "
           "days at once\n"
           "  slots free --service-point ID --service SERVICE [--from YYYY-MM-DD] [--days N]\n"
           "             the half days with a free place (default: 14 days from today, N up to "
           "31)\n"
           "  calendar set --year YYYY --file FILE.csv\n"
           "             province staff: the year's holidays (休) and worked weekend days (班, "
           "调休),\n"
           "             lines YYYY-MM-DD,holiday|workday,name (header optional); replaces the "
           "year's days\n"
           "  calendar show --year YYYY\n"
           "  ratings report --month YYYY-MM [--region PREFIX]\n"
           "             好差评 per service point and service: ratings by level, total, 满意率, "
           "open\n"
           "             follow-ups (差评回访)\n"
           "  help list [--region PREFIX] [--all]\n"
           "             terminals calling for staff (请工作人员帮助), oldest first; --all: "
           "answered ones too\n"
           "  help answer ID\n"
           "             the call is answered (the terminal may call again)\n";
}

namespace {

struct ServiceName {
    const char* key;
    AppointmentService service;
};
constexpr ServiceName kServices[] = {
    {"card", APPOINTMENT_SERVICE_CARD},
    {"pension", APPOINTMENT_SERVICE_PENSION},
    {"employment", APPOINTMENT_SERVICE_EMPLOYMENT},
    {"medical", APPOINTMENT_SERVICE_MEDICAL},
    {"other", APPOINTMENT_SERVICE_OTHER},
};

constexpr int kMaxCapacity = 500;
constexpr int kMaxSlotDays = 92;
constexpr int kMaxFreeDays = 31;
constexpr int kHelpLimit = 200;

std::optional<AppointmentService> serviceNamed(const std::string& key) {
    for (const auto& s : kServices)
        if (key == s.key)
            return s.service;
    return std::nullopt;
}

std::string halfDayShort(HalfDay half) {
    return half == HALF_DAY_MORNING ? "am (上午)" : "pm (下午)";
}

std::chrono::sys_days daysOf(const Date& d) {
    return std::chrono::sys_days(std::chrono::year_month_day(
        std::chrono::year(d.year()), std::chrono::month(static_cast<unsigned>(d.month())),
        std::chrono::day(static_cast<unsigned>(d.day()))));
}

// "2026-10-01 Thu"
std::string dayText(const Date& d) {
    static const char* const names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    return dateText(d) + " " + names[std::chrono::weekday(daysOf(d)).c_encoding()];
}

int setSlots(Args& args, const cli::Connection& connection, const std::string& what) {
    const auto point = args.take("--service-point");
    const auto service = args.take("--service");
    const auto from = args.take("--from");
    const auto to = args.take("--to");
    const auto half = args.take("--half-day");
    const auto capacity = args.take("--capacity");
    const bool everyDay = args.flag("--include-non-working-days");
    if (!point || !service || !from || !to || !capacity)
        return usageError(what +
                          " needs --service-point ID, --service SERVICE, --from YYYY-MM-DD, --to "
                          "YYYY-MM-DD and --capacity N");
    SetSlotCapacityRequest req;
    const auto parsedService = serviceNamed(*service);
    if (!parsedService)
        return usageError("unknown --service \"" + *service +
                          "\": card|pension|employment|medical|other");
    const auto first = parseDate(*from);
    const auto last = parseDate(*to);
    if (!first || !last)
        return usageError("--from and --to want dates YYYY-MM-DD");
    if (daysOf(*last) < daysOf(*first))
        return usageError("--to is before --from");
    if (daysOf(*last) - daysOf(*first) > std::chrono::days(kMaxSlotDays))
        return usageError("--from..--to spans more than 92 days");
    if (half && *half != "am" && *half != "pm")
        return usageError("--half-day wants am or pm (leave it out for both)");
    const auto places = parseCount(*capacity, 0, kMaxCapacity);
    if (!places)
        return usageError("--capacity wants a number of places 0..500, not \"" + *capacity + "\"");
    if (const int rc = leftover(args, 2, what); rc != 0)
        return rc;
    if (!connection.check(what))
        return 2;
    req.set_request_id(client::newRequestId());
    req.set_service_point_id(*point);
    req.set_service(*parsedService);
    *req.mutable_from() = *first;
    *req.mutable_to() = *last;
    if (half)
        req.add_half_days(*half == "am" ? HALF_DAY_MORNING : HALF_DAY_AFTERNOON);
    req.set_capacity(*places);
    req.set_include_non_working_days(everyDay);
    SetSlotCapacityResponse resp;
    auto stub = ApplicationService::NewStub(connection.channel());
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->SetSlotCapacity(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    std::cout << resp.slots_set() << " slot(s) set at " << *point << ": " << *service << ", "
              << *from << " to " << *to << ", " << (half ? *half : "am and pm") << ", " << *places
              << " place(s) each\n";
    return 0;
}

int freeSlots(Args& args, const cli::Connection& connection, const std::string& what) {
    const auto point = args.take("--service-point");
    const auto service = args.take("--service");
    const auto from = args.take("--from");
    const auto days = args.take("--days");
    if (!point || !service)
        return usageError(what + " needs --service-point ID and --service SERVICE");
    ListFreeSlotsRequest req;
    const auto parsedService = serviceNamed(*service);
    if (!parsedService)
        return usageError("unknown --service \"" + *service +
                          "\": card|pension|employment|medical|other");
    if (from) {
        const auto first = parseDate(*from);
        if (!first)
            return usageError("--from wants a date YYYY-MM-DD, not \"" + *from + "\"");
        *req.mutable_from() = *first;
    }
    if (days) {
        const auto n = parseCount(*days, 1, kMaxFreeDays);
        if (!n)
            return usageError("--days wants a number 1..31, not \"" + *days + "\"");
        req.set_days(*n);
    }
    if (const int rc = leftover(args, 2, what); rc != 0)
        return rc;
    if (!connection.check(what))
        return 2;
    req.set_service_point_id(*point);
    req.set_service(*parsedService);
    ListFreeSlotsResponse resp;
    auto stub = ApplicationService::NewStub(connection.channel());
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->ListFreeSlots(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    for (const auto& s : resp.slots())
        std::cout << dayText(s.day()) << "  " << halfDayShort(s.half_day()) << "  "
                  << s.capacity() - s.booked() << " free of " << s.capacity() << "\n";
    std::cout << resp.slots_size() << " half day(s) with a free place at " << *point << " ("
              << appointmentServiceText(*parsedService) << ")\n";
    return 0;
}

// The calendar file's days; prints FILE:LINE: reason for each bad line and returns nothing
// then.
std::optional<std::vector<CalendarDay>> readCalendar(const std::string& file, int year) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "renshe-admin: cannot read " << file << "\n";
        return std::nullopt;
    }
    std::vector<CalendarDay> days;
    std::set<std::string> seen;
    std::string line;
    int bad = 0;
    bool maybeHeader = true;  // the first line that is not blank may be a header
    for (int n = 1; std::getline(in, line); ++n) {
        if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        const auto comma = line.find(',');
        const auto second = comma == std::string::npos ? comma : line.find(',', comma + 1);
        const std::string dayField = line.substr(0, comma);
        const auto day = parseDate(dayField);
        // A header: a first line that does not start with a digit.
        if (std::exchange(maybeHeader, false) &&
            (dayField.empty() || dayField[0] < '0' || dayField[0] > '9'))
            continue;
        const std::string kind =
            comma == std::string::npos
                ? ""
                : line.substr(comma + 1,
                              second == std::string::npos ? std::string::npos : second - comma - 1);
        std::string why;
        if (!day)
            why = "\"" + dayField + "\" is not a date YYYY-MM-DD";
        else if (day->year() != year)
            why = dayField + " is not in " + std::to_string(year);
        else if (kind != "holiday" && kind != "workday" && kind != "休" && kind != "班")
            why = "the kind is not holiday or workday";
        else if (!seen.insert(dayField).second)
            why = dayField + " is named twice";
        if (!why.empty()) {
            std::cerr << file << ":" << n << ": " << why << "\n";
            ++bad;
            continue;
        }
        auto& d = days.emplace_back();
        *d.mutable_day() = *day;
        d.set_kind(kind == "holiday" || kind == "休" ? DAY_KIND_HOLIDAY : DAY_KIND_WORKDAY);
        if (second != std::string::npos)
            d.set_name(line.substr(second + 1));
    }
    if (bad > 0) {
        std::cerr << file << ": " << bad << " bad line(s); nothing was sent\n";
        return std::nullopt;
    }
    return days;
}

int setCalendar(Args& args, const cli::Connection& connection, const std::string& what) {
    const auto yearText = args.take("--year");
    const auto file = args.take("--file");
    if (!yearText || !file)
        return usageError(what + " needs --year YYYY and --file FILE.csv");
    const auto year = parseCount(*yearText, 2000, 2100);
    if (!year)
        return usageError("--year wants a year 2000..2100, not \"" + *yearText + "\"");
    if (const int rc = leftover(args, 2, what); rc != 0)
        return rc;
    const auto days = readCalendar(*file, *year);
    if (!days)
        return 1;
    if (!connection.check(what))
        return 2;
    SetCalendarRequest req;
    req.set_request_id(client::newRequestId());
    req.set_year(*year);
    for (const auto& d : *days)
        *req.add_days() = d;
    SetCalendarResponse resp;
    auto stub = ApplicationService::NewStub(connection.channel());
    const auto r =
        withRetries([&](grpc::ClientContext& ctx) { return stub->SetCalendar(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    std::cout << *year << ": " << resp.days() << " declared day(s) set from " << *file << "\n";
    return 0;
}

int showCalendar(Args& args, const cli::Connection& connection, const std::string& what) {
    const auto yearText = args.take("--year");
    if (!yearText)
        return usageError(what + " needs --year YYYY");
    const auto year = parseCount(*yearText, 2000, 2100);
    if (!year)
        return usageError("--year wants a year 2000..2100, not \"" + *yearText + "\"");
    if (const int rc = leftover(args, 2, what); rc != 0)
        return rc;
    if (!connection.check(what))
        return 2;
    GetCalendarRequest req;
    req.set_year(*year);
    GetCalendarResponse resp;
    auto stub = ApplicationService::NewStub(connection.channel());
    const auto r =
        withRetries([&](grpc::ClientContext& ctx) { return stub->GetCalendar(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    for (const auto& d : resp.days())
        std::cout << dayText(d.day()) << "  "
                  << (d.kind() == DAY_KIND_HOLIDAY ? "holiday (休)" : "workday (班)") << "  "
                  << d.name() << "\n";
    std::cout << resp.days_size() << " declared day(s) in " << *year
              << "; every other Monday to Friday is a working day\n";
    return 0;
}

// 666 per mille → "66.6%".
std::string percent(int perMille) {
    return std::to_string(perMille / 10) + "." + std::to_string(perMille % 10) + "%";
}

int ratingsReport(Args& args, const cli::Connection& connection, const std::string& what) {
    RatingsReportRequest req;
    if (auto v = args.take("--region")) {
        if (!isRegionPrefix(*v))
            return usageError(
                "--region wants the digits of a region code (e.g. 371302), "
                "not \"" +
                *v + "\"");
        req.set_region_prefix(*v);
    }
    const auto month = args.take("--month");
    if (!month)
        return usageError(what + " needs --month YYYY-MM");
    if (month->size() != 7 || (*month)[4] != '-' || !parseDate(*month + "-01"))
        return usageError("--month wants YYYY-MM, not \"" + *month + "\"");
    if (const int rc = leftover(args, 2, what); rc != 0)
        return rc;
    if (!connection.check(what))
        return 2;
    req.set_month(*month);
    RatingsReportResponse resp;
    auto stub = FeedbackService::NewStub(connection.channel());
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->RatingsReport(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    std::cout << "好差评 " << *month << "\n"
              << padded("SERVICE POINT", 26) << padded("SERVICE", 24)
              << "非常不满意 不满意 基本满意 满意 非常满意  TOTAL  满意率  OPEN FOLLOW-UPS\n";
    int total = 0;
    for (const auto& row : resp.rows()) {
        std::cout << padded(row.service_point_id().empty() ? "-" : row.service_point_id(), 26)
                  << padded(ratedServiceText(row.service()), 24);
        const int widths[] = {11, 7, 9, 5, 8};
        for (int i = 0; i < 5; ++i)
            std::cout << padded(std::to_string(i < row.by_level_size() ? row.by_level(i) : 0),
                                static_cast<std::size_t>(widths[i]));
        std::cout << "  " << padded(std::to_string(row.total()), 7)
                  << padded(percent(row.satisfied_per_mille()), 8) << row.follow_ups_open() << "\n";
        total += row.total();
    }
    std::cout << total << " rating(s) in " << resp.rows_size() << " row(s)\n";
    return 0;
}

void printHelpRequest(const HelpRequest& h) {
    std::cout << padded(h.id(), 18) << padded(h.terminal_id(), 16)
              << padded(h.service_point_id().empty() ? "-" : h.service_point_id(), 26)
              << padded(h.screen(), 24) << "raised " << cli::timeText(h.raised_at());
    if (h.has_answered_at())
        std::cout << "  answered " << cli::timeText(h.answered_at()) << " by " << h.answered_by();
    else
        std::cout << "  OPEN";
    std::cout << "\n";
}

int listHelp(Args& args, const cli::Connection& connection, const std::string& what) {
    ListHelpRequestsRequest req;
    if (auto v = args.take("--region")) {
        if (!isRegionPrefix(*v))
            return usageError(
                "--region wants the digits of a region code (e.g. 371302), "
                "not \"" +
                *v + "\"");
        req.set_region_prefix(*v);
    }
    req.set_include_answered(args.flag("--all"));
    req.set_limit(kHelpLimit);
    if (const int rc = leftover(args, 2, what); rc != 0)
        return rc;
    if (!connection.check(what))
        return 2;
    ListHelpRequestsResponse resp;
    auto stub = FeedbackService::NewStub(connection.channel());
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->ListHelpRequests(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    std::cout << padded("ID", 18) << padded("TERMINAL", 16) << padded("SERVICE POINT", 26)
              << padded("SCREEN", 24) << "WHEN\n";
    int open = 0;
    for (const auto& h : resp.help_requests()) {
        printHelpRequest(h);
        open += h.has_answered_at() ? 0 : 1;
    }
    std::cout << resp.help_requests_size() << " help request(s), " << open << " open\n";
    return 0;
}

int answerHelp(Args& args, const cli::Connection& connection, const std::string& what) {
    const auto& rest = args.rest();
    if (rest.size() < 3 || rest[2].empty())
        return usageError(what + " needs the help request's ID (from help list)");
    if (const int rc = leftover(args, 3, what); rc != 0)
        return rc;
    if (!connection.check(what))
        return 2;
    AnswerHelpRequestRequest req;
    req.set_request_id(client::newRequestId());
    req.set_id(rest[2]);
    AnswerHelpRequestResponse resp;
    auto stub = FeedbackService::NewStub(connection.channel());
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->AnswerHelpRequest(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    printHelpRequest(resp.help_request());
    return 0;
}

}  // namespace

int runScheduleCommand(Args& args, const cli::Connection& connection) {
    using Command = int (*)(Args&, const cli::Connection&, const std::string&);
    static const std::map<std::string, Command> commands = {
        {"slots set", setSlots},           {"slots free", freeSlots},
        {"calendar set", setCalendar},     {"calendar show", showCalendar},
        {"ratings report", ratingsReport}, {"help list", listHelp},
        {"help answer", answerHelp},
    };
    const auto& rest = args.rest();
    const std::string what = rest[0] + (rest.size() >= 2 ? " " + rest[1] : "");
    const auto command = commands.find(what);
    if (command == commands.end())
        return usageError(rest[0] == "slots"      ? "slots set|free …"
                          : rest[0] == "calendar" ? "calendar set|show --year YYYY …"
                          : rest[0] == "ratings"  ? "ratings report --month YYYY-MM …"
                                                  : "help list|answer …");
    return command->second(args, connection, what);
}

}  // namespace renshe::services::admin::appcli
