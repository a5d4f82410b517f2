#include "services/backoffice/fleet/terminal_service.hpp"

#include <grpcpp/security/auth_context.h>

#include <set>
#include <sstream>

#include "renshe/v1/terminal.grpc.pb.h"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/checks/checks.hpp"
#include "services/backoffice/fleet/certificate_renewal.hpp"
#include "services/backoffice/fleet/facility.hpp"
#include "services/backoffice/fleet/fleet_rules.hpp"
#include "services/backoffice/fleet/heartbeats.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

constexpr const char* kHeartbeatEvent = "terminal.heartbeat";
constexpr std::size_t kMaxVersionChars = 64;
constexpr std::size_t kMaxDeviceTextBytes = 128;
constexpr std::size_t kMaxEquipmentTextBytes = 128;
constexpr int kMaxEquipmentPerRequest = 200;

bool validTimestamp(const google::protobuf::Timestamp& t) {
    return t.seconds() >= 0 && t.seconds() <= checks::kMaxTimestampSeconds && t.nanos() >= 0 &&
           t.nanos() <= 999'999'999;
}

std::optional<Refusal> check(const HeartbeatRequest& r) {
    if (auto refusal = checks::tooLarge(r))
        return refusal;
    if (!fleet::isCleanText(r.software_version(), 4 * kMaxVersionChars) ||
        checks::codePointCount(r.software_version()) > kMaxVersionChars) {
        return Refusal::malformed("software_version is not up to 64 characters of text");
    }
    if (!TerminalRole_IsValid(r.role()))
        return Refusal::malformed("role has an unknown value");
    const DeviceStatus& d = r.devices();
    if (d.card_reader_count() < 0)
        return Refusal::malformed("devices.card_reader_count is negative");
    if (d.content_revision() < 0)
        return Refusal::malformed("devices.content_revision is negative");
    if (!fleet::isCleanText(d.fingerprint_device().driver(), kMaxDeviceTextBytes) ||
        !fleet::isCleanText(d.fingerprint_device().device_id(), kMaxDeviceTextBytes)) {
        return Refusal::malformed("devices.fingerprint_device is malformed");
    }
    if (!DevicePresence_IsValid(d.id_card_reader()) || d.id_card_sam_id().size() > 64 ||
        !fleet::isCleanText(d.id_card_sam_id(), 64)) {
        return Refusal::malformed("devices.id_card_reader or id_card_sam_id is malformed");
    }
    if (r.pending_outbox() < 0)
        return Refusal::malformed("pending_outbox is negative");
    if (r.outbox_needs_staff() < 0)
        return Refusal::malformed("outbox_needs_staff is negative");
    if (r.has_uptime() &&
        (r.uptime().seconds() < 0 || r.uptime().nanos() < 0 || r.uptime().nanos() > 999'999'999)) {
        return Refusal::malformed("uptime is negative or malformed");
    }
    if (r.has_sent_at() && !validTimestamp(r.sent_at()))
        return Refusal::malformed("sent_at is malformed");
    return std::nullopt;
}

std::optional<Refusal> check(const ListTerminalsRequest& r) {
    if (auto refusal = checks::tooLarge(r))
        return refusal;
    if (!fleet::isRegionPrefix(r.region_prefix()))
        return Refusal::malformed("region_prefix is not up to 12 digits");
    if (r.page().page_size() < 0 || r.page().page_size() > fleet::kMaxPageSize) {
        return Refusal::malformed("page.page_size is not between 0 and 100");
    }
    if (!r.page().page_token().empty() && !fleet::isPlainId(r.page().page_token())) {
        return Refusal::malformed("bad page token");
    }
    return std::nullopt;
}

std::optional<Refusal> check(const CheckFacilityRequest& r) {
    if (r.service_point_id().empty())
        return Refusal::malformed("service_point_id is missing");
    if (!fleet::isPlainId(r.service_point_id()))
        return Refusal::malformed("service_point_id is malformed");
    return std::nullopt;
}

std::optional<Refusal> check(const RegisterEquipmentRequest& r) {
    if (auto refusal = checks::tooLarge(r))
        return refusal;
    if (auto refusal = checks::checkRequestId(r.request_id()))
        return refusal;
    if (r.service_point_id().empty())
        return Refusal::malformed("service_point_id is missing");
    if (!fleet::isPlainId(r.service_point_id()))
        return Refusal::malformed("service_point_id is malformed");
    if (r.equipment_size() == 0)
        return Refusal::malformed("equipment is empty");
    if (r.equipment_size() > kMaxEquipmentPerRequest)
        return Refusal::malformed("more than 200 pieces of equipment");
    std::set<std::string> ids;
    for (int i = 0; i < r.equipment_size(); ++i) {
        const Equipment& e = r.equipment(i);
        const std::string at = "equipment[" + std::to_string(i) + "]";
        if (!e.id().empty() && !fleet::isPlainId(e.id())) {
            return Refusal::malformed(at +
                                      ".id is not 1-64 characters of A-Z, a-z, 0-9, '-', '_', '.'");
        }
        if (!e.id().empty() && !ids.insert(e.id()).second)
            return Refusal::malformed(at + ".id appears twice");
        if (!EquipmentKind_IsValid(e.kind()) || e.kind() == EQUIPMENT_KIND_UNSPECIFIED) {
            return Refusal::malformed(at + ".kind is missing or unknown");
        }
        if (!e.terminal_id().empty() && !fleet::isPlainId(e.terminal_id())) {
            return Refusal::malformed(at + ".terminal_id is malformed");
        }
        if (!fleet::isCleanText(e.model(), kMaxEquipmentTextBytes) ||
            !fleet::isCleanText(e.serial_number(), kMaxEquipmentTextBytes)) {
            return Refusal::malformed(at +
                                      ".model or serial_number is not up to 128 bytes of text");
        }
    }
    return std::nullopt;
}

TerminalRole roleOf(const Caller& caller) {
    switch (caller.identity.role) {
        case pki::Role::Touch:
            return TERMINAL_ROLE_TOUCH;
        case pki::Role::Display:
            return TERMINAL_ROLE_DISPLAY;
        default:
            return TERMINAL_ROLE_UNSPECIFIED;
    }
}

class TerminalServiceImpl final : public TerminalService::Service {
public:
    TerminalServiceImpl(MutationRunner& runner, std::optional<TerminalCa> terminalCa)
        : m_runner(runner), m_heartbeats(runner), m_terminalCa(std::move(terminalCa)) {}

    grpc::Status Heartbeat(grpc::ServerContext* ctx, const HeartbeatRequest* req,
                           HeartbeatResponse* resp) override {
        const auto started = std::chrono::steady_clock::now();
        std::optional<Refusal> refusal = check(*req);
        std::optional<Caller> caller;
        try {
            caller = m_runner.authenticate(*ctx);
        } catch (const Refused& r) {
            refusal = r.refusal();
        } catch (const store::StoreUnavailable&) {
            return grpc::Status(grpc::StatusCode::UNAVAILABLE, "storage unavailable; retry");
        } catch (const store::StoreError&) {
            return grpc::Status(grpc::StatusCode::UNAVAILABLE, "storage error; retry");
        }
        if (!refusal && caller->isStaff()) {
            refusal = Refusal::denied(REFUSAL_REASON_WRONG_ROLE, "only terminals send heartbeats");
        }
        if (!refusal && req->role() != roleOf(*caller)) {
            refusal = Refusal::denied(REFUSAL_REASON_WRONG_ROLE,
                                      "the heartbeat's role differs from the certificate's");
        }
        if (refusal) {
            // Refusals take the ordinary path: audited, logged, with the refusal trailer.
            return m_runner.query(ctx, kHeartbeatEvent, refusal,
                                  [](store::Tx&, const Caller&, Subject&, std::int64_t) {});
        }

        const std::int64_t now = m_runner.clock().nowMicros();
        const DeviceStatus& d = req->devices();
        fleet::TerminalRow row;
        row.terminalId = caller->identity.id;
        row.role = roleOf(*caller);
        row.region = caller->identity.region;
        row.softwareVersion = req->software_version();
        row.cardReader = d.card_reader();
        row.cardPresent = d.card_present() ? 1 : 0;
        row.fingerprintSensor = d.fingerprint_sensor();
        row.printer = d.printer();
        row.display = d.display();
        row.cardReaderCount = d.card_reader_count();
        row.fingerprintDriver = d.fingerprint_device().driver();
        row.fingerprintDevice = d.fingerprint_device().device_id();
        row.contentRevision = d.content_revision();
        row.uptimeSeconds = req->uptime().seconds();
        row.pendingOutbox = req->pending_outbox();
        row.outboxNeedsStaff = req->outbox_needs_staff();
        row.idCardReader = d.id_card_reader();
        row.idCardSamId = d.id_card_sam_id();
        if (req->has_sent_at())
            row.sentAt = microsOf(req->sent_at());
        row.lastSeen = now;
        m_heartbeats.put(std::move(row));
        setTimestamp(resp->mutable_server_time(), now);
        resp->mutable_heartbeat_interval()->set_seconds(m_runner.policy().heartbeatIntervalSeconds);
        resp->set_config_version(0);  // no per-terminal configuration is served yet
        // OK heartbeats are counted, not logged: 333 lines a second would drown the log.
        countCall(grpc::StatusCode::OK, started);
        return grpc::Status::OK;
    }

    grpc::Status ListTerminals(grpc::ServerContext* ctx, const ListTerminalsRequest* req,
                               ListTerminalsResponse* resp) override {
        flushHeartbeats();
        return m_runner.query(
            ctx, "terminal.list", check(*req),
            [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
                resp->Clear();
                requireStaff(caller);
                const std::string prefix = fleet::listingPrefix(caller, req->region_prefix());
                const std::int64_t staleBefore = now - fleet::staleAfterMicros(m_runner.policy());
                const int pageSize = fleet::pageSize(req->page());
                std::vector<store::Value> params{prefix};
                std::string where =
                    " WHERE substr(t.region, 1, " + std::to_string(prefix.size()) + ") = $1";
                if (req->stale_only()) {
                    params.push_back(staleBefore);
                    where += " AND t.last_seen < $" + std::to_string(params.size());
                }
                const auto countRow =
                    tx.queryOne("SELECT COUNT(*) FROM terminal_status t" + where, params);
                std::string sql =
                    "SELECT t.terminal_id, t.role, t.region, t.software_version, t.card_reader, "
                    "t.card_present, "
                    "t.fingerprint_sensor, t.printer, t.display, t.card_reader_count, "
                    "t.fingerprint_driver, "
                    "t.fingerprint_device, t.content_revision, t.pending_outbox, t.last_seen, "
                    "(SELECT MIN(e.service_point_id) FROM equipment e WHERE e.terminal_id = "
                    "t.terminal_id), t.outbox_needs_staff, t.id_card_reader, t.id_card_sam_id "
                    "FROM terminal_status t" +
                    where;
                if (!req->page().page_token().empty()) {
                    params.push_back(req->page().page_token());
                    sql += " AND t.terminal_id > $" + std::to_string(params.size());
                }
                params.push_back(static_cast<std::int64_t>(pageSize + 1));
                sql += " ORDER BY t.terminal_id LIMIT $" + std::to_string(params.size());
                const auto rows = tx.query(sql, params);
                for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < pageSize; ++i) {
                    const auto& r = rows[i];
                    auto* t = resp->add_terminals();
                    t->set_terminal_id(r.text(0));
                    t->set_role(static_cast<TerminalRole>(r.integer(1)));
                    *t->mutable_region() = regionProto(r.text(2));
                    t->set_software_version(r.text(3));
                    auto* d = t->mutable_devices();
                    d->set_card_reader(static_cast<DevicePresence>(r.integer(4)));
                    d->set_card_present(r.integer(5) != 0);
                    d->set_fingerprint_sensor(static_cast<DevicePresence>(r.integer(6)));
                    d->set_printer(static_cast<PrinterState>(r.integer(7)));
                    d->set_display(static_cast<DisplayState>(r.integer(8)));
                    d->set_card_reader_count(static_cast<std::int32_t>(r.integer(9)));
                    if (!r.text(10).empty() || !r.text(11).empty()) {
                        d->mutable_fingerprint_device()->set_driver(r.text(10));
                        d->mutable_fingerprint_device()->set_device_id(r.text(11));
                    }
                    d->set_content_revision(r.integer(12));
                    t->set_pending_outbox(static_cast<std::int32_t>(r.integer(13)));
                    setTimestamp(t->mutable_last_seen(), r.integer(14));
                    t->set_stale(r.integer(14) < staleBefore);
                    t->set_service_point_id(r.text(15));
                    t->set_outbox_needs_staff(static_cast<std::int32_t>(r.integer(16)));
                    d->set_id_card_reader(static_cast<DevicePresence>(r.integer(17)));
                    d->set_id_card_sam_id(r.text(18));
                }
                if (static_cast<int>(rows.size()) > pageSize) {
                    resp->mutable_page()->set_next_page_token(rows[pageSize - 1].text(0));
                }
                resp->mutable_page()->set_total_estimate(countRow ? countRow->integer(0) : 0);
            });
    }

    grpc::Status CheckFacility(grpc::ServerContext* ctx, const CheckFacilityRequest* req,
                               CheckFacilityResponse* resp) override {
        flushHeartbeats();
        return m_runner.query(
            ctx, "terminal.check_facility", check(*req),
            [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
                resp->Clear();
                requireStaff(caller);
                const auto sp = tx.queryOne(
                    "SELECT region, facility_class, display_area_cm2 FROM service_points WHERE id "
                    "= $1",
                    {req->service_point_id()});
                if (!sp)
                    throw Refused(
                        Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such service point"));
                subject.region = sp->text(0);
                requireRegion(caller, subject.region);
                fleet::FacilityInput in;
                in.declaredClass = static_cast<FacilityClass>(sp->integer(1));
                in.declaredAreaM2 = fleet::areaFromCm2(sp->integer(2));
                in.nowMicros = now;
                in.windowMicros = m_runner.policy().facilityWindowSeconds * 1'000'000;
                for (const auto& r : tx.query("SELECT e.id, e.kind, e.terminal_id, e.model, "
                                              "e.serial_number, t.terminal_id, t.role, "
                                              "t.last_seen, t.card_reader, t.card_reader_count, "
                                              "t.fingerprint_sensor, t.printer, t.display, "
                                              "t.id_card_reader "
                                              "FROM equipment e LEFT JOIN terminal_status t ON "
                                              "t.terminal_id = e.terminal_id "
                                              "WHERE e.service_point_id = $1 ORDER BY e.id",
                                              {req->service_point_id()})) {
                    fleet::RegisteredEquipment e;
                    e.equipment.set_id(r.text(0));
                    e.equipment.set_kind(static_cast<EquipmentKind>(r.integer(1)));
                    e.equipment.set_terminal_id(r.text(2));
                    e.equipment.set_model(r.text(3));
                    e.equipment.set_serial_number(r.text(4));
                    if (!r.isNull(5)) {
                        fleet::ReportedTerminal t;
                        t.terminalId = r.text(5);
                        t.role = static_cast<TerminalRole>(r.integer(6));
                        t.lastSeenMicros = r.integer(7);
                        t.cardReader = static_cast<int>(r.integer(8));
                        t.cardReaderCount = static_cast<int>(r.integer(9));
                        t.fingerprintSensor = static_cast<int>(r.integer(10));
                        t.printer = static_cast<int>(r.integer(11));
                        t.display = static_cast<int>(r.integer(12));
                        t.idCardReader = static_cast<int>(r.integer(13));
                        e.terminal = t;
                    }
                    in.equipment.push_back(std::move(e));
                }
                *resp = fleet::checkFacility(in);
            });
    }

    grpc::Status RegisterEquipment(grpc::ServerContext* ctx, const RegisterEquipmentRequest* req,
                                   RegisterEquipmentResponse* resp) override {
        flushHeartbeats();
        return m_runner.mutate(
            ctx, "terminal.register_equipment", req->request_id(), *req, resp, check(*req),
            [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
                requireStaff(caller);
                const auto sp = tx.queryOne(
                    "SELECT region FROM service_points WHERE id = $1" + std::string(tx.forUpdate()),
                    {req->service_point_id()});
                if (!sp)
                    throw Refused(
                        Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such service point"));
                subject.region = sp->text(0);
                requireRegion(caller, subject.region);
                for (const Equipment& given : req->equipment()) {
                    Equipment e = given;
                    if (e.id().empty())
                        e.set_id("EQ-" + fleet::randomHex(6));
                    // Moving equipment from another service point needs that one's region too.
                    if (const auto previous =
                            tx.queryOne("SELECT s.region FROM equipment e JOIN service_points s ON "
                                        "s.id = e.service_point_id "
                                        "WHERE e.id = $1",
                                        {e.id()})) {
                        requireRegion(caller, previous->text(0));
                    }
                    if (!e.terminal_id().empty()) {
                        const auto terminal =
                            tx.queryOne("SELECT region FROM terminal_status WHERE terminal_id = $1",
                                        {e.terminal_id()});
                        if (!terminal) {
                            throw Refused(Refusal::malformed("unknown terminal id " +
                                                             e.terminal_id() +
                                                             " (it has not sent a heartbeat yet)"));
                        }
                        const std::string t = terminal->text(0);
                        const std::string& s = subject.region;
                        if (t.compare(0, s.size(), s) != 0 && s.compare(0, t.size(), t) != 0) {
                            throw Refused(Refusal::malformed("terminal " + e.terminal_id() +
                                                             " is in region " + t +
                                                             ", not the service point's"));
                        }
                    }
                    tx.exec(
                        "INSERT INTO equipment (id, service_point_id, kind, terminal_id, model, "
                        "serial_number, "
                        "registered_at, registered_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                        "ON CONFLICT (id) DO UPDATE SET service_point_id = "
                        "excluded.service_point_id, "
                        "kind = excluded.kind, terminal_id = excluded.terminal_id, model = "
                        "excluded.model, "
                        "serial_number = excluded.serial_number, registered_at = "
                        "excluded.registered_at, "
                        "registered_by = excluded.registered_by",
                        {e.id(), req->service_point_id(), static_cast<std::int64_t>(e.kind()),
                         e.terminal_id(), e.model(), e.serial_number(), now, caller.identity.id});
                    *resp->add_equipment() = std::move(e);
                }
            });
    }

    grpc::Status RenewCertificate(grpc::ServerContext* ctx, const RenewCertificateRequest* req,
                                  RenewCertificateResponse* resp) override {
        return m_runner.mutate(
            ctx, "terminal.renew_certificate", req->request_id(), *req, resp, checkRenewal(*req),
            [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
                renewCertificate(tx, caller, subject, now, m_terminalCa ? &*m_terminalCa : nullptr,
                                 *req, resp);
            });
    }

private:
    void countCall(grpc::StatusCode code, std::chrono::steady_clock::time_point started) {
        m_runner.metrics().count(kHeartbeatEvent, code,
                                 std::chrono::duration_cast<std::chrono::microseconds>(
                                     std::chrono::steady_clock::now() - started));
    }

    // Reads that must see every heartbeat this process has answered.
    void flushHeartbeats() {
        try {
            m_heartbeats.flush();
        } catch (const std::exception&) {
            // The flusher logs and retries; the read goes on with what is stored.
        }
    }

    MutationRunner& m_runner;
    fleet::HeartbeatBuffer m_heartbeats;
    std::optional<TerminalCa> m_terminalCa;
};

}  // namespace

std::unique_ptr<grpc::Service> makeTerminalService(MutationRunner& runner,
                                                   std::optional<TerminalCa> terminalCa) {
    return std::make_unique<TerminalServiceImpl>(runner, std::move(terminalCa));
}

}  // namespace renshe::services::backoffice
