// 证明 over mutual TLS on SQLite and PostgreSQL: the holder at a touch terminal (card + fresh
// PIN) or staff issues a signed statement; its number and check code verify (RPC and the
// public HTTPS page, in headless Chromium too); a statement altered and re-signed with another
// key does not; staff withdraw one; the page limits requests per address.
#include <openssl/evp.h>
#include <sqlite3.h>

#include <regex>

#include "tests/fixtures/web.hpp"
#include "tests/service/records_fixture.hpp"

namespace {

using namespace renshe::testing::records;
using renshe::testing::call;
using renshe::testing::newRequestId;
using renshe::testing::Outcome;
using renshe::testing::StoreKind;

constexpr int kPageLimit = 12;  // requests per address per hour, for the whole of one test

class StatementsTest : public RecordsFixture {
protected:
    StatementsTest()
        : RecordsFixture({"@verify-page", "--verify-limit", std::to_string(kPageLimit) + "/3600"}) {
    }

    void SetUp() override {
        RecordsFixture::SetUp();
        importAll(RECORDS_FILE_KIND_CONTRIBUTIONS, twoYears());
    }

    IssueStatementResponse issue(const RecordsSubject& subject, StatementKind kind, int year = 0,
                                 Outcome* outcome = nullptr, const std::string& requestId = {},
                                 Records* as = nullptr) {
        IssueStatementRequest r;
        r.set_request_id(requestId.empty() ? newRequestId() : requestId);
        *r.mutable_subject() = subject;
        r.set_kind(kind);
        r.set_year(year);
        IssueStatementResponse resp;
        const auto o = call(as ? *as : *touch, &Records::IssueStatement, r, &resp);
        if (outcome)
            *outcome = o;
        else
            EXPECT_TRUE(o.ok()) << o;
        return resp;
    }
    VerifyStatementResponse verify(const std::string& number, const std::string& code,
                                   const SignedStatement* presented = nullptr) {
        VerifyStatementRequest r;
        r.set_number(number);
        r.set_check_code(code);
        if (presented)
            *r.mutable_presented() = *presented;
        VerifyStatementResponse resp;
        const auto o = call(*staff, &Records::VerifyStatement, r, &resp);
        EXPECT_TRUE(o.ok()) << o;
        return resp;
    }
    int pagePort() { return env.backoffice().verifyPort(); }
    renshe::testing::HttpResponse page(const std::string& target) {
        return renshe::testing::httpsGet(pagePort(), target, env.pki().caCertificate());
    }
    // The path and query of a verification link.
    static std::string targetOf(const std::string& url) {
        return url.substr(url.find('/', std::string("https://").size()));
    }
};

// Content signed with a key that is not the back office's: Ed25519 over the same message form.
std::string signWithAnotherKey(const std::string& content) {
    EVP_PKEY* key = nullptr;
    EVP_PKEY_CTX* kctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    EVP_PKEY_keygen_init(kctx);
    EVP_PKEY_keygen(kctx, &key);
    EVP_PKEY_CTX_free(kctx);
    std::string message = "renshe-statement-v1";
    message.push_back('\0');
    message += content;
    std::string signature(64, '\0');
    std::size_t len = signature.size();
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    EVP_DigestSignInit(md, nullptr, nullptr, nullptr, key);
    EVP_DigestSign(md, reinterpret_cast<unsigned char*>(signature.data()), &len,
                   reinterpret_cast<const unsigned char*>(message.data()), message.size());
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(key);
    return signature;
}

TEST_P(StatementsTest, AParticipationStatementIsSignedKeptAndVerifiable) {
    const std::string requestId = newRequestId();
    // One subject for the request and its retry: atTheTerminal() stamps the PIN check "5 s
    // ago" from now, and a retry made a second later would be a different request.
    const RecordsSubject subject = atTheTerminal();
    Outcome o;
    const auto issued = issue(subject, STATEMENT_KIND_PARTICIPATION, 0, &o, requestId);
    ASSERT_TRUE(o.ok()) << o;
    const auto& s = issued.statement();
    EXPECT_TRUE(std::regex_match(s.number(), std::regex("20[0-9]{16}"))) << s.number();
    EXPECT_TRUE(std::regex_match(issued.check_code(), std::regex("[2-9A-HJ-NP-Z]{8}")))
        << issued.check_code();
    EXPECT_EQ(s.kind(), STATEMENT_KIND_PARTICIPATION);
    EXPECT_EQ(s.holder().masked_name(), "张*丰");
    EXPECT_EQ(s.holder().masked_ssn(), "370***********0017");
    ASSERT_EQ(s.insurances_size(), 2);
    EXPECT_EQ(s.insurances(0).paid_months(), 22);
    EXPECT_EQ(s.key_id().size(), 16U);
    StatementContent signedContent;
    ASSERT_TRUE(signedContent.ParseFromString(issued.signed_().content()));
    EXPECT_EQ(signedContent.SerializeAsString(), s.SerializeAsString());
    EXPECT_EQ(issued.signed_().signature().size(), 64U);
    EXPECT_EQ(issued.verify_url(), "https://127.0.0.1:" + std::to_string(pagePort()) +
                                       "/verify?n=" + s.number() + "&c=" + issued.check_code());
    // Nothing of the full ID number or name in what the paper carries.
    EXPECT_EQ(issued.DebugString().find(card.ssn), std::string::npos);
    EXPECT_EQ(issued.signed_().content().find("张三丰"), std::string::npos);

    // The same request again is the same statement, not a second one.
    const auto again = issue(subject, STATEMENT_KIND_PARTICIPATION, 0, nullptr, requestId);
    EXPECT_EQ(again.statement().number(), s.number());
    EXPECT_EQ(again.check_code(), issued.check_code());

    const auto v = verify(s.number(), issued.check_code(), &issued.signed_());
    EXPECT_EQ(v.validity(), STATEMENT_VALIDITY_VALID);
    EXPECT_EQ(v.statement().SerializeAsString(), s.SerializeAsString());
    // As typed off paper: lower case, spaces and dashes.
    std::string typed = issued.check_code();
    std::transform(typed.begin(), typed.end(), typed.begin(), ::tolower);
    EXPECT_EQ(verify(s.number().substr(0, 8) + " " + s.number().substr(8), typed.insert(4, "-"))
                  .validity(),
              STATEMENT_VALIDITY_VALID);
    // A wrong code and an unknown number are one answer.
    const std::string wrong = issued.check_code() == "22222222" ? "33333333" : "22222222";
    EXPECT_EQ(verify(s.number(), wrong).validity(), STATEMENT_VALIDITY_UNKNOWN);
    EXPECT_EQ(verify("200001010000000000", issued.check_code()).validity(),
              STATEMENT_VALIDITY_UNKNOWN);
    EXPECT_FALSE(verify(s.number(), wrong).has_statement());

    // Altered and re-signed with another key: its own code is unknown, and presented with the
    // real number and code it is tampered.
    StatementContent altered = s;
    altered.mutable_insurances(0)->set_paid_months(s.insurances(0).paid_months() + 120);
    SignedStatement forged;
    forged.set_content(altered.SerializeAsString());
    forged.set_signature(signWithAnotherKey(forged.content()));
    EXPECT_EQ(verify(s.number(), issued.check_code(), &forged).validity(),
              STATEMENT_VALIDITY_TAMPERED);
    SignedStatement badSignature = issued.signed_();
    badSignature.mutable_signature()->at(5) ^= 1;
    EXPECT_EQ(verify(s.number(), issued.check_code(), &badSignature).validity(),
              STATEMENT_VALIDITY_TAMPERED);

    // The public page, over TLS checked against the CA: valid, masked, what it certifies.
    const auto valid = page(targetOf(issued.verify_url()));
    ASSERT_EQ(valid.status, 200) << valid.error;
    EXPECT_EQ(valid.headers.at("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(valid.headers.at("cache-control"), "no-store");
    EXPECT_NE(valid.body.find("有效"), std::string::npos);
    EXPECT_NE(valid.body.find("张*丰"), std::string::npos);
    EXPECT_NE(valid.body.find("企业职工基本养老保险"), std::string::npos);
    EXPECT_NE(valid.body.find("1 年 10 个月"), std::string::npos);  // 22 months paid
    EXPECT_EQ(valid.body.find(card.ssn), std::string::npos);
    EXPECT_EQ(valid.body.find("张三丰"), std::string::npos);
    const auto invalid = page("/verify?n=" + s.number() + "&c=" + wrong);
    ASSERT_EQ(invalid.status, 200);
    EXPECT_NE(invalid.body.find("无效"), std::string::npos);
    EXPECT_EQ(invalid.body.find("张*丰"), std::string::npos);
    const auto form = page("/verify");
    EXPECT_NE(form.body.find("<form"), std::string::npos);
    EXPECT_EQ(page("/verify?n=%3Cscript%3E&c=x").body.find("<script>"), std::string::npos);
    EXPECT_EQ(page("/admin").status, 404);
}

TEST_P(StatementsTest, StaffWithdrawAStatementOfTheirRegion) {
    const auto issued =
        issue(byNumber(card.ssn), STATEMENT_KIND_PARTICIPATION, 0, nullptr, {}, staff.get());
    const std::string number = issued.statement().number();
    ASSERT_FALSE(number.empty());

    WithdrawStatementRequest w;
    w.set_request_id(newRequestId());
    w.set_number(number);
    w.set_reason("持证人申请更正");
    WithdrawStatementResponse wr;
    // Not a terminal's to do, nor another region's staff.
    auto o = call(*touch, &Records::WithdrawStatement, w, &wr);
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    auto elsewhere = recordsAs(env, env.pki().staff("S-0002", "370102"));
    o = call(*elsewhere, &Records::WithdrawStatement, w, &wr);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION") << o;
    w.set_reason("");
    o = call(*staff, &Records::WithdrawStatement, w, &wr);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    w.set_reason("持证人申请更正");
    w.set_number("200001010000000000");
    o = call(*staff, &Records::WithdrawStatement, w, &wr);
    EXPECT_EQ(o.code, grpc::StatusCode::NOT_FOUND) << o;

    w.set_number(number);
    w.set_request_id(newRequestId());
    o = call(*staff, &Records::WithdrawStatement, w, &wr);
    ASSERT_TRUE(o.ok()) << o;
    const auto withdrawnAt = wr.withdrawn_at().seconds();
    EXPECT_GT(withdrawnAt, 0);
    // Withdrawing again keeps the first time.
    w.set_request_id(newRequestId());
    WithdrawStatementResponse again;
    ASSERT_TRUE(call(*staff, &Records::WithdrawStatement, w, &again).ok());
    EXPECT_EQ(again.withdrawn_at().seconds(), withdrawnAt);

    const auto v = verify(number, issued.check_code());
    EXPECT_EQ(v.validity(), STATEMENT_VALIDITY_WITHDRAWN);
    EXPECT_EQ(v.withdraw_reason(), "持证人申请更正");
    EXPECT_EQ(v.withdrawn_at().seconds(), withdrawnAt);
    const auto p = page(targetOf(issued.verify_url()));
    EXPECT_NE(p.body.find("已作废"), std::string::npos) << p.body;
}

TEST_P(StatementsTest, AYearsRecordNeedsAYearAndAFreshPin) {
    const int year = monthsBefore(now, 1) / 100;
    const auto annual = issue(atTheTerminal(), STATEMENT_KIND_ANNUAL_RECORD, year);
    EXPECT_EQ(annual.statement().year(), year);
    int inYear = 0;
    for (int back = 24; back >= 1; --back)
        if (monthsBefore(now, back) / 100 == year)
            inYear += back <= 12 ? 2 : 1;
    EXPECT_EQ(annual.statement().contributions_size(), inYear);
    const auto p = page(targetOf(annual.verify_url()));
    EXPECT_NE(p.body.find("个人权益记录"), std::string::npos);
    EXPECT_NE(p.body.find(std::to_string(year) + " 年缴费"), std::string::npos);

    Outcome o;
    issue(atTheTerminal(), STATEMENT_KIND_ANNUAL_RECORD, 0, &o);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    issue(atTheTerminal(), STATEMENT_KIND_ANNUAL_RECORD, year + 2, &o);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    issue(atTheTerminal(), STATEMENT_KIND_PARTICIPATION, year, &o);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    issue(atTheTerminal(400), STATEMENT_KIND_PARTICIPATION, 0, &o);
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_VERIFICATION_STALE") << o;
}

// Who may have one: the holder at a terminal of their region, staff of their region; not a
// terminal or clerk of another county, not a display.
TEST_P(StatementsTest, OnlyTheHolderHereOrStaffOfTheRegionGetAStatement) {
    Outcome o;
    auto elsewhere = recordsAs(env, env.pki().touchTerminal("T-370102-001", "370102"));
    issue(atTheTerminal(), STATEMENT_KIND_PARTICIPATION, 0, &o, {}, elsewhere.get());
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION") << o;
    auto otherClerk = recordsAs(env, env.pki().staff("S-0002", "370102"));
    issue(byNumber(card.ssn), STATEMENT_KIND_PARTICIPATION, 0, &o, {}, otherClerk.get());
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION") << o;
    auto display = recordsAs(
        env, env.pki().client({"T-371302-001-D", renshe::services::pki::Role::Display, "371302"}));
    issue(atTheTerminal(), STATEMENT_KIND_PARTICIPATION, 0, &o, {}, display.get());
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    issue(byNumber(card.ssn), STATEMENT_KIND_PARTICIPATION, 0, &o, {}, touch.get());
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;  // a terminal by ID number
}

TEST_P(StatementsTest, ThePageAnswersAFewRequestsPerAddressThenAsksToWait) {
    int ok = 0;
    renshe::testing::HttpResponse last;
    for (int i = 0; i < kPageLimit + 1; ++i) {
        last = page("/verify?n=200001010000000000&c=22222222");
        ok += last.status == 200 ? 1 : 0;
    }
    EXPECT_EQ(ok, kPageLimit);
    EXPECT_EQ(last.status, 429);
    EXPECT_GT(std::stoi(last.headers.at("retry-after")), 0);
    EXPECT_NE(last.body.find("查询过于频繁"), std::string::npos);
}

// A database writer edits a figure of an issued statement: it no longer carries the back
// office's signature (SQLite: the file itself; the rule is the same on PostgreSQL).
class StatementsInSqlite : public StatementsTest {};

TEST_P(StatementsInSqlite, AStatementEditedInTheDatabaseIsTampered) {
    const auto issued = issue(atTheTerminal(), STATEMENT_KIND_PARTICIPATION);
    StatementContent edited = issued.statement();
    edited.mutable_insurances(0)->set_paid_months(360);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(env.backoffice().sqlitePath().c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(
        sqlite3_prepare_v2(db, "UPDATE record_statements SET content_hex = ?1 WHERE number = ?2",
                           -1, &st, nullptr),
        SQLITE_OK);
    std::string hex;
    for (const unsigned char c : edited.SerializeAsString()) {
        static const char* digits = "0123456789abcdef";
        hex += digits[c >> 4];
        hex += digits[c & 15];
    }
    sqlite3_bind_text(st, 1, hex.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, issued.statement().number().c_str(), -1, SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    EXPECT_EQ(sqlite3_changes(db), 1);
    sqlite3_close(db);

    const auto v = verify(issued.statement().number(), issued.check_code());
    EXPECT_EQ(v.validity(), STATEMENT_VALIDITY_TAMPERED);
    EXPECT_FALSE(v.has_statement());
    const auto p = page(targetOf(issued.verify_url()));
    EXPECT_NE(p.body.find("无效"), std::string::npos);
    EXPECT_EQ(p.body.find("30 年"), std::string::npos) << "the edited figure is never shown";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StatementsInSqlite, ::testing::Values(StoreKind::Sqlite),
                         renshe::testing::storeKindName);

INSTANTIATE_TEST_SUITE_P(Backends, StatementsTest,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

// The page in a real browser: what a bank clerk sees after scanning the QR code.
class StatementPageInChromium : public StatementsTest {};

TEST_P(StatementPageInChromium, ShowsTheVerdictAndTheMaskedHolder) {
    if (renshe::testing::chromiumBinary().empty())
        GTEST_FAIL() << "chromium is not installed (deploy/debian-packages.txt lists it)";
    const auto issued = issue(atTheTerminal(), STATEMENT_KIND_PARTICIPATION);
    const auto png = std::filesystem::absolute("screenshots/statements/verify-page-valid.png");
    const std::string dom = renshe::testing::chromiumRender(issued.verify_url(), png, 800, 1000);
    EXPECT_NE(dom.find("有效"), std::string::npos) << dom.substr(0, 400);
    EXPECT_NE(dom.find("张*丰"), std::string::npos);
    EXPECT_GT(std::filesystem::file_size(png), 10000U);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StatementPageInChromium, ::testing::Values(StoreKind::Sqlite),
                         renshe::testing::storeKindName);

}  // namespace
