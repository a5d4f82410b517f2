// libFuzzer target: the registry import's reader (services/backoffice/admin/registry_import.hpp),
// the persons and cards CSV files staff upload. The input is the persons file, a NUL byte and
// the cards file (no NUL: persons only). A crash, a sanitizer report or a broken invariant
// (abort) is a bug:
// - a refused file has a reason and no cards read (persons stop where the refusal is);
// - every line is a record or an error, never both, with lines 2.. in increasing order;
// - an accepted person has a valid ID number (its normalized form listed once in ssnsInFile),
//   a name and an ethnicity code the form check accepts (ssnsInFile only when not refused); an
//   accepted card a 16-byte identifier and a valid holder ID number, and no card number or
//   identifier twice.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "services/backoffice/admin/checks.hpp"
#include "services/backoffice/admin/registry_import.hpp"
#include "services/backoffice/checks/checks.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace backoffice = renshe::services::backoffice;
namespace checks = renshe::services::backoffice::checks;
using namespace renshe::v1;

using renshe::fuzz::require;

namespace {

template <typename Record>
void checkLines(const std::vector<backoffice::ImportLine<Record>>& lines) {
    int previous = 1;
    for (const auto& l : lines) {
        require(l.record.has_value() != l.error.has_value(), "a record or an error, not both");
        require(l.line > previous, "lines from 2, in increasing order");
        previous = l.line;
        if (l.error)
            require(!l.error->reason.empty(), "an error says why");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = input.find('\0');
    ImportRegistryRequest request;
    request.set_persons_csv(std::string(input.substr(0, nul)));
    if (nul != std::string_view::npos)
        request.set_cards_csv(std::string(input.substr(nul + 1)));

    const backoffice::RegistryImport r = backoffice::readRegistryImport(request);
    if (r.refusal) {
        require(!r.refusal->message.empty(), "a refusal says why");
        require(r.cards.empty(), "no cards read from a refused request");
    }
    checkLines(r.persons);
    checkLines(r.cards);

    std::set<std::string> listed(r.ssnsInFile.begin(), r.ssnsInFile.end());
    require(listed.size() == r.ssnsInFile.size(), "each ID number listed once");
    std::size_t accepted = 0;
    for (const auto& l : r.persons) {
        if (!l.record)
            continue;
        ++accepted;
        const PersonRecord& p = *l.record;
        require(!checks::checkSsn(p.ssn(), "ssn"), "an accepted person's ID number is valid");
        require(r.refusal || listed.count(checks::normalizeSsn(p.ssn())) == 1,
                "and listed in ssnsInFile");
        require(!p.name().empty(), "an accepted person has a name");
        require(p.ethnicity_code() > 0, "an accepted person has an ethnicity code");
    }
    // (A refused request is refused whole: its list is not made.)
    require(r.refusal || accepted == r.ssnsInFile.size(),
            "ssnsInFile lists exactly the accepted persons");

    std::set<std::string> numbers, identifiers;
    for (const auto& l : r.cards) {
        if (!l.record)
            continue;
        const CardRecord& c = *l.record;
        require(c.card_identifier().size() == 16, "a card identifier is 16 bytes");
        require(!checks::checkSsn(c.ssn(), "ssn"), "an accepted card's holder ID number is valid");
        require(numbers.insert(c.card_number()).second, "no card number twice");
        require(identifiers.insert(c.card_identifier()).second, "no card identifier twice");
    }
    return 0;
}
