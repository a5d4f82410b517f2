// The fixture of the 我的社保 service tests (records_test.cpp, statements_test.cpp): a back
// office on SQLite or PostgreSQL, a seeded and activated card, the callers (township staff,
// province staff, a touch terminal) and helpers that import records through the service.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "drivers/util/clock.hpp"
#include "renshe/v1/records.grpc.pb.h"
#include "tests/service/backoffice_env.hpp"

namespace renshe::testing::records {

using namespace renshe::v1;
using Records = RecordsService::Stub;

inline std::unique_ptr<Records> recordsAs(BackofficeEnv& env,
                                          const renshe::testing::CertFiles& who) {
    return RecordsService::NewStub(
        renshe::services::client::makeChannel(env.pki().endpoint(env.backoffice().target(), who)));
}

// YYYYMM of this month in China, and of `back` months before it.
inline int thisMonth() {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    return std::stoi(renshe::util::chinaDate(micros).substr(0, 6));
}
inline int monthsBefore(int yyyymm, int back) {
    const int index = (yyyymm / 100) * 12 + (yyyymm % 100) - 1 - back;
    return (index / 12) * 100 + index % 12 + 1;
}
inline std::string text(int yyyymm) {
    const int m = yyyymm % 100;
    return std::to_string(yyyymm / 100) + (m < 10 ? "-0" : "-") + std::to_string(m);
}

inline google::protobuf::Timestamp secondsAgo(int seconds) {
    google::protobuf::Timestamp t;
    t.set_seconds(std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count() -
                  seconds);
    return t;
}

class RecordsFixture : public ::testing::TestWithParam<StoreKind> {
protected:
    explicit RecordsFixture(std::vector<std::string> extraArgs = {})
        : env(GetParam(), std::move(extraArgs)) {}

    BackofficeEnv env;
    renshe::testing::SeededCard card;  // 张三丰, township 371302101
    std::unique_ptr<Records> staff =
        recordsAs(env, env.pki().staff("S-0001", BackofficeEnv::kRegion));
    std::unique_ptr<Records> province = recordsAs(env, env.provinceStaffFiles());
    std::unique_ptr<Records> touch =
        recordsAs(env, env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion));
    const int now = thisMonth();

    void SetUp() override {
        renshe::testing::seed(env.staff(), card);
        ASSERT_TRUE(renshe::testing::activate(env.touch(), card, "285714").ok());
    }

    // The holder at the terminal: the card and a PIN verified `age` seconds ago.
    RecordsSubject atTheTerminal(int age = 5) const {
        RecordsSubject s;
        *s.mutable_card()->mutable_card() = card.inserted();
        *s.mutable_card()->mutable_pin_verified_at() = secondsAgo(age);
        return s;
    }
    static RecordsSubject byNumber(const std::string& ssn) {
        RecordsSubject s;
        s.set_ssn(ssn);
        return s;
    }

    std::string begin(RecordsFileKind kind, const std::string& fileSha, int* nextLine = nullptr) {
        BeginRecordsImportRequest r;
        r.set_request_id(newRequestId());
        r.set_kind(kind);
        r.set_file_sha256(fileSha);
        BeginRecordsImportResponse resp;
        const auto o = call(*province, &Records::BeginRecordsImport, r, &resp);
        EXPECT_TRUE(o.ok()) << o;
        if (nextLine)
            *nextLine = resp.next_line();
        return resp.import_id();
    }
    Outcome append(const std::string& id, int firstLine, const std::string& rows,
                   AppendRecordsImportResponse* resp) {
        AppendRecordsImportRequest r;
        r.set_import_id(id);
        r.set_first_line(firstLine);
        r.set_csv_rows(rows);
        return call(*province, &Records::AppendRecordsImport, r, resp);
    }
    Outcome commit(const std::string& id, bool skipBad, CommitRecordsImportResponse* resp) {
        CommitRecordsImportRequest r;
        r.set_request_id(newRequestId());
        r.set_import_id(id);
        r.set_skip_bad(skipBad);
        return call(*province, &Records::CommitRecordsImport, r, resp);
    }
    // One whole file through begin, one chunk and commit; the rows applied.
    std::int64_t importAll(RecordsFileKind kind, const std::string& rows) {
        const std::string id = begin(kind, std::string(32, static_cast<char>(rows.size() % 251)));
        AppendRecordsImportResponse ar;
        const auto a = append(id, 2, rows, &ar);
        EXPECT_TRUE(a.ok()) << a;
        EXPECT_EQ(ar.rejected(), 0) << (ar.errors_size() ? ar.errors(0).reason() : "");
        CommitRecordsImportResponse cr;
        const auto c = commit(id, false, &cr);
        EXPECT_TRUE(c.ok()) << c;
        return cr.applied();
    }

    // The person's pension contributions for the 24 months before this one, paid by their
    // employer except the last two (owed), and medical insurance for the last 12 months.
    std::string twoYears() const {
        std::string csv;
        for (int back = 24; back >= 1; --back) {
            const int m = monthsBefore(now, back);
            csv += card.ssn + "," + text(m) + ",employee_pension,4000,320," + "640," +
                   (back <= 2 ? "owed" : "paid") + ",临沂顺达物流有限公司\n";
            if (back <= 12)
                csv += card.ssn + "," + text(m) + ",职工基本医疗保险,4000.00,80.5,320,已缴," +
                       "\"临沂顺达物流有限公司\"\n";
        }
        return csv;
    }
    GetInsuranceSummaryResponse summary(const RecordsSubject& subject, Outcome* outcome = nullptr) {
        GetInsuranceSummaryRequest r;
        *r.mutable_subject() = subject;
        GetInsuranceSummaryResponse resp;
        const auto o = call(*touch, &Records::GetInsuranceSummary, r, &resp);
        if (outcome)
            *outcome = o;
        else
            EXPECT_TRUE(o.ok()) << o;
        return resp;
    }
};

}  // namespace renshe::testing::records
