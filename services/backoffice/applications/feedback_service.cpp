#include "services/backoffice/applications/feedback_service.hpp"

#include <map>

#include "services/backoffice/applications/application_rows.hpp"
#include "services/backoffice/applications/application_service.hpp"
#include "services/backoffice/applications/calendar.hpp"
#include "services/backoffice/applications/checks.hpp"
#include "services/backoffice/certification/tickets.hpp"
#include "services/backoffice/fleet/fleet_rules.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;
using namespace applications;

namespace {

constexpr int kDueDaysLoaded = 60;
constexpr int kDefaultHelpRequests = 50;
constexpr int kLevels = 5;
constexpr int kPerMille = 1000;

std::string ratedServiceName(RatedService s) {
    switch (s) {
        case RATED_SERVICE_CARD:
            return "社保卡";
        case RATED_SERVICE_CERTIFICATION:
            return "资格认证";
        case RATED_SERVICE_RECORDS:
            return "我的社保";
        case RATED_SERVICE_APPLICATIONS:
            return "业务申请";
        default:
            return "就业信息";
    }
}

constexpr const char* kHelpColumns =
    "id, terminal_id, service_point_id, screen, raised_at, answered_at, answered_by, region";

HelpRequest helpOf(const store::Row& r) {
    HelpRequest h;
    h.set_id(r.text(0));
    h.set_terminal_id(r.text(1));
    h.set_service_point_id(r.text(2));
    h.set_screen(r.text(3));
    *h.mutable_raised_at() = timestampOf(r.integer(4));
    if (!r.isNull(5))
        *h.mutable_answered_at() = timestampOf(r.integer(5));
    h.set_answered_by(r.text(6));
    return h;
}

// Counts one rating or help request of the terminal; refuses when over its hourly budget.
void takeFeedbackBudget(store::Tx& tx, const MutationRunner& runner, const Caller& caller,
                        std::int64_t now) {
    if (auto over =
            takeBudget(tx, "term-feedback:" + caller.identity.id, runner.policy().terminalFeedback,
                       now, "ratings and help requests at this terminal"))
        throw Refused(*over);
}

}  // namespace

grpc::Status FeedbackServiceImpl::SubmitRating(grpc::ServerContext* ctx,
                                               const SubmitRatingRequest* req,
                                               SubmitRatingResponse* resp) {
    return m_runner.mutate(
        ctx, "feedback.rating", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireTouchTerminal(caller);
            takeFeedbackBudget(tx, m_runner, caller, now);
            subject.region = caller.identity.region;
            subject.label = caller.identity.id;
            const int day = chinaDay(now);
            const std::string point = servicePointOf(tx, caller);
            const std::string id = fleet::randomHex(8);
            std::string reasons;
            for (int r : req->reasons())
                reasons += (reasons.empty() ? "" : ",") + std::to_string(r);
            std::string followUp;
            if (req->level() <= RATING_LEVEL_DISSATISFIED) {
                ApplicationRow row;
                row.kind = APPLICATION_KIND_RATING_FOLLOW_UP;
                row.region = caller.identity.region;
                row.terminalId = caller.identity.id;
                row.servicePointId = point;
                auto* f = row.payload.mutable_follow_up();
                f->set_service(req->service());
                f->set_level(req->level());
                *f->mutable_reasons() = req->reasons();
                f->set_terminal_id(caller.identity.id);
                f->set_rating_id(id);
                row.summary = "差评回访 · " + ratedServiceName(req->service());
                row.submittedAt = now;
                row.dueDay =
                    afterWorkingDays(day, workingDaysFor(row.kind),
                                     loadDeclaredDays(tx, day, addDays(day, kDueDaysLoaded)));
                insertApplication(tx, row, day, caller.identity.id, now);
                followUp = row.number;
            }
            tx.exec(
                "INSERT INTO ratings (id, terminal_id, service_point_id, region, service, level, "
                "reasons, month, at, follow_up_number) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                "$9, $10)",
                {id, caller.identity.id, point, caller.identity.region,
                 std::int64_t{req->service()}, std::int64_t{req->level()}, reasons,
                 std::int64_t{day / 100}, now, followUp});
            resp->set_rating_id(id);
            resp->set_follow_up_number(followUp);
        });
}

grpc::Status FeedbackServiceImpl::RatingsReport(grpc::ServerContext* ctx,
                                                const RatingsReportRequest* req,
                                                RatingsReportResponse* resp) {
    return m_runner.query(
        ctx, "feedback.ratings_report", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t) {
            resp->Clear();
            const std::string prefix = staffPrefix(caller, req->region_prefix(), subject);
            const std::int64_t month =
                std::stoll(req->month().substr(0, 4) + req->month().substr(5));
            const std::string inRegion =
                "substr(r.region, 1, " + std::to_string(prefix.size()) + ") = $2";
            std::map<std::pair<std::string, int>, RatingsRow> rows;
            for (const auto& r :
                 tx.query("SELECT r.service_point_id, r.service, r.level, COUNT(*) FROM ratings r "
                          "WHERE r.month = $1 AND " +
                              inRegion + " GROUP BY 1, 2, 3",
                          {month, prefix})) {
                auto& row = rows[{r.text(0), static_cast<int>(r.integer(1))}];
                if (row.by_level_size() == 0) {
                    row.set_service_point_id(r.text(0));
                    row.set_service(static_cast<RatedService>(r.integer(1)));
                    for (int i = 0; i < kLevels; ++i)
                        row.add_by_level(0);
                }
                const int level = static_cast<int>(r.integer(2));
                row.set_by_level(level - 1, static_cast<int>(r.integer(3)));
                row.set_total(row.total() + static_cast<int>(r.integer(3)));
            }
            for (const auto& r : tx.query(
                     "SELECT r.service_point_id, r.service, COUNT(*) FROM ratings r JOIN "
                     "applications a ON a.number = r.follow_up_number WHERE r.month = $1 AND " +
                         inRegion + " AND a.state <> $3 AND a.state <> $4 GROUP BY 1, 2",
                     {month, prefix, std::int64_t{APPLICATION_STATE_REJECTED},
                      std::int64_t{APPLICATION_STATE_DONE}})) {
                const auto it = rows.find({r.text(0), static_cast<int>(r.integer(1))});
                if (it != rows.end())
                    it->second.set_follow_ups_open(static_cast<int>(r.integer(2)));
            }
            for (auto& [key, row] : rows) {
                const int satisfied = row.by_level(2) + row.by_level(3) + row.by_level(4);
                row.set_satisfied_per_mille(row.total() > 0 ? satisfied * kPerMille / row.total()
                                                            : 0);
                *resp->add_rows() = row;
            }
        });
}

grpc::Status FeedbackServiceImpl::RaiseHelpRequest(grpc::ServerContext* ctx,
                                                   const RaiseHelpRequestRequest* req,
                                                   RaiseHelpRequestResponse* resp) {
    return m_runner.mutate(
        ctx, "feedback.help", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireTouchTerminal(caller);
            subject.region = caller.identity.region;
            subject.label = caller.identity.id;
            const std::string select = std::string("SELECT ") + kHelpColumns +
                                       " FROM help_requests WHERE terminal_id = $1 AND open = 1";
            if (const auto open = tx.queryOne(select, {caller.identity.id})) {
                *resp->mutable_help_request() = helpOf(*open);
                return;
            }
            takeFeedbackBudget(tx, m_runner, caller, now);
            tx.exec(
                "INSERT INTO help_requests (id, terminal_id, service_point_id, region, screen, "
                "raised_at, open, answered_by) VALUES ($1, $2, $3, $4, $5, $6, 1, '')",
                {fleet::randomHex(8), caller.identity.id, servicePointOf(tx, caller),
                 caller.identity.region, req->screen(), now});
            *resp->mutable_help_request() = helpOf(*tx.queryOne(select, {caller.identity.id}));
        });
}

grpc::Status FeedbackServiceImpl::ListHelpRequests(grpc::ServerContext* ctx,
                                                   const ListHelpRequestsRequest* req,
                                                   ListHelpRequestsResponse* resp) {
    return m_runner.query(
        ctx, "feedback.help_list", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t) {
            resp->Clear();
            const std::string prefix = staffPrefix(caller, req->region_prefix(), subject);
            const int limit = req->limit() > 0 ? req->limit() : kDefaultHelpRequests;
            const std::string sql = std::string("SELECT ") + kHelpColumns +
                                    " FROM help_requests WHERE substr(region, 1, " +
                                    std::to_string(prefix.size()) + ") = $1" +
                                    (req->include_answered() ? "" : " AND open = 1") +
                                    " ORDER BY raised_at, id LIMIT $2";
            for (const auto& r : tx.query(sql, {prefix, std::int64_t{limit}}))
                *resp->add_help_requests() = helpOf(r);
        });
}

grpc::Status FeedbackServiceImpl::AnswerHelpRequest(grpc::ServerContext* ctx,
                                                    const AnswerHelpRequestRequest* req,
                                                    AnswerHelpRequestResponse* resp) {
    return m_runner.mutate(
        ctx, "feedback.help_answer", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireStaff(caller);
            const std::string select =
                std::string("SELECT ") + kHelpColumns + " FROM help_requests WHERE id = $1";
            const auto row = tx.queryOne(select + std::string(tx.forUpdate()), {req->id()});
            if (!row)
                throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such help request"));
            subject.region = row->text(7);
            subject.label = row->text(1);
            requireRegion(caller, subject.region);
            tx.exec(
                "UPDATE help_requests SET open = NULL, answered_at = $2, answered_by = $3 WHERE "
                "id = $1 AND open = 1",
                {req->id(), now, caller.identity.id});
            *resp->mutable_help_request() = helpOf(*tx.queryOne(select, {req->id()}));
        });
}

}  // namespace renshe::services::backoffice
