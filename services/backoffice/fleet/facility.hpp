// The facility class check of a service point (Linyi 2011 attachment): registered equipment,
// confirmed by what the terminals' heartbeats say, against the class's minimums.
//
// The rule (also in proto/renshe/v1/terminal.proto, CheckFacility):
// - Equipment attached to a terminal counts only when that terminal has sent a heartbeat
//   within the facility window (default 24 h: service points switch their terminals off at
//   night, so the 90-second stale flag of the fleet view would fail every point before it
//   opens) and its latest heartbeat says the device works:
//     touchscreen   the terminal is a touch terminal, its display is not in error, and its
//                   card reader is PRESENT (a touchscreen that cannot read the social
//                   security card serves nobody); one per terminal;
//     display       the terminal's display is ON or OFF (not ERROR, not unreported);
//     card reader   card reader PRESENT; up to the reported card_reader_count per terminal;
//     fingerprint   fingerprint sensor PRESENT; one per terminal;
//     printer       printer OK, PAPER_OUT or PAPER_JAM (present; paper is a consumable),
//                   not OFFLINE, ERROR, ABSENT or unreported; one per terminal;
//     ID card reader  id_card_reader PRESENT (its SAM answers); one per terminal.
// - A touchscreen not attached to a terminal does not count (only a running terminal's
//   heartbeat confirms one). Other equipment without a terminal (a reader or printer at the
//   counter, an LED wall) counts as registered: it has nothing to report with.
// - The display area is the service point's declared (surveyed) area, counted only when at
//   least one of its registered information displays counts; otherwise 0.
// - Every class also needs at least one card reader, one fingerprint device and one printer.
//   ID card readers are counted and reported (a finding with required 0) but no class needs one.
// - achieved_class is the best class all of whose minimums are met; passed = achieved is at
//   least the declared class. Findings are given against the declared class's minimums (class
//   III's when none is declared).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "renshe/v1/terminal.pb.h"

namespace renshe::services::backoffice::fleet {

struct FacilityStandard {
    int touchscreens = 0;
    double displayAreaM2 = 0;
    int cardReaders = 1;
    int fingerprintDevices = 1;
    int printers = 1;
};

// The attachment's table; UNSPECIFIED gets class III's.
FacilityStandard facilityStandard(renshe::v1::FacilityClass c);

// A terminal's latest heartbeat, as far as the check needs it.
struct ReportedTerminal {
    std::string terminalId;
    renshe::v1::TerminalRole role = renshe::v1::TERMINAL_ROLE_UNSPECIFIED;
    std::int64_t lastSeenMicros = 0;
    int cardReader = 0;  // DevicePresence
    int cardReaderCount = 0;
    int fingerprintSensor = 0;  // DevicePresence
    int printer = 0;            // PrinterState
    int display = 0;            // DisplayState
    int idCardReader = 0;       // DevicePresence
};

struct RegisteredEquipment {
    renshe::v1::Equipment equipment;
    std::optional<ReportedTerminal> terminal;  // nullopt: not attached, or never heard from
};

struct FacilityInput {
    renshe::v1::FacilityClass declaredClass = renshe::v1::FACILITY_CLASS_UNSPECIFIED;
    double declaredAreaM2 = 0;
    std::vector<RegisteredEquipment> equipment;
    std::int64_t nowMicros = 0;
    std::int64_t windowMicros = 0;  // heard from within this = confirmed
};

renshe::v1::CheckFacilityResponse checkFacility(const FacilityInput& input);

}  // namespace renshe::services::backoffice::fleet
