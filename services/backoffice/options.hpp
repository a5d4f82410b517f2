#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace renshe::services::backoffice {

struct Options {
    std::string listen = "127.0.0.1:50051";  // host:port; port 0 picks a free one
    std::filesystem::path tlsCertificate;    // server certificate (PEM)
    std::filesystem::path tlsPrivateKey;     // its key (PEM)
    std::filesystem::path clientCa;          // CA that signs terminal and staff certificates
    std::filesystem::path portFile;          // written with the bound port once serving
    bool insecurePlaintext = false;          // development only; warns loudly
};

struct ParseResult {
    std::optional<Options> options;  // set when the command line is usable
    std::string error;               // why not, when it is not
    bool helpRequested = false;
};

ParseResult parseOptions(const std::vector<std::string>& args);

std::string usage();

}  // namespace renshe::services::backoffice
