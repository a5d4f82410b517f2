#include "services/admin/statement_commands.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "renshe/v1/records.grpc.pb.h"

extern char** environ;

namespace renshe::services::admin {

using namespace renshe::v1;

namespace {

// What --kind accepts: the Chinese name or an English key.
const std::map<std::string, StatementKind>& kinds() {
    static const std::map<std::string, StatementKind> k = {
        {"参保证明", STATEMENT_KIND_PARTICIPATION},
        {"participation", STATEMENT_KIND_PARTICIPATION},
        {"个人权益记录", STATEMENT_KIND_ANNUAL_RECORD},
        {"annual", STATEMENT_KIND_ANNUAL_RECORD},
        {"养老金发放明细", STATEMENT_KIND_PENSION_PAYMENTS},
        {"payments", STATEMENT_KIND_PENSION_PAYMENTS},
    };
    return k;
}

// The renderer: $RENSHE_STATEMENT_RENDERER, else renshe-statement-pdf beside this program,
// else on PATH.
std::string rendererPath() {
    if (const char* env = std::getenv("RENSHE_STATEMENT_RENDERER"); env && *env)
        return env;
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto beside = self.parent_path() / "renshe-statement-pdf";
        if (std::filesystem::exists(beside))
            return beside.string();
    }
    return "renshe-statement-pdf";
}

// Runs the renderer on the serialized response; its exit code (127: not found).
int render(const std::string& responseFile, const std::string& out,
           const std::string& servicePoint) {
    const std::string renderer = rendererPath();
    std::vector<std::string> argv = {renderer, responseFile, out};
    if (!servicePoint.empty())
        argv.insert(argv.end(), {"--service-point", servicePoint});
    std::vector<char*> raw;
    raw.reserve(argv.size() + 1);
    for (auto& a : argv)
        raw.push_back(a.data());
    raw.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, renderer.c_str(), nullptr, nullptr, raw.data(), environ) != 0)
        return 127;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

std::string validityText(StatementValidity v) {
    switch (v) {
        case STATEMENT_VALIDITY_VALID:
            return "VALID (有效)";
        case STATEMENT_VALIDITY_WITHDRAWN:
            return "WITHDRAWN (已作废)";
        case STATEMENT_VALIDITY_TAMPERED:
            return "TAMPERED (记录异常)";
        default:
            return "UNKNOWN (无此证明)";
    }
}

}  // namespace

std::string statementUsage() {
    return "  records statement --ssn ID [--kind 参保证明|个人权益记录|养老金发放明细] [--year "
           "YYYY]\n"
           "             --out FILE.pdf [--service-point NAME]\n"
           "             issues a signed statement and writes the page the terminal prints\n"
           "             (drawn by renshe-statement-pdf; RENSHE_STATEMENT_RENDERER names another)\n"
           "  records verify NUMBER CODE     what the back office says of a statement\n"
           "  records withdraw NUMBER --reason TEXT   withdraw (作废) a statement\n";
}

int issueStatementCommand(cli::Args& args, const cli::Connection& connection,
                          const std::string& what) {
    const auto ssn = args.take("--ssn");
    const auto kind = args.take("--kind");
    const auto year = args.take("--year");
    const auto out = args.take("--out");
    const auto point = args.take("--service-point");
    if (!ssn || !out || args.rest().size() != 2 || (kind && !kinds().count(*kind)))
        return 2;
    if (!connection.check(what))
        return 2;
    IssueStatementRequest req;
    req.set_request_id(client::newRequestId());
    req.mutable_subject()->set_ssn(*ssn);
    req.set_kind(kind ? kinds().at(*kind) : STATEMENT_KIND_PARTICIPATION);
    req.set_year(year ? std::atoi(year->c_str()) : 0);
    IssueStatementResponse resp;
    auto stub = RecordsService::NewStub(connection.channel());
    const auto r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub->IssueStatement(&ctx, req, &resp); });
    if (!r.ok())
        return cli::report(r);
    std::cout << "statement " << resp.statement().number() << "  check code " << resp.check_code()
              << "  " << resp.statement().holder().masked_name() << "  "
              << resp.statement().holder().masked_ssn() << "\n";
    if (!resp.verify_url().empty())
        std::cout << "verify at " << resp.verify_url() << "\n";
    // The response for the renderer, beside the output (masked data only), removed after.
    const std::string pb = *out + ".statement.pb";
    {
        std::ofstream f(pb, std::ios::binary | std::ios::trunc);
        if (!resp.SerializeToOstream(&f)) {
            std::cerr << "renshe-admin: cannot write " << pb << "\n";
            return 1;
        }
    }
    const int rc = render(pb, *out, point.value_or(""));
    std::filesystem::remove(pb);
    if (rc != 0) {
        std::cerr << "renshe-admin: the statement was issued, but its page was not drawn ("
                  << (rc == 127 ? "renshe-statement-pdf not found; install renshe-kiosk or set "
                                  "RENSHE_STATEMENT_RENDERER"
                                : "renshe-statement-pdf failed")
                  << "); the number and code above verify all the same\n";
        return 1;
    }
    std::cout << "written to " << *out << "\n";
    return 0;
}

int verifyStatementCommand(cli::Args& args, const cli::Connection& connection,
                           const std::string& what) {
    if (args.rest().size() != 4)
        return 2;
    if (!connection.check(what))
        return 2;
    VerifyStatementRequest req;
    req.set_number(args.rest()[2]);
    req.set_check_code(args.rest()[3]);
    VerifyStatementResponse resp;
    auto stub = RecordsService::NewStub(connection.channel());
    const auto r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub->VerifyStatement(&ctx, req, &resp); });
    if (!r.ok())
        return cli::report(r);
    std::cout << validityText(resp.validity()) << "\n";
    if (resp.has_statement())
        std::cout << resp.statement().holder().masked_name() << "  "
                  << resp.statement().holder().masked_ssn() << "  issued "
                  << cli::timeText(resp.statement().issued_at()) << "\n";
    if (resp.validity() == STATEMENT_VALIDITY_WITHDRAWN)
        std::cout << "withdrawn " << cli::timeText(resp.withdrawn_at()) << ": "
                  << resp.withdraw_reason() << "\n";
    return resp.validity() == STATEMENT_VALIDITY_VALID ? 0 : 1;
}

int withdrawStatementCommand(cli::Args& args, const cli::Connection& connection,
                             const std::string& what) {
    const auto reason = args.take("--reason");
    if (!reason || args.rest().size() != 3)
        return 2;
    if (!connection.check(what))
        return 2;
    WithdrawStatementRequest req;
    req.set_request_id(client::newRequestId());
    req.set_number(args.rest()[2]);
    req.set_reason(*reason);
    WithdrawStatementResponse resp;
    auto stub = RecordsService::NewStub(connection.channel());
    const auto r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub->WithdrawStatement(&ctx, req, &resp); });
    if (!r.ok())
        return cli::report(r);
    std::cout << "statement " << args.rest()[2] << " withdrawn "
              << cli::timeText(resp.withdrawn_at()) << "\n";
    return 0;
}

}  // namespace renshe::services::admin
