#include "services/backoffice/records/checks.hpp"

#include "services/backoffice/card/checks.hpp"
#include "services/backoffice/records/record_rows.hpp"
#include "services/backoffice/records/statements.hpp"

namespace renshe::services::backoffice::checks {

using namespace renshe::v1;

namespace {

constexpr std::size_t kSha256Bytes = 32;
constexpr int kLatestYear = 9999;
constexpr std::size_t kImportIdChars = 36;
constexpr std::size_t kReasonBytes = 600;  // 200 Chinese characters
constexpr std::size_t kPresentedBytes = 64 * 1024;
constexpr std::size_t kVerificationIdChars = 64;

Result checkSubject(bool present, const RecordsSubject& s) {
    switch (present ? s.holder_case() : RecordsSubject::HOLDER_NOT_SET) {
        case RecordsSubject::kCard:
            return checkInsertedCard(s.card().has_card(), s.card().card());
        case RecordsSubject::kSsn:
            return checkSsn(s.ssn(), "subject.ssn");
        case RecordsSubject::kFingerprint:
            if (auto bad = checkSsn(s.fingerprint().ssn(), "subject.fingerprint.ssn"))
                return bad;
            return checkOpaqueId(s.fingerprint().verification_id(), kVerificationIdChars,
                                 "subject.fingerprint.verification_id", true);
        case RecordsSubject::HOLDER_NOT_SET:
            break;
    }
    return Refusal::malformed("subject is missing (a card, a fingerprint match or an ID number)");
}

Result checkYear(int year) {
    if (year < records::kEarliestMonth / 100 || year > kLatestYear)
        return Refusal::malformed("year is missing or before 1951");
    return std::nullopt;
}

Result checkImportId(const std::string& id) {
    if (id.size() != kImportIdChars || !isRequestId(id))
        return Refusal::malformed("import_id is not an import's id");
    return std::nullopt;
}

}  // namespace

Result check(const GetInsuranceSummaryRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkSubject(r.has_subject(), r.subject()); });
}

Result check(const ListContributionsRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkSubject(r.has_subject(), r.subject()); },
                   [&] { return checkYear(r.year()); },
                   [&] { return checkEnum(r.type(), InsuranceType_IsValid, false, "type"); },
                   [&] { return checkPage(r.page()); });
}

Result check(const ListBenefitPaymentsRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkSubject(r.has_subject(), r.subject()); },
                   [&] { return checkYear(r.year()); }, [&] { return checkPage(r.page()); });
}

Result check(const BeginRecordsImportRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkEnum(r.kind(), RecordsFileKind_IsValid, true, "kind"); },
                   [&]() -> Result {
                       if (r.file_sha256().size() != kSha256Bytes)
                           return Refusal::malformed("file_sha256 is not 32 bytes");
                       return std::nullopt;
                   });
}

Result check(const AppendRecordsImportRequest& r) {
    return firstOf([&] { return tooLarge(r, records::kMaxChunkBytes + 1024); },
                   [&] { return checkImportId(r.import_id()); },
                   [&]() -> Result {
                       if (r.first_line() < 2)
                           return Refusal::malformed("first_line is before line 2");
                       return std::nullopt;
                   });
}

Result check(const CommitRecordsImportRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkImportId(r.import_id()); });
}

Result check(const IssueStatementRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkSubject(r.has_subject(), r.subject()); },
                   [&] { return checkEnum(r.kind(), StatementKind_IsValid, true, "kind"); },
                   [&]() -> Result {
                       if (r.kind() != STATEMENT_KIND_PARTICIPATION)
                           return checkYear(r.year());
                       if (r.year() != 0)
                           return Refusal::malformed("year is only for a year's statement");
                       return std::nullopt;
                   });
}

Result check(const VerifyStatementRequest& r) {
    return firstOf([&] { return tooLarge(r, kPresentedBytes); },
                   [&]() -> Result {
                       if (!records::normalizeStatementNumber(r.number()))
                           return Refusal::malformed("number is not a statement number");
                       if (!records::normalizeCheckCode(r.check_code()))
                           return Refusal::malformed("check_code is not a check code");
                       return std::nullopt;
                   });
}

Result check(const WithdrawStatementRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&]() -> Result {
                       if (!records::normalizeStatementNumber(r.number()))
                           return Refusal::malformed("number is not a statement number");
                       return std::nullopt;
                   },
                   [&] { return checkText(r.reason(), kReasonBytes, "reason", true); });
}

}  // namespace renshe::services::backoffice::checks
