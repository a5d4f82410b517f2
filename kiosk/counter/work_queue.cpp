#include "kiosk/counter/work_queue.hpp"

#include <QDate>
#include <QDateTime>

#include "kiosk/china_time.hpp"
#include "kiosk/counter/staff_text.hpp"
#include "renshe/v1/applications.grpc.pb.h"

namespace renshe::kiosk::counter {

using namespace renshe::v1;
using services::client::CallResult;
using services::client::unary;

namespace {

constexpr int kPageSize = 100;  // the back office's largest page
constexpr int kMaxPages = 5;    // 500 open applications: more is a county's, not a counter's

QVariantMap row(const Application& a, const QDate& today) {
    const QDate due(a.due_date().year(), a.due_date().month(), a.due_date().day());
    const bool dueSoon = a.overdue() || (due.isValid() && due <= today.addDays(1));
    const QString who = a.has_beneficiary() ? fromStd(a.beneficiary().masked_name())
                                            : fromStd(a.applicant().masked_name());
    return {{QStringLiteral("number"), fromStd(a.number())},
            {QStringLiteral("kind"), StaffText::applicationKind(a.kind())},
            {QStringLiteral("state"), static_cast<int>(a.state())},
            {QStringLiteral("stateText"), StaffText::applicationState(a.state())},
            {QStringLiteral("person"), who},
            {QStringLiteral("summary"), fromStd(a.summary())},
            {QStringLiteral("submitted"), StaffText::time(a.submitted_at())},
            {QStringLiteral("due"), StaffText::date(a.due_date())},
            {QStringLiteral("overdue"), a.overdue()},
            {QStringLiteral("dueSoon"), dueSoon},
            {QStringLiteral("claimedBy"), fromStd(a.claimed_by())},
            {QStringLiteral("phone"), fromStd(a.phone_masked())},
            {QStringLiteral("reason"), fromStd(a.reason())},
            {QStringLiteral("terminal"), fromStd(a.terminal_id())}};
}

QDate chinaToday() {
    return chinaTime(QDateTime::currentSecsSinceEpoch()).date();
}

}  // namespace

void WorkQueue::setLink(std::shared_ptr<StaffLink> link) {
    m_link = std::move(link);
    if (!m_link) {
        m_async.invalidate();
        m_detail.invalidate();
        m_loading = m_acting = false;
        m_message.clear();
        m_actionMessage.clear();
        m_reasonError.clear();
        m_applications.clear();
        m_helpRequests.clear();
        m_selected.clear();
        m_dueSoonCount = 0;
        Q_EMIT changed();
    }
}

void WorkQueue::refresh() {
    if (!m_link)
        return;
    if (!m_link->online()) {
        m_message = StaffMessages::offline();
        Q_EMIT changed();
        return;
    }
    m_loading = true;
    Q_EMIT changed();
    auto link = m_link;
    auto list = std::make_shared<ListApplicationsResponse>();
    auto help = std::make_shared<ListHelpRequestsResponse>();
    auto results = std::make_shared<std::pair<CallResult, CallResult>>();
    m_async.run(
        [link, list, help, results] {
            ListApplicationsRequest request;
            request.mutable_page()->set_page_size(kPageSize);
            for (int page = 0; page < kMaxPages; ++page) {
                ListApplicationsResponse one;
                results->first = unary<ApplicationService>(
                    link->keeper(), &ApplicationService::Stub::ListApplications, request, &one);
                if (!results->first.ok())
                    break;
                for (auto& a : *one.mutable_applications())
                    *list->add_applications() = std::move(a);
                if (one.page().next_page_token().empty())
                    break;
                request.mutable_page()->set_page_token(one.page().next_page_token());
            }
            results->second =
                unary<FeedbackService>(link->keeper(), &FeedbackService::Stub::ListHelpRequests,
                                       ListHelpRequestsRequest(), help.get());
        },
        [this, list, help, results] {
            m_loading = false;
            m_message = StaffMessages::text(results->first.ok() ? results->second : results->first);
            if (results->first.ok())
                showList(*list, results->second.ok() ? *help : ListHelpRequestsResponse());
            Q_EMIT changed();
        });
}

void WorkQueue::showList(const ListApplicationsResponse& list,
                         const ListHelpRequestsResponse& help) {
    const QDate today = chinaToday();
    m_applications.clear();
    m_dueSoonCount = 0;
    for (const auto& a : list.applications()) {
        auto r = row(a, today);
        m_dueSoonCount += r.value(QStringLiteral("dueSoon")).toBool() ? 1 : 0;
        m_applications.append(r);
    }
    m_helpRequests.clear();
    for (const auto& h : help.help_requests())
        m_helpRequests.append(
            QVariantMap{{QStringLiteral("id"), fromStd(h.id())},
                        {QStringLiteral("terminal"), fromStd(h.terminal_id())},
                        {QStringLiteral("servicePoint"), fromStd(h.service_point_id())},
                        {QStringLiteral("screen"), fromStd(h.screen())},
                        {QStringLiteral("raised"), StaffText::time(h.raised_at())}});
    Q_EMIT changed();
}

void WorkQueue::showSelected(const Application& a) {
    m_selected = row(a, chinaToday());
    QVariantList history;
    for (const auto& e : a.history())
        history.append(
            QVariantMap{{QStringLiteral("at"), StaffText::time(e.at())},
                        {QStringLiteral("actor"), fromStd(e.actor())},
                        {QStringLiteral("action"), StaffText::applicationAction(e.action())},
                        {QStringLiteral("state"), StaffText::applicationState(e.state())},
                        {QStringLiteral("text"), fromStd(e.text())}});
    m_selected.insert(QStringLiteral("history"), history);
    Q_EMIT changed();
}

void WorkQueue::select(const QString& number) {
    if (!m_link || number.isEmpty())
        return;
    m_actionMessage.clear();
    m_reasonError.clear();
    if (!m_link->online()) {
        m_actionMessage = StaffMessages::offline();
        Q_EMIT changed();
        return;
    }
    auto link = m_link;
    auto response = std::make_shared<GetApplicationResponse>();
    auto result = std::make_shared<CallResult>();
    GetApplicationRequest request;
    request.set_number(number.toStdString());
    m_detail.invalidate();  // only the last one asked for is shown
    m_detail.run(
        [link, request, response, result] {
            *result = unary<ApplicationService>(
                link->keeper(), &ApplicationService::Stub::GetApplication, request, response.get());
        },
        [this, response, result] {
            if (!result->ok()) {
                m_actionMessage = StaffMessages::text(*result);
                Q_EMIT changed();
                return;
            }
            showSelected(response->application());
        });
}

void WorkQueue::selectNext(int step) {
    if (m_applications.isEmpty())
        return;
    const QString current = m_selected.value(QStringLiteral("number")).toString();
    int index = -1;
    for (int i = 0; i < m_applications.size(); ++i) {
        if (m_applications[i].toMap().value(QStringLiteral("number")).toString() == current)
            index = i;
    }
    const int next = index < 0 ? 0 : std::clamp(index + step, 0, int(m_applications.size()) - 1);
    select(m_applications[next].toMap().value(QStringLiteral("number")).toString());
}

bool WorkQueue::requireSelected() {
    m_actionMessage.clear();
    m_reasonError.clear();
    if (m_selected.isEmpty()) {
        m_actionMessage = tr("请先在左侧选择一件申请");
        Q_EMIT changed();
        return false;
    }
    return !m_acting;
}

bool WorkQueue::requireOnline() {
    if (m_link && m_link->online())
        return true;
    m_actionMessage = StaffMessages::offline();
    Q_EMIT changed();
    return false;
}

template <typename Request, typename Response, typename Method>
void WorkQueue::act(Request request, Method method, const QString& done) {
    request.set_request_id(services::client::newRequestId());
    request.set_number(m_selected.value(QStringLiteral("number")).toString().toStdString());
    m_acting = true;
    Q_EMIT changed();
    auto link = m_link;
    auto result = std::make_shared<CallResult>();
    auto response = std::make_shared<Response>();
    m_async.run(
        [link, request, method, result, response] {
            *result = services::client::unaryWithRetries<ApplicationService>(
                link->keeper(), method, request, response.get(), 2);
        },
        [this, result, done] {
            m_acting = false;
            m_actionMessage = result->ok() ? done : StaffMessages::text(*result);
            const QString number = m_selected.value(QStringLiteral("number")).toString();
            Q_EMIT changed();
            if (result->ok()) {
                select(number);
                refresh();
            }
        });
}

void WorkQueue::claim(bool takeOver) {
    if (!requireSelected() || !requireOnline())
        return;
    ClaimApplicationRequest request;
    request.set_take_over(takeOver);
    act<ClaimApplicationRequest, ClaimApplicationResponse>(
        request, &ApplicationService::Stub::ClaimApplication, tr("已认领"));
}

void WorkQueue::decide(const QString& decision, const QString& reason) {
    if (!requireSelected())
        return;
    DecideApplicationRequest request;
    QString done;
    if (decision == QStringLiteral("accept")) {
        request.set_decision(DECISION_ACCEPT);
        done = tr("已受理");
    } else if (decision == QStringLiteral("request_information")) {
        request.set_decision(DECISION_REQUEST_INFORMATION);
        done = tr("已通知申请人补充材料");
    } else if (decision == QStringLiteral("reject")) {
        request.set_decision(DECISION_REJECT);
        done = tr("已作不予受理处理");
    } else if (decision == QStringLiteral("complete")) {
        request.set_decision(DECISION_COMPLETE);
        done = tr("已办结");
    } else {
        m_actionMessage = tr("未知的操作");
        Q_EMIT changed();
        return;
    }
    const QString text = reason.trimmed();
    const bool needsReason =
        request.decision() == DECISION_REQUEST_INFORMATION || request.decision() == DECISION_REJECT;
    if (needsReason && text.isEmpty()) {
        m_reasonError = tr("不予受理或要求补充材料时，必须填写原因（申请人会看到）");
        Q_EMIT changed();
        return;
    }
    if (text.size() > 200) {
        m_reasonError = tr("原因最多200字");
        Q_EMIT changed();
        return;
    }
    if (!requireOnline())
        return;
    request.set_reason(text.toStdString());
    act<DecideApplicationRequest, DecideApplicationResponse>(
        request, &ApplicationService::Stub::DecideApplication, done);
}

void WorkQueue::addNote(const QString& text) {
    if (!requireSelected())
        return;
    const QString note = text.trimmed();
    if (note.isEmpty() || note.size() > 500) {
        m_reasonError = tr("备注应为1至500字");
        Q_EMIT changed();
        return;
    }
    if (!requireOnline())
        return;
    AddApplicationNoteRequest request;
    request.set_text(note.toStdString());
    act<AddApplicationNoteRequest, AddApplicationNoteResponse>(
        request, &ApplicationService::Stub::AddApplicationNote, tr("备注已保存"));
}

void WorkQueue::answerHelp(const QString& id) {
    if (!m_link || id.isEmpty())
        return;
    if (!m_link->online()) {
        m_message = StaffMessages::offline();
        Q_EMIT changed();
        return;
    }
    AnswerHelpRequestRequest request;
    request.set_request_id(services::client::newRequestId());
    request.set_id(id.toStdString());
    auto link = m_link;
    auto result = std::make_shared<CallResult>();
    m_async.run(
        [link, request, result] {
            AnswerHelpRequestResponse response;
            *result = services::client::unaryWithRetries<FeedbackService>(
                link->keeper(), &FeedbackService::Stub::AnswerHelpRequest, request, &response, 2);
        },
        [this, result] {
            m_message = StaffMessages::text(*result);
            Q_EMIT changed();
            if (result->ok())
                refresh();
        });
}

}  // namespace renshe::kiosk::counter
