#include "services/backoffice/counter/counter_service.hpp"

#include <optional>
#include <string>

#include "services/backoffice/admin/admin_service.hpp"
#include "services/backoffice/applications/application_rows.hpp"
#include "services/backoffice/applications/calendar.hpp"
#include "services/backoffice/certification/certification_service.hpp"
#include "services/backoffice/checks/checks.hpp"
#include "services/backoffice/records/reading.hpp"
#include "services/backoffice/records/record_rows.hpp"
#include "services/backoffice/rpc/caller.hpp"
#include "services/backoffice/rpc/refusal.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

const std::string kEventPersonFile = "counter.person_file";
constexpr int kListed = 20;
constexpr std::size_t kMaxReasonBytes = 600;  // 200 Chinese characters

checks::Result check(const GetPersonFileRequest& r) {
    if (auto refusal = checks::tooLarge(r))
        return refusal;
    if (auto refusal = checks::checkPersonRef(r.has_person(), r.person()))
        return refusal;
    if (!r.reveal() && !r.reveal_reason().empty())
        return Refusal::malformed("reveal_reason given without reveal");
    return checks::checkText(r.reveal_reason(), kMaxReasonBytes, "reveal_reason", r.reveal());
}

// "touch:T-371302-001" → "T-371302-001".
std::string terminalOf(const std::string& callerKey) {
    const auto colon = callerKey.find(':');
    return colon == std::string::npos ? callerKey : callerKey.substr(colon + 1);
}

void addCertifications(store::Tx& tx, const std::string& ssn, GetPersonFileResponse* resp) {
    const auto rows = tx.query(
        "SELECT certified_at, terminal, resumed FROM certifications WHERE ssn = $1 "
        "ORDER BY certified_at DESC LIMIT $2",
        {ssn, std::int64_t{kListed}});
    for (const auto& row : rows) {
        auto* event = resp->add_certifications();
        setTimestamp(event->mutable_certified_at(), row.integer(0));
        event->set_terminal_id(terminalOf(row.text(1)));
        event->set_resumed(row.integer(2) != 0);
    }
}

void addApplications(store::Tx& tx, const std::string& ssn, std::int64_t now,
                     GetPersonFileResponse* resp) {
    // Two indexed look-ups (applicant, served relative), newest first.
    const auto rows = tx.query(
        "SELECT number, submitted_at FROM applications WHERE applicant_ssn = $1 "
        "UNION SELECT number, submitted_at FROM applications WHERE beneficiary_ssn = $1 "
        "ORDER BY 2 DESC, 1 DESC LIMIT $2",
        {ssn, std::int64_t{kListed}});
    const int today = applications::chinaDay(now);
    for (const auto& row : rows) {
        if (const auto application = applications::loadApplication(tx, row.text(0), false))
            *resp->add_applications() = applications::toProto(tx, *application, today, false);
    }
}

}  // namespace

grpc::Status CounterServiceImpl::GetPersonFile(grpc::ServerContext* ctx,
                                               const GetPersonFileRequest* req,
                                               GetPersonFileResponse* resp) {
    // A person's file is personal data: the read itself is audited (with the reason when the
    // full identity was revealed), and the answer goes out only once that event is durable
    // (AfterRead: the call's metrics and log line cover the read and the write).
    const auto audited = [&](const Caller& who, const Subject& about) -> std::optional<Refusal> {
        m_runner.auditedWrite([&](store::Tx& tx) {
            m_runner.auditInTx(tx, &who, kEventPersonFile, about,
                               req->reveal() ? "REVEALED: " + req->reveal_reason() : "OK", "",
                               m_runner.clock().nowMicros());
        });
        return std::nullopt;
    };
    auto status = m_runner.query(
        ctx, kEventPersonFile, check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            requireStaff(caller);
            const PersonRow person = resolvePerson(tx, req->person(), subject);
            const std::string& ssn = person.ssn;
            requireRegion(caller, person.region);
            describePerson(tx, person, now, resp->mutable_person());
            *resp->mutable_certification() =
                statusProto(certificationOf(tx, m_runner.policy(), person, now), person,
                            templates::list(tx, ssn));
            addCertifications(tx, ssn, resp);
            addApplications(tx, ssn, now, resp);
            records::summarise(tx, ssn, records::chinaMonth(now), resp->mutable_insurances(),
                               resp->mutable_records_through());
            if (req->reveal()) {
                resp->mutable_revealed()->set_ssn(person.ssn);
                resp->mutable_revealed()->set_name(person.name);
            }
        },
        audited);
    if (!status.ok())
        resp->Clear();  // the file goes out only with its audit event durable
    return status;
}

}  // namespace renshe::services::backoffice
