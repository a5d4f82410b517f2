#include "services/backoffice/content/watcher.hpp"

#include <cstdio>
#include <sstream>

#include "services/backoffice/content/watch.hpp"

namespace renshe::services::backoffice::content {

using renshe::v1::ContentUpdate;
using Clock = std::chrono::steady_clock;

std::string jsonText(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x",
                          static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += buf;
        } else {
            out += c;
        }
    }
    return out;
}

void Watcher::admitLater() {
    std::lock_guard lock(m_mutex);
    m_admitting = true;
}

void Watcher::admitted() {
    {
        std::lock_guard lock(m_mutex);
        if (!m_admitting)
            return;  // admitted on gRPC's thread: nothing was held back
        m_admitting = false;
        if (!m_finishing || m_inFlight)
            return;
    }
    Finish(m_status);
}

void Watcher::refuse(const grpc::Status& status, const std::string& refusal,
                     const std::string& retryAfter) {
    {
        std::lock_guard lock(m_mutex);
        const bool held = m_admitting;
        m_admitting = false;
        m_refusedAtTheDoor = true;
        if (m_finishing && !held)
            return;  // the client left and end() finished it
        if (!m_finishing) {
            if (!refusal.empty())
                m_context->AddTrailingMetadata("renshe-refusal", refusal);
            if (!retryAfter.empty())
                m_context->AddTrailingMetadata("renshe-retry-after", retryAfter);
            m_finishing = true;
            m_status = status;
        }
        m_pending.reset();
        if (m_inFlight)
            return;  // the hub had taken it before its admission failed: OnWriteDone finishes
    }
    Finish(m_status);
}

bool Watcher::offer(std::shared_ptr<const ContentUpdate> update) {
    const ContentUpdate* message = update.get();
    {
        std::lock_guard lock(m_mutex);
        if (m_finishing)
            return false;
        if (m_inFlight) {
            m_pending = std::move(update);
            return true;
        }
        m_inFlight = std::move(update);  // kept until OnWriteDone
        ++m_writes;
    }
    StartWrite(message);
    return true;
}

void Watcher::end(const grpc::Status& status, const char* refusal) {
    {
        std::lock_guard lock(m_mutex);
        if (m_finishing)
            return;
        if (refusal)  // before Finish, which OnWriteDone may call once m_finishing is set
            m_context->AddTrailingMetadata("renshe-refusal", refusal);
        m_finishing = true;
        m_status = status;
        m_pending.reset();
        if (m_inFlight || m_admitting)
            return;  // OnWriteDone, or the admission, finishes
    }
    Finish(status);
}

void Watcher::OnWriteDone(bool ok) {
    std::shared_ptr<const ContentUpdate> next;
    bool finish = false;
    {
        std::lock_guard lock(m_mutex);
        m_inFlight.reset();
        if (!ok && !m_finishing) {
            m_finishing = true;
            m_status = grpc::Status(grpc::StatusCode::CANCELLED, "stream closed by the client");
            m_pending.reset();
        }
        if (m_finishing) {
            finish = !m_admitting;  // else admitted() finishes
        } else if (m_pending) {
            m_inFlight = std::move(m_pending);
            next = m_inFlight;
            ++m_writes;
        }
    }
    if (finish) {
        Finish(m_status);
    } else if (next) {
        StartWrite(next.get());
    }
}

void Watcher::OnDone() {
    if (m_refusedAtTheDoor) {
        m_hub.remove(this);  // held only if its admission failed after the hub took it
        const std::shared_ptr<Watcher> self = std::move(m_self);  // may delete this on return
        return;
    }
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - m_since);
    m_hub.runner().metrics().count("content.watch", m_status.error_code(), took);
    std::ostringstream line;
    line << "{\"ts\":" << m_hub.runner().clock().nowMicros() / 1000
         << ",\"level\":\"info\",\"event\":\"stream_end\",\"method\":\"content.watch\","
         << "\"caller\":\"" << jsonText(m_caller.key())
         << "\",\"code\":" << static_cast<int>(m_status.error_code())
         << ",\"messages\":" << m_writes << ",\"seconds\":" << took.count() / 1'000'000 << "}";
    m_hub.runner().log(line.str());
    m_hub.remove(this);
    const std::shared_ptr<Watcher> self = std::move(m_self);  // may delete this on return
}

}  // namespace renshe::services::backoffice::content
