#include "services/backoffice/options.hpp"

#include <fstream>

namespace renshe::services::backoffice {

std::string usage() {
    return "usage: renshe-backoffice --tls-cert FILE --tls-key FILE --client-ca FILE --keystore "
           "FILE\n"
           "                         [--database URL] [--listen HOST:PORT] [--port-file FILE] "
           "[more options]\n"
           "       renshe-backoffice keystore new FILE [--demo]\n"
           "       renshe-backoffice --insecure-plaintext-for-development --keystore FILE "
           "[--listen HOST:PORT]\n"
           "\n"
           "  --config FILE         read `name = value` lines (the option names below without --) "
           "first\n"
           "  --listen HOST:PORT    address to serve on (default 127.0.0.1:50051; port 0 = any "
           "free)\n"
           "  --tls-cert FILE       server certificate, PEM\n"
           "  --tls-key FILE        server private key, PEM\n"
           "  --client-ca FILE      CA whose terminal and staff certificates are accepted\n"
           "  --keystore FILE       PIN-reset master key, audit key, password pepper (0600; see "
           "keystore new)\n"
           "  --database URL        sqlite:PATH (default sqlite:renshe-backoffice.db) or "
           "postgresql://…\n"
           "  --port-file FILE      write the bound port here once serving\n"
           "  --metrics-listen HOST:PORT   Prometheus text metrics on loopback (port 0 = any "
           "free)\n"
           "  --metrics-port-file FILE     write the bound metrics port here\n"
           "  --temp-loss-days N    a temporary loss report lifts itself after N days (default "
           "15)\n"
           "  --temp-loss-seconds N the same in seconds (tests and demos)\n"
           "  --sweep-seconds N     how often due temporary losses are lifted (default 60)\n"
           "  --terminal-ca-cert FILE, --terminal-ca-key FILE\n"
           "                        the CA that signs enrolled terminals' certificates "
           "(EnrollTerminal)\n"
           "  --terminal-certificate-days N    how long an enrolled terminal's certificate lasts "
           "(default 730)\n"
           "  --certification-cycle-months N   pension certification cycle (default 12)\n"
           "  --certification-cycle-seconds N  the same in seconds (tests and demos)\n"
           "  --fingerprint-factor-seconds N   a fingerprint match is a second factor this long "
           "(default 300)\n"
           "  --limit-ssn-failures N/SECONDS       failed second factors per ID number (default "
           "5/3600)\n"
           "  --limit-terminal-failures N/SECONDS  failed second factors per terminal (default "
           "20/3600)\n"
           "  --limit-terminal-lookups N/SECONDS   identity look-ups per terminal (default "
           "300/3600)\n"
           "  --heartbeat-interval-seconds N   the interval terminals are asked to heartbeat at "
           "(default 30)\n"
           "  --stale-after-seconds N          a terminal silent this long is stale (default 3 "
           "intervals)\n"
           "  --facility-window-seconds N      facility checks count terminals heard from within "
           "this (default 86400)\n"
           "  --insecure-plaintext-for-development\n"
           "                        serve without TLS; never on a real network\n";
}

namespace {

bool parseInt(const std::string& s, long long& out) {
    try {
        std::size_t used = 0;
        out = std::stoll(s, &used);
        return used == s.size() && out >= 0;
    } catch (const std::exception&) {
        return false;
    }
}

bool parseLimit(const std::string& s, Policy::Limit& out) {
    const auto slash = s.find('/');
    long long n = 0, w = 0;
    if (slash == std::string::npos || !parseInt(s.substr(0, slash), n) ||
        !parseInt(s.substr(slash + 1), w) || w == 0) {
        return false;
    }
    out = {static_cast<int>(n), w};
    return true;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

ParseResult parseOptions(const std::vector<std::string>& givenArgs) {
    ParseResult r;
    std::vector<std::string> args;
    for (std::size_t i = 0; i < givenArgs.size(); ++i) {
        if (givenArgs[i] == "--config") {
            if (i + 1 >= givenArgs.size()) {
                r.error = "--config needs a value";
                return r;
            }
            std::ifstream in(givenArgs[i + 1]);
            if (!in) {
                r.error = "cannot read config file " + givenArgs[i + 1];
                return r;
            }
            std::string line;
            int n = 0;
            while (std::getline(in, line)) {
                ++n;
                line = trim(line.substr(0, line.find('#')));
                if (line.empty())
                    continue;
                const auto eq = line.find('=');
                const std::string name = trim(line.substr(0, eq));
                if (name.empty()) {
                    r.error =
                        givenArgs[i + 1] + ":" + std::to_string(n) + ": expected name = value";
                    return r;
                }
                args.push_back("--" + name);
                if (eq != std::string::npos) {
                    const std::string value = trim(line.substr(eq + 1));
                    if (value != "true")
                        args.push_back(value);
                }
            }
            ++i;
        }
    }
    for (std::size_t i = 0; i < givenArgs.size(); ++i) {
        if (givenArgs[i] == "--config") {
            ++i;
            continue;
        }
        args.push_back(givenArgs[i]);
    }

    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) {
                r.error = a + " needs a value";
                return false;
            }
            out = args[++i];
            return true;
        };
        std::string v;
        long long n = 0;
        if (a == "-h" || a == "--help") {
            r.helpRequested = true;
            return r;
        } else if (a == "--listen") {
            if (!value(o.listen))
                return r;
        } else if (a == "--tls-cert") {
            if (!value(v))
                return r;
            o.tlsCertificate = v;
        } else if (a == "--tls-key") {
            if (!value(v))
                return r;
            o.tlsPrivateKey = v;
        } else if (a == "--client-ca") {
            if (!value(v))
                return r;
            o.clientCa = v;
        } else if (a == "--port-file") {
            if (!value(v))
                return r;
            o.portFile = v;
        } else if (a == "--keystore") {
            if (!value(v))
                return r;
            o.keystore = v;
        } else if (a == "--database") {
            if (!value(o.database))
                return r;
        } else if (a == "--metrics-listen") {
            if (!value(o.metricsListen))
                return r;
        } else if (a == "--terminal-ca-cert") {
            if (!value(v))
                return r;
            o.terminalCaCertificate = v;
        } else if (a == "--terminal-ca-key") {
            if (!value(v))
                return r;
            o.terminalCaKey = v;
        } else if (a == "--terminal-certificate-days") {
            if (!value(v))
                return r;
            if (!parseInt(v, n) || n < 1 || n > 3650) {
                r.error = "--terminal-certificate-days wants 1..3650";
                return r;
            }
            o.terminalCertificateDays = static_cast<int>(n);
        } else if (a == "--metrics-port-file") {
            if (!value(v))
                return r;
            o.metricsPortFile = v;
        } else if (a == "--temp-loss-days" || a == "--temp-loss-seconds" ||
                   a == "--sweep-seconds") {
            if (!value(v))
                return r;
            if (!parseInt(v, n) || n == 0) {
                r.error = a + " wants a positive whole number, got " + v;
                return r;
            }
            if (a == "--temp-loss-days")
                o.policy.tempLossSeconds = n * 86400;
            else if (a == "--temp-loss-seconds")
                o.policy.tempLossSeconds = n;
            else
                o.sweepSeconds = static_cast<int>(n);
        } else if (a == "--certification-cycle-months" || a == "--certification-cycle-seconds" ||
                   a == "--fingerprint-factor-seconds") {
            if (!value(v))
                return r;
            if (!parseInt(v, n) || n == 0 || (a == "--certification-cycle-months" && n > 120)) {
                r.error = a + " wants a positive whole number" +
                          (a == "--certification-cycle-months" ? std::string(" up to 120")
                                                               : std::string()) +
                          ", got " + v;
                return r;
            }
            if (a == "--certification-cycle-months")
                o.policy.certificationCycleMonths = static_cast<int>(n);
            else if (a == "--certification-cycle-seconds")
                o.policy.certificationCycleSeconds = n;
            else
                o.policy.fingerprintFactorSeconds = n;
        } else if (a == "--limit-ssn-failures" || a == "--limit-terminal-failures" ||
                   a == "--limit-terminal-lookups") {
            if (!value(v))
                return r;
            Policy::Limit limit{};
            if (!parseLimit(v, limit)) {
                r.error = a + " wants N/SECONDS, got " + v;
                return r;
            }
            if (a == "--limit-ssn-failures")
                o.policy.ssnSecondFactorFailures = limit;
            else if (a == "--limit-terminal-failures")
                o.policy.terminalSecondFactorFailures = limit;
            else
                o.policy.terminalIdentityLookups = limit;
        } else if (a == "--heartbeat-interval-seconds" || a == "--stale-after-seconds" ||
                   a == "--facility-window-seconds") {
            if (!value(v))
                return r;
            if (!parseInt(v, n) || n == 0 ||
                (a == "--heartbeat-interval-seconds" && (n < 5 || n > 600))) {
                r.error = a + " wants a positive whole number" +
                          (a == "--heartbeat-interval-seconds" ? std::string(" from 5 to 600")
                                                               : std::string()) +
                          ", got " + v;
                return r;
            }
            if (a == "--heartbeat-interval-seconds")
                o.policy.heartbeatIntervalSeconds = n;
            else if (a == "--stale-after-seconds")
                o.policy.staleAfterSeconds = n;
            else
                o.policy.facilityWindowSeconds = n;
        } else if (a == "--insecure-plaintext-for-development") {
            o.insecurePlaintext = true;
        } else {
            r.error = "unknown argument: " + a;
            return r;
        }
    }
    if (!o.insecurePlaintext &&
        (o.tlsCertificate.empty() || o.tlsPrivateKey.empty() || o.clientCa.empty())) {
        r.error = "mutual TLS needs --tls-cert, --tls-key and --client-ca";
        return r;
    }
    if (o.keystore.empty()) {
        r.error =
            "--keystore FILE is required (create one with: renshe-backoffice keystore new FILE)";
        return r;
    }
    if (o.listen.find(':') == std::string::npos) {
        r.error = "--listen wants HOST:PORT, got " + o.listen;
        return r;
    }
    if (!o.metricsListen.empty() && o.metricsListen.rfind("127.0.0.1:", 0) != 0 &&
        o.metricsListen.rfind("[::1]:", 0) != 0 && o.metricsListen.rfind("localhost:", 0) != 0) {
        r.error =
            "--metrics-listen serves on loopback only (127.0.0.1:PORT), got " + o.metricsListen;
        return r;
    }
    if (o.terminalCaCertificate.empty() != o.terminalCaKey.empty()) {
        r.error = "--terminal-ca-cert and --terminal-ca-key go together";
        return r;
    }
    r.options = std::move(o);
    return r;
}

}  // namespace renshe::services::backoffice
