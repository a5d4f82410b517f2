#include "services/backoffice/fleet/facility.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "services/backoffice/fleet/fleet_rules.hpp"

namespace renshe::services::backoffice::fleet {

using namespace renshe::v1;

FacilityStandard facilityStandard(FacilityClass c) {
    switch (c) {
        case FACILITY_CLASS_I:
            return {2, 10.0, 1, 1, 1};
        case FACILITY_CLASS_II:
            return {1, 4.0, 1, 1, 1};
        default:
            return {0, 2.0, 1, 1, 1};
    }
}

namespace {

constexpr std::size_t kMaxNamesInReason = 10;

struct Tally {
    int count = 0;
    std::vector<std::string> counted;
    std::vector<std::string> excluded;  // "EQ-7 on T-1: card reader absent"
};

const char* presenceText(int p) {
    switch (p) {
        case DEVICE_PRESENCE_PRESENT:
            return "present";
        case DEVICE_PRESENCE_ABSENT:
            return "absent";
        case DEVICE_PRESENCE_ERROR:
            return "failing";
        default:
            return "not reported";
    }
}

const char* printerText(int p) {
    switch (p) {
        case PRINTER_STATE_OK:
            return "ok";
        case PRINTER_STATE_PAPER_OUT:
            return "out of paper";
        case PRINTER_STATE_PAPER_JAM:
            return "jammed";
        case PRINTER_STATE_OFFLINE:
            return "offline";
        case PRINTER_STATE_ERROR:
            return "in error";
        case PRINTER_STATE_ABSENT:
            return "absent";
        default:
            return "not reported";
    }
}

const char* displayText(int d) {
    switch (d) {
        case DISPLAY_STATE_ON:
            return "on";
        case DISPLAY_STATE_OFF:
            return "off";
        case DISPLAY_STATE_ERROR:
            return "in error";
        default:
            return "not reported";
    }
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < kMaxNamesInReason; ++i) {
        if (i > 0)
            out += sep;
        out += items[i];
    }
    if (items.size() > kMaxNamesInReason) {
        out += sep;
        out += "and " + std::to_string(items.size() - kMaxNamesInReason) + " more";
    }
    return out;
}

std::string countReason(const Tally& t, const char* noun) {
    std::string out = std::to_string(t.count) + " " + noun + (t.count == 1 ? "" : "s");
    if (!t.counted.empty())
        out += " (" + joined(t.counted, ", ") + ")";
    if (!t.excluded.empty())
        out += "; not counted: " + joined(t.excluded, "; ");
    return out;
}

std::string areaText(double m2) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", m2);
    std::string s = buf;
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s + " m²";
}

// Why attached equipment does not count, or "" when its terminal's latest heartbeat confirms it.
std::string deviceProblem(EquipmentKind kind, const ReportedTerminal& t) {
    switch (kind) {
        case EQUIPMENT_KIND_TOUCHSCREEN:
            if (t.role != TERMINAL_ROLE_TOUCH)
                return "not a touch terminal";
            if (t.display == DISPLAY_STATE_ERROR)
                return "display in error";
            if (t.cardReader != DEVICE_PRESENCE_PRESENT)
                return std::string("card reader ") + presenceText(t.cardReader);
            return {};
        case EQUIPMENT_KIND_DISPLAY:
            if (t.display != DISPLAY_STATE_ON && t.display != DISPLAY_STATE_OFF) {
                return std::string("display ") + displayText(t.display);
            }
            return {};
        case EQUIPMENT_KIND_CARD_READER:
            if (t.cardReader != DEVICE_PRESENCE_PRESENT)
                return std::string("card reader ") + presenceText(t.cardReader);
            return {};
        case EQUIPMENT_KIND_FINGERPRINT:
            if (t.fingerprintSensor != DEVICE_PRESENCE_PRESENT) {
                return std::string("fingerprint sensor ") + presenceText(t.fingerprintSensor);
            }
            return {};
        case EQUIPMENT_KIND_ID_CARD_READER:
            if (t.idCardReader != DEVICE_PRESENCE_PRESENT)
                return std::string("ID card reader ") + presenceText(t.idCardReader);
            return {};
        case EQUIPMENT_KIND_PRINTER:
            if (t.printer != PRINTER_STATE_OK && t.printer != PRINTER_STATE_PAPER_OUT &&
                t.printer != PRINTER_STATE_PAPER_JAM) {
                return std::string("printer ") + printerText(t.printer);
            }
            return {};
        default:
            return "unknown kind";
    }
}

// How many devices of `kind` one terminal can confirm.
int allowance(EquipmentKind kind, const ReportedTerminal& t) {
    return kind == EQUIPMENT_KIND_CARD_READER ? std::max(1, t.cardReaderCount) : 1;
}

FacilityFinding finding(FacilityItem item, double required, double found, std::string reason) {
    FacilityFinding f;
    f.set_item(item);
    f.set_required(required);
    f.set_found(found);
    f.set_passed(found + 1e-9 >= required);
    f.set_reason(std::move(reason));
    return f;
}

}  // namespace

CheckFacilityResponse checkFacility(const FacilityInput& input) {
    std::map<int, Tally> tally;                              // by EquipmentKind
    std::map<std::pair<int, std::string>, int> perTerminal;  // (kind, terminal) → counted so far

    std::vector<const RegisteredEquipment*> items;
    for (const auto& e : input.equipment)
        items.push_back(&e);
    std::sort(items.begin(), items.end(),
              [](const auto* a, const auto* b) { return a->equipment.id() < b->equipment.id(); });

    for (const auto* e : items) {
        const auto kind = e->equipment.kind();
        Tally& t = tally[kind];
        const std::string& tid = e->equipment.terminal_id();
        if (tid.empty()) {
            if (kind == EQUIPMENT_KIND_TOUCHSCREEN) {
                t.excluded.push_back(e->equipment.id() + ": not attached to a terminal");
            } else {
                ++t.count;
                t.counted.push_back(e->equipment.id());
            }
            continue;
        }
        // Touchscreens are named by their terminal (one each); other devices by asset number.
        const std::string label =
            kind == EQUIPMENT_KIND_TOUCHSCREEN ? tid : e->equipment.id() + " on " + tid;
        if (!e->terminal) {
            t.excluded.push_back(label + " never reported");
            continue;
        }
        const std::int64_t silent = input.nowMicros - e->terminal->lastSeenMicros;
        if (silent > input.windowMicros) {
            t.excluded.push_back(label + " silent " + durationText(silent));
            continue;
        }
        if (const std::string problem = deviceProblem(kind, *e->terminal); !problem.empty()) {
            std::string reason = label;
            reason += " ";
            reason += problem;
            t.excluded.push_back(std::move(reason));
            continue;
        }
        int& used = perTerminal[{kind, tid}];
        if (used >= allowance(kind, *e->terminal)) {
            t.excluded.push_back(label + " more than the terminal reports");
            continue;
        }
        ++used;
        ++t.count;
        t.counted.push_back(label);
    }

    const Tally& displays = tally[EQUIPMENT_KIND_DISPLAY];
    const double area = displays.count > 0 ? input.declaredAreaM2 : 0.0;
    std::string areaReason = areaText(input.declaredAreaM2) + " declared";
    if (displays.count > 0) {
        areaReason += ", information display" + std::string(displays.count == 1 ? " " : "s ") +
                      joined(displays.counted, ", ");
    } else {
        areaReason += ", not counted: no working information display";
        if (displays.excluded.empty())
            areaReason += " registered";
    }
    if (!displays.excluded.empty())
        areaReason += "; not counted: " + joined(displays.excluded, "; ");

    const int touch = tally[EQUIPMENT_KIND_TOUCHSCREEN].count;
    const int readers = tally[EQUIPMENT_KIND_CARD_READER].count;
    const int fingerprints = tally[EQUIPMENT_KIND_FINGERPRINT].count;
    const int printers = tally[EQUIPMENT_KIND_PRINTER].count;

    CheckFacilityResponse resp;
    resp.set_required_class(input.declaredClass);
    for (FacilityClass c : {FACILITY_CLASS_I, FACILITY_CLASS_II, FACILITY_CLASS_III}) {
        const FacilityStandard s = facilityStandard(c);
        if (touch >= s.touchscreens && area + 1e-9 >= s.displayAreaM2 && readers >= s.cardReaders &&
            fingerprints >= s.fingerprintDevices && printers >= s.printers) {
            resp.set_achieved_class(c);
            break;
        }
    }
    // FacilityClass I (1) is the highest: a lower number meets a higher one.
    resp.set_passed(input.declaredClass != FACILITY_CLASS_UNSPECIFIED &&
                    resp.achieved_class() != FACILITY_CLASS_UNSPECIFIED &&
                    resp.achieved_class() <= input.declaredClass);

    const FacilityStandard s = facilityStandard(input.declaredClass);
    *resp.add_findings() = finding(FACILITY_ITEM_TOUCHSCREENS, s.touchscreens, touch,
                                   countReason(tally[EQUIPMENT_KIND_TOUCHSCREEN], "touchscreen"));
    *resp.add_findings() =
        finding(FACILITY_ITEM_DISPLAY_AREA_M2, s.displayAreaM2, area, areaReason);
    *resp.add_findings() = finding(FACILITY_ITEM_CARD_READERS, s.cardReaders, readers,
                                   countReason(tally[EQUIPMENT_KIND_CARD_READER], "card reader"));
    *resp.add_findings() =
        finding(FACILITY_ITEM_FINGERPRINT_DEVICES, s.fingerprintDevices, fingerprints,
                countReason(tally[EQUIPMENT_KIND_FINGERPRINT], "fingerprint device"));
    *resp.add_findings() = finding(FACILITY_ITEM_PRINTERS, s.printers, printers,
                                   countReason(tally[EQUIPMENT_KIND_PRINTER], "printer"));
    *resp.add_findings() =
        finding(FACILITY_ITEM_ID_CARD_READERS, 0, tally[EQUIPMENT_KIND_ID_CARD_READER].count,
                countReason(tally[EQUIPMENT_KIND_ID_CARD_READER], "ID card reader"));
    return resp;
}

}  // namespace renshe::services::backoffice::fleet
