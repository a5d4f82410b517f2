#include "services/backoffice/admin/registry_import.hpp"

#include <map>
#include <set>

#include "services/backoffice/admin/checks.hpp"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/checks/csv.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

// The request id a line is checked under (the form checks want one; it is never stored).
constexpr const char* kImportRequestId = "00000000-0000-4000-8000-000000000000";

// A CSV file's columns by header name.
struct Columns {
    std::map<std::string, std::size_t> index;
    std::string get(const csv::Record& r, const std::string& name) const {
        const auto it = index.find(name);
        if (it == index.end() || it->second >= r.fields.size())
            return {};
        return r.fields[it->second];
    }
};

// "YYYY-MM-DD", "YYYY/MM/DD" or "YYYYMMDD".
std::optional<Date> parseDate(const std::string& text) {
    std::string digits;
    for (char ch : text) {
        if (ch != '-' && ch != '/')
            digits += ch;
    }
    if (digits.size() != 8 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return dateProto(digits);
}

// Parses `text` and checks its header; the refusal names `file`.
std::optional<Refusal> readFile(const std::string& file, const std::string& text,
                                std::initializer_list<const char*> required, csv::Parsed& parsed,
                                Columns& cols) {
    parsed = csv::parse(text);
    if (parsed.error || parsed.records.empty())
        return Refusal::malformed(file + ": " + parsed.error.value_or("missing header"));
    for (std::size_t i = 0; i < parsed.records[0].fields.size(); ++i)
        cols.index[parsed.records[0].fields[i]] = i;
    for (const char* column : required) {
        if (!cols.index.count(column))
            return Refusal::malformed(file + ": header lacks " + column);
    }
    return std::nullopt;
}

template <typename Record>
ImportLine<Record> lineError(int line, std::string field, std::string reason) {
    return {line, std::nullopt, ImportLineError{std::move(field), std::move(reason)}};
}

ImportLine<PersonRecord> readPerson(const Columns& cols, const csv::Record& r,
                                    std::set<std::string>& ssnsInFile) {
    PersonRecord p;
    p.set_ssn(cols.get(r, "ssn"));
    p.set_name(cols.get(r, "name"));
    const std::string sex = cols.get(r, "sex");
    p.set_sex(sex == "1" || sex == "male" || sex == "男"     ? SEX_MALE
              : sex == "2" || sex == "female" || sex == "女" ? SEX_FEMALE
                                                             : SEX_UNSPECIFIED);
    // 1 (Han) when the column is empty; anything but 1..2 digits fails the form check (0).
    const std::string eth = cols.get(r, "ethnicity_code");
    p.set_ethnicity_code(eth.empty()                                 ? 1
                         : eth.size() <= 2 && checks::allDigits(eth) ? std::stoi(eth)
                                                                     : 0);
    if (auto d = parseDate(cols.get(r, "birth_date")))
        *p.mutable_birth_date() = *d;
    p.set_birthplace_code(cols.get(r, "birthplace_code"));
    *p.mutable_region() = regionProto(cols.get(r, "region"));
    const std::string pension = cols.get(r, "pension_first_payment");
    if (!pension.empty()) {
        const auto d = parseDate(pension);
        if (!d)
            return lineError<PersonRecord>(r.line, "pension_first_payment", "not a date");
        *p.mutable_pension_first_payment() = *d;
    }
    if (p.birthplace_code().empty())
        p.set_birthplace_code(p.ssn().substr(0, 6));
    RegisterPersonRequest probe;
    probe.set_request_id(kImportRequestId);
    *probe.mutable_person() = p;
    if (auto bad = checks::check(probe))
        return lineError<PersonRecord>(r.line, "", bad->message);
    if (!ssnsInFile.insert(checks::normalizeSsn(p.ssn())).second)
        return lineError<PersonRecord>(r.line, "ssn", "ID number appears twice in the file");
    return {r.line, std::move(p), std::nullopt};
}

ImportLine<CardRecord> readCard(const Columns& cols, const csv::Record& r,
                                std::set<std::string>& cardNumbersInFile,
                                std::set<std::string>& identifiersInFile) {
    CardRecord c;
    c.set_card_number(cols.get(r, "card_number"));
    try {
        c.set_card_identifier(store::fromHex(cols.get(r, "card_identifier")));
    } catch (const std::exception&) {
        return lineError<CardRecord>(r.line, "card_identifier", "not 32 hex digits");
    }
    c.set_ssn(cols.get(r, "ssn"));
    const auto issue = parseDate(cols.get(r, "issue_date"));
    const auto expiry = parseDate(cols.get(r, "expiry_date"));
    if (!issue || !expiry)
        return lineError<CardRecord>(r.line, !issue ? "issue_date" : "expiry_date", "not a date");
    *c.mutable_issue_date() = *issue;
    *c.mutable_expiry_date() = *expiry;
    IssueCardRequest probe;
    probe.set_request_id(kImportRequestId);
    *probe.mutable_card() = c;
    if (auto bad = checks::check(probe))
        return lineError<CardRecord>(r.line, "", bad->message);
    if (!cardNumbersInFile.insert(c.card_number()).second ||
        !identifiersInFile.insert(c.card_identifier()).second) {
        return lineError<CardRecord>(r.line, "card_number", "card appears twice in the file");
    }
    return {r.line, std::move(c), std::nullopt};
}

}  // namespace

RegistryImport readRegistryImport(const ImportRegistryRequest& request) {
    RegistryImport out;
    std::set<std::string> ssnsInFile, cardNumbersInFile, identifiersInFile;
    if (!request.persons_csv().empty()) {
        csv::Parsed parsed;
        Columns cols;
        out.refusal = readFile("persons", request.persons_csv(),
                               {"ssn", "name", "sex", "birth_date", "region"}, parsed, cols);
        if (out.refusal)
            return out;
        for (std::size_t i = 1; i < parsed.records.size(); ++i)
            out.persons.push_back(readPerson(cols, parsed.records[i], ssnsInFile));
    }
    if (!request.cards_csv().empty()) {
        csv::Parsed parsed;
        Columns cols;
        out.refusal = readFile(
            "cards", request.cards_csv(),
            {"card_number", "card_identifier", "ssn", "issue_date", "expiry_date"}, parsed, cols);
        if (out.refusal)
            return out;
        for (std::size_t i = 1; i < parsed.records.size(); ++i) {
            out.cards.push_back(
                readCard(cols, parsed.records[i], cardNumbersInFile, identifiersInFile));
        }
    }
    out.ssnsInFile.assign(ssnsInFile.begin(), ssnsInFile.end());
    return out;
}

}  // namespace renshe::services::backoffice
