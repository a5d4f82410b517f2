// 待办 at the counter: the region's open applications and 差评 follow-ups by due date, the help
// requests of the hall's terminals, one application's detail with its history, and the staff
// actions on it — claim (or take over), accept, ask for information, reject, complete, note —
// each validated before it is sent (a reason is required to reject or ask for information).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <memory>

#include "kiosk/counter/staff_link.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/applications.pb.h"

namespace renshe::kiosk::counter {

class WorkQueue : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("WorkQueue belongs to the Counter singleton")
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QVariantList applications READ applications NOTIFY changed)
    Q_PROPERTY(QVariantList helpRequests READ helpRequests NOTIFY changed)
    Q_PROPERTY(int dueSoonCount READ dueSoonCount NOTIFY changed)  // overdue or due by tomorrow
    Q_PROPERTY(QVariantMap selected READ selected NOTIFY changed)
    Q_PROPERTY(bool acting READ acting NOTIFY changed)
    Q_PROPERTY(QString actionMessage READ actionMessage NOTIFY changed)
    Q_PROPERTY(QString reasonError READ reasonError NOTIFY changed)  // next to the reason field

public:
    WorkQueue() = default;

    void setLink(std::shared_ptr<StaffLink> link);

    bool loading() const { return m_loading; }
    QString message() const { return m_message; }
    QVariantList applications() const { return m_applications; }
    QVariantList helpRequests() const { return m_helpRequests; }
    int dueSoonCount() const { return m_dueSoonCount; }
    QVariantMap selected() const { return m_selected; }
    bool acting() const { return m_acting; }
    QString actionMessage() const { return m_actionMessage; }
    QString reasonError() const { return m_reasonError; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void select(const QString& number);
    // The next / previous application of the list (keyboard: J / K).
    Q_INVOKABLE void selectNext(int step);
    Q_INVOKABLE void claim(bool takeOver);
    // "accept" | "request_information" | "reject" | "complete".
    Q_INVOKABLE void decide(const QString& decision, const QString& reason);
    Q_INVOKABLE void addNote(const QString& text);
    Q_INVOKABLE void answerHelp(const QString& id);

    // What the back office answered (the UI tests give them directly).
    void showList(const renshe::v1::ListApplicationsResponse& list,
                  const renshe::v1::ListHelpRequestsResponse& help);
    void showSelected(const renshe::v1::Application& application);

Q_SIGNALS:
    void changed();

private:
    bool requireSelected();
    bool requireOnline();
    template <typename Request, typename Response, typename Method>
    void act(Request request, Method method, const QString& done);

    std::shared_ptr<StaffLink> m_link;
    UiAsync m_async{this};
    UiAsync m_detail{this};
    bool m_loading = false;
    bool m_acting = false;
    QString m_message, m_actionMessage, m_reasonError;
    QVariantList m_applications, m_helpRequests;
    QVariantMap m_selected;
    int m_dueSoonCount = 0;
};

}  // namespace renshe::kiosk::counter
