#include "services/admin/records_commands.hpp"

#include <openssl/evp.h>

#include <cctype>
#include <fstream>
#include <map>
#include <memory>

#include "renshe/v1/records.grpc.pb.h"
#include "services/admin/cli_support.hpp"
#include "services/admin/statement_commands.hpp"

namespace renshe::services::admin {

using namespace renshe::v1;

std::string recordsUsage() {
    return "  records import [--contributions FILE.csv] [--payments FILE.csv] [--skip-bad]\n"
           "             insurance records into the embedded provider, streamed in chunks; "
           "contributions\n"
           "             header: ssn,month,type,base,personal,employer,paid,payer; payments "
           "header:\n"
           "             ssn,month,kind,amount,bank_account,paid_on (month YYYY-MM, amounts in "
           "yuan,\n"
           "             type employee_pension|resident_pension|unemployment|work_injury|\n"
           "             employee_medical|resident_medical or the Chinese name; paid "
           "paid|owed).\n"
           "             A bad row is printed as FILE:LINE; then nothing of that file is applied\n"
           "             unless --skip-bad. Interrupted? Run it again: it goes on where it "
           "stopped\n"
           "  records summary --ssn ID\n"
           "  records contributions --ssn ID --year YYYY [--type TYPE]\n"
           "  records payments --ssn ID --year YYYY\n" +
           statementUsage();
}

namespace {

constexpr int kChunkLines = 20000;
constexpr std::size_t kChunkBytes = 4 * 1024 * 1024 - 64 * 1024;

// SHA-256 of the file, read in pieces (files of millions of lines).
std::optional<std::string> sha256OfFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr);
    std::string buf(1 << 20, '\0');
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        EVP_DigestUpdate(md.get(), buf.data(), static_cast<std::size_t>(in.gcount()));
    }
    std::string digest(EVP_MAX_MD_SIZE, '\0');
    unsigned int n = 0;
    EVP_DigestFinal_ex(md.get(), reinterpret_cast<unsigned char*>(digest.data()), &n);
    digest.resize(n);
    return digest;
}

std::string withoutLineEnd(std::string line) {
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

// The next whole CSV records (a quoted field may hold a newline) up to the chunk's limits.
// `lines` counts the physical lines taken.
std::string nextChunk(std::istream& in, int& lines) {
    std::string chunk, line;
    lines = 0;
    bool openQuote = false;
    while ((lines < kChunkLines && chunk.size() < kChunkBytes) || openQuote) {
        if (!std::getline(in, line))
            break;
        ++lines;
        for (char c : line)
            openQuote = c == '"' ? !openQuote : openQuote;
        chunk += line;
        chunk += '\n';
    }
    return chunk;
}

// One file through Begin, Append… and Commit. 0 applied, 1 not (said why).
int importFile(RecordsService::Stub& stub, const std::string& file, RecordsFileKind kind,
               bool skipBad) {
    const std::string header = kind == RECORDS_FILE_KIND_PAYMENTS
                                   ? "ssn,month,kind,amount,bank_account,paid_on"
                                   : "ssn,month,type,base,personal,employer,paid,payer";
    const auto sha = sha256OfFile(file);
    std::ifstream in(file, std::ios::binary);
    std::string first;
    if (!sha || !in || !std::getline(in, first)) {
        std::cerr << "renshe-admin: cannot read " << file << "\n";
        return 1;
    }
    if (first.rfind("\xEF\xBB\xBF", 0) == 0)
        first.erase(0, 3);
    if (withoutLineEnd(first) != header) {
        std::cerr << file << ":1: the header is not \"" << header << "\"\n";
        return 1;
    }
    BeginRecordsImportRequest begin;
    begin.set_request_id(client::newRequestId());
    begin.set_kind(kind);
    begin.set_file_sha256(*sha);
    BeginRecordsImportResponse started;
    auto r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub.BeginRecordsImport(&ctx, begin, &started); });
    if (!r.ok())
        return cli::report(r);
    int line = 2;
    std::string skipped;
    while (line < started.next_line() && std::getline(in, skipped))
        ++line;
    if (line > 2)
        std::cout << file << ": going on from line " << line << "\n";
    for (;;) {
        int lines = 0;
        AppendRecordsImportRequest append;
        append.set_import_id(started.import_id());
        append.set_first_line(line);
        append.set_csv_rows(nextChunk(in, lines));
        if (lines == 0)
            break;
        AppendRecordsImportResponse took;
        r = cli::withRetries([&](grpc::ClientContext& ctx) {
            return stub.AppendRecordsImport(&ctx, append, &took);
        });
        if (!r.ok()) {
            std::cerr << file << ": stopped at line " << line << "; run again to go on\n";
            return cli::report(r);
        }
        cli::printImportErrors(file, took.errors());
        if (took.rejected() > took.errors_size())
            std::cerr << file << ": " << took.rejected() - took.errors_size()
                      << " more bad line(s) in lines " << line << "-" << took.next_line() - 1
                      << "\n";
        line = took.next_line();
    }
    CommitRecordsImportRequest commit;
    commit.set_request_id(client::newRequestId());
    commit.set_import_id(started.import_id());
    commit.set_skip_bad(skipBad);
    CommitRecordsImportResponse done;
    r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub.CommitRecordsImport(&ctx, commit, &done); });
    if (!r.ok()) {
        const int rc = cli::report(r);
        if (r.refusal == REFUSAL_REASON_IMPORT_HAS_ERRORS)
            std::cerr << file
                      << ": nothing was applied; correct the file, or run again with "
                         "--skip-bad\n";
        return rc;
    }
    std::cout << file << ": " << done.applied() << " row(s) applied";
    if (done.rejected() > 0)
        std::cout << ", " << done.rejected() << " bad row(s) skipped";
    std::cout << "\n";
    return 0;
}

int importRecords(cli::Args& args, const cli::Connection& connection, const std::string& what) {
    const bool skipBad = args.flag("--skip-bad");
    const auto contributions = args.take("--contributions");
    const auto payments = args.take("--payments");
    if (args.rest().size() != 2 || (!contributions && !payments))
        return 2;
    if (!connection.check(what))
        return 2;
    auto stub = RecordsService::NewStub(connection.channel());
    int rc = 0;
    if (contributions)
        rc = importFile(*stub, *contributions, RECORDS_FILE_KIND_CONTRIBUTIONS, skipBad);
    if (payments && rc == 0)
        rc = importFile(*stub, *payments, RECORDS_FILE_KIND_PAYMENTS, skipBad);
    return rc;
}

std::string yuan(const Money& m) {
    const std::string cents = std::to_string(m.fen() % 100);
    return std::to_string(m.fen() / 100) + "." + (cents.size() == 1 ? "0" + cents : cents);
}

RecordsSubject subjectOf(const std::string& ssn) {
    RecordsSubject s;
    s.set_ssn(ssn);
    return s;
}

int showSummary(cli::Args& args, const cli::Connection& connection, const std::string& what) {
    const auto ssn = args.take("--ssn");
    if (!ssn || args.rest().size() != 2)
        return 2;
    if (!connection.check(what))
        return 2;
    GetInsuranceSummaryRequest req;
    *req.mutable_subject() = subjectOf(*ssn);
    GetInsuranceSummaryResponse resp;
    auto stub = RecordsService::NewStub(connection.channel());
    const auto r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub->GetInsuranceSummary(&ctx, req, &resp); });
    if (!r.ok())
        return cli::report(r);
    std::cout << resp.holder().masked_name() << "  " << resp.holder().masked_ssn()
              << "  records through "
              << (resp.records_through().empty() ? "-" : resp.records_through()) << "\n";
    for (const auto& s : resp.insurances()) {
        std::cout << InsuranceType_Name(s.type()).substr(15) << "  "
                  << ParticipationStatus_Name(s.status()).substr(21) << "  since "
                  << (s.first_month().empty() ? "-" : s.first_month()) << "  paid "
                  << s.paid_months() << " month(s), owed " << s.owed_months() << ", latest paid "
                  << (s.latest_paid_month().empty() ? "-" : s.latest_paid_month()) << ", base "
                  << yuan(s.base()) << "\n";
    }
    return 0;
}

int listYear(cli::Args& args, const cli::Connection& connection, const std::string& what) {
    const auto ssn = args.take("--ssn");
    const auto year = args.take("--year");
    const auto type = args.take("--type");
    if (!ssn || !year || args.rest().size() != 2)
        return 2;
    if (!connection.check(what))
        return 2;
    auto stub = RecordsService::NewStub(connection.channel());
    const int y = std::atoi(year->c_str());
    if (what == "records payments") {
        ListBenefitPaymentsRequest req;
        *req.mutable_subject() = subjectOf(*ssn);
        req.set_year(y);
        ListBenefitPaymentsResponse resp;
        const auto r = cli::withRetries(
            [&](grpc::ClientContext& ctx) { return stub->ListBenefitPayments(&ctx, req, &resp); });
        if (!r.ok())
            return cli::report(r);
        for (const auto& p : resp.payments())
            std::cout << p.month() << "  " << BenefitKind_Name(p.kind()).substr(13) << "  "
                      << yuan(p.amount()) << "  " << p.bank_account_masked() << "  paid "
                      << p.paid_on().year() << "-" << p.paid_on().month() << "-"
                      << p.paid_on().day() << "\n";
        return 0;
    }
    ListContributionsRequest req;
    *req.mutable_subject() = subjectOf(*ssn);
    req.set_year(y);
    if (type) {
        InsuranceType t = INSURANCE_TYPE_UNSPECIFIED;
        std::string name = "INSURANCE_TYPE_" + *type;
        for (auto& c : name)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (!InsuranceType_Parse(name, &t))
            return 2;
        req.set_type(t);
    }
    ListContributionsResponse resp;
    const auto r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub->ListContributions(&ctx, req, &resp); });
    if (!r.ok())
        return cli::report(r);
    for (const auto& c : resp.contributions())
        std::cout << c.month() << "  " << InsuranceType_Name(c.type()).substr(15) << "  base "
                  << yuan(c.base()) << "  personal " << yuan(c.personal()) << "  employer "
                  << yuan(c.employer()) << "  " << (c.paid() ? "paid" : "OWED") << "  " << c.payer()
                  << "\n";
    return 0;
}

}  // namespace

int runRecordsCommand(const std::vector<std::string>& argv) {
    cli::Args args(argv);
    const auto connection = cli::takeConnection(args);
    auto& rest = args.rest();
    if (rest.size() < 2 || rest[0] != "records")
        return 2;
    const std::string what = rest[0] + " " + rest[1];
    using Command = int (*)(cli::Args&, const cli::Connection&, const std::string&);
    static const std::map<std::string, Command> commands = {
        {"records import", importRecords},
        {"records summary", showSummary},
        {"records contributions", listYear},
        {"records payments", listYear},
        {"records statement", issueStatementCommand},
        {"records verify", verifyStatementCommand},
        {"records withdraw", withdrawStatementCommand},
    };
    const auto command = commands.find(what);
    return command == commands.end() ? 2 : command->second(args, connection, what);
}

}  // namespace renshe::services::admin
