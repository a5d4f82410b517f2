// The SAM module of a resident ID card reader, simulated: answers the host's command frames
// for the card that lies on it (or none), with the faults the driver must survive. Pure logic
// (bytes in, byte chunks out) so it runs behind a pseudo-terminal in renshe-idcardsim and
// behind an in-memory link in unit tests.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "drivers/idcard/frame.hpp"
#include "drivers/idcard/text.hpp"

namespace renshe::drivers::idcardsim {

using idcard::Bytes;

enum class Fault {
    None,
    GarbleOnce,    // the next answer's checksum is wrong, later ones fine
    GarbleAlways,  // every answer's checksum is wrong
    Truncate,      // the read answer stops half way (the rest never comes)
    BadLength,     // the next answer's length field is impossible (0xFFFF)
    Noise,         // bytes of noise before every answer's preamble
    Mute,          // never answers
    LiftMidRead,   // the card is lifted while it is read: read fails (SW3 41), then no card
    SamFault,      // the SAM fails its self-check (SW3 60) on every command
};

// "none", "garble-once", ... ↔ Fault; nullopt for an unknown name.
std::optional<Fault> faultNamed(const std::string& name);
const char* faultName(Fault f);

// A card as the simulator holds it: the 256-byte text (normally encodeText of the fields, or
// raw bytes from the file's text_hex for malformed cards) and the 1024-byte photo.
struct SimCard {
    Bytes text;
    Bytes photo;
};

// Reads a card file (drivers/idcardsim/README.md): `key = value` lines with name, sex,
// nation, birth, address, id_number, authority, valid_from, valid_until — or text_hex with
// all 256 bytes. Throws std::runtime_error naming the line that is wrong.
SimCard loadCard(const std::filesystem::path& file);

class SamModel {
public:
    SamModel();

    void place(SimCard card) { m_card = std::move(card); }
    void lift() { m_card.reset(); }
    bool cardPresent() const { return m_card.has_value(); }
    void setFault(Fault f) { m_fault = f; }
    Fault fault() const { return m_fault; }

    // Bytes from the host → the byte chunks to send back, in order. A chunk list may be
    // empty (mute, or a command not yet complete).
    std::vector<Bytes> receive(const std::uint8_t* data, std::size_t size);

    long commandsAnswered() const { return m_answered; }
    long reads() const { return m_reads; }  // successful read base messages

private:
    idcard::Answer answer(const idcard::Command& c);
    std::vector<Bytes> frameAnswer(const idcard::Answer& a, bool isRead);

    idcard::FrameDecoder m_decoder;
    std::optional<SimCard> m_card;
    Fault m_fault = Fault::None;
    bool m_selected = false;
    long m_answered = 0;
    long m_reads = 0;
    std::uint32_t m_noise = 0x2545F491;
};

// The SAM id the simulator reports: 16 bytes, formatted "05.01-20101103-0012345678-1234567890".
const Bytes& simulatedSamId();

}  // namespace renshe::drivers::idcardsim
