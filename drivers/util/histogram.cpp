#include "drivers/util/histogram.hpp"

#include <cstdio>

namespace renshe::util {

void LatencyHistogram::observe(std::chrono::nanoseconds took) noexcept {
    const double seconds = std::chrono::duration<double>(took).count();
    std::size_t i = 0;
    while (i < kBounds.size() && seconds > kBounds[i])
        ++i;
    m_counts[i].fetch_add(1, std::memory_order_relaxed);
    m_sumNanos.fetch_add(static_cast<std::uint64_t>(took.count() > 0 ? took.count() : 0),
                         std::memory_order_relaxed);
}

LatencyHistogram::Snapshot LatencyHistogram::snapshot() const noexcept {
    Snapshot s;
    for (std::size_t i = 0; i < kBuckets; ++i) {
        s.counts[i] = m_counts[i].load(std::memory_order_relaxed);
        s.count += s.counts[i];
    }
    s.sumSeconds = static_cast<double>(m_sumNanos.load(std::memory_order_relaxed)) / 1e9;
    return s;
}

namespace {

void appendNumber(std::string& out, double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    out += buf;
}

}  // namespace

void renderHistogram(std::string& out, std::string_view name, std::string_view labels,
                     const LatencyHistogram::Snapshot& s) {
    const std::string sep = labels.empty() ? "" : ",";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < LatencyHistogram::kBuckets; ++i) {
        cumulative += s.counts[i];
        out.append(name).append("_bucket{").append(labels).append(sep).append("le=\"");
        if (i < LatencyHistogram::kBounds.size())
            appendNumber(out, LatencyHistogram::kBounds[i]);
        else
            out += "+Inf";
        out.append("\"} ").append(std::to_string(cumulative)).append("\n");
    }
    const std::string braces = labels.empty() ? "" : "{" + std::string(labels) + "}";
    out.append(name).append("_sum").append(braces).append(" ");
    appendNumber(out, s.sumSeconds);
    out.append("\n").append(name).append("_count").append(braces).append(" ");
    out.append(std::to_string(s.count)).append("\n");
}

std::string escapeLabelValue(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace renshe::util
