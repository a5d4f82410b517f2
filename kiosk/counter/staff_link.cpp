#include "kiosk/counter/staff_link.hpp"

namespace renshe::kiosk::counter {

using renshe::v1::RefusalReason;

QString StaffMessages::offline() {
    return tr("与后台的连接已中断，操作未执行。请在连接恢复后重试。");
}

QString StaffMessages::text(const services::client::CallResult& result) {
    if (result.ok())
        return {};
    if (result.transient())
        return offline();
    switch (result.refusal) {
        case renshe::v1::REFUSAL_REASON_UNKNOWN_PERSON:
            return tr("登记库中没有这个人员");
        case renshe::v1::REFUSAL_REASON_UNKNOWN_CARD:
            return tr("登记库中没有这张卡");
        case renshe::v1::REFUSAL_REASON_OUTSIDE_REGION:
            return tr("不属于您所辖区域，无权查看或办理");
        case renshe::v1::REFUSAL_REASON_STAFF_ONLY:
            return tr("此证书不是工作人员证书");
        case renshe::v1::REFUSAL_REASON_WRONG_CARD_STATE:
            return tr("卡片当前状态不能办理此项操作");
        case renshe::v1::REFUSAL_REASON_WRONG_APPLICATION_STATE:
            return tr("申请的当前状态不允许此操作（或已由其他工作人员受理）");
        case renshe::v1::REFUSAL_REASON_MALFORMED_ID_NUMBER:
            return tr("身份证号码格式不正确");
        case renshe::v1::REFUSAL_REASON_MALFORMED_FIELD:
            return tr("填写的内容不符合要求");
        case renshe::v1::REFUSAL_REASON_RATE_LIMITED:
            return tr("操作过于频繁，请稍后再试");
        default:
            break;
    }
    if (result.code == grpc::StatusCode::UNAUTHENTICATED)
        return tr("后台不接受此证书（已吊销或已过期）");
    if (result.code == grpc::StatusCode::NOT_FOUND)
        return tr("没有找到");
    return tr("后台拒绝了此操作（%1）").arg(QString::fromStdString(result.message).left(120));
}

}  // namespace renshe::kiosk::counter
