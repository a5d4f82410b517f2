// The card port over the social security card application in an open PC/SC session.
#pragma once

#include "kiosk/card/ports.hpp"

namespace renshe::kiosk::card {

class SocialSecurityCardPort : public CardPort {
public:
    // `card` must outlive this port (both live for one CardReader::post work item).
    explicit SocialSecurityCardPort(drivers::sscard::SocialSecurityCard& card) : m_card(card) {}

    drivers::sscard::PinResult verifyPin(const drivers::sscard::Pin& pin) override {
        return m_card.verifyPin(pin);
    }
    drivers::sscard::PinResult changePin(const drivers::sscard::Pin& oldPin,
                                         const drivers::sscard::Pin& newPin) override {
        return m_card.changePin(oldPin, newPin);
    }
    drivers::sscard::Bytes getChallenge() override { return m_card.getChallenge(); }
    drivers::sscard::PinResult reloadPin(const drivers::sscard::Key& sessionKey,
                                         const drivers::sscard::Pin& newPin) override {
        return m_card.reloadPin(sessionKey, newPin);
    }

private:
    drivers::sscard::SocialSecurityCard& m_card;
};

}  // namespace renshe::kiosk::card
