#include "services/backoffice/applications/application_rows.hpp"

#include <google/protobuf/util/time_util.h>

#include <random>

#include "drivers/sscard/id_number.hpp"
#include "services/backoffice/applications/calendar.hpp"
#include "services/backoffice/card/lifecycle.hpp"

namespace renshe::services::backoffice::applications {

using namespace renshe::v1;
namespace sscard = renshe::drivers::sscard;

namespace {

constexpr int kNumberAttempts = 20;
constexpr int kRandomDigits = 6;
constexpr int kRandomRange = 1'000'000;

constexpr const char* kColumns =
    "number, kind, state, applicant_ssn, beneficiary_ssn, region, service_point_id, "
    "terminal_id, phone, payload_hex, summary, submitted_at, due_day, reason, claimed_by";

ApplicationRow rowOf(const store::Row& r) {
    ApplicationRow a;
    a.number = r.text(0);
    a.kind = static_cast<ApplicationKind>(r.integer(1));
    a.state = static_cast<ApplicationState>(r.integer(2));
    a.applicantSsn = r.text(3);
    a.beneficiarySsn = r.text(4);
    a.region = r.text(5);
    a.servicePointId = r.text(6);
    a.terminalId = r.text(7);
    a.phone = r.text(8);
    a.payload.ParseFromString(store::fromHex(r.text(9)));
    a.summary = r.text(10);
    a.submittedAt = r.integer(11);
    a.dueDay = static_cast<int>(r.integer(12));
    a.reason = r.text(13);
    a.claimedBy = r.text(14);
    return a;
}

store::Value nullable(const std::string& s) {
    return s.empty() ? store::Value(nullptr) : store::Value(s);
}

std::string randomDigits() {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    std::string digits = std::to_string(rng() % kRandomRange);
    return std::string(kRandomDigits - digits.size(), '0') + digits;
}

void setMasked(store::Tx& tx, const std::string& ssn, PersonSummary* out) {
    out->set_masked_ssn(sscard::maskIdNumber(ssn));
    if (const auto person = loadPerson(tx, ssn))
        out->set_masked_name(sscard::maskName(person->name));
}

std::string needName(int need) {
    switch (need) {
        case HOME_VISIT_NEED_CERTIFICATION:
            return "资格认证";
        case HOME_VISIT_NEED_REGISTRATION:
            return "参保登记";
        case HOME_VISIT_NEED_CARD:
            return "社保卡办理";
        default:
            return "其他";
    }
}

}  // namespace

int workingDaysFor(ApplicationKind kind) {
    switch (kind) {
        case APPLICATION_KIND_UNEMPLOYMENT_REGISTRATION:
        case APPLICATION_KIND_EMPLOYMENT_REGISTRATION:
            return 5;
        case APPLICATION_KIND_JOB_APPLICATION:
            return 3;
        case APPLICATION_KIND_HOME_VISIT:
            return 10;
        case APPLICATION_KIND_RATING_FOLLOW_UP:
            return 15;
        default:
            return 0;  // appointments: the slot's day
    }
}

ApplicationKind kindOf(const ApplicationPayload& payload) {
    switch (payload.kind_case()) {
        case ApplicationPayload::kUnemployment:
            return APPLICATION_KIND_UNEMPLOYMENT_REGISTRATION;
        case ApplicationPayload::kEmployment:
            return APPLICATION_KIND_EMPLOYMENT_REGISTRATION;
        case ApplicationPayload::kJobApplication:
            return APPLICATION_KIND_JOB_APPLICATION;
        case ApplicationPayload::kAppointment:
            return APPLICATION_KIND_APPOINTMENT;
        case ApplicationPayload::kHomeVisit:
            return APPLICATION_KIND_HOME_VISIT;
        case ApplicationPayload::kFollowUp:
            return APPLICATION_KIND_RATING_FOLLOW_UP;
        case ApplicationPayload::KIND_NOT_SET:
            break;
    }
    return APPLICATION_KIND_UNSPECIFIED;
}

bool isFinal(ApplicationState state) {
    return state == APPLICATION_STATE_REJECTED || state == APPLICATION_STATE_DONE;
}

std::optional<ApplicationRow> loadApplication(store::Tx& tx, const std::string& number,
                                              bool forUpdate) {
    const auto r =
        tx.queryOne(std::string("SELECT ") + kColumns + " FROM applications WHERE number = $1" +
                        std::string(forUpdate ? tx.forUpdate() : ""),
                    {number});
    if (!r)
        return std::nullopt;
    return rowOf(*r);
}

void insertApplication(store::Tx& tx, ApplicationRow& row, int today, const std::string& actor,
                       std::int64_t now) {
    std::string payloadHex;
    {
        std::string bytes;
        row.payload.SerializeToString(&bytes);
        payloadHex = store::toHex(bytes);
    }
    for (int attempt = 0; attempt < kNumberAttempts; ++attempt) {
        row.number = std::to_string(today) + randomDigits();
        const auto inserted = tx.exec(
            std::string("INSERT INTO applications (") + kColumns +
                ", updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                "$14, $15, $12) ON CONFLICT (number) DO NOTHING",
            {row.number, std::int64_t{row.kind}, std::int64_t{row.state},
             nullable(row.applicantSsn), nullable(row.beneficiarySsn), row.region,
             row.servicePointId, row.terminalId, row.phone, payloadHex, row.summary,
             row.submittedAt, std::int64_t{row.dueDay}, row.reason, row.claimedBy});
        if (inserted == 1) {
            appendEvent(tx, row.number, actor, "submitted", row.state, "", now);
            return;
        }
    }
    throw store::StoreError("no free application number today after 20 draws");
}

void updateApplication(store::Tx& tx, const ApplicationRow& row, const std::string& actor,
                       const std::string& action, const std::string& text, std::int64_t now) {
    tx.exec(
        "UPDATE applications SET state = $2, reason = $3, claimed_by = $4, updated_at = $5 "
        "WHERE number = $1",
        {row.number, std::int64_t{row.state}, row.reason, row.claimedBy, now});
    appendEvent(tx, row.number, actor, action, row.state, text, now);
}

void appendEvent(store::Tx& tx, const std::string& number, const std::string& actor,
                 const std::string& action, ApplicationState state, const std::string& text,
                 std::int64_t now) {
    tx.exec(
        "INSERT INTO application_events (number, seq, at, actor, action, state, text) "
        "SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6 FROM application_events "
        "WHERE number = $1",
        {number, now, actor, action, std::int64_t{state}, text});
}

Application toProto(store::Tx& tx, const ApplicationRow& row, int today, bool detailed) {
    Application a;
    a.set_number(row.number);
    a.set_kind(row.kind);
    a.set_state(row.state);
    if (!row.applicantSsn.empty())
        setMasked(tx, row.applicantSsn, a.mutable_applicant());
    if (!row.beneficiarySsn.empty())
        setMasked(tx, row.beneficiarySsn, a.mutable_beneficiary());
    *a.mutable_submitted_at() = timestampOf(row.submittedAt);
    *a.mutable_due_date() = toDate(row.dueDay);
    a.set_overdue(!isFinal(row.state) && today > row.dueDay);
    a.set_reason(row.reason);
    a.set_region(row.region);
    a.set_service_point_id(row.servicePointId);
    a.set_terminal_id(row.terminalId);
    a.set_claimed_by(row.claimedBy);
    a.set_phone_masked(maskPhone(row.phone));
    a.set_summary(row.summary);
    if (!detailed)
        return a;
    *a.mutable_payload() = row.payload;
    if (a.payload().has_home_visit() && a.payload().home_visit().has_relative()) {
        auto* relative = a.mutable_payload()->mutable_home_visit()->mutable_relative();
        relative->set_ssn(sscard::maskIdNumber(relative->ssn()));
        relative->set_name(sscard::maskName(relative->name()));
    }
    for (const auto& r :
         tx.query("SELECT at, actor, action, state, text FROM application_events WHERE number = $1 "
                  "ORDER BY seq",
                  {row.number})) {
        auto* e = a.add_history();
        *e->mutable_at() = timestampOf(r.integer(0));
        e->set_actor(r.text(1));
        e->set_action(r.text(2));
        e->set_state(static_cast<ApplicationState>(r.integer(3)));
        e->set_text(r.text(4));
    }
    return a;
}

GetApplicationStatusResponse statusOf(store::Tx& tx, const ApplicationRow& row) {
    GetApplicationStatusResponse s;
    s.set_number(row.number);
    s.set_kind(row.kind);
    s.set_state(row.state);
    if (!row.applicantSsn.empty())
        setMasked(tx, row.applicantSsn, s.mutable_applicant());
    *s.mutable_submitted_at() = timestampOf(row.submittedAt);
    *s.mutable_due_date() = toDate(row.dueDay);
    s.set_reason(row.reason);
    s.set_summary(row.summary);
    s.set_next_step(nextStepOf(row));
    return s;
}

std::string halfDayName(HalfDay half) {
    return half == HALF_DAY_MORNING ? "上午" : "下午";
}

std::string appointmentServiceName(AppointmentService service) {
    switch (service) {
        case APPOINTMENT_SERVICE_CARD:
            return "社保卡业务";
        case APPOINTMENT_SERVICE_PENSION:
            return "养老保险";
        case APPOINTMENT_SERVICE_EMPLOYMENT:
            return "就业失业登记";
        case APPOINTMENT_SERVICE_MEDICAL:
            return "医疗保险";
        default:
            return "其他业务";
    }
}

std::string summaryOf(const ApplicationPayload& p) {
    switch (p.kind_case()) {
        case ApplicationPayload::kUnemployment:
            return p.unemployment().wanted_job().empty()
                       ? "失业登记"
                       : "失业登记 · 求职意向 " + p.unemployment().wanted_job();
        case ApplicationPayload::kEmployment:
            return "就业登记 · " + p.employment().employer();
        case ApplicationPayload::kJobApplication:
            return p.job_application().job_title() + " · " + p.job_application().employer();
        case ApplicationPayload::kAppointment:
            return chineseDate(toDay(p.appointment().day())) +
                   halfDayName(p.appointment().half_day()) + " · " +
                   appointmentServiceName(p.appointment().service());
        case ApplicationPayload::kHomeVisit: {
            std::string needs;
            for (int need : p.home_visit().needs())
                needs += (needs.empty() ? "" : "、") + needName(need);
            return "上门服务 · " + needs;
        }
        case ApplicationPayload::kFollowUp:
            return "差评回访";
        case ApplicationPayload::KIND_NOT_SET:
            break;
    }
    return "";
}

std::string nextStepOf(const ApplicationRow& row) {
    const std::string due = chineseDate(row.dueDay);
    switch (row.state) {
        case APPLICATION_STATE_SUBMITTED:
            if (row.kind == APPLICATION_KIND_APPOINTMENT)
                return "请于" + due + halfDayName(row.payload.appointment().half_day()) +
                       "携带身份证或社保卡到服务窗口办理。";
            if (row.kind == APPLICATION_KIND_HOME_VISIT)
                return "工作人员将在" + due + "前与您电话联系，约定上门时间。";
            return "工作人员将在" + due + "前完成初审，请保持电话畅通。";
        case APPLICATION_STATE_ACCEPTED:
            return "已受理，工作人员正在办理，请留意电话通知。";
        case APPLICATION_STATE_MORE_INFORMATION_NEEDED:
            return "需要补充材料：" + row.reason + "。请携带材料到服务窗口。";
        case APPLICATION_STATE_REJECTED:
            return "未予受理：" + row.reason + "。如有疑问请咨询服务窗口。";
        case APPLICATION_STATE_DONE:
            return "已办结。";
        default:
            return "";
    }
}

google::protobuf::Timestamp timestampOf(std::int64_t micros) {
    return google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(micros);
}

std::string maskPhone(const std::string& phone) {
    if (phone.size() != 11)
        return phone.empty() ? "" : "***";
    return phone.substr(0, 3) + "****" + phone.substr(7);
}

}  // namespace renshe::services::backoffice::applications
