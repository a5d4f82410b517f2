// renshe-counter: the workstation of the staff at the township counter (劳动保障协理员).
#include <QtQml/qqmlextensionplugin.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QStandardPaths>
#include <cstdio>
#include <memory>

#include "drivers/util/service_notify.hpp"
#include "kiosk/counter/counter.hpp"
#include "kiosk/qr_image.hpp"
#ifdef RENSHE_AUTOMATION
#include "kiosk/automation.hpp"
#endif

Q_IMPORT_QML_PLUGIN(Renshe_CounterPlugin)
Q_IMPORT_QML_PLUGIN(Renshe_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(Renshe_CounterScreensPlugin)

namespace {

struct Options {
    renshe::kiosk::counter::Counter::Config config;
    QString automationSocket;
    int width = 1366;
    int height = 768;
};

// Parses the command line; prints help or the error and exits on either.
Options parse(const QStringList& arguments) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "The counter workstation of a social security service point. Signs in with the staff "
        "certificate and its passphrase-protected key (renshe-admin pki protect-key)."));
    p.addHelpOption();
    const QCommandLineOption backoffice{QStringLiteral("backoffice"),
                                        QStringLiteral("the back office's staff port, host:port"),
                                        QStringLiteral("target")};
    const QCommandLineOption ca{QStringLiteral("ca"), QStringLiteral("CA certificate (PEM)"),
                                QStringLiteral("file")};
    const QCommandLineOption cert{QStringLiteral("cert"), QStringLiteral("staff certificate (PEM)"),
                                  QStringLiteral("file")};
    const QCommandLineOption key{QStringLiteral("key"),
                                 QStringLiteral("the staff key, protected by a passphrase"),
                                 QStringLiteral("file")};
    const QCommandLineOption state{QStringLiteral("state-dir"),
                                   QStringLiteral("settings and the sign-in count"),
                                   QStringLiteral("dir")};
    const QCommandLineOption lang{QStringLiteral("language"), QStringLiteral("zh_CN, en or ko"),
                                  QStringLiteral("code"), QStringLiteral("zh_CN")};
    const QCommandLineOption idle{QStringLiteral("idle-minutes"),
                                  QStringLiteral("lock after this long without input (default 10)"),
                                  QStringLiteral("minutes"), QStringLiteral("10")};
    const QCommandLineOption pinPadIdle{
        QStringLiteral("pin-pad-idle-seconds"),
        QStringLiteral("协助启用: cancel when the citizen presses no key this long (default 120)"),
        QStringLiteral("seconds"), QStringLiteral("120")};
    const QCommandLineOption geometry{QStringLiteral("geometry"),
                                      QStringLiteral("window size (default 1366x768)"),
                                      QStringLiteral("WxH")};
    const QCommandLineOption idCard{QStringLiteral("idcard-device"),
                                    QStringLiteral("the resident ID card reader's serial port"),
                                    QStringLiteral("path")};
    p.addOptions({backoffice, ca, cert, key, state, lang, idle, pinPadIdle, geometry, idCard});
#ifdef RENSHE_AUTOMATION
    const QCommandLineOption automation{
        QStringLiteral("automation-socket"),
        QStringLiteral("test builds: unix socket of the automation hook"), QStringLiteral("path")};
    p.addOption(automation);
#endif
    p.process(arguments);
    Options o;
    o.config.target = p.value(backoffice);
    o.config.caFile = p.value(ca);
    o.config.certFile = p.value(cert);
    o.config.keyFile = p.value(key);
    o.config.language = p.value(lang);
    o.config.idCardDevice = p.value(idCard);
    o.config.stateDir =
        p.isSet(state) ? p.value(state)
                       : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    bool ok = true;
    o.config.idleMinutes = p.value(idle).toInt(&ok);
    if (!ok || o.config.idleMinutes < 1 || o.config.idleMinutes > 240) {
        std::fprintf(stderr, "renshe-counter: --idle-minutes must be 1..240\n");
        std::exit(2);
    }
    o.config.pinPadIdleSeconds = p.value(pinPadIdle).toInt(&ok);
    if (!ok || o.config.pinPadIdleSeconds < 1 || o.config.pinPadIdleSeconds > 600) {
        std::fprintf(stderr, "renshe-counter: --pin-pad-idle-seconds must be 1..600\n");
        std::exit(2);
    }
    if (o.config.target.isEmpty() || o.config.caFile.isEmpty() || o.config.certFile.isEmpty() ||
        o.config.keyFile.isEmpty()) {
        std::fprintf(stderr, "renshe-counter: --backoffice, --ca, --cert and --key are required\n");
        std::exit(2);
    }
    if (p.isSet(geometry)) {
        const auto parts = p.value(geometry).split(QLatin1Char('x'));
        if (parts.size() == 2) {
            o.width = parts[0].toInt();
            o.height = parts[1].toInt();
        }
        if (o.width < 800 || o.height < 600) {
            std::fprintf(stderr, "renshe-counter: --geometry must be WxH, at least 800x600\n");
            std::exit(2);
        }
    }
#ifdef RENSHE_AUTOMATION
    o.automationSocket = p.value(automation);
#endif
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("renshe-counter"));
    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC")));
    const Options o = parse(QGuiApplication::arguments());
    QDir().mkpath(o.config.stateDir);
    renshe::kiosk::counter::Counter counter(o.config);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    renshe::kiosk::counter::Counter::attach(engine, counter);
    engine.addImageProvider(QStringLiteral("qr"), new renshe::kiosk::QrImageProvider);
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Renshe/CounterScreens/CounterMain.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    window->resize(o.width, o.height);
    // READY=1 once the first frame is drawn (a launcher's or systemd's readiness; bench.counter
    // times the cold start with it).
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = QObject::connect(window, &QQuickWindow::frameSwapped, window, [once] {
        QObject::disconnect(*once);
        renshe::util::notifyServiceManager("READY=1");
    });
#ifdef RENSHE_AUTOMATION
    std::unique_ptr<renshe::kiosk::Automation> automation;
    if (!o.automationSocket.isEmpty()) {
        automation = std::make_unique<renshe::kiosk::Automation>(window, o.automationSocket);
        if (!automation->isListening())
            return 1;
    }
#endif
    return QGuiApplication::exec();
}
