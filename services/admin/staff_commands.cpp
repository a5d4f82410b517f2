#include "services/admin/staff_commands.hpp"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/card.pb.h"
#include "services/admin/cli_support.hpp"
#include "services/client/call.hpp"
#include "services/client/client.hpp"
#include "services/pki/pki.hpp"

namespace renshe::services::admin {

using namespace renshe::v1;

std::string staffUsage() {
    return "  import --persons FILE [--cards FILE] [--skip-bad]\n"
           "             import persons and cards from CSV (header row with field names: persons:\n"
           "             ssn,name,sex,birth_date,region[,ethnicity_code,birthplace_code,\n"
           "             pension_first_payment]; cards: "
           "card_number,card_identifier,ssn,issue_date,\n"
           "             expiry_date). Every line is checked first; with errors nothing is "
           "imported\n"
           "             unless --skip-bad.\n"
           "  person --ssn ID | --card NUMBER\n"
           "             a person's cards and their status history (masked)\n"
           "  card formal-loss|lift-loss|request-replacement|cancel NUMBER --reason TEXT\n"
           "             card operations at the counter\n"
           "  audit query [--ssn ID] [--actor ID] [--type PREFIX.] [--limit N]\n"
           "  audit verify [--from SEQ] [--checkpoint FILE]\n"
           "             recompute the hash chain; exit 1 and name the first broken event if it is "
           "broken;\n"
           "             with the back office's --audit-checkpoint file (or its .history), also "
           "catch a\n"
           "             rewritten chain or a cut tail\n"
           "\n"
           "  Connection: --server HOST:PORT --ca FILE --cert FILE --key FILE (a staff "
           "certificate), or\n"
           "  RENSHE_SERVER, RENSHE_CA, RENSHE_CERT, RENSHE_KEY in the environment. HOST:PORT is "
           "the back\n"
           "  office's staff port (its --staff-listen): its terminal port reads at most 64 KiB a "
           "message.\n";
}

using cli::Args;
using cli::report;
using cli::withRetries;

using cli::timeText;

namespace {

std::string statusName(CardStatus s) {
    std::string n = CardStatus_Name(s);
    return n.rfind("CARD_STATUS_", 0) == 0 ? n.substr(12) : n;
}

struct Connection {
    std::unique_ptr<AdminService::Stub> stub;
};

std::string readWhole(const std::string& path) {
    return pki::readFile(path);
}

void printCard(const CardInfo& c) {
    std::cout << "  card " << c.card_number() << "  " << statusName(c.status()) << "  issued "
              << c.issue_date().year() << "-" << std::setw(2) << std::setfill('0')
              << c.issue_date().month() << "-" << std::setw(2) << c.issue_date().day()
              << std::setfill(' ') << "  expires " << c.expiry_date().year()
              << (c.expired() ? " (expired)" : "") << "\n";
    if (c.has_loss_report()) {
        std::cout << "    loss report " << c.loss_report().report_number() << " at "
                  << timeText(c.loss_report().reported_at())
                  << (c.loss_report().formal() ? " (formal)" : "");
        if (c.loss_report().has_auto_lift_at()) {
            std::cout << ", lifts itself " << timeText(c.loss_report().auto_lift_at());
        }
        std::cout << "\n";
    }
}

// renshe-admin import --persons FILE --cards FILE [--skip-bad]
int importRegistry(Args& args, AdminService::Stub& stub) {
    const auto persons = args.take("--persons");
    const auto cards = args.take("--cards");
    ImportRegistryRequest req;
    req.set_request_id(client::newRequestId());
    req.set_skip_bad(args.flag("--skip-bad"));
    if (!persons && !cards) {
        std::cerr << "renshe-admin: import needs --persons FILE and/or --cards FILE\n";
        return 2;
    }
    if (persons)
        req.set_persons_csv(readWhole(*persons));
    if (cards)
        req.set_cards_csv(readWhole(*cards));
    ImportRegistryResponse resp;
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub.ImportRegistry(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    for (const auto& e : resp.errors()) {
        const std::string file =
            e.file() == "persons" ? persons.value_or("persons") : cards.value_or("cards");
        std::cerr << file << ":" << e.error().line() << ": "
                  << (e.error().field().empty() ? "" : e.error().field() + ": ")
                  << e.error().reason() << "\n";
    }
    std::cout << "imported " << resp.persons_imported() << " persons and " << resp.cards_imported()
              << " cards";
    if (resp.errors_size() > 0) {
        std::cout << "; " << resp.errors_size() << " line(s) with errors"
                  << (req.skip_bad()
                          ? " skipped"
                          : ", so nothing was imported (use --skip-bad to import the rest)");
    }
    std::cout << "\n";
    return resp.errors_size() > 0 ? 1 : 0;
}

// renshe-admin person --ssn ID | --card NUMBER
int showPerson(Args& args, AdminService::Stub& stub) {
    GetPersonRequest req;
    if (auto ssn = args.take("--ssn"))
        req.mutable_person()->set_ssn(*ssn);
    else if (auto card = args.take("--card"))
        req.mutable_person()->set_card_number(*card);
    else {
        std::cerr << "renshe-admin: person needs --ssn ID or --card NUMBER\n";
        return 2;
    }
    GetPersonResponse resp;
    const auto r =
        withRetries([&](grpc::ClientContext& ctx) { return stub.GetPerson(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    std::cout << resp.person().masked_name() << "  " << resp.person().masked_ssn() << "  region "
              << resp.region().division_code() << resp.region().township_code()
              << resp.region().village_code()
              << (resp.service_password_set() ? "  service password set" : "  no service password")
              << "\n";
    for (const auto& c : resp.cards())
        printCard(c);
    std::cout << "history (newest first):\n";
    for (const auto& h : resp.history()) {
        std::cout << "  " << timeText(h.at()) << "  " << h.card_number() << "  "
                  << statusName(h.from_status()) << " -> " << statusName(h.to_status()) << "  by "
                  << h.actor() << "  " << h.reason() << "\n";
    }
    return 0;
}

// renshe-admin card formal-loss|lift-loss|request-replacement|cancel NUMBER --reason TEXT
int cardOperation(Args& args, AdminService::Stub& stub) {
    auto& rest = args.rest();
    if (rest.size() < 3) {
        std::cerr << "renshe-admin: card OPERATION NUMBER --reason TEXT\n";
        return 2;
    }
    const auto reason = args.take("--reason");
    const std::string op = rest[1], number = rest[2];
    CardOperationRequest req;
    req.set_request_id(client::newRequestId());
    req.set_card_number(number);
    req.set_reason(reason.value_or(""));
    CardOperationResponse resp;
    using Method = grpc::Status (AdminService::Stub::*)(
        grpc::ClientContext*, const CardOperationRequest&, CardOperationResponse*);
    const std::map<std::string, Method> ops{
        {"formal-loss", &AdminService::Stub::RecordFormalLoss},
        {"lift-loss", &AdminService::Stub::LiftLoss},
        {"request-replacement", &AdminService::Stub::RequestReplacement},
        {"cancel", &AdminService::Stub::CancelCard}};
    const auto it = ops.find(op);
    if (it == ops.end()) {
        std::cerr << "renshe-admin: unknown card operation " << op << "\n";
        return 2;
    }
    if (!reason) {
        std::cerr << "renshe-admin: card " << op
                  << " needs --reason TEXT (it goes into the card's history)\n";
        return 2;
    }
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return (stub.*(it->second))(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    printCard(resp.card());
    return 0;
}

// The checkpoint with the highest sequence among the "key=value" words of `text` (each "seq="
// starts another); nullopt when a number does not parse or there is none.
std::optional<AuditCheckpoint> furthestCheckpoint(const std::string& text) {
    std::istringstream in(text);
    std::vector<AuditCheckpoint> found;
    std::string word;
    try {
        while (in >> word) {
            const auto eq = word.find('=');
            if (eq == std::string::npos)
                continue;
            const std::string key = word.substr(0, eq), value = word.substr(eq + 1);
            if (key == "seq") {
                found.emplace_back().set_sequence(std::stoll(value));
            } else if (found.empty()) {
                continue;
            } else if (key == "hash") {
                found.back().set_hash_hex(value);
            } else if (key == "at") {
                found.back().set_at_micros(std::stoll(value));
            } else if (key == "mac") {
                found.back().set_mac_hex(value);
            }
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (found.empty())
        return std::nullopt;
    return *std::max_element(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.sequence() < b.sequence();
    });
}

// renshe-admin audit verify [--from SEQUENCE] [--checkpoint FILE]
int verifyAudit(Args& args, AdminService::Stub& stub) {
    VerifyAuditChainRequest req;
    if (auto from = args.take("--from"))
        req.set_from_sequence(std::stoll(*from));
    if (auto file = args.take("--checkpoint")) {
        // A checkpoint file ("seq=…", "hash=…", "at=…", "mac=…" lines) or its history (one
        // checkpoint a line): the chain is checked against the furthest checkpoint, so a tail
        // cut after it and a checkpoint written since from the cut chain change nothing.
        auto checkpoint = furthestCheckpoint(pki::readFile(*file));
        if (!checkpoint) {
            std::cerr << "renshe-admin: " << *file << " is not an audit checkpoint\n";
            return 2;
        }
        *req.mutable_checkpoint() = *checkpoint;
    }
    VerifyAuditChainResponse resp;
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub.VerifyAuditChain(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    if (resp.intact()) {
        std::cout << "audit chain intact: " << resp.events_checked() << " events checked\n";
        return 0;
    }
    std::cout << "audit chain BROKEN at event " << resp.first_broken_sequence() << ": "
              << resp.reason() << " (" << resp.events_checked()
              << " events before it are intact)\n";
    return 1;
}

// renshe-admin audit query [--ssn ID] [--actor ID] [--type EVENT] [--limit N]
int queryAudit(Args& args, AdminService::Stub& stub) {
    QueryAuditRequest req;
    if (auto v = args.take("--ssn"))
        req.set_subject_ssn(*v);
    if (auto v = args.take("--actor"))
        req.set_actor(*v);
    if (auto v = args.take("--type"))
        req.set_event_type(*v);
    int limit = 100;
    if (auto v = args.take("--limit"))
        limit = std::stoi(*v);
    req.mutable_page()->set_page_size(std::min(limit, 100));
    int shown = 0;
    for (;;) {
        QueryAuditResponse resp;
        const auto r = withRetries(
            [&](grpc::ClientContext& ctx) { return stub.QueryAudit(&ctx, req, &resp); });
        if (!r.ok())
            return report(r);
        for (const auto& e : resp.events()) {
            if (shown++ >= limit)
                return 0;
            std::cout << std::setw(6) << e.sequence() << "  " << timeText(e.at()) << "  "
                      << std::left << std::setw(30) << e.event_type() << std::right << "  "
                      << e.actor() << "  "
                      << (e.masked_subject().empty() ? "-" : e.masked_subject()) << "  "
                      << e.outcome()
                      // Refusals that name no one come counted: one row for a round's worth.
                      << (e.repeats() > 1 ? " ×" + std::to_string(e.repeats()) : std::string())
                      << "\n";
        }
        if (resp.page().next_page_token().empty())
            return 0;
        req.mutable_page()->set_page_token(resp.page().next_page_token());
    }
}

}  // namespace

int runStaffCommand(const std::vector<std::string>& argv) {
    Args args(argv);
    const auto connection = cli::takeConnection(args);
    auto& rest = args.rest();
    if (rest.empty() ||
        (rest[0] != "import" && rest[0] != "person" && rest[0] != "card" && rest[0] != "audit")) {
        return 2;
    }
    if (!connection.check(rest[0]))
        return 2;
    auto stub = AdminService::NewStub(connection.channel());
    const std::string command = rest[0];
    if (command == "import")
        return importRegistry(args, *stub);
    if (command == "person")
        return showPerson(args, *stub);
    if (command == "card")
        return cardOperation(args, *stub);
    if (command == "audit" && rest.size() >= 2 && rest[1] == "verify")
        return verifyAudit(args, *stub);
    if (command == "audit" && rest.size() >= 2 && rest[1] == "query")
        return queryAudit(args, *stub);
    return 2;
}

}  // namespace renshe::services::admin
