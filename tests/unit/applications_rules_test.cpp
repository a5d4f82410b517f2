// The applications domain's pure rules: the working-day calendar (weekends, a week of national
// holidays, a worked Saturday, a year's end), China calendar days of instants near midnight,
// and the form checks of numbers people type (mobile phones, application numbers).
#include <gtest/gtest.h>

#include "services/backoffice/applications/calendar.hpp"
#include "services/backoffice/applications/checks.hpp"

namespace {

using namespace renshe::services::backoffice;
using applications::DeclaredDays;

TEST(WorkingDays, WeekendsDoNotCount) {
    EXPECT_EQ(applications::weekday(20261204), 5);                         // a Friday
    EXPECT_EQ(applications::afterWorkingDays(20261204, 1, {}), 20261207);  // Monday
    EXPECT_EQ(applications::afterWorkingDays(20261204, 5, {}), 20261211);
    EXPECT_EQ(applications::afterWorkingDays(20261205, 1, {}), 20261207);  // from a Saturday
}

TEST(WorkingDays, NationalDayIsOffAndItsMakeUpSaturdayIsWorked) {
    // 2026: 国庆 1–7 October off (Thursday to Wednesday), Saturday 10 October worked.
    DeclaredDays days;
    for (int d = 20261001; d <= 20261007; ++d)
        days[d] = renshe::v1::DAY_KIND_HOLIDAY;
    days[20261010] = renshe::v1::DAY_KIND_WORKDAY;
    EXPECT_FALSE(applications::isWorkingDay(20261005, days));  // a Monday off
    EXPECT_TRUE(applications::isWorkingDay(20261010, days));   // a Saturday worked
    // From 30 September: 8 Oct (Thu), 9 Oct (Fri), 10 Oct (Sat, worked), 12 Oct (Mon), 13 Oct.
    EXPECT_EQ(applications::afterWorkingDays(20260930, 3, days), 20261010);
    EXPECT_EQ(applications::afterWorkingDays(20260930, 5, days), 20261013);
    EXPECT_EQ(applications::afterWorkingDays(20260930, 5, {}), 20261007);
}

TEST(WorkingDays, AcrossTheYearAndFebruary) {
    EXPECT_EQ(applications::addDays(20261231, 1), 20270101);
    EXPECT_EQ(applications::addDays(20280228, 1), 20280229);  // a leap year
    EXPECT_EQ(applications::addDays(20270228, 1), 20270301);
    EXPECT_EQ(applications::addDays(20261301, 1), 0);  // not a date
    EXPECT_EQ(applications::afterWorkingDays(20261231, 15, {}), 20270121);
}

TEST(WorkingDays, AYearDeclaredOffEndsTheSearchInsteadOfLooping) {
    DeclaredDays days;
    for (int d = 20270101; d != 0 && d <= 20281231; d = applications::addDays(d, 1))
        days[d] = renshe::v1::DAY_KIND_HOLIDAY;
    EXPECT_GT(applications::afterWorkingDays(20261231, 1, days), 20270101);
}

TEST(ChinaCalendar, AnInstantsDayIsBeijingsDay) {
    // 2026-12-04T15:59:59Z is 23:59:59 in Beijing; a second later it is the 5th there.
    const std::int64_t s = 1'796'399'999;
    EXPECT_EQ(applications::chinaDay(s * 1'000'000), 20261204);
    EXPECT_EQ(applications::chinaDay((s + 1) * 1'000'000), 20261205);
    EXPECT_EQ(applications::chinaMinuteOfDay((s + 1) * 1'000'000), 0);
    EXPECT_EQ(applications::chinaMinuteOfDay(s * 1'000'000), 23 * 60 + 59);
    EXPECT_EQ(applications::chinaDay(0), 19700101);
}

TEST(ApplicationForms, MobileNumbersAndApplicationNumbers) {
    EXPECT_TRUE(checks::isMobilePhone("13812345678"));
    EXPECT_TRUE(checks::isMobilePhone("19912345678"));
    EXPECT_FALSE(checks::isMobilePhone("12812345678"));  // 12x is not mobile
    EXPECT_FALSE(checks::isMobilePhone("053912345678"));
    EXPECT_FALSE(checks::isMobilePhone("1381234567"));
    EXPECT_FALSE(checks::isMobilePhone("1381234567a"));
    EXPECT_EQ(checks::normalizeApplicationNumber("20261204 123456"), "20261204123456");
    EXPECT_EQ(checks::normalizeApplicationNumber("20261204-123-456"), "20261204123456");
    EXPECT_FALSE(checks::normalizeApplicationNumber("2026120412345"));
    EXPECT_FALSE(checks::normalizeApplicationNumber("202612041234567"));
    EXPECT_FALSE(checks::normalizeApplicationNumber("2026120412345X"));
}

}  // namespace
