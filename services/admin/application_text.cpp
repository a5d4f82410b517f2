// The form of an application as staff read it: Chinese labels with the English beside them.
// Relatives come masked from the back office and stay so.
#include <initializer_list>

#include "services/admin/application_commands.hpp"

namespace renshe::services::admin::appcli {

using namespace renshe::v1;

namespace {

using Lines = std::vector<std::pair<std::string, std::string>>;

// The name of an enum's `value` from its names in value order (the first: unspecified).
std::string pick(int value, std::initializer_list<const char*> names) {
    if (value <= 0 || static_cast<std::size_t>(value) >= names.size())
        return "-";
    return names.begin()[value];
}

std::string yesNo(bool v) {
    return v ? "是 (yes)" : "否 (no)";
}

std::string orDash(const std::string& text) {
    return text.empty() ? "-" : text;
}

std::string leavingReasonText(LeavingReason r) {
    return pick(r,
                {"", "劳动合同期满 (contract ended)", "被辞退 (dismissed)", "个人辞职 (resigned)",
                 "单位破产、关闭 (employer closed)", "未就业 (never employed)", "其他 (other)"});
}

std::string hardshipText(HardshipCategory h) {
    return pick(h, {"", "无 (none)", "4050人员 (aged 40/50)", "残疾人 (disabled)",
                    "零就业家庭 (zero-employment family)", "长期失业 (long-term unemployed)",
                    "低保家庭 (low-income family)", "其他 (other)"});
}

std::string contractText(ContractType c) {
    return pick(c, {"", "固定期限 (fixed term)", "无固定期限 (open-ended)",
                    "以完成一定工作任务为期限 (task-based)", "灵活就业 (flexible)",
                    "个体经营 (self-employed)"});
}

std::string halfDayText(HalfDay h) {
    return pick(h, {"", "上午 (morning)", "下午 (afternoon)"});
}

std::string relationshipText(Relationship r) {
    return pick(r, {"", "父母 (parent)", "配偶 (spouse)", "子女 (child)", "兄弟姐妹 (sibling)",
                    "其他亲属 (other relative)"});
}

std::string needText(int n) {
    return pick(n,
                {"", "养老金资格认证 (pension certification)", "参保登记 (insurance registration)",
                 "社保卡办理 (social security card)", "其他 (other)"});
}

std::string mobilityText(MobilityReason m) {
    return pick(m, {"", "卧床 (bedridden)", "残疾 (disabled)", "高龄 (elderly)",
                    "重病 (seriously ill)", "其他 (other)"});
}

std::string levelText(RatingLevel l) {
    return pick(l, {"", "非常不满意 (very dissatisfied)", "不满意 (dissatisfied)",
                    "基本满意 (neutral)", "满意 (satisfied)", "非常满意 (very satisfied)"});
}

std::string poorReasonText(int r) {
    return pick(r, {"", "等待时间长、办理慢 (too slow)", "操作复杂、看不清 (hard to use)",
                    "问题没有解决 (not solved)", "设备故障 (device fault)",
                    "服务态度 (staff attitude)", "其他 (other)"});
}

template <typename List, typename Text>
std::string joined(const List& values, Text text) {
    std::string out;
    for (const auto v : values)
        out += (out.empty() ? "" : "、") + text(v);
    return out.empty() ? "-" : out;
}

Lines unemploymentLines(const UnemploymentRegistration& u) {
    return {{"原工作单位 (last employer)", orDash(u.last_employer())},
            {"离职日期 (left on)", u.has_left_on() ? dateText(u.left_on()) : "-"},
            {"离职原因 (reason)", leavingReasonText(u.reason())},
            {"求职意愿 (seeking work)", yesNo(u.seeking_work())},
            {"求职意向 (wanted job)", orDash(u.wanted_job())},
            {"培训意愿 (wants training)", yesNo(u.wants_training())},
            {"就业困难人员 (hardship)", hardshipText(u.hardship())}};
}

Lines homeVisitLines(const HomeVisit& h) {
    Lines out;
    if (h.has_relative())
        out.emplace_back("服务对象 (for)", h.relative().name() + " " + h.relative().ssn() + ", " +
                                               relationshipText(h.relative().relationship()));
    else
        out.emplace_back("服务对象 (for)", "本人 (the applicant)");
    out.emplace_back("上门地址 (address)", h.address());
    out.emplace_back("服务需求 (needs)", joined(h.needs(), needText));
    out.emplace_back("原因 (reason)", mobilityText(h.reason()));
    out.emplace_back("备注 (note)", orDash(h.note()));
    return out;
}

}  // namespace

std::string appointmentServiceText(AppointmentService service) {
    return pick(service,
                {"", "社保卡业务 (card)", "养老保险、待遇认证 (pension)",
                 "就业失业登记、职业介绍 (employment)", "医疗保险 (medical)", "其他业务 (other)"});
}

std::string ratedServiceText(RatedService service) {
    return pick(service, {"", "社保卡 (card)", "资格认证 (certification)", "我的社保 (records)",
                          "业务申请 (applications)", "就业信息 (jobs)"});
}

Lines payloadLines(const ApplicationPayload& p) {
    switch (p.kind_case()) {
        case ApplicationPayload::kUnemployment:
            return unemploymentLines(p.unemployment());
        case ApplicationPayload::kEmployment:
            return {{"用人单位 (employer)", p.employment().employer()},
                    {"就业日期 (started on)",
                     p.employment().has_started_on() ? dateText(p.employment().started_on()) : "-"},
                    {"合同类型 (contract)", contractText(p.employment().contract())}};
        case ApplicationPayload::kJobApplication:
            return {{"岗位 (job)", orDash(p.job_application().job_title()) + " (" +
                                       p.job_application().job_id() + ")"},
                    {"用人单位 (employer)", orDash(p.job_application().employer())},
                    {"自我介绍 (note)", orDash(p.job_application().note())}};
        case ApplicationPayload::kAppointment:
            return {{"业务 (service)", appointmentServiceText(p.appointment().service())},
                    {"服务网点 (service point)", orDash(p.appointment().service_point_id())},
                    {"日期 (day)", dateText(p.appointment().day())},
                    {"时段 (half day)", halfDayText(p.appointment().half_day())}};
        case ApplicationPayload::kHomeVisit:
            return homeVisitLines(p.home_visit());
        case ApplicationPayload::kFollowUp:
            return {{"评价业务 (rated service)", ratedServiceText(p.follow_up().service())},
                    {"评价 (rating)", levelText(p.follow_up().level())},
                    {"差评原因 (reasons)", joined(p.follow_up().reasons(), poorReasonText)},
                    {"终端 (terminal)", orDash(p.follow_up().terminal_id())},
                    {"评价编号 (rating id)", orDash(p.follow_up().rating_id())}};
        case ApplicationPayload::KIND_NOT_SET:
            break;
    }
    return {};
}

}  // namespace renshe::services::admin::appcli
