#include "drivers/sscard/sscard.hpp"

#include <string.h>  // explicit_bzero

#include <cstdio>

#include "drivers/sscard/id_number.hpp"

namespace renshe::drivers::sscard {

namespace {

using pcsc::CommandApdu;
namespace sw = pcsc::sw;

std::string hexSw(std::uint16_t s) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", s);
    return buf;
}

}  // namespace

void SocialSecurityCard::selectApplication() {
    const Bytes aid(profile::kSsseAid.begin(), profile::kSsseAid.end());
    const auto r =
        m_session.transmit(CommandApdu::case3(0x00, profile::ins::kSelect, 0x04, 0x00, aid));
    switch (r.sw()) {
        case sw::kOk:
            m_selected = true;
            return;
        case sw::kApplicationLocked:
            throw ApplicationLocked("the social security application is locked", r.sw());
        case sw::kFunctionNotSupported:
            throw CardBlocked("the card is blocked", r.sw());
        case sw::kFileNotFound:
        case sw::kInsNotSupported:
        case sw::kClaNotSupported:
        case sw::kWrongP1P2:
            throw NotSocialSecurityCard(
                "no social security application on this card (SW " + hexSw(r.sw()) + ")", r.sw());
        default:
            throw UnexpectedStatus("SELECT SSSE answered " + hexSw(r.sw()), r.sw());
    }
}

CardData SocialSecurityCard::readCardData() {
    if (!m_selected) {
        selectApplication();
    }
    CardData data;
    for (const auto& rec : profile::kRecords) {
        if (!rec.readAtInsert) {
            continue;
        }
        const auto r = m_session.transmit(
            CommandApdu::case2(0x00, profile::ins::kReadRecord, rec.number,
                               static_cast<std::uint8_t>(rec.sfi << 3 | 4), rec.length + 2));
        if (r.sw() == sw::kApplicationLocked || r.sw() == sw::kFunctionNotSupported) {
            throw ApplicationLocked("the social security application is locked", r.sw());
        }
        if (!r.ok()) {
            throw UnexpectedStatus(
                "READ RECORD " + std::string(rec.key) + " answered " + hexSw(r.sw()), r.sw());
        }
        try {
            const Bytes v = parseRecordTlv(rec, r.data);
            switch (rec.field) {
                case profile::Field::CardIdentifier:
                    data.cardIdentifier = v;
                    break;
                case profile::Field::SpecVersion:
                    data.specVersion = decodeAlnum(v, rec.key);
                    break;
                case profile::Field::IssueDate:
                    data.issueDate = decodeDate(v, rec.key);
                    break;
                case profile::Field::ExpiryDate:
                    data.expiryDate = decodeDate(v, rec.key);
                    break;
                case profile::Field::CardNumber:
                    data.cardNumber = decodeAlnum(v, rec.key);
                    break;
                case profile::Field::Ssn:
                    data.ssn = decodeAlnum(v, rec.key);
                    break;
                case profile::Field::Name:
                    data.name = gbkToUtf8(v, rec.key);
                    break;
                case profile::Field::Sex: {
                    const std::string s = decodeAlnum(v, rec.key);
                    if (s.size() != 1 ||
                        (s[0] != '1' && s[0] != '2' && s[0] != '0' && s[0] != '9')) {
                        throw MalformedRecord(rec.key, "sex code must be 0, 1, 2 or 9");
                    }
                    data.sex = s[0];
                    break;
                }
                case profile::Field::Nation:
                    data.nation = v.at(0);
                    break;
                case profile::Field::BirthDate:
                    data.birthDate = decodeDate(v, rec.key);
                    break;
                case profile::Field::CardType:
                case profile::Field::IssuerOrg:
                case profile::Field::Birthplace:
                    break;  // not read at insert (readAtInsert = false)
            }
        } catch (const MalformedRecord& e) {
            throw InvalidCardData(std::string("card data breaks the profile: ") + e.what(), r.sw());
        }
    }
    if (const auto problem = validateIdNumber(data.ssn)) {
        (void)problem;
        throw InvalidCardData("the social security number on the card fails its check", sw::kOk);
    }
    if (data.expiryDate < data.issueDate) {
        throw InvalidCardData("the card expires before it was issued", sw::kOk);
    }
    return data;
}

PinResult interpretPinStatus(std::uint16_t s) {
    if (s == sw::kOk) {
        return {PinResult::Status::Ok, -1, s};
    }
    if ((s >> 8) == sw::kWrongPinSw1 && (s & 0xF0) == 0xC0) {
        const int left = s & 0x0F;
        return left == 0 ? PinResult{PinResult::Status::Blocked, 0, s}
                         : PinResult{PinResult::Status::Wrong, left, s};
    }
    if (s == sw::kAuthenticationBlocked) {
        return {PinResult::Status::Blocked, 0, s};
    }
    if (s == sw::kSecurityNotSatisfied) {
        return {PinResult::Status::Refused, -1, s};
    }
    if (s == sw::kApplicationLocked) {
        throw ApplicationLocked("the social security application is locked", s);
    }
    throw UnexpectedStatus("PIN command answered " + hexSw(s), s);
}

PinResult SocialSecurityCard::pinCommand(const CommandApdu& command, bool changesState) {
    if (!m_selected) {
        selectApplication();  // a card pulled here changed nothing: the error passes through
    }
    try {
        return interpretPinStatus(m_session.transmit(command).sw());
    } catch (const pcsc::Error& e) {
        // The command may have reached the card before the link broke: whether the PIN
        // changed is then unknowable from here.
        if (changesState) {
            throw PinChangeOutcomeUnknown(
                std::string("the card left while the PIN change was in flight: ") + e.what());
        }
        throw;
    }
}

namespace {
// The PIN's 3 bytes of BCD in a vector the caller wipes (or hands to a CommandApdu, which does);
// the array it came from is wiped here.
Bytes pinBytes(const Pin& pin) {
    auto bcd = pin.bcd();
    Bytes out(bcd.begin(), bcd.end());
    explicit_bzero(bcd.data(), bcd.size());
    return out;
}
}  // namespace

PinResult SocialSecurityCard::verifyPin(const Pin& pin) {
    Bytes bcd = pinBytes(pin);  // moved into the command, which wipes it
    return pinCommand(CommandApdu::case3(0x00, profile::ins::kVerify, 0x00, 0x00, std::move(bcd)),
                      false);
}

PinResult SocialSecurityCard::changePin(const Pin& oldPin, const Pin& newPin) {
    Bytes data = pinBytes(oldPin);
    data.push_back(0xFF);
    Bytes n = pinBytes(newPin);
    data.insert(data.end(), n.begin(), n.end());
    pcsc::wipe(n);
    auto apdu =
        CommandApdu::case3(0x80, profile::ins::kChangeOrReloadPin, 0x01, 0x00, std::move(data));
    return pinCommand(apdu, true);
}

Bytes SocialSecurityCard::getChallenge() {
    if (!m_selected) {
        selectApplication();
    }
    const auto r = m_session.transmit(CommandApdu::case2(0x00, profile::ins::kGetChallenge, 0x00,
                                                         0x00, profile::kChallengeLength));
    if (!r.ok() || r.data.size() != static_cast<std::size_t>(profile::kChallengeLength)) {
        throw UnexpectedStatus("GET CHALLENGE answered " + hexSw(r.sw()), r.sw());
    }
    return r.data;
}

namespace {
CommandApdu fromRaw(const Bytes& raw) {
    // The crypto module builds case 3 commands: CLA INS P1 P2 Lc data.
    return CommandApdu::case3(raw[0], raw[1], raw[2], raw[3], Bytes(raw.begin() + 5, raw.end()));
}
}  // namespace

PinResult SocialSecurityCard::reloadPin(const Key& sessionKey, const Pin& newPin) {
    Bytes bcd = pinBytes(newPin);
    Bytes raw = buildReloadPinCommand(sessionKey, bcd);
    pcsc::wipe(bcd);
    const auto command = fromRaw(raw);
    pcsc::wipe(raw);
    return pinCommand(command, true);
}

PinResult SocialSecurityCard::unblockPin(const Key& sessionKey) {
    return pinCommand(fromRaw(buildUnblockPinCommand(sessionKey)), true);
}

}  // namespace renshe::drivers::sscard
