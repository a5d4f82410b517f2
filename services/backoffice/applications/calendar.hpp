// The working-day calendar of applications' due dates (工作日): Monday to Friday, except the
// weekdays the province declares off (法定节假日), plus the weekend days it declares worked
// (调休). Days are YYYYMMDD integers of the China calendar. Pure functions, and the table.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "renshe/v1/applications.pb.h"
#include "services/store/store.hpp"

namespace renshe::services::backoffice::applications {

// Declared days: YYYYMMDD → renshe.v1.DayKind.
using DeclaredDays = std::map<int, int>;

// The day `n` days after `day` (n may be negative); 0 for a day that is not a real date.
int addDays(int day, int n);
// 1 = Monday … 7 = Sunday.
int weekday(int day);
bool isWorkingDay(int day, const DeclaredDays& declared);
// The `n`-th working day after `day` (n ≥ 1; `day` itself does not count).
int afterWorkingDays(int day, int n, const DeclaredDays& declared);

int toDay(const renshe::v1::Date& d);
renshe::v1::Date toDate(int day);
// "2026年12月11日"
std::string chineseDate(int day);
// The China calendar day of an instant (microseconds).
int chinaDay(std::int64_t micros);
// Minutes since China midnight of an instant.
int chinaMinuteOfDay(std::int64_t micros);

// The declared days from `from` to `to` (inclusive) as the calendar_days table has them.
DeclaredDays loadDeclaredDays(store::Tx& tx, int from, int to);

}  // namespace renshe::services::backoffice::applications
