// What the applications service tests share: the back office on SQLite or PostgreSQL, the
// ApplicationService / FeedbackService stubs of a touch terminal, township staff, staff of
// another county and province staff, a seeded and activated card (张三丰), and requests.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/applications.grpc.pb.h"
#include "renshe/v1/jobs.grpc.pb.h"
#include "tests/service/backoffice_env.hpp"

namespace renshe::testing::applications {

using Apps = renshe::v1::ApplicationService::Stub;
using Feedback = renshe::v1::FeedbackService::Stub;

struct Stubs {
    std::unique_ptr<Apps> apps;
    std::unique_ptr<Feedback> feedback;
    std::unique_ptr<renshe::v1::JobService::Stub> jobs;
    std::unique_ptr<renshe::v1::AdminService::Stub> admin;
};

inline Stubs stubsOn(const std::string& target, const TestPki& pki, const CertFiles& who) {
    auto channel = services::client::makeChannel(pki.endpoint(target, who));
    return {renshe::v1::ApplicationService::NewStub(channel),
            renshe::v1::FeedbackService::NewStub(channel), renshe::v1::JobService::NewStub(channel),
            renshe::v1::AdminService::NewStub(channel)};
}

// Today's China calendar day (YYYYMMDD) by this machine's clock, as the back office sees it.
inline int chinaToday() {
    using namespace std::chrono;
    const auto local = system_clock::now() + hours(8);
    const year_month_day ymd(floor<days>(local));
    return static_cast<int>(ymd.year()) * 10000 + static_cast<int>(unsigned(ymd.month())) * 100 +
           static_cast<int>(unsigned(ymd.day()));
}

inline int plusDays(int day, int n) {
    using namespace std::chrono;
    const year_month_day ymd{year(day / 10000), month(static_cast<unsigned>(day / 100 % 100)),
                             std::chrono::day(static_cast<unsigned>(day % 100))};
    const year_month_day out(sys_days(ymd) + days(n));
    return static_cast<int>(out.year()) * 10000 + static_cast<int>(unsigned(out.month())) * 100 +
           static_cast<int>(unsigned(out.day()));
}

// 1 = Monday … 7 = Sunday.
inline int isoWeekday(int day) {
    using namespace std::chrono;
    const year_month_day ymd{year(day / 10000), month(static_cast<unsigned>(day / 100 % 100)),
                             std::chrono::day(static_cast<unsigned>(day % 100))};
    return static_cast<int>(weekday(sys_days(ymd)).iso_encoding());
}

inline renshe::v1::Date dateOf(int day) {
    renshe::v1::Date d;
    d.set_year(day / 10000);
    d.set_month(day / 100 % 100);
    d.set_day(day % 100);
    return d;
}

inline int dayOf(const renshe::v1::Date& d) {
    return d.year() * 10000 + d.month() * 100 + d.day();
}

class ApplicationsFixture : public ::testing::TestWithParam<StoreKind> {
protected:
    BackofficeEnv env{GetParam(), {"@metrics"}};  // the operators' /metrics too
    SeededCard card;                              // 张三丰, township 371302101
    Stubs touch = stubsOn(env.backoffice().target(), env.pki(),
                          env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion));
    Stubs staff = stubsOn(env.backoffice().staffTarget(), env.pki(),
                          env.pki().staff("S-0001", BackofficeEnv::kRegion));
    Stubs colleague = stubsOn(env.backoffice().staffTarget(), env.pki(),
                              env.pki().staff("S-0002", BackofficeEnv::kRegion));
    Stubs elsewhereStaff =
        stubsOn(env.backoffice().staffTarget(), env.pki(), env.pki().staff("S-0900", "370102"));
    Stubs province = stubsOn(env.backoffice().staffTarget(), env.pki(), env.provinceStaffFiles());

    void SetUp() override {
        seed(env.staff(), card);
        ASSERT_TRUE(activate(env.touch(), card, "285714").ok());
    }

    // The card in the reader, its PIN verified a few seconds ago.
    renshe::v1::Applicant withTheCard() const {
        renshe::v1::Applicant a;
        *a.mutable_card()->mutable_card() = card.inserted();
        a.mutable_card()->mutable_pin_verified_at()->set_seconds(
            std::chrono::duration_cast<std::chrono::seconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count() -
            5);
        return a;
    }
    static renshe::v1::Applicant byIdentity(const std::string& ssn, const std::string& name) {
        renshe::v1::Applicant a;
        a.mutable_identity()->set_ssn(ssn);
        a.mutable_identity()->set_name(name);
        return a;
    }

    static renshe::v1::SubmitApplicationRequest unemployment(const renshe::v1::Applicant& who) {
        renshe::v1::SubmitApplicationRequest r;
        r.set_request_id(newRequestId());
        *r.mutable_applicant() = who;
        auto* u = r.mutable_payload()->mutable_unemployment();
        u->set_last_employer("兰山机械厂");
        *u->mutable_left_on() = dateOf(plusDays(chinaToday(), -30));
        u->set_reason(renshe::v1::LEAVING_REASON_CONTRACT_ENDED);
        u->set_seeking_work(true);
        u->set_wanted_job("电焊工");
        u->set_hardship(renshe::v1::HARDSHIP_CATEGORY_AGE_40_50);
        r.set_phone("13812345678");
        return r;
    }

    Outcome submit(Stubs& as, const renshe::v1::SubmitApplicationRequest& r,
                   renshe::v1::SubmitApplicationResponse* resp = nullptr) {
        renshe::v1::SubmitApplicationResponse ignored;
        return call(*as.apps, &Apps::SubmitApplication, r, resp ? resp : &ignored);
    }

    Outcome decide(Stubs& as, const std::string& number, renshe::v1::Decision d,
                   const std::string& reason, renshe::v1::Application* out = nullptr) {
        renshe::v1::DecideApplicationRequest r;
        r.set_request_id(newRequestId());
        r.set_number(number);
        r.set_decision(d);
        r.set_reason(reason);
        renshe::v1::DecideApplicationResponse resp;
        const auto o = call(*as.apps, &Apps::DecideApplication, r, &resp);
        if (out)
            *out = resp.application();
        return o;
    }

    Outcome status(Stubs& as, const std::string& number, const std::string& ssn,
                   renshe::v1::GetApplicationStatusResponse* out = nullptr) {
        renshe::v1::GetApplicationStatusRequest r;
        r.set_number(number);
        r.set_ssn(ssn);
        renshe::v1::GetApplicationStatusResponse ignored;
        return call(*as.apps, &Apps::GetApplicationStatus, r, out ? out : &ignored);
    }

    renshe::v1::Application details(const std::string& number) {
        renshe::v1::GetApplicationRequest r;
        r.set_number(number);
        renshe::v1::GetApplicationResponse resp;
        const auto o = call(*staff.apps, &Apps::GetApplication, r, &resp);
        EXPECT_TRUE(o.ok()) << o;
        return resp.application();
    }

    // A service point in township 101 of the district.
    std::string servicePoint() {
        renshe::v1::UpsertServicePointRequest r;
        r.set_request_id(newRequestId());
        auto* sp = r.mutable_service_point();
        sp->set_name("探沂镇人社服务站");
        sp->mutable_region()->set_division_code("371302");
        sp->mutable_region()->set_township_code("101");
        sp->set_facility_class(renshe::v1::FACILITY_CLASS_III);
        sp->set_display_area_m2(2);
        sp->set_address("兰山区探沂镇政府一楼");
        renshe::v1::UpsertServicePointResponse resp;
        const auto o =
            call(*staff.admin, &renshe::v1::AdminService::Stub::UpsertServicePoint, r, &resp);
        EXPECT_TRUE(o.ok()) << o;
        return resp.service_point().id();
    }
};

}  // namespace renshe::testing::applications
