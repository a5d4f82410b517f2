// The terminal fleet against the real renshe-backoffice over mutual TLS, on SQLite and on a
// private PostgreSQL: heartbeats listed with their status and version, stale terminals
// flagged, a terminal heartbeating only as itself, terminals refused on staff RPCs, service
// points and equipment, the facility class check passing and failing with the failing items
// named, and `renshe-admin fleet` / `service-point` run as a process.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "renshe/v1/terminal.grpc.pb.h"
#include "tests/fixtures/process.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/admin_cli_runner.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using namespace renshe::v1;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::CertFiles;
using renshe::testing::newRequestId;
using renshe::testing::Outcome;
using renshe::testing::StoreKind;
using Terminal = TerminalService::Stub;
using Admin = AdminService::Stub;
using renshe::services::pki::Role;

constexpr const char* kTouch = "T-371302-001";
constexpr const char* kOtherTouch = "T-371302-002";
constexpr const char* kDisplay = "T-371302-001-D";

std::unique_ptr<Terminal> fleetStub(BackofficeEnv& env, const CertFiles& who) {
    return TerminalService::NewStub(
        renshe::services::client::makeChannel(env.pki().endpoint(env.backoffice().target(), who)));
}

std::unique_ptr<Terminal> touchStub(BackofficeEnv& env, const std::string& id = kTouch) {
    return fleetStub(env, env.pki().touchTerminal(id, BackofficeEnv::kRegion));
}
std::unique_ptr<Terminal> displayStub(BackofficeEnv& env) {
    return fleetStub(env, env.pki().client({kDisplay, Role::Display, BackofficeEnv::kRegion}));
}
std::unique_ptr<Terminal> staffStub(BackofficeEnv& env) {
    return fleetStub(env, env.pki().staff("S-0001", BackofficeEnv::kRegion));
}

google::protobuf::Timestamp secondsFromNow(int s) {
    google::protobuf::Timestamp t;
    t.set_seconds(std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count() +
                  s);
    return t;
}

struct Beat {
    TerminalRole role = TERMINAL_ROLE_TOUCH;
    std::string version = "1.4.2";
    DevicePresence reader = DEVICE_PRESENCE_PRESENT;
    DevicePresence fingerprint = DEVICE_PRESENCE_PRESENT;
    PrinterState printer = PRINTER_STATE_OK;
    DisplayState display = DISPLAY_STATE_ON;
    DevicePresence idCardReader = DEVICE_PRESENCE_PRESENT;
    int outbox = 0;
    int sentSecondsFromNow = 0;

    HeartbeatRequest request() const {
        HeartbeatRequest r;
        r.set_software_version(version);
        r.set_role(role);
        auto* d = r.mutable_devices();
        d->set_card_reader(reader);
        d->set_card_reader_count(reader == DEVICE_PRESENCE_PRESENT ? 1 : 0);
        d->set_card_present(false);
        d->set_fingerprint_sensor(fingerprint);
        if (fingerprint == DEVICE_PRESENCE_PRESENT) {
            d->mutable_fingerprint_device()->set_driver("virtual_image");
            d->mutable_fingerprint_device()->set_device_id("0");
        }
        d->set_printer(printer);
        d->set_display(display);
        d->set_id_card_reader(idCardReader);
        if (idCardReader == DEVICE_PRESENCE_PRESENT)
            d->set_id_card_sam_id("05.01-20101103-0012345678-1234567890");
        if (role == TERMINAL_ROLE_DISPLAY)
            d->set_content_revision(7);
        r.mutable_uptime()->set_seconds(3600);
        r.set_pending_outbox(outbox);
        *r.mutable_sent_at() = secondsFromNow(sentSecondsFromNow);
        return r;
    }
};

Outcome heartbeat(Terminal& t, const Beat& b, HeartbeatResponse* resp = nullptr) {
    HeartbeatResponse ignored;
    return call(t, &Terminal::Heartbeat, b.request(), resp ? resp : &ignored);
}

ListTerminalsResponse listTerminals(Terminal& staff, const std::string& prefix = "",
                                    bool staleOnly = false) {
    ListTerminalsRequest r;
    r.set_region_prefix(prefix);
    r.set_stale_only(staleOnly);
    r.mutable_page()->set_page_size(100);
    ListTerminalsResponse resp;
    const auto o = call(staff, &Terminal::ListTerminals, r, &resp);
    EXPECT_TRUE(o.ok()) << o;
    return resp;
}

const TerminalSummary* find(const ListTerminalsResponse& list, const std::string& id) {
    for (const auto& t : list.terminals()) {
        if (t.terminal_id() == id)
            return &t;
    }
    return nullptr;
}

UpsertServicePointRequest servicePoint(const std::string& name, const std::string& township,
                                       FacilityClass cls, double area) {
    UpsertServicePointRequest r;
    r.set_request_id(newRequestId());
    auto* sp = r.mutable_service_point();
    sp->set_name(name);
    sp->mutable_region()->set_division_code("371302");
    sp->mutable_region()->set_township_code(township);
    sp->set_facility_class(cls);
    sp->set_display_area_m2(area);
    sp->set_address("兰山区金雀山路 1 号");
    return r;
}

std::string createServicePoint(Admin& admin, const UpsertServicePointRequest& req) {
    UpsertServicePointResponse resp;
    const auto o = call(admin, &Admin::UpsertServicePoint, req, &resp);
    EXPECT_TRUE(o.ok()) << o;
    return resp.service_point().id();
}

Equipment equipment(EquipmentKind kind, const std::string& terminal = "",
                    const std::string& id = "") {
    Equipment e;
    e.set_kind(kind);
    e.set_terminal_id(terminal);
    e.set_id(id);
    e.set_model("model");
    return e;
}

Outcome registerEquipment(Terminal& staff, const std::string& servicePointId,
                          const std::vector<Equipment>& items,
                          RegisterEquipmentResponse* resp = nullptr) {
    RegisterEquipmentRequest r;
    r.set_request_id(newRequestId());
    r.set_service_point_id(servicePointId);
    for (const auto& e : items)
        *r.add_equipment() = e;
    RegisterEquipmentResponse ignored;
    return call(staff, &Terminal::RegisterEquipment, r, resp ? resp : &ignored);
}

CheckFacilityResponse checkFacility(Terminal& staff, const std::string& servicePointId) {
    CheckFacilityRequest r;
    r.set_service_point_id(servicePointId);
    CheckFacilityResponse resp;
    const auto o = call(staff, &Terminal::CheckFacility, r, &resp);
    EXPECT_TRUE(o.ok()) << o;
    return resp;
}

const FacilityFinding& findingOf(const CheckFacilityResponse& r, FacilityItem item) {
    for (const auto& f : r.findings()) {
        if (f.item() == item)
            return f;
    }
    static FacilityFinding none;
    ADD_FAILURE() << "no finding for " << FacilityItem_Name(item);
    return none;
}

std::string describe(const CheckFacilityResponse& r) {
    std::string out = "passed=" + std::to_string(r.passed()) +
                      " achieved=" + FacilityClass_Name(r.achieved_class());
    for (const auto& f : r.findings()) {
        out += "\n  " + FacilityItem_Name(f.item()) + " " + (f.passed() ? "ok" : "FAIL") + " " +
               std::to_string(f.found()) + "/" + std::to_string(f.required()) + " " + f.reason();
    }
    return out;
}

class Fleet : public ::testing::TestWithParam<StoreKind> {};

TEST_P(Fleet, AHeartbeatIsListedWithItsStatusAndVersion) {
    BackofficeEnv env(GetParam());
    auto touch = touchStub(env);
    auto display = displayStub(env);
    auto staff = staffStub(env);

    Beat b;
    b.printer = PRINTER_STATE_PAPER_OUT;
    b.outbox = 3;
    HeartbeatResponse hr;
    ASSERT_TRUE(heartbeat(*touch, b, &hr).ok());
    EXPECT_EQ(hr.heartbeat_interval().seconds(), 30);
    EXPECT_NEAR(static_cast<double>(hr.server_time().seconds()),
                static_cast<double>(secondsFromNow(0).seconds()), 5);
    Beat d;
    d.role = TERMINAL_ROLE_DISPLAY;
    d.version = "1.4.1";
    d.reader = DEVICE_PRESENCE_UNSPECIFIED;
    d.fingerprint = DEVICE_PRESENCE_UNSPECIFIED;
    d.printer = PRINTER_STATE_UNSPECIFIED;
    ASSERT_TRUE(heartbeat(*display, d).ok());

    auto list = listTerminals(*staff);
    ASSERT_EQ(list.terminals_size(), 2);
    EXPECT_EQ(list.page().total_estimate(), 2);
    const auto* t = find(list, kTouch);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->role(), TERMINAL_ROLE_TOUCH);
    EXPECT_EQ(t->software_version(), "1.4.2");
    EXPECT_EQ(t->region().division_code(), "371302");
    EXPECT_FALSE(t->stale());
    EXPECT_EQ(t->devices().card_reader(), DEVICE_PRESENCE_PRESENT);
    EXPECT_EQ(t->devices().printer(), PRINTER_STATE_PAPER_OUT);
    EXPECT_EQ(t->devices().display(), DISPLAY_STATE_ON);
    EXPECT_EQ(t->devices().fingerprint_device().driver(), "virtual_image");
    EXPECT_EQ(t->devices().id_card_reader(), DEVICE_PRESENCE_PRESENT);
    EXPECT_EQ(t->devices().id_card_sam_id(), "05.01-20101103-0012345678-1234567890");
    EXPECT_EQ(t->pending_outbox(), 3);
    EXPECT_NEAR(static_cast<double>(t->last_seen().seconds()),
                static_cast<double>(secondsFromNow(0).seconds()), 5);
    const auto* ds = find(list, kDisplay);
    ASSERT_NE(ds, nullptr);
    EXPECT_EQ(ds->role(), TERMINAL_ROLE_DISPLAY);
    EXPECT_EQ(ds->software_version(), "1.4.1");
    EXPECT_EQ(ds->devices().content_revision(), 7);

    // A newer heartbeat overwrites; one sent before the last applied (a delayed retry) does not.
    b.version = "1.5.0";
    b.printer = PRINTER_STATE_OK;
    ASSERT_TRUE(heartbeat(*touch, b).ok());
    Beat late = b;
    late.version = "1.4.9";
    late.sentSecondsFromNow = -60;
    ASSERT_TRUE(heartbeat(*touch, late).ok());
    list = listTerminals(*staff);
    ASSERT_NE(find(list, kTouch), nullptr);
    EXPECT_EQ(find(list, kTouch)->software_version(), "1.5.0");
    EXPECT_EQ(find(list, kTouch)->devices().printer(), PRINTER_STATE_OK);

    // Region filter and paging; a prefix outside the staff member's region is refused.
    auto elsewhere = fleetStub(env, env.pki().touchTerminal("T-370102-001", "370102"));
    ASSERT_TRUE(heartbeat(*elsewhere, Beat{}).ok());
    EXPECT_EQ(listTerminals(*staff).terminals_size(), 2)
        << "the default is the staff member's own region";
    EXPECT_EQ(listTerminals(*staff, "371302").terminals_size(), 2);
    EXPECT_EQ(listTerminals(*staff, "371302101").terminals_size(), 0);
    ListTerminalsRequest outside;
    outside.set_region_prefix("370102");
    ListTerminalsResponse ignored;
    auto o = call(*staff, &Terminal::ListTerminals, outside, &ignored);
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION");
    outside.set_region_prefix("37a");
    o = call(*staff, &Terminal::ListTerminals, outside, &ignored);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_MALFORMED_FIELD");

    ListTerminalsRequest page;
    page.mutable_page()->set_page_size(1);
    ListTerminalsResponse first, second;
    ASSERT_TRUE(call(*staff, &Terminal::ListTerminals, page, &first).ok());
    ASSERT_EQ(first.terminals_size(), 1);
    ASSERT_FALSE(first.page().next_page_token().empty());
    page.mutable_page()->set_page_token(first.page().next_page_token());
    ASSERT_TRUE(call(*staff, &Terminal::ListTerminals, page, &second).ok());
    ASSERT_EQ(second.terminals_size(), 1);
    EXPECT_TRUE(second.page().next_page_token().empty());
    EXPECT_NE(first.terminals(0).terminal_id(), second.terminals(0).terminal_id());
    auto operatorStub = fleetStub(env, env.pki().staff("S-0009", ""));
    EXPECT_EQ(listTerminals(*operatorStub).terminals_size(), 3)
        << "an operator without a region sees the province";
}

TEST_P(Fleet, ATerminalHeartbeatsOnlyAsItselfAndInItsOwnRole) {
    BackofficeEnv env(GetParam(), {"--sweep-seconds", "1"});  // refusals audited each second
    auto touch = touchStub(env);
    auto other = touchStub(env, kOtherTouch);
    auto staff = staffStub(env);

    ASSERT_TRUE(heartbeat(*touch, Beat{}).ok());
    Beat b;
    b.version = "2.0.0";
    ASSERT_TRUE(heartbeat(*other, b).ok());
    auto list = listTerminals(*staff);
    ASSERT_EQ(list.terminals_size(), 2);
    EXPECT_EQ(find(list, kTouch)->software_version(), "1.4.2")
        << "one terminal's heartbeat changed another's row";
    EXPECT_EQ(find(list, kOtherTouch)->software_version(), "2.0.0");

    // The role must be the certificate's; staff certificates do not heartbeat.
    Beat asDisplay;
    asDisplay.role = TERMINAL_ROLE_DISPLAY;
    auto o = heartbeat(*touch, asDisplay);
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_WRONG_ROLE");
    o = heartbeat(*staff, Beat{});
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_WRONG_ROLE");
    list = listTerminals(*staff);
    EXPECT_EQ(list.terminals_size(), 2);
    EXPECT_EQ(find(list, kTouch)->role(), TERMINAL_ROLE_TOUCH);
    EXPECT_EQ(find(list, "S-0001"), nullptr);

    // Malformed heartbeats.
    Beat longVersion;
    longVersion.version = std::string(65, '1');
    o = heartbeat(*touch, longVersion);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    Beat negative;
    negative.outbox = -1;
    o = heartbeat(*touch, negative);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    EXPECT_EQ(find(listTerminals(*staff), kTouch)->software_version(), "1.4.2");

    // A refused heartbeat is audited (these name no person: in aggregate, each round); an
    // accepted one is not.
    QueryAuditRequest q;
    q.set_event_type("terminal.heartbeat");
    q.mutable_page()->set_page_size(100);
    std::int64_t refused = 0;
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] {
            QueryAuditResponse events;
            EXPECT_TRUE(call(*env.staff().admin, &Admin::QueryAudit, q, &events).ok());
            refused = 0;
            for (const auto& e : events.events()) {
                EXPECT_NE(e.outcome(), "OK");
                refused += e.repeats();
            }
            return refused >= 4;
        },
        std::chrono::seconds(10)));
    EXPECT_EQ(refused, 4);
}

TEST_P(Fleet, TerminalsAreRefusedOnStaffRpcs) {
    BackofficeEnv env(GetParam());
    const std::string sp = createServicePoint(
        *env.staff().admin, servicePoint("探沂镇人社所", "101", FACILITY_CLASS_II, 4));
    ASSERT_FALSE(sp.empty());
    for (auto* who : {"touch", "display"}) {
        SCOPED_TRACE(who);
        auto stub = std::string(who) == "touch" ? touchStub(env) : displayStub(env);
        const auto clients = std::string(who) == "touch" ? env.touch() : env.display();
        ListTerminalsResponse lt;
        auto o = call(*stub, &Terminal::ListTerminals, ListTerminalsRequest{}, &lt);
        EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
        EXPECT_EQ(o.refusal, "REFUSAL_REASON_STAFF_ONLY");
        CheckFacilityRequest cf;
        cf.set_service_point_id(sp);
        CheckFacilityResponse cfr;
        o = call(*stub, &Terminal::CheckFacility, cf, &cfr);
        EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
        EXPECT_EQ(o.refusal, "REFUSAL_REASON_STAFF_ONLY");
        o = registerEquipment(*stub, sp, {equipment(EQUIPMENT_KIND_PRINTER)});
        EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
        EXPECT_EQ(o.refusal, "REFUSAL_REASON_STAFF_ONLY");
        UpsertServicePointResponse up;
        o = call(*clients.admin, &Admin::UpsertServicePoint,
                 servicePoint("x", "101", FACILITY_CLASS_III, 2), &up);
        EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
        EXPECT_EQ(o.refusal, "REFUSAL_REASON_STAFF_ONLY");
        ListServicePointsResponse ls;
        o = call(*clients.admin, &Admin::ListServicePoints, ListServicePointsRequest{}, &ls);
        EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
        EXPECT_EQ(o.refusal, "REFUSAL_REASON_STAFF_ONLY");
    }
    ListServicePointsResponse ls;
    ASSERT_TRUE(
        call(*env.staff().admin, &Admin::ListServicePoints, ListServicePointsRequest{}, &ls).ok());
    EXPECT_EQ(ls.service_points_size(), 1) << "a refused upsert created something";
}

TEST_P(Fleet, ServicePointsAreUpsertedOnceAndListedByRegion) {
    BackofficeEnv env(GetParam());
    auto admin = env.staff().admin;
    auto req = servicePoint(" 探沂镇人社所 ", "101", FACILITY_CLASS_I, 12.5);
    UpsertServicePointResponse first, retry;
    ASSERT_TRUE(call(*admin, &Admin::UpsertServicePoint, req, &first).ok());
    EXPECT_EQ(first.service_point().name(), "探沂镇人社所");
    EXPECT_EQ(first.service_point().display_area_m2(), 12.5);
    EXPECT_EQ(first.service_point().region().township_code(), "101");
    ASSERT_TRUE(call(*admin, &Admin::UpsertServicePoint, req, &retry).ok());
    EXPECT_EQ(retry.service_point().id(), first.service_point().id())
        << "a retry created another service point";

    auto update = servicePoint("探沂镇人社所", "101", FACILITY_CLASS_II, 6);
    update.mutable_service_point()->set_id(first.service_point().id());
    UpsertServicePointResponse updated;
    ASSERT_TRUE(call(*admin, &Admin::UpsertServicePoint, update, &updated).ok());
    EXPECT_EQ(updated.service_point().facility_class(), FACILITY_CLASS_II);
    update.set_request_id(newRequestId());
    update.mutable_service_point()->set_id("SP-371302101-unknown");
    auto o = call(*admin, &Admin::UpsertServicePoint, update, &updated);
    EXPECT_EQ(o.code, grpc::StatusCode::NOT_FOUND) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_NOT_FOUND");
    auto negative = servicePoint("x", "101", FACILITY_CLASS_II, -1);
    o = call(*admin, &Admin::UpsertServicePoint, negative, &updated);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;

    createServicePoint(*admin, servicePoint("银雀山街道人社所", "102", FACILITY_CLASS_II, 4));
    createServicePoint(*admin, servicePoint("某村服务站", "102", FACILITY_CLASS_III, 2));
    auto outside = servicePoint("elsewhere", "101", FACILITY_CLASS_III, 2);
    outside.mutable_service_point()->mutable_region()->set_division_code("370102");
    o = call(*admin, &Admin::UpsertServicePoint, outside, &updated);
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION");

    ListServicePointsRequest l;
    ListServicePointsResponse all, township;
    ASSERT_TRUE(call(*admin, &Admin::ListServicePoints, l, &all).ok());
    EXPECT_EQ(all.service_points_size(), 3);
    l.set_region_prefix("371302102");
    ASSERT_TRUE(call(*admin, &Admin::ListServicePoints, l, &township).ok());
    EXPECT_EQ(township.service_points_size(), 2);
    l.clear_region_prefix();
    l.mutable_page()->set_page_size(2);
    ListServicePointsResponse p1, p2;
    ASSERT_TRUE(call(*admin, &Admin::ListServicePoints, l, &p1).ok());
    ASSERT_EQ(p1.service_points_size(), 2);
    l.mutable_page()->set_page_token(p1.page().next_page_token());
    ASSERT_TRUE(call(*admin, &Admin::ListServicePoints, l, &p2).ok());
    ASSERT_EQ(p2.service_points_size(), 1);
    EXPECT_EQ(p1.page().total_estimate(), 3);
}

// The class I service point before its fixes: which items fail, and why, by name.
void expectClassIFailuresNamed(const CheckFacilityResponse& fail) {
    const auto& touchscreens = findingOf(fail, FACILITY_ITEM_TOUCHSCREENS);
    EXPECT_FALSE(touchscreens.passed());
    EXPECT_EQ(touchscreens.found(), 0);
    EXPECT_EQ(touchscreens.required(), 2);
    EXPECT_NE(touchscreens.reason().find(std::string(kOtherTouch) + " card reader absent"),
              std::string::npos)
        << touchscreens.reason();
    EXPECT_NE(touchscreens.reason().find("YQ-T2: not attached to a terminal"), std::string::npos)
        << touchscreens.reason();
    EXPECT_FALSE(findingOf(fail, FACILITY_ITEM_PRINTERS).passed());
    EXPECT_NE(findingOf(fail, FACILITY_ITEM_PRINTERS).reason().find("0 printers"),
              std::string::npos);
    EXPECT_TRUE(findingOf(fail, FACILITY_ITEM_DISPLAY_AREA_M2).passed()) << describe(fail);
    EXPECT_TRUE(findingOf(fail, FACILITY_ITEM_CARD_READERS).passed()) << describe(fail);
    EXPECT_TRUE(findingOf(fail, FACILITY_ITEM_FINGERPRINT_DEVICES).passed()) << describe(fail);
    const auto& idReaders = findingOf(fail, FACILITY_ITEM_ID_CARD_READERS);
    EXPECT_EQ(idReaders.found(), 0);
    EXPECT_NE(idReaders.reason().find("YQ-ID1 on " + std::string(kOtherTouch) +
                                      " ID card reader failing"),
              std::string::npos)
        << idReaders.reason();
}

// Unknown service point, another region, an empty id, equipment of no kind.
void expectFacilityRequestsRefused(BackofficeEnv& env, Terminal& staff, const std::string& good) {
    CheckFacilityRequest unknown;
    unknown.set_service_point_id("SP-371302101-none");
    CheckFacilityResponse ignored;
    auto o = call(staff, &Terminal::CheckFacility, unknown, &ignored);
    EXPECT_EQ(o.code, grpc::StatusCode::NOT_FOUND) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_NOT_FOUND");
    auto elsewhere = fleetStub(env, env.pki().staff("S-0002", "370102"));
    CheckFacilityRequest theirs;
    theirs.set_service_point_id(good);
    o = call(*elsewhere, &Terminal::CheckFacility, theirs, &ignored);
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_OUTSIDE_REGION");
    o = registerEquipment(*elsewhere, good, {equipment(EQUIPMENT_KIND_PRINTER)});
    EXPECT_EQ(o.code, grpc::StatusCode::PERMISSION_DENIED) << o;
    o = call(staff, &Terminal::CheckFacility, CheckFacilityRequest{}, &ignored);
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    o = registerEquipment(staff, good, {equipment(EQUIPMENT_KIND_UNSPECIFIED)});
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_MALFORMED_FIELD");
}

TEST_P(Fleet, FacilityCheckPassesAndFailsWithTheFailingItemsNamed) {
    BackofficeEnv env(GetParam());
    auto admin = env.staff().admin;
    auto staff = staffStub(env);
    auto touch = touchStub(env);
    auto other = touchStub(env, kOtherTouch);
    auto display = displayStub(env);

    // Class II: one touchscreen with its reader, fingerprint sensor and printer, one display
    // terminal, 5 m² declared.
    const std::string good =
        createServicePoint(*admin, servicePoint("探沂镇人社所", "101", FACILITY_CLASS_II, 5));
    // Class I: 12 m² of an LED wall (no terminal), a touchscreen whose reader is unplugged, one
    // touchscreen not attached to a terminal, readers and fingerprint at the counter, no printer.
    const std::string bad =
        createServicePoint(*admin, servicePoint("银雀山街道人社所", "102", FACILITY_CLASS_I, 12));

    // Equipment can only be attached to a terminal that has been heard from.
    auto o = registerEquipment(*staff, good, {equipment(EQUIPMENT_KIND_TOUCHSCREEN, kTouch)});
    EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    EXPECT_EQ(o.refusal, "REFUSAL_REASON_MALFORMED_FIELD");

    ASSERT_TRUE(heartbeat(*touch, Beat{}).ok());
    Beat readerOut;
    readerOut.reader = DEVICE_PRESENCE_ABSENT;
    readerOut.idCardReader = DEVICE_PRESENCE_ERROR;
    ASSERT_TRUE(heartbeat(*other, readerOut).ok());
    Beat d;
    d.role = TERMINAL_ROLE_DISPLAY;
    ASSERT_TRUE(heartbeat(*display, d).ok());

    RegisterEquipmentResponse registered;
    ASSERT_TRUE(registerEquipment(*staff, good,
                                  {equipment(EQUIPMENT_KIND_TOUCHSCREEN, kTouch, "LS-0001"),
                                   equipment(EQUIPMENT_KIND_CARD_READER, kTouch),
                                   equipment(EQUIPMENT_KIND_FINGERPRINT, kTouch),
                                   equipment(EQUIPMENT_KIND_PRINTER, kTouch),
                                   equipment(EQUIPMENT_KIND_DISPLAY, kDisplay),
                                   equipment(EQUIPMENT_KIND_ID_CARD_READER, kTouch)},
                                  &registered)
                    .ok());
    ASSERT_EQ(registered.equipment_size(), 6);
    EXPECT_EQ(registered.equipment(0).id(), "LS-0001");
    EXPECT_FALSE(registered.equipment(1).id().empty())
        << "the server assigns missing asset numbers";
    ASSERT_TRUE(registerEquipment(*staff, bad,
                                  {equipment(EQUIPMENT_KIND_TOUCHSCREEN, kOtherTouch, "YQ-T1"),
                                   equipment(EQUIPMENT_KIND_TOUCHSCREEN, "", "YQ-T2"),
                                   equipment(EQUIPMENT_KIND_DISPLAY, "", "YQ-LED"),
                                   equipment(EQUIPMENT_KIND_CARD_READER, "", "YQ-R1"),
                                   equipment(EQUIPMENT_KIND_FINGERPRINT, "", "YQ-F1"),
                                   equipment(EQUIPMENT_KIND_ID_CARD_READER, kOtherTouch, "YQ-ID1")})
                    .ok());

    auto pass = checkFacility(*staff, good);
    EXPECT_TRUE(pass.passed()) << describe(pass);
    EXPECT_EQ(pass.required_class(), FACILITY_CLASS_II);
    EXPECT_EQ(pass.achieved_class(), FACILITY_CLASS_II) << describe(pass);
    ASSERT_EQ(pass.findings_size(), 6);
    for (const auto& f : pass.findings())
        EXPECT_TRUE(f.passed()) << describe(pass);
    EXPECT_EQ(findingOf(pass, FACILITY_ITEM_TOUCHSCREENS).found(), 1);
    EXPECT_EQ(findingOf(pass, FACILITY_ITEM_TOUCHSCREENS).required(), 1);
    EXPECT_EQ(findingOf(pass, FACILITY_ITEM_DISPLAY_AREA_M2).found(), 5);
    EXPECT_EQ(findingOf(pass, FACILITY_ITEM_DISPLAY_AREA_M2).required(), 4);
    // The ID card reader is counted and reported; no class requires one.
    EXPECT_EQ(findingOf(pass, FACILITY_ITEM_ID_CARD_READERS).found(), 1);
    EXPECT_EQ(findingOf(pass, FACILITY_ITEM_ID_CARD_READERS).required(), 0);

    auto fail = checkFacility(*staff, bad);
    EXPECT_FALSE(fail.passed()) << describe(fail);
    EXPECT_EQ(fail.required_class(), FACILITY_CLASS_I);
    EXPECT_EQ(fail.achieved_class(), FACILITY_CLASS_UNSPECIFIED) << describe(fail);
    expectClassIFailuresNamed(fail);

    // The reader is plugged back in, a printer is registered and a second touchscreen runs:
    // class I.
    ASSERT_TRUE(heartbeat(*other, Beat{}).ok());
    ASSERT_TRUE(heartbeat(*touchStub(env, "T-371302-003"), Beat{}).ok());
    ASSERT_TRUE(registerEquipment(*staff, bad,
                                  {equipment(EQUIPMENT_KIND_TOUCHSCREEN, "T-371302-003", "YQ-T2"),
                                   equipment(EQUIPMENT_KIND_PRINTER, "", "YQ-P1")})
                    .ok());
    fail = checkFacility(*staff, bad);
    EXPECT_TRUE(fail.passed()) << describe(fail);
    EXPECT_EQ(fail.achieved_class(), FACILITY_CLASS_I) << describe(fail);
    // A display terminal whose screen fails takes the declared area with it.
    d.display = DISPLAY_STATE_ERROR;
    ASSERT_TRUE(heartbeat(*display, d).ok());
    pass = checkFacility(*staff, good);
    EXPECT_FALSE(pass.passed()) << describe(pass);
    EXPECT_FALSE(findingOf(pass, FACILITY_ITEM_DISPLAY_AREA_M2).passed());
    EXPECT_NE(findingOf(pass, FACILITY_ITEM_DISPLAY_AREA_M2).reason().find("display in error"),
              std::string::npos)
        << describe(pass);
    // The equipment's terminal now shows its service point in the fleet.
    EXPECT_EQ(find(listTerminals(*staff), kTouch)->service_point_id(), good);

    // Unknown service point, another region, an empty id.
    expectFacilityRequestsRefused(env, *staff, good);
}

// A short staleness threshold and facility window, so that silence can be waited for.
std::vector<std::string> shortClocks() {
    return {"--stale-after-seconds", "3", "--facility-window-seconds", "3"};
}

TEST_P(Fleet, SilentTerminalsAreFlaggedStaleAndStopCountingForTheFacility) {
    BackofficeEnv env(GetParam(), shortClocks());
    auto staff = staffStub(env);
    auto touch = touchStub(env);
    auto other = touchStub(env, kOtherTouch);
    const std::string sp = createServicePoint(
        *env.staff().admin, servicePoint("探沂镇人社所", "101", FACILITY_CLASS_II, 5));

    ASSERT_TRUE(heartbeat(*touch, Beat{}).ok());
    ASSERT_TRUE(registerEquipment(*staff, sp,
                                  {equipment(EQUIPMENT_KIND_TOUCHSCREEN, kTouch, "LS-1"),
                                   equipment(EQUIPMENT_KIND_DISPLAY, "", "LS-LED"),
                                   equipment(EQUIPMENT_KIND_CARD_READER, kTouch, "LS-R"),
                                   equipment(EQUIPMENT_KIND_FINGERPRINT, kTouch, "LS-F"),
                                   equipment(EQUIPMENT_KIND_PRINTER, kTouch, "LS-P")})
                    .ok());
    EXPECT_TRUE(checkFacility(*staff, sp).passed());
    EXPECT_FALSE(find(listTerminals(*staff), kTouch)->stale());

    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] {
            const auto list = listTerminals(*staff);
            return find(list, kTouch) && find(list, kTouch)->stale();
        },
        std::chrono::seconds(20)))
        << "the silent terminal never became stale";
    ASSERT_TRUE(heartbeat(*other, Beat{}).ok());
    const auto list = listTerminals(*staff);
    ASSERT_EQ(list.terminals_size(), 2);
    EXPECT_TRUE(find(list, kTouch)->stale());
    EXPECT_FALSE(find(list, kOtherTouch)->stale());
    const auto staleOnly = listTerminals(*staff, "", true);
    ASSERT_EQ(staleOnly.terminals_size(), 1);
    EXPECT_EQ(staleOnly.terminals(0).terminal_id(), kTouch);
    EXPECT_EQ(staleOnly.page().total_estimate(), 1);

    const auto check = checkFacility(*staff, sp);
    EXPECT_FALSE(check.passed()) << describe(check);
    const auto& touchscreens = findingOf(check, FACILITY_ITEM_TOUCHSCREENS);
    EXPECT_FALSE(touchscreens.passed());
    EXPECT_NE(touchscreens.reason().find(std::string(kTouch) + " silent"), std::string::npos)
        << touchscreens.reason();
    EXPECT_FALSE(findingOf(check, FACILITY_ITEM_PRINTERS).passed()) << describe(check);
    EXPECT_TRUE(findingOf(check, FACILITY_ITEM_DISPLAY_AREA_M2).passed())
        << "the LED wall has no terminal to go silent";

    // Heard from again: fresh, and counted again.
    ASSERT_TRUE(heartbeat(*touch, Beat{}).ok());
    EXPECT_FALSE(find(listTerminals(*staff), kTouch)->stale());
    EXPECT_TRUE(checkFacility(*staff, sp).passed());
}

// The value of the first sample of `name` with these labels; -1 when there is none.
double sampleValue(const std::vector<renshe::testing::MetricSample>& samples,
                   const std::string& name, const std::map<std::string, std::string>& labels) {
    const auto* s = renshe::testing::findMetric(samples, name, labels);
    return s ? s->value : -1;
}

// /metrics, as an operator's Prometheus reads it: the hall's terminals by state (a hall gone
// silent shows none online), what their outboxes hold and need a clerk for (only terminals
// with some carry their id), and the calls as histograms with their stages.
TEST_P(Fleet, MetricsSayWhichHallIsSilentAndWhatWaitsForStaff) {
    auto args = shortClocks();
    args.push_back("@metrics");
    BackofficeEnv env(GetParam(), args);
    auto staff = staffStub(env);
    const std::string sp = createServicePoint(
        *env.staff().admin, servicePoint("探沂镇人社所", "101", FACILITY_CLASS_II, 5));
    const std::string township = "371302101";
    const std::vector<std::string> ids{"T-371302101-001", "T-371302101-002", "T-371302101-003"};
    RegisterTerminalsRequest reg;
    reg.set_request_id(newRequestId());
    reg.set_service_point_id(sp);
    for (const auto& id : ids)
        reg.add_certificate_pem(
            renshe::services::pki::readFile(env.pki().touchTerminal(id, township).certificate));
    RegisterTerminalsResponse registered;
    ASSERT_TRUE(call(*env.staff().admin, &Admin::RegisterTerminals, reg, &registered).ok());

    auto first = fleetStub(env, env.pki().touchTerminal(ids[0], township));
    auto second = fleetStub(env, env.pki().touchTerminal(ids[1], township));
    auto beat = Beat{}.request();
    beat.set_pending_outbox(3);
    beat.set_outbox_needs_staff(2);
    HeartbeatResponse ignored;
    ASSERT_TRUE(call(*first, &Terminal::Heartbeat, beat, &ignored).ok());
    ASSERT_TRUE(heartbeat(*second, Beat{}).ok());
    listTerminals(*staff);
    ListTerminalsResponse notForTerminals;
    EXPECT_EQ(
        call(*second, &Terminal::ListTerminals, ListTerminalsRequest{}, &notForTerminals).code,
        grpc::StatusCode::PERMISSION_DENIED);

    const std::map<std::string, std::string> hall{
        {"service_point", sp}, {"region", township}, {"role", "touch"}};
    auto with = [&](std::map<std::string, std::string> labels, const char* state) {
        labels["state"] = state;
        return labels;
    };
    std::vector<renshe::testing::MetricSample> m;
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] {
            m = env.backoffice().scrapeMetrics();
            return sampleValue(m, "renshe_terminals", with(hall, "online")) == 2;
        },
        std::chrono::seconds(15)))
        << "the two heartbeating terminals were never counted online";
    EXPECT_EQ(sampleValue(m, "renshe_terminals", with(hall, "stale")), 0);
    EXPECT_EQ(sampleValue(m, "renshe_terminals", with(hall, "never_seen")), 1);
    EXPECT_EQ(sampleValue(m, "renshe_terminal_outbox_needs_staff",
                          {{"terminal", ids[0]}, {"service_point", sp}, {"region", township}}),
              2);
    EXPECT_EQ(renshe::testing::findMetric(m, "renshe_terminal_outbox_needs_staff",
                                          {{"terminal", ids[1]}}),
              nullptr)
        << "a terminal with nothing for staff carries no series";
    EXPECT_EQ(sampleValue(m, "renshe_outbox_waiting", {{"region", township}}), 3);
    EXPECT_GE(sampleValue(m, "renshe_rpc_duration_seconds_bucket",
                          {{"method", "terminal.heartbeat"}, {"code", "OK"}, {"le", "+Inf"}}),
              2);
    EXPECT_GE(sampleValue(m, "renshe_rpc_duration_seconds_count",
                          {{"method", "terminal.list"}, {"code", "OK"}}),
              1);
    for (const char* stage : {"authorise", "storage_wait", "work", "commit"})
        EXPECT_GE(sampleValue(m, "renshe_rpc_stage_seconds_count",
                              {{"method", "terminal.list"}, {"stage", stage}}),
                  1)
            << stage;
    EXPECT_GE(sampleValue(m, "renshe_refusals_total",
                          {{"method", "terminal.list"}, {"reason", "REFUSAL_REASON_STAFF_ONLY"}}),
              1);
    EXPECT_GT(sampleValue(m, "renshe_store_commit_seconds_count", {}), 0);
    EXPECT_GT(sampleValue(m, "renshe_store_wait_seconds_count", {{"kind", "read"}}), 0);
    EXPECT_EQ(sampleValue(m, "renshe_store_reachable", {}), 1);

    // The hall goes silent: both stale, none online (what RensheServicePointAllStale reads).
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] {
            m = env.backoffice().scrapeMetrics();
            return sampleValue(m, "renshe_terminals", with(hall, "stale")) == 2;
        },
        std::chrono::seconds(20)))
        << "the silent terminals were never counted stale";
    EXPECT_EQ(sampleValue(m, "renshe_terminals", with(hall, "online")), 0);
    EXPECT_EQ(sampleValue(m, "renshe_terminals", with(hall, "never_seen")), 1);
}

using renshe::testing::CliRun;

CliRun admin(BackofficeEnv& env, const renshe::testing::TempDir& dir,
             std::vector<std::string> args) {
    return renshe::testing::runAdmin(env.backoffice().staffTarget(), env.pki(), dir.path(),
                                     std::move(args));
}

TEST_P(Fleet, AdminFleetAndServicePointCommands) {
    BackofficeEnv env(GetParam(), shortClocks());
    renshe::testing::TempDir dir{"renshe-fleet-cli"};
    auto staff = staffStub(env);
    auto touch = touchStub(env);
    auto other = touchStub(env, kOtherTouch);

    ASSERT_TRUE(heartbeat(*touch, Beat{}).ok());
    ASSERT_TRUE(renshe::testing::waitUntil(
        [&] {
            const auto list = listTerminals(*staff);
            return find(list, kTouch) && find(list, kTouch)->stale();
        },
        std::chrono::seconds(20)));
    Beat b;
    b.version = "1.5.0";
    b.printer = PRINTER_STATE_PAPER_OUT;
    ASSERT_TRUE(heartbeat(*other, b).ok());

    auto r = admin(env, dir, {"fleet"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_TRUE(
        std::regex_search(r.output, std::regex("STALE +T-371302-001 +touch +371302 +1\\.4\\.2 ")))
        << r.output;
    EXPECT_TRUE(std::regex_search(
        r.output, std::regex("ok +T-371302-002 +touch +371302 +1\\.5\\.0 .*printer paper-out")))
        << r.output;
    EXPECT_NE(r.output.find("2 terminals, 1 stale"), std::string::npos) << r.output;
    r = admin(env, dir, {"fleet", "--stale"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("T-371302-001"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("T-371302-002"), std::string::npos) << r.output;
    r = admin(env, dir, {"fleet", "--region", "370102"});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("REFUSAL_REASON_OUTSIDE_REGION"), std::string::npos) << r.output;

    r = admin(env, dir,
              {"service-point", "add", "--name", "探沂镇人社所", "--region", "371302101", "--class",
               "II", "--area", "4.5"});
    ASSERT_EQ(r.code, 0) << r.output;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.output, m,
                                  std::regex("(SP-371302101-[0-9a-f]+) created: class II, 4.5 m²")))
        << r.output;
    const std::string sp = m[1];
    r = admin(env, dir,
              {"service-point", "add", "--name", "x", "--region", "3713", "--class", "II"});
    EXPECT_EQ(r.code, 2) << r.output;
    r = admin(env, dir, {"service-point", "list"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find(sp), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("探沂镇人社所"), std::string::npos) << r.output;
    r = admin(env, dir,
              {"service-point", "equip", sp, "--kind", "touchscreen", "--terminal", kOtherTouch,
               "--asset", "LS-1"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("LS-1 registered at " + sp + ": touchscreen on T-371302-002"),
              std::string::npos)
        << r.output;
    r = admin(env, dir, {"service-point", "equip", sp, "--kind", "scanner"});
    EXPECT_EQ(r.code, 2) << r.output;
    ASSERT_TRUE(heartbeat(*other, b).ok());  // fresh for the check, whatever the CLI took
    r = admin(env, dir, {"service-point", "check", sp});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_NE(r.output.find("declared class II, achieved class none: FAILED"), std::string::npos)
        << r.output;
    EXPECT_TRUE(std::regex_search(r.output, std::regex("ok +touchscreens +1 of 1 "))) << r.output;
    EXPECT_TRUE(std::regex_search(r.output, std::regex("FAIL +display-area-m2 +0 of 4 ")))
        << r.output;
    EXPECT_TRUE(std::regex_search(r.output, std::regex("FAIL +printers +0 of 1 "))) << r.output;
}

INSTANTIATE_TEST_SUITE_P(Backends, Fleet, ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
