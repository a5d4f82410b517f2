// The social security card application (SSSE) on top of a PC/SC session: select, read the
// card and holder data, PIN verify/change, PIN reset/unblock with a back-office key.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "drivers/pcsc/pcsc.hpp"
#include "drivers/sscard/codec.hpp"
#include "drivers/sscard/pin.hpp"
#include "drivers/sscard/pin_reset_crypto.hpp"

namespace renshe::drivers::sscard {

// What the card says about itself, decoded (UTF-8, padding stripped, dates checked).
struct CardData {
    Bytes cardIdentifier;     // 卡识别码, 16 bytes
    std::string specVersion;  // 规范版本, e.g. "3.00"
    Date issueDate;           // 发卡日期
    Date expiryDate;          // 卡有效期
    std::string cardNumber;   // 卡号
    std::string ssn;          // 社会保障号码 (check digit verified)
    std::string name;         // 姓名, UTF-8
    char sex = '0';           // '1' male, '2' female (GB/T 2261.1)
    int nation = 0;           // 民族 code (GB 3304)
    Date birthDate;           // 出生日期
};

// Card-level refusals, distinct from transport errors (pcsc::Error).
class CardError : public std::runtime_error {
public:
    CardError(const std::string& what, std::uint16_t sw) : std::runtime_error(what), m_sw(sw) {}
    std::uint16_t statusWord() const noexcept { return m_sw; }

private:
    std::uint16_t m_sw;
};
class NotSocialSecurityCard : public CardError {
    using CardError::CardError;
};  // no SSSE application
class ApplicationLocked : public CardError {
    using CardError::CardError;
};  // 9303 (or 6A81 on data)
class CardBlocked : public CardError {
    using CardError::CardError;
};  // 6A81 at SELECT
class InvalidCardData : public CardError {
    using CardError::CardError;
};  // records break the profile
class UnexpectedStatus : public CardError {
    using CardError::CardError;
};  // any other status word

// The outcome of a PIN command the card answered.
struct PinResult {
    enum class Status {
        Ok,       // 9000
        Wrong,    // 63Cx: wrong PIN, triesLeft = x
        Blocked,  // 6983 (or 63C0): no tries left; reset at the counter or through the back office
        Refused,  // 6982: security condition (e.g. a bad MAC on RELOAD/UNBLOCK)
    };
    Status status;
    int triesLeft = -1;            // known only for Wrong (and 0 for Blocked)
    std::uint16_t statusWord = 0;  // what the card answered (9000, 63Cx, 6983, 6982)
};

// The card left before answering a PIN-changing command: the change may or may not have
// been applied. The caller must not assume either (ask for the card again and VERIFY).
class PinChangeOutcomeUnknown : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

class SocialSecurityCard {
public:
    // Works inside `session`: every command of one operation is in one transaction.
    explicit SocialSecurityCard(pcsc::Session& session) : m_session(session) {}

    // SELECT the SSSE application. Throws NotSocialSecurityCard, ApplicationLocked, CardBlocked.
    void selectApplication();

    // SELECT + READ RECORD of exactly the records profile::kRecords marks readAtInsert.
    CardData readCardData();

    PinResult verifyPin(const Pin& pin);
    // Throws PinChangeOutcomeUnknown if the card is pulled while CHANGE PIN is in flight.
    PinResult changePin(const Pin& oldPin, const Pin& newPin);

    Bytes getChallenge();
    // `sessionKey` comes from the back office for the challenge of getChallenge().
    PinResult reloadPin(const Key& sessionKey, const Pin& newPin);
    PinResult unblockPin(const Key& sessionKey);

private:
    PinResult pinCommand(const pcsc::CommandApdu& command, bool changesState);
    bool m_selected = false;
    pcsc::Session& m_session;
};

// Interprets a PIN command's status word (63Cx / 6983 / 6982 / 9000); throws for others.
PinResult interpretPinStatus(std::uint16_t sw);

}  // namespace renshe::drivers::sscard
