#include "kiosk/options.hpp"

#include <QCommandLineParser>
#include <QStandardPaths>

namespace renshe::kiosk {

ParsedOptions parseOptions(const QStringList& arguments) {
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("renshe-kiosk: self-service terminal for social security service points"));
    p.addHelpOption();
    const QCommandLineOption role(
        QStringLiteral("role"),
        QStringLiteral("touch (touchscreen terminal) or display (information screen)"),
        QStringLiteral("role"), QStringLiteral("touch"));
    const QCommandLineOption backoffice(QStringLiteral("backoffice"),
                                        QStringLiteral("back office address"),
                                        QStringLiteral("host:port"));
    const QCommandLineOption ca(QStringLiteral("ca"),
                                QStringLiteral("CA certificate of the back office"),
                                QStringLiteral("file"));
    const QCommandLineOption cert(QStringLiteral("cert"),
                                  QStringLiteral("this terminal's certificate"),
                                  QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("this terminal's private key"),
                                 QStringLiteral("file"));
    const QCommandLineOption point(QStringLiteral("service-point"),
                                   QStringLiteral("name shown in the status bar"),
                                   QStringLiteral("name"));
    const QCommandLineOption lang(QStringLiteral("language"), QStringLiteral("zh_CN, en or ko"),
                                  QStringLiteral("code"), QStringLiteral("zh_CN"));
    const QCommandLineOption automation(
        QStringLiteral("automation-socket"),
        QStringLiteral("test builds: unix socket of the automation hook"), QStringLiteral("path"));
    const QCommandLineOption fullscreen(QStringLiteral("fullscreen"),
                                        QStringLiteral("full screen, no window decorations"));
    const QCommandLineOption idle(
        QStringLiteral("idle-seconds"),
        QStringLiteral(
            "end a session after this long without a touch (default 90; the last 20 s warn)"),
        QStringLiteral("seconds"), QStringLiteral("90"));
    const QCommandLineOption state(
        QStringLiteral("state-dir"),
        QStringLiteral("where the outbox of unsent reports is kept (default: the app data dir)"),
        QStringLiteral("dir"));
    const QCommandLineOption receipts(
        QStringLiteral("receipt-dir"),
        QStringLiteral("write receipts as PDF files here instead of printing"),
        QStringLiteral("dir"));
    const QCommandLineOption printer(
        QStringLiteral("printer"),
        QStringLiteral("CUPS printer for receipts (default: the system's)"),
        QStringLiteral("name"));
    const QCommandLineOption geometry(QStringLiteral("geometry"),
                                      QStringLiteral("window size, e.g. 1920x1080 or 1080x1920"),
                                      QStringLiteral("WxH"));
    const QCommandLineOption timeScale(
        QStringLiteral("time-scale"),
        QStringLiteral("display: play item durations this many times faster (tests; default 1)"),
        QStringLiteral("factor"), QStringLiteral("1"));
    const QCommandLineOption voice(
        QStringLiteral("voice"),
        QStringLiteral("voice guidance at start, on or off (default on; speech-dispatcher)"),
        QStringLiteral("on|off"), QStringLiteral("on"));
    p.addOptions({role, backoffice, ca, cert, key, point, lang, automation, fullscreen, idle, state,
                  receipts, printer, geometry, timeScale, voice});

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
    o.role = p.value(role);
    if (o.role != QStringLiteral("touch") && o.role != QStringLiteral("display")) {
        r.error = QStringLiteral("unknown --role %1 (touch or display)").arg(o.role);
        return r;
    }
    o.backofficeTarget = p.value(backoffice);
    o.caFile = p.value(ca);
    o.certFile = p.value(cert);
    o.keyFile = p.value(key);
    if (!o.backofficeTarget.isEmpty() &&
        (o.caFile.isEmpty() || o.certFile.isEmpty() || o.keyFile.isEmpty())) {
        r.error = QStringLiteral("--backoffice needs --ca, --cert and --key (mutual TLS)");
        return r;
    }
    if (p.isSet(point)) {
        o.servicePointName = p.value(point);
    }
    o.language = p.value(lang);
    o.automationSocket = p.value(automation);
    o.fullScreen = p.isSet(fullscreen);
    o.receiptDir = p.value(receipts);
    o.printerName = p.value(printer);
    o.stateDir = p.isSet(state) ? p.value(state)
                                : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    bool ok = false;
    o.idleSeconds = p.value(idle).toInt(&ok);
    if (!ok || o.idleSeconds < 2 || o.idleSeconds > 3600) {
        r.error = QStringLiteral("--idle-seconds wants 2..3600");
        return r;
    }
    if (p.isSet(geometry)) {
        const QStringList wh = p.value(geometry).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        if (wh.size() == 2) {
            o.width = wh[0].toInt(&okW);
            o.height = wh[1].toInt(&okH);
        }
        if (!okW || !okH || o.width < 320 || o.height < 320 || o.width > 7680 || o.height > 7680) {
            r.error = QStringLiteral("--geometry wants WxH, 320..7680 each (e.g. 1920x1080)");
            return r;
        }
    }
    o.timeScale = p.value(timeScale).toDouble(&ok);
    if (!ok || o.timeScale < 1 || o.timeScale > 10000) {
        r.error = QStringLiteral("--time-scale wants 1..10000");
        return r;
    }
    if (p.value(voice) != QStringLiteral("on") && p.value(voice) != QStringLiteral("off")) {
        r.error = QStringLiteral("--voice wants on or off");
        return r;
    }
    o.voice = p.value(voice) == QStringLiteral("on");
    r.options = o;
    return r;
}

}  // namespace renshe::kiosk
