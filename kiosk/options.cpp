#include "kiosk/options.hpp"

#include <QCommandLineParser>
#include <QStandardPaths>

namespace renshe::kiosk {

namespace {

// The command line's options, declared once.
struct Flags {
    const QCommandLineOption role{
        QStringLiteral("role"),
        QStringLiteral("touch (touchscreen terminal) or display (information screen)"),
        QStringLiteral("role"), QStringLiteral("touch")};
    const QCommandLineOption backoffice{QStringLiteral("backoffice"),
                                        QStringLiteral("back office address"),
                                        QStringLiteral("host:port")};
    const QCommandLineOption ca{QStringLiteral("ca"),
                                QStringLiteral("CA certificate of the back office"),
                                QStringLiteral("file")};
    const QCommandLineOption cert{QStringLiteral("cert"),
                                  QStringLiteral("this terminal's certificate"),
                                  QStringLiteral("file")};
    const QCommandLineOption key{QStringLiteral("key"),
                                 QStringLiteral("this terminal's private key"),
                                 QStringLiteral("file")};
    const QCommandLineOption renewDays{
        QStringLiteral("renew-certificate-days"),
        QStringLiteral("renew this terminal's certificate when fewer days than this are left "
                       "(default 0: when a third of its lifetime is left)"),
        QStringLiteral("days"), QStringLiteral("0")};
    const QCommandLineOption point{QStringLiteral("service-point"),
                                   QStringLiteral("name shown in the status bar"),
                                   QStringLiteral("name")};
    const QCommandLineOption lang{QStringLiteral("language"), QStringLiteral("zh_CN, en or ko"),
                                  QStringLiteral("code"), QStringLiteral("zh_CN")};
    const QCommandLineOption automation{
        QStringLiteral("automation-socket"),
        QStringLiteral("test builds: unix socket of the automation hook"), QStringLiteral("path")};
    const QCommandLineOption fullscreen{QStringLiteral("fullscreen"),
                                        QStringLiteral("full screen, no window decorations")};
    const QCommandLineOption idle{
        QStringLiteral("idle-seconds"),
        QStringLiteral(
            "end a session after this long without a touch (default 90; the last 20 s warn)"),
        QStringLiteral("seconds"), QStringLiteral("90")};
    const QCommandLineOption state{
        QStringLiteral("state-dir"),
        QStringLiteral("where the outbox of unsent reports is kept (default: the app data dir)"),
        QStringLiteral("dir")};
    const QCommandLineOption receipts{
        QStringLiteral("receipt-dir"),
        QStringLiteral("write receipts as PDF files here instead of printing"),
        QStringLiteral("dir")};
    const QCommandLineOption printer{
        QStringLiteral("printer"),
        QStringLiteral("CUPS printer for receipts (default: the system's)"),
        QStringLiteral("name")};
    const QCommandLineOption statementPrinter{
        QStringLiteral("statement-printer"),
        QStringLiteral("CUPS queue of the A4 printer for statements (证明); without it they go "
                       "to --receipt-dir when given, else to the system's default printer"),
        QStringLiteral("name")};
    const QCommandLineOption geometry{QStringLiteral("geometry"),
                                      QStringLiteral("window size, e.g. 1920x1080 or 1080x1920"),
                                      QStringLiteral("WxH")};
    const QCommandLineOption timeScale{
        QStringLiteral("time-scale"),
        QStringLiteral("display: play item durations this many times faster (tests; default 1)"),
        QStringLiteral("factor"), QStringLiteral("1")};
    const QCommandLineOption voice{
        QStringLiteral("voice"),
        QStringLiteral("voice guidance at start, on or off (default on; speech-dispatcher)"),
        QStringLiteral("on|off"), QStringLiteral("on")};
    const QCommandLineOption idCard{
        QStringLiteral("idcard-device"),
        QStringLiteral("serial port of the resident ID card reader, e.g. /dev/ttyUSB0 (found "
                       "again when re-plugged; default: none)"),
        QStringLiteral("path")};
};

// --geometry WxH. Returns the error.
QString readGeometry(const QString& text, Options& o) {
    const QStringList wh = text.split(QLatin1Char('x'));
    bool okW = false, okH = false;
    if (wh.size() == 2) {
        o.width = wh[0].toInt(&okW);
        o.height = wh[1].toInt(&okH);
    }
    if (!okW || !okH || o.width < 320 || o.height < 320 || o.width > 7680 || o.height > 7680)
        return QStringLiteral("--geometry wants WxH, 320..7680 each (e.g. 1920x1080)");
    return {};
}

// Who and where: the role, the back office and this terminal's identity. Returns the error.
QString readConnection(const QCommandLineParser& p, const Flags& f, Options& o) {
    o.role = p.value(f.role);
    if (o.role != QStringLiteral("touch") && o.role != QStringLiteral("display"))
        return QStringLiteral("unknown --role %1 (touch or display)").arg(o.role);
    o.backofficeTarget = p.value(f.backoffice);
    o.caFile = p.value(f.ca);
    o.certFile = p.value(f.cert);
    o.keyFile = p.value(f.key);
    if (!o.backofficeTarget.isEmpty() &&
        (o.caFile.isEmpty() || o.certFile.isEmpty() || o.keyFile.isEmpty())) {
        return QStringLiteral("--backoffice needs --ca, --cert and --key (mutual TLS)");
    }
    bool ok = false;
    o.renewCertificateDays = p.value(f.renewDays).toInt(&ok);
    if (!ok || o.renewCertificateDays < 0 || o.renewCertificateDays > 3650)
        return QStringLiteral("--renew-certificate-days wants 0..3650");
    if (p.isSet(f.point))
        o.servicePointName = p.value(f.point);
    o.language = p.value(f.lang);
    o.automationSocket = p.value(f.automation);
    o.receiptDir = p.value(f.receipts);
    o.printerName = p.value(f.printer);
    o.statementPrinter = p.value(f.statementPrinter);
    o.idCardDevice = p.value(f.idCard);
    o.stateDir = p.isSet(f.state)
                     ? p.value(f.state)
                     : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return {};
}

// How the screen behaves: full screen, size, idle timeout, time scale, voice. Returns the
// error.
QString readScreen(const QCommandLineParser& p, const Flags& f, Options& o) {
    o.fullScreen = p.isSet(f.fullscreen);
    bool ok = false;
    o.idleSeconds = p.value(f.idle).toInt(&ok);
    if (!ok || o.idleSeconds < 2 || o.idleSeconds > 3600)
        return QStringLiteral("--idle-seconds wants 2..3600");
    if (p.isSet(f.geometry)) {
        if (QString error = readGeometry(p.value(f.geometry), o); !error.isEmpty())
            return error;
    }
    o.timeScale = p.value(f.timeScale).toDouble(&ok);
    if (!ok || o.timeScale < 1 || o.timeScale > 10000)
        return QStringLiteral("--time-scale wants 1..10000");
    if (p.value(f.voice) != QStringLiteral("on") && p.value(f.voice) != QStringLiteral("off"))
        return QStringLiteral("--voice wants on or off");
    o.voice = p.value(f.voice) == QStringLiteral("on");
    return {};
}

}  // namespace

ParsedOptions parseOptions(const QStringList& arguments) {
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("renshe-kiosk: self-service terminal for social security service points"));
    p.addHelpOption();
    const Flags f;
    p.addOptions({f.role, f.backoffice, f.ca, f.cert, f.key, f.renewDays, f.point, f.lang,
                  f.automation, f.fullscreen, f.idle, f.state, f.receipts, f.printer,
                  f.statementPrinter, f.geometry, f.timeScale, f.voice, f.idCard});
    ParsedOptions r;
    if (!p.parse(arguments)) {
        r.error = p.errorText();
        return r;
    }
    if (p.isSet(QStringLiteral("help"))) {
        r.error = p.helpText();
        return r;
    }
    Options o;
    r.error = readConnection(p, f, o);
    if (r.error.isEmpty())
        r.error = readScreen(p, f, o);
    if (r.error.isEmpty())
        r.options = o;
    return r;
}

}  // namespace renshe::kiosk
