import QtQuick
import QtTest
import Renshe.Components
import Renshe.Kiosk
import Renshe.Screens

// 适老化 and WCAG over every touchscreen screen, in elderly mode, in each state a citizen can
// bring it to without devices: every control at least 60 dp in both directions with an
// accessible name, every visible text at least 4.5:1 against what is behind it and large
// enough (body text ≥ 30 px; nothing under 24 px, i.e. 18 dp × the elderly scale).
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
    Component { id: recordsComponent; RecordsScreen { anchors.fill: parent } }
    Component {
        id: statusComponent
        StatusBar { width: root.width; servicePointName: "费县探沂镇人社所"; pendingReports: 1 }
    }
    // What the audit must catch: a small control without a name, faint small text.
    Component {
        id: badComponent
        Rectangle {
            anchors.fill: parent
            color: "#FFFFFF"
            Tile { width: 40; height: 90; title: "" }
            Text { y: 200; text: "浅灰色的小字"; color: "#BBBBBB"; font.pixelSize: 16 }
        }
    }

    TestCase {
        name: "ElderlyModeEveryScreen"
        when: windowShown

        function init() {
            Kiosk.elderlyMode = true
            Theme.scale = 1.35  // Main.qml binds it from elderlyMode
        }
        function cleanup() {
            Kiosk.certification.reset()
            Kiosk.lossReport.reset()
            UiFixture.removeCard()
            Kiosk.setLanguage("zh_CN")
            Kiosk.elderlyMode = false
            Theme.scale = 1.0
        }

        // WCAG 2 relative luminance and contrast ratio.
        function luminance(c) {
            function channel(v) { return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4) }
            return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
        }
        function contrast(a, b) {
            const la = luminance(a), lb = luminance(b)
            return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
        }
        function isText(item) { return item.hasOwnProperty("elide") && item.hasOwnProperty("textFormat") }
        function describe(item) {
            return (item.objectName || item.toString()) + (item.text !== undefined ? " \"" + item.text + "\"" : "")
        }

        // Walks the visible tree under `item` with `background` the opaque colour behind it;
        // returns what breaks the rules.
        function audit(item, background, problems, counts) {
            if (!item.visible || item.opacity === 0) return
            if (item.hasOwnProperty("color") && !isText(item) && item.color !== undefined && item.color.a > 0.9
                    && item.hasOwnProperty("radius"))
                background = item.color  // a Rectangle (Tile included)
            if (item.Accessible.role === Accessible.Button) {
                counts.controls++
                if (item.width < 60 || item.height < 60)
                    problems.push(describe(item) + ": " + item.width + "×" + item.height + " is under 60 dp")
                if (!item.Accessible.name || item.Accessible.name.length === 0)
                    problems.push(describe(item) + ": no accessible name")
            }
            if (isText(item) && item.text.length > 0 && item.text.trim().length > 0) {
                counts.texts++
                const ratio = contrast(item.color, background)
                if (ratio < 4.5)
                    problems.push(describe(item) + ": contrast " + ratio.toFixed(2) + " against " + background)
                if (item.font.pixelSize < 24)
                    problems.push(describe(item) + ": " + item.font.pixelSize + " px text")
            }
            for (let i = 0; i < item.children.length; ++i)
                audit(item.children[i], background, problems, counts)
        }
        function check(item, state) {
            wait(50)  // layouts settle
            const problems = [], counts = { controls: 0, texts: 0 }
            audit(item, Theme.background, problems, counts)
            verify(counts.texts > 0, state + ": nothing visible to check")
            compare(problems, [], state)
            return counts
        }

        function test_the_audit_catches_what_it_checks() {
            const problems = [], counts = { controls: 0, texts: 0 }
            audit(createTemporaryObject(badComponent, root), Theme.background, problems, counts)
            compare(counts.controls, 1)
            const all = problems.join("\n")
            verify(all.indexOf("under 60 dp") >= 0, all)
            verify(all.indexOf("no accessible name") >= 0, all)
            verify(all.indexOf("contrast") >= 0, all)
            verify(all.indexOf("16 px text") >= 0, all)
        }

        function test_body_text_scales_to_30px() {
            verify(Theme.fontBody >= 30, Theme.fontBody)
            verify(Theme.touchMin >= 60 * 1.35 - 1, Theme.touchMin)
            // A short screen's smaller elderly scale keeps body text at 30 px.
            Theme.scale = Theme.elderlyScaleFor(1366, 768)
            verify(Theme.scale < 1.35, Theme.scale)
            verify(Theme.fontBody >= 30, Theme.fontBody)
            Theme.scale = 1.35
        }

        function test_home_in_each_language() {
            const home = createTemporaryObject(homeComponent, root)
            for (const code of ["zh_CN", "en", "ko"]) {
                Kiosk.setLanguage(code)
                const counts = check(home, "home " + code)
                verify(counts.controls >= 10, "home " + code + ": " + counts.controls + " controls")
            }
        }

        function test_card_overview_with_a_card() {
            const card = createTemporaryObject(cardComponent, root)
            UiFixture.insertSampleCard()
            tryVerify(() => Kiosk.card.stage !== CardSession.NoCard)
            check(card, "card overview")
        }

        // 我的社保: every month's word and each sentence legible, the year buttons named.
        function test_my_records() {
            const records = createTemporaryObject(recordsComponent, root)
            UiFixture.insertSampleCard()
            UiFixture.showSampleRecords()
            tryVerify(() => Kiosk.card.records.shown)
            const counts = check(records, "my records")
            verify(counts.controls >= 3, counts.controls)  // 上一年, 下一年, 返回
            UiFixture.removeCard()
        }

        function test_certification_by_id_number_and_its_refusals() {
            const cert = createTemporaryObject(certComponent, root)
            Kiosk.certification.startWithoutCard()
            const counts = check(cert, "certification: ID number")
            verify(counts.controls >= 13, counts.controls)  // 11 keys, 删除, 下一步, 返回
            Kiosk.certification.submitId()  // empty: refused with the reason
            verify(Kiosk.certification.message.length > 0)
            check(cert, "certification: ID number refused")
            for (const c of "370102194704090017") Kiosk.certification.idEntry.key(c)
            Kiosk.certification.submitId()  // no back office in the UI tests
            tryCompare(Kiosk.certification, "stage", CertificationSession.Problem)
            check(cert, "certification: no back office")
        }

        function test_loss_report_every_step() {
            const loss = createTemporaryObject(lossComponent, root)
            const report = Kiosk.lossReport
            check(loss, "loss report: ID number")
            for (const c of "370102194704090017") report.idKey(c)
            report.next()
            compare(report.step, LossReport.Name)
            check(loss, "loss report: name on the pinyin keyboard")
            for (const c of "zhang") report.name.letter(c)
            check(loss, "loss report: pinyin candidates")
            report.name.choose(0)
            report.next()
            compare(report.step, LossReport.Password)
            check(loss, "loss report: service password")
        }

        function test_status_bar_online_offline_and_pending() {
            const bar = createTemporaryObject(statusComponent, root)
            for (const [connected, checking] of [[true, false], [false, false], [false, true]]) {
                bar.connected = connected
                bar.checking = checking
                check(bar, "status bar " + connected + "/" + checking)
            }
        }

        function test_jobs_and_guides() {
            check(createTemporaryObject(jobsComponent, root), "jobs")
            check(createTemporaryObject(guidesComponent, root), "guides")
        }
    }
}
