// ISO/IEC 7816-4 command and response APDUs as values (short length encoding only: every
// command of the social security card profile fits in 255 bytes of data, 256 of answer).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace renshe::drivers::pcsc {

using Bytes = std::vector<std::uint8_t>;

// Named status words (ISO 7816-4 §5.1.3 and the card profile in ARCHITECTURE.md).
namespace sw {
constexpr std::uint16_t kOk = 0x9000;
constexpr std::uint16_t kSecurityNotSatisfied = 0x6982;
constexpr std::uint16_t kAuthenticationBlocked = 0x6983;  // PIN blocked
constexpr std::uint16_t kConditionsNotSatisfied = 0x6985;
constexpr std::uint16_t kWrongData = 0x6A80;
constexpr std::uint16_t kFunctionNotSupported = 0x6A81;  // also: application locked
constexpr std::uint16_t kFileNotFound = 0x6A82;
constexpr std::uint16_t kRecordNotFound = 0x6A83;
constexpr std::uint16_t kWrongP1P2 = 0x6B00;
constexpr std::uint16_t kInsNotSupported = 0x6D00;
constexpr std::uint16_t kClaNotSupported = 0x6E00;
constexpr std::uint16_t kApplicationLocked = 0x9303;
constexpr std::uint8_t kMoreDataSw1 = 0x61;     // 61xx: xx bytes wait for GET RESPONSE
constexpr std::uint8_t kWrongLengthSw1 = 0x6C;  // 6Cxx: resend with Le = xx
constexpr std::uint8_t kWrongPinSw1 = 0x63;     // 63Cx: x tries left
}  // namespace sw

// Overwrites `bytes` in place (not optimised away): buffers that held a PIN or a key.
void wipe(Bytes& bytes) noexcept;

class CommandApdu {
public:
    // Case 1: no data, no answer expected (§5.1, case 1).
    static CommandApdu case1(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2);
    // Case 2: no data, `le` bytes expected (1..256; 256 is encoded as 00).
    static CommandApdu case2(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                             int le);
    // Case 3: data (1..255 bytes), no answer data.
    static CommandApdu case3(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                             Bytes data);
    // Case 4: data and an expected answer.
    static CommandApdu case4(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                             Bytes data, int le);

    // Command data may be a PIN (VERIFY, CHANGE PIN): it is wiped when the command goes.
    ~CommandApdu();
    CommandApdu(const CommandApdu&) = default;
    CommandApdu(CommandApdu&&) noexcept = default;
    CommandApdu& operator=(const CommandApdu&) = default;
    CommandApdu& operator=(CommandApdu&&) noexcept = default;

    Bytes encode() const;
    // The same command with another Le (the 6Cxx retry).
    CommandApdu withLe(int le) const;

    std::uint8_t cla() const { return m_cla; }
    std::uint8_t ins() const { return m_ins; }
    std::uint8_t p1() const { return m_p1; }
    std::uint8_t p2() const { return m_p2; }
    const Bytes& data() const { return m_data; }
    std::optional<int> le() const { return m_le; }

private:
    CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, Bytes data,
                std::optional<int> le);
    std::uint8_t m_cla, m_ins, m_p1, m_p2;
    Bytes m_data;
    std::optional<int> m_le;
};

struct ResponseApdu {
    Bytes data;
    std::uint8_t sw1 = 0;
    std::uint8_t sw2 = 0;

    std::uint16_t sw() const { return static_cast<std::uint16_t>(sw1 << 8 | sw2); }
    bool ok() const { return sw() == sw::kOk; }
    // Splits a raw answer; throws std::invalid_argument when it has no status word.
    static ResponseApdu parse(const Bytes& raw);
};

std::string toHex(const Bytes& bytes);
// Accepts "00A40400", "00 a4 04 00"; throws std::invalid_argument on anything else.
Bytes fromHex(const std::string& hex);

}  // namespace renshe::drivers::pcsc
