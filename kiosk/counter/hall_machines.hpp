// 大厅设备 at the counter: the region's terminals and displays with their last heartbeat and
// equipment (reader, sensor, printer, ID card reader), silent ones first, and each service
// point's facility class check (I/II/III) with what is missing.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QVariantList>
#include <memory>
#include <vector>

#include "kiosk/counter/staff_link.hpp"
#include "kiosk/ui_async.hpp"
#include "renshe/v1/admin.pb.h"
#include "renshe/v1/terminal.pb.h"

namespace renshe::kiosk::counter {

class HallMachines : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HallMachines belongs to the Counter singleton")
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QVariantList terminals READ terminals NOTIFY changed)
    Q_PROPERTY(QVariantList servicePoints READ servicePoints NOTIFY changed)
    Q_PROPERTY(int staleCount READ staleCount NOTIFY changed)

public:
    HallMachines() = default;
    void setLink(std::shared_ptr<StaffLink> link);

    bool loading() const { return m_loading; }
    QString message() const { return m_message; }
    QVariantList terminals() const { return m_terminals; }
    QVariantList servicePoints() const { return m_servicePoints; }
    int staleCount() const { return m_staleCount; }

    Q_INVOKABLE void refresh();
    // What the back office answered (the UI tests give it directly); `checks` one per point.
    void show(const renshe::v1::ListServicePointsResponse& points,
              const renshe::v1::ListTerminalsResponse& terminals,
              const std::vector<renshe::v1::CheckFacilityResponse>& checks);

Q_SIGNALS:
    void changed();

private:
    std::shared_ptr<StaffLink> m_link;
    UiAsync m_async{this};
    bool m_loading = false;
    QString m_message;
    QVariantList m_terminals, m_servicePoints;
    int m_staleCount = 0;
};

}  // namespace renshe::kiosk::counter
