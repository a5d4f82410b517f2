// ApplicationService's appointment places: capacities set by staff per service point, service,
// day and half day; booked by SubmitApplication, one conditional UPDATE each.
#include <map>

#include "drivers/sscard/id_number.hpp"
#include "services/backoffice/applications/application_service.hpp"
#include "services/backoffice/applications/calendar.hpp"
#include "services/backoffice/applications/checks.hpp"
#include "services/backoffice/card/lifecycle.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;
using namespace applications;

namespace {

constexpr int kMorningEndsMinute = 12 * 60;
constexpr int kAfternoonEndsMinute = 17 * 60;
constexpr int kDefaultSlotDays = 14;

Refused slotRefusal(const std::string& why) {
    return Refused(Refusal::precondition(REFUSAL_REASON_SLOT_UNAVAILABLE, why));
}

// The service point's region; NOT_FOUND when there is none.
std::string servicePointRegion(store::Tx& tx, const std::string& id) {
    const auto point = tx.queryOne("SELECT region FROM service_points WHERE id = $1", {id});
    if (!point)
        throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such service point"));
    return point->text(0);
}

std::vector<store::Value> slotKey(const Appointment& a) {
    return {a.service_point_id(), std::int64_t{a.service()}, std::int64_t{toDay(a.day())},
            std::int64_t{a.half_day()}};
}

}  // namespace

bool applications::slotOver(int day, HalfDay half, std::int64_t now) {
    const int today = chinaDay(now);
    if (day != today)
        return day < today;
    const int ends = half == HALF_DAY_MORNING ? kMorningEndsMinute : kAfternoonEndsMinute;
    return chinaMinuteOfDay(now) >= ends;
}

void applications::bookPlace(store::Tx& tx, const Appointment& a, std::int64_t now) {
    if (slotOver(toDay(a.day()), a.half_day(), now))
        throw slotRefusal("that half day is over");
    const auto taken = tx.exec(
        "UPDATE appointment_slots SET booked = booked + 1 WHERE service_point_id = $1 AND "
        "service = $2 AND day = $3 AND half_day = $4 AND booked < capacity",
        slotKey(a));
    if (taken == 1)
        return;
    const bool offered = tx.queryOne(
                               "SELECT capacity FROM appointment_slots WHERE service_point_id = $1 "
                               "AND service = $2 AND "
                               "day = $3 AND half_day = $4 AND capacity > 0",
                               slotKey(a))
                             .has_value();
    throw slotRefusal(offered ? "that half day is fully booked" : "that half day is not offered");
}

std::vector<QueueEntry> applications::queueToday(store::Tx& tx, const std::string& regionPrefix,
                                                 std::int64_t now) {
    const int today = chinaDay(now);
    struct Ticket {
        int half;
        std::string ticket;
        QueueEntry entry;
    };
    std::vector<Ticket> tickets;
    std::map<std::pair<std::string, int>, int> issued;  // (service point, service) → count
    for (const auto& r : tx.query(
             "SELECT a.payload_hex, a.applicant_ssn, a.state, s.region FROM applications a JOIN "
             "service_points s ON s.id = a.service_point_id WHERE a.kind = $1 AND a.due_day = $2 "
             "ORDER BY a.submitted_at, a.number",
             {std::int64_t{APPLICATION_KIND_APPOINTMENT}, std::int64_t{today}})) {
        ApplicationPayload p;
        p.ParseFromString(store::fromHex(r.text(0)));
        const auto& a = p.appointment();
        const int n = ++issued[{a.service_point_id(), a.service()}];
        const auto state = static_cast<ApplicationState>(r.integer(2));
        if (isFinal(state) || !r.text(3).starts_with(regionPrefix))
            continue;
        char ticket[16];
        std::snprintf(ticket, sizeof ticket, "%c%02d",
                      static_cast<char>('A' + std::max(0, a.service() - 1)), n);
        QueueEntry e;
        e.set_ticket(ticket);
        e.set_service(appointmentServiceName(a.service()));
        e.set_half_day(halfDayName(a.half_day()));
        if (const auto person = loadPerson(tx, r.text(1)))
            e.set_masked_name(drivers::sscard::maskName(person->name));
        e.set_accepted(state == APPLICATION_STATE_ACCEPTED);
        tickets.push_back({a.half_day(), ticket, e});
    }
    std::sort(tickets.begin(), tickets.end(), [](const Ticket& x, const Ticket& y) {
        return std::tie(x.half, x.ticket) < std::tie(y.half, y.ticket);
    });
    std::vector<QueueEntry> out;
    out.reserve(tickets.size());
    for (auto& t : tickets)
        out.push_back(std::move(t.entry));
    return out;
}

void applications::freePlace(store::Tx& tx, const Appointment& a) {
    tx.exec(
        "UPDATE appointment_slots SET booked = booked - 1 WHERE service_point_id = $1 AND "
        "service = $2 AND day = $3 AND half_day = $4 AND booked > 0",
        slotKey(a));
}

grpc::Status ApplicationServiceImpl::ListFreeSlots(grpc::ServerContext* ctx,
                                                   const ListFreeSlotsRequest* req,
                                                   ListFreeSlotsResponse* resp) {
    return m_runner.query(
        ctx, "applications.free_slots", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            requireTouchOrStaff(caller);
            const std::string point = req->service_point_id().empty() ? servicePointOf(tx, caller)
                                                                      : req->service_point_id();
            if (point.empty())
                throw Refused(Refusal::malformed(
                    "service_point_id is missing (this terminal has no service point)"));
            subject.region = servicePointRegion(tx, point);
            subject.label = point;
            requireRegion(caller, subject.region);
            const int today = chinaDay(now);
            const int from = req->has_from() ? std::max(today, toDay(req->from())) : today;
            const int to = addDays(from, (req->days() > 0 ? req->days() : kDefaultSlotDays) - 1);
            for (const auto& r : tx.query(
                     "SELECT day, half_day, capacity, booked FROM appointment_slots WHERE "
                     "service_point_id = $1 AND service = $2 AND day >= $3 AND day <= $4 AND "
                     "booked < capacity ORDER BY day, half_day",
                     {point, std::int64_t{req->service()}, std::int64_t{from}, std::int64_t{to}})) {
                const int day = static_cast<int>(r.integer(0));
                const auto half = static_cast<HalfDay>(r.integer(1));
                if (slotOver(day, half, now))
                    continue;
                auto* s = resp->add_slots();
                s->set_service_point_id(point);
                s->set_service(req->service());
                *s->mutable_day() = toDate(day);
                s->set_half_day(half);
                s->set_capacity(static_cast<int>(r.integer(2)));
                s->set_booked(static_cast<int>(r.integer(3)));
            }
        });
}

grpc::Status ApplicationServiceImpl::SetSlotCapacity(grpc::ServerContext* ctx,
                                                     const SetSlotCapacityRequest* req,
                                                     SetSlotCapacityResponse* resp) {
    return m_runner.mutate(
        ctx, "applications.set_slots", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t) {
            requireStaff(caller);
            subject.region = servicePointRegion(tx, req->service_point_id());
            subject.label = req->service_point_id();
            requireRegion(caller, subject.region);
            const int from = toDay(req->from()), to = toDay(req->to());
            const auto declared = loadDeclaredDays(tx, from, to);
            std::vector<HalfDay> halves;
            for (int h : req->half_days())
                halves.push_back(static_cast<HalfDay>(h));
            if (halves.empty())
                halves = {HALF_DAY_MORNING, HALF_DAY_AFTERNOON};
            int set = 0;
            for (int day = from; day != 0 && day <= to; day = addDays(day, 1)) {
                if (!req->include_non_working_days() && !isWorkingDay(day, declared))
                    continue;
                for (HalfDay half : halves) {
                    const std::vector<store::Value> key{req->service_point_id(),
                                                        std::int64_t{req->service()},
                                                        std::int64_t{day}, std::int64_t{half}};
                    const auto booked = tx.queryOne(
                        "SELECT booked FROM appointment_slots WHERE service_point_id = $1 AND "
                        "service = $2 AND day = $3 AND half_day = $4" +
                            std::string(tx.forUpdate()),
                        key);
                    if (booked && booked->integer(0) > req->capacity())
                        throw slotRefusal(std::to_string(booked->integer(0)) +
                                          " places are already booked on " + std::to_string(day) +
                                          " " + HalfDay_Name(half));
                    auto params = key;
                    params.emplace_back(std::int64_t{req->capacity()});
                    tx.exec(
                        "INSERT INTO appointment_slots (service_point_id, service, day, half_day, "
                        "capacity, booked) VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT "
                        "(service_point_id, service, day, half_day) DO UPDATE SET capacity = $5",
                        params);
                    ++set;
                }
            }
            resp->set_slots_set(set);
        });
}

}  // namespace renshe::services::backoffice
