// Keeps gRPC's callback completion queue from idling into a stall.
//
// gRPC C++ 1.51 (Debian 12) serves callback-API methods — here WatchContent and the health
// service — from a queue drained by two "nexting" threads that, after a second without an
// event, sleep 100 ms before polling again (CallbackAlternativeCQ in src/cpp/common/
// completion_queue_cc.cc). When they are the process's pollers, the sockets go unpolled for
// those 100 ms and a unary call (our services use the synchronous API) waits before its
// handler runs. Measured with bench.jobs_search on a quiet back office: one call in every
// ~1.1 s reached its handler 90 ms late, 2% of calls, whatever the method (strace: the
// poller thread in a 100 ms clock_nanosleep after a 1 s epoll_wait; gdb: "nexting_thread").
// A health check through the callback API on an in-process channel every `period` keeps
// events flowing through that queue, so its threads never idle for a second.
#pragma once

#include <grpcpp/channel.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace renshe::services::backoffice {

class CallbackQueueTicker {
public:
    CallbackQueueTicker(std::shared_ptr<grpc::Channel> inProcess,
                        std::chrono::milliseconds period = std::chrono::milliseconds(100));
    // Stops ticking and waits for the last tick's callback.
    ~CallbackQueueTicker();
    CallbackQueueTicker(const CallbackQueueTicker&) = delete;
    CallbackQueueTicker& operator=(const CallbackQueueTicker&) = delete;

private:
    void run();
    std::shared_ptr<grpc::Channel> m_channel;
    const std::chrono::milliseconds m_period;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace renshe::services::backoffice
