// Latency histograms as /metrics renders them, read back by the tests' own parser of the
// Prometheus text format: cumulative buckets, +Inf, sum and count, escaped label values, and
// the quantile estimated as histogram_quantile() does.
#include "drivers/util/histogram.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/fixtures/prometheus_text.hpp"

using namespace std::chrono_literals;
using renshe::testing::bucketQuantile;
using renshe::testing::histogramBuckets;
using renshe::testing::parseMetrics;
using renshe::util::LatencyHistogram;

TEST(LatencyHistogram, RendersCumulativeBucketsSumAndCount) {
    LatencyHistogram h;
    h.observe(300us);  // ≤ 0.5 ms
    h.observe(500us);  // exactly on a bound: that bucket
    h.observe(7ms);    // ≤ 10 ms
    h.observe(30s);    // beyond every bound: +Inf only
    std::string text;
    renshe::util::renderHistogram(text, "x_seconds", "method=\"a\"", h.snapshot());
    const auto samples = parseMetrics(text);
    const auto b = histogramBuckets(samples, "x_seconds", {{"method", "a"}});
    ASSERT_EQ(b.size(), LatencyHistogram::kBuckets);
    EXPECT_EQ(b.at(0.0005), 2);
    EXPECT_EQ(b.at(0.005), 2);
    EXPECT_EQ(b.at(0.01), 3);
    EXPECT_EQ(b.at(10), 3);
    EXPECT_EQ(b.at(INFINITY), 4);
    const auto* count = renshe::testing::findMetric(samples, "x_seconds_count");
    const auto* sum = renshe::testing::findMetric(samples, "x_seconds_sum", {{"method", "a"}});
    ASSERT_NE(count, nullptr);
    ASSERT_NE(sum, nullptr);
    EXPECT_EQ(count->value, 4);
    EXPECT_NEAR(sum->value, 30.0078, 1e-6);
}

TEST(LatencyHistogram, QuantilesAreInterpolatedWithinTheirBucket) {
    LatencyHistogram h;
    for (int i = 0; i < 90; ++i)
        h.observe(2ms);  // (1, 2.5] ms
    for (int i = 0; i < 10; ++i)
        h.observe(40ms);  // (25, 50] ms
    std::string text;
    renshe::util::renderHistogram(text, "y", "", h.snapshot());
    const auto b = histogramBuckets(parseMetrics(text), "y");
    EXPECT_NEAR(bucketQuantile(0.5, b), 0.001 + 0.0015 * (50.0 / 90.0), 1e-9);
    EXPECT_NEAR(bucketQuantile(0.95, b), 0.025 + 0.025 * 0.5, 1e-9);
    EXPECT_TRUE(std::isnan(bucketQuantile(0.5, {})));
}

TEST(LatencyHistogram, LabelValuesAreEscaped) {
    EXPECT_EQ(renshe::util::escapeLabelValue("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    const auto samples = parseMetrics("m{k=\"a\\\"b\\\\c\\nd\"} 1\n");
    ASSERT_EQ(samples.size(), 1u);
    EXPECT_EQ(samples[0].labels.at("k"), "a\"b\\c\nd");
    EXPECT_THROW(parseMetrics("m{k=\"open} 1\n"), std::runtime_error);
}
