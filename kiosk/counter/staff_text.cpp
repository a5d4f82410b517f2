#include "kiosk/counter/staff_text.hpp"

#include "kiosk/china_time.hpp"
#include "renshe/v1/applications.pb.h"
#include "renshe/v1/card.pb.h"
#include "renshe/v1/certification.pb.h"
#include "renshe/v1/terminal.pb.h"

namespace renshe::kiosk::counter {

using namespace renshe::v1;

QString StaffText::cardStatus(int status) {
    switch (status) {
        case CARD_STATUS_ISSUED:
            return tr("已发放（待启用）");
        case CARD_STATUS_ACTIVE:
            return tr("正常");
        case CARD_STATUS_TEMP_LOST:
            return tr("临时挂失");
        case CARD_STATUS_LOST:
            return tr("正式挂失");
        case CARD_STATUS_REPLACEMENT_REQUESTED:
            return tr("补换卡申请中");
        case CARD_STATUS_REPLACED:
            return tr("已补换");
        case CARD_STATUS_CANCELLED:
            return tr("已注销");
        case CARD_STATUS_UNSPECIFIED:
            return QStringLiteral("—");
        default:
            return tr("未知");
    }
}

QString StaffText::applicationState(int state) {
    switch (state) {
        case APPLICATION_STATE_SUBMITTED:
            return tr("已提交");
        case APPLICATION_STATE_ACCEPTED:
            return tr("已受理");
        case APPLICATION_STATE_MORE_INFORMATION_NEEDED:
            return tr("需补充材料");
        case APPLICATION_STATE_REJECTED:
            return tr("不予受理");
        case APPLICATION_STATE_DONE:
            return tr("已办结");
        default:
            return tr("未知");
    }
}

QString StaffText::applicationKind(int kind) {
    switch (kind) {
        case APPLICATION_KIND_UNEMPLOYMENT_REGISTRATION:
            return tr("失业登记");
        case APPLICATION_KIND_EMPLOYMENT_REGISTRATION:
            return tr("就业登记");
        case APPLICATION_KIND_JOB_APPLICATION:
            return tr("岗位申请");
        case APPLICATION_KIND_APPOINTMENT:
            return tr("预约");
        case APPLICATION_KIND_HOME_VISIT:
            return tr("上门服务");
        case APPLICATION_KIND_RATING_FOLLOW_UP:
            return tr("差评回访");
        default:
            return tr("未知");
    }
}

QString StaffText::applicationAction(const std::string& action) {
    static const std::pair<const char*, const char*> names[] = {
        {"submitted", QT_TR_NOOP("提交")},
        {"claimed", QT_TR_NOOP("认领")},
        {"taken_over", QT_TR_NOOP("接手")},
        {"accepted", QT_TR_NOOP("受理")},
        {"more_information", QT_TR_NOOP("要求补充材料")},
        {"rejected", QT_TR_NOOP("不予受理")},
        {"done", QT_TR_NOOP("办结")},
        {"note", QT_TR_NOOP("备注")}};
    for (const auto& [code, name] : names) {
        if (action == code)
            return tr(name);
    }
    return QString::fromStdString(action);
}

QString StaffText::certificationState(int state) {
    switch (state) {
        case CERTIFICATION_STATE_NOT_REQUIRED:
            return tr("无需认证");
        case CERTIFICATION_STATE_CERTIFIED:
            return tr("已认证");
        case CERTIFICATION_STATE_DUE:
            return tr("待认证（本期即将到期）");
        case CERTIFICATION_STATE_OVERDUE:
            return tr("逾期未认证（养老金暂停发放）");
        default:
            return tr("未知");
    }
}

QString StaffText::pensionStatus(int status) {
    switch (status) {
        case PENSION_STATUS_NONE:
            return tr("未领取养老金");
        case PENSION_STATUS_ACTIVE:
            return tr("正常发放");
        case PENSION_STATUS_SUSPENDED:
            return tr("暂停发放");
        default:
            return tr("未知");
    }
}

QString StaffText::finger(int finger) {
    static const char* const names[] = {QT_TR_NOOP("左手拇指"),   QT_TR_NOOP("左手食指"),
                                        QT_TR_NOOP("左手中指"),   QT_TR_NOOP("左手无名指"),
                                        QT_TR_NOOP("左手小指"),   QT_TR_NOOP("右手拇指"),
                                        QT_TR_NOOP("右手食指"),   QT_TR_NOOP("右手中指"),
                                        QT_TR_NOOP("右手无名指"), QT_TR_NOOP("右手小指")};
    if (finger < FINGER_LEFT_THUMB || finger > FINGER_RIGHT_LITTLE)
        return tr("未知");
    return tr(names[finger - FINGER_LEFT_THUMB]);
}

QString StaffText::deviceState(int presence) {
    switch (presence) {
        case DEVICE_PRESENCE_PRESENT:
            return tr("工作正常");
        case DEVICE_PRESENCE_ABSENT:
            return tr("未连接");
        case DEVICE_PRESENCE_ERROR:
            return tr("故障");
        default:
            return tr("未报告");
    }
}

QString StaffText::facilityItem(int item) {
    switch (item) {
        case FACILITY_ITEM_TOUCHSCREENS:
            return tr("触摸屏");
        case FACILITY_ITEM_DISPLAY_AREA_M2:
            return tr("信息发布屏面积（平方米）");
        case FACILITY_ITEM_CARD_READERS:
            return tr("社保卡读卡器");
        case FACILITY_ITEM_FINGERPRINT_DEVICES:
            return tr("指纹识别设备");
        case FACILITY_ITEM_PRINTERS:
            return tr("打印机");
        case FACILITY_ITEM_ID_CARD_READERS:
            return tr("身份证阅读器");
        default:
            return tr("未知");
    }
}

QString StaffText::facilityClass(int facilityClass) {
    switch (facilityClass) {
        case FACILITY_CLASS_I:
            return tr("一类");
        case FACILITY_CLASS_II:
            return tr("二类");
        case FACILITY_CLASS_III:
            return tr("三类");
        default:
            return tr("不达标");
    }
}

QString StaffText::date(const Date& d) {
    if (d.year() == 0)
        return {};
    return QStringLiteral("%1-%2-%3")
        .arg(d.year(), 4, 10, QLatin1Char('0'))
        .arg(d.month(), 2, 10, QLatin1Char('0'))
        .arg(d.day(), 2, 10, QLatin1Char('0'));
}

QString StaffText::time(const google::protobuf::Timestamp& t) {
    if (t.seconds() == 0 && t.nanos() == 0)
        return {};
    return chinaTime(t.seconds()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

}  // namespace renshe::kiosk::counter
