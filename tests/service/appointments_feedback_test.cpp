// Appointments, home visits, job applications and the citizen's voice over mutual TLS on SQLite
// and PostgreSQL: the last place of a slot booked by two terminals at once (exactly one wins),
// past and full slots refused with the free ones listed, a cancelled booking's place given
// back; a home visit for a relative whose name must match the registry; 我要应聘 for an open
// posting only; 好差评 with a poor rating's follow-up and the month's report; help requests.
#include <thread>

#include "tests/fixtures/prometheus_text.hpp"
#include "tests/service/applications_fixture.hpp"

namespace {

using namespace renshe::v1;
using namespace renshe::testing;
using namespace renshe::testing::applications;

class Appointments : public ApplicationsFixture {
protected:
    // The value of a sample of the back office's /metrics once it is `expected` (the fleet's
    // gauges are read from the store at most every 5 s); the last value read otherwise.
    double metricOnce(const std::string& name, const std::map<std::string, std::string>& labels,
                      double expected) {
        double value = -1;
        renshe::testing::waitUntil(
            [&] {
                const auto samples = env.backoffice().scrapeMetrics();
                const auto* s = renshe::testing::findMetric(samples, name, labels);
                value = s ? s->value : -1;
                return value == expected;
            },
            std::chrono::seconds(12));
        return value;
    }

    std::string point = servicePoint();

    SubmitApplicationRequest booking(const Applicant& who, int day, HalfDay half) const {
        SubmitApplicationRequest r;
        r.set_request_id(newRequestId());
        *r.mutable_applicant() = who;
        auto* a = r.mutable_payload()->mutable_appointment();
        a->set_service(APPOINTMENT_SERVICE_CARD);
        a->set_service_point_id(point);
        *a->mutable_day() = dateOf(day);
        a->set_half_day(half);
        return r;
    }

    Outcome setCapacity(int from, int to, int capacity) {
        SetSlotCapacityRequest r;
        r.set_request_id(newRequestId());
        r.set_service_point_id(point);
        r.set_service(APPOINTMENT_SERVICE_CARD);
        *r.mutable_from() = dateOf(from);
        *r.mutable_to() = dateOf(to);
        r.set_capacity(capacity);
        r.set_include_non_working_days(true);
        SetSlotCapacityResponse resp;
        return call(*staff.apps, &Apps::SetSlotCapacity, r, &resp);
    }

    std::vector<std::string> freeSlots(int from) {
        ListFreeSlotsRequest r;
        r.set_service_point_id(point);
        r.set_service(APPOINTMENT_SERVICE_CARD);
        *r.mutable_from() = dateOf(from);
        r.set_days(3);
        ListFreeSlotsResponse resp;
        const auto o = call(*touch.apps, &Apps::ListFreeSlots, r, &resp);
        EXPECT_TRUE(o.ok()) << o;
        std::vector<std::string> out;
        for (const auto& s : resp.slots())
            out.push_back(std::to_string(dayOf(s.day())) +
                          (s.half_day() == HALF_DAY_MORNING ? "am" : "pm") +
                          std::to_string(s.capacity() - s.booked()));
        return out;
    }
};

TEST_P(Appointments, TheLastPlaceGoesToExactlyOneOfTwoTerminalsBookingAtOnce) {
    const int day = plusDays(chinaToday(), 2);
    ASSERT_TRUE(setCapacity(day, plusDays(day, 1), 1).ok());
    std::vector<SeededCard> people;
    for (int i = 1; i <= 8; ++i) {
        people.push_back(inventedCard(100 + i));
        seed(env.staff(), people.back());
    }
    Stubs second = stubsOn(env.backoffice().target(), env.pki(),
                           env.pki().touchTerminal("T-371302-002", BackofficeEnv::kRegion));
    // Four rounds, one place each (two days × two half days), two terminals racing for it.
    const std::pair<int, HalfDay> places[] = {{day, HALF_DAY_MORNING},
                                              {day, HALF_DAY_AFTERNOON},
                                              {plusDays(day, 1), HALF_DAY_MORNING},
                                              {plusDays(day, 1), HALF_DAY_AFTERNOON}};
    for (int round = 0; round < 4; ++round) {
        const auto& a = people[2 * round];
        const auto& b = people[2 * round + 1];
        Outcome first, other;
        std::thread t1([&] {
            first = submit(touch, booking(byIdentity(a.ssn, a.name), places[round].first,
                                          places[round].second));
        });
        std::thread t2([&] {
            other = submit(second, booking(byIdentity(b.ssn, b.name), places[round].first,
                                           places[round].second));
        });
        t1.join();
        t2.join();
        EXPECT_EQ(first.ok() + other.ok(), 1) << first << " / " << other;
        const Outcome& loser = first.ok() ? other : first;
        EXPECT_EQ(loser.refusal, "REFUSAL_REASON_SLOT_UNAVAILABLE") << loser;
    }
    EXPECT_TRUE(freeSlots(day).empty());

    // Cancelled (rejected) by staff, the place is free again; capacity cannot go below bookings.
    ListApplicationsRequest lr;
    lr.add_kinds(APPLICATION_KIND_APPOINTMENT);
    ListApplicationsResponse booked;
    ASSERT_TRUE(call(*staff.apps, &Apps::ListApplications, lr, &booked).ok());
    ASSERT_EQ(booked.applications_size(), 4);
    EXPECT_EQ(dayOf(booked.applications(0).due_date()), day);
    EXPECT_EQ(booked.applications(0).service_point_id(), point);
    EXPECT_EQ(setCapacity(day, day, 0).refusal, "REFUSAL_REASON_SLOT_UNAVAILABLE");
    ASSERT_TRUE(
        decide(staff, booked.applications(0).number(), DECISION_REJECT, "本人来电取消").ok());
    EXPECT_EQ(freeSlots(day).size(), 1u);
    ASSERT_TRUE(setCapacity(day, day, 3).ok());
    // The cancelled one's half day has all three places again, the other one two.
    const bool morning =
        details(booked.applications(0).number()).payload().appointment().half_day() ==
        HALF_DAY_MORNING;
    EXPECT_EQ(freeSlots(day),
              (std::vector<std::string>{std::to_string(day) + (morning ? "am3" : "am2"),
                                        std::to_string(day) + (morning ? "pm2" : "pm3")}));
}

TEST_P(Appointments, PastFullAndUnofferedSlotsAreRefused) {
    const int today = chinaToday();
    ASSERT_TRUE(setCapacity(plusDays(today, -1), plusDays(today, 1), 2).ok());
    const auto me = byIdentity(card.ssn, card.name);
    EXPECT_EQ(submit(touch, booking(me, plusDays(today, -1), HALF_DAY_AFTERNOON)).refusal,
              "REFUSAL_REASON_SLOT_UNAVAILABLE");
    EXPECT_EQ(submit(touch, booking(me, plusDays(today, 5), HALF_DAY_MORNING)).refusal,
              "REFUSAL_REASON_SLOT_UNAVAILABLE");
    SubmitApplicationResponse ok;
    ASSERT_TRUE(submit(touch, booking(me, plusDays(today, 1), HALF_DAY_MORNING), &ok).ok());
    EXPECT_NE(ok.next_step().find("上午"), std::string::npos);
    // Booking the same half day again is the same appointment: refused, not a second place.
    EXPECT_EQ(submit(touch, booking(me, plusDays(today, 1), HALF_DAY_MORNING)).refusal,
              "REFUSAL_REASON_ALREADY_EXISTS");
    EXPECT_EQ(freeSlots(plusDays(today, 1)).front(), std::to_string(plusDays(today, 1)) + "am1");
    // The appointment is looked up by its number; served, it is done.
    GetApplicationStatusResponse st;
    ASSERT_TRUE(status(touch, ok.application().number(), card.ssn, &st).ok());
    EXPECT_EQ(st.kind(), APPLICATION_KIND_APPOINTMENT);
    EXPECT_NE(st.summary().find("社保卡业务"), std::string::npos);
    ASSERT_TRUE(decide(staff, ok.application().number(), DECISION_COMPLETE, "").ok());
}

TEST_P(Appointments, AHomeVisitForARelativeNeedsTheirRegisteredNameAndNumber) {
    const SeededCard mother = inventedCard(321);
    seed(env.staff(), mother);
    SubmitApplicationRequest r;
    r.set_request_id(newRequestId());
    *r.mutable_applicant() = withTheCard();
    auto* h = r.mutable_payload()->mutable_home_visit();
    h->mutable_relative()->set_ssn(mother.ssn);
    h->mutable_relative()->set_name("李四");
    h->mutable_relative()->set_relationship(RELATIONSHIP_PARENT);
    h->set_address("兰山区探沂镇东村3排5号");
    h->add_needs(HOME_VISIT_NEED_CERTIFICATION);
    h->set_reason(MOBILITY_REASON_BEDRIDDEN);
    r.set_phone("13912345678");
    EXPECT_EQ(submit(touch, r).refusal, "REFUSAL_REASON_UNKNOWN_PERSON");
    r.set_request_id(newRequestId());
    h->mutable_relative()->set_name(mother.name);
    SubmitApplicationResponse resp;
    ASSERT_TRUE(submit(touch, r, &resp).ok());
    EXPECT_EQ(resp.application().kind(), APPLICATION_KIND_HOME_VISIT);
    EXPECT_EQ(resp.application().beneficiary().masked_ssn(),
              mother.ssn.substr(0, 3) + "***********" + mother.ssn.substr(14));
    EXPECT_NE(resp.application().summary().find("资格认证"), std::string::npos);
    // Staff see the relative masked; the applicant and the relative can both look it up.
    const Application full = details(resp.application().number());
    EXPECT_EQ(full.payload().home_visit().relative().ssn().find(mother.ssn.substr(6, 8)),
              std::string::npos);
    EXPECT_TRUE(status(touch, resp.application().number(), card.ssn).ok());
    EXPECT_TRUE(status(touch, resp.application().number(), mother.ssn).ok());
    // Without a need, with a short address or a missing relationship: refused before anything.
    for (int bad = 0; bad < 3; ++bad) {
        auto b = r;
        b.set_request_id(newRequestId());
        auto* bh = b.mutable_payload()->mutable_home_visit();
        if (bad == 0)
            bh->clear_needs();
        if (bad == 1)
            bh->set_address("东村");
        if (bad == 2)
            bh->mutable_relative()->clear_relationship();
        EXPECT_EQ(submit(touch, b).code, grpc::StatusCode::INVALID_ARGUMENT) << bad;
    }
}

TEST_P(Appointments, AJobApplicationIsForAnOpenPostingAndSaysWhichOne) {
    ImportJobsRequest imp;
    imp.set_request_id(newRequestId());
    imp.set_csv(
        "title,employer,region,salary_min,salary_max,expires_at\n"
        "货车司机,顺达物流,371302101,6000,9000,2030-12-31\n");
    ImportJobsResponse imported;
    ASSERT_TRUE(call(*staff.jobs, &JobService::Stub::ImportJobs, imp, &imported).ok());
    SearchJobsRequest sr;
    sr.set_keyword("司机");
    sr.set_region_prefix("371302");
    SearchJobsResponse found;
    ASSERT_TRUE(call(*touch.jobs, &JobService::Stub::SearchJobs, sr, &found).ok());
    ASSERT_EQ(found.jobs_size(), 1);
    SubmitApplicationRequest r;
    r.set_request_id(newRequestId());
    *r.mutable_applicant() = withTheCard();
    r.mutable_payload()->mutable_job_application()->set_job_id(found.jobs(0).id());
    r.mutable_payload()->mutable_job_application()->set_note("有B2驾照，十年驾龄");
    EXPECT_EQ(submit(touch, r).code, grpc::StatusCode::INVALID_ARGUMENT);  // no phone
    r.set_phone("13712345678");
    SubmitApplicationResponse resp;
    ASSERT_TRUE(submit(touch, r, &resp).ok());
    EXPECT_EQ(resp.application().summary(), "货车司机 · 顺达物流");
    EXPECT_EQ(details(resp.application().number()).payload().job_application().employer(),
              "顺达物流");
    r.set_request_id(newRequestId());
    r.mutable_payload()->mutable_job_application()->set_job_id("no-such-posting");
    EXPECT_EQ(submit(touch, r).refusal, "REFUSAL_REASON_NOT_FOUND");
}

TEST_P(Appointments, APoorRatingBecomesAFollowUpAndTheMonthIsReported) {
    auto rating = [&](RatingLevel level, std::vector<PoorRatingReason> reasons,
                      SubmitRatingResponse* out) {
        SubmitRatingRequest r;
        r.set_request_id(newRequestId());
        r.set_service(RATED_SERVICE_CARD);
        r.set_level(level);
        for (auto reason : reasons)
            r.add_reasons(reason);
        return call(*touch.feedback, &Feedback::SubmitRating, r, out);
    };
    SubmitRatingResponse good, poor;
    ASSERT_TRUE(rating(RATING_LEVEL_VERY_SATISFIED, {}, &good).ok());
    EXPECT_TRUE(good.follow_up_number().empty());
    EXPECT_EQ(rating(RATING_LEVEL_VERY_DISSATISFIED, {}, &poor).code,
              grpc::StatusCode::INVALID_ARGUMENT);
    ASSERT_TRUE(rating(RATING_LEVEL_VERY_DISSATISFIED,
                       {POOR_RATING_REASON_TOO_SLOW, POOR_RATING_REASON_DEVICE_FAULT}, &poor)
                    .ok());
    ASSERT_EQ(poor.follow_up_number().size(), 14u);
    ASSERT_TRUE(rating(RATING_LEVEL_NEUTRAL, {}, &good).ok());

    ListApplicationsRequest lr;
    lr.add_kinds(APPLICATION_KIND_RATING_FOLLOW_UP);
    ListApplicationsResponse followUps;
    ASSERT_TRUE(call(*staff.apps, &Apps::ListApplications, lr, &followUps).ok());
    ASSERT_EQ(followUps.applications_size(), 1);
    const Application& f = followUps.applications(0);
    EXPECT_EQ(f.number(), poor.follow_up_number());
    EXPECT_FALSE(f.has_applicant());  // ratings are anonymous
    EXPECT_EQ(f.terminal_id(), "T-371302-001");
    int working = 0;
    for (int d = chinaToday(); working < 15;) {
        d = plusDays(d, 1);
        working += isoWeekday(d) <= 5 ? 1 : 0;
        if (working == 15) {
            EXPECT_EQ(dayOf(f.due_date()), d);
        }
    }
    const Application full = details(f.number());
    EXPECT_EQ(full.payload().follow_up().reasons_size(), 2);

    RatingsReportRequest rr;
    const int today = chinaToday();
    char month[16];
    std::snprintf(month, sizeof month, "%04d-%02d", today / 10000, today / 100 % 100);
    rr.set_month(month);
    RatingsReportResponse report;
    ASSERT_TRUE(call(*staff.feedback, &Feedback::RatingsReport, rr, &report).ok());
    ASSERT_EQ(report.rows_size(), 1);
    EXPECT_EQ(report.rows(0).total(), 3);
    EXPECT_EQ(report.rows(0).by_level(0), 1);
    EXPECT_EQ(report.rows(0).by_level(4), 1);
    EXPECT_EQ(report.rows(0).satisfied_per_mille(), 666);
    EXPECT_EQ(report.rows(0).follow_ups_open(), 1);
    ASSERT_TRUE(decide(staff, f.number(), DECISION_COMPLETE, "已回访，设备已报修").ok());
    ASSERT_TRUE(call(*staff.feedback, &Feedback::RatingsReport, rr, &report).ok());
    EXPECT_EQ(report.rows(0).follow_ups_open(), 0);
    // The operators' /metrics: the month's ratings by service point, service and level.
    EXPECT_EQ(metricOnce("renshe_ratings_this_month",
                         {{"service", "card"}, {"level", "1"}, {"region", "371302"}}, 1),
              1);
    EXPECT_EQ(metricOnce("renshe_ratings_this_month", {{"service", "card"}, {"level", "3"}}, 1), 1);
    // Staff do not rate; terminals do not read the report.
    EXPECT_EQ(call(*touch.feedback, &Feedback::RatingsReport, rr, &report).refusal,
              "REFUSAL_REASON_STAFF_ONLY");
}

TEST_P(Appointments, AHelpRequestReachesTheStaffOnceUntilAnswered) {
    RaiseHelpRequestRequest r;
    r.set_request_id(newRequestId());
    r.set_screen("LossReport/Error");
    RaiseHelpRequestResponse first, second;
    ASSERT_TRUE(call(*touch.feedback, &Feedback::RaiseHelpRequest, r, &first).ok());
    r.set_request_id(newRequestId());
    ASSERT_TRUE(call(*touch.feedback, &Feedback::RaiseHelpRequest, r, &second).ok());
    EXPECT_EQ(second.help_request().id(), first.help_request().id());
    r.set_screen("张三丰");  // a screen name, never personal data
    r.set_request_id(newRequestId());
    EXPECT_EQ(call(*touch.feedback, &Feedback::RaiseHelpRequest, r, &second).code,
              grpc::StatusCode::INVALID_ARGUMENT);

    ListHelpRequestsRequest lr;
    ListHelpRequestsResponse open;
    ASSERT_TRUE(call(*staff.feedback, &Feedback::ListHelpRequests, lr, &open).ok());
    ASSERT_EQ(open.help_requests_size(), 1);
    EXPECT_EQ(open.help_requests(0).terminal_id(), "T-371302-001");
    EXPECT_EQ(open.help_requests(0).screen(), "LossReport/Error");
    AnswerHelpRequestRequest ar;
    ar.set_request_id(newRequestId());
    ar.set_id(first.help_request().id());
    AnswerHelpRequestResponse answered;
    EXPECT_EQ(call(*elsewhereStaff.feedback, &Feedback::AnswerHelpRequest, ar, &answered).refusal,
              "REFUSAL_REASON_OUTSIDE_REGION");
    ar.set_request_id(newRequestId());
    EXPECT_EQ(metricOnce("renshe_help_requests_open", {{"region", "371302"}}, 1), 1);
    ASSERT_TRUE(call(*staff.feedback, &Feedback::AnswerHelpRequest, ar, &answered).ok());
    EXPECT_EQ(answered.help_request().answered_by(), "S-0001");
    ASSERT_TRUE(call(*staff.feedback, &Feedback::ListHelpRequests, lr, &open).ok());
    EXPECT_EQ(open.help_requests_size(), 0);
    // Answered, the terminal may call again: a new request.
    r.set_screen("Home");
    r.set_request_id(newRequestId());
    ASSERT_TRUE(call(*touch.feedback, &Feedback::RaiseHelpRequest, r, &second).ok());
    EXPECT_NE(second.help_request().id(), first.help_request().id());
}

TEST_P(Appointments, BadInputIsRefusedBeforeAnythingIsWritten) {
    auto r = unemployment(byIdentity(card.ssn, card.name));
    struct Case {
        const char* what;
        std::function<void(SubmitApplicationRequest&)> spoil;
        const char* refusal;
    };
    const std::vector<Case> cases = {
        {"landline", [](auto& q) { q.set_phone("053112345678"); },
         "REFUSAL_REASON_MALFORMED_FIELD"},
        {"left tomorrow",
         [](auto& q) {
             *q.mutable_payload()->mutable_unemployment()->mutable_left_on() =
                 dateOf(plusDays(chinaToday(), 1));
         },
         "REFUSAL_REASON_MALFORMED_FIELD"},
        {"check digit",
         [](auto& q) { q.mutable_applicant()->mutable_identity()->set_ssn("370102194704090018"); },
         "REFUSAL_REASON_MALFORMED_ID_NUMBER"},
        {"no reason", [](auto& q) { q.mutable_payload()->mutable_unemployment()->clear_reason(); },
         "REFUSAL_REASON_MALFORMED_FIELD"},
        {"wrong name", [](auto& q) { q.mutable_applicant()->mutable_identity()->set_name("张三"); },
         "REFUSAL_REASON_SECOND_FACTOR_FAILED"},
        {"a follow-up", [](auto& q) { q.mutable_payload()->mutable_follow_up(); },
         "REFUSAL_REASON_MALFORMED_FIELD"},
    };
    for (const auto& c : cases) {
        auto bad = r;
        bad.set_request_id(newRequestId());
        c.spoil(bad);
        EXPECT_EQ(submit(touch, bad).refusal, c.refusal) << c.what;
    }
    // A person of another county at this terminal is refused as a wrong name is.
    const SeededCard stranger = [] {
        SeededCard s = inventedCard(555);
        s.region = "370102001";
        return s;
    }();
    seed(Clients(env.as(env.pki().staff("S-0900", "370102"))), stranger);
    auto there = unemployment(byIdentity(stranger.ssn, stranger.name));
    EXPECT_EQ(submit(touch, there).refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED");
    ListApplicationsRequest lr;
    lr.set_region_prefix("37");
    ListApplicationsResponse all;
    ASSERT_TRUE(call(*province.apps, &Apps::ListApplications, lr, &all).ok());
    EXPECT_EQ(all.applications_size(), 0);
}

// A terminal of another county (a stolen one, say) learns nothing of this county's
// applications and books nothing at its service points; a display terminal neither rates nor
// calls staff.
TEST_P(Appointments, ATerminalOfAnotherCountyLearnsAndBooksNothingHere) {
    const int day = plusDays(chinaToday(), 1);
    ASSERT_TRUE(setCapacity(day, day, 2).ok());
    SubmitApplicationResponse mine;
    ASSERT_TRUE(submit(touch, booking(withTheCard(), day, HALF_DAY_MORNING), &mine).ok());
    Stubs there = stubsOn(env.backoffice().target(), env.pki(),
                          env.pki().touchTerminal("T-370102-001", "370102"));
    EXPECT_EQ(status(there, mine.application().number(), card.ssn).code,
              grpc::StatusCode::NOT_FOUND);
    ListFreeSlotsRequest free;
    free.set_service_point_id(point);
    free.set_service(APPOINTMENT_SERVICE_CARD);
    ListFreeSlotsResponse slots;
    EXPECT_EQ(call(*there.apps, &Apps::ListFreeSlots, free, &slots).refusal,
              "REFUSAL_REASON_OUTSIDE_REGION");
    ListMyApplicationsRequest mineThere;
    *mineThere.mutable_card() = withTheCard().card();
    ListMyApplicationsResponse listed;
    EXPECT_FALSE(call(*there.apps, &Apps::ListMyApplications, mineThere, &listed).ok());
    EXPECT_EQ(listed.applications_size(), 0);
    Stubs display =
        stubsOn(env.backoffice().target(), env.pki(),
                env.pki().client({"T-371302-001-D", renshe::services::pki::Role::Display,
                                  BackofficeEnv::kRegion}));
    SubmitRatingRequest rating;
    rating.set_request_id(newRequestId());
    rating.set_service(RATED_SERVICE_CARD);
    rating.set_level(RATING_LEVEL_SATISFIED);
    SubmitRatingResponse rated;
    EXPECT_EQ(call(*display.feedback, &Feedback::SubmitRating, rating, &rated).refusal,
              "REFUSAL_REASON_WRONG_ROLE");
    RaiseHelpRequestRequest help;
    help.set_request_id(newRequestId());
    help.set_screen("Home");
    RaiseHelpRequestResponse raised;
    EXPECT_EQ(call(*display.feedback, &Feedback::RaiseHelpRequest, help, &raised).refusal,
              "REFUSAL_REASON_WRONG_ROLE");
}

INSTANTIATE_TEST_SUITE_P(Backends, Appointments,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
