#include "kiosk/counter/activation.hpp"

#include "drivers/sscard/id_number.hpp"
#include "kiosk/card/flows.hpp"
#include "kiosk/card/grpc_back_office.hpp"
#include "kiosk/card/sscard_port.hpp"
#include "kiosk/counter/counter_card.hpp"
#include "kiosk/pin_rules.hpp"
#include "renshe/v1/card.grpc.pb.h"

namespace renshe::kiosk::counter {

using namespace renshe::v1;
namespace sscard = drivers::sscard;
using card::MessageId;

namespace {

// The activation's report, kept (not on disk) while the back office cannot be told.
class HeldReport : public card::OutboxPort {
public:
    void enqueue(const std::string& /*method*/, const std::string& /*requestId*/,
                 const std::string& serializedRequest) override {
        serialized = serializedRequest;
    }
    std::string serialized;
};

InsertedCard insertedOf(const sscard::CardData& data) {
    InsertedCard c;
    c.set_card_identifier(std::string(data.cardIdentifier.begin(), data.cardIdentifier.end()));
    c.set_card_number(data.cardNumber);
    c.set_ssn(data.ssn);
    return c;
}

}  // namespace

Activation::Activation(int idleSeconds, QObject* parent) : QObject(parent) {
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleSeconds * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_step == Step::NewPin || m_step == Step::ConfirmPin || m_step == Step::ServicePassword)
            fail(tr("市民长时间未输入，已取消启用，卡片没有改变"), tr("操作超时，请重新办理"));
    });
    connect(&m_pin, &PinEntry::lengthChanged, this, [this] {
        if (m_idle.isActive())
            m_idle.start();
    });
}

Activation::~Activation() {
    wipeSecrets();
    card::wipe(m_heldReport);
}

void Activation::setLink(std::shared_ptr<StaffLink> link) {
    m_link = std::move(link);
    if (!m_link && m_step != Step::Working) {
        // Signed out or locked: nothing typed survives. A held report stays (it has no
        // secret in clear) and goes out with the next sign-in.
        m_async.invalidate();
        wipeSecrets();
        m_citizenMessage.clear();
        m_staffMessage.clear();
        setStep(Step::Idle);
    }
}

bool Activation::citizenWindow() const {
    return m_citizenStarted && m_step != Step::Idle;
}

QString Activation::prompt() const {
    switch (m_step) {
        case Step::NewPin:
            return tr("请设置6位新密码");
        case Step::ConfirmPin:
            return tr("请再次输入新密码");
        case Step::ServicePassword:
            return tr("请设置6位服务密码（挂失时使用，不能与卡密码相同）");
        case Step::Working:
            return tr("正在办理，请不要拔卡…");
        case Step::Done:
            return tr("社保卡已启用，请牢记您的新密码");
        default:
            return {};
    }
}

QString Activation::stepText() const {
    switch (m_step) {
        case Step::ReadingCard:
            return tr("正在读卡…");
        case Step::NewPin:
            return tr("请市民在密码键盘上设置6位新密码（您看不到密码）");
        case Step::ConfirmPin:
            return tr("请市民再次输入新密码");
        case Step::ServicePassword:
            return tr("请市民设置6位服务密码");
        case Step::Working:
            return tr("正在写卡并报送后台，请勿拔卡…");
        default:
            return {};
    }
}

void Activation::setStep(Step step) {
    m_step = step;
    if (step == Step::Idle || step == Step::ReadingCard)
        m_citizenStarted = false;
    const bool entering =
        step == Step::NewPin || step == Step::ConfirmPin || step == Step::ServicePassword;
    if (entering) {
        m_citizenStarted = true;  // from now on the outcome is the citizen's to see too
        m_pin.clear();
        m_idle.start();
    } else {
        m_idle.stop();
    }
    Q_EMIT changed();
}

void Activation::wipeSecrets() {
    m_pin.clear();
    PinEntry::wipe(m_newPin);
    PinEntry::wipe(m_servicePassword);
}

void Activation::fail(const QString& staff, const QString& citizen) {
    wipeSecrets();
    m_staffMessage = staff;
    m_citizenMessage = citizen;
    m_citizenMessageIsError = true;
    setStep(Step::Failed);
}

void Activation::begin(const QString& cardNumber) {
    if (m_step != Step::Idle && m_step != Step::Done && m_step != Step::Failed)
        return;
    m_async.invalidate();
    wipeSecrets();
    m_citizenMessage.clear();
    m_staffMessage.clear();
    if (!m_heldReport.empty()) {  // its card number stays on screen until it is delivered
        m_staffMessage = tr("上一张卡的启用还没有报送后台，请先点“补报启用”");
        setStep(Step::Idle);
        return;
    }
    m_cardNumber = cardNumber;
    m_holder.clear();
    if (!m_link || !m_link->online()) {
        m_staffMessage = StaffMessages::offline();
        setStep(Step::Idle);
        return;
    }
    setStep(Step::ReadingCard);
    struct Read {
        std::optional<sscard::CardData> data;
        QString problem;
    };
    auto read = std::make_shared<Read>();
    m_async.run(
        [read] {
            read->problem = CounterCard::use(
                [&](sscard::SocialSecurityCard& app) { read->data = app.readCardData(); });
        },
        [this, read] {
            if (!read->problem.isEmpty())
                return fail(read->problem, {});
            if (QString::fromStdString(read->data->cardNumber) != m_cardNumber) {
                return fail(tr("读卡器中的卡（%1）不是要启用的卡（%2）")
                                .arg(QString::fromStdString(read->data->cardNumber), m_cardNumber),
                            {});
            }
            m_card = insertedOf(*read->data);
            m_birthDate = read->data->birthDate;
            m_holder = QString::fromStdString(sscard::maskName(read->data->name));
            read->data.reset();
            setStep(Step::NewPin);
        });
}

void Activation::confirm() {
    if (m_step != Step::NewPin && m_step != Step::ConfirmPin && m_step != Step::ServicePassword)
        return;
    if (!m_pin.complete()) {
        m_citizenMessage = tr("请输入6位数字");
        m_citizenMessageIsError = true;
        Q_EMIT changed();
        return;
    }
    std::string digits = m_pin.take();
    m_citizenMessage.clear();
    if (m_step == Step::NewPin) {
        const QString why = PinRules::weakPin(digits, m_birthDate, std::string(card::kInitialPin));
        if (why.isEmpty()) {
            m_newPin = digits;
            setStep(Step::ConfirmPin);
        } else {
            m_citizenMessage = PinRules::setAgain(why);
            m_citizenMessageIsError = true;
            setStep(Step::NewPin);
        }
    } else if (m_step == Step::ConfirmPin) {
        if (digits == m_newPin) {
            setStep(Step::ServicePassword);
        } else {
            PinEntry::wipe(m_newPin);
            m_citizenMessage = tr("两次输入的密码不一致，请重新设置");
            m_citizenMessageIsError = true;
            setStep(Step::NewPin);
        }
    } else {
        const QString why = PinRules::weakServicePassword(digits, m_birthDate, m_newPin);
        if (why.isEmpty()) {
            m_servicePassword = digits;
            run();
        } else {
            m_citizenMessage = PinRules::setAgain(why);
            m_citizenMessageIsError = true;
            setStep(Step::ServicePassword);
        }
    }
    PinEntry::wipe(digits);
}

void Activation::run() {
    if (!m_link || !m_link->online())
        return fail(StaffMessages::offline(), tr("暂时无法办理，请联系工作人员"));
    struct Job {
        card::Secrets secrets;
        InsertedCard card;
        std::shared_ptr<services::client::ChannelKeeper> keeper;
        HeldReport held;
        card::Outcome outcome;
        bool otherCard = false;
        QString problem;
    };
    auto job = std::make_shared<Job>();
    job->secrets.newPin = m_newPin;
    job->secrets.servicePassword = m_servicePassword;
    job->card = m_card;
    job->keeper = m_link->sharedKeeper();
    wipeSecrets();
    m_citizenMessage.clear();
    setStep(Step::Working);
    m_async.run(
        [job] {
            job->problem = CounterCard::use([&](sscard::SocialSecurityCard& app) {
                if (app.readCardData().cardNumber != job->card.card_number()) {
                    job->otherCard = true;
                    return;
                }
                card::SocialSecurityCardPort port(app);
                card::GrpcCardBackOffice backOffice(job->keeper);
                job->outcome = card::activate(port, backOffice, &job->held, job->card, job->secrets,
                                              card::systemClock);
            });
            job->secrets.wipeAll();
        },
        [this, job] {
            if (job->otherCard)
                return fail(tr("卡已被换成另一张，没有启用"), tr("请插入要启用的社保卡"));
            if (!job->problem.isEmpty())
                return fail(job->problem, tr("读卡失败，请重新插卡后再试"));
            m_heldReport = std::move(job->held.serialized);
            card::wipe(job->held.serialized);
            applyOutcome(static_cast<int>(job->outcome.message), !m_heldReport.empty(),
                         static_cast<int>(job->outcome.refusal));
        });
}

void Activation::applyOutcome(int message, bool pending, int refusal) {
    switch (static_cast<MessageId>(message)) {
        case MessageId::Activated:
        case MessageId::ActivatedPending:
            m_staffMessage = pending
                                 ? tr("卡片密码已设置，但后台还没有记录启用：连接恢复后自动补报，"
                                      "请不要关闭本程序")
                                 : tr("社保卡已启用，服务密码已设置");
            m_citizenMessage = tr("社保卡已启用，请牢记您的新密码");
            m_citizenMessageIsError = false;
            setStep(Step::Done);
            if (!pending)
                Q_EMIT activated();
            return;
        case MessageId::NetworkDown:
            return fail(StaffMessages::offline(), tr("暂时无法办理，请联系工作人员"));
        case MessageId::InitialPinChanged:
            return fail(tr("卡片的密码已不是初始密码，不能启用；市民忘记密码时请办理密码重置"),
                        tr("这张卡的初始密码已被修改，请工作人员协助"));
        case MessageId::PinBlocked:
            return fail(tr("卡片密码已锁定，不能启用"), tr("卡片密码已锁定，请工作人员协助"));
        case MessageId::CardPulled:
            return fail(tr("社保卡被拔出，启用可能没有完成：请重新插卡后查询"),
                        tr("社保卡被拔出，请交给工作人员"));
        case MessageId::CardChangedButNotReported: {
            services::client::CallResult result;
            result.code = grpc::StatusCode::FAILED_PRECONDITION;
            result.refusal = static_cast<RefusalReason>(refusal);
            return fail(
                tr("卡片密码已修改，但后台拒绝记录启用：%1").arg(StaffMessages::text(result)),
                tr("暂时无法办理，请联系工作人员"));
        }
        default:
            return fail(tr("卡片拒绝了这次操作"), tr("暂时无法办理，请联系工作人员"));
    }
}

void Activation::cancel() {
    if (m_step == Step::Working || m_step == Step::Idle)
        return;
    m_async.invalidate();
    wipeSecrets();
    m_citizenMessage.clear();
    m_staffMessage = tr("已取消启用，卡片没有改变");
    setStep(Step::Idle);
}

void Activation::finish() {
    if (m_step != Step::Done && m_step != Step::Failed)
        return;
    m_citizenMessage.clear();
    m_staffMessage.clear();
    setStep(Step::Idle);
}

void Activation::backOnline() {
    if (!m_heldReport.empty())
        retryReport();
}

void Activation::retryReport() {
    if (m_heldReport.empty() || m_delivering || !m_link)
        return;
    m_delivering = true;
    auto request = std::make_shared<ReportPinChangedRequest>();
    request->ParseFromString(m_heldReport);
    auto result = std::make_shared<services::client::CallResult>();
    auto link = m_link;
    // Its own UiAsync: a new activation or a cancel must not drop the delivery's answer.
    m_delivery.run(
        [request, result, link] {
            ReportPinChangedResponse response;
            *result = services::client::unary<CardService>(
                link->keeper(), &CardService::Stub::ReportPinChanged, *request, &response);
        },
        [this, result] {
            m_delivering = false;
            if (result->ok()) {
                card::wipe(m_heldReport);
                m_staffMessage = tr("已补报：后台已记录启用");
                Q_EMIT changed();
                Q_EMIT activated();
            } else if (!result->transient()) {
                card::wipe(m_heldReport);
                m_staffMessage = tr("后台拒绝记录启用：%1").arg(StaffMessages::text(*result));
                Q_EMIT changed();
            }
        });
}

}  // namespace renshe::kiosk::counter
