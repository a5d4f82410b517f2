#include "kiosk/records_view.hpp"

#include <QVariantMap>
#include <algorithm>
#include <array>
#include <charconv>

#include "kiosk/china_time.hpp"
#include "kiosk/messages.hpp"
#include "kiosk/statement_printer.hpp"
#include "services/client/call.hpp"

namespace renshe::kiosk {

using namespace renshe::v1;
namespace client = services::client;

namespace {

// The number at `pos` of a "YYYY-MM" month from the back office, 0 when it is not one.
int monthPart(const std::string& month, std::size_t pos, std::size_t length) {
    int v = 0;
    if (month.size() != 7 || month[4] != '-')
        return 0;
    const char* begin = month.data() + pos;
    const auto [end, ec] = std::from_chars(begin, begin + length, v);
    return ec == std::errc() && end == begin + length ? v : 0;
}

int yearOf(const std::string& month) {
    return monthPart(month, 0, 4);
}

// "2024-06" → "2024年06月".
QString monthWords(const std::string& month) {
    if (month.size() != 7)
        return QString::fromStdString(month);
    return QCoreApplication::translate("renshe::kiosk::RecordsView", "%1年%2月")
        .arg(QString::fromStdString(month.substr(0, 4)), QString::fromStdString(month.substr(5)));
}

}  // namespace

RecordsView::RecordsView(QObject* parent) : QObject(parent) {}

void RecordsView::open(const RecordsSubject& subject,
                       const std::shared_ptr<client::ChannelKeeper>& keeper,
                       std::function<void(const client::CallResult&)> done) {
    clear();
    if (!keeper) {
        client::CallResult away;
        away.code = grpc::StatusCode::UNAVAILABLE;
        done(away);
        return;
    }
    struct Job {
        card::RecordsData data;
        client::CallResult result;
    };
    auto job = std::make_shared<Job>();
    const int year = chinaTime(QDateTime::currentSecsSinceEpoch()).date().year();
    m_async.run(
        [job, keeper, subject, year] {
            card::GrpcRecordsBackOffice backOffice(keeper);
            job->result = card::fetchRecords(backOffice, subject, year, true, job->data);
        },
        [this, job, keeper, done = std::move(done)] {
            if (job->result.ok())
                show(job->data, keeper);
            done(job->result);
        });
}

void RecordsView::show(const card::RecordsData& data,
                       std::shared_ptr<client::ChannelKeeper> keeper) {
    m_async.invalidate();
    m_data = data;
    m_keeper = std::move(keeper);
    const QDateTime now = chinaTime(QDateTime::currentSecsSinceEpoch());
    m_thisYear = now.date().year();
    m_thisMonth = now.toString(QStringLiteral("yyyy-MM"));
    m_firstYear = m_thisYear;
    for (const auto& s : m_data.summary.insurances())
        if (const int y = yearOf(s.first_month()); y > 0)
            m_firstYear = std::min(m_firstYear, y);
    m_shown = true;
    m_busy = false;
    m_message.clear();
    m_printing = false;
    m_printFailed = false;
    m_printMessage.clear();
    if (m_printer)
        m_printer->refresh();
    Q_EMIT changed();
}

void RecordsView::clear() {
    m_async.invalidate();
    const bool was = m_shown;
    m_shown = false;
    m_busy = false;
    m_data = {};
    m_keeper.reset();
    m_message.clear();
    m_printing = false;
    m_printFailed = false;
    m_printMessage.clear();
    if (was)
        Q_EMIT changed();
}

void RecordsView::showYear(int year) {
    if (!m_shown || m_busy || year < m_firstYear || year > m_thisYear || !m_keeper)
        return;
    m_busy = true;
    m_message.clear();
    Q_EMIT changed();
    struct Job {
        card::RecordsData data;
        client::CallResult result;
    };
    auto job = std::make_shared<Job>();
    job->data.summary = m_data.summary;
    m_async.run(
        [job, keeper = m_keeper, subject = m_data.subject, year] {
            card::GrpcRecordsBackOffice backOffice(keeper);
            job->result = card::fetchRecords(backOffice, subject, year, false, job->data);
        },
        [this, job] {
            m_busy = false;
            if (job->result.ok()) {
                m_data = std::move(job->data);
            } else if (job->result.refusal == REFUSAL_REASON_VERIFICATION_STALE) {
                m_message = staleText();
            } else {
                m_message = CitizenMessages::text(job->result);
            }
            Q_EMIT changed();
        });
}

QString RecordsView::staleText() const {
    return m_data.subject.has_fingerprint() ? tr("查询已超过5分钟，请返回后重新验证指纹")
                                            : tr("查询已超过5分钟，请返回后重新输入密码");
}

void RecordsView::setPrinter(StatementPrinter* printer) {
    m_printer = printer;
    if (m_printer)
        connect(m_printer, &StatementPrinter::changed, this, &RecordsView::changed);
}

bool RecordsView::canPrint() const {
    return m_shown && !m_busy && !m_printing && m_keeper && m_printer && m_printer->ready();
}

QString RecordsView::printerText() const {
    if (!m_shown || !m_keeper)
        return {};
    if (!m_printer)
        return tr("本机不能打印证明，请到服务窗口打印。");
    return m_printer->stateText();
}

void RecordsView::printStatement(bool yearRecord) {
    if (!canPrint())
        return;
    m_printing = true;
    m_printFailed = false;
    m_printMessage = tr("正在出具证明，请稍候…");
    Q_EMIT changed();
    struct Job {
        IssueStatementResponse statement;
        client::CallResult result;
    };
    auto job = std::make_shared<Job>();
    const StatementKind kind =
        yearRecord ? STATEMENT_KIND_ANNUAL_RECORD : STATEMENT_KIND_PARTICIPATION;
    m_async.run(
        [job, keeper = m_keeper, subject = m_data.subject, kind,
         year = yearRecord ? m_data.year : 0] {
            card::GrpcRecordsBackOffice backOffice(keeper);
            job->result = card::issueStatement(backOffice, subject, kind, year,
                                               client::newRequestId(), job->statement);
        },
        [this, job, post = m_async.poster()] {
            if (!job->result.ok()) {
                m_printing = false;
                m_printFailed = true;
                m_printMessage = job->result.refusal == REFUSAL_REASON_VERIFICATION_STALE
                                     ? staleText()
                                     : CitizenMessages::text(job->result);
                Q_EMIT changed();
                return;
            }
            m_printMessage = tr("正在打印，请稍候…");
            Q_EMIT changed();
            const QString number = QString::fromStdString(job->statement.statement().number());
            m_printer->print(job->statement, [this, post, number](bool ok, const QString& message) {
                post([this, ok, number, message] {  // dropped if the card left meanwhile
                    m_printing = false;
                    m_printFailed = !ok;
                    m_printMessage =
                        ok ? tr("证明已打印，请取走。证明编号 %1").arg(number) : message;
                    Q_EMIT changed();
                });
            });
        });
}

QString RecordsView::holder() const {
    if (!m_shown)
        return {};
    return QString::fromStdString(m_data.summary.holder().masked_name()) + QStringLiteral("　") +
           QString::fromStdString(m_data.summary.holder().masked_ssn());
}

QString RecordsView::typeName(int type) {
    switch (type) {
        case INSURANCE_TYPE_EMPLOYEE_PENSION:
            return tr("企业职工基本养老保险");
        case INSURANCE_TYPE_RESIDENT_PENSION:
            return tr("城乡居民基本养老保险");
        case INSURANCE_TYPE_UNEMPLOYMENT:
            return tr("失业保险");
        case INSURANCE_TYPE_WORK_INJURY:
            return tr("工伤保险");
        case INSURANCE_TYPE_EMPLOYEE_MEDICAL:
            return tr("职工基本医疗保险");
        case INSURANCE_TYPE_RESIDENT_MEDICAL:
            return tr("城乡居民基本医疗保险");
        default:
            return tr("其他险种");
    }
}

QString RecordsView::kindName(int kind) {
    switch (kind) {
        case BENEFIT_KIND_EMPLOYEE_PENSION:
            return tr("基本养老金");
        case BENEFIT_KIND_RESIDENT_PENSION:
            return tr("城乡居民养老金");
        case BENEFIT_KIND_UNEMPLOYMENT:
            return tr("失业保险金");
        case BENEFIT_KIND_WORK_INJURY:
            return tr("工伤保险待遇");
        default:
            return tr("其他待遇");
    }
}

QString RecordsView::yuan(qint64 fen) {
    return tr("%1元").arg(QString::number(static_cast<double>(fen) / 100.0, 'f', 2));
}

QString RecordsView::summaryLine(const InsuranceSummary& s, const QString& thisMonth) {
    QStringList parts;
    switch (s.status()) {
        case PARTICIPATION_STATUS_RECEIVING:
            parts << tr("正在领取待遇");
            break;
        case PARTICIPATION_STATUS_CONTRIBUTING:
            parts << tr("正常参保");
            break;
        default:
            parts << tr("中断缴费");
    }
    const int years = s.paid_months() / 12, months = s.paid_months() % 12;
    if (years > 0 && months > 0)
        parts << tr("累计缴费%1年%2个月").arg(years).arg(months);
    else if (years > 0)
        parts << tr("累计缴费%1年").arg(years);
    else if (months > 0)
        parts << tr("累计缴费%1个月").arg(months);
    if (!s.latest_paid_month().empty()) {
        parts << (QString::fromStdString(s.latest_paid_month()) == thisMonth
                      ? tr("本月已缴")
                      : tr("最近缴到%1").arg(monthWords(s.latest_paid_month())));
    }
    if (s.owed_months() > 0)
        parts << tr("欠缴%1个月").arg(s.owed_months());
    return tr("%1：%2").arg(typeName(s.type()), parts.join(tr("，")));
}

QStringList RecordsView::summaryLines() const {
    QStringList out;
    if (!m_shown)
        return out;
    for (const auto& s : m_data.summary.insurances())
        out << summaryLine(s, m_thisMonth);
    if (out.isEmpty())
        out << tr("暂未查到您的参保记录，如有疑问请到窗口咨询");
    return out;
}

QString RecordsView::spokenText() const {
    if (!m_shown)
        return {};
    return (summaryLines() << yearSummary()).join(tr("。"));
}

QString RecordsView::yearTitle() const {
    return m_shown ? tr("%1年缴费情况").arg(m_data.year) : QString();
}

QVariantList RecordsView::months() const {
    // Per month: any type owed marks it owed; otherwise paid if anything was paid.
    std::array<int, 12> state{};      // 0 none, 1 paid, 2 owed
    std::array<qint64, 12> amount{};  // personal + employer, all types
    for (const auto& c : m_data.contributions) {
        const int month = monthPart(c.month(), 5, 2);
        if (month < 1 || month > 12)
            continue;  // not a month: nothing to draw
        const auto m = static_cast<std::size_t>(month - 1);
        state.at(m) = std::max(state.at(m), c.paid() ? 1 : 2);
        amount.at(m) += c.personal().fen() + c.employer().fen();
    }
    const qint64 largest = std::max<qint64>(1, *std::max_element(amount.begin(), amount.end()));
    QVariantList out;
    for (std::size_t m = 0; m < 12; ++m) {
        const int s = state.at(m);
        out << QVariantMap{
            {QStringLiteral("month"), tr("%1月").arg(m + 1)},
            {QStringLiteral("state"), s == 1   ? QStringLiteral("paid")
                                      : s == 2 ? QStringLiteral("owed")
                                               : QStringLiteral("none")},
            {QStringLiteral("mark"), s == 1   ? tr("已缴")
                                     : s == 2 ? tr("欠缴")
                                              : tr("无")},
            {QStringLiteral("share"), s == 0 ? 0.0
                                             : std::max(0.15, static_cast<double>(amount.at(m)) /
                                                                  static_cast<double>(largest))},
        };
    }
    return out;
}

QString RecordsView::yearSummary() const {
    if (!m_shown)
        return {};
    int paid = 0, owed = 0;
    for (const auto& month : months()) {
        const QString s = month.toMap().value(QStringLiteral("state")).toString();
        paid += s == QStringLiteral("paid") ? 1 : 0;
        owed += s == QStringLiteral("owed") ? 1 : 0;
    }
    if (paid == 0 && owed == 0)
        return tr("%1年没有缴费记录").arg(m_data.year);
    QString text = tr("%1年已缴%2个月").arg(m_data.year).arg(paid);
    if (owed > 0)
        text += tr("，欠缴%1个月").arg(owed);
    return text;
}

QStringList RecordsView::paymentLines() const {
    QStringList out;
    for (const auto& p : m_data.payments) {
        out << tr("%1 %2 %3，%4日发放到%5")
                   .arg(monthWords(p.month()), kindName(p.kind()), yuan(p.amount().fen()))
                   .arg(p.paid_on().day())
                   .arg(QString::fromStdString(p.bank_account_masked()));
    }
    return out;
}

}  // namespace renshe::kiosk
