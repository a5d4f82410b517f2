#include "kiosk/idcard_messages.hpp"

#include "drivers/sscard/id_number.hpp"
#include "kiosk/china_time.hpp"

namespace renshe::kiosk {

namespace idcard = drivers::idcard;

QString IdCardMessages::problem(idcard::Problem p) {
    switch (p) {
        case idcard::Problem::CardRemoved:
        case idcard::Problem::Checksum:
        case idcard::Problem::BadFrame:
        case idcard::Problem::Truncated:
            return tr("身份证没有读完，请把身份证平放在读卡区，读完前不要移动");
        case idcard::Problem::BadText:
        case idcard::Problem::Unsupported:
            return tr("无法识别这张身份证上的信息，请用数字键输入身份证号码");
        case idcard::Problem::CardRejected:
            return tr("这张卡不是有效的居民身份证，请换一张，或用数字键输入");
        case idcard::Problem::NoCard:
            return {};
        case idcard::Problem::NoReader:
        case idcard::Problem::Timeout:
        case idcard::Problem::SamFault:
            return tr("身份证阅读器暂时不能使用，请用数字键输入身份证号码");
    }
    return {};
}

QString IdCardMessages::expired(const std::string& validUntil) {
    const QString d = QString::fromStdString(validUntil);
    return tr("这张身份证已过有效期（%1年%2月%3日到期），不能使用。请使用有效身份证，"
              "或到窗口办理")
        .arg(d.mid(0, 4), d.mid(4, 2), d.mid(6, 2));
}

QString IdCardMessages::read(const std::string& name) {
    return tr("已读取身份证：%1").arg(QString::fromStdString(drivers::sscard::maskName(name)));
}

std::string IdCardMessages::today() {
    return chinaTime(QDateTime::currentSecsSinceEpoch())
        .toString(QStringLiteral("yyyyMMdd"))
        .toStdString();
}

}  // namespace renshe::kiosk
