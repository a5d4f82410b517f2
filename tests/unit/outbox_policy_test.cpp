// What the kiosk's outbox does with each answer (kiosk/outbox_policy.hpp): only a delivered
// entry goes; rate limits wait as long as the back office says; final refusals stay for staff.
#include "kiosk/outbox_policy.hpp"

#include <gtest/gtest.h>

namespace {

using renshe::kiosk::outbox_policy::decide;
using renshe::kiosk::outbox_policy::expired;
using renshe::kiosk::outbox_policy::kDefaultRetryAfterSeconds;
using renshe::kiosk::outbox_policy::kMaxAgeSeconds;
using renshe::kiosk::outbox_policy::kMaxRetryAfterSeconds;
using renshe::kiosk::outbox_policy::kUnauthenticatedRetrySeconds;
using renshe::kiosk::outbox_policy::Verdict;
using renshe::services::client::CallResult;

CallResult answer(grpc::StatusCode code,
                  renshe::v1::RefusalReason refusal = renshe::v1::REFUSAL_REASON_UNSPECIFIED,
                  int retryAfter = 0) {
    CallResult r;
    r.code = code;
    r.refusal = refusal;
    r.retryAfterSeconds = retryAfter;
    return r;
}

constexpr std::int64_t kNow = 1'800'000'000;

TEST(OutboxPolicy, OnlyAnAnswerOfDoneDeletes) {
    EXPECT_EQ(decide(answer(grpc::StatusCode::OK), kNow).verdict, Verdict::Delivered);
    EXPECT_EQ(decide(answer(grpc::StatusCode::UNAVAILABLE), kNow).verdict, Verdict::Away);
    EXPECT_EQ(decide(answer(grpc::StatusCode::DEADLINE_EXCEEDED), kNow).verdict, Verdict::Away);
    for (const auto code :
         {grpc::StatusCode::INVALID_ARGUMENT, grpc::StatusCode::NOT_FOUND,
          grpc::StatusCode::FAILED_PRECONDITION, grpc::StatusCode::PERMISSION_DENIED,
          grpc::StatusCode::INTERNAL, grpc::StatusCode::UNKNOWN}) {
        EXPECT_EQ(decide(answer(code), kNow).verdict, Verdict::NeedsStaff)
            << static_cast<int>(code);
    }
}

TEST(OutboxPolicy, RateLimitedWaitsWhatTheBackOfficeSays) {
    auto d = decide(
        answer(grpc::StatusCode::RESOURCE_EXHAUSTED, renshe::v1::REFUSAL_REASON_RATE_LIMITED, 900),
        kNow);
    EXPECT_EQ(d.verdict, Verdict::RetryLater);
    EXPECT_EQ(d.notBefore, kNow + 900);
    EXPECT_EQ(d.why, "REFUSAL_REASON_RATE_LIMITED");
    // No retry-after: a default; an absurd one: capped.
    d = decide(answer(grpc::StatusCode::RESOURCE_EXHAUSTED), kNow);
    EXPECT_EQ(d.notBefore, kNow + kDefaultRetryAfterSeconds);
    d = decide(answer(grpc::StatusCode::RESOURCE_EXHAUSTED, renshe::v1::REFUSAL_REASON_RATE_LIMITED,
                      1'000'000'000),
               kNow);
    EXPECT_EQ(d.notBefore, kNow + kMaxRetryAfterSeconds);
}

TEST(OutboxPolicy, AnUnrecognisedTerminalKeepsItsReportsAndTriesAgain) {
    const auto d = decide(
        answer(grpc::StatusCode::UNAUTHENTICATED, renshe::v1::REFUSAL_REASON_TERMINAL_REVOKED),
        kNow);
    EXPECT_EQ(d.verdict, Verdict::RetryLater);
    EXPECT_EQ(d.notBefore, kNow + kUnauthenticatedRetrySeconds);
    EXPECT_EQ(d.why, "REFUSAL_REASON_TERMINAL_REVOKED");
}

TEST(OutboxPolicy, FinalRefusalSaysWhy) {
    EXPECT_EQ(decide(answer(grpc::StatusCode::FAILED_PRECONDITION,
                            renshe::v1::REFUSAL_REASON_WRONG_CARD_STATE),
                     kNow)
                  .why,
              "REFUSAL_REASON_WRONG_CARD_STATE");
    EXPECT_EQ(decide(answer(grpc::StatusCode::INTERNAL), kNow).why, "STATUS_13");
}

TEST(OutboxPolicy, EntriesExpireBeforeTheBackOfficeForgetsTheirIds) {
    EXPECT_FALSE(expired(kNow - kMaxAgeSeconds, kNow));
    EXPECT_TRUE(expired(kNow - kMaxAgeSeconds - 1, kNow));
    // The back office keeps request ids 31 days (Policy::requestRetentionSeconds).
    EXPECT_LT(kMaxAgeSeconds, 31 * 86400);
}

}  // namespace
