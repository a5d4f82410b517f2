// renshe-admin: the staff and operator command line. Grows with each back office feature.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "services/admin/application_commands.hpp"
#include "services/admin/catalogue_commands.hpp"
#include "services/admin/fingerprint_commands.hpp"
#include "services/admin/fleet_commands.hpp"
#include "services/admin/records_commands.hpp"
#include "services/admin/staff_commands.hpp"
#include "services/pki/pki.hpp"
#include "services/pki/protected_key.hpp"

namespace fs = std::filesystem;
namespace pki = renshe::services::pki;

namespace {

constexpr auto kPublic =
    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read;
constexpr auto kSecret = fs::perms::owner_read | fs::perms::owner_write;

int usage(std::ostream& out, int rc) {
    out << "usage: renshe-admin pki demo --out DIR [--terminal ID] [--staff ID] [--region CODE]\n"
           "\n"
           "  pki demo   a throwaway CA for a demo or a test bench: ca.crt/ca.key, "
           "server.crt/.key\n"
           "             (127.0.0.1, localhost), touch-<ID>.crt/.key, display-<ID>.crt/.key and\n"
           "             staff-<ID>.crt/.key (of the region) and staff-P-0001.crt/.key (of its\n"
           "             province: the guide catalogue is the province's). Existing files are\n"
           "             kept, so it is safe to run again.\n"
           "             Never use this CA on a real network.\n"
           "  pki protect-key --key FILE --out FILE\n"
           "             the key under a passphrase (renshe-counter signs in with it): read from\n"
           "             RENSHE_KEY_PASSPHRASE or the first line of standard input, at least 8\n"
           "             characters. An existing --out is replaced.\n"
        << renshe::services::admin::staffUsage() << renshe::services::admin::catalogueUsage()
        << renshe::services::admin::recordsUsage() << renshe::services::admin::fingerprintUsage()
        << renshe::services::admin::fleetUsage() << renshe::services::admin::applicationUsage();
    return rc;
}

void writeClient(const pki::CertificateAuthority& ca, const fs::path& dir,
                 const pki::Identity& id) {
    const std::string stem = std::string(pki::roleName(id.role)) + "-" + id.id;
    if (fs::exists(dir / (stem + ".crt"))) {
        return;
    }
    const auto issued = ca.issueClient(id, std::chrono::hours(24 * 365));
    pki::writeFileAtomically(dir / (stem + ".key"), issued.privateKeyPem, kSecret);
    pki::writeFileAtomically(dir / (stem + ".crt"), issued.certificatePem, kPublic);
}

int pkiDemo(const std::vector<std::string>& args) {
    fs::path out;
    std::string terminal = "T-371302-001", staff = "S-0001", region = "371302";
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == "--out" && hasValue)
            out = args[++i];
        else if (args[i] == "--terminal" && hasValue)
            terminal = args[++i];
        else if (args[i] == "--staff" && hasValue)
            staff = args[++i];
        else if (args[i] == "--region" && hasValue)
            region = args[++i];
        else {
            std::cerr << "renshe-admin: unknown or incomplete argument: " << args[i] << "\n";
            return usage(std::cerr, 2);
        }
    }
    if (out.empty()) {
        std::cerr << "renshe-admin: pki demo needs --out DIR\n";
        return usage(std::cerr, 2);
    }
    fs::create_directories(out);
    const auto caCert = out / "ca.crt";
    const auto caKey = out / "ca.key";
    auto ca = fs::exists(caCert) && fs::exists(caKey)
                  ? pki::CertificateAuthority::fromPem(pki::readFile(caCert), pki::readFile(caKey))
                  : pki::CertificateAuthority::create("Renshe Demo CA (not for production)",
                                                      std::chrono::hours(24 * 365));
    if (!fs::exists(caCert)) {
        pki::writeFileAtomically(caKey, ca.privateKeyPem(), kSecret);
        pki::writeFileAtomically(caCert, ca.certificatePem(), kPublic);
    }
    if (!fs::exists(out / "server.crt")) {
        const auto server = ca.issueServer("renshe-backoffice", {"localhost"}, {"127.0.0.1"},
                                           std::chrono::hours(24 * 365));
        pki::writeFileAtomically(out / "server.key", server.privateKeyPem, kSecret);
        pki::writeFileAtomically(out / "server.crt", server.certificatePem, kPublic);
    }
    writeClient(ca, out, {terminal, pki::Role::Touch, region});
    writeClient(ca, out, {terminal + "-D", pki::Role::Display, region});
    writeClient(ca, out, {staff, pki::Role::Staff, region});
    // Province staff (the province's 2 digits): the guide catalogue is theirs to write.
    writeClient(ca, out, {"P-0001", pki::Role::Staff, region.substr(0, 2)});
    std::cout << "demo PKI in " << out.string() << "\n";
    return 0;
}

int protectKey(const std::vector<std::string>& args) {
    fs::path in, out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == "--key" && hasValue)
            in = args[++i];
        else if (args[i] == "--out" && hasValue)
            out = args[++i];
        else {
            std::cerr << "renshe-admin: unknown or incomplete argument: " << args[i] << "\n";
            return usage(std::cerr, 2);
        }
    }
    if (in.empty() || out.empty()) {
        std::cerr << "renshe-admin: pki protect-key needs --key FILE and --out FILE\n";
        return usage(std::cerr, 2);
    }
    std::string passphrase;
    if (const char* given = std::getenv("RENSHE_KEY_PASSPHRASE"))
        passphrase = given;
    else
        std::getline(std::cin, passphrase);
    pki::writeFileAtomically(out, pki::protectPrivateKeyPem(pki::readFile(in), passphrase),
                             kSecret);
    std::cout << "protected key in " << out.string() << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "-h" || args[0] == "--help") {
        return usage(args.empty() ? std::cerr : std::cout, args.empty() ? 2 : 0);
    }
    try {
        if (args.size() >= 2 && args[0] == "pki" && args[1] == "demo") {
            return pkiDemo({args.begin() + 2, args.end()});
        }
        if (args.size() >= 2 && args[0] == "pki" && args[1] == "protect-key") {
            return protectKey({args.begin() + 2, args.end()});
        }
        // Each family answers 2 for "not mine / wrong usage"; connection flags may come first.
        if (const int rc = renshe::services::admin::runRecordsCommand(args); rc != 2)
            return rc;
        if (const int rc = renshe::services::admin::runCatalogueCommand(args); rc != 2)
            return rc;
        if (const int rc = renshe::services::admin::runFingerprintCommand(args); rc != 2)
            return rc;
        if (const int rc = renshe::services::admin::runFleetCommand(args); rc != 2)
            return rc;
        if (const int rc = renshe::services::admin::runApplicationCommand(args); rc != 2)
            return rc;
        const int rc = renshe::services::admin::runStaffCommand(args);
        if (rc != 2)
            return rc;
    } catch (const std::exception& e) {
        std::cerr << "renshe-admin: " << e.what() << "\n";
        return 1;
    }
    std::cerr << "renshe-admin: unknown command, or wrong arguments for it\n";
    return usage(std::cerr, 2);
}
