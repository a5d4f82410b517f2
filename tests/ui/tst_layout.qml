import QtQuick
import QtTest
import Renshe.Components
import Renshe.Kiosk
import Renshe.Screens
import "layout_audit.mjs" as LayoutAudit

// Every touchscreen screen fits every terminal: at 1280×1024, 1366×768, 1920×1080 and
// 1080×1920 (portrait), in normal and elderly mode, in Chinese, English and Korean, the
// layout audit (layout_audit.mjs: each text inside its control and the screen, no overlap,
// not cut short, 8 px between touch targets) finds nothing on any screen the ui tier reaches.
// The e2e tier runs the same audit through the kiosk's automation hook on the rest.
Item {
    id: root
    width: 1280
    height: 1024

    Rectangle { anchors.fill: parent; color: Theme.background }

    Component { id: homeComponent; HomeScreen { anchors.fill: parent } }
    Component { id: cardComponent; CardScreen { anchors.fill: parent } }
    Component { id: certComponent; CertificationScreen { anchors.fill: parent } }
    Component { id: lossComponent; LossReportScreen { anchors.fill: parent } }
    Component { id: jobsComponent; JobsScreen { anchors.fill: parent } }
    Component { id: guidesComponent; GuidesScreen { anchors.fill: parent } }
    Component { id: idleComponent; IdleWarning { anchors.fill: parent; secondsLeft: 20 } }
    Component { id: recordsComponent; RecordsScreen { anchors.fill: parent } }
    Component { id: applicationsComponent; ApplicationsScreen { anchors.fill: parent } }
    Component { id: ratingComponent; RatingPanel { anchors.fill: parent } }
    // What the audit must catch: a label wider than its button, two texts on top of each
    // other, an elided text, two buttons touching.
    Component {
        id: badComponent
        Item {
            anchors.fill: parent
            Tile { x: 10; y: 10; width: 120; height: 80; title: "一个放不下的很长很长的按钮文字" }
            Text { x: 10; y: 200; text: "重叠的字"; font.pixelSize: 30 }
            Text { x: 40; y: 205; text: "重叠的字"; font.pixelSize: 30 }
            Text { x: 10; y: 300; width: 60; elide: Text.ElideRight; text: "被截断的文字"; font.pixelSize: 30 }
            Tile { x: 300; y: 10; width: 90; height: 80; title: "甲" }
            Tile { x: 392; y: 10; width: 90; height: 80; title: "乙" }
        }
    }

    TestCase {
        name: "EveryScreenFitsEveryTerminal"
        when: windowShown

        readonly property var sizes: [[1280, 1024], [1366, 768], [1920, 1080], [1080, 1920]]
        readonly property var languages: ["zh_CN", "en", "ko"]

        function cleanup() {
            Kiosk.certification.reset()
            Kiosk.lossReport.reset()
            Kiosk.applications.reset()
            Kiosk.feedback.skipRating()
            UiFixture.removeCard()
            Kiosk.setLanguage("zh_CN")
            Kiosk.elderlyMode = false
            Theme.scale = 1.0
            root.width = 1280
            root.height = 1024
        }

        function check(item, state, failures) {
            wait(30)  // layouts settle
            let problems = LayoutAudit.audit(item, root, Theme.scale)
            if (problems.length > 0) {
                wait(250)  // a layout that changed shape (a pad moving beside) settles over frames
                problems = LayoutAudit.audit(item, root, Theme.scale)
            }
            for (const p of problems) failures.push(state + ": " + p)
        }

        // Runs `visit(screen, state, failures)` over the whole matrix; fails listing everything.
        function matrix(component, visit) {
            const failures = []
            for (const [w, h] of sizes) {
                root.width = w
                root.height = h
                for (const elderly of [false, true]) {
                    Kiosk.elderlyMode = elderly
                    Theme.scale = elderly ? Theme.elderlyScaleFor(w, h) : 1.0
                    for (const code of languages) {
                        Kiosk.setLanguage(code)
                        const screen = createTemporaryObject(component, root)
                        visit(screen, w + "×" + h + (elderly ? " elderly " : " ") + code, failures)
                        screen.destroy()
                        Kiosk.certification.reset()
                        Kiosk.lossReport.reset()
                        Kiosk.applications.reset()
                        Kiosk.feedback.skipRating()
                    }
                }
            }
            for (const f of failures) console.warn("LAYOUT " + f)
            verify(failures.length === 0, failures.length + " problems, the first: " + failures[0])
        }

        function test_the_audit_catches_an_overflowing_label() {
            const all = LayoutAudit.audit(createTemporaryObject(badComponent, root), root, 1.0).join("\n")
            verify(all.indexOf("outside its control") >= 0, all)
            verify(all.indexOf("overlaps") >= 0, all)
            verify(all.indexOf("cut short") >= 0, all)
            verify(all.indexOf("px apart") >= 0, all)
        }

        function test_home() {
            matrix(homeComponent, (s, state, f) => {
                check(s, "home " + state, f)
                // Its words keep their full size: its rows reflow rather than squeeze.
                for (const p of LayoutAudit.squeezedTitles(s)) f.push("home " + state + ": " + p)
            })
        }

        function test_card_overview() {
            matrix(cardComponent, (s, state, f) => {
                UiFixture.insertSampleCard()
                tryVerify(() => Kiosk.card.stage !== CardSession.NoCard)
                check(s, "card " + state, f)
                UiFixture.removeCard()
            })
        }

        // Every flow's digit steps, with every action offered (as a back office would).
        function test_card_flows() {
            matrix(cardComponent, (s, state, f) => {
                UiFixture.insertSampleCard()
                tryVerify(() => Kiosk.card.stage !== CardSession.NoCard)
                UiFixture.offerEveryCardAction()
                check(s, "card actions " + state, f)
                for (const [action, steps] of [["activate", 2], ["changePin", 2], ["unreport", 0],
                                               ["resetPin", 0], ["query", 0]]) {
                    Kiosk.card.begin(action)
                    compare(Kiosk.card.stage, CardSession.Entry, action)
                    for (let step = 0; ; ++step) {
                        check(s, "card " + action + " step " + step + " " + state, f)
                        if (step === steps) break
                        for (const d of [1, 3, 5, 7, 9, 2]) Kiosk.card.pin.press(d)
                        Kiosk.card.confirm()
                        if (Kiosk.card.stage !== CardSession.Entry) break  // a card command now
                    }
                    Kiosk.card.cancel()
                }
                UiFixture.removeCard()
                UiFixture.muteCard()
                check(s, "card problem " + state, f)
                UiFixture.removeCard()
            })
        }

        function test_certification_by_id_number() {
            matrix(certComponent, (s, state, f) => {
                Kiosk.certification.startWithoutCard()
                check(s, "certification " + state, f)
                Kiosk.certification.submitId()
                check(s, "certification refused " + state, f)
            })
        }

        function test_loss_report_every_step() {
            matrix(lossComponent, (s, state, f) => {
                const report = Kiosk.lossReport
                check(s, "loss: ID number " + state, f)
                for (const c of "370102194704090017") report.idKey(c)
                report.next()
                for (const c of "zhang") report.name.letter(c)
                check(s, "loss: pinyin " + state, f)
                report.name.choose(0)
                // The longest name the step takes, the last syllable still being spelt.
                while (report.name.text.length < 14) {
                    for (const c of "ou") report.name.letter(c)
                    report.name.choose(0)
                }
                for (const c of "zhang") report.name.letter(c)
                check(s, "loss: a long name " + state, f)
                report.name.choose(0)
                report.next()
                check(s, "loss: password " + state, f)
            })
        }

        // 业务申请: the kinds, then every page of 失业登记 and the home visit's own pages, with the
        // longest answers a page takes.
        function test_applications_every_page() {
            matrix(applicationsComponent, (s, state, f) => {
                const a = Kiosk.applications
                const spell = (letters) => { for (const c of letters) a.text.letter(c); a.text.choose(0) }
                check(s, "applications: kinds " + state, f)
                a.start(ApplicationsFlow.Unemployment)
                check(s, "applications: ID number " + state, f)
                for (const c of "370102194704090017") a.idKey(c)
                a.next()
                spell("zhang"); spell("san"); spell("feng")
                check(s, "applications: name " + state, f)
                a.next()
                check(s, "applications: reason " + state, f)
                a.choose("reason=1")
                for (let i = 0; i < 20 && a.text.text.length < 20; ++i) spell("shunda")
                check(s, "applications: employer " + state, f)
                a.next()
                check(s, "applications: month and wish " + state, f)
                a.choose("left=5")
                a.choose("seeking=train")
                for (const c of "13812345678") a.digitKey(c)
                a.next()
                check(s, "applications: confirm " + state, f)
                a.reset()
                a.start(ApplicationsFlow.HomeVisit)
                for (const c of "370102194704090017") a.idKey(c)
                a.next()
                spell("zhang")
                a.next()
                a.choose("forWhom=1")
                for (const c of "370102194704090017") a.idKey(c)
                a.next()
                spell("li")
                a.next()
                check(s, "applications: what and why " + state, f)
                a.choose("need=1")
                a.choose("mobility=3")
                for (let i = 0; i < 20 && a.text.text.length < 30; ++i) spell("dongcun")
                check(s, "applications: address " + state, f)
                a.next()
                for (const c of "13912345678") a.digitKey(c)
                a.next()
                check(s, "applications: a home visit's confirmation " + state, f)
            })
        }

        // 好差评: the faces, then a poor rating's reasons with some chosen.
        function test_rating() {
            matrix(ratingComponent, (s, state, f) => {
                UiFixture.offerRating()
                check(s, "rating " + state, f)
                Kiosk.feedback.rate(1)
                Kiosk.feedback.toggleReason(1)
                Kiosk.feedback.toggleReason(4)
                check(s, "rating reasons " + state, f)
            })
        }

        // 我的社保 with every insurance type, owed months and a year of pension payments.
        function test_records() {
            matrix(recordsComponent, (s, state, f) => {
                UiFixture.insertSampleCard()
                UiFixture.showSampleRecords()
                tryVerify(() => Kiosk.card.records.shown)
                check(s, "records " + state, f)
                UiFixture.removeCard()
            })
        }

        // The idle warning over a page: its countdown wraps inside the screen in every language.
        function test_idle_warning() {
            matrix(idleComponent, (s, state, f) => check(s, "idle warning " + state, f))
        }

        function test_jobs_and_guides() {
            matrix(jobsComponent, (s, state, f) => check(s, "jobs " + state, f))
            matrix(guidesComponent, (s, state, f) => check(s, "guides " + state, f))
        }
    }
}
