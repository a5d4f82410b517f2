#include "kiosk/receipt.hpp"

#include <QDateTime>
#include <QDir>
#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QTimeZone>

#include "kiosk/china_time.hpp"

namespace renshe::kiosk {

namespace {

// Lays the slip out on any paint device: 80 mm thermal-roll proportions, large type.
void paint(QPainter& p, const QRectF& page, const QString& servicePoint, const QString& title,
           const QStringList& lines, const QString& when) {
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    const qreal unit = page.width() / 32.0;  // about 2.5 mm on an 80 mm roll
    qreal y = unit;
    auto text = [&](const QString& s, qreal size, bool bold, Qt::Alignment align) {
        font.setPixelSize(static_cast<int>(size));
        font.setBold(bold);
        p.setFont(font);
        const QRectF box(unit, y, page.width() - 2 * unit, page.height());
        const QRectF used = p.boundingRect(box, static_cast<int>(align) | Qt::TextWordWrap, s);
        p.drawText(box, static_cast<int>(align) | Qt::TextWordWrap, s);
        y += used.height() + unit / 2;
    };
    text(servicePoint, unit * 1.6, true, Qt::AlignHCenter);
    text(title, unit * 2.0, true, Qt::AlignHCenter);
    p.drawLine(QPointF(unit, y), QPointF(page.width() - unit, y));
    y += unit / 2;
    for (const auto& line : lines)
        text(line, unit * 1.4, false, Qt::AlignLeft);
    p.drawLine(QPointF(unit, y), QPointF(page.width() - unit, y));
    y += unit / 2;
    text(QObject::tr("办理时间：%1").arg(when), unit * 1.2, false, Qt::AlignLeft);
    text(QObject::tr("请妥善保管本回执。咨询电话 12333"), unit * 1.2, false, Qt::AlignLeft);
}

}  // namespace

ReceiptPrinter::ReceiptPrinter(QString servicePoint, QString pdfDirectory, QString printerName,
                               QObject* parent)
    : QObject(parent),
      m_servicePoint(std::move(servicePoint)),
      m_pdfDirectory(std::move(pdfDirectory)),
      m_printerName(std::move(printerName)) {}

bool ReceiptPrinter::print(const QString& title, const QStringList& lines) {
    const QDateTime now = QDateTime::currentDateTime().toTimeZone(chinaTimeZone());
    const QString when = now.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QPageSize roll(QSizeF(80, 120), QPageSize::Millimeter, QStringLiteral("80mm roll"));
    if (!m_pdfDirectory.isEmpty()) {
        QDir().mkpath(m_pdfDirectory);
        const QString file =
            QDir(m_pdfDirectory)
                .filePath(QStringLiteral("receipt-%1.pdf")
                              .arg(now.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
        QPdfWriter pdf(file);
        pdf.setPageSize(roll);
        pdf.setResolution(203);  // a thermal printer's dots per inch
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("renshe-kiosk"));
        QPainter painter;
        if (!painter.begin(&pdf)) {
            qWarning("receipt: cannot write %s", qPrintable(file));
            return false;
        }
        paint(painter, QRectF(0, 0, pdf.width(), pdf.height()), m_servicePoint, title, lines, when);
        painter.end();
        m_lastFile = file;
        Q_EMIT printed();
        return true;
    }
    QPrinter printer(QPrinter::HighResolution);
    if (!m_printerName.isEmpty())
        printer.setPrinterName(m_printerName);
    if (!printer.isValid() || QPrinterInfo::availablePrinters().isEmpty()) {
        qWarning("receipt: no printer available");
        return false;
    }
    printer.setPageSize(roll);
    printer.setDocName(title);
    QPainter painter;
    if (!painter.begin(&printer)) {
        qWarning("receipt: the printer refused the job");
        return false;
    }
    paint(painter, printer.pageRect(QPrinter::DevicePixel), m_servicePoint, title, lines, when);
    painter.end();
    m_lastFile = m_printerName;
    Q_EMIT printed();
    return true;
}

}  // namespace renshe::kiosk
