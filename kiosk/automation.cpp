#include "kiosk/automation.hpp"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJSValue>
#include <QJsonDocument>
#include <QJsonValue>
#include <QKeySequence>
#include <QLocalServer>
#include <QLocalSocket>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QTimer>
#include <functional>

namespace renshe::kiosk {

Automation::Automation(QQuickWindow* window, const QString& socketPath, QObject* parent)
    : QObject(parent), m_window(window), m_server(new QLocalServer(this)) {
    QLocalServer::removeServer(socketPath);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(socketPath)) {
        qWarning("automation: cannot listen on %s: %s", qPrintable(socketPath),
                 qPrintable(m_server->errorString()));
        return;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* s = m_server->nextPendingConnection()) {
            serve(s);
        }
    });
}

bool Automation::isListening() const {
    return m_server->isListening();
}

void Automation::serve(QLocalSocket* socket) {
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
        while (socket->canReadLine()) {
            const QByteArray line = socket->readLine();
            QJsonParseError err{};
            const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
            QJsonObject reply;
            if (err.error != QJsonParseError::NoError || !doc.isObject()) {
                reply = {{"ok", false},
                         {"error", QStringLiteral("not a JSON object: %1").arg(err.errorString())}};
            } else {
                reply = handle(doc.object());
            }
            socket->write(QJsonDocument(reply).toJson(QJsonDocument::Compact) + '\n');
            socket->flush();
            if (doc.object().value("cmd").toString() == QLatin1String("quit")) {
                QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
            }
        }
    });
}

// In `window`: the window itself, then its visible items, then anything by name.
static QObject* findIn(QQuickWindow* window, const QString& objectName) {
    if (window->objectName() == objectName) {
        return window;
    }
    // The visual tree first, visible items only: delegates a Repeater has just replaced (a
    // reshuffled PIN pad) linger as QObjects until deleted, at positions no longer theirs.
    std::function<QQuickItem*(QQuickItem*)> walk = [&](QQuickItem* item) -> QQuickItem* {
        for (QQuickItem* child : item->childItems()) {
            if (child->objectName() == objectName && child->isVisible())
                return child;
            if (QQuickItem* found = walk(child))
                return found;
        }
        return nullptr;
    };
    if (QQuickItem* found = walk(window->contentItem())) {
        return found;
    }
    // Then anything by name, hidden items and non-visual objects included. Items declared in
    // the Window are QObject children of the window, not of its contentItem.
    if (QObject* found = window->findChild<QObject*>(objectName)) {
        return found;
    }
    return window->contentItem()->findChild<QObject*>(objectName);
}

// The main window first, then the application's other windows (the counter's PIN pad window
// turned towards the citizen).
QObject* Automation::find(const QString& objectName) const {
    if (!m_window) {
        return nullptr;
    }
    if (QObject* found = findIn(m_window, objectName)) {
        return found;
    }
    for (QWindow* other : QGuiApplication::topLevelWindows()) {
        auto* quick = qobject_cast<QQuickWindow*>(other);
        if (quick && quick != m_window && quick->isVisible()) {
            if (QObject* found = findIn(quick, objectName))
                return found;
        }
    }
    return nullptr;
}

// The window a command names by its objectName ("window"), else the main window.
QQuickWindow* Automation::windowFor(const QJsonObject& request) const {
    const QString name = request.value("window").toString();
    if (name.isEmpty())
        return m_window;
    return qobject_cast<QQuickWindow*>(find(name));
}

// Returns once the window has drawn a frame (at most a second).
void Automation::waitForFrame(QQuickWindow* window) {
    if (!window)
        window = m_window;
    QEventLoop frame;
    const auto connection =
        QObject::connect(window, &QQuickWindow::frameSwapped, &frame, &QEventLoop::quit);
    QTimer::singleShot(1000, &frame, &QEventLoop::quit);
    window->update();
    frame.exec();
    QObject::disconnect(connection);
}

// The layout audit of the tests (tests/ui/layout_audit.mjs, an ES module given by path) over
// the whole window as it is now: {"ok": true, "problems": [...]}.
QJsonObject Automation::layoutAudit(const QString& script, QQuickWindow* window) {
    if (!window)
        return {{"ok", false}, {"error", QStringLiteral("layoutAudit: no such window")}};
    auto* engine = qobject_cast<QQmlEngine*>(qjsEngine(m_window->contentItem()));
    if (!engine)
        engine = qmlEngine(m_window);
    if (!engine || script.isEmpty())
        return {{"ok", false},
                {"error", QStringLiteral("layoutAudit needs the QML engine and a script")}};
    QJSValue module = engine->importModule(script);
    if (module.isError())
        return {{"ok", false}, {"error", module.toString()}};
    waitForFrame(window);  // the last change laid out, as a finger would see it
    QObject* theme = singleton("Renshe.Components", "Theme");
    const double scale = theme ? theme->property("scale").toDouble() : 1.0;
    QQuickItem* root = window->contentItem();
    QJSEngine::setObjectOwnership(root, QJSEngine::CppOwnership);
    const QJSValue rootValue = engine->newQObject(root);
    const QJSValue result =
        module.property(QStringLiteral("audit")).call({rootValue, rootValue, scale});
    if (result.isError())
        return {{"ok", false}, {"error", result.toString()}};
    const QJsonValue texts = module.property(QStringLiteral("textCount")).call({rootValue}).toInt();
    return {
        {"ok", true}, {"problems", QJsonValue::fromVariant(result.toVariant())}, {"texts", texts}};
}

QObject* Automation::singleton(const char* module, const char* name) const {
    auto* engine = qmlEngine(m_window);
    if (!engine)
        engine = qobject_cast<QQmlEngine*>(qjsEngine(m_window->contentItem()));
    return engine ? engine->singletonInstance<QObject*>(qmlTypeId(module, 1, 0, name)) : nullptr;
}

// The window at another terminal's size and in (or out of) elderly mode, as if the kiosk had
// started so: the layout audits look at one state of a journey on every terminal. Answers
// the view it replaced, for the caller to put back.
QJsonObject Automation::view(const QJsonObject& request) {
    // The counter has no Kiosk singleton and no elderly mode: only its size changes.
    QObject* kiosk = singleton("Renshe.Kiosk", "Kiosk");
    const int width = request.value("width").toInt();
    const int height = request.value("height").toInt();
    if (width < 320 || height < 320 || width > 7680 || height > 7680)
        return {{"ok", false}, {"error", QStringLiteral("view wants width and height 320..7680")}};
    QJsonObject before{{"ok", true},
                       {"width", m_window->width()},
                       {"height", m_window->height()},
                       {"elderly", kiosk && kiosk->property("elderlyMode").toBool()}};
    m_window->resize(width, height);
    if (kiosk && request.contains("elderly"))
        kiosk->setProperty("elderlyMode", request.value("elderly").toBool());
    waitForFrame();
    return before;
}

QJsonObject Automation::handle(const QJsonObject& request) {
    const QString cmd = request.value("cmd").toString();
    auto fail = [](const QString& why) { return QJsonObject{{"ok", false}, {"error", why}}; };
    if (cmd == QLatin1String("quit")) {
        return {{"ok", true}};
    }
    if (cmd == QLatin1String("screenshot")) {
        const QString path = request.value("path").toString();
        QQuickWindow* window = windowFor(request);
        if (!window || path.isEmpty()) {
            return fail(QStringLiteral("screenshot needs a window and a path"));
        }
        const QImage image = window->grabWindow();
        if (image.isNull() || !image.save(path, "PNG")) {
            return fail(QStringLiteral("cannot save screenshot to %1").arg(path));
        }
        return {{"ok", true}, {"width", image.width()}, {"height", image.height()}};
    }
    if (cmd == QLatin1String("layoutAudit"))
        return layoutAudit(request.value("script").toString(), windowFor(request));
    if (cmd == QLatin1String("view"))
        return view(request);
    if (cmd == QLatin1String("key")) {
        // A key combination typed on the keyboard ("F2", "Ctrl+Down", "Alt+A") to whatever
        // has the focus, through the platform input path.
        const QKeySequence sequence = QKeySequence::fromString(request.value("key").toString());
        if (sequence.isEmpty() || !m_window)
            return fail(QStringLiteral("key needs a key sequence such as \"Ctrl+Down\""));
        waitForFrame();
        const QKeyCombination combination = sequence[0];
        QTest::keyClick(m_window, combination.key(), combination.keyboardModifiers());
        return {{"ok", true}};
    }
    const QString name = request.value("object").toString();
    if (cmd == QLatin1String("click")) {
        // A finger acts on what is on the screen: let the last change be laid out and drawn
        // (a pad that just appeared has no key positions before its first polish).
        waitForFrame();
    }
    QObject* obj = find(name);
    if (!obj) {
        return fail(QStringLiteral("no object named '%1'").arg(name));
    }
    if (cmd == QLatin1String("property")) {
        const QByteArray prop = request.value("name").toString().toUtf8();
        const QVariant v = obj->property(prop.constData());
        if (!v.isValid()) {
            return fail(
                QStringLiteral("'%1' has no property '%2'").arg(name, QString::fromUtf8(prop)));
        }
        return {{"ok", true}, {"value", QJsonValue::fromVariant(v)}};
    }
    if (cmd == QLatin1String("set")) {
        // Text typed into a field (the counter's keyboard input): the property as if edited.
        const QByteArray prop = request.value("name").toString().toUtf8();
        if (!obj->setProperty(prop.constData(), request.value("value").toVariant()))
            return fail(
                QStringLiteral("cannot set '%1' of '%2'").arg(QString::fromUtf8(prop), name));
        return {{"ok", true}};
    }
    if (cmd == QLatin1String("click")) {
        auto* item = qobject_cast<QQuickItem*>(obj);
        if (!item || !item->isVisible() || !item->isEnabled()) {
            return fail(QStringLiteral("'%1' is not a visible, enabled item").arg(name));
        }
        if (item->window() != m_window)
            waitForFrame(item->window());  // another window lays out on its own frames
        // A press and release at the item's centre through the platform input path, like a
        // finger on the touchscreen (not a direct call of the item's handler).
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(item->window(), Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        return {{"ok", true}};
    }
    return fail(QStringLiteral("unknown cmd '%1'").arg(cmd));
}

}  // namespace renshe::kiosk
