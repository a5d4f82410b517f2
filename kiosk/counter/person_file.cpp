#include "kiosk/counter/person_file.hpp"

#include <QDateTime>
#include <QElapsedTimer>

#include "drivers/idcard/idcard_error.hpp"
#include "drivers/idcard/reader.hpp"
#include "drivers/sscard/id_number.hpp"
#include "drivers/sscard/sscard.hpp"
#include "kiosk/china_time.hpp"
#include "kiosk/counter/counter_card.hpp"
#include "kiosk/counter/staff_text.hpp"
#include "kiosk/records_view.hpp"
#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/counter.grpc.pb.h"

namespace renshe::kiosk::counter {

using namespace renshe::v1;
using services::client::CallResult;
using services::client::unary;

namespace {

QString regionName(const Region& r) {
    const QString code = fromStd(r.division_code() + r.township_code() + r.village_code());
    return r.name().empty() ? code : QStringLiteral("%1（%2）").arg(fromStd(r.name()), code);
}

QVariantMap cardRow(const CardInfo& c) {
    return {{QStringLiteral("number"), fromStd(c.card_number())},
            {QStringLiteral("status"), static_cast<int>(c.status())},
            {QStringLiteral("statusText"), StaffText::cardStatus(c.status())},
            {QStringLiteral("issued"), StaffText::date(c.issue_date())},
            {QStringLiteral("expiry"), StaffText::date(c.expiry_date())},
            {QStringLiteral("expired"), c.expired()},
            {QStringLiteral("since"), StaffText::time(c.status_since())}};
}

}  // namespace

void PersonFile::setLink(std::shared_ptr<StaffLink> link) {
    m_link = std::move(link);
    if (!m_link)
        clear();
}

void PersonFile::clear() {
    m_async.invalidate();
    m_state = State::Empty;
    m_message.clear();
    m_fieldError.clear();
    m_operationMessage.clear();
    m_person.Clear();
    m_enrolled.clear();
    m_summary.clear();
    m_certification.clear();
    m_cards.clear();
    m_history.clear();
    m_certifications.clear();
    m_applications.clear();
    m_insurances.clear();
    m_revealed = false;
    m_operating = false;
    m_operationSucceeded = false;
    Q_EMIT changed();
}

bool PersonFile::requireOnline(QString* into) {
    if (m_link && m_link->online())
        return true;
    *into = StaffMessages::offline();
    Q_EMIT changed();
    return false;
}

void PersonFile::searchById(const QString& idNumber) {
    QString id = idNumber.simplified().remove(QLatin1Char(' ')).toUpper();
    m_fieldError.clear();
    if (id.isEmpty()) {
        m_fieldError = tr("请输入18位身份证号码");
        Q_EMIT changed();
        return;
    }
    if (drivers::sscard::validateIdNumber(id.toStdString())) {
        m_fieldError = tr("身份证号码不正确（应为18位，末位为校验码）");
        Q_EMIT changed();
        return;
    }
    if (!requireOnline(&m_message))
        return;
    GetPersonFileRequest request;
    request.mutable_person()->set_ssn(id.toStdString());
    load(request);
}

void PersonFile::searchByCard() {
    if (!requireOnline(&m_message))
        return;
    m_async.invalidate();
    m_state = State::ReadingCard;
    m_message.clear();
    m_fieldError.clear();
    Q_EMIT changed();
    auto number = std::make_shared<std::string>();
    auto problem = std::make_shared<QString>();
    m_async.run(
        [number, problem] {
            *problem = CounterCard::use([&](drivers::sscard::SocialSecurityCard& app) {
                *number = app.readCardData().cardNumber;
            });
        },
        [this, number, problem] {
            if (!problem->isEmpty())
                return fail(*problem);
            GetPersonFileRequest request;
            request.mutable_person()->set_card_number(*number);
            load(request);
        });
}

void PersonFile::searchByIdCard() {
    if (m_idCardDevice.empty() || !requireOnline(&m_message))
        return;
    m_async.invalidate();
    m_state = State::ReadingCard;
    m_message.clear();
    m_fieldError.clear();
    Q_EMIT changed();
    auto number = std::make_shared<std::string>();
    auto problem = std::make_shared<QString>();
    m_async.run(
        [device = m_idCardDevice, number, problem] {
            try {
                drivers::idcard::Reader reader(
                    std::make_unique<drivers::idcard::SerialLink>(device));
                auto card = reader.read();
                *number = card.text.idNumber;
                card.cleanse();
            } catch (const drivers::idcard::IdCardError& e) {
                using drivers::idcard::Problem;
                *problem = e.problem() == Problem::NoCard ? tr("请把身份证放在阅读器上")
                           : e.problem() == Problem::NoReader ? tr("身份证阅读器没有连接")
                           : e.problem() == Problem::CardRejected
                               ? tr("身份证未通过验证")
                               : tr("读身份证失败，请重放后再试");
            }
        },
        [this, number, problem] {
            if (!problem->isEmpty())
                return fail(*problem);
            GetPersonFileRequest request;
            request.mutable_person()->set_ssn(*number);
            std::fill(number->begin(), number->end(), '\0');
            load(request);
        });
}

void PersonFile::reload() {
    if (m_person.key_case() == PersonRef::KEY_NOT_SET || !requireOnline(&m_message))
        return;
    GetPersonFileRequest request;
    *request.mutable_person() = m_person;
    load(request);
}

void PersonFile::reveal(const QString& reason) {
    if (reason.trimmed().isEmpty()) {
        m_message = tr("查看完整身份信息须填写原因");
        Q_EMIT changed();
        return;
    }
    if (m_person.key_case() == PersonRef::KEY_NOT_SET || !requireOnline(&m_message))
        return;
    GetPersonFileRequest request;
    *request.mutable_person() = m_person;
    request.set_reveal(true);
    request.set_reveal_reason(reason.trimmed().toStdString());
    load(request);
}

void PersonFile::hide() {
    if (!m_revealed)
        return;
    m_revealed = false;
    m_summary.remove(QStringLiteral("fullSsn"));
    m_summary.remove(QStringLiteral("fullName"));
    Q_EMIT changed();
}

void PersonFile::load(const GetPersonFileRequest& request) {
    m_async.invalidate();  // an operation under way is done; the new page shows its outcome
    m_operating = false;
    m_state = State::Loading;
    m_message.clear();
    Q_EMIT changed();
    auto link = m_link;
    auto response = std::make_shared<GetPersonFileResponse>();
    auto result = std::make_shared<CallResult>();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_async.run(
        [link, request, response, result] {
            *result = unary<CounterService>(link->keeper(), &CounterService::Stub::GetPersonFile,
                                            request, response.get());
        },
        [this, request, response, result, timer] {
            if (!result->ok()) {
                fail(StaffMessages::text(*result));
                return;
            }
            m_person = request.person();
            show(*response);
            m_lastLoadMs = static_cast<int>(timer->elapsed());
            Q_EMIT changed();
        });
}

void PersonFile::fail(const QString& message) {
    m_state = State::Failed;
    m_message = message;
    Q_EMIT changed();
}

void PersonFile::show(const GetPersonFileResponse& file) {
    const auto& p = file.person();
    m_revealed = file.has_revealed();
    m_summary = {{QStringLiteral("maskedSsn"), fromStd(p.person().masked_ssn())},
                 {QStringLiteral("maskedName"), fromStd(p.person().masked_name())},
                 {QStringLiteral("region"), regionName(p.region())},
                 {QStringLiteral("pensionSince"), StaffText::date(p.pension_first_payment())},
                 {QStringLiteral("servicePassword"), p.service_password_set()}};
    if (m_revealed) {
        m_summary.insert(QStringLiteral("fullSsn"), fromStd(file.revealed().ssn()));
        m_summary.insert(QStringLiteral("fullName"), fromStd(file.revealed().name()));
    }
    m_cards.clear();
    for (const auto& c : p.cards())
        m_cards.append(cardRow(c));
    m_history.clear();
    for (const auto& h : p.history())
        m_history.append(
            QVariantMap{{QStringLiteral("at"), StaffText::time(h.at())},
                        {QStringLiteral("card"), fromStd(h.card_number())},
                        {QStringLiteral("from"), StaffText::cardStatus(h.from_status())},
                        {QStringLiteral("to"), StaffText::cardStatus(h.to_status())},
                        {QStringLiteral("actor"), fromStd(h.actor())},
                        {QStringLiteral("reason"), fromStd(h.reason())}});
    const auto& c = file.certification();
    QStringList fingers;
    QVariantList fingerCodes;
    m_enrolled.clear();
    for (int f : c.enrolled_fingers()) {
        fingers << StaffText::finger(f);
        fingerCodes << f;
        m_enrolled << f;
    }
    m_certification = {{QStringLiteral("state"), static_cast<int>(c.state())},
                       {QStringLiteral("stateText"), StaffText::certificationState(c.state())},
                       {QStringLiteral("pension"), StaffText::pensionStatus(c.pension())},
                       {QStringLiteral("until"), StaffText::date(c.certified_until())},
                       {QStringLiteral("last"), StaffText::time(c.last_certified_at())},
                       {QStringLiteral("fingers"), fingers.join(QStringLiteral("、"))},
                       {QStringLiteral("fingerCodes"), fingerCodes}};
    m_certifications.clear();
    for (const auto& e : file.certifications())
        m_certifications.append(
            QVariantMap{{QStringLiteral("at"), StaffText::time(e.certified_at())},
                        {QStringLiteral("terminal"), fromStd(e.terminal_id())},
                        {QStringLiteral("resumed"), e.resumed()}});
    m_applications.clear();
    for (const auto& a : file.applications())
        m_applications.append(
            QVariantMap{{QStringLiteral("number"), fromStd(a.number())},
                        {QStringLiteral("kind"), StaffText::applicationKind(a.kind())},
                        {QStringLiteral("state"), StaffText::applicationState(a.state())},
                        {QStringLiteral("summary"), fromStd(a.summary())},
                        {QStringLiteral("submitted"), StaffText::time(a.submitted_at())},
                        {QStringLiteral("due"), StaffText::date(a.due_date())},
                        {QStringLiteral("overdue"), a.overdue()}});
    m_insurances.clear();
    const QString thisMonth =
        chinaTime(QDateTime::currentSecsSinceEpoch()).toString(QStringLiteral("yyyy-MM"));
    for (const auto& i : file.insurances())
        m_insurances.append(
            QVariantMap{{QStringLiteral("type"), RecordsView::typeName(i.type())},
                        {QStringLiteral("since"), fromStd(i.first_month())},
                        {QStringLiteral("line"), RecordsView::summaryLine(i, thisMonth)},
                        {QStringLiteral("owed"), i.owed_months() > 0}});
    m_state = State::Loaded;
}

void PersonFile::resetOperation() {
    if (m_operating)
        return;
    m_operationMessage.clear();
    m_operationSucceeded = false;
    Q_EMIT changed();
}

QStringList PersonFile::operationsFor(int cardStatus) const {
    switch (cardStatus) {
        case CARD_STATUS_ACTIVE:
            return {QStringLiteral("formal_loss"), QStringLiteral("replacement"),
                    QStringLiteral("cancel")};
        case CARD_STATUS_TEMP_LOST:
            return {QStringLiteral("formal_loss"), QStringLiteral("lift_loss"),
                    QStringLiteral("replacement"), QStringLiteral("cancel")};
        case CARD_STATUS_LOST:
            return {QStringLiteral("lift_loss"), QStringLiteral("replacement"),
                    QStringLiteral("cancel")};
        case CARD_STATUS_ISSUED:  // 协助启用: the citizen sets the PIN on the counter's pad
            return {QStringLiteral("activate"), QStringLiteral("cancel")};
        case CARD_STATUS_REPLACEMENT_REQUESTED:
            return {QStringLiteral("cancel")};
        default:
            return {};
    }
}

void PersonFile::operate(const QString& operation, const QString& cardNumber,
                         const QString& reason) {
    using Method = grpc::Status (AdminService::Stub::*)(
        grpc::ClientContext*, const CardOperationRequest&, CardOperationResponse*);
    Method method = nullptr;
    if (operation == QStringLiteral("formal_loss"))
        method = &AdminService::Stub::RecordFormalLoss;
    else if (operation == QStringLiteral("lift_loss"))
        method = &AdminService::Stub::LiftLoss;
    else if (operation == QStringLiteral("replacement"))
        method = &AdminService::Stub::RequestReplacement;
    else if (operation == QStringLiteral("cancel"))
        method = &AdminService::Stub::CancelCard;
    m_operationSucceeded = false;
    if (!method || cardNumber.isEmpty()) {
        m_operationMessage = tr("未知的操作");
        Q_EMIT changed();
        return;
    }
    if (reason.trimmed().isEmpty()) {
        m_operationMessage = tr("请填写办理原因（例如：本人持身份证申请）");
        Q_EMIT changed();
        return;
    }
    if (m_operating || !requireOnline(&m_operationMessage))
        return;
    CardOperationRequest request;
    // One request id for the action: the call's own retries reach the back office once.
    request.set_request_id(services::client::newRequestId());
    request.set_card_number(cardNumber.toStdString());
    request.set_reason(reason.trimmed().toStdString());
    m_operating = true;
    m_operationMessage.clear();
    Q_EMIT changed();
    auto link = m_link;
    auto result = std::make_shared<CallResult>();
    auto response = std::make_shared<CardOperationResponse>();
    m_async.run(
        [link, request, method, result, response] {
            *result = services::client::unaryWithRetries<AdminService>(link->keeper(), method,
                                                                       request, response.get(), 2);
        },
        [this, result, response] {
            m_operating = false;
            m_operationSucceeded = result->ok();
            m_operationMessage = result->ok()
                                     ? tr("已办理：卡号 %1 现为“%2”")
                                           .arg(fromStd(response->card().card_number()),
                                                StaffText::cardStatus(response->card().status()))
                                     : StaffMessages::text(*result);
            Q_EMIT changed();
            if (result->ok())
                reload();
        });
}

}  // namespace renshe::kiosk::counter
