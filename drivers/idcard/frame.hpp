// The frames of the resident ID card reader's SAM module (the security module inside every
// 二代身份证阅读器, GA 467): both directions start with the preamble AA AA AA 96 69, then a
// 2-byte big-endian length of what follows, then
//   host → SAM   CMD PARA [data] CHK
//   SAM → host   SW1 SW2 SW3 [data] CHK
// where CHK is the XOR of the length bytes and everything after them. SW1 SW2 are 00 00 and
// SW3 says how the command went (SamStatus). A FrameDecoder reassembles frames from a byte
// stream that may arrive in pieces, skips noise before a preamble and reports frames whose
// length or checksum is wrong, so one garbled answer never desynchronises the link.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace renshe::drivers::idcard {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::array<std::uint8_t, 5> kPreamble{0xAA, 0xAA, 0xAA, 0x96, 0x69};
// The largest length field accepted: read base message with fingerprint data answers
// 3 + 4 + 256 + 1024 + 1024 + 1 = 2312 bytes; anything over this is a broken frame.
inline constexpr std::size_t kMaxFrameLength = 4096;

// The commands the driver sends (CMD, PARA).
struct Command {
    std::uint8_t cmd = 0;
    std::uint8_t para = 0;
    Bytes data;
};

namespace commands {
inline const Command kReset{0x10, 0xFF, {}};
inline const Command kSamStatus{0x11, 0xFF, {}};
inline const Command kSamId{0x12, 0xFF, {}};
inline const Command kFindCard{0x20, 0x01, {}};
inline const Command kSelectCard{0x20, 0x02, {}};
inline const Command kReadBase{0x30, 0x01, {}};  // text + photo
}  // namespace commands

// SW3 values.
enum class SamStatus : std::uint8_t {
    Ok = 0x90,
    CardFound = 0x9F,      // find card succeeded
    ChecksumError = 0x10,  // the SAM got our frame with a wrong checksum
    LengthError = 0x11,    // ... with a wrong length
    CommandError = 0x21,   // unknown command
    NotAuthorised = 0x23,
    Unrecognised = 0x24,
    CardAuthFailed = 0x31,  // the card failed the SAM's authentication
    SamAuthFailed = 0x32,   // the SAM failed the card's
    InfoCheckFailed = 0x33,
    UnknownCardType = 0x40,
    ReadFailed = 0x41,  // the card left the field during the read, or could not be read
    RandomFailed = 0x47,
    SelfCheckFailed = 0x60,  // SAM self-test failed
    SamNotAuthorised = 0x66,
    FindFailed = 0x80,  // no card on the reader
    SelectFailed = 0x81,
    NoContent = 0x91,  // no such data on the card (e.g. no fingerprint)
};

struct Answer {
    std::uint8_t sw1 = 0;
    std::uint8_t sw2 = 0;
    std::uint8_t sw3 = 0;
    Bytes data;
    SamStatus status() const { return static_cast<SamStatus>(sw3); }
};

// XOR of `bytes`.
std::uint8_t xorChecksum(std::span<const std::uint8_t> bytes);

// A whole frame for `body` (CMD PARA data or SW1 SW2 SW3 data): preamble, length, body, CHK.
// Throws std::length_error when the body does not fit kMaxFrameLength.
Bytes encodeFrame(std::span<const std::uint8_t> body);
Bytes encodeCommand(const Command& c);
Bytes encodeAnswer(const Answer& a);

// The body of a frame as a command (at least CMD PARA) / an answer (at least SW1-SW3);
// nullopt when it is too short.
std::optional<Command> parseCommand(std::span<const std::uint8_t> body);
std::optional<Answer> parseAnswer(std::span<const std::uint8_t> body);

enum class FrameProblem {
    BadLength,    // a length field under the minimum or over kMaxFrameLength
    BadChecksum,  // the frame arrived whole but its CHK does not match
};

struct DecodedFrame {
    Bytes body;                           // valid when !problem
    std::optional<FrameProblem> problem;  // the frame was dropped
};

class FrameDecoder {
public:
    void feed(std::span<const std::uint8_t> bytes);
    // The next frame (or dropped frame) in the stream; nullopt until more bytes arrive.
    std::optional<DecodedFrame> next();
    // Bytes that are part of a frame not yet complete (after noise was skipped).
    bool midFrame() const;
    // Noise bytes skipped before preambles so far.
    std::size_t skipped() const noexcept { return m_skipped; }
    void clear();

private:
    void skipToPreamble();

    Bytes m_buffer;
    std::size_t m_skipped = 0;
};

// "AA AA AA 96 69 00 03 ..." for logs and the technician tool (never for card text).
std::string hex(std::span<const std::uint8_t> bytes);

}  // namespace renshe::drivers::idcard
