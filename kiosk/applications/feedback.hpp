// The citizen's voice at the touchscreen: the 好差评 rating offered after a completed flow
// (five faces and words, skippable; a poor one asks why and becomes a follow-up the staff
// must make within 15 working days), and "请工作人员帮助", which calls the hall's staff to this
// terminal (the screen's name goes with it, never personal data). Both go to the back office's
// FeedbackService; a rating made while it is away waits in the outbox.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <memory>
#include <set>

#include "kiosk/ui_async.hpp"
#include "renshe/v1/applications.pb.h"
#include "services/client/client.hpp"

namespace renshe::kiosk {

class Feedback : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Feedback belongs to the Kiosk singleton")
    Q_PROPERTY(bool ratingOpen READ ratingOpen NOTIFY changed)
    Q_PROPERTY(int level READ level NOTIFY changed)  // 0 until a face is touched
    // [{id, title, selected}] after a poor rating.
    Q_PROPERTY(QVariantList reasons READ reasons NOTIFY changed)
    Q_PROPERTY(QString ratingMessage READ ratingMessage NOTIFY changed)
    Q_PROPERTY(HelpState helpState READ helpState NOTIFY changed)
    Q_PROPERTY(QString helpMessage READ helpMessage NOTIFY changed)

public:
    enum class HelpState { Idle, Sending, Sent, Failed };
    Q_ENUM(HelpState)

    Feedback(std::shared_ptr<services::client::ChannelKeeper> backoffice,
             class Outbox* outbox = nullptr, QObject* parent = nullptr);

    bool ratingOpen() const { return m_service != renshe::v1::RATED_SERVICE_UNSPECIFIED; }
    int level() const { return m_level; }
    QVariantList reasons() const;
    QString ratingMessage() const { return m_ratingMessage; }
    HelpState helpState() const { return m_help; }
    QString helpMessage() const { return m_helpMessage; }

    // After a flow of `service` completed: the rating is offered (once per flow).
    void offerRating(renshe::v1::RatedService service);
    // A face: 1 非常不满意 … 5 非常满意. 3 and up are sent at once; 1 and 2 ask why first.
    Q_INVOKABLE void rate(int level);
    Q_INVOKABLE void toggleReason(int reason);
    Q_INVOKABLE void sendRating();
    Q_INVOKABLE void skipRating();
    // "请工作人员帮助" on `screen` (a name of the kiosk's screens, e.g. "LossReport/Error").
    Q_INVOKABLE void callStaff(const QString& screen);
    // The session ended (idle timeout, card out): an open rating goes, a help message too.
    void reset();

Q_SIGNALS:
    void changed();

private:
    void send();

    std::shared_ptr<services::client::ChannelKeeper> m_backoffice;
    class Outbox* m_outbox = nullptr;
    renshe::v1::RatedService m_service = renshe::v1::RATED_SERVICE_UNSPECIFIED;
    int m_level = 0;
    std::set<int> m_reasons;
    QString m_ratingMessage;
    HelpState m_help = HelpState::Idle;
    QString m_helpMessage;
    QTimer m_close;   // the thanks stay a few seconds, then the rating closes
    QTimer m_expire;  // a rating nobody answers closes itself for the next citizen
    UiAsync m_async{this};
    UiAsync m_helpAsync{this};
};

}  // namespace renshe::kiosk
