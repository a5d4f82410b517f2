// Printing statements (证明) at the terminal: the A4 printer's CUPS queue, watched so the
// citizen is told before choosing to print when it cannot (缺纸, 卡纸, 脱机), and reported in
// heartbeats; a statement rendered (statement_document.hpp) and submitted as PDF, the A4 page
// to the A4 queue and the receipt-size slip to the receipt queue, then followed until CUPS says
// the page is done. With a PDF directory (tests, the demo, a terminal without a printer) the
// PDFs are written there instead and the printer is always ready.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>

#include "kiosk/ui_async.hpp"
#include "renshe/v1/records.pb.h"
#include "renshe/v1/terminal.pb.h"

namespace renshe::kiosk {

class StatementPrinter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("StatementPrinter belongs to the Kiosk singleton")
    Q_PROPERTY(bool ready READ ready NOTIFY changed)
    // What to tell the citizen when it is not ready ("" when it is).
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    Q_PROPERTY(QString lastA4File READ lastA4File NOTIFY changed)

public:
    enum class State { Unknown, Ready, PaperOut, PaperJam, Offline, Error, Absent };
    Q_ENUM(State)

    // `a4Queue`: the CUPS queue of the A4 printer ("" = the scheduler's default); `slipQueue`:
    // the receipt printer's queue for the slip ("" = no slip). `pdfDirectory` non-empty: write
    // there instead of printing.
    StatementPrinter(QString servicePoint, QString pdfDirectory, QString a4Queue, QString slipQueue,
                     QObject* parent = nullptr);

    // Asks CUPS again now (off the UI thread); it is also asked every 15 s.
    Q_INVOKABLE void refresh();
    State state() const { return m_state; }
    bool ready() const { return m_state == State::Ready; }
    QString stateText() const;
    QString lastA4File() const { return m_lastA4File; }
    // For the heartbeat.
    renshe::v1::PrinterState heartbeatState() const;

    // Renders and prints `statement`; `done(ok, message)` runs on the UI thread when CUPS
    // finished the A4 page (or failed, or did not finish within a minute).
    void print(const renshe::v1::IssueStatementResponse& statement,
               std::function<void(bool ok, QString message)> done);

Q_SIGNALS:
    void changed();

private:
    void setState(State state);

    QString m_servicePoint, m_pdfDirectory, m_a4Queue, m_slipQueue;
    State m_state = State::Unknown;
    QString m_lastA4File;
    QTimer m_poll;
    UiAsync m_async{this};
};

}  // namespace renshe::kiosk
