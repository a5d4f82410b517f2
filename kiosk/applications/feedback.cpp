#include "kiosk/applications/feedback.hpp"

#include <QVariantMap>

#include "kiosk/outbox.hpp"
#include "renshe/v1/applications.grpc.pb.h"

namespace renshe::kiosk {

using namespace renshe::v1;
namespace client = services::client;

namespace {
constexpr const char* kRatingMethod = "/renshe.v1.FeedbackService/SubmitRating";
constexpr int kThanksMs = 4000;
constexpr int kFeedbackAttempts = 2;
constexpr int kUnansweredMs = 60'000;
}  // namespace

Feedback::Feedback(std::shared_ptr<client::ChannelKeeper> backoffice, Outbox* outbox,
                   QObject* parent)
    : QObject(parent), m_backoffice(std::move(backoffice)), m_outbox(outbox) {
    m_close.setSingleShot(true);
    m_close.setInterval(kThanksMs);
    connect(&m_close, &QTimer::timeout, this, [this] {
        m_service = RATED_SERVICE_UNSPECIFIED;
        m_ratingMessage.clear();
        Q_EMIT changed();
    });
    m_expire.setSingleShot(true);
    m_expire.setInterval(kUnansweredMs);
    connect(&m_expire, &QTimer::timeout, this, [this] {
        if (!m_close.isActive())
            skipRating();
    });
}

QVariantList Feedback::reasons() const {
    if (m_level == 0 || m_level > RATING_LEVEL_DISSATISFIED)
        return {};
    const std::pair<int, QString> all[] = {{POOR_RATING_REASON_TOO_SLOW, tr("等待时间长、办理慢")},
                                           {POOR_RATING_REASON_HARD_TO_USE, tr("操作复杂、看不清")},
                                           {POOR_RATING_REASON_NOT_SOLVED, tr("问题没有解决")},
                                           {POOR_RATING_REASON_DEVICE_FAULT, tr("设备有故障")},
                                           {POOR_RATING_REASON_STAFF_ATTITUDE, tr("服务态度不好")},
                                           {POOR_RATING_REASON_OTHER, tr("其他原因")}};
    QVariantList out;
    for (const auto& [id, title] : all)
        out << QVariantMap{{QStringLiteral("id"), id},
                           {QStringLiteral("title"), title},
                           {QStringLiteral("selected"), m_reasons.count(id) > 0}};
    return out;
}

void Feedback::offerRating(RatedService service) {
    m_async.invalidate();
    m_close.stop();
    m_service = service;
    m_level = 0;
    m_reasons.clear();
    m_ratingMessage = tr("请您对本次服务进行评价");
    m_expire.start();
    Q_EMIT changed();
}

void Feedback::rate(int level) {
    if (!ratingOpen() || level < RATING_LEVEL_VERY_DISSATISFIED ||
        level > RATING_LEVEL_VERY_SATISFIED || m_close.isActive())
        return;
    m_expire.start();  // choosing reasons gets its own minute
    m_level = level;
    m_reasons.clear();
    if (level <= RATING_LEVEL_DISSATISFIED) {
        m_ratingMessage = tr("很抱歉给您带来不便。请选择不满意的原因（可多选），再点“提交评价”");
        Q_EMIT changed();
        return;
    }
    send();
}

void Feedback::toggleReason(int reason) {
    if (!ratingOpen() || m_level == 0 || m_level > RATING_LEVEL_DISSATISFIED ||
        !PoorRatingReason_IsValid(reason) || reason == 0)
        return;
    if (!m_reasons.erase(reason))
        m_reasons.insert(reason);
    Q_EMIT changed();
}

void Feedback::sendRating() {
    if (!ratingOpen() || m_level == 0 || m_close.isActive())
        return;
    if (m_level <= RATING_LEVEL_DISSATISFIED && m_reasons.empty()) {
        m_ratingMessage = tr("请至少选择一个原因");
        Q_EMIT changed();
        return;
    }
    send();
}

void Feedback::skipRating() {
    m_async.invalidate();
    m_close.stop();
    m_expire.stop();
    m_service = RATED_SERVICE_UNSPECIFIED;
    m_level = 0;
    m_reasons.clear();
    m_ratingMessage.clear();
    Q_EMIT changed();
}

void Feedback::send() {
    const bool poor = m_level <= RATING_LEVEL_DISSATISFIED;
    m_ratingMessage =
        poor ? tr("感谢您的评价，工作人员将在15个工作日内回访改进") : tr("感谢您的评价！");
    m_close.start();
    Q_EMIT changed();
    if (!m_backoffice)
        return;
    SubmitRatingRequest req;
    req.set_request_id(client::newRequestId());
    req.set_service(m_service);
    req.set_level(static_cast<RatingLevel>(m_level));
    for (int r : m_reasons)
        req.add_reasons(static_cast<PoorRatingReason>(r));
    auto keeper = m_backoffice;
    Outbox* outbox = m_outbox;
    // Nothing waits for the answer: the citizen is thanked either way, and a rating the back
    // office could not take now is delivered later from the outbox.
    m_async.run(
        [keeper, outbox, req] {
            SubmitRatingResponse resp;
            const auto r = client::unaryWithRetries<FeedbackService>(
                *keeper, &FeedbackService::Stub::SubmitRating, req, &resp, kFeedbackAttempts);
            if (r.transient() && outbox) {
                try {
                    outbox->enqueue(kRatingMethod, req.request_id(), req.SerializeAsString());
                } catch (const std::exception& e) {
                    qWarning("rating: the outbox refused it (%s)", e.what());
                }
            } else if (!r.ok()) {
                qWarning("rating: refused (%s)", r.message.c_str());
            }
        },
        [] {});
}

void Feedback::callStaff(const QString& screen) {
    if (m_help == HelpState::Sending)
        return;
    m_help = HelpState::Sending;
    m_helpMessage = tr("正在呼叫工作人员…");
    Q_EMIT changed();
    if (!m_backoffice) {
        m_help = HelpState::Failed;
        m_helpMessage = tr("暂时联系不上工作人员，请到服务窗口咨询");
        Q_EMIT changed();
        return;
    }
    RaiseHelpRequestRequest req;
    req.set_request_id(client::newRequestId());
    req.set_screen(screen.toStdString());
    auto keeper = m_backoffice;
    auto ok = std::make_shared<bool>(false);
    m_helpAsync.run(
        [keeper, req, ok] {
            RaiseHelpRequestResponse resp;
            *ok = client::unaryWithRetries<FeedbackService>(
                      *keeper, &FeedbackService::Stub::RaiseHelpRequest, req, &resp,
                      kFeedbackAttempts)
                      .ok();
        },
        [this, ok] {
            m_help = *ok ? HelpState::Sent : HelpState::Failed;
            m_helpMessage = *ok ? tr("已通知工作人员，请在这里稍候，马上就来")
                                : tr("暂时联系不上工作人员，请到服务窗口咨询");
            Q_EMIT changed();
        });
}

void Feedback::reset() {
    skipRating();
    m_helpAsync.invalidate();
    m_help = HelpState::Idle;
    m_helpMessage.clear();
    Q_EMIT changed();
}

}  // namespace renshe::kiosk
