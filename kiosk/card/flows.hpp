// The card services' flows — activation (启用), change PIN, un-report (解挂), PIN reset (重置)
// and the history query (个人信息查询) — as plain functions over the card, the back office
// and the outbox. They decide what is sent, in which order, what is retried or queued, and
// what the citizen is told; the words themselves are the kiosk's (CardSession maps the
// message id to translatable text). They block: the kiosk runs them on the card reader's
// worker thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/card/ports.hpp"
#include "kiosk/card/records.hpp"
#include "kiosk/card/secrets.hpp"

namespace renshe::kiosk::card {

inline constexpr const char* kInitialPin = "123456";  // the issuer's initial PIN of a new card

// What to tell the citizen at the end of a flow.
enum class MessageId {
    None,
    Activated,         // 社保卡已启用
    ActivatedPending,  // 已启用, the back office hears of it from the outbox
    PinChanged,        // 密码修改成功 (even when the back office's audit record is missing)
    Unreported,        // 解挂成功
    Reset,             // 密码已重置
    Queried,           // the history follows
    RecordsFound,      // 我的社保: the records follow
    NetworkDown,       // the back office did not answer
    CardChangedButNotReported,  // the card's PIN changed at activation, the back office refused to
                                // hear of it
    InitialPinChanged,          // activation: the card no longer has the initial PIN
    CardPulled,                 // the card left (or failed) mid-flow: the flow may be half done
    PinWrong,                   // see Outcome::pin (tries left)
    PinBlocked,                 // no tries left
    CardRefused,                // 6982: security condition not satisfied
    Refusal,                    // the back office refused: see Outcome::refusal
};

// One row of the holder's card history, as data.
struct HistoryEntry {
    std::int64_t atSeconds = 0;  // Unix time of the change
    std::string cardNumber;
    renshe::v1::CardStatus from = renshe::v1::CARD_STATUS_UNSPECIFIED;
    renshe::v1::CardStatus to = renshe::v1::CARD_STATUS_UNSPECIFIED;
};

// What one run of a flow found out. Carries no PIN and no service password.
struct Outcome {
    bool done = false;   // the flow completed (a receipt can be printed)
    bool error = false;  // the message is an error
    MessageId message = MessageId::None;
    std::optional<drivers::sscard::PinResult> pin;  // the card's answer when it was not 9000
    renshe::v1::RefusalReason refusal =
        renshe::v1::REFUSAL_REASON_UNSPECIFIED;  // MessageId::Refusal
    int retryAfterSeconds = 0;                   // with RATE_LIMITED
    std::optional<renshe::v1::CardInfo> info;    // the back office's new view of the card
    std::vector<HistoryEntry> history;           // queryHistory: newest first
    std::optional<RecordsData> records;          // queryRecords
    // verifyHolder: when the card answered 9000 to the holder's PIN (the applicant's proof).
    std::optional<std::chrono::system_clock::time_point> verifiedAt;
    // For the technician's log when the card failed unexpectedly (the driver's message: status
    // words and commands, never card contents); empty when the card was simply pulled.
    std::string diagnostic;

    static Outcome cardPulled(std::string diagnostic = {});
};

// The terminal's clock, for the timestamps the back office checks (pin_verified_at, changed_at).
using Clock = std::function<std::chrono::system_clock::time_point()>;
std::chrono::system_clock::time_point systemClock();

// Each flow wipes `secrets` before it returns; `outbox` may be null (then nothing is queued).
// Card errors (the card pulled, or failing) end the flow with MessageId::CardPulled.

// 启用: CHANGE PIN from the initial PIN to secrets.newPin, then ReportPinChanged (ACTIVATION,
// with secrets.servicePassword), tried 3 times with one request id, then queued.
Outcome activate(CardPort& card, CardBackOffice& backOffice, OutboxPort* outbox,
                 const renshe::v1::InsertedCard& inserted, Secrets& secrets, const Clock& clock);
// 修改密码: CHANGE PIN from secrets.currentPin to secrets.newPin, then ReportPinChanged (CHANGE).
Outcome changePin(CardPort& card, CardBackOffice& backOffice, OutboxPort* outbox,
                  const renshe::v1::InsertedCard& inserted, Secrets& secrets, const Clock& clock);
// 解挂: VERIFY secrets.currentPin, then UnreportLoss.
Outcome unreport(CardPort& card, CardBackOffice& backOffice, OutboxPort* outbox,
                 const renshe::v1::InsertedCard& inserted, Secrets& secrets, const Clock& clock);
// 密码重置: BeginPinReset with secrets.servicePassword, GET CHALLENGE, the back office's
// cryptogram for it, RELOAD PIN to secrets.newPin, then ReportPinResetResult with the card's
// status word (queued if the back office is away).
Outcome resetPin(CardPort& card, CardBackOffice& backOffice, OutboxPort* outbox,
                 const renshe::v1::InsertedCard& inserted, Secrets& secrets, const Clock& clock);
// 业务申请 with the card: VERIFY secrets.currentPin; the time the card said yes proves the
// holder to the back office for the next five minutes (CardHolderProof).
Outcome verifyHolder(CardPort& card, Secrets& secrets, const Clock& clock);
// 个人信息查询: VERIFY secrets.currentPin, then GetCardHistory.
Outcome queryHistory(CardPort& card, CardBackOffice& backOffice, OutboxPort* outbox,
                     const renshe::v1::InsertedCard& inserted, Secrets& secrets,
                     const Clock& clock);

// 我的社保: VERIFY secrets.currentPin, then the summary and `year`'s records (RecordsService).
Outcome queryRecords(CardPort& card, RecordsBackOffice& backOffice,
                     const renshe::v1::InsertedCard& inserted, Secrets& secrets, const Clock& clock,
                     int year);

// "9000", "63C2": a status word as the back office records it (4 upper-case hex digits).
std::string statusWordText(std::uint16_t statusWord);

}  // namespace renshe::kiosk::card
