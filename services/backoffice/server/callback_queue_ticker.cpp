#include "services/backoffice/server/callback_queue_ticker.hpp"

#include <grpcpp/grpcpp.h>

#include <memory>

#include "grpc/health/v1/health.grpc.pb.h"

namespace renshe::services::backoffice {

CallbackQueueTicker::CallbackQueueTicker(std::shared_ptr<grpc::Channel> inProcess,
                                         std::chrono::milliseconds period)
    : m_channel(std::move(inProcess)), m_period(period) {
    m_thread = std::thread([this] { run(); });
}

CallbackQueueTicker::~CallbackQueueTicker() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void CallbackQueueTicker::run() {
    auto health = grpc::health::v1::Health::NewStub(m_channel);
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        // A health check through the callback API: its completion is an event on the
        // callback queue (and the server's health service answers on it too).
        grpc::ClientContext ctx;
        grpc::health::v1::HealthCheckRequest req;
        grpc::health::v1::HealthCheckResponse resp;
        bool done = false;
        health->async()->Check(&ctx, &req, &resp, [&](const grpc::Status&) {
            std::lock_guard inner(m_mutex);
            done = true;
            m_wake.notify_all();
        });
        m_wake.wait(lock, [&] { return done; });
        m_wake.wait_for(lock, m_period, [&] { return m_stopping; });
    }
}

}  // namespace renshe::services::backoffice
