#include "kiosk/applications/applications_flow.hpp"

#include <QVariantMap>

#include "kiosk/idcard_messages.hpp"
#include "kiosk/messages.hpp"
#include "kiosk/outbox.hpp"
#include "kiosk/pin_entry.hpp"
#include "kiosk/receipt.hpp"
#include "renshe/v1/applications.grpc.pb.h"

namespace renshe::kiosk {

using namespace renshe::v1;
namespace client = services::client;
namespace sscard = drivers::sscard;

namespace {
constexpr std::size_t kPhoneDigits = 11;
constexpr std::size_t kNumberDigits = 14;
constexpr int kSlotDays = 14;
constexpr qsizetype kShortestAddress = 4;  // as the back office checks it

bool isMobile(const std::string& d) {
    return d.size() == kPhoneDigits && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}
}  // namespace

ApplicationsFlow::ApplicationsFlow(std::shared_ptr<client::ChannelKeeper> backoffice,
                                   ReceiptPrinter* receipts, Outbox* outbox, QObject* parent)
    : QObject(parent),
      m_backoffice(std::move(backoffice)),
      m_receipts(receipts),
      m_outbox(outbox),
      m_text(30) {
    connect(&m_text, &PinyinInput::changed, this, &ApplicationsFlow::changed);
    connect(&m_id, &IdNumberEntry::changed, this, &ApplicationsFlow::changed);
}

ApplicationsFlow::~ApplicationsFlow() {
    wipe();
}

QString ApplicationsFlow::title() const {
    switch (m_kind) {
        case Kind::Unemployment:
            return tr("失业登记");
        case Kind::Employment:
            return tr("就业登记");
        case Kind::Appointment:
            return tr("预约办事");
        case Kind::HomeVisit:
            return tr("上门服务申请");
        case Kind::Job:
            return tr("我要应聘：%1").arg(m_jobTitle);
        case Kind::Lookup:
            return tr("办理进度查询");
        case Kind::None:
            break;
    }
    return tr("业务申请");
}

QString ApplicationsFlow::prompt() const {
    switch (m_step) {
        case Step::Choose:
            return tr("请选择要办理的业务");
        case Step::Working:
            if (m_pageId == "slot")
                return tr("正在查询可预约的时间，请稍候…");
            return m_kind == Kind::Lookup ? tr("正在查询，请稍候…") : tr("正在提交，请稍候…");
        case Step::Done:
            return m_queued ? tr("申请已保存，网络恢复后自动提交") : tr("提交成功");
        case Step::Status:
            return tr("办理进度");
        default:
            return pageInfo(m_pageId).question;
    }
}

QString ApplicationsFlow::progress() const {
    if (m_step == Step::Choose || m_step == Step::Done || m_step == Step::Status ||
        m_step == Step::Working || m_step == Step::Confirm)
        return QString();
    // A name follows its ID number within the same step.
    std::vector<std::string> steps;
    std::size_t current = 0;
    const auto all = pages();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const bool sameStep = all[i] == "name" || all[i] == "relName";
        if (all[i] == "confirm")
            break;
        if (!sameStep)
            steps.push_back(all[i]);
        if (i == m_page)
            current = steps.size();
    }
    return tr("第%1步，共%2步").arg(current).arg(steps.size());
}

QString ApplicationsFlow::digits() const {
    QString out;
    for (std::size_t i = 0; i < m_digits.size(); ++i) {
        // A phone 3-4-4, a number 8-6: the way they are read aloud and printed.
        const bool gap = m_pageId == "phone" ? (i == 3 || i == 7) : (i == 8);
        if (gap)
            out += QLatin1Char(' ');
        out += QLatin1Char(m_digits[i]);
    }
    return out;
}

bool ApplicationsFlow::canSkip() const {
    return (m_step == Step::Digits || m_step == Step::Text) && pageInfo(m_pageId).optional;
}

void ApplicationsFlow::start(Kind kind) {
    const auto card = m_card;
    reset();
    m_card = card;
    if (kind == Kind::None || kind == Kind::Job)
        return;
    m_kind = kind;
    if (kind == Kind::Lookup && m_card) {
        lookUpMine();
        return;
    }
    show(0);
}

void ApplicationsFlow::startJob(const QString& jobId, const QString& jobTitle) {
    reset();
    m_kind = Kind::Job;
    m_jobId = jobId;
    m_jobTitle = jobTitle;
    show(0);
}

void ApplicationsFlow::useCard(const InsertedCard& card, const google::protobuf::Timestamp& at) {
    reset();
    CardHolderProof proof;
    *proof.mutable_card() = card;
    *proof.mutable_pin_verified_at() = at;
    m_card = proof;
    Q_EMIT changed();
}

void ApplicationsFlow::show(std::size_t page) {
    const auto all = pages();
    m_page = std::min(page, all.size() - 1);
    m_pageId = all[m_page];
    const Page info = pageInfo(m_pageId);
    m_step = info.step;
    m_options = markedOptions();
    m_digits.clear();
    m_text.clear();
    if (m_step == Step::IdNumber)
        m_id.clear();
    if (m_step == Step::Confirm)
        m_summary = confirmLines();
    if (m_pageId == "slot" && m_slots.empty()) {
        fetchSlots();
        return;
    }
    Q_EMIT changed();
}

void ApplicationsFlow::idKey(const QString& key) {
    if (m_step == Step::IdNumber)
        m_id.key(key);
}

void ApplicationsFlow::idBackspace() {
    if (m_step == Step::IdNumber)
        m_id.backspace();
}

void ApplicationsFlow::digitKey(const QString& key) {
    const std::size_t max = m_pageId == "phone" ? kPhoneDigits : kNumberDigits;
    if (m_step != Step::Digits || key.size() != 1 || !key[0].isDigit() || m_digits.size() >= max)
        return;
    m_digits += static_cast<char>(key[0].toLatin1());
    m_message.clear();
    Q_EMIT changed();
}

void ApplicationsFlow::digitBackspace() {
    if (m_step == Step::Digits && !m_digits.empty()) {
        m_digits.pop_back();
        Q_EMIT changed();
    }
}

void ApplicationsFlow::choose(const QString& optionId) {
    if (m_step != Step::Choice)
        return;
    const auto eq = optionId.indexOf(QLatin1Char('='));
    const std::string key = optionId.left(eq).toStdString();
    const QString value = optionId.mid(eq + 1);
    const Page page = pageInfo(m_pageId);
    if (eq < 0 || std::find(page.groups.begin(), page.groups.end(), key) == page.groups.end())
        return;
    const QVariantList answers = questionOf(key).options;
    const bool offered = std::any_of(answers.begin(), answers.end(), [&](const QVariant& o) {
        return o.toMap().value(QStringLiteral("value")).toString() == value;
    });
    if (!offered)
        return;
    m_answers[key] = value.toStdString();
    m_message.clear();
    m_error = false;
    // The page is done when each of its questions has an answer.
    const bool done = std::all_of(page.groups.begin(), page.groups.end(),
                                  [this](const std::string& g) { return m_answers.count(g) > 0; });
    if (done) {
        show(m_page + 1);
        return;
    }
    m_options = markedOptions();
    Q_EMIT changed();
}

QVariantList ApplicationsFlow::markedOptions() const {
    QVariantList out;
    const Page page = pageInfo(m_pageId);
    if (page.step != Step::Choice)
        return out;
    std::size_t group = 0;
    for (const auto& o : page.options) {
        QVariantMap m = o.toMap();
        if (m.contains(QStringLiteral("header"))) {
            if (page.groups.size() > 1)
                out << m;  // one question alone is the page's prompt
            continue;
        }
        // Options follow their header: the group is the count of headers seen minus one.
        if (page.groups.size() > 1) {
            int headers = 0;
            for (const auto& h : page.options) {
                if (h.toMap().contains(QStringLiteral("header")))
                    ++headers;
                if (&h == &o)
                    break;
            }
            group = static_cast<std::size_t>(std::max(0, headers - 1));
        }
        const std::string& key = page.groups.at(group);
        const QString value = m.value(QStringLiteral("value")).toString();
        const auto it = m_answers.find(key);
        m[QStringLiteral("id")] = QString::fromStdString(key) + QLatin1Char('=') + value;
        m[QStringLiteral("selected")] = it != m_answers.end() && it->second == value.toStdString();
        out << m;
    }
    return out;
}

bool ApplicationsFlow::takeAnswer() {
    switch (m_step) {
        case Step::IdNumber:
            if (const auto problem = m_id.problem()) {
                fail(*problem);
                return false;
            }
            m_answers[m_pageId] = m_id.value();
            return true;
        case Step::Name:
        case Step::Text:
            if (m_text.text().trimmed().isEmpty()) {
                fail(m_step == Step::Name ? tr("请先输入姓名") : tr("请先输入内容"));
                return false;
            }
            if (m_pageId == "address" && m_text.text().trimmed().size() < kShortestAddress) {
                fail(tr("地址太短，工作人员找不到：请写上村、组和门牌"));
                return false;
            }
            m_answers[m_pageId] = m_text.text().trimmed().toStdString();
            return true;
        case Step::Digits:
            if (m_pageId == "phone" && !isMobile(m_digits)) {
                fail(tr("请输入11位手机号码"));
                return false;
            }
            if (m_pageId == "number" && m_digits.size() != kNumberDigits) {
                fail(tr("申请编号是14位数字，请核对回执"));
                return false;
            }
            m_answers[m_pageId] = m_digits;
            return true;
        case Step::Choice:
            fail(tr("请点选一项"));
            return false;
        default:
            return true;
    }
}

void ApplicationsFlow::next() {
    if (m_step == Step::Done || m_step == Step::Status) {
        reset();
        return;
    }
    if (m_step == Step::Choose || m_step == Step::Working)
        return;
    if (m_step == Step::Confirm) {
        submit();
        return;
    }
    if (!takeAnswer())
        return;
    m_message.clear();
    m_error = false;
    if (m_kind == Kind::Lookup && m_pageId == "id") {
        lookUp();
        return;
    }
    show(m_page + 1);
}

void ApplicationsFlow::skip() {
    if (!canSkip())
        return;
    m_answers.erase(m_pageId);
    show(m_page + 1);
}

void ApplicationsFlow::back() {
    if (m_step == Step::Working)
        return;
    m_message.clear();
    m_error = false;
    if (m_step == Step::Choose || m_step == Step::Done || m_step == Step::Status || m_page == 0) {
        const auto card = m_card;
        reset();
        m_card = card;  // the card's holder stays proved while the card is in
        Q_EMIT changed();
        return;
    }
    // A page read from an ID card goes back with its name page.
    if (m_pageId == "reason" || m_pageId == "forWhom")
        m_answers.erase("idcard");
    show(m_page - 1);
}

void ApplicationsFlow::fail(const QString& text) {
    m_message = text;
    m_error = true;
    Q_EMIT changed();
}

void ApplicationsFlow::setIdCardReaderReady(bool ready) {
    if (m_idCardReady != ready) {
        m_idCardReady = ready;
        Q_EMIT changed();
    }
}

void ApplicationsFlow::useIdCard(const drivers::idcard::IdCardText& card,
                                 const std::string& today) {
    if (m_step != Step::IdNumber)
        return;
    if (drivers::idcard::isExpired(card, today)) {
        fail(IdCardMessages::expired(card.validUntil));
        return;
    }
    const bool relative = m_pageId == "relId";
    m_answers[m_pageId] = card.idNumber;
    m_answers[relative ? "relName" : "name"] = card.name;
    // (assign(1, '1'): GCC 12's -Wrestrict misreads `= "1"` here at -O2)
    m_answers[relative ? "relIdcard" : "idcard"].assign(1, '1');
    m_message = IdCardMessages::read(card.name);
    m_error = false;
    // The name page is gone from the list now: the page after the number is the next one.
    const auto all = pages();
    const auto at = std::find(all.begin(), all.end(), relative ? "relId" : "id") - all.begin();
    const QString read = m_message;
    show(static_cast<std::size_t>(at) + 1);
    m_message = read;
    Q_EMIT changed();
}

void ApplicationsFlow::showIdCardProblem(drivers::idcard::Problem p) {
    if (m_step != Step::IdNumber)
        return;
    if (const QString text = IdCardMessages::problem(p); !text.isEmpty())
        fail(text);
}

void ApplicationsFlow::fetchSlots() {
    m_step = Step::Working;
    Q_EMIT changed();
    if (!m_backoffice) {
        fail(CitizenMessages::text(client::CitizenMessage::NetworkDown));
        show(m_page - 1);
        return;
    }
    ListFreeSlotsRequest req;
    req.set_service(static_cast<AppointmentService>(std::atoi(m_answers["service"].c_str())));
    req.set_days(kSlotDays);
    auto resp = std::make_shared<ListFreeSlotsResponse>();
    auto result = std::make_shared<client::CallResult>();
    auto keeper = m_backoffice;
    m_async.run(
        [=] {
            *result = client::unary<ApplicationService>(
                *keeper, &ApplicationService::Stub::ListFreeSlots, req, resp.get());
        },
        [this, resp, result] {
            m_slots.assign(resp->slots().begin(), resp->slots().end());
            if (!result->ok() || m_slots.empty()) {
                m_answers.erase("service");
                show(m_page - 1);
                fail(result->ok() ? tr("近两周这项业务已约满，请选择其他业务或到窗口咨询")
                                  : CitizenMessages::text(*result));
                return;
            }
            show(m_page);
        });
}

void ApplicationsFlow::reset() {
    // Leaving a done page (返回首页, the idle timeout) is when the rating is offered: the
    // number and the slip come first.
    const bool leavingDone = m_step == Step::Done;
    m_async.invalidate();
    wipe();
    m_step = Step::Choose;
    m_kind = Kind::None;
    m_page = 0;
    m_pageId.clear();
    m_options.clear();
    m_slots.clear();
    m_jobId.clear();
    m_jobTitle.clear();
    m_message.clear();
    m_error = false;
    m_summary.clear();
    m_number.clear();
    m_queued = false;
    m_slipLines.clear();
    m_card.reset();  // the card's holder is proved again for the next application
    Q_EMIT changed();
    if (leavingDone)
        Q_EMIT completed();
}

void ApplicationsFlow::wipe() {
    for (auto& [id, answer] : m_answers)
        PinEntry::wipe(answer);
    m_answers.clear();
    PinEntry::wipe(m_digits);
    m_id.clear();
    m_text.clear();
}

bool ApplicationsFlow::printSlip() {
    if (m_step != Step::Done || !m_receipts || m_slipLines.isEmpty())
        return false;
    return m_receipts->print(m_queued ? tr("业务申请凭条（待提交）") : tr("业务申请回执"),
                             m_slipLines);
}

}  // namespace renshe::kiosk
