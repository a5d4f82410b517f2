#include "services/backoffice/applications/checks.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "services/backoffice/applications/calendar.hpp"
#include "services/backoffice/card/checks.hpp"

namespace renshe::services::backoffice::checks {

using namespace renshe::v1;

namespace {

constexpr std::size_t kBytesPerChar = 4;  // UTF-8's longest character
constexpr int kEarliestDay = 19500101;
constexpr int kEmploymentDaysBack = 366;
constexpr int kMaxSlotCapacity = 500;
constexpr int kMaxSlotRangeDays = 92;
constexpr int kMaxFreeSlotDays = 31;
constexpr int kMaxCalendarDays = 120;
constexpr std::size_t kMaxScreenChars = 64;
constexpr int kMaxHelpRequests = 200;

// UTF-8 text of at most `maxChars` characters, no control characters.
Result checkChars(std::string_view text, std::size_t maxChars, std::string_view field,
                  bool required) {
    if (auto bad = checkText(text, maxChars * kBytesPerChar, field, required))
        return bad;
    if (codePointCount(text) > maxChars)
        return Refusal::malformed(str(field) + " is longer than " + std::to_string(maxChars) +
                                  " characters");
    return std::nullopt;
}

Result checkNumber(std::string_view number) {
    if (!normalizeApplicationNumber(number))
        return Refusal::malformed("number is not an application number (14 digits)");
    return std::nullopt;
}

// A real date, not after `today` and not before 1950.
Result checkPastDate(bool present, const Date& d, std::string_view field, int today) {
    if (auto bad = checkDate(present, d, field, true))
        return bad;
    const int day = applications::toDay(d);
    if (day > today)
        return Refusal::malformed(str(field) + " is in the future");
    if (day < kEarliestDay)
        return Refusal::malformed(str(field) + " is before 1950");
    return std::nullopt;
}

Result checkApplicant(bool present, const Applicant& a) {
    switch (present ? a.proof_case() : Applicant::PROOF_NOT_SET) {
        case Applicant::kCard:
            return checkInsertedCard(a.card().has_card(), a.card().card());
        case Applicant::kIdentity:
            return firstOf(
                [&] { return checkSsn(a.identity().ssn(), "applicant.identity.ssn"); },
                [&] { return checkName(a.identity().name(), "applicant.identity.name"); });
        case Applicant::PROOF_NOT_SET:
            break;
    }
    return Refusal::malformed("applicant is missing (the card, or an ID number and name)");
}

Result checkUnemployment(const UnemploymentRegistration& u, int today) {
    const bool never = u.reason() == LEAVING_REASON_NEVER_EMPLOYED;
    return firstOf(
        [&] { return checkEnum(u.reason(), LeavingReason_IsValid, true, "unemployment.reason"); },
        [&] { return checkChars(u.last_employer(), 100, "unemployment.last_employer", !never); },
        [&]() -> Result {
            if (never && !u.has_left_on())
                return std::nullopt;
            return checkPastDate(u.has_left_on(), u.left_on(), "unemployment.left_on", today);
        },
        [&] { return checkChars(u.wanted_job(), 50, "unemployment.wanted_job", false); },
        [&] {
            return checkEnum(u.hardship(), HardshipCategory_IsValid, false,
                             "unemployment.hardship");
        });
}

Result checkEmployment(const EmploymentRegistration& e, int today) {
    return firstOf(
        [&] { return checkChars(e.employer(), 100, "employment.employer", true); },
        [&]() -> Result {
            if (auto bad = checkPastDate(e.has_started_on(), e.started_on(),
                                         "employment.started_on", today))
                return bad;
            if (applications::toDay(e.started_on()) <
                applications::addDays(today, -kEmploymentDaysBack))
                return Refusal::malformed("employment.started_on is more than a year ago");
            return std::nullopt;
        },
        [&] { return checkEnum(e.contract(), ContractType_IsValid, true, "employment.contract"); });
}

Result checkAppointment(const Appointment& a) {
    return firstOf(
        [&] {
            return checkEnum(a.service(), AppointmentService_IsValid, true, "appointment.service");
        },
        [&] {
            return checkOpaqueId(a.service_point_id(), kMaxOpaqueIdChars,
                                 "appointment.service_point_id", false);
        },
        [&] { return checkDate(a.has_day(), a.day(), "appointment.day", true); },
        [&] { return checkEnum(a.half_day(), HalfDay_IsValid, true, "appointment.half_day"); });
}

Result checkHomeVisit(const HomeVisit& h) {
    return firstOf(
        [&]() -> Result {
            if (!h.has_relative())
                return std::nullopt;
            return firstOf(
                [&] { return checkSsn(h.relative().ssn(), "home_visit.relative.ssn"); },
                [&] { return checkName(h.relative().name(), "home_visit.relative.name"); },
                [&] {
                    return checkEnum(h.relative().relationship(), Relationship_IsValid, true,
                                     "home_visit.relative.relationship");
                });
        },
        [&]() -> Result {
            if (auto bad = checkChars(h.address(), 120, "home_visit.address", true))
                return bad;
            if (codePointCount(h.address()) < 4)
                return Refusal::malformed("home_visit.address is too short to be found");
            return std::nullopt;
        },
        [&]() -> Result {
            if (h.needs().empty())
                return Refusal::malformed("home_visit.needs is empty");
            std::set<int> seen;
            for (int need : h.needs()) {
                if (auto bad = checkEnum(need, HomeVisitNeed_IsValid, true, "home_visit.needs"))
                    return bad;
                if (!seen.insert(need).second)
                    return Refusal::malformed("home_visit.needs names a need twice");
            }
            return std::nullopt;
        },
        [&] { return checkEnum(h.reason(), MobilityReason_IsValid, true, "home_visit.reason"); },
        [&] { return checkChars(h.note(), 200, "home_visit.note", false); });
}

Result checkPayload(bool present, const ApplicationPayload& p, int today) {
    switch (present ? p.kind_case() : ApplicationPayload::KIND_NOT_SET) {
        case ApplicationPayload::kUnemployment:
            return checkUnemployment(p.unemployment(), today);
        case ApplicationPayload::kEmployment:
            return checkEmployment(p.employment(), today);
        case ApplicationPayload::kJobApplication:
            return firstOf(
                [&] {
                    return checkOpaqueId(p.job_application().job_id(), kMaxOpaqueIdChars,
                                         "job_application.job_id", true);
                },
                [&] {
                    return checkChars(p.job_application().note(), 200, "job_application.note",
                                      false);
                });
        case ApplicationPayload::kAppointment:
            return checkAppointment(p.appointment());
        case ApplicationPayload::kHomeVisit:
            return checkHomeVisit(p.home_visit());
        case ApplicationPayload::kFollowUp:
            return Refusal::malformed("payload: a follow-up is made by a rating, not submitted");
        case ApplicationPayload::KIND_NOT_SET:
            break;
    }
    return Refusal::malformed("payload is missing");
}

Result checkPhone(const SubmitApplicationRequest& r) {
    const auto kind = r.payload().kind_case();
    const bool required = kind == ApplicationPayload::kUnemployment ||
                          kind == ApplicationPayload::kJobApplication ||
                          kind == ApplicationPayload::kHomeVisit;
    if (r.phone().empty())
        return required ? std::optional(Refusal::malformed("phone is missing")) : std::nullopt;
    if (!isMobilePhone(r.phone()))
        return Refusal::malformed("phone is not a mainland mobile number (11 digits, 1[3-9]…)");
    return std::nullopt;
}

Result checkRegionPrefix(const std::string& prefix) {
    if (!prefix.empty() && (prefix.size() > 12 || !allDigits(prefix)))
        return Refusal::malformed("region_prefix is not digits of a region code");
    return std::nullopt;
}

}  // namespace

bool isMobilePhone(std::string_view phone) {
    return isDigits(phone, 11) && phone[0] == '1' && phone[1] >= '3' && phone[1] <= '9';
}

std::optional<std::string> normalizeApplicationNumber(std::string_view number) {
    std::string out;
    for (char c : number) {
        if (c == ' ' || c == '-')
            continue;
        if (!isDigit(c) || out.size() == kApplicationNumberDigits)
            return std::nullopt;
        out += c;
    }
    if (out.size() != kApplicationNumberDigits)
        return std::nullopt;
    return out;
}

Result check(const SubmitApplicationRequest& r, int today) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkApplicant(r.has_applicant(), r.applicant()); },
                   [&] { return checkPayload(r.has_payload(), r.payload(), today); },
                   [&] { return checkPhone(r); });
}

Result check(const GetApplicationStatusRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkNumber(r.number()); },
                   [&] { return checkSsn(r.ssn(), "ssn"); });
}

Result check(const ListMyApplicationsRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkInsertedCard(r.card().has_card(), r.card().card()); });
}

Result check(const ListApplicationsRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkRegionPrefix(r.region_prefix()); },
                   [&]() -> Result {
                       for (int s : r.states())
                           if (auto bad = checkEnum(s, ApplicationState_IsValid, true, "states"))
                               return bad;
                       for (int k : r.kinds())
                           if (auto bad = checkEnum(k, ApplicationKind_IsValid, true, "kinds"))
                               return bad;
                       return std::nullopt;
                   },
                   [&] {
                       return checkDate(r.has_due_on_or_before(), r.due_on_or_before(),
                                        "due_on_or_before", false);
                   },
                   [&] { return checkPage(r.page()); });
}

Result check(const GetApplicationRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkNumber(r.number()); });
}

Result check(const ClaimApplicationRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkNumber(r.number()); });
}

Result check(const DecideApplicationRequest& r) {
    const bool needsReason =
        r.decision() == DECISION_REJECT || r.decision() == DECISION_REQUEST_INFORMATION;
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkNumber(r.number()); },
                   [&] { return checkEnum(r.decision(), Decision_IsValid, true, "decision"); },
                   [&] { return checkChars(r.reason(), 200, "reason", needsReason); });
}

Result check(const AddApplicationNoteRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkNumber(r.number()); },
                   [&] { return checkChars(r.text(), 500, "text", true); });
}

Result check(const ListFreeSlotsRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); },
        [&] {
            return checkOpaqueId(r.service_point_id(), kMaxOpaqueIdChars, "service_point_id",
                                 false);
        },
        [&] { return checkEnum(r.service(), AppointmentService_IsValid, true, "service"); },
        [&] { return checkDate(r.has_from(), r.from(), "from", false); },
        [&]() -> Result {
            if (r.days() < 0 || r.days() > kMaxFreeSlotDays)
                return Refusal::malformed("days is not 1..31");
            return std::nullopt;
        });
}

Result check(const SetSlotCapacityRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] {
            return checkOpaqueId(r.service_point_id(), kMaxOpaqueIdChars, "service_point_id", true);
        },
        [&] { return checkEnum(r.service(), AppointmentService_IsValid, true, "service"); },
        [&] { return checkDate(r.has_from(), r.from(), "from", true); },
        [&] { return checkDate(r.has_to(), r.to(), "to", true); },
        [&]() -> Result {
            const int from = applications::toDay(r.from()), to = applications::toDay(r.to());
            if (to < from)
                return Refusal::malformed("to is before from");
            if (to > applications::addDays(from, kMaxSlotRangeDays))
                return Refusal::malformed("from..to spans more than 92 days");
            for (int h : r.half_days())
                if (auto bad = checkEnum(h, HalfDay_IsValid, true, "half_days"))
                    return bad;
            if (r.capacity() < 0 || r.capacity() > kMaxSlotCapacity)
                return Refusal::malformed("capacity is not 0..500");
            return std::nullopt;
        });
}

Result check(const SetCalendarRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            if (r.year() < 2000 || r.year() > 2100)
                return Refusal::malformed("year is not 2000..2100");
            if (r.days_size() > kMaxCalendarDays)
                return Refusal::malformed("more than 120 days declared");
            std::set<int> seen;
            for (const auto& d : r.days()) {
                if (auto bad = firstOf(
                        [&] { return checkDate(d.has_day(), d.day(), "days.day", true); },
                        [&] { return checkEnum(d.kind(), DayKind_IsValid, true, "days.kind"); },
                        [&] { return checkChars(d.name(), 20, "days.name", false); }))
                    return bad;
                if (d.day().year() != r.year())
                    return Refusal::malformed("days.day is not in year");
                if (!seen.insert(applications::toDay(d.day())).second)
                    return Refusal::malformed("days names a day twice");
            }
            return std::nullopt;
        });
}

Result check(const GetCalendarRequest& r) {
    if (r.year() < 2000 || r.year() > 2100)
        return Refusal::malformed("year is not 2000..2100");
    return std::nullopt;
}

Result check(const SubmitRatingRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkEnum(r.service(), RatedService_IsValid, true, "service"); },
        [&] { return checkEnum(r.level(), RatingLevel_IsValid, true, "level"); },
        [&]() -> Result {
            const bool poor = r.level() == RATING_LEVEL_DISSATISFIED ||
                              r.level() == RATING_LEVEL_VERY_DISSATISFIED;
            if (poor && r.reasons().empty())
                return Refusal::malformed("reasons is empty for a poor rating");
            if (!poor && !r.reasons().empty())
                return Refusal::malformed("reasons are given only with a poor rating");
            std::set<int> seen;
            for (int reason : r.reasons()) {
                if (auto bad = checkEnum(reason, PoorRatingReason_IsValid, true, "reasons"))
                    return bad;
                if (!seen.insert(reason).second)
                    return Refusal::malformed("reasons names a reason twice");
            }
            return std::nullopt;
        });
}

Result check(const RatingsReportRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkRegionPrefix(r.region_prefix()); },
                   [&]() -> Result {
                       const auto& m = r.month();
                       if (m.size() != 7 || m[4] != '-' || !isDigits(m.substr(0, 4), 4) ||
                           !isDigits(m.substr(5), 2) || m.substr(5) < "01" || m.substr(5) > "12")
                           return Refusal::malformed("month is not YYYY-MM");
                       return std::nullopt;
                   });
}

Result check(const RaiseHelpRequestRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&]() -> Result {
                       const auto& s = r.screen();
                       const bool allowed = std::all_of(s.begin(), s.end(), [](char c) {
                           return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
                                  c == '/' || c == '.' || c == '-';
                       });
                       if (s.empty() || s.size() > kMaxScreenChars || !allowed)
                           return Refusal::malformed("screen is not 1..64 of [A-Za-z0-9_/.-]");
                       return std::nullopt;
                   });
}

Result check(const ListHelpRequestsRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkRegionPrefix(r.region_prefix()); },
                   [&]() -> Result {
                       if (r.limit() < 0 || r.limit() > kMaxHelpRequests)
                           return Refusal::malformed("limit is not 0..200");
                       return std::nullopt;
                   });
}

Result check(const AnswerHelpRequestRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkOpaqueId(r.id(), kMaxOpaqueIdChars, "id", true); });
}

}  // namespace renshe::services::backoffice::checks
