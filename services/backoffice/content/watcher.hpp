// A WatchContent stream's reactor (watch.hpp has the hub that feeds it). Internal to the
// content service.
#pragma once

#include <grpcpp/support/server_callback.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "renshe/v1/content.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"

namespace renshe::services::backoffice::content {

class ContentHub;

// `s` escaped for a JSON string.
std::string jsonText(const std::string& s);

// One stream. gRPC calls the On… reactions; the hub's poller calls offer(). At most one write
// is in flight; a newer update replaces one still waiting (every update is a full snapshot, so
// a slow display only ever gets the latest).
//
// A stream is admitted (ContentHub::settle) either on gRPC's thread, before watch() returns it,
// or — when that would wait for storage — on a thread of the hub's admission pool while gRPC
// already holds it. Until that thread is done with the call's context and request, nothing may
// finish the stream: end() and OnWriteDone leave the Finish to admitted() or refuse().
class Watcher final : public grpc::ServerWriteReactor<renshe::v1::ContentUpdate>,
                      public std::enable_shared_from_this<Watcher> {
public:
    Watcher(ContentHub& hub, grpc::CallbackServerContext* context, std::int64_t resumeAfter,
            std::chrono::steady_clock::time_point since)
        : m_hub(hub), m_context(context), m_resumeAfter(resumeAfter), m_since(since) {}

    // Keeps itself alive until OnDone.
    void adopt(std::shared_ptr<Watcher> self) { m_self = std::move(self); }
    // Before the hub holds it (ContentHub::settle); read-only from then on.
    void admitAs(Caller caller) { m_caller = std::move(caller); }
    const Caller& caller() const { return m_caller; }
    // Before watch() returns it to gRPC: its admission goes on on another thread.
    void admitLater();
    // The admission is done and the hub holds the stream: a stream ended meanwhile finishes now.
    void admitted();
    // Refused at the door (logged and counted there): ends without writing anything, and
    // without a stream_end line. A client that left meanwhile gets CANCELLED instead.
    void refuse(const grpc::Status& status, const std::string& refusal,
                const std::string& retryAfter);
    std::int64_t resumeAfter() const { return m_resumeAfter; }

    // False once the stream is finishing.
    bool offer(std::shared_ptr<const renshe::v1::ContentUpdate> update);

    // Ends the stream with `status` (and the refusal reason `refusal`, if any, in the trailing
    // metadata as every refusal carries it).
    void end(const grpc::Status& status, const char* refusal = nullptr);

    void OnWriteDone(bool ok) override;

    void OnCancel() override { end(grpc::Status(grpc::StatusCode::CANCELLED, "client left")); }

    void OnDone() override;

    // Poller thread only.
    bool started = false;
    std::size_t sentHash = 0;
    std::int64_t sentRevision = 0;
    std::chrono::steady_clock::time_point sentAt{};

private:
    ContentHub& m_hub;
    grpc::CallbackServerContext* const m_context;  // valid until OnDone
    Caller m_caller;                               // set once, before the hub holds the stream
    const std::int64_t m_resumeAfter;
    const std::chrono::steady_clock::time_point m_since;
    std::shared_ptr<Watcher> m_self;  // released in OnDone

    std::mutex m_mutex;
    std::shared_ptr<const renshe::v1::ContentUpdate> m_inFlight;
    std::shared_ptr<const renshe::v1::ContentUpdate> m_pending;
    bool m_finishing = false;
    bool m_admitting = false;         // its admission runs on another thread
    bool m_refusedAtTheDoor = false;  // read by OnDone, after Finish
    grpc::Status m_status = grpc::Status(grpc::StatusCode::CANCELLED, "client left");
    int m_writes = 0;
};

}  // namespace renshe::services::backoffice::content
