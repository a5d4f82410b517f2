// Qt Quick Test of renshe-counter's screens, offscreen, with the same static QML modules the
// counter links and a real Counter signed in with a real passphrase-protected staff key (from a
// throwaway CA) against a back office that is not there: the screens with sample answers, the
// sign-in and the checks made before anything is sent.
#include <QtQml/qqmlextensionplugin.h>

#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQuickTest>
#include <memory>

#include "kiosk/counter/counter.hpp"
#include "services/pki/pki.hpp"
#include "services/pki/protected_key.hpp"

Q_IMPORT_QML_PLUGIN(Renshe_CounterPlugin)
Q_IMPORT_QML_PLUGIN(Renshe_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(Renshe_CounterScreensPlugin)

namespace pki = renshe::services::pki;
using namespace renshe::v1;

namespace {

// The answers of a back office, as the view-models show them.
class CounterFixture : public QObject {
    Q_OBJECT
public:
    explicit CounterFixture(renshe::kiosk::counter::Counter* counter) : m_counter(counter) {}

    // 张三丰 with two cards (the old one replaced), a pension under certification, a long
    // history and applications (the longest texts a page shows).
    Q_INVOKABLE void showSamplePerson() {
        GetPersonFileResponse f;
        auto* p = f.mutable_person();
        p->mutable_person()->set_masked_ssn("370***********0017");
        p->mutable_person()->set_masked_name("张*丰");
        p->mutable_region()->set_division_code("371302");
        p->mutable_region()->set_township_code("101");
        p->mutable_region()->set_name("兰山区兰山街道");
        p->mutable_pension_first_payment()->set_year(2007);
        p->mutable_pension_first_payment()->set_month(5);
        p->mutable_pension_first_payment()->set_day(1);
        p->set_service_password_set(true);
        for (const auto& [number, status] : {std::pair{"A37010002", CARD_STATUS_TEMP_LOST},
                                             std::pair{"A37010003", CARD_STATUS_ISSUED},
                                             std::pair{"A37010001", CARD_STATUS_REPLACED}}) {
            auto* c = p->add_cards();
            c->set_card_number(number);
            c->set_status(status);
            c->mutable_issue_date()->set_year(2024);
            c->mutable_issue_date()->set_month(3);
            c->mutable_issue_date()->set_day(1);
            c->mutable_expiry_date()->set_year(2034);
            c->mutable_expiry_date()->set_month(2);
            c->mutable_expiry_date()->set_day(28);
        }
        for (int i = 0; i < 8; ++i) {
            auto* h = p->add_history();
            h->set_card_number("A37010002");
            h->set_from_status(CARD_STATUS_ACTIVE);
            h->set_to_status(CARD_STATUS_TEMP_LOST);
            h->mutable_at()->set_seconds(1'790'000'000 + i * 86'400);
            h->set_actor("T-371302101-001");
            h->set_reason("temporary loss report");
        }
        auto* c = f.mutable_certification();
        c->set_state(CERTIFICATION_STATE_OVERDUE);
        c->set_pension(PENSION_STATUS_SUSPENDED);
        c->add_enrolled_fingers(FINGER_RIGHT_INDEX);
        c->add_enrolled_fingers(FINGER_LEFT_INDEX);
        for (int i = 0; i < 3; ++i) {
            auto* e = f.add_certifications();
            e->mutable_certified_at()->set_seconds(1'700'000'000 + i * 31'000'000);
            e->set_terminal_id("T-371302101-001");
            e->set_resumed(i == 0);
        }
        for (int i = 0; i < 4; ++i) {
            auto* a = f.add_applications();
            a->set_number("2026120412345" + std::to_string(i));
            a->set_kind(APPLICATION_KIND_HOME_VISIT);
            a->set_state(APPLICATION_STATE_MORE_INFORMATION_NEEDED);
            a->set_summary("兰山区探沂镇东村3排5号 · 养老金资格认证 · 卧床");
            a->mutable_due_date()->set_year(2026);
            a->mutable_due_date()->set_month(12);
            a->mutable_due_date()->set_day(18);
            a->set_overdue(i == 0);
        }
        for (int t = INSURANCE_TYPE_EMPLOYEE_PENSION; t <= INSURANCE_TYPE_RESIDENT_MEDICAL; ++t) {
            auto* i = f.add_insurances();
            i->set_type(static_cast<InsuranceType>(t));
            i->set_status(static_cast<ParticipationStatus>(1 + t % 3));
            i->set_first_month("1998-12");
            i->set_paid_months(280 + t);
            i->set_latest_paid_month("2026-10");
            i->set_owed_months(t % 2 ? 3 : 0);
        }
        m_counter->person()->show(f);
    }

    Q_INVOKABLE void showSampleQueue() {
        ListApplicationsResponse list;
        for (int i = 0; i < 12; ++i) {
            auto* a = list.add_applications();
            a->set_number("2026120400000" + std::to_string(i % 10));
            a->set_kind(static_cast<ApplicationKind>(1 + i % 6));
            a->set_state(static_cast<ApplicationState>(1 + i % 3));
            a->mutable_applicant()->set_masked_name("欧阳*华");
            a->set_summary("货车司机 · 临沂某某物流有限公司兰山分公司 · 联系电话 138****5678");
            a->mutable_due_date()->set_year(2026);
            a->mutable_due_date()->set_month(12);
            a->mutable_due_date()->set_day(1 + i);
            a->set_overdue(i < 2);
            a->set_claimed_by(i % 2 ? "S-0001" : "");
        }
        ListHelpRequestsResponse help;
        auto* h = help.add_help_requests();
        h->set_id("help-1");
        h->set_terminal_id("T-371302101-001");
        h->set_screen("Applications/Error");
        h->mutable_raised_at()->set_seconds(1'795'000'000);
        m_counter->queue()->showList(list, help);
        Application chosen = list.applications(1);
        chosen.set_phone_masked("138****5678");
        chosen.set_reason("请携带劳动合同解除证明和身份证原件到窗口办理");
        for (const char* action : {"submitted", "claimed", "more_information", "note"}) {
            auto* e = chosen.add_history();
            e->set_action(action);
            e->set_actor("S-0001");
            e->set_state(APPLICATION_STATE_MORE_INFORMATION_NEEDED);
            e->set_text("请携带劳动合同解除证明和身份证原件到窗口办理");
            e->mutable_at()->set_seconds(1'795'000'000);
        }
        m_counter->queue()->showSelected(chosen);
    }

    Q_INVOKABLE void showSampleHall() {
        ListServicePointsResponse points;
        auto* sp = points.add_service_points();
        sp->set_id("SP-1");
        sp->set_name("费县探沂镇人力资源和社会保障服务所");
        ListTerminalsResponse terminals;
        for (int i = 0; i < 6; ++i) {
            auto* t = terminals.add_terminals();
            t->set_terminal_id("T-371302101-00" + std::to_string(i));
            t->set_role(i == 5 ? TERMINAL_ROLE_DISPLAY : TERMINAL_ROLE_TOUCH);
            t->set_service_point_id("SP-1");
            t->set_stale(i == 3);
            t->mutable_last_seen()->set_seconds(1'795'000'000);
            t->mutable_devices()->set_card_reader(DEVICE_PRESENCE_PRESENT);
            t->mutable_devices()->set_fingerprint_sensor(DEVICE_PRESENCE_ERROR);
            t->mutable_devices()->set_printer(PRINTER_STATE_PAPER_OUT);
            t->set_pending_outbox(i);
        }
        CheckFacilityResponse check;
        check.set_required_class(FACILITY_CLASS_I);
        check.set_achieved_class(FACILITY_CLASS_II);
        for (int item = FACILITY_ITEM_TOUCHSCREENS; item <= FACILITY_ITEM_ID_CARD_READERS; ++item) {
            auto* f = check.add_findings();
            f->set_item(static_cast<FacilityItem>(item));
            f->set_required(2);
            f->set_found(item % 2);
            f->set_passed(item % 2 == 0);
        }
        m_counter->hall()->show(points, terminals, {check});
    }

    // A real PNG on disk (for the picture dialog), its file URL.
    Q_INVOKABLE QUrl samplePicture() {
        const QString path = m_pictures.filePath(QStringLiteral("通知.png"));
        QImage image(64, 40, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        image.save(path, "PNG");
        return QUrl::fromLocalFile(path);
    }

private:
    renshe::kiosk::counter::Counter* m_counter;
    QTemporaryDir m_pictures;
};

class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable() {
        QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC")));
    }
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));
        // A staff member of 371302 whose key is protected by "ui-test-passphrase"; the back
        // office's address has nobody listening.
        const QString dir = m_dir.path();
        auto ca = pki::CertificateAuthority::create("Counter UI test CA", std::chrono::hours(24));
        const auto staff =
            ca.issueClient({"S-0001", pki::Role::Staff, "371302"}, std::chrono::hours(24));
        pki::writeFileAtomically((dir + "/ca.crt").toStdString(), ca.certificatePem(),
                                 std::filesystem::perms::owner_all);
        pki::writeFileAtomically((dir + "/staff.crt").toStdString(), staff.certificatePem,
                                 std::filesystem::perms::owner_all);
        pki::writeFileAtomically(
            (dir + "/staff.key").toStdString(),
            pki::protectPrivateKeyPem(staff.privateKeyPem, "ui-test-passphrase"),
            std::filesystem::perms::owner_all);
        renshe::kiosk::counter::Counter::Config config;
        config.target = QStringLiteral("127.0.0.1:1");
        config.caFile = dir + QStringLiteral("/ca.crt");
        config.certFile = dir + QStringLiteral("/staff.crt");
        config.keyFile = dir + QStringLiteral("/staff.key");
        config.stateDir = dir + QStringLiteral("/state");
        m_counter = std::make_unique<renshe::kiosk::counter::Counter>(config);
        renshe::kiosk::counter::Counter::attach(*engine, *m_counter);
        engine->rootContext()->setContextProperty(QStringLiteral("CounterFixture"),
                                                  new CounterFixture(m_counter.get()));
    }
    void cleanupTestCase() { m_counter.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<renshe::kiosk::counter::Counter> m_counter;
};

}  // namespace

QUICK_TEST_MAIN_WITH_SETUP(renshe_counter_ui, Setup)

#include "counter_ui_main.moc"
