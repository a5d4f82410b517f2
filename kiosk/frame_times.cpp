#include "kiosk/frame_times.hpp"

#include <algorithm>
#include <cstdio>

namespace renshe::kiosk {

void FrameTimes::openWindow(std::chrono::nanoseconds length, Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    m_windowEnds = now + length;
    m_last.reset();
}

void FrameTimes::framePresented(Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    if (now > m_windowEnds) {
        m_last.reset();
        return;
    }
    if (m_last && m_ms.size() < m_maxSamples) {
        m_ms.push_back(std::chrono::duration<double, std::milli>(now - *m_last).count());
    }
    m_last = now;
}

std::string FrameTimes::reportJson() const {
    std::vector<double> sorted;
    {
        std::lock_guard lock(m_mutex);
        sorted = m_ms;
    }
    if (sorted.empty())
        return {};
    std::sort(sorted.begin(), sorted.end());
    const double p50 = sorted[sorted.size() / 2];
    const double p99 = sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
    char out[96];
    std::snprintf(out, sizeof out, "{\"frames\":%zu,\"p50\":%.2f,\"p99\":%.2f}", sorted.size(), p50,
                  p99);
    return out;
}

}  // namespace renshe::kiosk
