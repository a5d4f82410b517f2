#include "kiosk/pin_rules.hpp"

#include "drivers/sscard/pin.hpp"

namespace renshe::kiosk {

namespace sscard = drivers::sscard;

QString PinRules::weakPin(const std::string& candidate,
                          const std::optional<sscard::Date>& birthDate,
                          const std::optional<std::string>& oldPin) {
    const auto pin = sscard::Pin::fromDigits(candidate);
    if (!pin)
        return tr("请输入6位数字");
    const auto old = oldPin ? sscard::Pin::fromDigits(*oldPin) : std::nullopt;
    const auto reason = sscard::weakPinReason(*pin, birthDate, old);
    if (!reason)
        return {};
    switch (*reason) {
        case sscard::WeakPinReason::InitialPin:
            return tr("不能使用初始密码123456");
        case sscard::WeakPinReason::AllSame:
            return tr("密码不能是相同的数字");
        case sscard::WeakPinReason::Sequence:
            return tr("密码不能是连续的数字");
        case sscard::WeakPinReason::BirthDate:
            return tr("密码不能是您的出生日期");
        case sscard::WeakPinReason::SameAsOld:
            return tr("新密码不能与原密码相同");
    }
    return {};
}

QString PinRules::weakServicePassword(const std::string& candidate,
                                      const std::optional<sscard::Date>& birthDate,
                                      const std::string& newPin) {
    QString why = weakPin(candidate, birthDate, std::nullopt);
    if (!why.isEmpty())
        return why;
    return candidate == newPin ? tr("服务密码不能与卡密码相同") : QString();
}

QString PinRules::setAgain(const QString& why) {
    return tr("%1，请重新设置").arg(why);
}

}  // namespace renshe::kiosk
