#include "kiosk/counter/hall_machines.hpp"

#include <QHash>
#include <algorithm>
#include <unordered_map>
#include <vector>

#include "kiosk/counter/staff_text.hpp"
#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/terminal.grpc.pb.h"

namespace renshe::kiosk::counter {

using namespace renshe::v1;
using services::client::CallResult;
using services::client::unary;

namespace {

constexpr int kMaxServicePoints = 20;   // facility checks made per refresh
constexpr int kMachinesPageSize = 100;  // the back office's largest page
constexpr int kMachinesMaxPages = 10;

QString printerText(int state) {
    switch (state) {
        case PRINTER_STATE_OK:
            return StaffText::deviceState(DEVICE_PRESENCE_PRESENT);
        case PRINTER_STATE_ABSENT:
            return StaffText::deviceState(DEVICE_PRESENCE_ABSENT);
        case PRINTER_STATE_UNSPECIFIED:
            return StaffText::deviceState(DEVICE_PRESENCE_UNSPECIFIED);
        default:
            return StaffText::deviceState(DEVICE_PRESENCE_ERROR);
    }
}

struct Fetched {
    CallResult result;
    ListServicePointsResponse points;
    ListTerminalsResponse terminals;
    std::vector<CheckFacilityResponse> checks;
};

// Terminals enrolled in the region that never sent a heartbeat are not in ListTerminals: they
// are added as silent (never seen), with the service point they were registered to.
void addNeverSeen(services::client::ChannelKeeper& keeper, Fetched& fetched) {
    // RepeatedPtrField keeps its elements where they are as it grows.
    std::unordered_map<std::string, TerminalSummary*> seen;
    for (auto& t : *fetched.terminals.mutable_terminals())
        seen.emplace(t.terminal_id(), &t);
    ListEnrolmentsRequest request;
    request.mutable_page()->set_page_size(kMachinesPageSize);
    for (int page = 0; page < kMachinesMaxPages && fetched.result.ok(); ++page) {
        ListEnrolmentsResponse one;
        fetched.result =
            unary<AdminService>(keeper, &AdminService::Stub::ListEnrolments, request, &one);
        for (const auto& e : one.terminals()) {
            if (e.has_revoked_at())
                continue;
            const auto known = seen.find(e.terminal_id());
            TerminalSummary* t = known == seen.end() ? nullptr : known->second;
            if (!t) {
                t = fetched.terminals.add_terminals();
                t->set_terminal_id(e.terminal_id());
                t->set_role(e.role());
                t->set_stale(true);
            }
            if (t->service_point_id().empty())
                t->set_service_point_id(e.service_point_id());
        }
        if (one.page().next_page_token().empty())
            break;
        request.mutable_page()->set_page_token(one.page().next_page_token());
    }
}

QVariantMap terminalRow(const TerminalSummary& t, const QString& servicePoint) {
    const bool display = t.role() == TERMINAL_ROLE_DISPLAY;
    return {{QStringLiteral("id"), fromStd(t.terminal_id())},
            {QStringLiteral("display"), display},
            {QStringLiteral("servicePoint"), servicePoint},
            {QStringLiteral("lastSeen"), StaffText::time(t.last_seen())},
            {QStringLiteral("stale"), t.stale()},
            {QStringLiteral("version"), fromStd(t.software_version())},
            {QStringLiteral("reader"),
             display ? QString() : StaffText::deviceState(t.devices().card_reader())},
            {QStringLiteral("sensor"),
             display ? QString() : StaffText::deviceState(t.devices().fingerprint_sensor())},
            {QStringLiteral("printer"), display ? QString() : printerText(t.devices().printer())},
            {QStringLiteral("idReader"),
             display ? QString() : StaffText::deviceState(t.devices().id_card_reader())},
            {QStringLiteral("outbox"), t.pending_outbox()},
            {QStringLiteral("needsStaff"), t.outbox_needs_staff()}};
}

}  // namespace

void HallMachines::setLink(std::shared_ptr<StaffLink> link) {
    m_link = std::move(link);
    if (!m_link) {
        m_async.invalidate();
        m_loading = false;
        m_message.clear();
        m_terminals.clear();
        m_servicePoints.clear();
        m_staleCount = 0;
        Q_EMIT changed();
    }
}

void HallMachines::refresh() {
    if (!m_link)
        return;
    if (!m_link->online()) {
        m_message = StaffMessages::offline();
        Q_EMIT changed();
        return;
    }
    m_loading = true;
    Q_EMIT changed();
    auto link = m_link;
    auto fetched = std::make_shared<Fetched>();
    m_async.run(
        [link, fetched] {
            auto& keeper = link->keeper();
            ListServicePointsRequest points;
            points.mutable_page()->set_page_size(kMaxServicePoints);
            fetched->result = unary<AdminService>(keeper, &AdminService::Stub::ListServicePoints,
                                                  points, &fetched->points);
            ListTerminalsRequest terminals;
            terminals.mutable_page()->set_page_size(kMachinesPageSize);
            for (int page = 0; page < kMachinesMaxPages && fetched->result.ok(); ++page) {
                ListTerminalsResponse one;
                fetched->result = unary<TerminalService>(
                    keeper, &TerminalService::Stub::ListTerminals, terminals, &one);
                for (auto& t : *one.mutable_terminals())
                    *fetched->terminals.add_terminals() = std::move(t);
                if (one.page().next_page_token().empty())
                    break;
                terminals.mutable_page()->set_page_token(one.page().next_page_token());
            }
            addNeverSeen(keeper, *fetched);
            for (const auto& sp : fetched->points.service_points()) {
                if (!fetched->result.ok())
                    break;
                CheckFacilityRequest check;
                check.set_service_point_id(sp.id());
                fetched->result =
                    unary<TerminalService>(keeper, &TerminalService::Stub::CheckFacility, check,
                                           &fetched->checks.emplace_back());
            }
        },
        [this, fetched] {
            m_loading = false;
            m_message = StaffMessages::text(fetched->result);
            if (!fetched->result.ok()) {
                Q_EMIT changed();
                return;
            }
            show(fetched->points, fetched->terminals, fetched->checks);
        });
}

void HallMachines::show(const ListServicePointsResponse& points,
                        const ListTerminalsResponse& terminalList,
                        const std::vector<CheckFacilityResponse>& checks) {
    std::vector<TerminalSummary> terminals(terminalList.terminals().begin(),
                                           terminalList.terminals().end());
    // Silent ones first, then by id.
    std::stable_sort(terminals.begin(), terminals.end(), [](const auto& a, const auto& b) {
        return a.stale() != b.stale() ? a.stale() : a.terminal_id() < b.terminal_id();
    });
    QHash<QString, QString> names;
    for (const auto& sp : points.service_points())
        names.insert(fromStd(sp.id()), fromStd(sp.name()));
    m_terminals.clear();
    m_staleCount = 0;
    for (const auto& t : terminals) {
        m_staleCount += t.stale() ? 1 : 0;
        const QString id = fromStd(t.service_point_id());
        m_terminals.append(
            terminalRow(t, id.isEmpty() ? tr("未登记到服务点") : names.value(id, id)));
    }
    m_servicePoints.clear();
    for (int i = 0; i < points.service_points_size(); ++i) {
        const auto& sp = points.service_points(i);
        static const CheckFacilityResponse unchecked;
        const auto index = static_cast<std::size_t>(i);
        const auto& check = index < checks.size() ? checks[index] : unchecked;
        QVariantList findings;
        for (const auto& f : check.findings())
            findings.append(QVariantMap{{QStringLiteral("item"), StaffText::facilityItem(f.item())},
                                        {QStringLiteral("required"), f.required()},
                                        {QStringLiteral("found"), f.found()},
                                        {QStringLiteral("passed"), f.passed()}});
        m_servicePoints.append(QVariantMap{
            {QStringLiteral("id"), fromStd(sp.id())},
            {QStringLiteral("name"), fromStd(sp.name())},
            {QStringLiteral("required"), StaffText::facilityClass(check.required_class())},
            {QStringLiteral("achieved"), StaffText::facilityClass(check.achieved_class())},
            {QStringLiteral("passed"), check.passed()},
            {QStringLiteral("findings"), findings}});
    }
    Q_EMIT changed();
}

}  // namespace renshe::kiosk::counter
