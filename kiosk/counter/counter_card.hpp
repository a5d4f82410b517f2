// The social security card in the counter's own PC/SC reader: the first reader holding a card,
// one PC/SC transaction for the work, and every way that can fail in the clerk's words. Used
// by 读社保卡 (人员查询) and by 协助启用. Blocks: call it on a worker thread.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <functional>

#include "drivers/sscard/sscard.hpp"

namespace renshe::kiosk::counter {

class CounterCard {
    Q_DECLARE_TR_FUNCTIONS(renshe::kiosk::counter::CounterCard)

public:
    // Runs `work` on the card's application; the problem if the card could not be reached or
    // `work` threw, empty when `work` ran to its end.
    static QString use(const std::function<void(drivers::sscard::SocialSecurityCard&)>& work);
};

}  // namespace renshe::kiosk::counter
