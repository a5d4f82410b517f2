// drivers/printer against a private CUPS scheduler with cups-pdf queues: a queue's state as
// the kiosk words it (ready, stopped, not accepting, absent), a PDF job submitted and printed
// (the PDF comes out of the queue), and how CUPS' state reasons are read.
#include <gtest/gtest.h>

#include <fstream>

#include "drivers/printer/cups_queue.hpp"
#include "tests/fixtures/cups.hpp"
#include "tests/fixtures/process.hpp"

namespace {

using namespace renshe::drivers::printer;
using renshe::testing::PrivateCups;

const std::filesystem::path kTestPage = "/usr/share/cups/data/default-testpage.pdf";

TEST(CupsQueue, AReadyQueuePrintsAPdfAndSaysWhenItIsDone) {
    PrivateCups cups({"a4"});
    const auto status = queueStatus("a4");
    EXPECT_EQ(status.state, QueueState::Ready) << status.reasons;

    const auto job = submitPdf("a4", kTestPage, "renshe test page", "A4");
    ASSERT_GT(job.jobId, 0) << job.error;
    JobState state = JobState::Unknown;
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] { return (state = jobState("a4", job.jobId)) == JobState::Done; },
        std::chrono::seconds(30)))
        << static_cast<int>(state);
    const auto printed = cups.waitForPrinted(1);
    ASSERT_EQ(printed.size(), 1U);
    std::ifstream pdf(printed[0], std::ios::binary);
    std::string head(5, '\0');
    pdf.read(head.data(), 5);
    EXPECT_EQ(head, "%PDF-");
}

TEST(CupsQueue, AStoppedOrRejectingQueueIsOfflineAndAnUnknownOneAbsent) {
    PrivateCups cups({"a4"});
    cups.disable("a4");
    EXPECT_EQ(queueStatus("a4").state, QueueState::Offline);
    cups.enable("a4");
    EXPECT_EQ(queueStatus("a4").state, QueueState::Ready);
    cups.reject("a4");
    EXPECT_EQ(queueStatus("a4").state, QueueState::Offline);
    EXPECT_EQ(submitPdf("a4", kTestPage, "refused").jobId, 0);
    cups.accept("a4");
    EXPECT_EQ(queueStatus("a4").state, QueueState::Ready);
    EXPECT_EQ(queueStatus("no-such-queue").state, QueueState::Absent);
    const auto refused = submitPdf("no-such-queue", kTestPage, "nowhere");
    EXPECT_EQ(refused.jobId, 0);
    EXPECT_FALSE(refused.error.empty());
}

TEST(CupsQueue, NoSchedulerMeansAbsent) {
    ::setenv("CUPS_SERVER", "/nonexistent/cups.sock", 1);
    EXPECT_EQ(queueStatus("a4").state, QueueState::Absent);
    ::unsetenv("CUPS_SERVER");
}

// What a real printer's backend reports (cupsd keeps it in printer-state-reasons).
TEST(CupsQueue, StateReasonsAreReadAsAKioskNeedsThem) {
    EXPECT_EQ(classify(3, "none", true), QueueState::Ready);
    EXPECT_EQ(classify(4, "none", true), QueueState::Ready);  // printing another job
    EXPECT_EQ(classify(3, "media-empty-error", true), QueueState::PaperOut);
    EXPECT_EQ(classify(5, "media-needed-warning,paused", true), QueueState::PaperOut);
    EXPECT_EQ(classify(3, "media-jam-error", true), QueueState::PaperJam);
    EXPECT_EQ(classify(5, "paused", true), QueueState::Offline);
    EXPECT_EQ(classify(3, "offline-report", true), QueueState::Offline);
    EXPECT_EQ(classify(3, "none", false), QueueState::Offline);
    EXPECT_EQ(classify(3, "door-open-error", true), QueueState::Error);
    EXPECT_EQ(classify(3, "toner-low-warning,cups-missing-filter-warning", true),
              QueueState::Ready);
}

}  // namespace
