// Test-build inspector: end-to-end tests and the headless demo drive the real kiosk through
// it. One JSON object per line on a unix socket (never a TCP port), one answer per line:
//   {"cmd":"property","object":"<objectName>","name":"<property>"} -> {"ok":true,"value":...}
//   {"cmd":"click","object":"<objectName>"}                         -> {"ok":true}
//   {"cmd":"set","object":"<objectName>","name":"<property>","value":V} -> {"ok":true}
//   {"cmd":"key","key":"Ctrl+Down"}  (to the focused item)             -> {"ok":true}
//   {"cmd":"screenshot","path":"/abs/file.png"}                       -> {"ok":true}
//   {"cmd":"view","width":W,"height":H,"elderly":B}  -> {"ok":true,"width":..,"height":..,
//                                                       "elderly":..} (the view it replaced)
//   {"cmd":"layoutAudit","script":"/abs/layout_audit.mjs"} -> {"ok":true,"problems":[...]}
//   {"cmd":"quit"}                                                    -> {"ok":true}
// Errors: {"ok":false,"error":"..."}. Not compiled into production packages.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QLocalServer;
class QLocalSocket;
class QQuickWindow;

namespace renshe::kiosk {

class Automation : public QObject {
public:
    Automation(QQuickWindow* window, const QString& socketPath, QObject* parent = nullptr);
    bool isListening() const;

private:
    void serve(QLocalSocket* socket);
    QJsonObject handle(const QJsonObject& request);
    // The layout audit over `window`'s items.
    QJsonObject layoutAudit(const QString& script, QQuickWindow* window);
    QJsonObject view(const QJsonObject& request);
    QObject* singleton(const char* module, const char* name) const;
    void waitForFrame(QQuickWindow* window = nullptr);  // nullptr: the main window
    QObject* find(const QString& objectName) const;
    QQuickWindow* windowFor(const QJsonObject& request) const;

    QPointer<QQuickWindow> m_window;
    QLocalServer* m_server;
};

}  // namespace renshe::kiosk
