#include "kiosk/guides_model.hpp"

#include <QCoreApplication>
#include <QStringList>

#include "renshe/v1/guides.grpc.pb.h"
#include "services/client/call.hpp"

namespace renshe::kiosk {

using namespace renshe::v1;
namespace client = services::client;

GuidesModel::GuidesModel(std::shared_ptr<client::ChannelKeeper> backoffice, QObject* parent)
    : QAbstractListModel(parent), m_backoffice(std::move(backoffice)) {}

int GuidesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_guides.size());
}

QVariant GuidesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Guide& g = m_guides[static_cast<std::size_t>(index.row())];
    switch (role) {
        case TitleRole:
            return QString::fromStdString(g.title());
        case CategoryRole:
            return QString::fromStdString(g.category());
        case IdRole:
            return QString::fromStdString(g.id());
        default:
            return {};
    }
}

QHash<int, QByteArray> GuidesModel::roleNames() const {
    return {{TitleRole, "title"}, {CategoryRole, "category"}, {IdRole, "guideId"}};
}

void GuidesModel::refresh() {
    if (!m_backoffice) {
        m_message = m_guides.empty() ? tr("网络未连接，暂时不能查看办事指南") : QString();
        Q_EMIT stateChanged();
        return;
    }
    if (m_loading)
        return;
    m_loading = true;
    Q_EMIT stateChanged();
    auto req = std::make_shared<ListGuidesRequest>();
    req->set_if_none_match_version(m_version);
    auto resp = std::make_shared<ListGuidesResponse>();
    auto result = std::make_shared<client::CallResult>();
    auto keeper = m_backoffice;
    m_async.run(
        [=] {
            *result = client::unary<GuideService>(*keeper, &GuideService::Stub::ListGuides, *req,
                                                  resp.get());
        },
        [this, resp, result] {
            m_loading = false;
            m_message.clear();
            if (result->ok() && !resp->not_modified()) {
                beginResetModel();
                m_guides.assign(resp->guides().begin(), resp->guides().end());
                endResetModel();
                m_version = resp->catalogue_version();
            } else if (!result->ok() && m_guides.empty()) {
                m_message = tr("网络暂时不通，请稍后再试");
            }
            // Unreachable with a cached catalogue: keep showing it.
            Q_EMIT stateChanged();
        });
}

void GuidesModel::select(int row) {
    if (row < 0 || row >= rowCount())
        return;
    const Guide& g = m_guides[static_cast<std::size_t>(row)];
    QStringList materials, steps;
    for (const auto& mat : g.materials()) {
        QString line = QString::fromStdString(mat.name());
        if (mat.copies() > 0) {
            line += mat.original() ? tr("（原件%1份）").arg(mat.copies())
                                   : tr("（复印件%1份）").arg(mat.copies());
        }
        if (!mat.note().empty())
            line += QStringLiteral("：") + QString::fromStdString(mat.note());
        materials << line;
    }
    int n = 0;
    for (const auto& s : g.process_steps())
        steps << QStringLiteral("%1. %2").arg(++n).arg(QString::fromStdString(s));
    m_selected = {
        {QStringLiteral("title"), QString::fromStdString(g.title())},
        {QStringLiteral("target"), QString::fromStdString(g.target())},
        {QStringLiteral("location"), QString::fromStdString(g.location())},
        {QStringLiteral("materials"), materials},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("fees"), QString::fromStdString(g.fees())},
        {QStringLiteral("timeLimit"), QString::fromStdString(g.time_limit())},
        {QStringLiteral("consultation"), QString::fromStdString(g.consultation())},
    };
    Q_EMIT selectedChanged();
}

void GuidesModel::clearSelection() {
    if (m_selected.isEmpty())
        return;
    m_selected.clear();
    Q_EMIT selectedChanged();
}

}  // namespace renshe::kiosk
