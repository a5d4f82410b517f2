// Receipts (回执): a slip with the service point, the time, what was done and its number, for
// the citizen to keep. Printed through Qt's printing to the CUPS printer of the terminal, or
// written as PDF to a directory (tests, the demo, a terminal without a printer). Personal
// data on a receipt is masked like on the screen.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QStringList>

namespace renshe::kiosk {

class ReceiptPrinter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ReceiptPrinter belongs to the Kiosk singleton")
    Q_PROPERTY(QString lastFile READ lastFile NOTIFY printed)

public:
    // `pdfDirectory` non-empty: PDFs there; else `printerName` (empty = the system default).
    ReceiptPrinter(QString servicePoint, QString pdfDirectory, QString printerName,
                   QObject* parent = nullptr);

    // Returns false (and says why in the log) when nothing could be printed.
    Q_INVOKABLE bool print(const QString& title, const QStringList& lines);
    QString lastFile() const { return m_lastFile; }

Q_SIGNALS:
    void printed();

private:
    QString m_servicePoint, m_pdfDirectory, m_printerName, m_lastFile;
};

}  // namespace renshe::kiosk
