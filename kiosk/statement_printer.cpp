#include "kiosk/statement_printer.hpp"

#include <QDir>
#include <QTemporaryDir>
#include <chrono>
#include <thread>

#include "drivers/printer/cups_queue.hpp"
#include "kiosk/statement_document.hpp"

namespace renshe::kiosk {

namespace printer = renshe::drivers::printer;

namespace {

constexpr int kPollMs = 15000;
constexpr auto kJobPatience = std::chrono::seconds(60);
constexpr auto kJobLook = std::chrono::milliseconds(250);

StatementPrinter::State stateOf(printer::QueueState s) {
    switch (s) {
        case printer::QueueState::Ready:
            return StatementPrinter::State::Ready;
        case printer::QueueState::PaperOut:
            return StatementPrinter::State::PaperOut;
        case printer::QueueState::PaperJam:
            return StatementPrinter::State::PaperJam;
        case printer::QueueState::Offline:
            return StatementPrinter::State::Offline;
        case printer::QueueState::Error:
            return StatementPrinter::State::Error;
        case printer::QueueState::Absent:
            break;
    }
    return StatementPrinter::State::Absent;
}

// Waits for CUPS to finish `job`; the message for the citizen, empty when it printed.
QString followJob(const std::string& queue, int job) {
    const auto end = std::chrono::steady_clock::now() + kJobPatience;
    while (std::chrono::steady_clock::now() < end) {
        switch (printer::jobState(queue, job)) {
            case printer::JobState::Done:
                return {};
            case printer::JobState::Failed:
                return QCoreApplication::translate("renshe::kiosk::StatementPrinter",
                                                   "打印失败，请到服务窗口打印。");
            default:
                std::this_thread::sleep_for(kJobLook);
        }
    }
    return QCoreApplication::translate("renshe::kiosk::StatementPrinter",
                                       "打印机未能完成打印，请联系工作人员。");
}

}  // namespace

StatementPrinter::StatementPrinter(QString servicePoint, QString pdfDirectory, QString a4Queue,
                                   QString slipQueue, QObject* parent)
    : QObject(parent),
      m_servicePoint(std::move(servicePoint)),
      m_pdfDirectory(std::move(pdfDirectory)),
      m_a4Queue(std::move(a4Queue)),
      m_slipQueue(std::move(slipQueue)) {
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &StatementPrinter::refresh);
    m_poll.start();
    refresh();
}

void StatementPrinter::setState(State state) {
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT changed();
}

void StatementPrinter::refresh() {
    if (!m_pdfDirectory.isEmpty()) {
        setState(State::Ready);
        return;
    }
    auto found = std::make_shared<State>(State::Absent);
    m_async.run(
        [found, queue = m_a4Queue.toStdString()] {
            *found = stateOf(printer::queueStatus(queue).state);
        },
        [this, found] { setState(*found); });
}

QString StatementPrinter::stateText() const {
    switch (m_state) {
        case State::Ready:
            return {};
        case State::PaperOut:
            return tr("打印机缺纸，暂时不能打印。请到服务窗口打印证明。");
        case State::PaperJam:
            return tr("打印机卡纸，暂时不能打印。请到服务窗口打印证明。");
        case State::Offline:
        case State::Error:
            return tr("打印机暂停服务，暂时不能打印。请到服务窗口打印证明。");
        case State::Unknown:
            return tr("正在检查打印机…");
        case State::Absent:
            break;
    }
    return tr("本机没有打印机。请到服务窗口打印证明。");
}

renshe::v1::PrinterState StatementPrinter::heartbeatState() const {
    switch (m_state) {
        case State::Ready:
            return renshe::v1::PRINTER_STATE_OK;
        case State::PaperOut:
            return renshe::v1::PRINTER_STATE_PAPER_OUT;
        case State::PaperJam:
            return renshe::v1::PRINTER_STATE_PAPER_JAM;
        case State::Offline:
            return renshe::v1::PRINTER_STATE_OFFLINE;
        case State::Error:
            return renshe::v1::PRINTER_STATE_ERROR;
        case State::Unknown:
            return renshe::v1::PRINTER_STATE_UNSPECIFIED;
        case State::Absent:
            break;
    }
    return renshe::v1::PRINTER_STATE_ABSENT;
}

void StatementPrinter::print(const renshe::v1::IssueStatementResponse& statement,
                             std::function<void(bool, QString)> done) {
    struct Job {
        QString message, a4File;
        bool ok = false;
    };
    auto job = std::make_shared<Job>();
    m_async.run(
        [job, statement, servicePoint = m_servicePoint + QStringLiteral("（自助服务终端）"),
         dir = m_pdfDirectory, a4Queue = m_a4Queue.toStdString(),
         slipQueue = m_slipQueue.toStdString()] {
            const QString number = QString::fromStdString(statement.statement().number());
            QTemporaryDir temp;  // masked data only, but gone once CUPS has the bytes
            const QString out = dir.isEmpty() ? temp.path() : dir;
            QDir().mkpath(out);
            const QString a4 = QDir(out).filePath(QStringLiteral("statement-%1.pdf").arg(number));
            const QString slip =
                QDir(out).filePath(QStringLiteral("statement-%1-slip.pdf").arg(number));
            const QString title = statementTitle(statement.statement());
            if (!writeStatementPdf(statement, servicePoint, StatementLayout::A4, a4) ||
                !writeStatementPdf(statement, servicePoint, StatementLayout::Slip, slip)) {
                job->message = QCoreApplication::translate("renshe::kiosk::StatementPrinter",
                                                           "证明未能生成，请到服务窗口打印。");
                return;
            }
            if (!dir.isEmpty()) {
                job->ok = true;
                job->a4File = a4;
                return;
            }
            // The job's title shows in the queue: the kind and number, nobody's name.
            const auto submitted = printer::submitPdf(
                a4Queue, a4.toStdString(), (title + QLatin1Char(' ') + number).toStdString(), "A4");
            if (submitted.jobId == 0) {
                job->message = QCoreApplication::translate("renshe::kiosk::StatementPrinter",
                                                           "打印机暂停服务，请到服务窗口打印。");
                return;
            }
            if (!slipQueue.empty())
                printer::submitPdf(slipQueue, slip.toStdString(),
                                   (title + QLatin1Char(' ') + number).toStdString());
            job->message = followJob(a4Queue, submitted.jobId);
            job->ok = job->message.isEmpty();
        },
        [this, job, done = std::move(done)] {
            if (!job->a4File.isEmpty()) {
                m_lastA4File = job->a4File;
                Q_EMIT changed();
            }
            refresh();
            done(job->ok, job->message);
        });
}

}  // namespace renshe::kiosk
