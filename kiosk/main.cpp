// renshe-kiosk: the touchscreen terminal of a social security service point.
#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

#include "kiosk/kiosk.hpp"
#include "kiosk/options.hpp"
#include "kiosk/qr_image.hpp"
#ifdef RENSHE_AUTOMATION
#include "kiosk/automation.hpp"
#endif

Q_IMPORT_QML_PLUGIN(Renshe_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Renshe_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(Renshe_ScreensPlugin)

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("renshe-kiosk"));
    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC")));

    const auto parsed = renshe::kiosk::parseOptions(QGuiApplication::arguments());
    if (!parsed.options) {
        std::fprintf(stderr, "%s\n", qPrintable(parsed.error));
        return 2;
    }
    const auto& o = *parsed.options;

    renshe::kiosk::Kiosk::Config config;
    config.servicePointName = o.servicePointName;
    config.language = o.language;
    config.watchCardReaders = o.role == QStringLiteral("touch");
    config.idleSeconds = o.idleSeconds;
    config.stateDir = o.stateDir;
    config.receiptDir = o.receiptDir;
    config.printerName = o.printerName;
    QDir().mkpath(o.stateDir);
    if (!o.backofficeTarget.isEmpty()) {
        try {
            config.backoffice = renshe::services::client::Endpoint::fromFiles(
                o.backofficeTarget.toStdString(), o.caFile.toStdString(), o.certFile.toStdString(),
                o.keyFile.toStdString());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "renshe-kiosk: %s\n", e.what());
            return 2;
        }
    }
    renshe::kiosk::Kiosk kiosk(std::move(config));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));  // where the static QML modules live
    renshe::kiosk::Kiosk::attach(engine, kiosk);
    engine.addImageProvider(QStringLiteral("qr"), new renshe::kiosk::QrImageProvider);
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Renshe/Screens/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (window && o.fullScreen) {
        window->showFullScreen();
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
