#include "services/backoffice/options.hpp"

namespace renshe::services::backoffice {

std::string usage() {
    return "usage: renshe-backoffice --tls-cert FILE --tls-key FILE --client-ca FILE\n"
           "                         [--listen HOST:PORT] [--port-file FILE]\n"
           "       renshe-backoffice --insecure-plaintext-for-development [--listen HOST:PORT]\n"
           "\n"
           "  --listen HOST:PORT    address to serve on (default 127.0.0.1:50051; port 0 = any free)\n"
           "  --tls-cert FILE       server certificate, PEM\n"
           "  --tls-key FILE        server private key, PEM\n"
           "  --client-ca FILE      CA whose terminal and staff certificates are accepted\n"
           "  --port-file FILE      write the bound port here once serving\n"
           "  --insecure-plaintext-for-development\n"
           "                        serve without TLS; never on a real network\n";
}

ParseResult parseOptions(const std::vector<std::string>& args) {
    Options o;
    ParseResult r;
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
        if (a == "-h" || a == "--help") {
            r.helpRequested = true;
            return r;
        } else if (a == "--listen") {
            if (!value(o.listen)) return r;
        } else if (a == "--tls-cert") {
            if (!value(v)) return r;
            o.tlsCertificate = v;
        } else if (a == "--tls-key") {
            if (!value(v)) return r;
            o.tlsPrivateKey = v;
        } else if (a == "--client-ca") {
            if (!value(v)) return r;
            o.clientCa = v;
        } else if (a == "--port-file") {
            if (!value(v)) return r;
            o.portFile = v;
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
    if (o.listen.find(':') == std::string::npos) {
        r.error = "--listen wants HOST:PORT, got " + o.listen;
        return r;
    }
    r.options = std::move(o);
    return r;
}

}  // namespace renshe::services::backoffice
