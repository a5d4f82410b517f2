#include "services/backoffice/certification/cycle.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

#include "drivers/util/clock.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

namespace chr = std::chrono;

// --- dates ---------------------------------------------------------------------------------

std::optional<chr::year_month_day> ymdOf(const std::string& yyyymmdd) {
    if (yyyymmdd.size() != 8 || yyyymmdd.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const chr::year_month_day d{chr::year{std::stoi(yyyymmdd.substr(0, 4))},
                                chr::month{static_cast<unsigned>(std::stoi(yyyymmdd.substr(4, 2)))},
                                chr::day{static_cast<unsigned>(std::stoi(yyyymmdd.substr(6, 2)))}};
    if (!d.ok())
        return std::nullopt;
    return d;
}

std::string textOf(const chr::year_month_day& d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

// Calendar months later (or earlier), the day clamped to the month's end (Jan 31 + 1 = Feb 28).
chr::year_month_day addMonths(const chr::year_month_day& d, int n) {
    chr::year_month_day r = d + chr::months{n};
    if (!r.ok())
        r = chr::year_month_day{chr::year_month_day_last{r.year(), chr::month_day_last{r.month()}}};
    return r;
}

// 00:00 China Standard Time (UTC+8) of `d`, in microseconds since the epoch.
std::int64_t startOfChinaDay(chr::sys_days d) {
    return (chr::duration_cast<chr::seconds>(d.time_since_epoch()).count() -
            util::kChinaUtcOffsetSeconds) *
           util::kMicrosPerSecond;
}

chr::year_month_day chinaDay(std::int64_t micros) {
    return chr::year_month_day{chr::floor<chr::days>(
        chr::sys_seconds{chr::seconds{util::chinaLocalSeconds(micros / util::kMicrosPerSecond)}})};
}

}  // namespace

Certification certificationOf(store::Tx& tx, const Policy& policy, const PersonRow& person,
                              std::int64_t now) {
    Certification c;
    const auto firstPayment = ymdOf(person.pensionFirstPayment);
    if (!firstPayment || startOfChinaDay(chr::sys_days{*firstPayment}) > now)
        return c;  // no pension (yet)
    const auto last =
        tx.queryOne("SELECT MAX(certified_at) FROM certifications WHERE ssn = $1", {person.ssn});
    c.lastCertifiedAt = last ? last->optionalInteger(0).value_or(0) : 0;
    if (c.lastCertifiedAt != 0 && policy.certificationCycleSeconds > 0) {
        const std::int64_t cycle = policy.certificationCycleSeconds * util::kMicrosPerSecond;
        c.deadline = c.lastCertifiedAt + cycle;
        c.dueFrom = c.deadline - std::max<std::int64_t>(cycle / 12, 1);
        c.certifiedUntil = util::chinaDate(c.deadline - 1);
    } else {
        // The first cycle ends a year after the first payment; later ones a cycle after the
        // last certification. The cycle's last day is certified; overdue from the next.
        const chr::year_month_day until =
            c.lastCertifiedAt != 0
                ? addMonths(chinaDay(c.lastCertifiedAt), policy.certificationCycleMonths)
                : addMonths(*firstPayment, 12);
        c.deadline = startOfChinaDay(chr::sys_days{until} + chr::days{1});
        c.dueFrom = startOfChinaDay(chr::sys_days{addMonths(until, -1)} + chr::days{1});
        c.certifiedUntil = textOf(until);
    }
    if (now >= c.deadline) {
        c.state = CERTIFICATION_STATE_OVERDUE;
        c.pension = PENSION_STATUS_SUSPENDED;
    } else {
        c.state = now >= c.dueFrom ? CERTIFICATION_STATE_DUE : CERTIFICATION_STATE_CERTIFIED;
        c.pension = PENSION_STATUS_ACTIVE;
    }
    return c;
}

}  // namespace renshe::services::backoffice
