#include "kiosk/messages.hpp"

#include <algorithm>

namespace renshe::kiosk {

using services::client::CitizenMessage;

QString CitizenMessages::text(const services::client::CallResult& result) {
    return text(services::client::citizenMessage(result), result.retryAfterSeconds);
}

QString CitizenMessages::text(CitizenMessage message, int retryAfterSeconds) {
    switch (message) {
        case CitizenMessage::None:
            return {};
        case CitizenMessage::NetworkDown:
            return tr("网络暂时不通，请稍后再试，或到窗口办理");
        case CitizenMessage::UnknownCard:
            return tr("这张卡未在系统中登记，请到窗口咨询");
        case CitizenMessage::UnknownPerson:
            return tr("没有查到这个号码的参保信息，请核对号码，或带身份证到窗口办理");
        case CitizenMessage::WrongCardState:
            return tr("卡片当前状态不能办理此业务，请到窗口咨询");
        case CitizenMessage::SecondFactorFailed:
            return tr("服务密码不正确");
        case CitizenMessage::LossIsFormal:
            return tr("此卡已正式挂失，请带身份证到窗口解挂");
        case CitizenMessage::ReplacementRequested:
            return tr("此卡已申请补换，新卡制作中，不能解挂");
        case CitizenMessage::RateLimited:
            // Whole minutes, rounded up, at least one.
            return tr("尝试次数过多，请%1分钟后再试，或到窗口办理")
                .arg(std::max(1, (retryAfterSeconds + 59) / 60));
        case CitizenMessage::OutsideRegion:
            return tr("本终端只能办理本辖区参保人员的业务，请到参保地办理");
        case CitizenMessage::CardExpired:
            return tr("社保卡已过有效期，请到窗口换卡");
        case CitizenMessage::VerificationStale:
            return tr("操作超时，请重新输入密码");
        case CitizenMessage::WeakPassword:
            return tr("服务密码太简单，请重新设置");
        case CitizenMessage::NotEnrolled:
            return tr("您还没有登记指纹，请使用服务密码");
        case CitizenMessage::NotARetiree:
            return tr("您不是养老金领取人员，不需要认证");
        case CitizenMessage::TemplateIncompatible:
            return tr("您的指纹是在其他型号的指纹仪上登记的，请到窗口认证");
        case CitizenMessage::Other:
            break;
    }
    return tr("暂时无法办理，请联系工作人员");
}

}  // namespace renshe::kiosk
