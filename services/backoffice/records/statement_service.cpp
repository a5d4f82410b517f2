// RecordsService's statements (证明): issued to the holder at a terminal or to staff, checked by
// number and check code, withdrawn by staff (statements.hpp).
#include "drivers/sscard/id_number.hpp"
#include "drivers/util/clock.hpp"
#include "services/backoffice/records/checks.hpp"
#include "services/backoffice/records/reading.hpp"
#include "services/backoffice/records/record_rows.hpp"
#include "services/backoffice/records/records_service.hpp"
#include "services/backoffice/records/statements.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;
namespace sscard = renshe::drivers::sscard;

namespace {

constexpr int kRandomDigits = 10;
constexpr int kMostRows = 1000;  // a year of six types is 72 contributions

// 18 digits: the China date of `now` and 10 random digits.
std::string newStatementNumber(std::int64_t now) {
    std::string number = util::chinaDate(now);
    const std::string random = randomBytes(kRandomDigits);
    for (const char c : random)
        number.push_back(static_cast<char>('0' + static_cast<unsigned char>(c) % 10));
    return number;
}

// What the statement of `kind` certifies about `person`, as of `now`.
StatementContent contentOf(store::Tx& tx, const PersonRow& person, StatementKind kind, int year,
                           std::int64_t now) {
    StatementContent content;
    content.set_kind(kind);
    setTimestamp(content.mutable_issued_at(), now);
    content.mutable_holder()->set_masked_ssn(sscard::maskIdNumber(person.ssn));
    content.mutable_holder()->set_masked_name(sscard::maskName(person.name));
    content.set_region(person.region);
    records::summarise(tx, person.ssn, records::chinaMonth(now), content.mutable_insurances(),
                       content.mutable_records_through());
    if (kind == STATEMENT_KIND_PARTICIPATION)
        return content;
    content.clear_insurances();  // a year's statement says only that year
    content.set_year(year);
    if (kind == STATEMENT_KIND_ANNUAL_RECORD) {
        for (const auto& r : records::contributions(tx, person.ssn, year * 100 + 1, year * 100 + 12,
                                                    0, 0, 0, kMostRows))
            records::toProto(r, content.add_contributions());
    } else {
        for (const auto& r :
             records::payments(tx, person.ssn, year * 100 + 1, year * 100 + 12, 0, 0, kMostRows))
            records::toProto(r, content.add_payments());
    }
    return content;
}

}  // namespace

grpc::Status RecordsServiceImpl::IssueStatement(grpc::ServerContext* ctx,
                                                const IssueStatementRequest* req,
                                                IssueStatementResponse* resp) {
    const Keystore& keys = m_runner.keys();
    return m_runner.mutate(
        ctx, "records.issue_statement", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            const PersonRow person =
                records::holderOf(tx, caller, req->subject(), subject, now,
                                  m_runner.policy().pinVerificationMaxAgeSeconds);
            const auto publicKey = keys.statementPublicKey();
            if (!publicKey)
                throw Refused(Refusal::precondition(
                    REFUSAL_REASON_NOT_CONFIGURED,
                    "this back office has no statement key (keystore statement-key)"));
            if (req->year() > records::chinaMonth(now) / 100)
                throw Refused(Refusal::malformed("year is in the future"));
            StatementContent content = contentOf(tx, person, req->kind(), req->year(), now);
            content.set_number(newStatementNumber(now));
            content.set_key_id(records::keyIdOf(*publicKey));
            const std::string bytes = content.SerializeAsString();
            const std::string signature = *keys.signStatement(records::statementMessage(bytes));
            const std::string code = records::checkCodeOf(signature);
            tx.exec(
                "INSERT INTO record_statements (number, check_code, kind, subject_digest, region, "
                "issued_at, content_hex, signature_hex) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                {content.number(), code, std::int64_t{req->kind()}, keys.subjectDigest(person.ssn),
                 person.region, now, store::toHex(bytes), store::toHex(signature)});
            subject.label = "statement " + content.number();
            *resp->mutable_statement() = std::move(content);
            resp->set_check_code(code);
            resp->mutable_signed_()->set_content(bytes);
            resp->mutable_signed_()->set_signature(signature);
            if (!m_verifyUrl.empty())
                resp->set_verify_url(m_verifyUrl + "?n=" + resp->statement().number() +
                                     "&c=" + code);
        });
}

grpc::Status RecordsServiceImpl::VerifyStatement(grpc::ServerContext* ctx,
                                                 const VerifyStatementRequest* req,
                                                 VerifyStatementResponse* resp) {
    return m_runner.query(ctx, "records.verify_statement", checks::check(*req),
                          [&](store::Tx& tx, const Caller&, Subject& subject, std::int64_t) {
                              resp->Clear();
                              subject.label = "statement " + req->number();
                              auto check = records::verifyStatement(
                                  tx, m_runner.keys(), req->number(), req->check_code(),
                                  req->has_presented() ? &req->presented() : nullptr);
                              resp->set_validity(check.validity);
                              if (!check.content.number().empty())
                                  *resp->mutable_statement() = std::move(check.content);
                              if (check.validity == STATEMENT_VALIDITY_WITHDRAWN) {
                                  setTimestamp(resp->mutable_withdrawn_at(), check.withdrawnAt);
                                  resp->set_withdraw_reason(check.withdrawReason);
                              }
                          });
}

grpc::Status RecordsServiceImpl::WithdrawStatement(grpc::ServerContext* ctx,
                                                   const WithdrawStatementRequest* req,
                                                   WithdrawStatementResponse* resp) {
    return m_runner.mutate(
        ctx, "records.withdraw_statement", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireStaff(caller);
            const std::string number = *records::normalizeStatementNumber(req->number());
            subject.label = "statement " + number;
            const auto row =
                tx.queryOne("SELECT region, withdrawn_at FROM record_statements WHERE number = $1" +
                                std::string(tx.forUpdate()),
                            {number});
            if (!row)
                throw Refused(
                    Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no statement has this number"));
            subject.region = row->text(0);
            requireRegion(caller, subject.region);
            if (!row->isNull(1)) {
                setTimestamp(resp->mutable_withdrawn_at(), row->integer(1));
                return;
            }
            tx.exec(
                "UPDATE record_statements SET withdrawn_at = $1, withdraw_reason = $2, "
                "withdrawn_by = $3 WHERE number = $4",
                {now, req->reason(), caller.key(), number});
            setTimestamp(resp->mutable_withdrawn_at(), now);
        });
}

}  // namespace renshe::services::backoffice
