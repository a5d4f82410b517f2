// A card as the reader would give it, for view-model tests without a reader.
#pragma once

#include "drivers/sscard/sscard.hpp"

namespace renshe::testing {

inline drivers::sscard::CardData sampleCardData() {
    drivers::sscard::CardData card;
    card.cardIdentifier.assign(16, 0x11);
    card.cardNumber = "A37010001";
    card.ssn = "370102194704090017";
    card.name = "张三丰";
    card.birthDate = {1947, 4, 9};
    return card;
}

}  // namespace renshe::testing
