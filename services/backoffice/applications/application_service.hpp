// renshe.v1.ApplicationService (applications.proto): applications made at touch terminals
// (or by staff on a citizen's behalf), the staff queue that works them through their states,
// appointment slots (slots.cpp) and the province's working-day calendar.
#pragma once

#include "renshe/v1/applications.grpc.pb.h"
#include "renshe/v1/content.pb.h"
#include "services/backoffice/applications/application_rows.hpp"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

class ApplicationServiceImpl final : public renshe::v1::ApplicationService::Service {
public:
    explicit ApplicationServiceImpl(MutationRunner& runner) : m_runner(runner) {}

    grpc::Status SubmitApplication(grpc::ServerContext*,
                                   const renshe::v1::SubmitApplicationRequest*,
                                   renshe::v1::SubmitApplicationResponse*) override;
    grpc::Status GetApplicationStatus(grpc::ServerContext*,
                                      const renshe::v1::GetApplicationStatusRequest*,
                                      renshe::v1::GetApplicationStatusResponse*) override;
    grpc::Status ListMyApplications(grpc::ServerContext*,
                                    const renshe::v1::ListMyApplicationsRequest*,
                                    renshe::v1::ListMyApplicationsResponse*) override;
    grpc::Status ListApplications(grpc::ServerContext*, const renshe::v1::ListApplicationsRequest*,
                                  renshe::v1::ListApplicationsResponse*) override;
    grpc::Status GetApplication(grpc::ServerContext*, const renshe::v1::GetApplicationRequest*,
                                renshe::v1::GetApplicationResponse*) override;
    grpc::Status ClaimApplication(grpc::ServerContext*, const renshe::v1::ClaimApplicationRequest*,
                                  renshe::v1::ClaimApplicationResponse*) override;
    grpc::Status DecideApplication(grpc::ServerContext*,
                                   const renshe::v1::DecideApplicationRequest*,
                                   renshe::v1::DecideApplicationResponse*) override;
    grpc::Status AddApplicationNote(grpc::ServerContext*,
                                    const renshe::v1::AddApplicationNoteRequest*,
                                    renshe::v1::AddApplicationNoteResponse*) override;
    grpc::Status ListFreeSlots(grpc::ServerContext*, const renshe::v1::ListFreeSlotsRequest*,
                               renshe::v1::ListFreeSlotsResponse*) override;
    grpc::Status SetSlotCapacity(grpc::ServerContext*, const renshe::v1::SetSlotCapacityRequest*,
                                 renshe::v1::SetSlotCapacityResponse*) override;
    grpc::Status SetCalendar(grpc::ServerContext*, const renshe::v1::SetCalendarRequest*,
                             renshe::v1::SetCalendarResponse*) override;
    grpc::Status GetCalendar(grpc::ServerContext*, const renshe::v1::GetCalendarRequest*,
                             renshe::v1::GetCalendarResponse*) override;

private:
    int today() const;
    MutationRunner& m_runner;
};

namespace applications {

// The region prefix a staff list covers: the request's (empty: the caller's own), which must
// lie inside the caller's region (OUTSIDE_REGION); STAFF_ONLY for anyone else.
std::string staffPrefix(const Caller& caller, const std::string& asked, Subject& subject);

// The service point a terminal belongs to ("" when it was enrolled without one).
std::string servicePointOf(store::Tx& tx, const Caller& caller);

// Appointment places (slots.cpp). Takes one place of the appointment's slot, or throws Refused
// (FAILED_PRECONDITION, SLOT_UNAVAILABLE: not offered, over, or full). Exactly one of two
// concurrent bookings of the last place wins, on both backends (one conditional UPDATE).
void bookPlace(store::Tx& tx, const renshe::v1::Appointment& appointment, std::int64_t now);
// Gives the place back (a cancelled appointment).
void freePlace(store::Tx& tx, const renshe::v1::Appointment& appointment);
// Whether a half day is over at `now` (China time: mornings end 12:00, afternoons 17:00).
bool slotOver(int day, renshe::v1::HalfDay half, std::int64_t now);

// The display boards' 今日预约 (slots.cpp): today's appointments at the service points of
// `regionPrefix` not yet done or cancelled, as tickets ("A03": the service's letter, then the
// booking's place among that day's bookings of the service there, so a cancellation renumbers
// nobody), masked names, morning first.
std::vector<renshe::v1::QueueEntry> queueToday(store::Tx& tx, const std::string& regionPrefix,
                                               std::int64_t now);

}  // namespace applications

}  // namespace renshe::services::backoffice
