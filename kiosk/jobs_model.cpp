#include "kiosk/jobs_model.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <QUrl>

#include "kiosk/china_time.hpp"
#include "renshe/v1/jobs.grpc.pb.h"
#include "services/client/call.hpp"

namespace renshe::kiosk {

using namespace renshe::v1;
namespace client = services::client;

namespace {
constexpr int kPageSize = 20;

QString dateText(const google::protobuf::Timestamp& ts) {
    // China Standard Time, as printed on a notice board.
    return chinaTime(ts.seconds()).toString(QStringLiteral("yyyy-MM-dd"));
}
}  // namespace

JobsModel::JobsModel(std::shared_ptr<client::ChannelKeeper> backoffice, QObject* parent)
    : QAbstractListModel(parent), m_backoffice(std::move(backoffice)) {}

int JobsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_jobs.size());
}

QString JobsModel::salaryText(const Job& job) {
    const auto yuan = [](const Money& m) { return QString::number(m.fen() / 100); };
    if (job.has_salary_min() && job.has_salary_max()) {
        return tr("%1–%2元/月").arg(yuan(job.salary_min()), yuan(job.salary_max()));
    }
    if (job.has_salary_min())
        return tr("%1元/月起").arg(yuan(job.salary_min()));
    if (job.has_salary_max())
        return tr("最高%1元/月").arg(yuan(job.salary_max()));
    return tr("面议");
}

QVariant JobsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Job& j = m_jobs[static_cast<std::size_t>(index.row())];
    switch (role) {
        case TitleRole:
            return QString::fromStdString(j.title());
        case EmployerRole:
            return QString::fromStdString(j.employer());
        case SalaryRole:
            return salaryText(j);
        case AddressRole:
            return QString::fromStdString(j.address());
        case PostedRole:
            return dateText(j.posted_at());
        case IdRole:
            return QString::fromStdString(j.id());
        default:
            return {};
    }
}

QHash<int, QByteArray> JobsModel::roleNames() const {
    return {{TitleRole, "title"},     {EmployerRole, "employer"}, {SalaryRole, "salary"},
            {AddressRole, "address"}, {PostedRole, "posted"},     {IdRole, "jobId"}};
}

void JobsModel::search(const QString& keyword) {
    m_async.invalidate();
    beginResetModel();
    m_jobs.clear();
    endResetModel();
    m_keyword = keyword;
    m_nextPage.clear();
    clearSelection();
    fetch(false);
}

void JobsModel::loadMore() {
    if (!m_loading && !m_nextPage.empty())
        fetch(true);
}

void JobsModel::fetch(bool append) {
    if (!m_backoffice) {
        m_message = tr("网络未连接，暂时不能查询招聘信息");
        Q_EMIT stateChanged();
        return;
    }
    m_loading = true;
    m_message.clear();
    Q_EMIT stateChanged();
    auto req = std::make_shared<SearchJobsRequest>();
    req->set_keyword(m_keyword.toStdString());
    req->mutable_page()->set_page_size(kPageSize);
    if (append)
        req->mutable_page()->set_page_token(m_nextPage);
    auto resp = std::make_shared<SearchJobsResponse>();
    auto result = std::make_shared<client::CallResult>();
    auto keeper = m_backoffice;
    m_async.run(
        [=] {
            *result =
                client::unary<JobService>(*keeper, &JobService::Stub::SearchJobs, *req, resp.get());
        },
        [this, resp, result] {
            m_loading = false;
            if (result->ok()) {
                const int first = rowCount();
                if (resp->jobs_size() > 0) {
                    beginInsertRows({}, first, first + resp->jobs_size() - 1);
                    for (const auto& j : resp->jobs())
                        m_jobs.push_back(j);
                    endInsertRows();
                }
                m_nextPage = resp->page().next_page_token();
                if (m_jobs.empty())
                    m_message = tr("没有找到相关岗位，换个词试试");
            } else {
                m_message = tr("网络暂时不通，请稍后再试");
            }
            Q_EMIT stateChanged();
        });
}

QVariantList JobsModel::suggestions() const {
    const auto item = [](const QString& keyword, const QString& label) {
        return QVariantMap{{QStringLiteral("keyword"), keyword}, {QStringLiteral("label"), label}};
    };
    return {item({}, tr("全部")),
            item(QStringLiteral("司机"), tr("司机")),
            item(QStringLiteral("保洁"), tr("保洁")),
            item(QStringLiteral("焊工"), tr("焊工")),
            item(QStringLiteral("厨师"), tr("厨师")),
            item(QStringLiteral("保安"), tr("保安")),
            item(QStringLiteral("会计"), tr("会计")),
            item(QStringLiteral("护工"), tr("护工"))};
}

QString JobsModel::qrPayload(const Job& j) {
    // The posting's page, or its essentials to keep on a phone; percent-encoded for image://qr/.
    return QString::fromUtf8(QUrl::toPercentEncoding(
        j.detail_url().empty()
            ? QString::fromStdString(j.title() + " " + j.employer() + " " + j.contact_phone())
            : QString::fromStdString(j.detail_url())));
}

void JobsModel::select(int row) {
    if (row < 0 || row >= rowCount())
        return;
    const Job& j = m_jobs[static_cast<std::size_t>(row)];
    m_selected = {
        {QStringLiteral("id"), QString::fromStdString(j.id())},
        {QStringLiteral("title"), QString::fromStdString(j.title())},
        {QStringLiteral("employer"), QString::fromStdString(j.employer())},
        {QStringLiteral("salary"), salaryText(j)},
        {QStringLiteral("requirements"), QString::fromStdString(j.requirements())},
        {QStringLiteral("address"), QString::fromStdString(j.address())},
        {QStringLiteral("contact"),
         QString::fromStdString(j.contact_name() + "  " + j.contact_phone())},
        {QStringLiteral("headcount"),
         j.headcount() > 0 ? tr("招聘%1人").arg(j.headcount()) : QString()},
        {QStringLiteral("posted"), dateText(j.posted_at())},
        {QStringLiteral("expires"), dateText(j.expires_at())},
        {QStringLiteral("qr"), qrPayload(j)},
    };
    Q_EMIT selectedChanged();
}

void JobsModel::clearSelection() {
    if (m_selected.isEmpty())
        return;
    m_selected.clear();
    Q_EMIT selectedChanged();
}

void JobsModel::reset() {
    m_async.invalidate();
    beginResetModel();
    m_jobs.clear();
    endResetModel();
    m_keyword.clear();
    m_nextPage.clear();
    m_loading = false;
    m_message.clear();
    m_input.clear();
    clearSelection();
    Q_EMIT stateChanged();
}

}  // namespace renshe::kiosk
