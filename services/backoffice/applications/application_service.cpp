#include "services/backoffice/applications/application_service.hpp"

#include <charconv>

#include "services/backoffice/applications/calendar.hpp"
#include "services/backoffice/applications/checks.hpp"
#include "services/backoffice/certification/tickets.hpp"
#include "services/backoffice/content/content_service.hpp"
#include "services/backoffice/jobs/jobs_service.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;
using namespace applications;

namespace {

constexpr const char* kEventSubmit = "applications.submit";
constexpr const char* kEventStatus = "applications.status";
constexpr int kDueDaysLoaded = 120;  // the calendar read ahead for a due date
constexpr int kDefaultPageSize = 20;

Refused stateRefusal(const std::string& why) {
    return Refused(Refusal::precondition(REFUSAL_REASON_WRONG_APPLICATION_STATE, why));
}

// The applicant: the card's holder (touch terminal, active card, fresh PIN) or the person whose
// ID number and name were given (their name as registered; for a terminal, in its region).
PersonRow applicantOf(store::Tx& tx, const Caller& caller, const Applicant& a, Subject& audit,
                      std::int64_t now, std::int64_t pinMaxAgeSeconds) {
    if (a.has_card()) {
        auto [card, person] =
            requireCardAtTerminal(tx, caller, a.card().card(), audit, {.lockCard = false});
        requireFreshVerification(a.card().pin_verified_at(), a.card().has_pin_verified_at(), now,
                                 pinMaxAgeSeconds);
        const CardRow state = effective(card, now);
        if (isExpired(state, now))
            throw Refused(
                Refusal::precondition(REFUSAL_REASON_CARD_EXPIRED, "the card has expired"));
        if (state.status != CARD_STATUS_ACTIVE)
            throw Refused(Refusal::precondition(
                REFUSAL_REASON_WRONG_CARD_STATE,
                "applications need an active card, this one is " + CardStatus_Name(state.status)));
        return person;
    }
    const std::string ssn = checks::normalizeSsn(a.identity().ssn());
    audit.ssn = ssn;
    const auto person = loadPerson(tx, ssn);
    if (person) {
        audit.region = person->region;
        if (caller.isStaff())
            requireRegion(caller, person->region);
    }
    // Guesses about persons elsewhere count against the terminal only.
    audit.failuresCountForSubject = person && inRegion(caller, person->region);
    if (!person || !inRegion(caller, person->region) ||
        checks::normalizeName(person->name) != checks::normalizeName(a.identity().name()))
        throw Refused(Refusal::denied(REFUSAL_REASON_SECOND_FACTOR_FAILED,
                                      "ID number and name do not match the registry"));
    return *person;
}

// The relative a home visit is for: ID number and name as registered, in the caller's region.
PersonRow relativeOf(store::Tx& tx, const Caller& caller, const RelativeRef& r) {
    const auto person = loadPerson(tx, checks::normalizeSsn(r.ssn()));
    if (!person || !inRegion(caller, person->region) ||
        checks::normalizeName(person->name) != checks::normalizeName(r.name()))
        throw Refused(
            Refusal::notFound(REFUSAL_REASON_UNKNOWN_PERSON,
                              "the relative's ID number and name do not match the registry"));
    return *person;
}

// What makes two open applications the same request: the kind and, for a job application
// the posting, for an appointment the slot.
std::string sameRequestKey(const ApplicationPayload& p) {
    switch (p.kind_case()) {
        case ApplicationPayload::kJobApplication:
            return "job:" + p.job_application().job_id();
        case ApplicationPayload::kAppointment:
            return "slot:" + p.appointment().service_point_id() + "/" +
                   std::to_string(p.appointment().service()) + "/" +
                   std::to_string(toDay(p.appointment().day())) + "/" +
                   std::to_string(p.appointment().half_day());
        default:
            return "kind:" + std::to_string(p.kind_case());
    }
}

// An open application of the same person for the same thing is ALREADY_EXISTS.
void refuseDuplicate(store::Tx& tx, const ApplicationRow& row) {
    const std::string key = sameRequestKey(row.payload);
    const std::string& who = row.beneficiarySsn.empty() ? row.applicantSsn : row.beneficiarySsn;
    for (const auto& r : tx.query(
             "SELECT number FROM applications WHERE (applicant_ssn = $1 OR beneficiary_ssn = $1) "
             "AND kind = $2 AND state <> $3 AND state <> $4",
             {who, std::int64_t{row.kind}, std::int64_t{APPLICATION_STATE_REJECTED},
              std::int64_t{APPLICATION_STATE_DONE}})) {
        const auto open = loadApplication(tx, r.text(0), false);
        const std::string& openFor =
            open->beneficiarySsn.empty() ? open->applicantSsn : open->beneficiarySsn;
        if (openFor == who && sameRequestKey(open->payload) == key)
            throw Refused(Refusal{grpc::StatusCode::ALREADY_EXISTS, REFUSAL_REASON_ALREADY_EXISTS,
                                  "an open application for the same already exists"});
    }
}

// Fills what the payload's kind needs from other domains: the posting's title and employer,
// the appointment's service point and place, the relative.
void completePayload(store::Tx& tx, const Caller& caller, ApplicationRow& row, std::int64_t now) {
    auto& p = row.payload;
    if (p.has_job_application()) {
        const auto open = openJobsById(tx, {p.job_application().job_id()}, now);
        if (open.empty())
            throw Refused(Refusal::notFound(
                REFUSAL_REASON_NOT_FOUND, "no open posting with this id (withdrawn or expired?)"));
        p.mutable_job_application()->set_job_title(open.front().title());
        p.mutable_job_application()->set_employer(open.front().employer());
    } else if (p.has_appointment()) {
        auto* a = p.mutable_appointment();
        if (a->service_point_id().empty())
            a->set_service_point_id(row.servicePointId);
        if (a->service_point_id().empty())
            throw Refused(Refusal::malformed(
                "appointment.service_point_id is missing (this terminal has no service point)"));
        const auto point =
            tx.queryOne("SELECT region FROM service_points WHERE id = $1", {a->service_point_id()});
        if (!point)
            throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such service point"));
        requireRegion(caller, point->text(0));
        row.servicePointId = a->service_point_id();
    } else if (p.has_home_visit() && p.home_visit().has_relative()) {
        const PersonRow relative = relativeOf(tx, caller, p.home_visit().relative());
        row.beneficiarySsn = relative.ssn;
        row.region = relative.region;
        auto* r = p.mutable_home_visit()->mutable_relative();
        r->set_ssn(relative.ssn);
        r->set_name(relative.name);
    }
}

// The state a decision leads to from `from`, or nullopt when the state machine has no such
// step. An appointment or a follow-up may be completed straight from SUBMITTED.
std::optional<ApplicationState> nextState(ApplicationKind kind, ApplicationState from, Decision d) {
    const bool direct =
        kind == APPLICATION_KIND_APPOINTMENT || kind == APPLICATION_KIND_RATING_FOLLOW_UP;
    switch (from) {
        case APPLICATION_STATE_SUBMITTED:
            if (d == DECISION_COMPLETE)
                return direct ? std::optional(APPLICATION_STATE_DONE) : std::nullopt;
            break;
        case APPLICATION_STATE_MORE_INFORMATION_NEEDED:
            if (d == DECISION_COMPLETE || d == DECISION_REQUEST_INFORMATION)
                return std::nullopt;
            break;
        case APPLICATION_STATE_ACCEPTED:
            if (d == DECISION_ACCEPT)
                return std::nullopt;
            break;
        default:
            return std::nullopt;  // final
    }
    switch (d) {
        case DECISION_ACCEPT:
            return APPLICATION_STATE_ACCEPTED;
        case DECISION_REQUEST_INFORMATION:
            return APPLICATION_STATE_MORE_INFORMATION_NEEDED;
        case DECISION_REJECT:
            return APPLICATION_STATE_REJECTED;
        case DECISION_COMPLETE:
            return APPLICATION_STATE_DONE;
        default:
            return std::nullopt;
    }
}

const char* actionOf(Decision d) {
    switch (d) {
        case DECISION_ACCEPT:
            return "accepted";
        case DECISION_REQUEST_INFORMATION:
            return "more_information";
        case DECISION_REJECT:
            return "rejected";
        default:
            return "done";
    }
}

// The application for a staff member of its region, locked for a change.
ApplicationRow staffApplication(store::Tx& tx, const Caller& caller, const std::string& number,
                                Subject& subject, bool forUpdate) {
    requireStaff(caller);
    auto row = loadApplication(tx, *checks::normalizeApplicationNumber(number), forUpdate);
    if (!row)
        throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such application"));
    subject.ssn = row->applicantSsn;
    subject.region = row->region;
    subject.label = row->number;
    requireRegion(caller, row->region);
    return *row;
}

// "due_day:number" → the keyset position after which a page starts.
std::optional<std::pair<std::int64_t, std::string>> pageAfter(const std::string& token) {
    if (token.empty())
        return std::nullopt;
    const auto colon = token.find(':');
    std::int64_t day = 0;
    if (colon != std::string::npos) {
        const auto r = std::from_chars(token.data(), token.data() + colon, day);
        const auto number = checks::normalizeApplicationNumber(token.substr(colon + 1));
        if (r.ec == std::errc() && r.ptr == token.data() + colon && number)
            return std::pair{day, *number};
    }
    throw Refused(Refusal::malformed("page.page_token is not one this service gave"));
}

}  // namespace

int ApplicationServiceImpl::today() const {
    return chinaDay(m_runner.clock().nowMicros());
}

std::string applications::staffPrefix(const Caller& caller, const std::string& asked,
                                      Subject& subject) {
    requireStaff(caller);
    std::string prefix = asked.empty() ? caller.identity.region : asked;
    subject.region = prefix;
    requireRegion(caller, prefix);
    return prefix;
}

std::string applications::servicePointOf(store::Tx& tx, const Caller& caller) {
    if (caller.isStaff())
        return "";
    const auto row =
        tx.queryOne("SELECT service_point_id FROM terminal_enrolments WHERE terminal_id = $1",
                    {caller.identity.id});
    return row ? row->text(0) : "";
}

grpc::Status ApplicationServiceImpl::SubmitApplication(grpc::ServerContext* ctx,
                                                       const SubmitApplicationRequest* req,
                                                       SubmitApplicationResponse* resp) {
    // The sealed form is opened first; the form checks apply to what it holds. Replays compare
    // the request as sent (the sealed bytes), as the outbox sends it again.
    SubmitApplicationRequest opened;
    const SubmitApplicationRequest* effective = req;
    std::optional<Refusal> unsealable;
    if (req->has_sealed()) {
        const auto& s = req->sealed();
        const auto plain =
            req->has_applicant() || req->has_payload() || !req->phone().empty()
                ? std::nullopt
                : m_runner.keys().openSealed({s.ephemeral_public_key(), s.nonce(), s.ciphertext()},
                                             req->request_id());
        if (!plain || !opened.ParseFromString(*plain) || opened.has_sealed() ||
            !opened.request_id().empty()) {
            unsealable = Refusal::malformed(
                "sealed does not open with this back office's key (or comes with plain fields)");
        }
        opened.set_request_id(req->request_id());
        effective = &opened;
    }
    RateLimited limited;
    if (effective->applicant().has_identity())
        limited.ssn = checks::normalizeSsn(effective->applicant().identity().ssn());
    return m_runner.mutate(
        ctx, kEventSubmit, req->request_id(), *req, resp,
        unsealable ? unsealable : checks::check(*effective, today()),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireTouchOrStaff(caller);
            const PersonRow applicant =
                applicantOf(tx, caller, effective->applicant(), subject, now,
                            m_runner.policy().pinVerificationMaxAgeSeconds);
            const int day = chinaDay(now);
            ApplicationRow row;
            row.kind = kindOf(effective->payload());
            row.applicantSsn = applicant.ssn;
            row.region = applicant.region;
            row.terminalId = caller.terminalId();
            row.servicePointId = servicePointOf(tx, caller);
            row.phone = effective->phone();
            row.payload = effective->payload();
            row.submittedAt = now;
            completePayload(tx, caller, row, now);
            refuseDuplicate(tx, row);
            if (row.payload.has_appointment()) {
                bookPlace(tx, row.payload.appointment(), now);
                bumpContentRevision(tx, now);  // the displays' 今日预约 boards
                row.dueDay = toDay(row.payload.appointment().day());
            } else {
                row.dueDay =
                    afterWorkingDays(day, workingDaysFor(row.kind),
                                     loadDeclaredDays(tx, day, addDays(day, kDueDaysLoaded)));
            }
            row.summary = summaryOf(row.payload);
            insertApplication(tx, row, day, caller.identity.id, now);
            *resp->mutable_application() = toProto(tx, row, day, false);
            resp->set_next_step(nextStepOf(row));
        },
        limited);
}

grpc::Status ApplicationServiceImpl::GetApplicationStatus(grpc::ServerContext* ctx,
                                                          const GetApplicationStatusRequest* req,
                                                          GetApplicationStatusResponse* resp) {
    // Status by number + ID number: a terminal may ask at most terminalStatusLookups an hour,
    // counted for found and not found alike (guessing is what the budget is against).
    std::optional<Caller> who;
    auto status = m_runner.query(
        ctx, kEventStatus, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t) {
            resp->Clear();
            requireTouchOrStaff(caller);
            who = caller;
            const std::string ssn = checks::normalizeSsn(req->ssn());
            subject.ssn = ssn;
            const auto row =
                loadApplication(tx, *checks::normalizeApplicationNumber(req->number()), false);
            if (!row || (row->applicantSsn != ssn && row->beneficiarySsn != ssn) ||
                !inRegion(caller, row->region))
                throw Refused(
                    Refusal::notFound(REFUSAL_REASON_NOT_FOUND,
                                      "no application with this number for this ID number"));
            subject.region = row->region;
            *resp = statusOf(tx, *row);
        });
    if (!who || who->isStaff() ||
        (!status.ok() && status.error_code() != grpc::StatusCode::NOT_FOUND))
        return status;
    std::optional<Refusal> overBudget;
    try {
        m_runner.store().write([&](store::Tx& tx) {
            overBudget = takeBudget(
                tx, "term-appstatus:" + who->identity.id, m_runner.policy().terminalStatusLookups,
                m_runner.clock().nowMicros(), "application status look-ups at this terminal");
        });
    } catch (const std::exception&) {
        resp->Clear();
        return {grpc::StatusCode::UNAVAILABLE, "storage unavailable; retry"};
    }
    if (overBudget) {
        resp->Clear();
        return m_runner.finish(ctx, *overBudget);
    }
    return status;
}

grpc::Status ApplicationServiceImpl::ListMyApplications(grpc::ServerContext* ctx,
                                                        const ListMyApplicationsRequest* req,
                                                        ListMyApplicationsResponse* resp) {
    constexpr std::int64_t kRecentMicros = 90LL * 86'400'000'000;
    constexpr int kMostShown = 20;
    return m_runner.query(
        ctx, "applications.mine", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            Applicant proof;
            *proof.mutable_card() = req->card();
            const PersonRow holder = applicantOf(tx, caller, proof, subject, now,
                                                 m_runner.policy().pinVerificationMaxAgeSeconds);
            for (const auto& r :
                 tx.query("SELECT number FROM applications WHERE (applicant_ssn = $1 OR "
                          "beneficiary_ssn = $1) AND (state NOT IN ($2, $3) OR submitted_at > $4) "
                          "ORDER BY submitted_at DESC, number LIMIT $5",
                          {holder.ssn, std::int64_t{APPLICATION_STATE_REJECTED},
                           std::int64_t{APPLICATION_STATE_DONE}, now - kRecentMicros,
                           std::int64_t{kMostShown}}))
                *resp->add_applications() = statusOf(tx, *loadApplication(tx, r.text(0), false));
        });
}

grpc::Status ApplicationServiceImpl::ListApplications(grpc::ServerContext* ctx,
                                                      const ListApplicationsRequest* req,
                                                      ListApplicationsResponse* resp) {
    return m_runner.query(
        ctx, "applications.list", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            const std::string prefix = staffPrefix(caller, req->region_prefix(), subject);
            std::vector<store::Value> params{prefix};
            auto param = [&](store::Value v) {
                params.push_back(std::move(v));
                return "$" + std::to_string(params.size());
            };
            std::string sql = "SELECT number FROM applications WHERE substr(region, 1, " +
                              std::to_string(prefix.size()) + ") = $1";
            std::string states;
            if (req->states().empty()) {
                states = param(std::int64_t{APPLICATION_STATE_REJECTED}) + ", " +
                         param(std::int64_t{APPLICATION_STATE_DONE});
                sql += " AND state NOT IN (" + states + ")";
            } else {
                for (int s : req->states())
                    states += (states.empty() ? "" : ", ") + param(std::int64_t{s});
                sql += " AND state IN (" + states + ")";
            }
            if (!req->kinds().empty()) {
                std::string kinds;
                for (int k : req->kinds())
                    kinds += (kinds.empty() ? "" : ", ") + param(std::int64_t{k});
                sql += " AND kind IN (" + kinds + ")";
            }
            if (req->has_due_on_or_before())
                sql += " AND due_day <= " + param(std::int64_t{toDay(req->due_on_or_before())});
            if (req->unclaimed_only())
                sql += " AND claimed_by = ''";
            if (const auto after = pageAfter(req->page().page_token())) {
                const std::string d = param(after->first);
                const std::string n = param(after->second);
                sql += " AND (due_day > " + d + " OR (due_day = " + d + " AND number > " + n + "))";
            }
            const int size =
                req->page().page_size() > 0 ? req->page().page_size() : kDefaultPageSize;
            sql += " ORDER BY due_day, number LIMIT " + param(std::int64_t{size + 1});
            const auto rows = tx.query(sql, params);
            const int day = chinaDay(now);
            for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < size; ++i)
                *resp->add_applications() =
                    toProto(tx, *loadApplication(tx, rows[i].text(0), false), day, false);
            if (static_cast<int>(rows.size()) > size) {
                const auto& last = resp->applications(size - 1);
                resp->mutable_page()->set_next_page_token(std::to_string(toDay(last.due_date())) +
                                                          ":" + last.number());
            }
        });
}

grpc::Status ApplicationServiceImpl::GetApplication(grpc::ServerContext* ctx,
                                                    const GetApplicationRequest* req,
                                                    GetApplicationResponse* resp) {
    return m_runner.query(
        ctx, "applications.get", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            const auto row = staffApplication(tx, caller, req->number(), subject, false);
            *resp->mutable_application() = toProto(tx, row, chinaDay(now), true);
        });
}

grpc::Status ApplicationServiceImpl::ClaimApplication(grpc::ServerContext* ctx,
                                                      const ClaimApplicationRequest* req,
                                                      ClaimApplicationResponse* resp) {
    return m_runner.mutate(
        ctx, "applications.claim", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            auto row = staffApplication(tx, caller, req->number(), subject, true);
            if (isFinal(row.state))
                throw stateRefusal("the application is " + ApplicationState_Name(row.state));
            const std::string before = row.claimedBy;
            if (!before.empty() && before != caller.identity.id && !req->take_over())
                throw stateRefusal("the application is claimed by " + before);
            if (before != caller.identity.id) {
                row.claimedBy = caller.identity.id;
                updateApplication(tx, row, caller.identity.id, "claimed",
                                  before.empty() ? "" : "taken over from " + before, now);
            }
            *resp->mutable_application() = toProto(tx, row, chinaDay(now), true);
        });
}

grpc::Status ApplicationServiceImpl::DecideApplication(grpc::ServerContext* ctx,
                                                       const DecideApplicationRequest* req,
                                                       DecideApplicationResponse* resp) {
    return m_runner.mutate(
        ctx, "applications.decide", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            auto row = staffApplication(tx, caller, req->number(), subject, true);
            if (!row.claimedBy.empty() && row.claimedBy != caller.identity.id)
                throw stateRefusal("the application is claimed by " + row.claimedBy);
            const auto to = nextState(row.kind, row.state, req->decision());
            if (!to)
                throw stateRefusal("no " + Decision_Name(req->decision()) + " from " +
                                   ApplicationState_Name(row.state));
            if (*to == APPLICATION_STATE_REJECTED && row.payload.has_appointment())
                freePlace(tx, row.payload.appointment());
            if (row.payload.has_appointment())
                bumpContentRevision(tx, now);  // the ticket leaves or changes on the boards
            row.state = *to;
            row.reason = req->reason();
            row.claimedBy = caller.identity.id;
            updateApplication(tx, row, caller.identity.id, actionOf(req->decision()), req->reason(),
                              now);
            *resp->mutable_application() = toProto(tx, row, chinaDay(now), true);
        });
}

grpc::Status ApplicationServiceImpl::AddApplicationNote(grpc::ServerContext* ctx,
                                                        const AddApplicationNoteRequest* req,
                                                        AddApplicationNoteResponse* resp) {
    return m_runner.mutate(
        ctx, "applications.note", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            const auto row = staffApplication(tx, caller, req->number(), subject, true);
            appendEvent(tx, row.number, caller.identity.id, "note", row.state, req->text(), now);
            *resp->mutable_application() = toProto(tx, row, chinaDay(now), true);
        });
}

grpc::Status ApplicationServiceImpl::SetCalendar(grpc::ServerContext* ctx,
                                                 const SetCalendarRequest* req,
                                                 SetCalendarResponse* resp) {
    return m_runner.mutate(
        ctx, "applications.set_calendar", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireProvinceStaff(caller);
            subject.label = "calendar " + std::to_string(req->year());
            const std::int64_t first = req->year() * 10000 + 101, last = req->year() * 10000 + 1231;
            tx.exec("DELETE FROM calendar_days WHERE day >= $1 AND day <= $2", {first, last});
            for (const auto& d : req->days())
                tx.exec(
                    "INSERT INTO calendar_days (day, kind, name, updated_at, updated_by) VALUES "
                    "($1, $2, $3, $4, $5)",
                    {std::int64_t{toDay(d.day())}, std::int64_t{d.kind()}, d.name(), now,
                     caller.identity.id});
            resp->set_days(req->days_size());
        });
}

grpc::Status ApplicationServiceImpl::GetCalendar(grpc::ServerContext* ctx,
                                                 const GetCalendarRequest* req,
                                                 GetCalendarResponse* resp) {
    return m_runner.query(
        ctx, "applications.get_calendar", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t) {
            resp->Clear();
            requireTouchOrStaff(caller);
            for (const auto& r :
                 tx.query("SELECT day, kind, name FROM calendar_days WHERE day >= $1 AND day <= $2 "
                          "ORDER BY day",
                          {std::int64_t{req->year() * 10000 + 101},
                           std::int64_t{req->year() * 10000 + 1231}})) {
                auto* d = resp->add_days();
                *d->mutable_day() = toDate(static_cast<int>(r.integer(0)));
                d->set_kind(static_cast<DayKind>(r.integer(1)));
                d->set_name(r.text(2));
            }
        });
}

}  // namespace renshe::services::backoffice
