// 我的社保 on the touchscreen: what a person's insurance records say, in plain words and a year
// of months, after the card verified their PIN (CardSession's "records" action) or, without
// the card, their finger matched on the sensor (CertificationSession's records purpose). The
// records stay only while the card is in (or no card came) and the page is open; other years
// are fetched with the same proof while it is fresh (the back office allows 5 minutes).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <functional>
#include <memory>

#include "kiosk/card/records.hpp"
#include "kiosk/ui_async.hpp"

namespace renshe::kiosk {

class RecordsView : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CardSession.records")
    Q_PROPERTY(bool shown READ shown NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString holder READ holder NOTIFY changed)
    // One sentence per insurance type ("企业职工基本养老保险：正常参保，累计缴费 23 年 4 个月，…").
    Q_PROPERTY(QStringList summaryLines READ summaryLines NOTIFY changed)
    Q_PROPERTY(int year READ year NOTIFY changed)
    Q_PROPERTY(QString yearTitle READ yearTitle NOTIFY changed)
    // Twelve months: {month: "1月", state: "paid"|"owed"|"none", mark: "已缴"|"欠缴"|"无",
    // share: 0..1 (the bar's height: the month's amount against the year's largest)}.
    Q_PROPERTY(QVariantList months READ months NOTIFY changed)
    Q_PROPERTY(QString yearSummary READ yearSummary NOTIFY changed)
    Q_PROPERTY(QStringList paymentLines READ paymentLines NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    // What 朗读 says: each sentence, then the year's.
    Q_PROPERTY(QString spokenText READ spokenText NOTIFY changed)
    Q_PROPERTY(bool canShowEarlier READ canShowEarlier NOTIFY changed)
    Q_PROPERTY(bool canShowLater READ canShowLater NOTIFY changed)
    // Printing a statement (证明): offered only while the printer can print; otherwise why not.
    Q_PROPERTY(bool canPrint READ canPrint NOTIFY changed)
    Q_PROPERTY(QString printerText READ printerText NOTIFY changed)
    Q_PROPERTY(bool printing READ printing NOTIFY changed)
    // What became of the last print: "" none, or the outcome in words (its number when printed).
    Q_PROPERTY(QString printMessage READ printMessage NOTIFY changed)
    Q_PROPERTY(bool printFailed READ printFailed NOTIFY changed)

public:
    explicit RecordsView(QObject* parent = nullptr);

    // The records a flow found (their proof is kept to fetch other years and print).
    void show(const card::RecordsData& data,
              std::shared_ptr<services::client::ChannelKeeper> keeper);
    // Without the card: fetches this year's records of `subject` (a finger matched) and shows
    // them; `done` hears the outcome on the UI thread (not called if cleared meanwhile).
    void open(const renshe::v1::RecordsSubject& subject,
              const std::shared_ptr<services::client::ChannelKeeper>& keeper,
              std::function<void(const services::client::CallResult&)> done);
    // Everything forgotten (card out, timeout, the page closed).
    void clear();

    Q_INVOKABLE void showEarlier() { showYear(m_data.year - 1); }
    Q_INVOKABLE void showLater() { showYear(m_data.year + 1); }
    Q_INVOKABLE void close() { clear(); }
    // Issues and prints 参保证明 (`yearRecord` false) or the shown year's 个人权益记录.
    Q_INVOKABLE void printStatement(bool yearRecord = false);
    // Where statements are printed (may stay null: no printing offered).
    void setPrinter(class StatementPrinter* printer);

    bool shown() const { return m_shown; }
    bool busy() const { return m_busy; }
    QString holder() const;
    QStringList summaryLines() const;
    int year() const { return m_data.year; }
    QString yearTitle() const;
    QVariantList months() const;
    QString yearSummary() const;
    QStringList paymentLines() const;
    QString message() const { return m_message; }
    QString spokenText() const;
    bool canShowEarlier() const { return m_shown && !m_busy && m_data.year > m_firstYear; }
    bool canShowLater() const { return m_shown && !m_busy && m_data.year < m_thisYear; }
    bool canPrint() const;
    QString printerText() const;
    bool printing() const { return m_printing; }
    QString printMessage() const { return m_printMessage; }
    bool printFailed() const { return m_printFailed; }

    // One insurance type in words, for `thisMonth` ("YYYY-MM").
    static QString summaryLine(const renshe::v1::InsuranceSummary& s, const QString& thisMonth);
    static QString typeName(int insuranceType);
    static QString kindName(int benefitKind);
    static QString yuan(qint64 fen);

Q_SIGNALS:
    void changed();

private:
    void showYear(int year);
    QString staleText() const;

    UiAsync m_async{this};
    bool m_shown = false;
    bool m_busy = false;
    card::RecordsData m_data;
    std::shared_ptr<services::client::ChannelKeeper> m_keeper;
    int m_firstYear = 0, m_thisYear = 0;
    QString m_thisMonth;  // "YYYY-MM", China time
    QString m_message;
    class StatementPrinter* m_printer = nullptr;
    bool m_printing = false, m_printFailed = false;
    QString m_printMessage;
};

}  // namespace renshe::kiosk
