// The PIN reset derivation agreed in drivers/sscard, across both sides: the real back office
// (acting as the HSM with the demo keystore) computes the session key for the challenge of the
// card in the reader, and renshe-cardsim behind the real pcscd accepts the RELOAD/UNBLOCK PIN
// command MACed with it — and refuses one for another challenge.
#include <gtest/gtest.h>

#include "drivers/pcsc/pcsc.hpp"
#include "drivers/sscard/sscard.hpp"
#include "services/store/store.hpp"
#include "tests/fixtures/cardsim.hpp"
#include "tests/fixtures/pcscd.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using namespace renshe::v1;
namespace pcsc = renshe::drivers::pcsc;
namespace sscard = renshe::drivers::sscard;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::newRequestId;
using renshe::testing::SeededCard;
using Card = CardService::Stub;
using Status = sscard::PinResult::Status;

sscard::Pin pin(const char* digits) {
    return *sscard::Pin::fromDigits(digits);
}

sscard::Key keyOf(const std::string& bytes) {
    sscard::Key k{};
    EXPECT_EQ(bytes.size(), k.size());
    std::copy_n(bytes.begin(), std::min(bytes.size(), k.size()), k.begin());
    return k;
}

TEST(PinResetAcrossBackofficeAndCard, TheCardAcceptsTheBackOfficesSessionKeyForItsChallengeOnly) {
    renshe::testing::PrivatePcscd pcscd;
    renshe::testing::TempDir dir;
    renshe::testing::writeCardFile(renshe::testing::sampleCard("li-xiuying"), dir / "blocked.card",
                                   {{"pin_tries_left", "0"}});
    renshe::testing::CardSim sim(pcscd, 0, dir / "blocked.card");
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite);
    const auto touch = env.touch();

    pcsc::Context ctx;
    const auto reader = ctx.connect(pcscd.readerName(0));
    auto session = reader->beginSession();
    sscard::SocialSecurityCard app(session);
    const auto data = app.readCardData();
    ASSERT_EQ(app.verifyPin(pin("480327")).status, Status::Blocked);

    // The registry knows this card, activated with a service password.
    SeededCard card;
    card.ssn = data.ssn;
    card.name = data.name;
    card.cardNumber = data.cardNumber;
    card.identifierHex = renshe::services::store::toHex(std::string(
        reinterpret_cast<const char*>(data.cardIdentifier.data()), data.cardIdentifier.size()));
    renshe::testing::seed(env.staff(), card);
    ASSERT_TRUE(renshe::testing::activate(touch, card, "285714").ok());

    BeginPinResetRequest begin;
    begin.set_request_id(newRequestId());
    *begin.mutable_card() = card.inserted();
    begin.mutable_second_factor()->set_service_password("285714");
    BeginPinResetResponse resetSession;
    ASSERT_TRUE(call(*touch.card, &Card::BeginPinReset, begin, &resetSession).ok());

    auto cryptogramFor = [&](const sscard::Bytes& challenge, PinResetOperation op) {
        ComputePinResetCryptogramRequest req;
        req.set_request_id(newRequestId());
        req.set_reset_session_id(resetSession.reset_session_id());
        req.set_card_identifier(card.inserted().card_identifier());
        req.set_challenge(std::string(challenge.begin(), challenge.end()));
        req.set_operation(op);
        ComputePinResetCryptogramResponse resp;
        const auto o = call(*touch.card, &Card::ComputePinResetCryptogram, req, &resp);
        EXPECT_TRUE(o.ok()) << o;
        return keyOf(resp.cryptogram());
    };

    // A key for a stale challenge opens nothing: the card has issued a new one since.
    const auto staleChallenge = app.getChallenge();
    const auto staleKey = cryptogramFor(staleChallenge, PIN_RESET_OPERATION_RELOAD);
    (void)app.getChallenge();
    EXPECT_EQ(app.reloadPin(staleKey, pin("314159")).status, Status::Refused);

    // The real thing: RELOAD PIN with the key for the current challenge.
    const auto challenge = app.getChallenge();
    const auto key = cryptogramFor(challenge, PIN_RESET_OPERATION_RELOAD);
    EXPECT_EQ(app.reloadPin(key, pin("314159")).status, Status::Ok);
    EXPECT_EQ(app.verifyPin(pin("314159")).status, Status::Ok);
    EXPECT_EQ(*sim.cardValue("pin"), "314159");

    ReportPinResetResultRequest result;
    result.set_request_id(newRequestId());
    result.set_reset_session_id(resetSession.reset_session_id());
    *result.mutable_card() = card.inserted();
    result.set_operation(PIN_RESET_OPERATION_RELOAD);
    result.set_succeeded(true);
    result.set_card_status_word("9000");
    ReportPinResetResultResponse rr;
    ASSERT_TRUE(call(*touch.card, &Card::ReportPinResetResult, result, &rr).ok());

    // UNBLOCK with a new session: tries restored, PIN unchanged.
    for (const char* wrong : {"000001", "000002", "000003"})
        (void)app.verifyPin(pin(wrong));
    ASSERT_EQ(app.verifyPin(pin("314159")).status, Status::Blocked);
    begin.set_request_id(newRequestId());
    ASSERT_TRUE(call(*touch.card, &Card::BeginPinReset, begin, &resetSession).ok());
    const auto unblockKey = cryptogramFor(app.getChallenge(), PIN_RESET_OPERATION_UNBLOCK);
    EXPECT_EQ(app.unblockPin(unblockKey).status, Status::Ok);
    EXPECT_EQ(app.verifyPin(pin("314159")).status, Status::Ok);
}

}  // namespace
