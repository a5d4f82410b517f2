// 办事指南: the service guide catalogue for the guides screen, fetched once and then only when
// its version changes (ListGuides with if_none_match_version), so the screen works from the
// cached copy when the back office is unreachable. The detail is "一次性告知": everything to
// bring, where to go, how long it takes, on one screen.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QString>
#include <QVariantMap>
#include <memory>
#include <vector>

#include "kiosk/ui_async.hpp"
#include "renshe/v1/guides.pb.h"
#include "services/client/client.hpp"

namespace renshe::kiosk {

class GuidesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("GuidesModel belongs to the Kiosk singleton")
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(qint64 version READ version NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap selected READ selected NOTIFY selectedChanged)

public:
    enum Role { TitleRole = Qt::UserRole + 1, CategoryRole, IdRole };

    explicit GuidesModel(std::shared_ptr<services::client::ChannelKeeper> backoffice,
                         QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const { return m_loading; }
    QString message() const { return m_message; }
    qint64 version() const { return m_version; }
    QVariantMap selected() const { return m_selected; }

    // Asks whether the catalogue changed since the cached version; refreshes it if so.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void select(int row);
    Q_INVOKABLE void clearSelection();

Q_SIGNALS:
    void stateChanged();
    void selectedChanged();

private:
    std::shared_ptr<services::client::ChannelKeeper> m_backoffice;
    std::vector<renshe::v1::Guide> m_guides;
    qint64 m_version = 0;
    bool m_loading = false;
    QString m_message;
    QVariantMap m_selected;
    UiAsync m_async{this};
};

}  // namespace renshe::kiosk
