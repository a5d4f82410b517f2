#include "drivers/printer/cups_queue.hpp"

#include <cups/cups.h>

#include <memory>

namespace renshe::drivers::printer {

namespace {

bool hasReason(const std::string& reasons, const std::string& prefix) {
    std::size_t start = 0;
    while (start <= reasons.size()) {
        const auto comma = reasons.find(',', start);
        const std::string one = reasons.substr(start, comma - start);
        if (one.rfind(prefix, 0) == 0)
            return true;
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return false;
}

struct DestDeleter {
    void operator()(cups_dest_t* d) const { cupsFreeDests(1, d); }
};

}  // namespace

QueueState classify(int printerState, const std::string& reasons, bool acceptingJobs) {
    if (hasReason(reasons, "media-empty") || hasReason(reasons, "media-needed"))
        return QueueState::PaperOut;
    if (hasReason(reasons, "media-jam"))
        return QueueState::PaperJam;
    if (printerState == IPP_PSTATE_STOPPED || !acceptingJobs || hasReason(reasons, "offline") ||
        hasReason(reasons, "paused") || hasReason(reasons, "shutdown"))
        return QueueState::Offline;
    // Only an "-error" reason stops printing; "-warning" and "-report" do not.
    std::size_t start = 0;
    while (start < reasons.size()) {
        const auto comma = reasons.find(',', start);
        const std::string one = reasons.substr(start, comma - start);
        if (one.size() > 6 && one.compare(one.size() - 6, 6, "-error") == 0)
            return QueueState::Error;
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return QueueState::Ready;
}

QueueStatus queueStatus(const std::string& queue) {
    QueueStatus status;
    std::unique_ptr<cups_dest_t, DestDeleter> dest(
        cupsGetNamedDest(CUPS_HTTP_DEFAULT, queue.empty() ? nullptr : queue.c_str(), nullptr));
    if (!dest)
        return status;
    const auto option = [&](const char* name) {
        const char* v = cupsGetOption(name, dest->num_options, dest->options);
        return std::string(v ? v : "");
    };
    status.reasons = option("printer-state-reasons");
    const std::string state = option("printer-state");
    const std::string accepting = option("printer-is-accepting-jobs");
    status.state = classify(state.empty() ? IPP_PSTATE_IDLE : std::stoi(state), status.reasons,
                            accepting != "false" && accepting != "0");
    return status;
}

Submitted submitPdf(const std::string& queue, const std::filesystem::path& pdf,
                    const std::string& title, const std::string& media) {
    Submitted s;
    cups_option_t* options = nullptr;
    int count = 0;
    count = cupsAddOption("document-format", "application/pdf", count, &options);
    if (!media.empty())
        count = cupsAddOption("media", media.c_str(), count, &options);
    count = cupsAddOption("fit-to-page", "true", count, &options);
    s.jobId = cupsPrintFile2(CUPS_HTTP_DEFAULT, queue.c_str(), pdf.c_str(), title.c_str(), count,
                             options);
    cupsFreeOptions(count, options);
    if (s.jobId <= 0) {
        s.jobId = 0;
        const char* why = cupsLastErrorString();
        s.error = why ? why : "the print scheduler refused the job";
    }
    return s;
}

JobState jobState(const std::string& queue, int jobId) {
    cups_job_t* jobs = nullptr;
    const int n = cupsGetJobs2(CUPS_HTTP_DEFAULT, &jobs, queue.c_str(), 0, CUPS_WHICHJOBS_ALL);
    JobState result = JobState::Unknown;
    for (int i = 0; i < n; ++i) {
        if (jobs[i].id != jobId)
            continue;
        switch (jobs[i].state) {
            case IPP_JSTATE_PENDING:
            case IPP_JSTATE_HELD:
                result = JobState::Waiting;
                break;
            case IPP_JSTATE_PROCESSING:
                result = JobState::Printing;
                break;
            case IPP_JSTATE_COMPLETED:
                result = JobState::Done;
                break;
            default:  // stopped, canceled, aborted
                result = JobState::Failed;
                break;
        }
    }
    cupsFreeJobs(n, jobs);
    return result;
}

}  // namespace renshe::drivers::printer
