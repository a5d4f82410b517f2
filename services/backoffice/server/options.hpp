#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice {

struct Options {
    std::string listen = "127.0.0.1:50051";  // host:port; port 0 picks a free one
    std::filesystem::path tlsCertificate;    // server certificate (PEM)
    std::filesystem::path tlsPrivateKey;     // its key (PEM)
    std::filesystem::path clientCa;          // CA that signs terminal and staff certificates
    std::filesystem::path portFile;          // written with the bound port once serving
    // The staff port: staff certificates only (a terminal is UNAUTHENTICATED before its
    // message is read), messages up to kStaffPortMaxMessageBytes for imports and uploads.
    // The terminal port (--listen) reads at most kTerminalPortMaxMessageBytes per message,
    // whoever calls. "" = no staff port: staff calls then fit the terminal port's limit.
    std::string staffListen;
    std::filesystem::path staffPortFile;  // written with the bound staff port once serving
    bool insecurePlaintext = false;       // development only; warns loudly
    std::string database = "sqlite:renshe-backoffice.db";  // sqlite:PATH or a PostgreSQL URI
    // A PostgreSQL hot standby for reads that may be a little stale (job search, guides,
    // records, media); "" = none. They go to it while it is at most replicaMaxLagSeconds behind
    // the primary (measured from the primary's WAL position).
    std::string databaseReplica;
    int replicaMaxLagSeconds = 5;
    std::filesystem::path keystore;  // master keys, outside the database (required)
    std::string metricsListen;       // host:port for Prometheus text; "" = off
    // The operators' CA: metrics then served over TLS (the --tls-cert certificate) to clients
    // with a certificate of it only. Required for a --metrics-listen beyond loopback.
    std::filesystem::path metricsClientCa;
    std::filesystem::path metricsPortFile;  // written with the bound metrics port
    int sweepSeconds = 60;                  // how often due temporary losses are lifted
    // A terminal-port connection with no call in flight for this long is closed (the terminal
    // reconnects on its next call): what frees the connection of a terminal that lost power or
    // its network without closing it. Well above the heartbeat interval.
    int idleConnectionSeconds = 900;
    // The CA that signs enrolled terminals' certificates (EnrollTerminal); unset = this back
    // office does not enrol. Usually the province's terminal-issuing CA, the one --client-ca
    // trusts.
    std::filesystem::path terminalCaCertificate, terminalCaKey;
    int terminalCertificateDays = 90;  // terminals renew with a third of it left
    // Test builds only (--test-clock-file): real time plus the offset a test moves forward.
    std::filesystem::path testClockFile;
    // Where the signed audit checkpoint is written (every sweep round and at shutdown); empty
    // = none. Keep it off the database's disk, ideally on write-once or remote storage.
    std::filesystem::path auditCheckpoint;
    // The statement verification page (server/verify_page.hpp): HTTPS with its own
    // certificate, no client certificate asked; "" = off. Not limited to loopback: citizens'
    // employers and banks open it.
    std::string verifyListen;
    std::filesystem::path verifyCertificate, verifyPrivateKey;
    std::filesystem::path verifyPortFile;  // written with the bound port
    // The page's public address that statements' QR codes carry; "" = https://LISTEN/verify.
    std::string verifyUrl;
    Policy::Limit verifyLimit{30, 60};  // page requests per client address
    Policy policy;
};

struct ParseResult {
    std::optional<Options> options;  // set when the command line is usable
    std::string error;               // why not, when it is not
    bool helpRequested = false;
};

// Flags, optionally with `--config FILE` whose `name = value` lines (names as the flags,
// without the dashes) come first so flags given on the command line win.
ParseResult parseOptions(const std::vector<std::string>& args);

std::string usage();

}  // namespace renshe::services::backoffice
