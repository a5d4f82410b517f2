#include "services/backoffice/server/options.hpp"

#include <fstream>
#include <functional>
#include <limits>
#include <map>

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
           "  --database-replica URL  a PostgreSQL hot standby for job search, guides, records "
           "and media\n"
           "                        (a little stale; the primary answers when it cannot or "
           "does not\n"
           "                        within 1 s, or lags more than --replica-max-lag-seconds)\n"
           "  --replica-max-lag-seconds N  how far behind the primary the standby may be "
           "(default 5)\n"
           "  --port-file FILE      write the bound port here once serving\n"
           "  --staff-listen HOST:PORT   the staff port: staff certificates only, messages up "
           "to 40 MiB\n"
           "                        (imports, uploads); --listen then reads at most 64 KiB a "
           "message\n"
           "  --staff-port-file FILE     write the bound staff port here\n"
           "  --metrics-listen HOST:PORT   Prometheus text metrics (port 0 = any free); plain "
           "HTTP on loopback,\n"
           "                        elsewhere only with --metrics-client-ca\n"
           "  --metrics-client-ca FILE     serve metrics over TLS (the --tls-cert certificate) "
           "to clients\n"
           "                        holding a certificate of this CA (the operators')\n"
           "  --metrics-port-file FILE     write the bound metrics port here\n"
           "  --temp-loss-days N    a temporary loss report lifts itself after N days (default "
           "15)\n"
           "  --temp-loss-seconds N the same in seconds (tests and demos)\n"
           "  --sweep-seconds N     how often due temporary losses are lifted, refusals that name\n"
           "                        no one audited in aggregate (default 60)\n"
           "  --idle-connection-seconds N  close a terminal connection with no call for this "
           "long\n"
           "                        (default 900; more than --heartbeat-interval-seconds)\n"
           "  --terminal-ca-cert FILE, --terminal-ca-key FILE\n"
           "                        the CA that signs enrolled terminals' certificates "
           "(EnrollTerminal, RenewCertificate)\n"
           "  --terminal-certificate-days N    how long a certificate signed here lasts (default "
           "90; "
           "terminals renew with a third left)\n"
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
           "  --verify-listen HOST:PORT    the statement verification page over HTTPS (port 0 = "
           "any free)\n"
           "  --verify-cert FILE, --verify-key FILE   the page's own certificate and key, PEM\n"
           "  --verify-url URL     the page's public address printed in statements' QR codes\n"
           "                        (default https://HOST:PORT/verify of --verify-listen)\n"
           "  --verify-limit N/SECONDS   page requests per client address (default 30/60)\n"
           "  --verify-port-file FILE    write the page's bound port here\n"
           "  --audit-checkpoint FILE   write the signed audit chain head there every sweep "
           "round\n"
           "                        and at shutdown, each new head also appended to "
           "FILE.history\n"
           "                        (renshe-admin audit verify --checkpoint FILE)\n"
           "  --limit-terminal-certifications N/SECONDS   pension certifications per terminal "
           "(default 60/3600)\n"
           "  --max-streams-per-terminal N   open content streams per terminal (default 4)\n"
           "  --limit-terminal-status-lookups N/SECONDS   certification and application status "
           "look-ups per terminal (default 300/3600)\n"
           "  --limit-terminal-feedback N/SECONDS   ratings and help requests per terminal "
           "(default 120/3600)\n"
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

// Reads `--config FILE` into `name = value` flags placed before the command line's own, so
// flags given on the command line win. Returns the error, if any.
std::optional<std::string> expandConfig(const std::vector<std::string>& given,
                                        std::vector<std::string>& args) {
    for (std::size_t i = 0; i < given.size(); ++i) {
        if (given[i] != "--config")
            continue;
        if (i + 1 >= given.size())
            return "--config needs a value";
        const std::string& path = given[++i];
        std::ifstream in(path);
        if (!in)
            return "cannot read config file " + path;
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
            line = trim(line.substr(0, line.find('#')));
            if (line.empty())
                continue;
            const auto eq = line.find('=');
            const std::string name = trim(line.substr(0, eq));
            if (name.empty())
                return path + ":" + std::to_string(n) + ": expected name = value";
            args.push_back("--" + name);
            if (eq != std::string::npos) {
                const std::string value = trim(line.substr(eq + 1));
                if (value != "true")
                    args.push_back(value);
            }
        }
    }
    for (std::size_t i = 0; i < given.size(); ++i) {
        if (given[i] == "--config")
            ++i;
        else
            args.push_back(given[i]);
    }
    return std::nullopt;
}

// A flag that takes a value: stores it in the options or says what is wrong with it.
using ValueFlag = std::function<std::optional<std::string>(Options&, const std::string& flag,
                                                           const std::string& value)>;

// A whole number from `min` to `max` handed to `set`; the error says "a positive whole
// number" followed by `range`.
ValueFlag wholeNumber(long long min, long long max, const std::string& range,
                      const std::function<void(Options&, long long)>& set) {
    return [=](Options& o, const std::string& flag,
               const std::string& v) -> std::optional<std::string> {
        long long n = 0;
        if (!parseInt(v, n) || n < min || n > max)
            return flag + " wants a positive whole number" + range + ", got " + v;
        set(o, n);
        return std::nullopt;
    };
}

ValueFlag limit(Policy::Limit Policy::*member) {
    return [member](Options& o, const std::string& flag,
                    const std::string& v) -> std::optional<std::string> {
        Policy::Limit l{};
        if (!parseLimit(v, l))
            return flag + " wants N/SECONDS, got " + v;
        o.policy.*member = l;
        return std::nullopt;
    };
}

template <typename T>
ValueFlag text(T Options::*member) {
    return [member](Options& o, const std::string&, const std::string& v) {
        o.*member = v;
        return std::optional<std::string>();
    };
}

const std::map<std::string, ValueFlag>& valueFlags() {
    constexpr long long kMax = std::numeric_limits<long long>::max();
    static const std::map<std::string, ValueFlag> flags = {
        {"--listen", text(&Options::listen)},
        {"--tls-cert", text(&Options::tlsCertificate)},
        {"--tls-key", text(&Options::tlsPrivateKey)},
        {"--client-ca", text(&Options::clientCa)},
        {"--port-file", text(&Options::portFile)},
        {"--staff-listen", text(&Options::staffListen)},
        {"--staff-port-file", text(&Options::staffPortFile)},
        {"--keystore", text(&Options::keystore)},
        {"--database", text(&Options::database)},
        {"--database-replica", text(&Options::databaseReplica)},
        {"--metrics-listen", text(&Options::metricsListen)},
        {"--metrics-port-file", text(&Options::metricsPortFile)},
        {"--metrics-client-ca", text(&Options::metricsClientCa)},
        {"--terminal-ca-cert", text(&Options::terminalCaCertificate)},
        {"--terminal-ca-key", text(&Options::terminalCaKey)},
#ifdef RENSHE_TEST_HOOKS
        // Test builds only: the clock runs at real time plus the offset in this file, which
        // the test moves forward instead of sleeping (drivers/util/clock.hpp).
        {"--test-clock-file", text(&Options::testClockFile)},
#endif
        {"--audit-checkpoint", text(&Options::auditCheckpoint)},
        {"--verify-listen", text(&Options::verifyListen)},
        {"--verify-cert", text(&Options::verifyCertificate)},
        {"--verify-key", text(&Options::verifyPrivateKey)},
        {"--verify-port-file", text(&Options::verifyPortFile)},
        {"--verify-url", text(&Options::verifyUrl)},
        {"--verify-limit",
         [](Options& o, const std::string&, const std::string& v) -> std::optional<std::string> {
             if (!parseLimit(v, o.verifyLimit))
                 return "--verify-limit wants N/SECONDS, e.g. 30/60";
             return std::nullopt;
         }},
        {"--terminal-certificate-days",
         [](Options& o, const std::string&, const std::string& v) -> std::optional<std::string> {
             long long n = 0;
             if (!parseInt(v, n) || n < 1 || n > 3650)
                 return "--terminal-certificate-days wants 1..3650";
             o.terminalCertificateDays = static_cast<int>(n);
             return std::nullopt;
         }},
        {"--temp-loss-days",
         wholeNumber(1, kMax, "",
                     [](Options& o, long long n) { o.policy.tempLossSeconds = n * 86400; })},
        {"--temp-loss-seconds",
         wholeNumber(1, kMax, "", [](Options& o, long long n) { o.policy.tempLossSeconds = n; })},
        {"--sweep-seconds",
         wholeNumber(1, kMax, "",
                     [](Options& o, long long n) { o.sweepSeconds = static_cast<int>(n); })},
        {"--replica-max-lag-seconds", wholeNumber(1, 3600, " from 1 to 3600",
                                                  [](Options& o, long long n) {
                                                      o.replicaMaxLagSeconds = static_cast<int>(n);
                                                  })},
        {"--idle-connection-seconds", wholeNumber(1, 86400, " from 1 to 86400",
                                                  [](Options& o, long long n) {
                                                      o.idleConnectionSeconds = static_cast<int>(n);
                                                  })},
        {"--certification-cycle-months", wholeNumber(1, 120, " up to 120",
                                                     [](Options& o, long long n) {
                                                         o.policy.certificationCycleMonths =
                                                             static_cast<int>(n);
                                                     })},
        {"--certification-cycle-seconds",
         wholeNumber(1, kMax, "",
                     [](Options& o, long long n) { o.policy.certificationCycleSeconds = n; })},
        {"--fingerprint-factor-seconds",
         wholeNumber(1, kMax, "",
                     [](Options& o, long long n) { o.policy.fingerprintFactorSeconds = n; })},
        {"--limit-ssn-failures", limit(&Policy::ssnSecondFactorFailures)},
        {"--limit-terminal-failures", limit(&Policy::terminalSecondFactorFailures)},
        {"--limit-terminal-lookups", limit(&Policy::terminalIdentityLookups)},
        {"--limit-terminal-certifications", limit(&Policy::terminalCertifications)},
        {"--limit-terminal-status-lookups", limit(&Policy::terminalStatusLookups)},
        {"--limit-terminal-feedback", limit(&Policy::terminalFeedback)},
        {"--max-streams-per-terminal", wholeNumber(1, 10000, " from 1 to 10000",
                                                   [](Options& o, long long n) {
                                                       o.policy.maxStreamsPerTerminal =
                                                           static_cast<int>(n);
                                                   })},
        {"--heartbeat-interval-seconds",
         wholeNumber(5, 600, " from 5 to 600",
                     [](Options& o, long long n) { o.policy.heartbeatIntervalSeconds = n; })},
        {"--stale-after-seconds",
         wholeNumber(1, kMax, "", [](Options& o, long long n) { o.policy.staleAfterSeconds = n; })},
        {"--facility-window-seconds",
         wholeNumber(1, kMax, "",
                     [](Options& o, long long n) { o.policy.facilityWindowSeconds = n; })},
    };
    return flags;
}

// What must hold of the options as a whole. Returns the error, if any.
std::optional<std::string> checkCombination(const Options& o) {
    if (!o.insecurePlaintext &&
        (o.tlsCertificate.empty() || o.tlsPrivateKey.empty() || o.clientCa.empty())) {
        return "mutual TLS needs --tls-cert, --tls-key and --client-ca";
    }
    if (o.keystore.empty())
        return "--keystore FILE is required (create one with: renshe-backoffice keystore new FILE)";
    if (o.listen.find(':') == std::string::npos)
        return "--listen wants HOST:PORT, got " + o.listen;
    const auto loopback = [](const std::string& hostPort) {
        return hostPort.rfind("127.0.0.1:", 0) == 0 || hostPort.rfind("[::1]:", 0) == 0 ||
               hostPort.rfind("localhost:", 0) == 0;
    };
    if (!o.metricsListen.empty() && !loopback(o.metricsListen) && o.metricsClientCa.empty())
        return "--metrics-listen beyond loopback needs --metrics-client-ca (TLS with the "
               "operators' client certificates), got " +
               o.metricsListen;
    if (!o.metricsClientCa.empty() && o.insecurePlaintext)
        return "--metrics-client-ca serves with the --tls-cert certificate: not with "
               "--insecure-plaintext-for-development";
    // Without TLS anyone who can connect may claim any identity: never beyond this machine.
    if (o.insecurePlaintext && !loopback(o.listen)) {
        return "--insecure-plaintext-for-development listens on loopback only (127.0.0.1:PORT), "
               "got " +
               o.listen;
    }
    if (!o.staffListen.empty() && o.staffListen.find(':') == std::string::npos)
        return "--staff-listen wants HOST:PORT, got " + o.staffListen;
    if (o.insecurePlaintext && !o.staffListen.empty() && !loopback(o.staffListen)) {
        return "--insecure-plaintext-for-development listens on loopback only, got "
               "--staff-listen " +
               o.staffListen;
    }
    if (o.terminalCaCertificate.empty() != o.terminalCaKey.empty())
        return "--terminal-ca-cert and --terminal-ca-key go together";
    if (!o.verifyListen.empty() && (o.verifyCertificate.empty() || o.verifyPrivateKey.empty()))
        return "--verify-listen needs the page's own certificate: --verify-cert and --verify-key";
    if (!o.verifyListen.empty() && o.verifyListen.find(':') == std::string::npos)
        return "--verify-listen wants HOST:PORT, got " + o.verifyListen;
    if (!o.verifyUrl.empty() && o.verifyUrl.rfind("https://", 0) != 0)
        return "--verify-url must be an https:// address, got " + o.verifyUrl;
    return std::nullopt;
}

}  // namespace

ParseResult parseOptions(const std::vector<std::string>& givenArgs) {
    ParseResult r;
    std::vector<std::string> args;
    if (auto error = expandConfig(givenArgs, args)) {
        r.error = *error;
        return r;
    }
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            r.helpRequested = true;
            return r;
        }
        if (a == "--insecure-plaintext-for-development") {
            o.insecurePlaintext = true;
            continue;
        }
        const auto flag = valueFlags().find(a);
        if (flag == valueFlags().end()) {
            r.error = "unknown argument: " + a;
            return r;
        }
        if (i + 1 >= args.size()) {
            r.error = a + " needs a value";
            return r;
        }
        if (auto error = flag->second(o, a, args[++i])) {
            r.error = *error;
            return r;
        }
    }
    if (auto error = checkCombination(o)) {
        r.error = *error;
        return r;
    }
    r.options = std::move(o);
    return r;
}

}  // namespace renshe::services::backoffice
