#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace renshe::kiosk {

struct Options {
    QString role = QStringLiteral("touch");
    QString backofficeTarget;  // host:port; empty = offline UI
    QString caFile, certFile, keyFile;
    int renewCertificateDays = 0;  // renew when fewer days are left; 0 = a third of the lifetime
    QString servicePointName = QStringLiteral("人社服务站");
    QString language = QStringLiteral("zh_CN");
    QString automationSocket;  // test builds only
    bool fullScreen = false;
    int idleSeconds = 90;       // a session ends after this long without a touch
    QString stateDir;           // outbox and caches; default: the app data location
    QString receiptDir;         // receipts as PDF files here instead of the printer
    QString printerName;        // CUPS queue for receipts; empty = the default printer
    QString statementPrinter;   // CUPS queue of the A4 printer for statements (证明)
    int width = 0, height = 0;  // --geometry WxH: the window's size (0 = the QML default)
    double timeScale = 1.0;     // display role: play durations this many times faster (tests)
    bool voice = true;          // --voice on|off: voice guidance at start
    QString idCardDevice;       // --idcard-device: the ID card reader's serial port
};

struct ParsedOptions {
    std::optional<Options> options;
    QString error;
};

ParsedOptions parseOptions(const QStringList& arguments);

}  // namespace renshe::kiosk
