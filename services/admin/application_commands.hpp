// renshe-admin applications …, slots …, calendar …, ratings … and help …: the township staff's
// queue of applications made at the touch terminals (业务申请, ApplicationService), the
// appointment slots and the province's holiday calendar, and the citizens' voice (好差评 and
// "请工作人员帮助", FeedbackService).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "renshe/v1/applications.pb.h"
#include "services/admin/cli_support.hpp"

namespace renshe::services::admin {

// 0 done, 1 refused (or a calendar file with bad lines), 2 usage (also: not one of these
// commands).
int runApplicationCommand(const std::vector<std::string>& args);

std::string applicationUsage();

// What application_commands.cpp and schedule_commands.cpp share.
namespace appcli {

// Prints "renshe-admin: <text>" to stderr and returns 2 (a usage error, nothing was sent).
int usageError(const std::string& text);

// "YYYY-MM-DD" (a real calendar day) to a Date; nothing otherwise.
std::optional<renshe::v1::Date> parseDate(const std::string& text);
std::string dateText(const renshe::v1::Date& d);
// A whole number in [low, high] written in decimal digits; nothing otherwise.
std::optional<int> parseCount(const std::string& text, int low, int high);
// Digits of a region code (1..12), the form every --region takes.
bool isRegionPrefix(const std::string& text);
// Text padded with spaces to `width` columns (a Chinese character takes two).
std::string padded(const std::string& text, std::size_t width);
// A staff command's leftover arguments: a usage error naming the first, or 0 when none.
int leftover(cli::Args& args, std::size_t positional, const std::string& command);

// slots set|free, calendar set|show, ratings report, help list|answer (schedule_commands.cpp).
int runScheduleCommand(cli::Args& args, const cli::Connection& connection);
std::string scheduleUsage();

// Human-readable text of an application's payload, one "label  value" line each
// (application_text.cpp).
std::vector<std::pair<std::string, std::string>> payloadLines(
    const renshe::v1::ApplicationPayload& payload);
std::string appointmentServiceText(renshe::v1::AppointmentService service);
std::string ratedServiceText(renshe::v1::RatedService service);

}  // namespace appcli

}  // namespace renshe::services::admin
