#include "services/backoffice/fleet/fleet_metrics.hpp"

#include <map>
#include <tuple>

#include "drivers/util/clock.hpp"
#include "drivers/util/histogram.hpp"
#include "renshe/v1/applications.pb.h"
#include "renshe/v1/terminal.pb.h"
#include "services/backoffice/fleet/fleet_rules.hpp"

namespace renshe::services::backoffice::fleet {

namespace {

constexpr std::int64_t kHour = 3600LL * 1'000'000;

std::string label(const char* name, const std::string& value) {
    return std::string(name) + "=\"" + util::escapeLabelValue(value) + "\"";
}

const char* roleName(std::int64_t role) {
    return role == renshe::v1::TERMINAL_ROLE_DISPLAY ? "display" : "touch";
}

void header(std::string& out, const char* name, const char* help) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n# TYPE ");
    out.append(name).append(" gauge\n");
}

// Enrolled, unrevoked terminals by service point, role and state; every state of every
// (service point, role) present is written, zeros included, so "none online" is a value.
void terminalsByState(store::Tx& tx, std::string& out, std::int64_t staleBefore) {
    using Key = std::tuple<std::string, std::string, std::string>;  // region, point, role
    std::map<Key, std::map<std::string, std::int64_t>> counts;
    for (const auto& r :
         tx.query("SELECT COALESCE(p.region, e.region), COALESCE(e.service_point_id, ''), e.role, "
                  "CASE WHEN s.terminal_id IS NULL THEN 'never_seen' WHEN s.last_seen < $1 "
                  "THEN 'stale' ELSE 'online' END, COUNT(*) "
                  "FROM terminal_enrolments e "
                  "LEFT JOIN service_points p ON p.id = e.service_point_id "
                  "LEFT JOIN terminal_status s ON s.terminal_id = e.terminal_id "
                  "WHERE e.revoked_at IS NULL GROUP BY 1, 2, 3, 4",
                  {staleBefore})) {
        counts[{r.text(0), r.text(1).empty() ? "none" : r.text(1), roleName(r.integer(2))}]
              [r.text(3)] += r.integer(4);
    }
    header(out, "renshe_terminals",
           "Enrolled terminals by service point, role and state: online, stale (no heartbeat "
           "for the stale period) or never_seen.");
    for (const auto& [key, states] : counts) {
        const auto& [region, point, role] = key;
        for (const char* state : {"online", "stale", "never_seen"}) {
            const auto it = states.find(state);
            out += "renshe_terminals{" + label("region", region) + "," +
                   label("service_point", point) + "," + label("role", role) + "," +
                   label("state", state) + "} " +
                   std::to_string(it == states.end() ? 0 : it->second) + "\n";
        }
    }
}

void outboxes(store::Tx& tx, std::string& out) {
    header(out, "renshe_outbox_waiting",
           "Writes queued in terminals' outboxes (loss reports, certifications made offline), "
           "as their last heartbeats said, by region.");
    for (const auto& r : tx.query("SELECT region, SUM(pending_outbox) FROM terminal_status "
                                  "GROUP BY region HAVING SUM(pending_outbox) > 0"))
        out += "renshe_outbox_waiting{" + label("region", r.text(0)) + "} " +
               std::to_string(r.integer(1)) + "\n";
    header(out, "renshe_terminal_outbox_needs_staff",
           "Outbox entries a terminal could not deliver and a clerk must handle (only terminals "
           "with some).");
    for (const auto& r :
         tx.query("SELECT s.terminal_id, s.region, COALESCE(e.service_point_id, ''), "
                  "s.outbox_needs_staff FROM terminal_status s "
                  "LEFT JOIN terminal_enrolments e ON e.terminal_id = s.terminal_id "
                  "WHERE s.outbox_needs_staff > 0 ORDER BY s.terminal_id"))
        out += "renshe_terminal_outbox_needs_staff{" + label("region", r.text(1)) + "," +
               label("service_point", r.text(2).empty() ? "none" : r.text(2)) + "," +
               label("terminal", r.text(0)) + "} " + std::to_string(r.integer(3)) + "\n";
}

void certifications(store::Tx& tx, std::string& out, std::int64_t now) {
    std::map<std::string, std::int64_t> byRegion;
    std::string busy;
    for (const auto& r :
         tx.query("SELECT substr(c.terminal, 7), COALESCE(e.region, ''), "
                  "COALESCE(e.service_point_id, ''), COUNT(*) FROM certifications c "
                  "LEFT JOIN terminal_enrolments e ON e.terminal_id = substr(c.terminal, 7) "
                  "WHERE c.certified_at > $1 AND c.terminal LIKE 'touch:%' GROUP BY 1, 2, 3 "
                  "ORDER BY 1",
                  {now - kHour})) {
        byRegion[r.text(1)] += r.integer(3);
        if (r.integer(3) >= kBusyTerminalCertifications)
            busy += "renshe_terminal_certifications_last_hour{" + label("region", r.text(1)) + "," +
                    label("service_point", r.text(2).empty() ? "none" : r.text(2)) + "," +
                    label("terminal", r.text(0)) + "} " + std::to_string(r.integer(3)) + "\n";
    }
    header(out, "renshe_certifications_last_hour",
           "Pension certifications (养老资格认证) recorded in the last hour, by the terminal's "
           "region.");
    for (const auto& [region, n] : byRegion)
        out += "renshe_certifications_last_hour{" + label("region", region) + "} " +
               std::to_string(n) + "\n";
    header(out, "renshe_terminal_certifications_last_hour",
           "Pension certifications a terminal recorded in the last hour (only terminals with at "
           "least 10).");
    out += busy;
}

// 好差评 this month (China time) by service point, service and level, and what waits for the
// staff: open follow-ups of poor ratings and open help requests by service point.
void feedback(store::Tx& tx, std::string& out, std::int64_t now) {
    const std::string day = util::chinaDate(now);  // YYYYMMDD
    const std::int64_t month = std::stoll(day.substr(0, 6));
    header(out, "renshe_ratings_this_month",
           "好差评 ratings made at terminals this month (China time), by service point, service "
           "(card, certification, records, applications, jobs) and level (1 very dissatisfied .. "
           "5 very satisfied).");
    static const char* const kServices[] = {"unspecified", "card",         "certification",
                                            "records",     "applications", "jobs"};
    for (const auto& r :
         tx.query("SELECT region, service_point_id, service, level, COUNT(*) FROM ratings WHERE "
                  "month = $1 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
                  {month})) {
        const auto service = r.integer(2);
        out += "renshe_ratings_this_month{" + label("region", r.text(0)) + "," +
               label("service_point", r.text(1).empty() ? "none" : r.text(1)) + "," +
               label("service", service >= 0 && service <= 5 ? kServices[service] : "other") + "," +
               label("level", std::to_string(r.integer(3))) + "} " + std::to_string(r.integer(4)) +
               "\n";
    }
    header(out, "renshe_help_requests_open",
           "请工作人员帮助 requests raised at terminals and not yet answered, by service point.");
    for (const auto& r :
         tx.query("SELECT region, service_point_id, COUNT(*) FROM help_requests WHERE open = 1 "
                  "GROUP BY 1, 2 ORDER BY 1, 2")) {
        out += "renshe_help_requests_open{" + label("region", r.text(0)) + "," +
               label("service_point", r.text(1).empty() ? "none" : r.text(1)) + "} " +
               std::to_string(r.integer(2)) + "\n";
    }
    header(out, "renshe_applications_overdue",
           "Applications (and follow-ups of poor ratings) not finished by their due date, by "
           "region.");
    for (const auto& r :
         tx.query("SELECT region, COUNT(*) FROM applications WHERE state <> $2 AND state <> $3 AND "
                  "due_day < $1 GROUP BY 1 ORDER BY 1",
                  {std::stoll(day), std::int64_t{renshe::v1::APPLICATION_STATE_REJECTED},
                   std::int64_t{renshe::v1::APPLICATION_STATE_DONE}})) {
        out += "renshe_applications_overdue{" + label("region", r.text(0)) + "} " +
               std::to_string(r.integer(1)) + "\n";
    }
}

}  // namespace

std::string renderFleetMetrics(store::Tx& tx, const Policy& policy, std::int64_t now) {
    std::string out;
    terminalsByState(tx, out, now - staleAfterMicros(policy));
    outboxes(tx, out);
    certifications(tx, out, now);
    feedback(tx, out, now);
    return out;
}

}  // namespace renshe::services::backoffice::fleet
