// renshe-statement-pdf RESPONSE.pb OUT.pdf [--service-point NAME] [--slip]: draws a statement
// the back office issued (a serialized renshe.v1.IssueStatementResponse) as the terminal prints
// it — A4, or the receipt-size slip. renshe-admin runs it for the counter.
#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QStringList>
#include <cstdio>

#include "kiosk/statement_document.hpp"

int main(int argc, char** argv) {
    // Drawing a page needs fonts, not a screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString servicePoint = QStringLiteral("人社服务窗口");
    bool slip = false;
    if (const auto i = args.indexOf(QStringLiteral("--service-point"));
        i >= 0 && i + 1 < args.size()) {
        servicePoint = args.at(i + 1);
        args.remove(i, 2);
    }
    if (const auto i = args.indexOf(QStringLiteral("--slip")); i >= 0) {
        slip = true;
        args.remove(i);
    }
    if (args.size() != 2) {
        std::fprintf(stderr,
                     "usage: renshe-statement-pdf RESPONSE.pb OUT.pdf [--service-point NAME] "
                     "[--slip]\n");
        return 2;
    }
    QFile in(args.at(0));
    renshe::v1::IssueStatementResponse statement;
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "renshe-statement-pdf: cannot read %s\n", qPrintable(args.at(0)));
        return 1;
    }
    const QByteArray bytes = in.readAll();
    if (!statement.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size())) ||
        statement.statement().number().empty()) {
        std::fprintf(stderr, "renshe-statement-pdf: %s is not an issued statement\n",
                     qPrintable(args.at(0)));
        return 1;
    }
    if (!renshe::kiosk::writeStatementPdf(
            statement, servicePoint,
            slip ? renshe::kiosk::StatementLayout::Slip : renshe::kiosk::StatementLayout::A4,
            args.at(1))) {
        std::fprintf(stderr, "renshe-statement-pdf: cannot write %s\n", qPrintable(args.at(1)));
        return 1;
    }
    return 0;
}
