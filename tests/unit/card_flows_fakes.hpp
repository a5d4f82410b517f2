// Fakes for the card flows' unit tests (kiosk/card): a scripted card that records the
// commands it ran and fails at a chosen one like a pulled card, a scripted back office that
// records every request, an outbox that keeps what it was given, and the fixture around them.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <deque>
#include <map>
#include <ostream>
#include <set>

#include "drivers/pcsc/pcsc.hpp"
#include "kiosk/card/flows.hpp"

namespace card_flows_test {

namespace card = renshe::kiosk::card;
namespace sscard = renshe::drivers::sscard;
namespace pcsc = renshe::drivers::pcsc;
namespace client = renshe::services::client;
using namespace renshe::v1;
using card::MessageId;
using Status = sscard::PinResult::Status;

// --- the fakes ---------------------------------------------------------------------------

enum class Cmd { Verify, Change, Challenge, Reload };
enum class When { Before, After };  // a fault before the command reaches the card, or after it ran

using Bcd = std::array<std::uint8_t, 3>;
constexpr Bcd kInitialBcd{0x12, 0x34, 0x56};

// The card: answers PIN commands with scripted status words (9000 once the script is used
// up), records every command it ran, and fails at a chosen command like a pulled card does.
class FakeCard : public card::CardPort {
public:
    struct Call {
        Cmd cmd;
        Bcd pin{};     // VERIFY: the PIN; CHANGE: the old PIN; RELOAD: the new PIN
        Bcd newPin{};  // CHANGE: the new PIN
        sscard::Key key{};
    };
    std::vector<Call> calls;
    std::deque<std::uint16_t> statusWords;
    sscard::Bytes challenge{0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8};

    // What the driver throws when the card leaves at `cmd`: a PIN-changing command in flight
    // has an unknown outcome, anything else is CardRemoved.
    void pullAt(Cmd cmd, When when) {
        const bool changing = cmd == Cmd::Change || cmd == Cmd::Reload;
        failAt(cmd, when,
               changing ? std::make_exception_ptr(
                              sscard::PinChangeOutcomeUnknown("card left during the command"))
                        : std::make_exception_ptr(
                              pcsc::CardRemoved("SCardTransmit: card removed", 0x80100069)));
    }
    void failAt(Cmd cmd, When when, std::exception_ptr error) {
        m_fault = Fault{cmd, when, std::move(error)};
    }

    sscard::PinResult verifyPin(const sscard::Pin& pin) override {
        return command({Cmd::Verify, pin.bcd()}, [&] { return answer(); });
    }
    sscard::PinResult changePin(const sscard::Pin& oldPin, const sscard::Pin& newPin) override {
        return command({Cmd::Change, oldPin.bcd(), newPin.bcd()}, [&] { return answer(); });
    }
    sscard::Bytes getChallenge() override {
        return command({Cmd::Challenge}, [&] { return challenge; });
    }
    sscard::PinResult reloadPin(const sscard::Key& key, const sscard::Pin& newPin) override {
        return command({Cmd::Reload, newPin.bcd(), {}, key}, [&] { return answer(); });
    }

    std::vector<Cmd> commands() const {
        std::vector<Cmd> out;
        for (const auto& c : calls)
            out.push_back(c.cmd);
        return out;
    }

private:
    struct Fault {
        Cmd cmd;
        When when;
        std::exception_ptr error;
    };

    sscard::PinResult answer() {
        std::uint16_t sw = 0x9000;
        if (!statusWords.empty()) {
            sw = statusWords.front();
            statusWords.pop_front();
        }
        return sscard::interpretPinStatus(sw);  // the driver's own reading (throws for others)
    }
    template <class Run>
    auto command(Call call, Run run) -> decltype(run()) {
        if (m_fault && m_fault->cmd == call.cmd && m_fault->when == When::Before)
            std::rethrow_exception(m_fault->error);
        auto result = run();
        calls.push_back(call);
        if (m_fault && m_fault->cmd == call.cmd && m_fault->when == When::After)
            std::rethrow_exception(m_fault->error);
        return result;
    }

    std::optional<Fault> m_fault;
};

enum class Rpc {
    ReportPinChanged,
    GetCardHistory,
    UnreportLoss,
    BeginPinReset,
    ComputeCryptogram,
    ReportResetResult,
    GetSealingKey
};

inline client::CallResult withCode(grpc::StatusCode code) {
    client::CallResult r;
    r.code = code;
    return r;
}
inline client::CallResult ok() {
    return withCode(grpc::StatusCode::OK);
}
inline client::CallResult unavailable() {
    return withCode(grpc::StatusCode::UNAVAILABLE);
}
inline client::CallResult deadlineExceeded() {
    return withCode(grpc::StatusCode::DEADLINE_EXCEEDED);
}
inline client::CallResult refused(RefusalReason reason,
                                  grpc::StatusCode code = grpc::StatusCode::FAILED_PRECONDITION,
                                  int retryAfterSeconds = 0) {
    return {code, reason, retryAfterSeconds, "refused"};
}

// The back office: a scripted CallResult per call of each RPC (ok once the script is used
// up), every request recorded, the order of calls kept.
class FakeBackOffice : public card::CardBackOffice {
public:
    std::map<Rpc, std::deque<client::CallResult>> script;
    std::vector<Rpc> order;
    std::vector<ReportPinChangedRequest> pinChanged;
    std::vector<GetCardHistoryRequest> historyRequests;
    std::vector<UnreportLossRequest> unreports;
    std::vector<BeginPinResetRequest> begins;
    std::vector<ComputePinResetCryptogramRequest> cryptogramRequests;
    std::vector<ReportPinResetResultRequest> resetResults;

    CardInfo cardAfter;  // the card in every successful response
    std::vector<CardStatusChange> history;
    std::string resetSessionId = "reset-session-7";
    std::string cryptogram =
        std::string("\x10\x21\x32\x43\x54\x65\x76\x87\x98\xA9\xBA\xCB\xDC\xED\xFE\x0F", 16);

    std::optional<GetSealingKeyResponse> key;        // the sealing key the kiosk holds, if any
    std::optional<GetSealingKeyResponse> fetchable;  // what GetSealingKey answers, if any
    int sealingKeyFetches = 0;

    FakeBackOffice() {
        cardAfter.set_card_number("A37010001");
        cardAfter.set_status(CARD_STATUS_ACTIVE);
    }

    // The key the kiosk holds (`key`), else the back office's answer now: `script` for
    // Rpc::GetSealingKey, then `fetchable` when set, else "no sealing key" (FAILED_PRECONDITION).
    card::Reply<GetSealingKeyResponse> getSealingKey() override {
        card::Reply<GetSealingKeyResponse> reply;
        if (key) {
            reply.result = ok();
            reply.response = *key;
            return reply;
        }
        ++sealingKeyFetches;
        auto& q = script[Rpc::GetSealingKey];
        if (!q.empty()) {
            reply.result = q.front();
            q.pop_front();
        } else {
            reply.result = fetchable ? ok() : refused(REFUSAL_REASON_UNSPECIFIED);
        }
        if (reply.result.ok() && fetchable)
            reply.response = *fetchable;
        return reply;
    }

    card::Reply<ReportPinChangedResponse> reportPinChanged(
        const ReportPinChangedRequest& r) override {
        pinChanged.push_back(r);
        card::Reply<ReportPinChangedResponse> reply{next(Rpc::ReportPinChanged), {}};
        if (reply.result.ok())
            *reply.response.mutable_card() = cardAfter;
        return reply;
    }
    card::Reply<GetCardHistoryResponse> getCardHistory(const GetCardHistoryRequest& r) override {
        historyRequests.push_back(r);
        card::Reply<GetCardHistoryResponse> reply{next(Rpc::GetCardHistory), {}};
        if (reply.result.ok()) {
            *reply.response.add_cards() = cardAfter;
            for (const auto& h : history)
                *reply.response.add_history() = h;
        }
        return reply;
    }
    card::Reply<UnreportLossResponse> unreportLoss(const UnreportLossRequest& r) override {
        unreports.push_back(r);
        card::Reply<UnreportLossResponse> reply{next(Rpc::UnreportLoss), {}};
        if (reply.result.ok())
            *reply.response.mutable_card() = cardAfter;
        return reply;
    }
    card::Reply<BeginPinResetResponse> beginPinReset(const BeginPinResetRequest& r) override {
        begins.push_back(r);
        card::Reply<BeginPinResetResponse> reply{next(Rpc::BeginPinReset), {}};
        if (reply.result.ok())
            reply.response.set_reset_session_id(resetSessionId);
        return reply;
    }
    card::Reply<ComputePinResetCryptogramResponse> computePinResetCryptogram(
        const ComputePinResetCryptogramRequest& r) override {
        cryptogramRequests.push_back(r);
        card::Reply<ComputePinResetCryptogramResponse> reply{next(Rpc::ComputeCryptogram), {}};
        if (reply.result.ok())
            reply.response.set_cryptogram(cryptogram);
        return reply;
    }
    card::Reply<ReportPinResetResultResponse> reportPinResetResult(
        const ReportPinResetResultRequest& r) override {
        resetResults.push_back(r);
        card::Reply<ReportPinResetResultResponse> reply{next(Rpc::ReportResetResult), {}};
        if (reply.result.ok())
            *reply.response.mutable_card() = cardAfter;
        return reply;
    }

private:
    client::CallResult next(Rpc rpc) {
        order.push_back(rpc);
        auto& q = script[rpc];
        if (q.empty())
            return ok();
        auto r = q.front();
        q.pop_front();
        return r;
    }
};

class FakeOutbox : public card::OutboxPort {
public:
    struct Entry {
        std::string method, requestId, serialized;
    };
    std::vector<Entry> entries;
    void enqueue(const std::string& method, const std::string& requestId,
                 const std::string& serialized) override {
        entries.push_back({method, requestId, serialized});
    }
};

// --- the fixture -------------------------------------------------------------------------

using FlowFn = card::Outcome (*)(card::CardPort&, card::CardBackOffice&, card::OutboxPort*,
                                 const InsertedCard&, card::Secrets&, const card::Clock&);

constexpr const char* kCurrentPin = "271828";
constexpr const char* kNewPin = "314159";
constexpr const char* kServicePassword = "161803";
constexpr Bcd kCurrentBcd{0x27, 0x18, 0x28};
constexpr Bcd kNewBcd{0x31, 0x41, 0x59};
const auto kNow = std::chrono::system_clock::time_point{} + std::chrono::seconds(1'700'000'000) +
                  std::chrono::microseconds(250'000);

class CardFlows : public ::testing::Test {
protected:
    CardFlows() {
        inserted.set_card_identifier(
            std::string("\x37\x01\x02\xD1\x56\x00\x00\x05\x01\x02\x03\x04\x05\x06\x07\x08", 16));
        inserted.set_card_number("A37010001");
        inserted.set_ssn("370102194704090017");
        secrets.currentPin = kCurrentPin;
        secrets.newPin = kNewPin;
        secrets.servicePassword = kServicePassword;
    }

    card::Outcome run(FlowFn flow, bool withOutbox = true) {
        return flow(cardPort, office, withOutbox ? &outbox : nullptr, inserted, secrets, clock);
    }

    FakeCard cardPort;
    FakeBackOffice office;
    FakeOutbox outbox;
    InsertedCard inserted;
    card::Secrets secrets;
    card::Clock clock = [] { return kNow; };
};

inline void expectNow(const google::protobuf::Timestamp& ts) {
    EXPECT_EQ(ts.seconds(), 1'700'000'000);
    EXPECT_EQ(ts.nanos(), 250'000'000);
}

inline void expectSameCard(const InsertedCard& a, const InsertedCard& b) {
    EXPECT_EQ(a.SerializeAsString(), b.SerializeAsString());
}

}  // namespace card_flows_test
