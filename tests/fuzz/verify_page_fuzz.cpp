// libFuzzer target: what the statement verification page does with a request's query string
// (services/backoffice/server/query_string.hpp, records/statement_numbers.hpp,
// records/verify_html.hpp). The first byte picks what the page would say; the rest is the
// query. A crash, a sanitizer report or a broken invariant (abort) is a bug:
// - decoding never makes a value longer than its text;
// - a number or code accepted is in its stored form (18 digits; 8 symbols of the alphabet)
//   and accepting it again gives it back unchanged;
// - whatever text reaches the page (holder, dates, the number asked) is escaped: the page has
//   as many tags and quotes as with the values' markup characters replaced, and no script.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "services/backoffice/records/statement_numbers.hpp"
#include "services/backoffice/records/verify_html.hpp"
#include "services/backoffice/server/query_string.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace bo = renshe::services::backoffice;
using namespace renshe::v1;

using renshe::fuzz::require;

namespace {

bool isMarkup(char ch) {
    return ch == '<' || ch == '>' || ch == '"' || ch == '\'';
}

// `text` with the characters markup is made of replaced by a letter.
std::string defused(std::string text) {
    for (char& ch : text)
        ch = isMarkup(ch) ? 'x' : ch;
    return text;
}

std::size_t markup(const std::string& html) {
    std::size_t n = 0;
    for (const char ch : html)
        n += isMarkup(ch) ? 1 : 0;
    return n;
}

// What the page is about: `n` and `c` in every text field it shows.
bo::records::StatementCheck checkOf(std::uint8_t mode, const std::string& n, const std::string& c) {
    bo::records::StatementCheck check;
    check.validity = static_cast<StatementValidity>(mode % 5);
    if (mode & 0x08) {
        check.content.set_number(n.empty() ? "x" : n);
        check.content.set_kind(static_cast<StatementKind>((mode >> 4) % 4));
        check.content.mutable_holder()->set_masked_name(n);
        check.content.mutable_holder()->set_masked_ssn(c);
        check.content.set_records_through(c);
        check.content.set_year(mode);
        auto* i = check.content.add_insurances();
        i->set_first_month(n);
        i->set_latest_paid_month(c);
        i->set_paid_months(mode * 7);
        auto* p = check.content.add_payments();
        p->set_month(c);
        p->mutable_amount()->set_fen(static_cast<std::int64_t>(mode) * -123457);
        check.content.add_contributions()->set_month(n);
    }
    check.withdrawnAt = static_cast<std::int64_t>(mode) * 1'000'000'000;
    return check;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const auto mode = data[0];
    const std::string query(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::string n = bo::queryValue(query, "n"), c = bo::queryValue(query, "c");
    require(n.size() <= query.size() && c.size() <= query.size(), "a value longer than the query");
    if (const auto number = bo::records::normalizeStatementNumber(n)) {
        require(
            number->size() == 18 && number->find_first_not_of("0123456789") == std::string::npos,
            "a number not of 18 digits");
        require(bo::records::normalizeStatementNumber(*number) == number, "number not stable");
    }
    if (const auto code = bo::records::normalizeCheckCode(c)) {
        require(code->size() == 8 &&
                    code->find_first_not_of(bo::records::kCheckCodeAlphabet) == std::string::npos,
                "a code outside the alphabet");
        require(bo::records::normalizeCheckCode(*code) == code, "code not stable");
    }
    // The same page with the values' markup characters replaced: as many tags and quotes.
    const std::string html = bo::records::verifyPageHtml(checkOf(mode, n, c), n);
    const std::string plain =
        bo::records::verifyPageHtml(checkOf(mode, defused(n), defused(c)), defused(n));
    require(markup(html) == markup(plain), "a value reached the page unescaped");
    require(html.find("<script") == std::string::npos, "a script on the page");
    return 0;
}
