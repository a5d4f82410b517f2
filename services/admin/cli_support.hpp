// What the renshe-admin commands share: argument picking, the staff connection, retries of
// transient failures with the same request, and how a refusal is reported.
#pragma once

#include <google/protobuf/timestamp.pb.h>
#include <grpcpp/grpcpp.h>

#include <cstdlib>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "drivers/util/clock.hpp"
#include "renshe/v1/common.pb.h"
#include "services/client/call.hpp"
#include "services/client/client.hpp"

namespace renshe::services::admin::cli {

class Args {
public:
    explicit Args(std::vector<std::string> a) : m_args(std::move(a)) {}
    // Removes and returns the value of `--name VALUE`.
    std::optional<std::string> take(const std::string& name) {
        for (std::size_t i = 0; i + 1 < m_args.size(); ++i) {
            if (m_args[i] == name) {
                std::string v = m_args[i + 1];
                m_args.erase(m_args.begin() + static_cast<long>(i),
                             m_args.begin() + static_cast<long>(i) + 2);
                return v;
            }
        }
        return std::nullopt;
    }
    bool flag(const std::string& name) {
        for (std::size_t i = 0; i < m_args.size(); ++i) {
            if (m_args[i] == name) {
                m_args.erase(m_args.begin() + static_cast<long>(i));
                return true;
            }
        }
        return false;
    }
    std::vector<std::string>& rest() { return m_args; }

private:
    std::vector<std::string> m_args;
};

// A server time as staff read it: China Standard Time, "2026-11-23 10:42:07 CST".
inline std::string timeText(const google::protobuf::Timestamp& ts) {
    return util::chinaDateTime(ts.seconds()) + " CST";
}

// An import's refused lines, one `file:line: field: reason` each on stderr.
inline void printImportErrors(const std::string& file,
                              const google::protobuf::RepeatedPtrField<v1::ImportError>& errors) {
    for (const auto& e : errors)
        std::cerr << file << ":" << e.line() << ": " << (e.field().empty() ? "" : e.field() + ": ")
                  << e.reason() << "\n";
}

inline std::string fromEnvOr(std::optional<std::string> v, const char* env) {
    if (v)
        return *v;
    const char* e = std::getenv(env);
    return e ? e : "";
}

// Runs `fn` (one RPC) with a fresh context, retrying a transient failure with the same request.
template <typename Fn>
client::CallResult withRetries(Fn fn) {
    client::CallResult r;
    for (int attempt = 0; attempt < 4; ++attempt) {
        grpc::ClientContext ctx;
        client::setDeadline(ctx, std::chrono::seconds(60));
        const grpc::Status s = fn(ctx);
        r = client::resultOf(s, ctx);
        if (!r.transient())
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(500 * (attempt + 1)));
    }
    return r;
}

inline int report(const client::CallResult& r) {
    if (r.ok())
        return 0;
    std::cerr << "renshe-admin: refused: " << renshe::v1::RefusalReason_Name(r.refusal) << " ("
              << r.message << ")";
    if (r.retryAfterSeconds > 0)
        std::cerr << "; retry after " << r.retryAfterSeconds << " s";
    std::cerr << "\n";
    // gRPC's own refusal of a message over the port's limit (no refusal reason of ours).
    if (r.code == grpc::StatusCode::RESOURCE_EXHAUSTED &&
        r.refusal == renshe::v1::REFUSAL_REASON_UNSPECIFIED) {
        std::cerr << "renshe-admin: the back office's terminal port reads at most 64 KiB a "
                     "message; imports and uploads go to its staff port (renshe-backoffice "
                     "--staff-listen): give that address as --server\n";
    }
    return 1;
}

// Where the back office is and the staff certificate: --server/--ca/--cert/--key, or
// RENSHE_SERVER, RENSHE_CA, RENSHE_CERT, RENSHE_KEY in the environment.
struct Connection {
    std::string server, ca, cert, key;

    bool complete() const {
        return !server.empty() && !ca.empty() && !cert.empty() && !key.empty();
    }
    // Prints what is missing for `command` and returns false when incomplete.
    bool check(const std::string& command) const {
        if (complete())
            return true;
        std::cerr << "renshe-admin: " << command
                  << " needs --server, --ca, --cert and --key (or RENSHE_SERVER, RENSHE_CA, "
                     "RENSHE_CERT, RENSHE_KEY)\n";
        return false;
    }
    std::shared_ptr<grpc::Channel> channel() const {
        return client::makeChannel(client::Endpoint::fromFiles(server, ca, cert, key));
    }
};

inline Connection takeConnection(Args& args) {
    return {fromEnvOr(args.take("--server"), "RENSHE_SERVER"),
            fromEnvOr(args.take("--ca"), "RENSHE_CA"),
            fromEnvOr(args.take("--cert"), "RENSHE_CERT"),
            fromEnvOr(args.take("--key"), "RENSHE_KEY")};
}

}  // namespace renshe::services::admin::cli
