#include "drivers/sim/virtual_card.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <stdexcept>

#include "drivers/pcsc/apdu.hpp"
#include "drivers/sscard/pin_reset_crypto.hpp"

namespace renshe::drivers::sim {

namespace profile = sscard::profile;
namespace sw = pcsc::sw;
namespace ins = profile::ins;

namespace {

constexpr std::uint16_t kWrongLength = 0x6700;
constexpr std::uint16_t kMemoryFailure = 0x6581;  // EEPROM write failed
constexpr std::uint16_t kNoCurrentEf = 0x6986;    // READ RECORD of "current EF" without one
constexpr std::uint8_t kClaIso = 0x00;
constexpr std::uint8_t kClaProprietary = 0x80;
constexpr std::uint8_t kClaSecureMessaging = 0x84;  // proprietary class with a MAC

// Historical bytes shared by both default ATRs (proprietary category, ASCII "RENSHE-SSC01").
constexpr std::uint8_t kHistorical[] = {'R', 'E', 'N', 'S', 'H', 'E', '-', 'S', 'S', 'C', '0', '1'};

Bytes status(std::uint16_t s) {
    return {static_cast<std::uint8_t>(s >> 8), static_cast<std::uint8_t>(s & 0xFF)};
}

Bytes withStatus(Bytes data, std::uint16_t s) {
    data.push_back(static_cast<std::uint8_t>(s >> 8));
    data.push_back(static_cast<std::uint8_t>(s & 0xFF));
    return data;
}

// 6Cxx / 61xx carry a length in one byte, 00 standing for 256.
std::uint8_t lengthByte(std::size_t n) {
    return static_cast<std::uint8_t>(n >= 256 ? 0 : n);
}

bool isBcdPin(std::span<const std::uint8_t> bcd) {
    return std::all_of(bcd.begin(), bcd.end(),
                       [](std::uint8_t b) { return (b >> 4) <= 9 && (b & 0x0F) <= 9; });
}

std::array<std::uint8_t, 3> pinToBcd(const std::string& digits) {
    std::array<std::uint8_t, 3> out{};
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = static_cast<std::uint8_t>((digits[2 * i] - '0') << 4 | (digits[2 * i + 1] - '0'));
    }
    return out;
}

std::string bcdToPin(std::span<const std::uint8_t> bcd) {
    std::string out;
    for (std::uint8_t b : bcd) {
        out.push_back(static_cast<char>('0' + (b >> 4)));
        out.push_back(static_cast<char>('0' + (b & 0x0F)));
    }
    return out;
}

}  // namespace

// ISO 7816-4 §5.1 short APDU, split by case.
struct VirtualCard::Command {
    std::uint8_t cla = 0, ins = 0, p1 = 0, p2 = 0;
    std::span<const std::uint8_t> data;
    std::optional<int> le;  // 1..256; nullopt when the command has no Le (cases 1 and 3)
    std::uint8_t lc = 0;
};

const Bytes& VirtualCard::defaultT1Atr() {
    // TS, T0 (TD1, 12 historical bytes), TD1 (T=1, TD2 follows), TD2 (T=1: TA3, TB3),
    // TA3 IFSC 254, TB3 BWI 4 / CWI 5, historical bytes, TCK.
    static const Bytes atr = [] {
        Bytes a = {0x3B, 0x8C, 0x81, 0x31, 0xFE, 0x45};
        a.insert(a.end(), std::begin(kHistorical), std::end(kHistorical));
        std::uint8_t tck = 0;
        for (std::size_t i = 1; i < a.size(); ++i) {
            tck ^= a[i];
        }
        a.push_back(tck);
        return a;
    }();
    return atr;
}

const Bytes& VirtualCard::defaultT0Atr() {
    // TS, T0 (TB1, TC1, 12 historical bytes), TB1, TC1; no TD1 means T=0 only, no TCK.
    static const Bytes atr = [] {
        Bytes a = {0x3B, 0x6C, 0x00, 0x00};
        a.insert(a.end(), std::begin(kHistorical), std::end(kHistorical));
        return a;
    }();
    return atr;
}

VirtualCard::VirtualCard(CardImage image, Persist persist)
    : m_image(std::move(image)), m_persist(std::move(persist)) {}

Bytes VirtualCard::atr() const {
    if (!m_image.atr.empty()) {
        return m_image.atr;
    }
    return m_quirks.t0 ? defaultT0Atr() : defaultT1Atr();
}

void VirtualCard::clearVolatile() {
    m_applicationSelected = false;
    m_currentEf = 0;
    m_challenge.reset();
    m_pendingResponse.clear();
}

Bytes VirtualCard::process(std::span<const std::uint8_t> raw) {
    if (raw.size() < 4) {
        return status(kWrongLength);
    }
    Command c;
    c.cla = raw[0];
    c.ins = raw[1];
    c.p1 = raw[2];
    c.p2 = raw[3];
    const std::size_t body = raw.size() - 4;
    if (body == 1) {
        c.le = raw[4] == 0 ? 256 : raw[4];  // case 2
    } else if (body > 1) {
        c.lc = raw[4];
        if (c.lc == 0 || (body != 1u + c.lc && body != 2u + c.lc)) {
            return status(kWrongLength);  // extended lengths are not part of this profile
        }
        c.data = raw.subspan(5, c.lc);
        if (body == 2u + c.lc) {
            c.le = raw.back() == 0 ? 256 : raw.back();  // case 4
        }
    }

    // A pending answer survives only the GET RESPONSE that fetches it.
    if (c.ins != ins::kGetResponse) {
        m_pendingResponse.clear();
    }
    Bytes answer = dispatch(c);
    if (m_quirks.t0 && c.ins != ins::kGetResponse && answer.size() > 2) {
        m_pendingResponse = std::move(answer);
        return status(static_cast<std::uint16_t>(sw::kMoreDataSw1 << 8 |
                                                 lengthByte(m_pendingResponse.size() - 2)));
    }
    return answer;
}

Bytes VirtualCard::dispatch(const Command& c) {
    if (c.cla != kClaIso && c.cla != kClaProprietary && c.cla != kClaSecureMessaging) {
        return status(sw::kClaNotSupported);
    }
    if (c.cla == kClaIso) {
        switch (c.ins) {
            case ins::kSelect:
                return select(c);
            case ins::kReadRecord:
                return readRecord(c);
            case ins::kVerify:
                return verify(c);
            case ins::kGetChallenge:
                return getChallenge(c);
            case ins::kGetResponse:
                return getResponse(c);
            default:
                break;
        }
    } else if (c.cla == kClaProprietary && c.ins == ins::kChangeOrReloadPin) {
        return changePin(c);
    } else if (c.cla == kClaSecureMessaging &&
               (c.ins == ins::kChangeOrReloadPin || c.ins == ins::kUnblockPin)) {
        return reloadOrUnblock(c);
    }
    return status(sw::kInsNotSupported);
}

Bytes VirtualCard::select(const Command& c) {
    if (c.p2 != 0x00) {
        return status(sw::kWrongP1P2);
    }
    if (c.p1 == 0x04) {  // by DF name
        if (!std::equal(c.data.begin(), c.data.end(), profile::kSsseAid.begin(),
                        profile::kSsseAid.end()) ||
            !m_image.ssc) {
            return status(sw::kFileNotFound);
        }
        clearVolatile();
        switch (m_image.chip.application) {
            case ApplicationState::Locked:
                return status(sw::kApplicationLocked);
            case ApplicationState::Blocked:
                return status(sw::kFunctionNotSupported);
            case ApplicationState::Active:
                break;
        }
        m_applicationSelected = true;
        return status(sw::kOk);
    }
    if (c.data.size() != 2) {
        return c.p1 == 0x00 || c.p1 == 0x02 ? status(kWrongLength) : status(sw::kWrongP1P2);
    }
    const std::uint16_t fid = static_cast<std::uint16_t>(c.data[0] << 8 | c.data[1]);
    if (c.p1 == 0x00 && fid == 0x3F00) {  // back to the MF: the application is left
        clearVolatile();
        return status(sw::kOk);
    }
    if (c.p1 == 0x02) {  // EF under the current DF
        const bool known = std::any_of(profile::kRecords.begin(), profile::kRecords.end(),
                                       [&](const auto& r) { return r.fileId == fid; });
        if (!m_applicationSelected || !known) {
            return status(sw::kFileNotFound);
        }
        m_currentEf = fid;
        return status(sw::kOk);
    }
    return status(c.p1 == 0x00 ? sw::kFileNotFound : sw::kWrongP1P2);
}

Bytes VirtualCard::readRecord(const Command& c) {
    if (!m_applicationSelected) {
        return status(sw::kConditionsNotSatisfied);
    }
    if ((c.p2 & 0x07) != 0x04) {  // only "record number in P1"
        return status(sw::kWrongP1P2);
    }
    const int sfi = c.p2 >> 3;
    std::uint16_t file = 0;
    if (sfi == 0) {
        if (m_currentEf == 0) {
            return status(kNoCurrentEf);
        }
        file = m_currentEf;
    } else {
        for (const auto& r : profile::kRecords) {
            if (r.sfi == sfi) {
                file = r.fileId;
            }
        }
        if (file == 0) {
            return status(sw::kFileNotFound);
        }
    }
    const auto rec =
        std::find_if(profile::kRecords.begin(), profile::kRecords.end(),
                     [&](const auto& r) { return r.fileId == file && r.number == c.p1; });
    if (rec == profile::kRecords.end()) {
        return status(sw::kRecordNotFound);
    }
    const std::size_t total = rec->length + 2u;
    // Le = 00 (or none, as T=0 sends P3 = 00) asks for everything; a strict card insists.
    const bool wantsAll = !c.le || *c.le == 256;
    if ((wantsAll && m_quirks.wrongLe) || (!wantsAll && static_cast<std::size_t>(*c.le) != total)) {
        return status(static_cast<std::uint16_t>(sw::kWrongLengthSw1 << 8 | lengthByte(total)));
    }
    Bytes tlv = {rec->number, rec->length};
    const Bytes& value = m_image.records.at(rec->field);
    tlv.insert(tlv.end(), value.begin(), value.end());
    return withStatus(std::move(tlv), sw::kOk);
}

std::optional<Bytes> VirtualCard::checkPin(std::span<const std::uint8_t> pinBcd) {
    const ChipState& chip = m_image.chip;
    if (chip.triesLeft == 0) {
        return status(sw::kAuthenticationBlocked);
    }
    const auto expected = pinToBcd(chip.pin);
    if (pinBcd.size() == expected.size() &&
        CRYPTO_memcmp(pinBcd.data(), expected.data(), expected.size()) == 0) {
        return std::nullopt;
    }
    ChipState next = chip;
    --next.triesLeft;
    // The failure that uses up the last try already answers "blocked".
    const std::uint16_t wrong =
        next.triesLeft == 0
            ? sw::kAuthenticationBlocked
            : static_cast<std::uint16_t>(sw::kWrongPinSw1 << 8 | 0xC0 | next.triesLeft);
    return status(commit(next, wrong));
}

std::uint16_t VirtualCard::commit(const ChipState& next, std::uint16_t sw) {
    if (next == m_image.chip) {
        return sw;
    }
    try {
        m_persist(next);
    } catch (const std::exception&) {
        return kMemoryFailure;
    }
    m_image.chip = next;
    return sw;
}

Bytes VirtualCard::verify(const Command& c) {
    if (c.p1 != 0x00 || c.p2 != 0x00) {
        return status(sw::kWrongP1P2);
    }
    if (c.data.size() != 3) {
        return status(kWrongLength);
    }
    if (!m_applicationSelected) {
        return status(sw::kConditionsNotSatisfied);
    }
    if (auto refused = checkPin(c.data)) {
        return *refused;
    }
    ChipState next = m_image.chip;
    next.triesLeft = next.triesMax;
    return status(commit(next, sw::kOk));
}

Bytes VirtualCard::changePin(const Command& c) {
    if (c.p1 != 0x01 || c.p2 != 0x00) {
        return status(sw::kWrongP1P2);
    }
    if (c.data.size() != 7) {
        return status(kWrongLength);
    }
    if (c.data[3] != 0xFF || !isBcdPin(c.data.subspan(4, 3))) {
        return status(sw::kWrongData);
    }
    if (!m_applicationSelected) {
        return status(sw::kConditionsNotSatisfied);
    }
    if (auto refused = checkPin(c.data.first(3))) {
        return *refused;
    }
    ChipState next = m_image.chip;
    next.pin = bcdToPin(c.data.subspan(4, 3));
    next.triesLeft = next.triesMax;
    return status(commit(next, sw::kOk));
}

Bytes VirtualCard::getChallenge(const Command& c) {
    if (c.p1 != 0x00 || c.p2 != 0x00) {
        return status(sw::kWrongP1P2);
    }
    if (c.le && *c.le != 256 && *c.le != profile::kChallengeLength) {
        return status(
            static_cast<std::uint16_t>(sw::kWrongLengthSw1 << 8 | profile::kChallengeLength));
    }
    std::array<std::uint8_t, profile::kChallengeLength> challenge{};
    if (RAND_bytes(challenge.data(), static_cast<int>(challenge.size())) != 1) {
        return status(kMemoryFailure);
    }
    m_challenge = challenge;
    return withStatus(Bytes(challenge.begin(), challenge.end()), sw::kOk);
}

Bytes VirtualCard::reloadOrUnblock(const Command& c) {
    const bool reload = c.ins == ins::kChangeOrReloadPin;
    // One challenge opens one command, whether that command then succeeds or not.
    const auto challenge = m_challenge;
    m_challenge.reset();
    if (c.p1 != 0x00 || c.p2 != 0x00) {
        return status(sw::kWrongP1P2);
    }
    const std::size_t expected = (reload ? 3u : 0u) + profile::kMacLength;
    if (c.data.size() != expected) {
        return status(kWrongLength);
    }
    if (!m_applicationSelected) {
        return status(sw::kConditionsNotSatisfied);
    }
    if (!challenge) {
        return status(sw::kSecurityNotSatisfied);
    }
    const auto body = c.data.first(expected - profile::kMacLength);
    Bytes signedPart = {c.cla, c.ins, c.p1, c.p2, c.lc};
    signedPart.insert(signedPart.end(), body.begin(), body.end());
    // The key is derived for the command being sent: a key for UNBLOCK does not MAC a RELOAD.
    const auto operation =
        reload ? sscard::ResetOperation::Reload : sscard::ResetOperation::Unblock;
    auto sessionKey = sscard::deriveSessionKey(m_image.cardKey, *challenge, operation);
    const auto mac = sscard::commandMac(sessionKey, signedPart);
    OPENSSL_cleanse(sessionKey.data(), sessionKey.size());
    if (CRYPTO_memcmp(mac.data(), c.data.data() + body.size(), mac.size()) != 0) {
        return status(sw::kSecurityNotSatisfied);
    }
    ChipState next = m_image.chip;
    if (reload) {
        if (!isBcdPin(body)) {
            return status(sw::kWrongData);
        }
        next.pin = bcdToPin(body);
    }
    next.triesLeft = next.triesMax;
    return status(commit(next, sw::kOk));
}

Bytes VirtualCard::getResponse(const Command& c) {
    if (c.p1 != 0x00 || c.p2 != 0x00) {
        return status(sw::kWrongP1P2);
    }
    if (m_pendingResponse.size() < 2) {
        return status(sw::kConditionsNotSatisfied);  // nothing to fetch
    }
    const std::size_t available = m_pendingResponse.size() - 2;
    const std::size_t asked = c.le ? static_cast<std::size_t>(*c.le) : 256;
    if (asked > available && asked != 256) {
        return status(static_cast<std::uint16_t>(sw::kWrongLengthSw1 << 8 | lengthByte(available)));
    }
    const std::size_t n = std::min(asked, available);
    Bytes out(m_pendingResponse.begin(),
              m_pendingResponse.begin() + static_cast<std::ptrdiff_t>(n));
    m_pendingResponse.erase(m_pendingResponse.begin(),
                            m_pendingResponse.begin() + static_cast<std::ptrdiff_t>(n));
    if (m_pendingResponse.size() > 2) {
        return withStatus(std::move(out),
                          static_cast<std::uint16_t>(sw::kMoreDataSw1 << 8 |
                                                     lengthByte(m_pendingResponse.size() - 2)));
    }
    out.insert(out.end(), m_pendingResponse.begin(), m_pendingResponse.end());  // the final SW1 SW2
    m_pendingResponse.clear();
    return out;
}

}  // namespace renshe::drivers::sim
