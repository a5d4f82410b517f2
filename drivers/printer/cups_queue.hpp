// A CUPS print queue (libcups; the scheduler is the one CUPS_SERVER or the system names):
// what state it is in, in the words a kiosk needs (ready, paper out, jammed, offline), PDF
// jobs submitted to it and how they are getting on. Calls block for at most a few seconds
// (the scheduler is local); run them off the UI thread.
#pragma once

#include <filesystem>
#include <string>

namespace renshe::drivers::printer {

enum class QueueState {
    Ready,     // accepting jobs, not stopped, no error reason
    PaperOut,  // media-empty / media-needed
    PaperJam,  // media-jam
    Offline,   // stopped (cupsdisable), not accepting jobs, or the device is unreachable
    Error,     // another error reason from the printer
    Absent,    // no such queue (or no scheduler answering)
};

struct QueueStatus {
    QueueState state = QueueState::Absent;
    std::string reasons;  // printer-state-reasons as CUPS gave them ("none", "media-empty-error")
};

// The state of `queue` ("" = the scheduler's default destination).
QueueStatus queueStatus(const std::string& queue);

// Classifies what CUPS says of a queue: printer-state (3 idle, 4 processing, 5 stopped),
// printer-state-reasons and printer-is-accepting-jobs.
QueueState classify(int printerState, const std::string& reasons, bool acceptingJobs);

struct Submitted {
    int jobId = 0;      // > 0 when the scheduler took the job
    std::string error;  // why not, otherwise
};

// Submits `pdf` to `queue` as one job titled `title` (no personal data: titles show in the
// queue), `media` e.g. "A4" or "Custom.80x120mm" ("" = the queue's default).
Submitted submitPdf(const std::string& queue, const std::filesystem::path& pdf,
                    const std::string& title, const std::string& media = {});

enum class JobState { Waiting, Printing, Done, Failed, Unknown };

// Where job `jobId` of `queue` is.
JobState jobState(const std::string& queue, int jobId);

}  // namespace renshe::drivers::printer
