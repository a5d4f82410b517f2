// The pages of each application kind and what their answers mean for the request: the one
// place that knows 失业登记 asks the reason before the employer, that "从未就业" skips the
// employer and the month, that a home visit for a relative asks their ID number and name.
#include <QDate>
#include <QVariantMap>

#include "drivers/sscard/id_number.hpp"
#include "kiosk/applications/applications_flow.hpp"
#include "kiosk/china_time.hpp"

namespace renshe::kiosk {

using namespace renshe::v1;
namespace sscard = drivers::sscard;

namespace {

constexpr int kMonthsOffered = 6;
constexpr std::size_t kSlotsOffered = 6;

QVariantMap option(const QString& value, const QString& title) {
    return {{QStringLiteral("value"), value}, {QStringLiteral("title"), title}};
}

QVariantMap option(int value, const QString& title) {
    return option(QString::number(value), title);
}

QString maskedPhone(const std::string& phone) {
    if (phone.size() != 11)
        return QString();
    return QString::fromStdString(phone.substr(0, 3) + "****" + phone.substr(7));
}

Date dateOf(const QDate& d) {
    Date out;
    out.set_year(d.year());
    out.set_month(d.month());
    out.set_day(d.day());
    return out;
}

QDate today() {
    return chinaTime(QDateTime::currentSecsSinceEpoch()).date();
}

}  // namespace

std::string ApplicationsFlow::answer(const char* id) const {
    const auto it = m_answers.find(id);
    return it == m_answers.end() ? std::string() : it->second;
}

// This month and the ones before it, as answers "0" (this month), "1" (last month) …
QVariantList ApplicationsFlow::recentMonths() const {
    QVariantList months;
    const QDate now = today();
    for (int back = 0; back < kMonthsOffered; ++back) {
        const QDate m = now.addMonths(-back);
        months << option(back, tr("%1年%2月").arg(m.year()).arg(m.month()));
    }
    return months;
}

std::vector<std::string> ApplicationsFlow::pages() const {
    std::vector<std::string> p;
    if (m_kind == Kind::Lookup)
        return {"number", "id"};
    if (!m_card) {
        p.push_back("id");
        if (answer("idcard") != "1")
            p.push_back("name");
    }
    switch (m_kind) {
        case Kind::Unemployment:
            p.push_back("reason");
            if (answer("reason") != std::to_string(LEAVING_REASON_NEVER_EMPLOYED))
                p.insert(p.end(), {"employer", "left+seeking"});
            else
                p.push_back("seeking");
            p.push_back("phone");
            break;
        case Kind::Employment:
            p.insert(p.end(), {"employer", "started+contract", "phone"});
            break;
        case Kind::Appointment:
            p.insert(p.end(), {"service", "slot"});
            break;
        case Kind::HomeVisit:
            p.push_back("forWhom");
            if (!answer("forWhom").empty() && answer("forWhom") != "self") {
                p.push_back("relId");
                if (answer("relIdcard") != "1")
                    p.push_back("relName");
            }
            p.insert(p.end(), {"need+mobility", "address", "phone"});
            break;
        case Kind::Job:
            p.push_back("phone");
            break;
        default:
            break;
    }
    p.push_back("confirm");
    return p;
}

ApplicationsFlow::Page ApplicationsFlow::pageInfo(const std::string& id) const {
    // A page of several questions ("left+seeking"): each question's answers under its own
    // heading; every answer's id says which question it answers ("left=2").
    if (id.find('+') != std::string::npos) {
        Page page{Step::Choice, tr("请在每个问题下各选一项"), {}};
        std::size_t from = 0;
        while (from <= id.size()) {
            const auto to = std::min(id.find('+', from), id.size());
            const std::string key = id.substr(from, to - from);
            const Page one = pageInfo(key);
            page.options << QVariantMap{{QStringLiteral("header"), one.question}};
            page.options += one.options;
            page.groups.push_back(key);
            from = to + 1;
        }
        return page;
    }
    Page page = questionOf(id);
    if (page.step == Step::Choice)
        page.groups = {id};
    return page;
}

ApplicationsFlow::Page ApplicationsFlow::questionOf(const std::string& id) const {
    if (id == "id")
        return {Step::IdNumber,
                m_idCardReady ? tr("请将身份证放在读卡区\n或输入18位社会保障号码（身份证号）")
                              : tr("请输入18位社会保障号码（身份证号）"),
                {}};
    if (id == "name")
        return {Step::Name, tr("请输入姓名：按拼音输入，再点选汉字"), {}};
    if (id == "number")
        return {Step::Digits, tr("请输入14位申请编号（在回执上）"), {}};
    if (id == "phone")
        return {Step::Digits,
                tr("请输入手机号码，工作人员会打电话联系您"),
                {},
                m_kind == Kind::Appointment || m_kind == Kind::Employment};
    if (id == "employer" && m_kind == Kind::Employment)
        return {Step::Text, tr("在哪个单位工作？按拼音输入单位名称"), {}};
    if (id == "started")
        return {Step::Choice, tr("哪个月开始工作的？"), recentMonths()};
    if (id == "contract")
        return {Step::Choice,
                tr("用工形式是什么？"),
                {option(CONTRACT_TYPE_FIXED_TERM, tr("固定期限合同")),
                 option(CONTRACT_TYPE_OPEN_ENDED, tr("无固定期限合同")),
                 option(CONTRACT_TYPE_TASK_BASED, tr("完成一定工作任务")),
                 option(CONTRACT_TYPE_FLEXIBLE, tr("灵活就业")),
                 option(CONTRACT_TYPE_SELF_EMPLOYED, tr("个体经营"))}};
    if (id == "reason")
        return {Step::Choice,
                tr("您为什么离开原来的工作？"),
                {option(LEAVING_REASON_CONTRACT_ENDED, tr("劳动合同到期")),
                 option(LEAVING_REASON_DISMISSED, tr("被单位辞退")),
                 option(LEAVING_REASON_RESIGNED, tr("自己辞职")),
                 option(LEAVING_REASON_EMPLOYER_CLOSED, tr("单位破产或关闭")),
                 option(LEAVING_REASON_NEVER_EMPLOYED, tr("从未就业（毕业生、返乡）")),
                 option(LEAVING_REASON_OTHER, tr("其他原因"))}};
    if (id == "employer")
        return {Step::Text, tr("原来在哪个单位工作？按拼音输入单位名称"), {}};
    if (id == "left")
        return {Step::Choice, tr("哪个月离开的？"), recentMonths()};
    if (id == "seeking")
        return {Step::Choice,
                tr("您现在想找工作吗？"),
                {option(QStringLiteral("train"), tr("想找工作，也想参加技能培训")),
                 option(QStringLiteral("work"), tr("想找工作")),
                 option(QStringLiteral("none"), tr("暂时不找工作"))}};
    if (id == "service")
        return {Step::Choice,
                tr("您要预约办理什么业务？"),
                {option(APPOINTMENT_SERVICE_CARD, tr("社保卡业务")),
                 option(APPOINTMENT_SERVICE_PENSION, tr("养老保险、待遇认证")),
                 option(APPOINTMENT_SERVICE_EMPLOYMENT, tr("就业、失业登记")),
                 option(APPOINTMENT_SERVICE_MEDICAL, tr("医疗保险")),
                 option(APPOINTMENT_SERVICE_OTHER, tr("其他业务"))}};
    if (id == "slot")
        return {Step::Choice, tr("请选择办理时间"), slotOptions()};
    if (id == "forWhom")
        return {Step::Choice,
                tr("请工作人员上门为谁服务？"),
                {option(QStringLiteral("self"), tr("为我本人")),
                 option(RELATIONSHIP_PARENT, tr("为我的父母")),
                 option(RELATIONSHIP_SPOUSE, tr("为我的配偶")),
                 option(RELATIONSHIP_CHILD, tr("为我的子女")),
                 option(RELATIONSHIP_OTHER, tr("为其他亲属"))}};
    if (id == "relId")
        return {Step::IdNumber,
                m_idCardReady ? tr("请放上亲属的身份证\n或输入亲属的18位身份证号")
                              : tr("请输入亲属的18位身份证号"),
                {}};
    if (id == "relName")
        return {Step::Name, tr("请输入亲属的姓名：按拼音输入，再点选汉字"), {}};
    if (id == "need")
        return {Step::Choice,
                tr("需要上门办理什么？"),
                {option(HOME_VISIT_NEED_CERTIFICATION, tr("养老金资格认证")),
                 option(HOME_VISIT_NEED_REGISTRATION, tr("参保登记")),
                 option(HOME_VISIT_NEED_CARD, tr("社保卡办理")),
                 option(HOME_VISIT_NEED_OTHER, tr("其他业务"))}};
    if (id == "mobility")
        return {Step::Choice,
                tr("为什么不方便到服务窗口？"),
                {option(MOBILITY_REASON_BEDRIDDEN, tr("长期卧床")),
                 option(MOBILITY_REASON_DISABLED, tr("残疾")),
                 option(MOBILITY_REASON_ELDERLY, tr("年纪大，行动不便")),
                 option(MOBILITY_REASON_ILLNESS, tr("重病")),
                 option(MOBILITY_REASON_OTHER, tr("其他原因"))}};
    if (id == "address")
        return {Step::Text, tr("上门地址：按拼音输入村、组和门牌"), {}};
    return {Step::Confirm, tr("请核对以下信息，无误请点“提交”"), {}};
}

QVariantList ApplicationsFlow::slotOptions() const {
    QVariantList out;
    // The first free ones (six fit every screen at its largest letters).
    for (std::size_t i = 0; i < std::min<std::size_t>(m_slots.size(), kSlotsOffered); ++i) {
        const auto& s = m_slots[i];
        const QString half = s.half_day() == HALF_DAY_MORNING ? tr("上午") : tr("下午");
        out << option(static_cast<int>(i), tr("%1月%2日%3（余%4个）")
                                               .arg(s.day().month())
                                               .arg(s.day().day())
                                               .arg(half)
                                               .arg(s.capacity() - s.booked()));
    }
    return out;
}

SubmitApplicationRequest ApplicationsFlow::request() const {
    const auto number = [&](const char* id) { return std::atoi(answer(id).c_str()); };
    SubmitApplicationRequest r;
    if (m_card) {
        *r.mutable_applicant()->mutable_card() = *m_card;
    } else {
        auto* claim = r.mutable_applicant()->mutable_identity();
        claim->set_ssn(answer("id"));
        claim->set_name(answer("name"));
        claim->set_read_from_id_card(answer("idcard") == "1");
    }
    r.set_phone(answer("phone"));
    auto* p = r.mutable_payload();
    switch (m_kind) {
        case Kind::Unemployment: {
            auto* u = p->mutable_unemployment();
            u->set_reason(static_cast<LeavingReason>(number("reason")));
            if (u->reason() != LEAVING_REASON_NEVER_EMPLOYED) {
                u->set_last_employer(answer("employer"));
                const QDate month = today().addMonths(-number("left"));
                *u->mutable_left_on() = dateOf(QDate(month.year(), month.month(), 1));
            }
            u->set_seeking_work(answer("seeking") != "none");
            u->set_wants_training(answer("seeking") == "train");
            break;
        }
        case Kind::Employment: {
            auto* e = p->mutable_employment();
            e->set_employer(answer("employer"));
            const QDate month = today().addMonths(-number("started"));
            *e->mutable_started_on() = dateOf(QDate(month.year(), month.month(), 1));
            e->set_contract(static_cast<ContractType>(number("contract")));
            break;
        }
        case Kind::Appointment: {
            const auto& slot = m_slots.at(static_cast<std::size_t>(number("slot")));
            auto* a = p->mutable_appointment();
            a->set_service(slot.service());
            a->set_service_point_id(slot.service_point_id());
            *a->mutable_day() = slot.day();
            a->set_half_day(slot.half_day());
            break;
        }
        case Kind::HomeVisit: {
            auto* h = p->mutable_home_visit();
            if (answer("forWhom") != "self") {
                h->mutable_relative()->set_ssn(answer("relId"));
                h->mutable_relative()->set_name(answer("relName"));
                h->mutable_relative()->set_relationship(
                    static_cast<Relationship>(number("forWhom")));
            }
            h->add_needs(static_cast<HomeVisitNeed>(number("need")));
            h->set_reason(static_cast<MobilityReason>(number("mobility")));
            h->set_address(answer("address"));
            break;
        }
        case Kind::Job:
            p->mutable_job_application()->set_job_id(m_jobId.toStdString());
            break;
        default:
            break;
    }
    return r;
}

QStringList ApplicationsFlow::confirmLines() const {
    // The title of the chosen option of a choice page.
    const auto chosen = [&](const char* id) {
        for (const auto& o : questionOf(id).options) {
            const auto m = o.toMap();
            if (m.value(QStringLiteral("value")).toString().toStdString() == answer(id))
                return m.value(QStringLiteral("title")).toString();
        }
        return QString();
    };
    QStringList lines{tr("申请事项：%1").arg(title())};
    if (!m_card)
        lines << tr("申请人：%1 %2")
                     .arg(QString::fromStdString(sscard::maskName(answer("name"))),
                          QString::fromStdString(sscard::maskIdNumber(answer("id"))));
    else
        lines << tr("申请人：社保卡持卡人本人");
    switch (m_kind) {
        case Kind::Unemployment:
            lines << tr("离职原因：%1").arg(chosen("reason"));
            if (!answer("employer").empty())
                lines << tr("原工作单位：%1").arg(QString::fromStdString(answer("employer")))
                      << tr("离职时间：%1").arg(chosen("left"));
            lines << tr("求职意愿：%1").arg(chosen("seeking"));
            break;
        case Kind::Employment:
            lines << tr("用人单位：%1").arg(QString::fromStdString(answer("employer")))
                  << tr("就业时间：%1").arg(chosen("started"))
                  << tr("用工形式：%1").arg(chosen("contract"));
            break;
        case Kind::Appointment:
            lines << tr("预约业务：%1").arg(chosen("service"))
                  << tr("办理时间：%1").arg(chosen("slot"));
            break;
        case Kind::HomeVisit:
            lines << tr("服务对象：%1").arg(chosen("forWhom"));
            if (!answer("relId").empty())
                lines << tr("亲属：%1 %2")
                             .arg(QString::fromStdString(sscard::maskName(answer("relName"))),
                                  QString::fromStdString(sscard::maskIdNumber(answer("relId"))));
            lines << tr("上门办理：%1").arg(chosen("need"))
                  << tr("原因：%1").arg(chosen("mobility"))
                  << tr("地址：%1").arg(QString::fromStdString(answer("address")));
            break;
        case Kind::Job:
            lines << tr("应聘岗位：%1").arg(m_jobTitle);
            break;
        default:
            break;
    }
    if (!answer("phone").empty())
        lines << tr("联系电话：%1").arg(maskedPhone(answer("phone")));
    return lines;
}

}  // namespace renshe::kiosk
