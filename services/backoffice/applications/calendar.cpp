#include "services/backoffice/applications/calendar.hpp"

#include <chrono>

#include "drivers/util/clock.hpp"

namespace renshe::services::backoffice::applications {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr std::int64_t kMicrosPerDay = 86'400'000'000;
constexpr std::int64_t kMicrosPerMinute = 60'000'000;
// No run of non-working days in a real calendar comes near this: a table that declares
// (say) a whole year off ends the search instead of looping.
constexpr int kMaxDaysSearched = 400;

std::optional<sys_days> daysOf(int d) {
    const year_month_day ymd{year(d / 10000), month(static_cast<unsigned>(d / 100 % 100)),
                             day(static_cast<unsigned>(d % 100))};
    if (!ymd.ok())
        return std::nullopt;
    return sys_days(ymd);
}

int fromDays(sys_days days) {
    const year_month_day ymd(days);
    return static_cast<int>(ymd.year()) * 10000 + static_cast<int>(unsigned(ymd.month())) * 100 +
           static_cast<int>(unsigned(ymd.day()));
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

}  // namespace

int addDays(int d, int n) {
    const auto days = daysOf(d);
    return days ? fromDays(*days + std::chrono::days(n)) : 0;
}

int weekday(int d) {
    const auto days = daysOf(d);
    if (!days)
        return 0;
    return static_cast<int>(std::chrono::weekday(*days).iso_encoding());
}

bool isWorkingDay(int d, const DeclaredDays& declared) {
    if (const auto it = declared.find(d); it != declared.end()) {
        if (it->second == renshe::v1::DAY_KIND_HOLIDAY)
            return false;
        if (it->second == renshe::v1::DAY_KIND_WORKDAY)
            return true;
    }
    return weekday(d) <= 5;
}

int afterWorkingDays(int d, int n, const DeclaredDays& declared) {
    int found = 0;
    int current = d;
    for (int step = 0; step < kMaxDaysSearched && found < n; ++step) {
        current = addDays(current, 1);
        if (isWorkingDay(current, declared))
            ++found;
    }
    return current;
}

int toDay(const renshe::v1::Date& d) {
    return d.year() * 10000 + d.month() * 100 + d.day();
}

renshe::v1::Date toDate(int d) {
    renshe::v1::Date out;
    out.set_year(d / 10000);
    out.set_month(d / 100 % 100);
    out.set_day(d % 100);
    return out;
}

std::string chineseDate(int d) {
    return std::to_string(d / 10000) + "年" + std::to_string(d / 100 % 100) + "月" +
           std::to_string(d % 100) + "日";
}

int chinaDay(std::int64_t micros) {
    const std::int64_t local = micros + util::kChinaUtcOffsetSeconds * 1'000'000;
    return fromDays(sys_days(std::chrono::days(floorDiv(local, kMicrosPerDay))));
}

int chinaMinuteOfDay(std::int64_t micros) {
    const std::int64_t local = micros + util::kChinaUtcOffsetSeconds * 1'000'000;
    const std::int64_t intoDay = local - floorDiv(local, kMicrosPerDay) * kMicrosPerDay;
    return static_cast<int>(intoDay / kMicrosPerMinute);
}

DeclaredDays loadDeclaredDays(store::Tx& tx, int from, int to) {
    DeclaredDays out;
    for (const auto& row :
         tx.query("SELECT day, kind FROM calendar_days WHERE day >= $1 AND day <= $2 ORDER BY day",
                  {std::int64_t{from}, std::int64_t{to}}))
        out[static_cast<int>(row.integer(0))] = static_cast<int>(row.integer(1));
    return out;
}

}  // namespace renshe::services::backoffice::applications
