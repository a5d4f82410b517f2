#include "services/admin/fleet_commands.hpp"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/terminal.grpc.pb.h"
#include "services/admin/cli_support.hpp"
#include "services/pki/pki.hpp"

namespace renshe::services::admin {

using namespace renshe::v1;
namespace pki = renshe::services::pki;
using cli::Args;
using cli::report;
using cli::withRetries;

std::string fleetUsage() {
    return "  terminal key --id TERMINAL_ID --out DIR\n"
           "             on the terminal: a new private key (DIR/terminal.key, 0600; it never "
           "leaves\n"
           "             the machine) and its certificate request DIR/terminal.csr\n"
           "  terminal enrol --csr FILE --id TERMINAL_ID --role touch|display --service-point ID "
           "--out DIR\n"
           "             staff: the back office signs the request (region = the service point's);\n"
           "             writes DIR/terminal.crt and DIR/ca.crt\n"
           "  terminal register [--service-point ID] CERT.crt...\n"
           "             staff: enrol terminals whose certificates the province CA issued "
           "elsewhere\n"
           "             (their keys become the enrolled keys; a terminal must be enrolled to "
           "call)\n"
           "  terminal revoke TERMINAL_ID --reason TEXT\n"
           "             staff: the terminal is refused on its next call, on every back office\n"
           "  terminal list [--region PREFIX] [--revoked]\n"
           "             enrolled terminals: id, role, region, key, until, REVOKED with when "
           "and why\n"
           "  health     whether the back office answers SERVING over mutual TLS (exit 0) or not "
           "(1)\n"
           "  fleet [--region PREFIX] [--stale]\n"
           "             the terminals with their last heartbeat, software version and devices, "
           "one line\n"
           "             each; stale ones (no heartbeat for 3 intervals) marked STALE, --stale: "
           "only those\n"
           "  service-point add --name NAME --region CODE --class I|II|III [--area M2] [--address "
           "TEXT]\n"
           "                    [--id ID]\n"
           "             create a service point (人社所/服务站) with its declared facility class "
           "and\n"
           "             surveyed display area; with --id, replace that one's details\n"
           "  service-point list [--region PREFIX]\n"
           "  service-point equip ID --kind touchscreen|display|card-reader|fingerprint|printer|\n"
           "                          id-card-reader\n"
           "                    [--terminal TERMINAL-ID] [--asset ASSET-NUMBER] [--model TEXT] "
           "[--serial TEXT]\n"
           "             register equipment of a service point (same asset number = replace)\n"
           "  service-point check ID\n"
           "             the facility class check (Linyi 2011): each item with what was found; "
           "exit 1 if\n"
           "             the declared class is not met\n";
}

using cli::timeText;

namespace {

std::string agoText(const google::protobuf::Timestamp& ts) {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const long long s = std::max<long long>(0, now - ts.seconds());
    if (s < 120)
        return std::to_string(s) + " s ago";
    if (s < 2 * 3600)
        return std::to_string(s / 60) + " min ago";
    if (s < 2 * 86400)
        return std::to_string(s / 3600) + " h ago";
    return std::to_string(s / 86400) + " d ago";
}

// "TERMINAL_ROLE_TOUCH" → "touch", "PRINTER_STATE_PAPER_OUT" → "paper-out".
std::string shortName(const std::string& full, const std::string& prefix) {
    std::string s = full.rfind(prefix, 0) == 0 ? full.substr(prefix.size()) : full;
    for (char& c : s)
        c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s == "unspecified" || s.empty() ? "?" : s;
}

std::string regionCode(const Region& r) {
    return r.division_code() + r.township_code() + r.village_code();
}

std::optional<Region> parseRegion(const std::string& code) {
    if ((code.size() != 6 && code.size() != 9 && code.size() != 12) ||
        code.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    Region r;
    r.set_division_code(code.substr(0, 6));
    if (code.size() >= 9)
        r.set_township_code(code.substr(6, 3));
    if (code.size() >= 12)
        r.set_village_code(code.substr(9, 3));
    return r;
}

std::string className(FacilityClass c) {
    switch (c) {
        case FACILITY_CLASS_I:
            return "I";
        case FACILITY_CLASS_II:
            return "II";
        case FACILITY_CLASS_III:
            return "III";
        default:
            return "none";
    }
}

std::optional<FacilityClass> parseClass(const std::string& s) {
    if (s == "I" || s == "1")
        return FACILITY_CLASS_I;
    if (s == "II" || s == "2")
        return FACILITY_CLASS_II;
    if (s == "III" || s == "3")
        return FACILITY_CLASS_III;
    return std::nullopt;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

std::string devicesText(const TerminalSummary& t) {
    const DeviceStatus& d = t.devices();
    std::ostringstream out;
    if (t.role() == TERMINAL_ROLE_TOUCH) {
        out << "reader " << shortName(DevicePresence_Name(d.card_reader()), "DEVICE_PRESENCE_");
        if (d.card_reader_count() > 1)
            out << " (" << d.card_reader_count() << ")";
        out << (d.card_present() ? ", card in" : "") << ", fingerprint "
            << shortName(DevicePresence_Name(d.fingerprint_sensor()), "DEVICE_PRESENCE_")
            << ", printer " << shortName(PrinterState_Name(d.printer()), "PRINTER_STATE_");
        if (d.id_card_reader() != DEVICE_PRESENCE_UNSPECIFIED) {
            out << ", ID card reader "
                << shortName(DevicePresence_Name(d.id_card_reader()), "DEVICE_PRESENCE_");
        }
        out << ", ";
    }
    out << "display " << shortName(DisplayState_Name(d.display()), "DISPLAY_STATE_");
    if (t.role() == TERMINAL_ROLE_DISPLAY)
        out << ", content rev " << d.content_revision();
    out << ", outbox " << t.pending_outbox();
    if (t.outbox_needs_staff() > 0)
        out << ", NEEDS STAFF " << t.outbox_needs_staff();
    return out.str();
}

int fleet(Args& args, const std::shared_ptr<grpc::Channel>& channel) {
    auto stub = TerminalService::NewStub(channel);
    ListTerminalsRequest req;
    if (auto v = args.take("--region"))
        req.set_region_prefix(*v);
    req.set_stale_only(args.flag("--stale"));
    req.mutable_page()->set_page_size(100);
    int shown = 0, stale = 0;
    for (;;) {
        ListTerminalsResponse resp;
        const auto r = withRetries(
            [&](grpc::ClientContext& ctx) { return stub->ListTerminals(&ctx, req, &resp); });
        if (!r.ok())
            return report(r);
        for (const auto& t : resp.terminals()) {
            ++shown;
            if (t.stale())
                ++stale;
            std::cout << (t.stale() ? "STALE  " : "ok     ") << std::left << std::setw(20)
                      << t.terminal_id() << " " << std::setw(8)
                      << shortName(TerminalRole_Name(t.role()), "TERMINAL_ROLE_") << " "
                      << std::setw(12) << regionCode(t.region()) << " " << std::setw(10)
                      << (t.software_version().empty() ? "?" : t.software_version()) << std::right
                      << " last seen " << timeText(t.last_seen()) << " (" << agoText(t.last_seen())
                      << ")  " << devicesText(t)
                      << (t.service_point_id().empty() ? "" : "  at " + t.service_point_id())
                      << "\n";
        }
        if (resp.page().next_page_token().empty())
            break;
        req.mutable_page()->set_page_token(resp.page().next_page_token());
    }
    std::cout << shown << " terminal" << (shown == 1 ? "" : "s") << ", " << stale << " stale\n";
    return 0;
}

int servicePointAdd(Args& args, AdminService::Stub& stub) {
    const auto name = args.take("--name");
    const auto region = args.take("--region");
    const auto cls = args.take("--class");
    const auto area = args.take("--area");
    const auto address = args.take("--address");
    const auto id = args.take("--id");
    if (!name || !region || !cls) {
        std::cerr << "renshe-admin: service-point add needs --name, --region and --class\n";
        return 2;
    }
    UpsertServicePointRequest req;
    req.set_request_id(client::newRequestId());
    auto* sp = req.mutable_service_point();
    if (id)
        sp->set_id(*id);
    sp->set_name(*name);
    const auto parsedRegion = parseRegion(*region);
    const auto parsedClass = parseClass(*cls);
    if (!parsedRegion) {
        std::cerr << "renshe-admin: --region wants a 6, 9 or 12 digit region code\n";
        return 2;
    }
    if (!parsedClass) {
        std::cerr << "renshe-admin: --class wants I, II or III\n";
        return 2;
    }
    *sp->mutable_region() = *parsedRegion;
    sp->set_facility_class(*parsedClass);
    if (area) {
        try {
            std::size_t used = 0;
            sp->set_display_area_m2(std::stod(*area, &used));
            if (used != area->size())
                throw std::invalid_argument("area");
        } catch (const std::exception&) {
            std::cerr << "renshe-admin: --area wants square metres, e.g. 10.5\n";
            return 2;
        }
    }
    if (address)
        sp->set_address(*address);
    UpsertServicePointResponse resp;
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub.UpsertServicePoint(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    std::cout << resp.service_point().id() << (id ? " updated" : " created") << ": class "
              << className(resp.service_point().facility_class()) << ", "
              << number(resp.service_point().display_area_m2()) << " m² display, region "
              << regionCode(resp.service_point().region()) << "\n";
    return 0;
}

int servicePointList(Args& args, AdminService::Stub& stub) {
    ListServicePointsRequest req;
    if (auto v = args.take("--region"))
        req.set_region_prefix(*v);
    req.mutable_page()->set_page_size(100);
    int shown = 0;
    for (;;) {
        ListServicePointsResponse resp;
        const auto r = withRetries(
            [&](grpc::ClientContext& ctx) { return stub.ListServicePoints(&ctx, req, &resp); });
        if (!r.ok())
            return report(r);
        for (const auto& sp : resp.service_points()) {
            ++shown;
            std::cout << std::left << std::setw(26) << sp.id() << " class " << std::setw(4)
                      << className(sp.facility_class()) << std::setw(10)
                      << (number(sp.display_area_m2()) + " m²") << " " << std::setw(12)
                      << regionCode(sp.region()) << std::right << " " << sp.name()
                      << (sp.address().empty() ? "" : "  " + sp.address()) << "\n";
        }
        if (resp.page().next_page_token().empty())
            break;
        req.mutable_page()->set_page_token(resp.page().next_page_token());
    }
    std::cout << shown << " service point" << (shown == 1 ? "" : "s") << "\n";
    return 0;
}

int servicePointEquip(Args& args, TerminalService::Stub& stub) {
    static const std::map<std::string, EquipmentKind> kinds{
        {"touchscreen", EQUIPMENT_KIND_TOUCHSCREEN},
        {"display", EQUIPMENT_KIND_DISPLAY},
        {"card-reader", EQUIPMENT_KIND_CARD_READER},
        {"fingerprint", EQUIPMENT_KIND_FINGERPRINT},
        {"printer", EQUIPMENT_KIND_PRINTER},
        {"id-card-reader", EQUIPMENT_KIND_ID_CARD_READER}};
    const auto kind = args.take("--kind");
    const auto it = kind ? kinds.find(*kind) : kinds.end();
    if (it == kinds.end()) {
        std::cerr << "renshe-admin: service-point equip needs --kind "
                     "touchscreen|display|card-reader|fingerprint|"
                     "printer|id-card-reader\n";
        return 2;
    }
    RegisterEquipmentRequest req;
    req.set_request_id(client::newRequestId());
    auto* e = req.add_equipment();
    e->set_kind(it->second);
    if (auto v = args.take("--terminal"))
        e->set_terminal_id(*v);
    if (auto v = args.take("--asset"))
        e->set_id(*v);
    if (auto v = args.take("--model"))
        e->set_model(*v);
    if (auto v = args.take("--serial"))
        e->set_serial_number(*v);
    if (args.rest().size() < 3) {
        std::cerr << "renshe-admin: service-point equip needs the service point's ID\n";
        return 2;
    }
    const std::string id = args.rest()[2];
    req.set_service_point_id(id);
    RegisterEquipmentResponse resp;
    const auto r = withRetries(
        [&](grpc::ClientContext& ctx) { return stub.RegisterEquipment(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    for (const auto& got : resp.equipment()) {
        std::cout << got.id() << " registered at " << id << ": " << it->first
                  << (got.terminal_id().empty() ? "" : " on " + got.terminal_id()) << "\n";
    }
    return 0;
}

int servicePointCheck(const std::string& id, TerminalService::Stub& stub) {
    CheckFacilityRequest req;
    req.set_service_point_id(id);
    CheckFacilityResponse resp;
    const auto r =
        withRetries([&](grpc::ClientContext& ctx) { return stub.CheckFacility(&ctx, req, &resp); });
    if (!r.ok())
        return report(r);
    std::cout << id << ": declared class " << className(resp.required_class())
              << ", achieved class " << className(resp.achieved_class()) << ": "
              << (resp.passed() ? "PASSED" : "FAILED") << "\n";
    for (const auto& f : resp.findings()) {
        std::cout << "  " << (f.passed() ? "ok    " : "FAIL  ") << std::left << std::setw(20)
                  << shortName(FacilityItem_Name(f.item()), "FACILITY_ITEM_") << std::right
                  << std::setw(6) << number(f.found()) << " of " << std::left << std::setw(4)
                  << number(f.required()) << std::right << "  " << f.reason() << "\n";
    }
    return resp.passed() ? 0 : 1;
}

}  // namespace

namespace {

// On the terminal, no connection needed: the key and the request to take to the operator.
int terminalKey(Args& args) {
    const auto id = args.take("--id");
    const auto out = args.take("--out");
    if (!id || !out) {
        std::cerr << "renshe-admin: terminal key needs --id and --out\n";
        return 2;
    }
    const std::filesystem::path dir(*out);
    std::filesystem::create_directories(dir);
    if (std::filesystem::exists(dir / "terminal.key")) {
        std::cerr << "renshe-admin: " << (dir / "terminal.key").string()
                  << " exists; not replacing a terminal's key\n";
        return 1;
    }
    const std::string key = pki::generatePrivateKeyPem();
    // The identity in the request is informative: the back office writes the one staff confirm.
    const std::string csr = pki::createCsrPem(key, {*id, pki::Role::Touch, ""});
    pki::writeFileAtomically(
        dir / "terminal.key", key,
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    pki::writeFileAtomically(
        dir / "terminal.csr", csr,
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
            std::filesystem::perms::group_read | std::filesystem::perms::others_read);
    std::cout << "key and request for " << *id << " in " << dir.string() << "\n";
    return 0;
}

int terminalEnrol(Args& args, const std::shared_ptr<grpc::Channel>& channel) {
    const auto csrFile = args.take("--csr");
    const auto id = args.take("--id");
    const auto role = args.take("--role");
    const auto point = args.take("--service-point");
    const auto out = args.take("--out");
    if (!csrFile || !id || !role || !point || !out || (*role != "touch" && *role != "display")) {
        std::cerr << "renshe-admin: terminal enrol needs --csr, --id, --role touch|display, "
                     "--service-point and --out\n";
        return 2;
    }
    EnrollTerminalRequest req;
    req.set_request_id(services::client::newRequestId());
    req.set_csr_pem(pki::readFile(*csrFile));
    req.set_terminal_id(*id);
    req.set_role(*role == "display" ? TERMINAL_ROLE_DISPLAY : TERMINAL_ROLE_TOUCH);
    req.set_service_point_id(*point);
    EnrollTerminalResponse resp;
    auto stub = AdminService::NewStub(channel);
    const auto result = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->EnrollTerminal(&ctx, req, &resp); });
    if (!result.ok())
        return report(result);
    const std::filesystem::path dir(*out);
    std::filesystem::create_directories(dir);
    const auto publicFile =
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
        std::filesystem::perms::group_read | std::filesystem::perms::others_read;
    pki::writeFileAtomically(dir / "terminal.crt", resp.certificate_pem(), publicFile);
    pki::writeFileAtomically(dir / "ca.crt", resp.ca_certificate_pem(), publicFile);
    std::cout << *id << " (" << *role << ") enrolled in " << resp.region().division_code()
              << resp.region().township_code() << resp.region().village_code() << " until "
              << timeText(resp.not_after()) << "; " << (dir / "terminal.crt").string() << "\n";
    return 0;
}

void printEnrolment(const TerminalEnrolment& e) {
    std::cout << e.terminal_id() << "  "
              << (e.role() == TERMINAL_ROLE_DISPLAY ? "display" : "touch") << "  " << e.region()
              << "  key " << e.public_key_sha256().substr(0, 16) << "  until "
              << timeText(e.not_after());
    if (!e.service_point_id().empty())
        std::cout << "  " << e.service_point_id();
    if (e.has_revoked_at()) {
        std::cout << "  REVOKED " << timeText(e.revoked_at()) << " by " << e.revoked_by() << ": "
                  << e.revoke_reason();
    }
    std::cout << "\n";
}

int terminalRegister(Args& args, const std::shared_ptr<grpc::Channel>& channel) {
    const auto point = args.take("--service-point");
    auto& rest = args.rest();
    const std::vector<std::string> files(rest.begin() + 2, rest.end());
    if (files.empty()) {
        std::cerr << "renshe-admin: terminal register [--service-point ID] CERT.crt...\n";
        return 2;
    }
    auto stub = AdminService::NewStub(channel);
    constexpr std::size_t kBatch = 500;
    for (std::size_t first = 0; first < files.size(); first += kBatch) {
        RegisterTerminalsRequest req;
        req.set_request_id(services::client::newRequestId());
        if (point)
            req.set_service_point_id(*point);
        for (std::size_t i = first; i < std::min(files.size(), first + kBatch); ++i)
            req.add_certificate_pem(pki::readFile(files[i]));
        RegisterTerminalsResponse resp;
        const auto result = withRetries(
            [&](grpc::ClientContext& ctx) { return stub->RegisterTerminals(&ctx, req, &resp); });
        if (!result.ok())
            return report(result);
        for (const auto& e : resp.terminals())
            printEnrolment(e);
    }
    return 0;
}

int terminalRevoke(Args& args, const std::shared_ptr<grpc::Channel>& channel) {
    const auto reason = args.take("--reason");
    auto& rest = args.rest();
    if (rest.size() != 3 || !reason) {
        std::cerr << "renshe-admin: terminal revoke TERMINAL_ID --reason TEXT\n";
        return 2;
    }
    RevokeTerminalRequest req;
    req.set_request_id(services::client::newRequestId());
    req.set_terminal_id(rest[2]);
    req.set_reason(*reason);
    RevokeTerminalResponse resp;
    auto stub = AdminService::NewStub(channel);
    const auto result = withRetries(
        [&](grpc::ClientContext& ctx) { return stub->RevokeTerminal(&ctx, req, &resp); });
    if (!result.ok())
        return report(result);
    printEnrolment(resp.terminal());
    return 0;
}

int terminalList(Args& args, const std::shared_ptr<grpc::Channel>& channel) {
    ListEnrolmentsRequest req;
    if (const auto region = args.take("--region"))
        req.set_region_prefix(*region);
    req.set_revoked_only(args.flag("--revoked"));
    req.mutable_page()->set_page_size(100);
    auto stub = AdminService::NewStub(channel);
    for (;;) {
        ListEnrolmentsResponse resp;
        const auto result = withRetries(
            [&](grpc::ClientContext& ctx) { return stub->ListEnrolments(&ctx, req, &resp); });
        if (!result.ok())
            return report(result);
        for (const auto& e : resp.terminals())
            printEnrolment(e);
        if (resp.page().next_page_token().empty())
            return 0;
        req.mutable_page()->set_page_token(resp.page().next_page_token());
    }
}

}  // namespace

int runFleetCommand(const std::vector<std::string>& argv) {
    Args args(argv);
    const auto connection = cli::takeConnection(args);
    auto& rest = args.rest();
    if (rest.size() >= 2 && rest[0] == "terminal" && rest[1] == "key")
        return terminalKey(args);
    if (rest.size() >= 2 && rest[0] == "terminal" && rest[1] == "enrol") {
        if (!connection.check("terminal enrol"))
            return 2;
        return terminalEnrol(args, connection.channel());
    }
    if (rest.size() >= 2 && rest[0] == "terminal" &&
        (rest[1] == "register" || rest[1] == "revoke" || rest[1] == "list")) {
        const std::string sub = rest[1];
        if (!connection.check("terminal " + sub))
            return 2;
        if (sub == "register")
            return terminalRegister(args, connection.channel());
        if (sub == "revoke")
            return terminalRevoke(args, connection.channel());
        return terminalList(args, connection.channel());
    }
    if (rest.empty() || (rest[0] != "fleet" && rest[0] != "service-point" && rest[0] != "health"))
        return 2;
    const std::string command = rest[0];
    if (command == "service-point" &&
        (rest.size() < 2 ||
         (rest[1] != "add" && rest[1] != "list" && rest[1] != "equip" && rest[1] != "check"))) {
        std::cerr << "renshe-admin: service-point add|list|equip|check …\n";
        return 2;
    }
    if (!connection.check(command))
        return 2;
    const auto channel = connection.channel();
    if (command == "fleet")
        return fleet(args, channel);
    if (command == "health") {
        // grpc.health.v1 over the same mutual TLS as every other command: 0 = SERVING.
        const auto h = services::client::checkHealth(channel, std::chrono::seconds(5));
        if (h.state == services::client::HealthState::Serving) {
            std::cout << "SERVING " << connection.server << "\n";
            return 0;
        }
        std::cerr << "renshe-admin: " << connection.server
                  << (h.state == services::client::HealthState::NotServing ? " answers NOT_SERVING"
                                                                           : " is unreachable")
                  << (h.message.empty() ? "" : " (" + h.message + ")") << "\n";
        return 1;
    }

    const std::string sub = rest[1];
    if (sub == "add") {
        auto stub = AdminService::NewStub(channel);
        return servicePointAdd(args, *stub);
    }
    if (sub == "list") {
        auto stub = AdminService::NewStub(channel);
        return servicePointList(args, *stub);
    }
    auto stub = TerminalService::NewStub(channel);
    if (sub == "equip")
        return servicePointEquip(args, *stub);
    if (rest.size() < 3) {
        std::cerr << "renshe-admin: service-point check needs the service point's ID\n";
        return 2;
    }
    return servicePointCheck(rest[2], *stub);
}

}  // namespace renshe::services::admin
