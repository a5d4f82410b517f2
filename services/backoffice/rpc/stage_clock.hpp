// The stages of one call, for the metrics (Metrics::stage): mutations' (mutation_call.cpp) and
// reads' (mutation_runner.cpp).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "services/backoffice/rpc/metrics.hpp"

namespace renshe::services::backoffice {

// The stages of one call for the metrics: authorise (from the start to `authorised`, or to
// this clock's creation), storage wait (from this clock's creation, just before the store
// call, to the body's first run), work (the body's last run), commit (to the store's
// return; in a group, the writes after this one too). A body run again (a PostgreSQL retry)
// counts its last run as the work.
class StageClock {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    StageClock(Metrics& metrics, const std::string& method, TimePoint started,
               std::optional<TimePoint> authorised = std::nullopt)
        : m_metrics(metrics), m_method(method), m_asked(Now()) {
        m_metrics.stage(m_method, Metrics::Stage::Authorise,
                        authorised.value_or(m_asked) - started);
    }
    void bodyStarts() {
        const auto now = Now();
        if (!m_waited) {
            m_metrics.stage(m_method, Metrics::Stage::StorageWait, now - m_asked);
            m_waited = true;
        }
        m_bodyStarted = now;
    }
    void bodyEnds() { m_bodyEnded = Now(); }
    void committed() {
        if (!m_waited)
            return;
        m_metrics.stage(m_method, Metrics::Stage::Work, m_bodyEnded - m_bodyStarted);
        m_metrics.stage(m_method, Metrics::Stage::Commit, Now() - m_bodyEnded);
    }

private:
    static TimePoint Now() { return std::chrono::steady_clock::now(); }
    Metrics& m_metrics;
    const std::string& m_method;
    TimePoint m_asked, m_bodyStarted, m_bodyEnded;
    bool m_waited = false;
};

}  // namespace renshe::services::backoffice
