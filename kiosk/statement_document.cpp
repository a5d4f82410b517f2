#include "kiosk/statement_document.hpp"

#include <QDateTime>
#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include "kiosk/china_time.hpp"
#include "kiosk/qr_image.hpp"

namespace renshe::kiosk {

using namespace renshe::v1;

namespace {

QString typeName(int type) {
    switch (type) {
        case INSURANCE_TYPE_EMPLOYEE_PENSION:
            return QStringLiteral("企业职工基本养老保险");
        case INSURANCE_TYPE_RESIDENT_PENSION:
            return QStringLiteral("城乡居民基本养老保险");
        case INSURANCE_TYPE_UNEMPLOYMENT:
            return QStringLiteral("失业保险");
        case INSURANCE_TYPE_WORK_INJURY:
            return QStringLiteral("工伤保险");
        case INSURANCE_TYPE_EMPLOYEE_MEDICAL:
            return QStringLiteral("职工基本医疗保险");
        case INSURANCE_TYPE_RESIDENT_MEDICAL:
            return QStringLiteral("城乡居民基本医疗保险");
        default:
            return QStringLiteral("其他");
    }
}

QString kindName(int kind) {
    switch (kind) {
        case BENEFIT_KIND_EMPLOYEE_PENSION:
            return QStringLiteral("企业职工基本养老金");
        case BENEFIT_KIND_RESIDENT_PENSION:
            return QStringLiteral("城乡居民养老保险待遇");
        case BENEFIT_KIND_UNEMPLOYMENT:
            return QStringLiteral("失业保险金");
        case BENEFIT_KIND_WORK_INJURY:
            return QStringLiteral("工伤保险待遇");
        default:
            return QStringLiteral("其他待遇");
    }
}

QString statusName(ParticipationStatus s) {
    switch (s) {
        case PARTICIPATION_STATUS_CONTRIBUTING:
            return QStringLiteral("正常参保");
        case PARTICIPATION_STATUS_INTERRUPTED:
            return QStringLiteral("中断缴费");
        case PARTICIPATION_STATUS_RECEIVING:
            return QStringLiteral("领取待遇");
        default:
            return QStringLiteral("—");
    }
}

QString months(int n) {
    const int years = n / 12, rest = n % 12;
    if (years == 0)
        return QStringLiteral("%1个月").arg(rest);
    return rest == 0 ? QStringLiteral("%1年").arg(years)
                     : QStringLiteral("%1年%2个月").arg(years).arg(rest);
}

QString yuan(qint64 fen) {
    return QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0'));
}

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

// A pen that moves down the page: text in rows, tables of columns.
class Sheet {
public:
    Sheet(QPainter& p, const QRectF& area, qreal unit) : m_p(p), m_area(area), m_unit(unit) {
        m_y = area.top();
    }
    qreal y() const { return m_y; }
    void skip(qreal units) { m_y += units * m_unit; }
    void text(const QString& s, qreal size, bool bold = false, Qt::Alignment align = Qt::AlignLeft,
              qreal width = 0) {
        font(size, bold);
        const QRectF box(m_area.left(), m_y, width > 0 ? width : m_area.width(), m_area.height());
        const int flags = static_cast<int>(align) | Qt::TextWordWrap;
        const QRectF used = m_p.boundingRect(box, flags, s);
        m_p.drawText(box, flags, s);
        m_y += used.height() + m_unit * 0.4;
    }
    // One row of cells; `widths` are fractions of the area's width.
    void row(const QStringList& cells, const QList<qreal>& widths, qreal size, bool header) {
        font(size, header);
        const qreal h = m_p.fontMetrics().height() * 1.5;
        qreal x = m_area.left();
        for (int i = 0; i < cells.size(); ++i) {
            const QRectF cell(x, m_y, m_area.width() * widths.value(i), h);
            if (header)
                m_p.fillRect(cell, QColor(235, 238, 242));
            m_p.drawRect(cell);
            m_p.drawText(cell.adjusted(m_unit * 0.4, 0, -m_unit * 0.2, 0),
                         Qt::AlignVCenter | Qt::AlignLeft, cells[i]);
            x += cell.width();
        }
        m_y += h;
    }
    void line() {
        m_p.drawLine(QPointF(m_area.left(), m_y), QPointF(m_area.right(), m_y));
        m_y += m_unit * 0.5;
    }

private:
    void font(qreal size, bool bold) {
        // Latin letters and digits in DejaVu Sans, Chinese in Noto Sans CJK: a printer's
        // PostScript step keeps the text of both (with the CJK font alone, digits lose theirs).
        QFont f;
        f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC")});
        f.setPixelSize(static_cast<int>(size));
        f.setBold(bold);
        m_p.setFont(f);
    }
    QPainter& m_p;
    QRectF m_area;
    qreal m_unit;
    qreal m_y = 0;
};

QString issuedAt(const StatementContent& c) {
    return chinaTime(c.issued_at().seconds()).toString(QStringLiteral("yyyy年MM月dd日 HH:mm"));
}

void body(Sheet& s, const StatementContent& c, qreal size) {
    if (c.kind() == STATEMENT_KIND_PARTICIPATION) {
        s.row({QStringLiteral("险种"), QStringLiteral("参保状态"), QStringLiteral("首次参保"),
               QStringLiteral("累计缴费"), QStringLiteral("最近缴费")},
              {0.32, 0.16, 0.16, 0.18, 0.18}, size, true);
        for (const auto& i : c.insurances())
            s.row(
                {typeName(i.type()), statusName(i.status()), str(i.first_month()),
                 months(i.paid_months()),
                 i.latest_paid_month().empty() ? QStringLiteral("—") : str(i.latest_paid_month())},
                {0.32, 0.16, 0.16, 0.18, 0.18}, size, false);
    } else if (c.kind() == STATEMENT_KIND_ANNUAL_RECORD) {
        const QList<qreal> w{0.13, 0.27, 0.15, 0.15, 0.15, 0.15};
        s.row({QStringLiteral("月份"), QStringLiteral("险种"), QStringLiteral("缴费基数"),
               QStringLiteral("个人缴纳"), QStringLiteral("单位缴纳"), QStringLiteral("状态")},
              w, size, true);
        for (const auto& r : c.contributions())
            s.row({str(r.month()), typeName(r.type()), yuan(r.base().fen()),
                   yuan(r.personal().fen()), yuan(r.employer().fen()),
                   r.paid() ? QStringLiteral("已缴") : QStringLiteral("欠缴")},
                  w, size * 0.85, false);
    } else {
        const QList<qreal> w{0.15, 0.33, 0.17, 0.17, 0.18};
        s.row({QStringLiteral("月份"), QStringLiteral("待遇"), QStringLiteral("金额（元）"),
               QStringLiteral("账户"), QStringLiteral("发放日期")},
              w, size, true);
        for (const auto& p : c.payments())
            s.row({str(p.month()), kindName(p.kind()), yuan(p.amount().fen()),
                   str(p.bank_account_masked()),
                   QStringLiteral("%1-%2-%3")
                       .arg(p.paid_on().year())
                       .arg(p.paid_on().month(), 2, 10, QLatin1Char('0'))
                       .arg(p.paid_on().day(), 2, 10, QLatin1Char('0'))},
                  w, size, false);
    }
    if (c.insurances().empty() && c.contributions().empty() && c.payments().empty())
        s.text(QStringLiteral("（此期间无记录）"), size);
}

void paintA4(QPainter& p, const QRectF& page, const IssueStatementResponse& r,
             const QString& servicePoint) {
    const StatementContent& c = r.statement();
    const qreal unit = page.width() / 60.0;  // 3.5 mm on A4
    Sheet s(p, page.adjusted(unit * 4, unit * 4, -unit * 4, -unit * 4), unit);
    s.text(statementTitle(c), unit * 2.2, true, Qt::AlignHCenter);
    s.skip(0.5);
    s.text(QStringLiteral("证明编号：%1　　校验码：%2").arg(str(c.number()), str(r.check_code())),
           unit * 1.1);
    s.line();
    s.text(QStringLiteral("兹证明 %1（公民身份号码 %2）的社会保险%3如下（记录截至 %4）：")
               .arg(str(c.holder().masked_name()), str(c.holder().masked_ssn()),
                    c.kind() == STATEMENT_KIND_PARTICIPATION   ? QStringLiteral("参保情况")
                    : c.kind() == STATEMENT_KIND_ANNUAL_RECORD ? QStringLiteral("缴费记录")
                                                               : QStringLiteral("待遇发放记录"),
                    c.records_through().empty() ? QStringLiteral("—") : str(c.records_through())),
           unit * 1.2);
    s.skip(0.3);
    body(s, c, unit * 1.05);
    s.skip(1);
    s.text(QStringLiteral("出具时间：%1").arg(issuedAt(c)), unit * 1.1);
    s.text(QStringLiteral("出具地点：%1").arg(servicePoint), unit * 1.1);
    // The verification block at the foot of the page: QR code and how to check by hand.
    const qreal qrSide = unit * 11;
    const QRectF qr(page.right() - unit * 4 - qrSide, page.bottom() - unit * 4 - qrSide, qrSide,
                    qrSide);
    if (!r.verify_url().empty()) {
        const QImage code = qrImage(str(r.verify_url()), 8);
        p.drawImage(qr, code);
    }
    Sheet foot(p,
               QRectF(page.left() + unit * 4, qr.top(), qr.left() - page.left() - unit * 6, qrSide),
               unit);
    foot.text(QStringLiteral("本证明经人社服务平台电子签名出具，真伪以核验结果为准。"), unit * 1.0);
    foot.text(r.verify_url().empty()
                  ? QStringLiteral("请持证明编号和校验码到人社服务窗口核验。")
                  : QStringLiteral("扫描右侧二维码，或访问 %1 输入证明编号和校验码，即可核验真伪。")
                        .arg(str(r.verify_url()).section(QLatin1Char('?'), 0, 0)),
              unit * 1.0);
    foot.text(QStringLiteral("签名密钥：%1").arg(str(c.key_id())), unit * 0.8);
}

void paintSlip(QPainter& p, const QRectF& page, const IssueStatementResponse& r,
               const QString& servicePoint) {
    const StatementContent& c = r.statement();
    const qreal unit = page.width() / 32.0;  // 2.5 mm on an 80 mm roll
    Sheet s(p, page.adjusted(unit, unit, -unit, -unit), unit);
    s.text(servicePoint, unit * 1.4, true, Qt::AlignHCenter);
    s.text(statementTitle(c) + QStringLiteral("（摘要）"), unit * 1.7, true, Qt::AlignHCenter);
    s.line();
    s.text(QStringLiteral("参保人：%1").arg(str(c.holder().masked_name())), unit * 1.3);
    s.text(QStringLiteral("身份号码：%1").arg(str(c.holder().masked_ssn())), unit * 1.3);
    for (const auto& i : c.insurances())
        s.text(QStringLiteral("%1：%2，累计缴费%3")
                   .arg(typeName(i.type()), statusName(i.status()), months(i.paid_months())),
               unit * 1.2);
    if (c.kind() == STATEMENT_KIND_ANNUAL_RECORD)
        s.text(QStringLiteral("%1年缴费记录 %2 条").arg(c.year()).arg(c.contributions_size()),
               unit * 1.2);
    if (c.kind() == STATEMENT_KIND_PENSION_PAYMENTS)
        s.text(QStringLiteral("%1年发放记录 %2 条").arg(c.year()).arg(c.payments_size()),
               unit * 1.2);
    s.line();
    s.text(QStringLiteral("证明编号：%1").arg(str(c.number())), unit * 1.2);
    s.text(QStringLiteral("校验码：%1").arg(str(r.check_code())), unit * 1.2);
    s.text(QStringLiteral("出具时间：%1").arg(issuedAt(c)), unit * 1.1);
    if (!r.verify_url().empty()) {
        const qreal side = unit * 14;
        p.drawImage(QRectF(page.center().x() - side / 2, s.y(), side, side),
                    qrImage(str(r.verify_url()), 6));
        s.skip(15);
    }
    s.text(QStringLiteral("扫码核验真伪。咨询电话 12333"), unit * 1.1, false, Qt::AlignHCenter);
}

}  // namespace

QString statementTitle(const StatementContent& c) {
    switch (c.kind()) {
        case STATEMENT_KIND_ANNUAL_RECORD:
            return QStringLiteral("社会保险个人权益记录（%1年）").arg(c.year());
        case STATEMENT_KIND_PENSION_PAYMENTS:
            return QStringLiteral("养老金发放明细（%1年）").arg(c.year());
        default:
            return QStringLiteral("社会保险参保证明");
    }
}

bool writeStatementPdf(const IssueStatementResponse& statement, const QString& servicePoint,
                       StatementLayout layout, const QString& path) {
    QPdfWriter pdf(path);
    if (layout == StatementLayout::A4) {
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(300);
    } else {
        // Long enough for six insurance types and the QR code.
        pdf.setPageSize(
            QPageSize(QSizeF(80, 200), QPageSize::Millimeter, QStringLiteral("80mm roll")));
        pdf.setResolution(203);  // a thermal printer's dots per inch
    }
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(statementTitle(statement.statement()));
    pdf.setCreator(QStringLiteral("renshe-kiosk"));
    QPainter painter;
    if (!painter.begin(&pdf))
        return false;
    const QRectF page(0, 0, pdf.width(), pdf.height());
    if (layout == StatementLayout::A4)
        paintA4(painter, page, statement, servicePoint);
    else
        paintSlip(painter, page, statement, servicePoint);
    return painter.end();
}

}  // namespace renshe::kiosk
