#include "services/admin/application_commands.hpp"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "renshe/v1/applications.grpc.pb.h"

namespace renshe::services::admin {

using namespace renshe::v1;
using cli::Args;
using cli::report;
using cli::withRetries;

std::string applicationUsage() {
    return "  applications list [--region PREFIX] [--state STATE]... [--kind KIND]... "
           "[--due-by YYYY-MM-DD]\n"
           "                    [--unclaimed] [--all-pages]\n"
           "             the queue of applications (业务申请) by due date: number, kind, state, "
           "due date\n"
           "             (OVERDUE past it), who claimed it, the applicant (masked), a summary;\n"
           "             STATE submitted|accepted|more-information|rejected|done (default: the "
           "ones not\n"
           "             final), KIND unemployment|employment|job|appointment|home-visit|"
           "follow-up\n"
           "  applications show NUMBER\n"
           "             one application: the form's fields and its history (times in CST)\n"
           "  applications claim NUMBER [--take-over]\n"
           "             take it on (--take-over: from the colleague who has it)\n"
           "  applications decide NUMBER --accept|--request-information|--reject|--complete "
           "[--reason TEXT]\n"
           "             受理 / 需补充材料 / 不予受理 / 办结; --reason (up to 200 characters, "
           "the citizen\n"
           "             reads it) is required with --request-information and --reject\n"
           "  applications note NUMBER --text TEXT\n"
           "             a note in its history (up to 500 characters)\n" +
           appcli::scheduleUsage();
}

namespace appcli {

int usageError(const std::string& text) {
    std::cerr << "renshe-admin: " << text << "\n";
    return 2;
}

std::optional<Date> parseDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    const int y = std::stoi(text.substr(0, 4));
    const int m = std::stoi(text.substr(5, 2));
    const int d = std::stoi(text.substr(8, 2));
    const std::chrono::year_month_day ymd{std::chrono::year(y),
                                          std::chrono::month(static_cast<unsigned>(m)),
                                          std::chrono::day(static_cast<unsigned>(d))};
    if (!ymd.ok())
        return std::nullopt;
    Date out;
    out.set_year(y);
    out.set_month(m);
    out.set_day(d);
    return out;
}

std::string dateText(const Date& d) {
    std::ostringstream out;
    out << std::setfill('0') << std::setw(4) << d.year() << "-" << std::setw(2) << d.month() << "-"
        << std::setw(2) << d.day();
    return out.str();
}

std::optional<int> parseCount(const std::string& text, int low, int high) {
    if (text.empty() || text.size() > 9 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const int n = std::stoi(text);
    if (n < low || n > high)
        return std::nullopt;
    return n;
}

bool isRegionPrefix(const std::string& text) {
    return !text.empty() && text.size() <= 12 &&
           text.find_first_not_of("0123456789") == std::string::npos;
}

std::string padded(const std::string& text, std::size_t width) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t bytes = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        columns += bytes >= 3 ? 2 : 1;  // CJK and full-width forms take two columns
        i += bytes;
    }
    return columns >= width ? text + " " : text + std::string(width - columns, ' ');
}

int leftover(Args& args, std::size_t positional, const std::string& command) {
    const auto& rest = args.rest();
    if (rest.size() <= positional)
        return 0;
    return usageError("unexpected argument \"" + rest[positional] + "\" for " + command);
}

}  // namespace appcli

namespace {

using appcli::usageError;

struct KindName {
    const char* key;
    ApplicationKind kind;
    const char* chinese;
};
constexpr KindName kKinds[] = {
    {"unemployment", APPLICATION_KIND_UNEMPLOYMENT_REGISTRATION, "失业登记"},
    {"employment", APPLICATION_KIND_EMPLOYMENT_REGISTRATION, "就业登记"},
    {"job", APPLICATION_KIND_JOB_APPLICATION, "岗位申请"},
    {"appointment", APPLICATION_KIND_APPOINTMENT, "预约"},
    {"home-visit", APPLICATION_KIND_HOME_VISIT, "上门服务"},
    {"follow-up", APPLICATION_KIND_RATING_FOLLOW_UP, "差评回访"},
};

struct StateName {
    const char* key;
    ApplicationState state;
    const char* chinese;
};
constexpr StateName kStates[] = {
    {"submitted", APPLICATION_STATE_SUBMITTED, "已提交"},
    {"accepted", APPLICATION_STATE_ACCEPTED, "已受理"},
    {"more-information", APPLICATION_STATE_MORE_INFORMATION_NEEDED, "需补充材料"},
    {"rejected", APPLICATION_STATE_REJECTED, "不予受理"},
    {"done", APPLICATION_STATE_DONE, "已办结"},
};

constexpr int kPageSize = 50;
constexpr std::size_t kMaxReasonChars = 200;
constexpr std::size_t kMaxNoteChars = 500;

std::size_t characters(const std::string& text) {
    std::size_t n = 0;
    for (char c : text)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// "失业登记 unemployment"
std::string kindText(ApplicationKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind)
            return std::string(k.chinese) + " " + k.key;
    return "?";
}

std::string stateKey(ApplicationState state) {
    for (const auto& s : kStates)
        if (s.state == state)
            return s.key;
    return "?";
}

// "more-information (需补充材料)"
std::string stateText(ApplicationState state) {
    for (const auto& s : kStates)
        if (s.state == state)
            return std::string(s.key) + " (" + s.chinese + ")";
    return "?";
}

std::string personText(const PersonSummary& p) {
    return p.masked_name() + " " + p.masked_ssn();
}

// An application number as the back office takes it: 14 digits, spaces and dashes allowed.
std::optional<std::string> applicationNumber(Args& args, const std::string& command) {
    const auto& rest = args.rest();
    if (rest.size() < 3) {
        usageError(command + " needs the application's NUMBER (14 digits)");
        return std::nullopt;
    }
    std::string digits;
    for (char c : rest[2]) {
        if (c == ' ' || c == '-')
            continue;
        digits += c;
    }
    if (digits.size() != 14 || digits.find_first_not_of("0123456789") != std::string::npos) {
        usageError("\"" + rest[2] + "\" is not an application number (14 digits)");
        return std::nullopt;
    }
    if (appcli::leftover(args, 3, command) != 0)
        return std::nullopt;
    return digits;
}

// The filters of `applications list`; 2 after a usage error, else 0.
int takeFilters(Args& args, ListApplicationsRequest& req) {
    if (auto v = args.take("--region")) {
        if (!appcli::isRegionPrefix(*v))
            return usageError(
                "--region wants the digits of a region code (e.g. 371302), "
                "not \"" +
                *v + "\"");
        req.set_region_prefix(*v);
    }
    while (auto v = args.take("--state")) {
        const auto* found = std::find_if(std::begin(kStates), std::end(kStates),
                                         [&](const StateName& s) { return *v == s.key; });
        if (found == std::end(kStates))
            return usageError("unknown --state \"" + *v +
                              "\": submitted|accepted|more-information|rejected|done");
        req.add_states(found->state);
    }
    while (auto v = args.take("--kind")) {
        const auto* found = std::find_if(std::begin(kKinds), std::end(kKinds),
                                         [&](const KindName& k) { return *v == k.key; });
        if (found == std::end(kKinds))
            return usageError("unknown --kind \"" + *v +
                              "\": unemployment|employment|job|appointment|home-visit|follow-up");
        req.add_kinds(found->kind);
    }
    if (auto v = args.take("--due-by")) {
        const auto day = appcli::parseDate(*v);
        if (!day)
            return usageError("--due-by wants a date YYYY-MM-DD, not \"" + *v + "\"");
        *req.mutable_due_on_or_before() = *day;
    }
    req.set_unclaimed_only(args.flag("--unclaimed"));
    return 0;
}

void printRow(const Application& a) {
    using appcli::padded;
    const std::string due =
        appcli::dateText(a.due_date()) + (a.overdue() ? " OVERDUE" : std::string());
    std::cout << a.number() << "  " << padded(kindText(a.kind()), 24)
              << padded(stateKey(a.state()), 17) << padded(due, 19)
              << padded(a.claimed_by().empty() ? "-" : a.claimed_by(), 9)
              << padded(a.has_applicant() ? personText(a.applicant()) : "-", 27) << a.summary()
              << "\n";
}

int listApplications(Args& args, const cli::Connection& connection, const std::string& what) {
    ListApplicationsRequest req;
    if (const int rc = takeFilters(args, req); rc != 0)
        return rc;
    const bool allPages = args.flag("--all-pages");
    if (const int rc = appcli::leftover(args, 2, what); rc != 0)
        return rc;
    if (!connection.check(what))
        return 2;
    auto stub = ApplicationService::NewStub(connection.channel());
    req.mutable_page()->set_page_size(kPageSize);
    std::cout << appcli::padded("NUMBER", 16) << appcli::padded("KIND", 24)
              << appcli::padded("STATE", 17) << appcli::padded("DUE", 19)
              << appcli::padded("CLAIMED", 9) << appcli::padded("APPLICANT", 27) << "SUMMARY\n";
    int shown = 0, overdue = 0;
    for (;;) {
        ListApplicationsResponse resp;
        const auto r = withRetries(
            [&](grpc::ClientContext& ctx) { return stub->ListApplications(&ctx, req, &resp); });
        if (!r.ok())
            return report(r);
        for (const auto& a : resp.applications()) {
            printRow(a);
            ++shown;
            overdue += a.overdue() ? 1 : 0;
        }
        if (resp.page().next_page_token().empty())
            break;
        if (!allPages) {
            std::cout << "… more after these: --all-pages lists them all\n";
            break;
        }
        req.mutable_page()->set_page_token(resp.page().next_page_token());
    }
    std::cout << shown << " application" << (shown == 1 ? "" : "s") << ", " << overdue
              << " overdue\n";
    return 0;
}

void printApplication(const Application& a) {
    const auto line = [](const std::string& label, const std::string& value) {
        if (!value.empty())
            std::cout << "  " << appcli::padded(label, 14) << value << "\n";
    };
    std::cout << a.number() << "  " << kindText(a.kind()) << "\n";
    line("state", stateText(a.state()));
    line("reason", a.reason());
    line("applicant", a.has_applicant() ? personText(a.applicant()) : "");
    line("served", a.has_beneficiary() ? personText(a.beneficiary()) + " (a relative)" : "");
    line("phone", a.phone_masked());
    line("region", a.region());
    line("made at", a.terminal_id().empty() ? "the counter" : a.terminal_id());
    line("service point", a.service_point_id());
    line("submitted", cli::timeText(a.submitted_at()));
    line("due", appcli::dateText(a.due_date()) + (a.overdue() ? "  OVERDUE" : ""));
    line("claimed by", a.claimed_by().empty() ? "nobody" : a.claimed_by());
    line("summary", a.summary());
    std::cout << "form:\n";
    for (const auto& [label, value] : appcli::payloadLines(a.payload()))
        std::cout << "  " << appcli::padded(label, 32) << value << "\n";
    std::cout << "history:\n";
    for (const auto& e : a.history()) {
        std::cout << "  " << cli::timeText(e.at()) << "  " << appcli::padded(e.actor(), 14)
                  << appcli::padded(e.action(), 18) << "→ " << stateKey(e.state())
                  << (e.text().empty() ? "" : "  " + e.text()) << "\n";
    }
}

int showApplication(Args& args, const cli::Connection& connection, const std::string& what) {
    const auto number = applicationNumber(args, what);
    if (!number)
        return 2;
    if (!connection.check(what))
        return 2;
    GetApplicationRequest req;
    req.set_number(*number);
    GetApplicationResponse resp;
    auto stub = ApplicationService::NewStub(connection.channel());
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->GetApplication(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    printApplication(resp.application());
    return 0;
}

void printOutcome(const Application& a) {
    std::cout << a.number() << "  " << kindText(a.kind()) << "  " << stateText(a.state())
              << "  claimed by " << (a.claimed_by().empty() ? "nobody" : a.claimed_by())
              << (a.reason().empty() ? "" : "  reason: " + a.reason()) << "\n";
}

int claimApplication(Args& args, const cli::Connection& connection, const std::string& what) {
    ClaimApplicationRequest req;
    req.set_take_over(args.flag("--take-over"));
    const auto number = applicationNumber(args, what);
    if (!number)
        return 2;
    if (!connection.check(what))
        return 2;
    req.set_request_id(client::newRequestId());
    req.set_number(*number);
    ClaimApplicationResponse resp;
    auto stub = ApplicationService::NewStub(connection.channel());
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->ClaimApplication(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    printOutcome(resp.application());
    return 0;
}

int decideApplication(Args& args, const cli::Connection& connection, const std::string& what) {
    const auto reason = args.take("--reason");  // first: its text is never taken for a flag
    const std::pair<const char*, Decision> choices[] = {
        {"--accept", DECISION_ACCEPT},
        {"--request-information", DECISION_REQUEST_INFORMATION},
        {"--reject", DECISION_REJECT},
        {"--complete", DECISION_COMPLETE}};
    DecideApplicationRequest req;
    int chosen = 0;
    for (const auto& [flag, decision] : choices) {
        if (args.flag(flag)) {
            ++chosen;
            req.set_decision(decision);
        }
    }
    if (chosen != 1)
        return usageError(what +
                          " needs exactly one of --accept, --request-information, --reject and "
                          "--complete");
    const bool needsReason =
        req.decision() == DECISION_REQUEST_INFORMATION || req.decision() == DECISION_REJECT;
    if (needsReason && (!reason || reason->empty()))
        return usageError(what +
                          ": --request-information and --reject need --reason TEXT (the "
                          "citizen reads it)");
    if (reason && characters(*reason) > kMaxReasonChars)
        return usageError("--reason is longer than 200 characters");
    const auto number = applicationNumber(args, what);
    if (!number)
        return 2;
    if (!connection.check(what))
        return 2;
    req.set_request_id(client::newRequestId());
    req.set_number(*number);
    req.set_reason(reason.value_or(""));
    DecideApplicationResponse resp;
    auto stub = ApplicationService::NewStub(connection.channel());
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->DecideApplication(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    printOutcome(resp.application());
    return 0;
}

int noteApplication(Args& args, const cli::Connection& connection, const std::string& what) {
    const auto text = args.take("--text");
    if (!text || text->empty())
        return usageError(what + " needs --text TEXT");
    if (characters(*text) > kMaxNoteChars)
        return usageError("--text is longer than 500 characters");
    const auto number = applicationNumber(args, what);
    if (!number)
        return 2;
    if (!connection.check(what))
        return 2;
    AddApplicationNoteRequest req;
    req.set_request_id(client::newRequestId());
    req.set_number(*number);
    req.set_text(*text);
    AddApplicationNoteResponse resp;
    auto stub = ApplicationService::NewStub(connection.channel());
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->AddApplicationNote(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    std::cout << "note added to " << resp.application().number() << " ("
              << resp.application().history_size() << " entries in its history)\n";
    return 0;
}

}  // namespace

int runApplicationCommand(const std::vector<std::string>& argv) {
    Args args(argv);
    const auto connection = cli::takeConnection(args);
    auto& rest = args.rest();
    if (rest.empty())
        return 2;
    if (rest[0] == "slots" || rest[0] == "calendar" || rest[0] == "ratings" || rest[0] == "help")
        return appcli::runScheduleCommand(args, connection);
    if (rest[0] != "applications")
        return 2;
    using Command = int (*)(Args&, const cli::Connection&, const std::string&);
    static const std::map<std::string, Command> commands = {
        {"list", listApplications},    {"show", showApplication}, {"claim", claimApplication},
        {"decide", decideApplication}, {"note", noteApplication},
    };
    const auto command = rest.size() >= 2 ? commands.find(rest[1]) : commands.end();
    if (command == commands.end())
        return usageError("applications list|show|claim|decide|note …");
    return command->second(args, connection, "applications " + rest[1]);
}

}  // namespace renshe::services::admin
