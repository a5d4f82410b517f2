// The applications table and its history as rows, and as the contract's messages: loading,
// numbering, inserting, updating, the history, the one-line summary and the next step a
// citizen is told. Kept apart from the RPCs (application_service.cpp) so that the kiosk-facing
// and the staff-facing handlers, and the follow-up a rating makes, share one model.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "renshe/v1/applications.pb.h"
#include "services/store/store.hpp"

namespace renshe::services::backoffice::applications {

struct ApplicationRow {
    std::string number;
    renshe::v1::ApplicationKind kind = renshe::v1::APPLICATION_KIND_UNSPECIFIED;
    renshe::v1::ApplicationState state = renshe::v1::APPLICATION_STATE_SUBMITTED;
    std::string applicantSsn;    // "" for a follow-up
    std::string beneficiarySsn;  // "" unless a relative is served
    std::string region, servicePointId, terminalId, phone;
    renshe::v1::ApplicationPayload payload;
    std::string summary;
    std::int64_t submittedAt = 0;
    int dueDay = 0;  // YYYYMMDD
    std::string reason, claimedBy;
};

// Working days from submission to the due date, by kind (an appointment: its slot's day).
int workingDaysFor(renshe::v1::ApplicationKind kind);
renshe::v1::ApplicationKind kindOf(const renshe::v1::ApplicationPayload& payload);
bool isFinal(renshe::v1::ApplicationState state);

std::optional<ApplicationRow> loadApplication(store::Tx& tx, const std::string& number,
                                              bool forUpdate);
// Numbers `row` (YYYYMMDD of `today` + 6 random digits, drawn again on a collision), inserts
// it and its "submitted" event by `actor`.
void insertApplication(store::Tx& tx, ApplicationRow& row, int today, const std::string& actor,
                       std::int64_t now);
// Writes state, reason and claim, and appends the history event.
void updateApplication(store::Tx& tx, const ApplicationRow& row, const std::string& actor,
                       const std::string& action, const std::string& text, std::int64_t now);
// Appends an event that changes nothing else (a note).
void appendEvent(store::Tx& tx, const std::string& number, const std::string& actor,
                 const std::string& action, renshe::v1::ApplicationState state,
                 const std::string& text, std::int64_t now);

// The application as staff see it; `detailed` adds the payload (relatives masked) and the
// history. Persons are read for their masked names.
renshe::v1::Application toProto(store::Tx& tx, const ApplicationRow& row, int today, bool detailed);
// The citizen's view (GetApplicationStatus).
renshe::v1::GetApplicationStatusResponse statusOf(store::Tx& tx, const ApplicationRow& row);

// One line for queues and slips: "货车司机 · 某某物流", "2026年12月7日上午 · 社保卡业务", …
std::string summaryOf(const renshe::v1::ApplicationPayload& payload);
// What happens next, for the slip (Chinese).
std::string nextStepOf(const ApplicationRow& row);
google::protobuf::Timestamp timestampOf(std::int64_t micros);
// "138****5678"; "" stays "".
std::string maskPhone(const std::string& phone);
std::string halfDayName(renshe::v1::HalfDay half);
std::string appointmentServiceName(renshe::v1::AppointmentService service);

}  // namespace renshe::services::backoffice::applications
