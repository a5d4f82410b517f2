// The contract's values in the staff member's words (Chinese first, translated), and dates and
// times as the counter shows them (China Standard Time).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <string>

#include "google/protobuf/timestamp.pb.h"
#include "renshe/v1/common.pb.h"

namespace renshe::kiosk::counter {

// A UTF-8 string from the back office as Qt text.
inline QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

class StaffText {
    Q_DECLARE_TR_FUNCTIONS(renshe::kiosk::counter::StaffText)

public:
    static QString cardStatus(int status);
    static QString applicationState(int state);
    static QString applicationKind(int kind);
    // An application's history event ("submitted", "claimed", …, "note").
    static QString applicationAction(const std::string& action);
    static QString certificationState(int state);
    static QString pensionStatus(int status);
    static QString finger(int finger);
    static QString deviceState(int presence);
    static QString facilityItem(int item);
    static QString facilityClass(int facilityClass);
    // "2026-12-04"; "" when unset.
    static QString date(const renshe::v1::Date& d);
    // "2026-12-04 09:30" in China time; "" when unset.
    static QString time(const google::protobuf::Timestamp& t);
};

}  // namespace renshe::kiosk::counter
