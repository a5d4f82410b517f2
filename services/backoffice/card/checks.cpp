#include "services/backoffice/card/checks.hpp"

#include "drivers/sscard/id_number.hpp"
#include "drivers/sscard/pin.hpp"

namespace renshe::services::backoffice::checks {

using namespace renshe::v1;
namespace sscard = renshe::drivers::sscard;

Result checkInsertedCard(bool present, const InsertedCard& card) {
    if (!present) {
        return Refusal::malformed("card is missing");
    }
    if (card.card_identifier().size() != kCardIdentifierBytes) {
        return Refusal::malformed("card.card_identifier is not 16 bytes");
    }
    if (!isCardNumber(card.card_number())) {
        return Refusal::malformed("card.card_number is not 9 characters of 0-9 and A-Z");
    }
    return checkSsn(card.ssn(), "card.ssn");
}

namespace {

constexpr std::size_t kChallengeBytes = 8;

// A service password being set: 6 digits and not weak by the PIN rules of drivers/sscard
// (initial PIN, all the same, runs, the holder's birth date).
Result checkNewServicePassword(std::string_view password, std::string_view field,
                               const std::optional<sscard::Date>& birthDate) {
    const auto pin = sscard::Pin::fromDigits(password);
    if (!pin) {
        return Refusal::invalid(REFUSAL_REASON_WEAK_PASSWORD,
                                str(field) + " is not exactly 6 digits");
    }
    const auto weak = sscard::weakPinReason(*pin, birthDate);
    if (!weak) {
        return std::nullopt;
    }
    std::string why;
    switch (*weak) {
        case sscard::WeakPinReason::InitialPin:
            why = "the card's initial PIN";
            break;
        case sscard::WeakPinReason::AllSame:
            why = "all digits the same";
            break;
        case sscard::WeakPinReason::Sequence:
            why = "a run of consecutive digits";
            break;
        case sscard::WeakPinReason::BirthDate:
            why = "the holder's birth date";
            break;
        case sscard::WeakPinReason::SameAsOld:
            why = "the old one";
            break;
    }
    return Refusal::invalid(REFUSAL_REASON_WEAK_PASSWORD,
                            str(field) + " is too weak (" + why + ")");
}

// The shape of a sealed secret (whether it opens is the back office key's to say).
Result checkSealed(const SealedSecret& s, std::string_view field) {
    if (s.ephemeral_public_key().size() != 32 || s.nonce().size() != 12 ||
        s.ciphertext().size() < 17 || s.ciphertext().size() > 64 || s.key_id().size() > 32) {
        return Refusal::malformed(std::string(field) + " is malformed");
    }
    return std::nullopt;
}

// `sealedAllowed`: a sealed service password (ReportTemporaryLoss only, where the request id
// and ID number it is bound to are the request's own).
Result checkSecondFactor(bool present, const SecondFactor& factor, bool sealedAllowed = false) {
    switch (present ? factor.factor_case() : SecondFactor::FACTOR_NOT_SET) {
        case SecondFactor::kSealedServicePassword: {
            if (!sealedAllowed)
                return Refusal::malformed(
                    "second_factor.sealed_service_password is not accepted here");
            return checkSealed(factor.sealed_service_password(),
                               "second_factor.sealed_service_password");
        }
        case SecondFactor::kServicePassword:
            if (factor.service_password().empty()) {
                return Refusal::malformed("second_factor.service_password is empty");
            }
            if (!isDigits(factor.service_password(), 6)) {
                return Refusal::malformed("second_factor.service_password is not 6 digits");
            }
            return std::nullopt;
        case SecondFactor::kFingerprintVerificationId:
            return checkOpaqueId(factor.fingerprint_verification_id(), kMaxOpaqueIdChars,
                                 "second_factor.fingerprint_verification_id", true);
        case SecondFactor::FACTOR_NOT_SET:
            break;
    }
    return Refusal::malformed("second_factor is missing");
}

Result checkResetSessionId(std::string_view id) {
    return checkOpaqueId(id, kMaxResetSessionIdChars, "reset_session_id", true);
}

}  // namespace

std::optional<Refusal> check(const GetCardStatusRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&] { return checkInsertedCard(r.has_card(), r.card()); });
}

std::optional<Refusal> check(const ReportPinChangedRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkInsertedCard(r.has_card(), r.card()); },
        [&] { return checkEnum(r.kind(), PinChangeKind_IsValid, true, "kind"); },
        [&]() -> Result {
            if (r.kind() != PIN_CHANGE_KIND_ACTIVATION) {
                if (!r.service_password().empty() || r.has_sealed_service_password()) {
                    return Refusal::malformed("service_password is only sent with an activation");
                }
                return std::nullopt;
            }
            if (r.has_sealed_service_password()) {
                // Its strength is checked once it is opened (ReportPinChanged).
                if (!r.service_password().empty())
                    return Refusal::malformed(
                        "service_password and sealed_service_password are exclusive");
                return checkSealed(r.sealed_service_password(), "sealed_service_password");
            }
            if (r.service_password().empty()) {
                return Refusal::malformed("service_password is required for an activation");
            }
            return checkNewServicePassword(r.service_password(), "service_password",
                                           birthDateOf(r.card().ssn()));
        },
        [&]() -> Result {
            return r.has_changed_at() ? checkTimestamp(r.changed_at(), "changed_at") : std::nullopt;
        });
}

std::optional<Refusal> check(const SetServicePasswordRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkInsertedCard(r.has_card(), r.card()); },
        [&]() -> Result {
            return r.has_pin_verified_at() ? checkTimestamp(r.pin_verified_at(), "pin_verified_at")
                                           : std::nullopt;
        },
        [&]() -> Result {
            if (r.new_service_password().empty()) {
                return Refusal::malformed("new_service_password is missing");
            }
            return checkNewServicePassword(r.new_service_password(), "new_service_password",
                                           birthDateOf(r.card().ssn()));
        });
}

std::optional<Refusal> check(const ReportTemporaryLossRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkSsn(r.ssn(), "ssn"); }, [&] { return checkName(r.name(), "name"); },
        [&] { return checkSecondFactor(r.has_second_factor(), r.second_factor(), true); });
}

std::optional<Refusal> check(const UnreportLossRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkInsertedCard(r.has_card(), r.card()); },
                   [&]() -> Result {
                       return r.has_pin_verified_at()
                                  ? checkTimestamp(r.pin_verified_at(), "pin_verified_at")
                                  : std::nullopt;
                   });
}

std::optional<Refusal> check(const BeginPinResetRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
                   [&] { return checkInsertedCard(r.has_card(), r.card()); },
                   [&] { return checkSecondFactor(r.has_second_factor(), r.second_factor()); });
}

std::optional<Refusal> check(const ComputePinResetCryptogramRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkResetSessionId(r.reset_session_id()); },
        [&]() -> Result {
            if (r.card_identifier().size() != kCardIdentifierBytes) {
                return Refusal::malformed("card_identifier is not 16 bytes");
            }
            if (r.challenge().size() != kChallengeBytes) {
                return Refusal::malformed("challenge is not 8 bytes");
            }
            return std::nullopt;
        },
        [&] { return checkEnum(r.operation(), PinResetOperation_IsValid, true, "operation"); });
}

std::optional<Refusal> check(const ReportPinResetResultRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkResetSessionId(r.reset_session_id()); },
        [&] { return checkInsertedCard(r.has_card(), r.card()); },
        [&] { return checkEnum(r.operation(), PinResetOperation_IsValid, true, "operation"); },
        [&]() -> Result {
            const std::string& sw = r.card_status_word();
            const bool ok = sw.empty() || (sw.size() == 4 && isHex(sw[0]) && isHex(sw[1]) &&
                                           isHex(sw[2]) && isHex(sw[3]));
            if (!ok) {
                return Refusal::malformed("card_status_word is not 4 hex digits");
            }
            return std::nullopt;
        });
}

std::optional<Refusal> check(const GetCardHistoryRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkInsertedCard(r.has_card(), r.card()); },
        [&]() -> Result {
            return r.has_pin_verified_at() ? checkTimestamp(r.pin_verified_at(), "pin_verified_at")
                                           : std::nullopt;
        });
}

Result checkActivationServicePassword(std::string_view password, const InsertedCard& card) {
    return checkNewServicePassword(password, "sealed_service_password", birthDateOf(card.ssn()));
}

}  // namespace renshe::services::backoffice::checks
