// renshe-kiosk: the touchscreen terminal of a social security service point.
#include <QtQml/qqmlextensionplugin.h>
#include <malloc.h>

#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include "drivers/util/service_notify.hpp"
#include "kiosk/display_terminal.hpp"
#include "kiosk/kiosk.hpp"
#include "kiosk/options.hpp"
#include "kiosk/qr_image.hpp"
#include "services/client/renewal.hpp"
#ifdef RENSHE_AUTOMATION
#include "kiosk/automation.hpp"
#endif

Q_IMPORT_QML_PLUGIN(Renshe_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Renshe_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(Renshe_ScreensPlugin)

namespace {

// Sizes and shows the root window, starts the test builds' automation hook, runs the loop.
int showAndRun(QQuickWindow* window, const renshe::kiosk::Options& o) {
    if (window && o.width > 0) {
        window->resize(o.width, o.height);
    }
    if (window && o.fullScreen) {
        window->showFullScreen();
    }
    // Under systemd (Type=notify): ready once the first frame is on the screen; with
    // WatchdogSec=, pinged from the UI thread, so a hung event loop gets the kiosk restarted.
    if (window) {
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = QObject::connect(window, &QQuickWindow::frameSwapped, window, [once] {
            QObject::disconnect(*once);
            renshe::util::notifyServiceManager("READY=1");
        });
    }
    QTimer watchdog;
    if (const auto every = renshe::util::watchdogPingInterval(/*underWrapper=*/true)) {
        QObject::connect(&watchdog, &QTimer::timeout,
                         [] { renshe::util::notifyServiceManager("WATCHDOG=1"); });
        watchdog.start(every->count());
    }
#ifdef RENSHE_AUTOMATION
    std::unique_ptr<renshe::kiosk::Automation> automation;
    if (!o.automationSocket.isEmpty()) {
        automation = std::make_unique<renshe::kiosk::Automation>(window, o.automationSocket);
        if (!automation->isListening()) {
            return 1;
        }
    }
#endif
    return QGuiApplication::exec();
}

// The information display: no touch, no cursor, no card or fingerprint devices.
int runDisplay(const renshe::kiosk::Options& o,
               std::optional<renshe::services::client::Endpoint> endpoint) {
    QGuiApplication::setOverrideCursor(Qt::BlankCursor);
    renshe::kiosk::DisplayTerminal::Config config;
    config.servicePointName = o.servicePointName;
    config.backoffice = std::move(endpoint);
    config.stateDir = o.stateDir;
    config.timeScale = o.timeScale;
    config.certificateRenewBefore = std::chrono::hours(24 * o.renewCertificateDays);
    renshe::kiosk::DisplayTerminal display(std::move(config));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    renshe::kiosk::DisplayTerminal::attach(engine, display);
    engine.addImageProvider(QStringLiteral("qr"), new renshe::kiosk::QrImageProvider);
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, qApp,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Renshe/Screens/DisplayMain.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    display.watchFrames(window);
    return showAndRun(window, o);
}

// --help and option errors need no screen: answered before the GUI application loads a
// platform plugin (which fails on a machine without a display). Qt's own single-dash options
// (-platform, -style, ...) are left to the GUI application. The exit code, or nullopt to go on.
std::optional<int> answerWithoutScreen(int argc, char** argv) {
    QStringList args;
    for (int i = 0; i < argc; ++i) {
        args << QString::fromLocal8Bit(argv[i]);
        if (i > 0 && argv[i][0] == '-' && argv[i][1] != '-' && std::strcmp(argv[i], "-h") != 0)
            return std::nullopt;
    }
    QCoreApplication parsing(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("renshe-kiosk"));
    const bool help =
        args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"));
    const auto parsed =
        renshe::kiosk::parseOptions(help ? QStringList{args[0], QStringLiteral("--help")} : args);
    if (help) {
        std::printf("%s", qPrintable(parsed.error));
        return 0;
    }
    if (!parsed.options) {
        std::fprintf(stderr, "renshe-kiosk: %s\n", qPrintable(parsed.error));
        return 2;
    }
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    // A terminal runs for weeks, allocating and freeing megabyte buffers (decoded images, the
    // software renderer's layers) at every page. With glibc's default the mmap threshold rises
    // to the largest buffer freed and such buffers then come from the heap, which fragments
    // (the display on the software renderer: +5.6 %, peak +11 %, over a simulated day in
    // bench.display; −2.5 % with this). A fixed threshold gives each such buffer its own
    // mapping, returned to the system when freed.
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    if (const auto early = answerWithoutScreen(argc, argv))
        return *early;
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("renshe-kiosk"));
    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC")));

    const auto parsed = renshe::kiosk::parseOptions(QGuiApplication::arguments());
    if (!parsed.options) {
        std::fprintf(stderr, "%s\n", qPrintable(parsed.error));
        return 2;
    }
    const auto& o = *parsed.options;

    std::optional<renshe::services::client::Endpoint> endpoint;
    QDir().mkpath(o.stateDir);
    if (!o.backofficeTarget.isEmpty()) {
        try {
            // A renewal cut short by a crash after its certificate was saved is completed
            // before the files are read (services/client/renewal.hpp).
            renshe::services::client::finishInterruptedRenewal(
                {o.certFile.toStdString(), o.keyFile.toStdString()});
            endpoint = renshe::services::client::Endpoint::fromFiles(
                o.backofficeTarget.toStdString(), o.caFile.toStdString(), o.certFile.toStdString(),
                o.keyFile.toStdString());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "renshe-kiosk: %s\n", e.what());
            return 2;
        }
    }
    if (o.role == QStringLiteral("display")) {
        return runDisplay(o, std::move(endpoint));
    }

    renshe::kiosk::Kiosk::Config config;
    config.servicePointName = o.servicePointName;
    config.language = o.language;
    config.watchCardReaders = o.role == QStringLiteral("touch");
    config.certificateRenewBefore = std::chrono::hours(24 * o.renewCertificateDays);
    config.idleSeconds = o.idleSeconds;
    config.voice = o.voice;
    config.stateDir = o.stateDir;
    config.receiptDir = o.receiptDir;
    config.printerName = o.printerName;
    config.statementPrinter = o.statementPrinter;
    config.idCardDevice = o.idCardDevice;
    config.backoffice = std::move(endpoint);
    renshe::kiosk::Kiosk kiosk(std::move(config));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));  // where the static QML modules live
    renshe::kiosk::Kiosk::attach(engine, kiosk);
    engine.addImageProvider(QStringLiteral("qr"), new renshe::kiosk::QrImageProvider);
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Renshe/Screens/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    return showAndRun(window, o);
}
