// 就业信息: job postings of this township from the back office, as a list model for the jobs
// screen. Search by a keyword (the screen offers the common ones as one-touch buttons; typing
// Chinese needs the pinyin keyboard of a later step), newest first, more on demand; the
// selected posting's details. Presentation rules (salary text, dates) live here, not in QML.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QString>
#include <QVariantList>
#include <memory>
#include <vector>

#include "kiosk/pinyin_input.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/jobs.pb.h"
#include "services/client/client.hpp"

namespace renshe::kiosk {

class JobsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("JobsModel belongs to the Kiosk singleton")
    Q_PROPERTY(QString keyword READ keyword NOTIFY stateChanged)
    // Common jobs as one-touch searches: [{keyword, label}]; the keyword is what is searched
    // (postings are in Chinese whatever the screen's language), the label what the tile says.
    Q_PROPERTY(QVariantList suggestions READ suggestions NOTIFY stateChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap selected READ selected NOTIFY selectedChanged)
    // A keyword typed on the pinyin keyboard (search() with its text).
    Q_PROPERTY(renshe::kiosk::PinyinInput* input READ input CONSTANT)

public:
    enum Role {
        TitleRole = Qt::UserRole + 1,
        EmployerRole,
        SalaryRole,
        AddressRole,
        PostedRole,
        IdRole
    };

    explicit JobsModel(std::shared_ptr<services::client::ChannelKeeper> backoffice,
                       QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString keyword() const { return m_keyword; }
    bool loading() const { return m_loading; }
    bool hasMore() const { return !m_nextPage.empty(); }
    QString message() const { return m_message; }
    QVariantMap selected() const { return m_selected; }
    PinyinInput* input() { return &m_input; }
    // Searches for what is typed on the pinyin keyboard.
    Q_INVOKABLE void searchTyped() { search(m_input.text()); }

    // A new search ("" = every open posting of this township).
    Q_INVOKABLE void search(const QString& keyword);
    QVariantList suggestions() const;
    Q_INVOKABLE void loadMore();
    Q_INVOKABLE void select(int row);
    Q_INVOKABLE void clearSelection();
    // Forget everything (the session ended).
    Q_INVOKABLE void reset();

    // "6000–9000元/月", "6000元/月起", "面议".
    static QString salaryText(const renshe::v1::Job& job);
    // What a posting's QR code carries (the id part of an image://qr/ URL).
    static QString qrPayload(const renshe::v1::Job& job);

Q_SIGNALS:
    void stateChanged();
    void selectedChanged();

private:
    void fetch(bool append);

    std::shared_ptr<services::client::ChannelKeeper> m_backoffice;
    std::vector<renshe::v1::Job> m_jobs;
    QString m_keyword;
    std::string m_nextPage;
    bool m_loading = false;
    QString m_message;
    QVariantMap m_selected;
    PinyinInput m_input{8};
    UiAsync m_async{this};  // a new search drops the answers of the one before
};

}  // namespace renshe::kiosk
