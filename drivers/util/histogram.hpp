// Latency histograms for metrics: fixed buckets (seconds), lock-free to observe, rendered in
// the Prometheus text format (cumulative `_bucket{le=…}` lines, `_sum`, `_count`). One set of
// bounds for every latency the back office exports, so that dashboards and the benchmarks
// compare like with like.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace renshe::util {

class LatencyHistogram {
public:
    // Upper bounds in seconds; one more bucket (+Inf) follows.
    static constexpr std::array<double, 14> kBounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                    0.1,    0.25,  0.5,    1,     2.5,  5,     10};
    static constexpr std::size_t kBuckets = kBounds.size() + 1;

    struct Snapshot {
        std::array<std::uint64_t, kBuckets> counts{};  // per bucket, not cumulative
        std::uint64_t count = 0;
        double sumSeconds = 0;
    };

    void observe(std::chrono::nanoseconds took) noexcept;
    Snapshot snapshot() const noexcept;

private:
    std::array<std::atomic<std::uint64_t>, kBuckets> m_counts{};
    std::atomic<std::uint64_t> m_sumNanos{0};
};

// Appends `name_bucket{labels,le="…"} n` for every bucket, `name_sum{labels}` and
// `name_count{labels}`. `labels` is the inside of the braces (`method="x",code="OK"`), or "".
void renderHistogram(std::string& out, std::string_view name, std::string_view labels,
                     const LatencyHistogram::Snapshot& s);

// A label value with `\`, `"` and newlines escaped as the text format wants.
std::string escapeLabelValue(std::string_view value);

}  // namespace renshe::util
