// The back office gRPC server: mutual TLS, health, reflection, and the renshe.v1 services.
#pragma once

#include <memory>

#include "services/backoffice/server/options.hpp"

namespace renshe::services::backoffice {

class Server {
public:
    explicit Server(Options options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds, starts serving, writes the port file. Throws std::runtime_error with the reason
    // (unreadable certificate, address in use) when it cannot.
    int start();

    // Blocks until shutdown() has completed.
    void wait();

    // Stops accepting calls, lets running ones finish for up to the grace period, then
    // cancels the rest. Safe to call from any thread, once or more.
    void shutdown();
    // Whether the process can still do its work: one read of the database answers. Blocks
    // while the database does (the watchdog's question: a hang is what it is there for).
    bool alive();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace renshe::services::backoffice
