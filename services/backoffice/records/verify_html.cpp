#include "services/backoffice/records/verify_html.hpp"

#include <cstdio>

#include "drivers/util/clock.hpp"
#include "services/backoffice/records/record_rows.hpp"

namespace renshe::services::backoffice::records {

using namespace renshe::v1;

namespace {

constexpr std::string_view kHead =
    "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<title>社会保险证明核验</title><style>"
    "body{font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;margin:0;background:#f4f6f8;"
    "color:#1a1a1a;font-size:18px;line-height:1.6}"
    "main{max-width:760px;margin:0 auto;padding:24px;background:#fff;min-height:100vh}"
    "h1{font-size:26px;margin:0 0 16px}h2{font-size:20px;margin:24px 0 8px}"
    ".verdict{font-size:22px;font-weight:bold;padding:14px 18px;border-radius:6px;margin:0 0 16px}"
    ".ok{background:#e3f4e8;color:#0b5d1e;border:2px solid #0b5d1e}"
    ".bad{background:#fde8e8;color:#8a1111;border:2px solid #8a1111}"
    ".warn{background:#fff4dc;color:#6b4500;border:2px solid #6b4500}"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}"
    "dt{color:#555}dd{margin:0}table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #ccc;padding:6px 8px;text-align:left}th{background:#eef1f4}"
    "label{display:block;margin:12px 0 4px}input{font-size:20px;padding:6px;width:100%;"
    "box-sizing:border-box}button{font-size:20px;margin-top:16px;padding:8px 24px}"
    "footer{margin-top:24px;color:#555;font-size:15px}"
    "</style></head><body><main><h1>社会保险证明核验</h1>\n";
constexpr std::string_view kFoot =
    "<footer>本页只显示证明上已印的内容，证件号码与姓名已部分隐藏。如有疑问，请持证明到当地人社"
    "服务窗口核实。</footer></main></body></html>\n";

std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

std::string yuan(std::int64_t fen) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%02lld 元", static_cast<long long>(fen / 100),
                  static_cast<long long>(fen % 100));
    return buf;
}

std::string_view statusName(ParticipationStatus s) {
    switch (s) {
        case PARTICIPATION_STATUS_CONTRIBUTING:
            return "正常参保";
        case PARTICIPATION_STATUS_INTERRUPTED:
            return "中断缴费";
        case PARTICIPATION_STATUS_RECEIVING:
            return "领取待遇";
        default:
            return "—";
    }
}

std::string monthsText(int months) {
    const int years = months / 12, rest = months % 12;
    std::string out;
    if (years > 0)
        out += std::to_string(years) + " 年";
    if (rest > 0 || years == 0)
        out += (out.empty() ? "" : " ") + std::to_string(rest) + " 个月";
    return out;
}

void participationTable(const StatementContent& c, std::string& html) {
    html +=
        "<h2>参保情况</h2><table><tr><th>险种</th><th>状态</th><th>首次参保</th>"
        "<th>累计缴费</th><th>最近缴费</th></tr>";
    for (const auto& s : c.insurances()) {
        html += "<tr><td>" + std::string(insuranceTypeName(s.type())) + "</td><td>" +
                std::string(statusName(s.status())) + "</td><td>" + escaped(s.first_month()) +
                "</td><td>" + monthsText(s.paid_months()) + "</td><td>" +
                escaped(s.latest_paid_month().empty() ? "—" : s.latest_paid_month()) + "</td></tr>";
    }
    html += "</table>";
}

// A year's contributions summed per insurance type.
void annualTable(const StatementContent& c, std::string& html) {
    html += "<h2>" + std::to_string(c.year()) +
            " 年缴费</h2><table><tr><th>险种</th><th>已缴月数</th><th>欠缴月数</th>"
            "<th>个人缴纳</th><th>单位缴纳</th></tr>";
    for (int type = INSURANCE_TYPE_EMPLOYEE_PENSION; type <= INSURANCE_TYPE_RESIDENT_MEDICAL;
         ++type) {
        int paid = 0, owed = 0;
        std::int64_t personal = 0, employer = 0;
        for (const auto& r : c.contributions()) {
            if (r.type() != type)
                continue;
            (r.paid() ? paid : owed) += 1;
            personal += r.paid() ? r.personal().fen() : 0;
            employer += r.paid() ? r.employer().fen() : 0;
        }
        if (paid + owed == 0)
            continue;
        html += "<tr><td>" + std::string(insuranceTypeName(type)) + "</td><td>" +
                std::to_string(paid) + "</td><td>" + std::to_string(owed) + "</td><td>" +
                yuan(personal) + "</td><td>" + yuan(employer) + "</td></tr>";
    }
    html += "</table>";
}

void paymentsTable(const StatementContent& c, std::string& html) {
    html += "<h2>" + std::to_string(c.year()) +
            " 年待遇发放</h2><table><tr><th>月份</th><th>待遇</th><th>金额</th></tr>";
    for (const auto& p : c.payments()) {
        html += "<tr><td>" + escaped(p.month()) + "</td><td>" +
                std::string(benefitKindName(p.kind())) + "</td><td>" + yuan(p.amount().fen()) +
                "</td></tr>";
    }
    html += "</table>";
}

}  // namespace

std::string_view statementKindName(int kind) {
    switch (kind) {
        case STATEMENT_KIND_PARTICIPATION:
            return "参保证明";
        case STATEMENT_KIND_ANNUAL_RECORD:
            return "个人权益记录";
        case STATEMENT_KIND_PENSION_PAYMENTS:
            return "养老金发放明细";
        default:
            return "";
    }
}

std::string verifyPageHtml(const StatementCheck& check, std::string_view number) {
    std::string html(kHead);
    switch (check.validity) {
        case STATEMENT_VALIDITY_VALID:
            html +=
                "<p class=\"verdict ok\">✔ 有效：本证明由人社服务平台出具，内容与出具时一致。</p>";
            break;
        case STATEMENT_VALIDITY_WITHDRAWN:
            html += "<p class=\"verdict warn\">✖ 已作废：本证明已于 " +
                    util::chinaDateTime(check.withdrawnAt / 1000000).substr(0, 16) +
                    " 由经办机构撤回，不能再作为证明使用。</p>";
            break;
        case STATEMENT_VALIDITY_TAMPERED:
            html +=
                "<p class=\"verdict bad\">✖ "
                "无效：证明记录与出具时不一致，请到人社服务窗口核实。</p>";
            break;
        default:
            html +=
                "<p class=\"verdict bad\">✖ 无效：没有与此证明编号和校验码相符的证明。请核对编号和"
                "校验码是否输入正确。</p>";
            break;
    }
    const StatementContent& c = check.content;
    if (!c.number().empty()) {
        html += "<dl><dt>证明编号</dt><dd>" + escaped(c.number()) + "</dd><dt>证明类型</dt><dd>" +
                std::string(statementKindName(c.kind())) +
                (c.year() ? "（" + std::to_string(c.year()) + " 年）" : std::string()) +
                "</dd><dt>参保人</dt><dd>" + escaped(c.holder().masked_name()) + "</dd>" +
                "<dt>公民身份号码</dt><dd>" + escaped(c.holder().masked_ssn()) + "</dd>" +
                "<dt>出具时间</dt><dd>" +
                util::chinaDateTime(c.issued_at().seconds()).substr(0, 16) + "</dd>" +
                (c.records_through().empty()
                     ? std::string()
                     : "<dt>记录截至</dt><dd>" + escaped(c.records_through()) + "</dd>") +
                "</dl>";
        if (c.kind() == STATEMENT_KIND_PARTICIPATION)
            participationTable(c, html);
        else if (c.kind() == STATEMENT_KIND_ANNUAL_RECORD)
            annualTable(c, html);
        else if (c.kind() == STATEMENT_KIND_PENSION_PAYMENTS)
            paymentsTable(c, html);
    } else if (normalizeStatementNumber(number)) {
        html +=
            "<dl><dt>证明编号</dt><dd>" + escaped(*normalizeStatementNumber(number)) + "</dd></dl>";
    }
    html += "<p><a href=\"/verify\">核验另一份证明</a></p>";
    html += kFoot;
    return html;
}

std::string verifyFormHtml() {
    std::string html(kHead);
    html +=
        "<p>请输入证明上印的证明编号和校验码，或用手机扫描证明上的二维码。</p>"
        "<form method=\"get\" action=\"/verify\"><label for=\"n\">证明编号（18 位数字）</label>"
        "<input id=\"n\" name=\"n\" inputmode=\"numeric\" maxlength=\"24\" required>"
        "<label for=\"c\">校验码（8 位）</label>"
        "<input id=\"c\" name=\"c\" maxlength=\"12\" required>"
        "<button type=\"submit\">核验</button></form>";
    html += kFoot;
    return html;
}

std::string verifyBusyHtml(int retryAfterSeconds) {
    std::string html(kHead);
    html += "<p class=\"verdict warn\">查询过于频繁，请 " + std::to_string(retryAfterSeconds) +
            " 秒后再试。</p>";
    html += kFoot;
    return html;
}

std::string verifyUnavailableHtml() {
    std::string html(kHead);
    html += "<p class=\"verdict warn\">暂时无法核验，请稍后再试。</p>";
    html += kFoot;
    return html;
}

}  // namespace renshe::services::backoffice::records
