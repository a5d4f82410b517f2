// Runs the real renshe-admin binary as a staff member against a back office, the way an
// operator would: connection in RENSHE_* environment variables, output kept in a log file.
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fixtures/process.hpp"
#include "tests/fixtures/test_pki.hpp"

#ifndef RENSHE_ADMIN_BIN
#error "RENSHE_ADMIN_BIN must name the built renshe-admin"
#endif

namespace renshe::testing {

struct CliRun {
    int code = -1;
    std::string output;  // stdout and stderr
};

// `renshe-admin args…` as staff S-0001 of `region` (P-0001 for a province's 2 digits;
// certificates from `pki`) against `target`; the log goes to `dir`.
inline CliRun runAdmin(const std::string& target, const TestPki& pki,
                       const std::filesystem::path& dir, std::vector<std::string> args,
                       const std::string& region = "371302") {
    static int n = 0;
    const auto log = dir / ("admin-" + std::to_string(++n) + ".log");
    const auto staff = pki.staff(region.size() <= 2 ? "P-0001" : "S-0001", region);
    ProcessOptions o;
    o.argv = {RENSHE_ADMIN_BIN};
    o.argv.insert(o.argv.end(), args.begin(), args.end());
    o.env = {{"RENSHE_SERVER", target},
             {"RENSHE_CA", pki.caCertificate().string()},
             {"RENSHE_CERT", staff.certificate.string()},
             {"RENSHE_KEY", staff.privateKey.string()}};
    o.logFile = log;
    CliRun r;
    r.code = runToCompletion(std::move(o), std::chrono::seconds(60));
    std::stringstream ss;
    ss << std::ifstream(log).rdbuf();
    r.output = ss.str();
    return r;
}

}  // namespace renshe::testing
