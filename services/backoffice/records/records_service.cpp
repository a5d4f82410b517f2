#include "services/backoffice/records/records_service.hpp"

#include <charconv>

#include "drivers/sscard/id_number.hpp"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/certification/certification_service.hpp"
#include "services/backoffice/records/checks.hpp"
#include "services/backoffice/records/reading.hpp"
#include "services/backoffice/records/record_rows.hpp"
#include "services/backoffice/records/records_store.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;
namespace sscard = renshe::drivers::sscard;

namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kRecentMonths = 3;

int monthIndex(int yyyymm) {
    return (yyyymm / 100) * 12 + (yyyymm % 100) - 1;
}

// The insurance type a benefit kind belongs to.
int typeOfBenefit(int kind) {
    switch (kind) {
        case BENEFIT_KIND_EMPLOYEE_PENSION:
            return INSURANCE_TYPE_EMPLOYEE_PENSION;
        case BENEFIT_KIND_RESIDENT_PENSION:
            return INSURANCE_TYPE_RESIDENT_PENSION;
        case BENEFIT_KIND_UNEMPLOYMENT:
            return INSURANCE_TYPE_UNEMPLOYMENT;
        case BENEFIT_KIND_WORK_INJURY:
            return INSURANCE_TYPE_WORK_INJURY;
        default:
            return 0;
    }
}

// A keyset page token "YYYYMM:N" → (month, n); empty → (0, 0); anything else is refused.
std::pair<int, int> pageAfter(const std::string& token) {
    if (token.empty())
        return {0, 0};
    const auto colon = token.find(':');
    int month = 0, n = 0;
    const char* end = token.data() + token.size();
    if (colon != std::string::npos) {
        const auto a = std::from_chars(token.data(), token.data() + colon, month);
        const auto b = std::from_chars(token.data() + colon + 1, end, n);
        if (a.ec == std::errc() && a.ptr == token.data() + colon && b.ec == std::errc() &&
            b.ptr == end)
            return {month, n};
    }
    throw Refused(Refusal::malformed("page.page_token is not one this service gave"));
}

}  // namespace

namespace records {

namespace {

// Without the card: the person whose finger matched on this terminal's sensor (purpose RECORDS)
// within the window. A person unknown or of another region is refused as a wrong id is.
PersonRow fingerprintHolder(store::Tx& tx, const Caller& caller,
                            const FingerprintHolderProof& proof, Subject& audit, std::int64_t now) {
    requireTouchTerminal(caller);
    const std::string ssn = checks::normalizeSsn(proof.ssn());
    audit.ssn = ssn;
    auto person = loadPerson(tx, ssn);
    if (!person || !inRegion(caller, person->region))
        throw Refused(Refusal::denied(REFUSAL_REASON_SECOND_FACTOR_FAILED,
                                      "no such matched fingerprint verification"));
    audit.region = person->region;
    requireFingerprintMatch(tx, caller, ssn, proof.verification_id(), VERIFICATION_PURPOSE_RECORDS,
                            now);
    return *person;
}

}  // namespace

PersonRow holderOf(store::Tx& tx, const Caller& caller, const RecordsSubject& subject,
                   Subject& audit, std::int64_t now, std::int64_t pinMaxAgeSeconds) {
    if (subject.has_card()) {
        auto [card, person] =
            requireCardAtTerminal(tx, caller, subject.card().card(), audit, {.lockCard = false});
        requireFreshVerification(subject.card().pin_verified_at(),
                                 subject.card().has_pin_verified_at(), now, pinMaxAgeSeconds);
        const CardRow state = effective(card, now);
        if (state.status != CARD_STATUS_ACTIVE)
            throw Refused(
                Refusal::precondition(REFUSAL_REASON_WRONG_CARD_STATE,
                                      "records are shown only with an active card, this one is " +
                                          CardStatus_Name(state.status)));
        return person;
    }
    if (subject.has_fingerprint())
        return fingerprintHolder(tx, caller, subject.fingerprint(), audit, now);
    requireStaff(caller);
    const std::string ssn = checks::normalizeSsn(subject.ssn());
    audit.ssn = ssn;
    auto person = loadPerson(tx, ssn);
    if (!person)
        throw Refused(
            Refusal::notFound(REFUSAL_REASON_UNKNOWN_PERSON, "no person with this ID number"));
    audit.region = person->region;
    requireRegion(caller, person->region);
    return *person;
}

void summarise(store::Tx& tx, const std::string& ssn, int thisMonth,
               google::protobuf::RepeatedPtrField<InsuranceSummary>* out, std::string* through) {
    auto totals = records::typeTotals(tx, ssn);
    const auto benefits = records::latestBenefitMonths(tx, ssn);
    int latest = 0;
    for (const auto& [kind, month] : benefits) {
        latest = std::max(latest, month);
        const int type = typeOfBenefit(kind);
        const bool known = std::any_of(totals.begin(), totals.end(),
                                       [&](const auto& t) { return t.type == type; });
        if (type != 0 && !known)
            totals.push_back({.type = type});  // a benefit without contributions recorded
    }
    std::sort(totals.begin(), totals.end(),
              [](const auto& a, const auto& b) { return a.type < b.type; });
    const int recent = monthIndex(thisMonth) - kRecentMonths;
    for (const auto& t : totals) {
        auto* s = out->Add();
        s->set_type(static_cast<InsuranceType>(t.type));
        bool receiving = false;
        for (const auto& [kind, month] : benefits)
            receiving =
                receiving ||
                (typeOfBenefit(kind) == t.type && monthIndex(month) >= recent &&
                 (kind == BENEFIT_KIND_EMPLOYEE_PENSION || kind == BENEFIT_KIND_RESIDENT_PENSION));
        s->set_status(receiving ? PARTICIPATION_STATUS_RECEIVING
                      : t.latestMonth != 0 && monthIndex(t.latestMonth) >= recent
                          ? PARTICIPATION_STATUS_CONTRIBUTING
                          : PARTICIPATION_STATUS_INTERRUPTED);
        if (t.firstMonth != 0)
            s->set_first_month(records::monthText(t.firstMonth));
        s->set_paid_months(t.paidMonths);
        s->mutable_base()->set_fen(t.latestBaseFen);
        if (t.latestPaidMonth != 0)
            s->set_latest_paid_month(records::monthText(t.latestPaidMonth));
        s->set_owed_months(t.owedMonths);
        latest = std::max(latest, t.latestMonth);
    }
    *through = latest != 0 ? records::monthText(latest) : std::string();
}

void toProto(const ContributionRow& r, Contribution* c) {
    c->set_month(monthText(r.month));
    c->set_type(static_cast<InsuranceType>(r.type));
    c->mutable_base()->set_fen(r.baseFen);
    c->mutable_personal()->set_fen(r.personalFen);
    c->mutable_employer()->set_fen(r.employerFen);
    c->set_paid(r.paid);
    c->set_payer(r.payer);
}

void toProto(const PaymentRow& r, BenefitPayment* p) {
    p->set_month(monthText(r.month));
    p->set_kind(static_cast<BenefitKind>(r.kind));
    p->mutable_amount()->set_fen(r.amountFen);
    p->set_bank_account_masked("****" + r.accountLast4);
    p->mutable_paid_on()->set_year(r.paidOn / 10000);
    p->mutable_paid_on()->set_month(r.paidOn / 100 % 100);
    p->mutable_paid_on()->set_day(r.paidOn % 100);
}

}  // namespace records

grpc::Status RecordsServiceImpl::GetInsuranceSummary(grpc::ServerContext* ctx,
                                                     const GetInsuranceSummaryRequest* req,
                                                     GetInsuranceSummaryResponse* resp) {
    // Records are imported monthly: the read replica serves them; a fingerprint match recorded
    // a moment ago that it has not replayed yet makes it refuse, and the primary decides again
    // (MutationRunner::staleQuery).
    return m_runner.staleQuery(
        ctx, "records.get_summary", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            const PersonRow person =
                records::holderOf(tx, caller, req->subject(), subject, now,
                                  m_runner.policy().pinVerificationMaxAgeSeconds);
            resp->mutable_holder()->set_masked_ssn(sscard::maskIdNumber(person.ssn));
            resp->mutable_holder()->set_masked_name(sscard::maskName(person.name));
            records::summarise(tx, person.ssn, records::chinaMonth(now), resp->mutable_insurances(),
                               resp->mutable_records_through());
        });
}

grpc::Status RecordsServiceImpl::ListContributions(grpc::ServerContext* ctx,
                                                   const ListContributionsRequest* req,
                                                   ListContributionsResponse* resp) {
    return m_runner.staleQuery(
        ctx, "records.list_contributions", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            const PersonRow person =
                records::holderOf(tx, caller, req->subject(), subject, now,
                                  m_runner.policy().pinVerificationMaxAgeSeconds);
            const auto [afterMonth, afterType] = pageAfter(req->page().page_token());
            const int size =
                req->page().page_size() > 0 ? req->page().page_size() : kDefaultPageSize;
            auto rows = records::contributions(tx, person.ssn, req->year() * 100 + 1,
                                               req->year() * 100 + 12, req->type(), afterMonth,
                                               afterType, size + 1);
            const bool more = static_cast<int>(rows.size()) > size;
            if (more)
                rows.resize(static_cast<std::size_t>(size));
            for (const auto& r : rows)
                records::toProto(r, resp->add_contributions());
            if (more)
                resp->mutable_page()->set_next_page_token(std::to_string(rows.back().month) + ":" +
                                                          std::to_string(rows.back().type));
        });
}

grpc::Status RecordsServiceImpl::ListBenefitPayments(grpc::ServerContext* ctx,
                                                     const ListBenefitPaymentsRequest* req,
                                                     ListBenefitPaymentsResponse* resp) {
    return m_runner.staleQuery(
        ctx, "records.list_payments", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            const PersonRow person =
                records::holderOf(tx, caller, req->subject(), subject, now,
                                  m_runner.policy().pinVerificationMaxAgeSeconds);
            const auto [afterMonth, afterKind] = pageAfter(req->page().page_token());
            const int size =
                req->page().page_size() > 0 ? req->page().page_size() : kDefaultPageSize;
            auto rows = records::payments(tx, person.ssn, req->year() * 100 + 1,
                                          req->year() * 100 + 12, afterMonth, afterKind, size + 1);
            const bool more = static_cast<int>(rows.size()) > size;
            if (more)
                rows.resize(static_cast<std::size_t>(size));
            for (const auto& r : rows)
                records::toProto(r, resp->add_payments());
            if (more)
                resp->mutable_page()->set_next_page_token(std::to_string(rows.back().month) + ":" +
                                                          std::to_string(rows.back().kind));
        });
}

}  // namespace renshe::services::backoffice
