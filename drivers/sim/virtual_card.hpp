// The card side of the social security card profile (drivers/sscard/profile.hpp): what a chip
// answers to SELECT, READ RECORD, VERIFY, CHANGE PIN, GET CHALLENGE, RELOAD/UNBLOCK PIN and
// GET RESPONSE. No I/O here: the simulator feeds it vpcd's messages, tests call it directly.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>

#include "drivers/sim/card_file.hpp"

namespace renshe::drivers::sim {

// Ways real cards differ from the textbook, switchable at run time.
struct Quirks {
    // T=0 style: every answer with data comes as 61xx first and is released by GET RESPONSE
    // (in chunks when the reader asks for less). Also picks a T=0 default ATR.
    bool t0 = false;
    // READ RECORD with Le = 00 answers 6C<len+2> instead of the record (a strict card; by
    // default Le = 00 means "all of it", as ISO 7816-4 allows). A non-zero wrong Le is
    // always answered 6C<len+2>.
    bool wrongLe = false;
};

class VirtualCard {
public:
    // Called with the chip state a command is about to leave, before the answer goes out;
    // throwing makes the command fail with 6581 and leaves the state as it was.
    using Persist = std::function<void(const ChipState&)>;

    VirtualCard(CardImage image, Persist persist);

    // The ATR from the card file, else a T=1 ATR (a T=0 one with the t0 quirk).
    Bytes atr() const;
    // Power off, power on and reset all drop the selection, a pending challenge and a pending
    // GET RESPONSE, as a chip loses its RAM.
    void powerOff() { clearVolatile(); }
    void powerOn() { clearVolatile(); }
    void reset() { clearVolatile(); }

    // One command APDU in, the answer (data + SW1 SW2) out.
    Bytes process(std::span<const std::uint8_t> command);

    Quirks& quirks() noexcept { return m_quirks; }
    const ChipState& chip() const noexcept { return m_image.chip; }
    const CardImage& image() const noexcept { return m_image; }

    static const Bytes& defaultT1Atr();
    static const Bytes& defaultT0Atr();

private:
    struct Command;
    Bytes dispatch(const Command& c);
    Bytes select(const Command& c);
    Bytes readRecord(const Command& c);
    Bytes verify(const Command& c);
    Bytes changePin(const Command& c);
    Bytes getChallenge(const Command& c);
    Bytes reloadOrUnblock(const Command& c);
    Bytes getResponse(const Command& c);
    // Checks `pinBcd` against the PIN, counting a failure; nullopt when it matched.
    std::optional<Bytes> checkPin(std::span<const std::uint8_t> pinBcd);
    // Persists `next` and adopts it; the status word to answer (9000, or 6581 on failure).
    std::uint16_t commit(const ChipState& next, std::uint16_t sw);
    void clearVolatile();

    CardImage m_image;
    Persist m_persist;
    Quirks m_quirks;
    bool m_applicationSelected = false;
    std::uint16_t m_currentEf = 0;  // 0: none
    std::optional<std::array<std::uint8_t, 8>> m_challenge;
    Bytes m_pendingResponse;  // data waiting for GET RESPONSE (t0 quirk)
};

}  // namespace renshe::drivers::sim
