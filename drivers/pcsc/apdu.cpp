#include "drivers/pcsc/apdu.hpp"

#include <string.h>  // explicit_bzero

#include <stdexcept>

namespace renshe::drivers::pcsc {

CommandApdu::CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                         Bytes data, std::optional<int> le)
    : m_cla(cla), m_ins(ins), m_p1(p1), m_p2(p2), m_data(std::move(data)), m_le(le) {
    if (m_data.size() > 255) {
        throw std::invalid_argument("short APDU data is at most 255 bytes");
    }
    if (m_le && (*m_le < 1 || *m_le > 256)) {
        throw std::invalid_argument("short APDU Le is 1..256");
    }
}

CommandApdu CommandApdu::case1(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1,
                               std::uint8_t p2) {
    return {cla, ins, p1, p2, {}, std::nullopt};
}

CommandApdu CommandApdu::case2(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                               int le) {
    return {cla, ins, p1, p2, {}, le};
}

CommandApdu CommandApdu::case3(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                               Bytes data) {
    if (data.empty()) {
        throw std::invalid_argument("case 3 APDU needs data");
    }
    return {cla, ins, p1, p2, std::move(data), std::nullopt};
}

CommandApdu CommandApdu::case4(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                               Bytes data, int le) {
    if (data.empty()) {
        throw std::invalid_argument("case 4 APDU needs data");
    }
    return {cla, ins, p1, p2, std::move(data), le};
}

CommandApdu::~CommandApdu() {
    wipe(m_data);
}

void wipe(Bytes& bytes) noexcept {
    if (!bytes.empty())
        explicit_bzero(bytes.data(), bytes.size());
}

Bytes CommandApdu::encode() const {
    Bytes out{m_cla, m_ins, m_p1, m_p2};
    if (!m_data.empty()) {
        out.push_back(static_cast<std::uint8_t>(m_data.size()));
        out.insert(out.end(), m_data.begin(), m_data.end());
    }
    if (m_le) {
        out.push_back(static_cast<std::uint8_t>(*m_le == 256 ? 0 : *m_le));
    }
    return out;
}

CommandApdu CommandApdu::withLe(int le) const {
    return {m_cla, m_ins, m_p1, m_p2, m_data, le};
}

ResponseApdu ResponseApdu::parse(const Bytes& raw) {
    if (raw.size() < 2) {
        throw std::invalid_argument("response shorter than a status word");
    }
    ResponseApdu r;
    r.data.assign(raw.begin(), raw.end() - 2);
    r.sw1 = raw[raw.size() - 2];
    r.sw2 = raw[raw.size() - 1];
    return r;
}

std::string toHex(const Bytes& bytes) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (auto b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0F]);
    }
    return out;
}

Bytes fromHex(const std::string& hex) {
    Bytes out;
    int high = -1;
    for (char c : hex) {
        int v;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else if (c == ' ' || c == ':')
            continue;
        else
            throw std::invalid_argument("not a hex digit in '" + hex + "'");
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::uint8_t>(high << 4 | v));
            high = -1;
        }
    }
    if (high >= 0) {
        throw std::invalid_argument("odd number of hex digits in '" + hex + "'");
    }
    return out;
}

}  // namespace renshe::drivers::pcsc
