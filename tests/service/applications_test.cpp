// Applications over mutual TLS on SQLite and PostgreSQL: 失业登记 with the card, every state
// transition and the ones the machine has not, the claim, the history, the citizen's status by
// number + ID number, due dates across the province's holidays and worked weekends, a home
// visit for a relative, 我要应聘 for a posting, and the bad input each kind refuses.
#include <set>

#include "services/pki/sealing.hpp"
#include "tests/service/applications_fixture.hpp"

namespace {

using namespace renshe::v1;
using namespace renshe::testing;
using namespace renshe::testing::applications;

class Applications : public ApplicationsFixture {};

// The n-th working day after `day` by the rule (Mon–Fri, minus holidays, plus worked days).
int nthWorkingDay(int day, int n, const std::set<int>& off, const std::set<int>& worked) {
    while (n > 0) {
        day = plusDays(day, 1);
        const bool working = worked.count(day) || (isoWeekday(day) <= 5 && !off.count(day));
        n -= working ? 1 : 0;
    }
    return day;
}

TEST_P(Applications, WithTheCardItGoesThroughEveryStateAndKeepsItsHistory) {
    SubmitApplicationResponse submitted;
    const auto request = unemployment(withTheCard());
    ASSERT_TRUE(submit(touch, request, &submitted).ok());
    const Application& app = submitted.application();
    ASSERT_EQ(app.number().size(), 14u);
    EXPECT_EQ(app.number().substr(0, 8), std::to_string(chinaToday()));
    EXPECT_EQ(app.kind(), APPLICATION_KIND_UNEMPLOYMENT_REGISTRATION);
    EXPECT_EQ(app.state(), APPLICATION_STATE_SUBMITTED);
    EXPECT_EQ(app.applicant().masked_name(), "张*丰");
    EXPECT_EQ(app.applicant().masked_ssn(), "370***********0017");
    EXPECT_EQ(app.phone_masked(), "138****5678");
    EXPECT_EQ(dayOf(app.due_date()), nthWorkingDay(chinaToday(), 5, {}, {}));
    EXPECT_NE(submitted.next_step().find("初审"), std::string::npos);
    EXPECT_EQ(submitted.DebugString().find("13812345678"), std::string::npos);

    // The same request again (the outbox's retry) is the same application, not a second one.
    SubmitApplicationResponse again;
    ASSERT_TRUE(submit(touch, request, &again).ok());
    EXPECT_EQ(again.application().number(), app.number());
    // A new request for the same thing while the first is open is refused.
    EXPECT_EQ(submit(touch, unemployment(withTheCard())).refusal, "REFUSAL_REASON_ALREADY_EXISTS");

    // The citizen's view, by number and ID number; another ID number learns nothing.
    GetApplicationStatusResponse st;
    ASSERT_TRUE(status(touch, app.number(), card.ssn, &st).ok());
    EXPECT_EQ(st.state(), APPLICATION_STATE_SUBMITTED);
    EXPECT_EQ(status(touch, app.number(), inventedCard(7).ssn).code, grpc::StatusCode::NOT_FOUND);

    // The queue: claimed by one clerk, the colleague cannot decide it without taking it over.
    ListApplicationsRequest lr;
    ListApplicationsResponse queue;
    ASSERT_TRUE(call(*staff.apps, &Apps::ListApplications, lr, &queue).ok());
    ASSERT_EQ(queue.applications_size(), 1);
    EXPECT_EQ(queue.applications(0).number(), app.number());
    ClaimApplicationRequest claim;
    claim.set_request_id(newRequestId());
    claim.set_number(app.number());
    ClaimApplicationResponse claimed;
    ASSERT_TRUE(call(*staff.apps, &Apps::ClaimApplication, claim, &claimed).ok());
    EXPECT_EQ(claimed.application().claimed_by(), "S-0001");
    EXPECT_EQ(decide(colleague, app.number(), DECISION_ACCEPT, "").refusal,
              "REFUSAL_REASON_WRONG_APPLICATION_STATE");
    claim.set_request_id(newRequestId());
    EXPECT_EQ(call(*colleague.apps, &Apps::ClaimApplication, claim, &claimed).refusal,
              "REFUSAL_REASON_WRONG_APPLICATION_STATE");

    // More information: a reason is required, and the citizen reads it.
    EXPECT_EQ(decide(staff, app.number(), DECISION_REQUEST_INFORMATION, "").code,
              grpc::StatusCode::INVALID_ARGUMENT);
    ASSERT_TRUE(
        decide(staff, app.number(), DECISION_REQUEST_INFORMATION, "请提供解除劳动合同证明").ok());
    ASSERT_TRUE(status(touch, app.number(), card.ssn, &st).ok());
    EXPECT_EQ(st.state(), APPLICATION_STATE_MORE_INFORMATION_NEEDED);
    EXPECT_EQ(st.reason(), "请提供解除劳动合同证明");
    EXPECT_NE(st.next_step().find("解除劳动合同证明"), std::string::npos);
    EXPECT_EQ(decide(staff, app.number(), DECISION_COMPLETE, "").refusal,
              "REFUSAL_REASON_WRONG_APPLICATION_STATE");

    AddApplicationNoteRequest note;
    note.set_request_id(newRequestId());
    note.set_number(app.number());
    note.set_text("电话已联系，本人周五送材料");
    AddApplicationNoteResponse noted;
    ASSERT_TRUE(call(*staff.apps, &Apps::AddApplicationNote, note, &noted).ok());

    // The colleague takes it over and finishes it.
    claim.set_take_over(true);
    claim.set_request_id(newRequestId());
    ASSERT_TRUE(call(*colleague.apps, &Apps::ClaimApplication, claim, &claimed).ok());
    ASSERT_TRUE(decide(colleague, app.number(), DECISION_ACCEPT, "").ok());
    EXPECT_EQ(decide(colleague, app.number(), DECISION_ACCEPT, "").refusal,
              "REFUSAL_REASON_WRONG_APPLICATION_STATE");
    Application done;
    ASSERT_TRUE(
        decide(colleague, app.number(), DECISION_COMPLETE, "已登记，失业登记证已办理", &done).ok());
    EXPECT_EQ(done.state(), APPLICATION_STATE_DONE);
    for (auto d : {DECISION_ACCEPT, DECISION_REJECT, DECISION_COMPLETE})
        EXPECT_EQ(decide(colleague, app.number(), d, "x").refusal,
                  "REFUSAL_REASON_WRONG_APPLICATION_STATE");
    claim.set_request_id(newRequestId());
    EXPECT_EQ(call(*staff.apps, &Apps::ClaimApplication, claim, &claimed).refusal,
              "REFUSAL_REASON_WRONG_APPLICATION_STATE");

    const Application full = details(app.number());
    std::vector<std::string> actions;
    for (const auto& e : full.history())
        actions.push_back(e.action() + "/" + e.actor());
    EXPECT_EQ(actions, (std::vector<std::string>{
                           "submitted/T-371302-001", "claimed/S-0001", "more_information/S-0001",
                           "note/S-0001", "claimed/S-0002", "accepted/S-0002", "done/S-0002"}));
    EXPECT_EQ(full.history(3).text(), "电话已联系，本人周五送材料");
    EXPECT_EQ(full.payload().unemployment().wanted_job(), "电焊工");
    // A final application leaves the default queue; once done, a new registration may follow.
    ASSERT_TRUE(call(*staff.apps, &Apps::ListApplications, lr, &queue).ok());
    EXPECT_EQ(queue.applications_size(), 0);
    EXPECT_TRUE(submit(touch, unemployment(withTheCard())).ok());
}

TEST_P(Applications, RejectionIsFinalAndCompletionNeedsAcceptanceFirst) {
    SubmitApplicationResponse a;
    auto r = unemployment(byIdentity(card.ssn, card.name));
    r.mutable_payload()->mutable_employment()->set_employer("顺达物流");
    *r.mutable_payload()->mutable_employment()->mutable_started_on() = dateOf(chinaToday());
    r.mutable_payload()->mutable_employment()->set_contract(CONTRACT_TYPE_FIXED_TERM);
    ASSERT_TRUE(submit(touch, r, &a).ok());
    const std::string number = a.application().number();
    EXPECT_EQ(a.application().kind(), APPLICATION_KIND_EMPLOYMENT_REGISTRATION);
    EXPECT_EQ(decide(staff, number, DECISION_COMPLETE, "").refusal,
              "REFUSAL_REASON_WRONG_APPLICATION_STATE");
    EXPECT_EQ(decide(staff, number, DECISION_REJECT, "").code, grpc::StatusCode::INVALID_ARGUMENT);
    ASSERT_TRUE(decide(staff, number, DECISION_REJECT, "用人单位信息不符").ok());
    GetApplicationStatusResponse st;
    ASSERT_TRUE(status(touch, number, card.ssn, &st).ok());
    EXPECT_EQ(st.state(), APPLICATION_STATE_REJECTED);
    EXPECT_NE(st.next_step().find("用人单位信息不符"), std::string::npos);
    EXPECT_EQ(decide(staff, number, DECISION_ACCEPT, "").refusal,
              "REFUSAL_REASON_WRONG_APPLICATION_STATE");

    // Staff of another county neither see nor decide it; the queue of the county is theirs.
    GetApplicationRequest get;
    get.set_number(number);
    GetApplicationResponse got;
    EXPECT_EQ(call(*elsewhereStaff.apps, &Apps::GetApplication, get, &got).refusal,
              "REFUSAL_REASON_OUTSIDE_REGION");
    EXPECT_EQ(decide(elsewhereStaff, number, DECISION_ACCEPT, "").refusal,
              "REFUSAL_REASON_OUTSIDE_REGION");
    ListApplicationsRequest lr;
    lr.set_region_prefix("371302");
    ListApplicationsResponse listed;
    EXPECT_EQ(call(*elsewhereStaff.apps, &Apps::ListApplications, lr, &listed).refusal,
              "REFUSAL_REASON_OUTSIDE_REGION");
    // A terminal is not staff.
    EXPECT_EQ(call(*touch.apps, &Apps::ListApplications, lr, &listed).refusal,
              "REFUSAL_REASON_STAFF_ONLY");
}

TEST_P(Applications, DueDatesSkipTheProvincesHolidaysAndCountItsWorkedWeekends) {
    // The next three weekdays are declared off, the first Saturday after them worked.
    const int today = chinaToday();
    std::set<int> off, worked;
    for (int d = plusDays(today, 1); off.size() < 3; d = plusDays(d, 1))
        if (isoWeekday(d) <= 5)
            off.insert(d);
    for (int d = plusDays(*off.rbegin(), 1); worked.empty(); d = plusDays(d, 1))
        if (isoWeekday(d) == 6)
            worked.insert(d);
    SetCalendarRequest cal;
    cal.set_request_id(newRequestId());
    for (int d : off) {
        if (d / 10000 != today / 10000)
            continue;  // a calendar request is one year's
        auto* day = cal.add_days();
        *day->mutable_day() = dateOf(d);
        day->set_kind(DAY_KIND_HOLIDAY);
        day->set_name("测试假日");
    }
    for (int d : worked)
        if (d / 10000 == today / 10000) {
            auto* day = cal.add_days();
            *day->mutable_day() = dateOf(d);
            day->set_kind(DAY_KIND_WORKDAY);
        }
    cal.set_year(today / 10000);
    SetCalendarResponse calResp;
    // Only the province says which days are off.
    EXPECT_EQ(call(*staff.apps, &Apps::SetCalendar, cal, &calResp).refusal,
              "REFUSAL_REASON_OUTSIDE_REGION");
    ASSERT_TRUE(call(*province.apps, &Apps::SetCalendar, cal, &calResp).ok());
    // Days of next year are not in this year's table: leave them out of the expectation.
    std::erase_if(off, [&](int d) { return d / 10000 != today / 10000; });
    std::erase_if(worked, [&](int d) { return d / 10000 != today / 10000; });

    SubmitApplicationResponse a;
    ASSERT_TRUE(submit(touch, unemployment(withTheCard()), &a).ok());
    EXPECT_EQ(dayOf(a.application().due_date()), nthWorkingDay(today, 5, off, worked));
    if (!off.empty()) {  // (near the year's end the days off may all be next year's)
        EXPECT_NE(dayOf(a.application().due_date()), nthWorkingDay(today, 5, {}, {}));
    }

    GetCalendarRequest get;
    get.set_year(today / 10000);
    GetCalendarResponse got;
    ASSERT_TRUE(call(*touch.apps, &Apps::GetCalendar, get, &got).ok());
    EXPECT_EQ(got.days_size(), cal.days_size());
    // A day twice, or a day of another year, is refused whole.
    auto twice = cal;
    twice.set_request_id(newRequestId());
    for (int i = 0; i < 2; ++i) {
        auto* day = twice.add_days();
        *day->mutable_day() = dateOf(today);
        day->set_kind(DAY_KIND_HOLIDAY);
    }
    EXPECT_EQ(call(*province.apps, &Apps::SetCalendar, twice, &calResp).code,
              grpc::StatusCode::INVALID_ARGUMENT);
}

// The kiosk's outbox form: applicant, payload and phone sealed to the back office's key with
// the request id as associated data. It opens and is applied exactly once; altered, sealed for
// another request id or mixed with plain fields, it is refused as malformed.
TEST_P(Applications, ASealedApplicationOpensOnlyAsSealed) {
    GetSealingKeyResponse key;
    ASSERT_TRUE(
        call(*env.touch().card, &CardService::Stub::GetSealingKey, GetSealingKeyRequest(), &key)
            .ok());
    auto inner = unemployment(withTheCard());
    const std::string id = inner.request_id();
    inner.clear_request_id();
    const auto sealedFor = [&](const std::string& requestId) {
        const auto s =
            renshe::services::pki::seal(key.public_key(), inner.SerializeAsString(), requestId);
        SubmitApplicationRequest r;
        r.set_request_id(id);
        r.mutable_sealed()->set_key_id(key.key_id());
        r.mutable_sealed()->set_ephemeral_public_key(s.ephemeralPublicKey);
        r.mutable_sealed()->set_nonce(s.nonce);
        r.mutable_sealed()->set_ciphertext(s.ciphertext);
        return r;
    };
    const auto good = sealedFor(id);
    auto altered = good;
    altered.mutable_sealed()->mutable_ciphertext()->back() ^= 1;
    EXPECT_EQ(submit(touch, altered).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    auto otherId = sealedFor(newRequestId());
    otherId.set_request_id(newRequestId());
    EXPECT_EQ(submit(touch, otherId).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    auto mixed = good;
    mixed.set_request_id(newRequestId());
    mixed.set_phone("13812345678");
    EXPECT_EQ(submit(touch, mixed).refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    SubmitApplicationResponse first, again;
    ASSERT_TRUE(submit(touch, good, &first).ok());
    ASSERT_TRUE(submit(touch, good, &again).ok());  // the outbox's retry
    EXPECT_EQ(again.application().number(), first.application().number());
    EXPECT_EQ(first.application().phone_masked(), "138****5678");
    ListApplicationsResponse queue;
    ASSERT_TRUE(call(*staff.apps, &Apps::ListApplications, ListApplicationsRequest(), &queue).ok());
    EXPECT_EQ(queue.applications_size(), 1);
}

// Every step of the state machine, and every step it has not, each on an application of its
// own: a refused step changes nothing (the state afterwards is the state before).
TEST_P(Applications, EveryTransitionOfTheStateMachine) {
    constexpr auto S = APPLICATION_STATE_SUBMITTED, A = APPLICATION_STATE_ACCEPTED,
                   M = APPLICATION_STATE_MORE_INFORMATION_NEEDED, R = APPLICATION_STATE_REJECTED,
                   D = APPLICATION_STATE_DONE;
    constexpr auto accept = DECISION_ACCEPT, info = DECISION_REQUEST_INFORMATION,
                   reject = DECISION_REJECT, complete = DECISION_COMPLETE;
    struct Step {
        Decision decision;
        ApplicationState after;  // the state the application is in afterwards
        bool allowed;
    };
    const std::vector<std::vector<Step>> paths = {
        {{accept, A, true}, {complete, D, true}},
        {{info, M, true}, {accept, A, true}, {complete, D, true}},
        {{info, M, true}, {reject, R, true}},
        {{accept, A, true}, {reject, R, true}},
        {{accept, A, true}, {info, M, true}},
        {{reject, R, true}, {accept, R, false}, {complete, R, false}, {info, R, false}},
        {{complete, S, false}},                   // a registration is accepted before done
        {{accept, A, true}, {accept, A, false}},  // accepted twice
        {{info, M, true}, {info, M, false}, {complete, M, false}},
        {{accept, A, true}, {complete, D, true}, {reject, D, false}, {info, D, false}},
    };
    for (std::size_t i = 0; i < paths.size(); ++i) {
        SeededCard person = inventedCard(400 + static_cast<int>(i));
        seed(env.staff(), person);
        SubmitApplicationResponse submitted;
        ASSERT_TRUE(
            submit(touch, unemployment(byIdentity(person.ssn, person.name)), &submitted).ok());
        const std::string number = submitted.application().number();
        for (const auto& step : paths[i]) {
            const auto o = decide(staff, number, step.decision, "理由");
            EXPECT_EQ(o.ok(), step.allowed)
                << "path " << i << " " << Decision_Name(step.decision) << ": " << o;
            if (!step.allowed) {
                EXPECT_EQ(o.refusal, "REFUSAL_REASON_WRONG_APPLICATION_STATE") << "path " << i;
            }
            GetApplicationStatusResponse st;
            ASSERT_TRUE(status(touch, number, person.ssn, &st).ok());
            EXPECT_EQ(st.state(), step.after)
                << "path " << i << " after " << Decision_Name(step.decision);
        }
    }
}

// 进度查询 with the card: the holder's own applications (made by them or serving them), newest
// first, only with a fresh PIN; nobody else's.
TEST_P(Applications, TheCardHolderSeesTheirOwnApplications) {
    SubmitApplicationResponse mine;
    ASSERT_TRUE(submit(touch, unemployment(withTheCard()), &mine).ok());
    const SeededCard other = inventedCard(77);
    seed(env.staff(), other);
    ASSERT_TRUE(submit(touch, unemployment(byIdentity(other.ssn, other.name))).ok());
    ListMyApplicationsRequest r;
    *r.mutable_card() = withTheCard().card();
    ListMyApplicationsResponse resp;
    ASSERT_TRUE(call(*touch.apps, &Apps::ListMyApplications, r, &resp).ok());
    ASSERT_EQ(resp.applications_size(), 1);
    EXPECT_EQ(resp.applications(0).number(), mine.application().number());
    EXPECT_EQ(resp.applications(0).state(), APPLICATION_STATE_SUBMITTED);
    EXPECT_FALSE(resp.applications(0).next_step().empty());
    r.mutable_card()->mutable_pin_verified_at()->set_seconds(r.card().pin_verified_at().seconds() -
                                                             600);
    EXPECT_EQ(call(*touch.apps, &Apps::ListMyApplications, r, &resp).refusal,
              "REFUSAL_REASON_VERIFICATION_STALE");
    *r.mutable_card() = withTheCard().card();
    EXPECT_EQ(call(*staff.apps, &Apps::ListMyApplications, r, &resp).refusal,
              "REFUSAL_REASON_WRONG_ROLE");
}

INSTANTIATE_TEST_SUITE_P(Backends, Applications,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
