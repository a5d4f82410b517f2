// AdminService.QueryAudit by subject on both backends, over events of several hours: SQLite
// finds them through the hours each subject has events in (migration 0031), PostgreSQL through
// its index. Every event of the person is found once, in order, across pages and hours, within
// a time range, and none of another person's events of the same hours; on SQLite, a database
// from before the migration gets the hours of every event it holds.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "services/store/store.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using namespace renshe::v1;
using renshe::testing::activate;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::Clients;
using renshe::testing::newRequestId;
using renshe::testing::SeededCard;
using renshe::testing::StoreKind;
using Admin = AdminService::Stub;
using std::chrono::hours;
using std::chrono::minutes;

class AuditBySubject : public ::testing::TestWithParam<StoreKind> {
protected:
    BackofficeEnv env{GetParam()};
    Clients touch = env.touch();
    Clients staff = env.staff();

    void pinChanged(const SeededCard& card) {
        ReportPinChangedRequest r;
        r.set_request_id(newRequestId());
        *r.mutable_card() = card.inserted();
        r.set_kind(PIN_CHANGE_KIND_CHANGE);
        ReportPinChangedResponse resp;
        const auto o = call(*touch.card, &CardService::Stub::ReportPinChanged, r, &resp);
        ASSERT_TRUE(o.ok()) << o;
    }

    // Every event of `card`'s holder (within [from, to) when given), `pageSize` at a time.
    std::vector<AuditEvent> eventsOf(const SeededCard& card, int pageSize,
                                     const google::protobuf::Timestamp* from = nullptr,
                                     const google::protobuf::Timestamp* to = nullptr) {
        QueryAuditRequest q;
        q.set_subject_ssn(card.ssn);
        q.mutable_page()->set_page_size(pageSize);
        if (from)
            *q.mutable_from_time() = *from;
        if (to)
            *q.mutable_to_time() = *to;
        std::vector<AuditEvent> all;
        for (int page = 0; page < 50; ++page) {
            QueryAuditResponse r;
            const auto o = call(*staff.admin, &Admin::QueryAudit, q, &r);
            EXPECT_TRUE(o.ok()) << o;
            all.insert(all.end(), r.events().begin(), r.events().end());
            if (!o.ok() || r.page().next_page_token().empty())
                break;
            q.mutable_page()->set_page_token(r.page().next_page_token());
        }
        return all;
    }
};

TEST_P(AuditBySubject, EveryEventOfEveryHourIsFoundOnceInOrder) {
    const SeededCard mine;
    const SeededCard other = renshe::testing::inventedCard(7);
    renshe::testing::seed(staff, mine);
    renshe::testing::seed(staff, other);
    ASSERT_TRUE(activate(touch, mine, "285714").ok());
    ASSERT_TRUE(activate(touch, other, "285714").ok());
    // Four hours, each with two of my PIN changes and one of the other person's between them.
    std::vector<google::protobuf::Timestamp> firstOfHour;
    for (int h = 0; h < 4; ++h) {
        env.backoffice().advanceClock(hours(1) + minutes(7));
        pinChanged(mine);
        pinChanged(other);
        pinChanged(mine);
        const auto first = eventsOf(mine, 100);
        ASSERT_GE(first.size(), 2u);
        firstOfHour.push_back(first[first.size() - 2].at());
    }

    // Register, issue, activate, then eight PIN changes: in sequence order, whatever the page.
    for (const int pageSize : {100, 3, 1}) {
        const auto events = eventsOf(mine, pageSize);
        ASSERT_EQ(events.size(), 11u) << "page size " << pageSize;
        for (std::size_t i = 1; i < events.size(); ++i)
            EXPECT_LT(events[i - 1].sequence(), events[i].sequence());
        for (const auto& e : events)
            EXPECT_EQ(e.masked_subject(), "370***********0017");
        EXPECT_EQ(events[0].event_type(), "admin.register_person");
        EXPECT_EQ(events[2].event_type(), "card.activate");
        for (std::size_t i = 3; i < events.size(); ++i)
            EXPECT_EQ(events[i].event_type(), "card.pin_changed");
    }
    // The second and third hours only: their four PIN changes.
    const auto inRange = eventsOf(mine, 100, &firstOfHour[1], &firstOfHour[3]);
    ASSERT_EQ(inRange.size(), 4u);
    EXPECT_EQ(inRange.front().at().seconds(), firstOfHour[1].seconds());
    for (const auto& e : inRange)
        EXPECT_LT(e.at().seconds(), firstOfHour[3].seconds());
    // The other person: their own seven.
    EXPECT_EQ(eventsOf(other, 100).size(), 7u);

    if (GetParam() != StoreKind::Sqlite)
        return;
    // One row for each hour a person has events in (the seeding may straddle an hour).
    std::set<std::pair<std::string, std::int64_t>> hoursSeen;
    for (const auto* card : {&mine, &other})
        for (const auto& e : eventsOf(*card, 100))
            hoursSeen.emplace(card->ssn, e.at().seconds() / 3600);
    EXPECT_GE(hoursSeen.size(), 10u);
    // A database from before migration 0031: the index by subject, no hours, no trigger.
    env.backoffice().stop();
    {
        auto db = renshe::services::store::Store::open("sqlite:" +
                                                       env.backoffice().sqlitePath().string());
        db->read([&](renshe::services::store::Tx& tx) {
            EXPECT_EQ(tx.queryOne("SELECT count(*) FROM audit_subject_hours")->integer(0),
                      static_cast<std::int64_t>(hoursSeen.size()));
        });
        db->write([](renshe::services::store::Tx& tx) {
            tx.exec("DROP TRIGGER audit_subject_hours_insert");
            tx.exec("DROP TABLE audit_subject_hours");
            tx.exec("CREATE INDEX audit_by_subject ON audit_events(subject_digest)");
            tx.exec("DELETE FROM schema_migrations WHERE version = 31");
        });
    }
    env.backoffice().restart();
    const auto afterMigration = eventsOf(mine, 4);
    ASSERT_EQ(afterMigration.size(), 11u);
    EXPECT_EQ(eventsOf(other, 100).size(), 7u);
    // And new events are found through the trigger again.
    pinChanged(mine);
    EXPECT_EQ(eventsOf(mine, 100).size(), 12u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditBySubject,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
