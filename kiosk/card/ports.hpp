// What the card flows talk to, as interfaces: the card in the reader, the back office's card
// service and the kiosk's durable outbox. The kiosk plugs in the real ones (sscard_port.hpp,
// grpc_back_office.hpp, kiosk::Outbox); the unit tests plug in scripted fakes.
#pragma once

#include <optional>
#include <string>

#include "drivers/sscard/codec.hpp"
#include "drivers/sscard/pin.hpp"
#include "drivers/sscard/pin_reset_crypto.hpp"
#include "drivers/sscard/sscard.hpp"
#include "renshe/v1/card.pb.h"
#include "services/client/call.hpp"

namespace renshe::kiosk::card {

// The card commands the flows send. Implementations throw what the driver throws:
// drivers::pcsc::CardRemoved when the card has gone, drivers::sscard::PinChangeOutcomeUnknown
// when it went while a PIN-changing command was in flight, other std::exceptions otherwise.
class CardPort {
public:
    virtual ~CardPort() = default;
    virtual drivers::sscard::PinResult verifyPin(const drivers::sscard::Pin& pin) = 0;
    virtual drivers::sscard::PinResult changePin(const drivers::sscard::Pin& oldPin,
                                                 const drivers::sscard::Pin& newPin) = 0;
    virtual drivers::sscard::Bytes getChallenge() = 0;
    virtual drivers::sscard::PinResult reloadPin(const drivers::sscard::Key& sessionKey,
                                                 const drivers::sscard::Pin& newPin) = 0;
};

// One back-office answer: the call's outcome and, when it is ok, the response.
template <class Response>
struct Reply {
    services::client::CallResult result;
    Response response;
};

// The CardService RPCs the flows call, one attempt each (the flows decide about retries).
class CardBackOffice {
public:
    virtual ~CardBackOffice() = default;
    virtual Reply<renshe::v1::ReportPinChangedResponse> reportPinChanged(
        const renshe::v1::ReportPinChangedRequest& request) = 0;
    virtual Reply<renshe::v1::GetCardHistoryResponse> getCardHistory(
        const renshe::v1::GetCardHistoryRequest& request) = 0;
    virtual Reply<renshe::v1::UnreportLossResponse> unreportLoss(
        const renshe::v1::UnreportLossRequest& request) = 0;
    virtual Reply<renshe::v1::BeginPinResetResponse> beginPinReset(
        const renshe::v1::BeginPinResetRequest& request) = 0;
    virtual Reply<renshe::v1::ComputePinResetCryptogramResponse> computePinResetCryptogram(
        const renshe::v1::ComputePinResetCryptogramRequest& request) = 0;
    virtual Reply<renshe::v1::ReportPinResetResultResponse> reportPinResetResult(
        const renshe::v1::ReportPinResetResultRequest& request) = 0;
    // The back office's sealing key: the one the kiosk holds, else CardService.GetSealingKey
    // now (one attempt). An activation's service password is sent sealed with it, so that it
    // never waits in the outbox in clear.
    virtual Reply<renshe::v1::GetSealingKeyResponse> getSealingKey() = 0;
};

// Where a report the back office must get goes while it is unreachable; delivered later with
// the same request id. enqueue returns once the entry is durable.
class OutboxPort {
public:
    virtual ~OutboxPort() = default;
    // `method` is the full gRPC method name ("/renshe.v1.CardService/ReportPinChanged").
    virtual void enqueue(const std::string& method, const std::string& requestId,
                         const std::string& serializedRequest) = 0;
};

}  // namespace renshe::kiosk::card
