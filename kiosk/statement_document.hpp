// The printed statement (证明): what the back office signed (IssueStatementResponse) laid out
// as an A4 page, and as a receipt-size slip of its summary (80 mm roll), each with the number,
// the check code and a QR code of the verification link. The holder is masked as on screen.
// The words are Chinese whatever the screen's language: the paper is an official document.
// Written as PDF (Qt's PDF engine: fonts embedded, text extractable) for a CUPS queue.
#pragma once

#include <QString>

#include "renshe/v1/records.pb.h"

namespace renshe::kiosk {

enum class StatementLayout { A4, Slip };

// Writes `statement` as a PDF at `path`; `servicePoint` names where it was printed, as the
// paper says it ("费县探沂镇人社所（自助服务终端）"). Returns
// false (nothing usable at `path`) when the file cannot be written.
bool writeStatementPdf(const renshe::v1::IssueStatementResponse& statement,
                       const QString& servicePoint, StatementLayout layout, const QString& path);

// The document's title (社会保险参保证明, 社会保险个人权益记录（2025年）…).
QString statementTitle(const renshe::v1::StatementContent& content);

}  // namespace renshe::kiosk
