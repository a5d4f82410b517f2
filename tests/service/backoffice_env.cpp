#include "tests/service/backoffice_env.hpp"

#include "drivers/sscard/id_number.hpp"
#include "renshe/v1/records.grpc.pb.h"
#include "services/store/store.hpp"

namespace renshe::testing {

using namespace renshe::v1;

InsertedCard SeededCard::inserted() const {
    InsertedCard c;
    c.set_card_identifier(services::store::fromHex(identifierHex));
    c.set_card_number(cardNumber);
    c.set_ssn(ssn);
    return c;
}

RegisterPersonRequest personRegistration(const SeededCard& card) {
    RegisterPersonRequest p;
    p.set_request_id(newRequestId());
    auto* person = p.mutable_person();
    person->set_ssn(card.ssn);
    person->set_name(card.name);
    person->set_sex(SEX_MALE);
    person->set_ethnicity_code(1);
    person->mutable_birth_date()->set_year(std::stoi(card.ssn.substr(6, 4)));
    person->mutable_birth_date()->set_month(std::stoi(card.ssn.substr(10, 2)));
    person->mutable_birth_date()->set_day(std::stoi(card.ssn.substr(12, 2)));
    person->set_birthplace_code(card.ssn.substr(0, 6));
    person->mutable_region()->set_division_code(card.region.substr(0, 6));
    if (card.region.size() >= 9)
        person->mutable_region()->set_township_code(card.region.substr(6, 3));
    return p;
}

void seed(const Clients& staff, const SeededCard& card) {
    const RegisterPersonRequest p = personRegistration(card);
    RegisterPersonResponse pr;
    const auto registered = call(*staff.admin, &AdminService::Stub::RegisterPerson, p, &pr);
    ASSERT_TRUE(registered.ok()) << registered;

    IssueCardRequest c;
    c.set_request_id(newRequestId());
    c.mutable_card()->set_card_number(card.cardNumber);
    c.mutable_card()->set_card_identifier(services::store::fromHex(card.identifierHex));
    c.mutable_card()->set_ssn(card.ssn);
    c.mutable_card()->mutable_issue_date()->set_year(2024);
    c.mutable_card()->mutable_issue_date()->set_month(3);
    c.mutable_card()->mutable_issue_date()->set_day(1);
    c.mutable_card()->mutable_expiry_date()->set_year(2034);
    c.mutable_card()->mutable_expiry_date()->set_month(2);
    c.mutable_card()->mutable_expiry_date()->set_day(28);
    IssueCardResponse cr;
    const auto issued = call(*staff.admin, &AdminService::Stub::IssueCard, c, &cr);
    ASSERT_TRUE(issued.ok()) << issued;
    ASSERT_EQ(cr.card().status(), CARD_STATUS_ISSUED);
}

renshe::v1::ImportRegistryRequest registryImportOf(const std::vector<SeededCard>& people) {
    std::string persons = "ssn,name,sex,birth_date,region\n";
    std::string cards = "card_number,card_identifier,ssn,issue_date,expiry_date\n";
    for (const auto& p : people) {
        persons += p.ssn + "," + p.name + ",1," + p.ssn.substr(6, 8) + "," + p.region + "\n";
        cards += p.cardNumber + "," + p.identifierHex + "," + p.ssn + ",2024-03-01,2034-02-28\n";
    }
    renshe::v1::ImportRegistryRequest imp;
    imp.set_request_id(newRequestId());
    imp.set_persons_csv(persons);
    imp.set_cards_csv(cards);
    return imp;
}

SeededCard inventedCard(int n) {
    SeededCard c;
    char first17[32];
    std::snprintf(first17, sizeof first17, "37130219500101%03d", n % 1000);
    // Vary the birth day too so more than 1000 people fit.
    std::string body = first17;
    const int day = 1 + (n / 1000) % 28;
    body[12] = static_cast<char>('0' + day / 10);
    body[13] = static_cast<char>('0' + day % 10);
    c.ssn = body + drivers::sscard::idNumberCheckCharacter(body);
    static const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
                                   "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平"};
    c.name = std::string("王") + kGiven[n % 20] + kGiven[(n / 20) % 20];
    char number[16];
    std::snprintf(number, sizeof number, "T%08d", n);
    c.cardNumber = number;
    char id[40];
    std::snprintf(id, sizeof id, "371302D15600000586%014d", n);
    c.identifierHex = id;
    return c;
}

RegisterPersonRequest retireeRegistration(const SeededCard& card) {
    RegisterPersonRequest r = personRegistration(card);
    auto* firstPaid = r.mutable_person()->mutable_pension_first_payment();
    firstPaid->set_year(2007);
    firstPaid->set_month(5);
    firstPaid->set_day(1);
    r.set_update_existing(true);
    return r;
}

ReportTemporaryLossRequest lossReport(const SeededCard& card, const std::string& name,
                                      const std::string& password) {
    ReportTemporaryLossRequest r;
    r.set_request_id(newRequestId());
    r.set_ssn(card.ssn);
    r.set_name(name);
    r.mutable_second_factor()->set_service_password(password);
    return r;
}

Outcome activate(const Clients& touch, const SeededCard& card, const std::string& servicePassword,
                 ReportPinChangedResponse* resp) {
    ReportPinChangedRequest r;
    r.set_request_id(newRequestId());
    *r.mutable_card() = card.inserted();
    r.set_kind(PIN_CHANGE_KIND_ACTIVATION);
    r.set_service_password(servicePassword);
    ReportPinChangedResponse local;
    return call(*touch.card, &CardService::Stub::ReportPinChanged, r, resp ? resp : &local);
}

std::int64_t importContributions(BackofficeEnv& env, const std::string& rows) {
    auto records = RecordsService::NewStub(services::client::makeChannel(
        env.pki().endpoint(env.backoffice().staffTarget(), env.provinceStaffFiles())));
    using Stub = RecordsService::Stub;
    BeginRecordsImportRequest begin;
    begin.set_request_id(newRequestId());
    begin.set_kind(RECORDS_FILE_KIND_CONTRIBUTIONS);
    begin.set_file_sha256(std::string(32, static_cast<char>(rows.size() % 251)));
    BeginRecordsImportResponse started;
    if (const auto o = call(*records, &Stub::BeginRecordsImport, begin, &started); !o.ok()) {
        ADD_FAILURE() << "begin import: " << o;
        return -1;
    }
    AppendRecordsImportRequest append;
    append.set_import_id(started.import_id());
    append.set_first_line(started.next_line());
    append.set_csv_rows(rows);
    AppendRecordsImportResponse appended;
    if (const auto o = call(*records, &Stub::AppendRecordsImport, append, &appended); !o.ok()) {
        ADD_FAILURE() << "append to import: " << o;
        return -1;
    }
    CommitRecordsImportRequest commit;
    commit.set_request_id(newRequestId());
    commit.set_import_id(started.import_id());
    CommitRecordsImportResponse committed;
    if (const auto o = call(*records, &Stub::CommitRecordsImport, commit, &committed); !o.ok()) {
        ADD_FAILURE() << "commit import: " << o;
        return -1;
    }
    return committed.applied();
}

}  // namespace renshe::testing
