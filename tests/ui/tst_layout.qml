import QtQuick
import QtTest
import Renshe.Components
import Renshe.Kiosk
import Renshe.Screens

// Every touchscreen screen fits every terminal: at 1280×1024, 1366×768, 1920×1080 and
// 1080×1920 (portrait), in normal and elderly mode, in Chinese, English and Korean, each
// visible text is painted inside the control that carries it and inside the screen, overlaps
// no other text, and is not cut short (elided) unless marked as having its full text
// elsewhere (`property bool fullTextElsewhere: true`); neighbouring touch targets keep a gap
// of at least 8 px at scale 1 so an unsteady finger does not hit the next one.
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
            UiFixture.removeCard()
            Kiosk.setLanguage("zh_CN")
            Kiosk.elderlyMode = false
            Theme.scale = 1.0
            root.width = 1280
            root.height = 1024
        }

        function isText(item) { return item.hasOwnProperty("elide") && item.hasOwnProperty("textFormat") }
        function isControl(item) { return item.Accessible.role === Accessible.Button }
        function describe(item) {
            return (item.objectName || item.toString()) + (item.text !== undefined ? " \"" + item.text + "\"" : "")
        }
        function box(item) {
            const p = item.mapToItem(root, 0, 0)
            return { x: p.x, y: p.y, w: item.width, h: item.height }
        }
        // Where a Text's glyphs are, in root coordinates.
        function painted(t) {
            let x = 0, y = 0
            if (t.horizontalAlignment === Text.AlignHCenter) x = (t.width - t.contentWidth) / 2
            else if (t.horizontalAlignment === Text.AlignRight) x = t.width - t.contentWidth
            if (t.verticalAlignment === Text.AlignVCenter) y = (t.height - t.contentHeight) / 2
            else if (t.verticalAlignment === Text.AlignBottom) y = t.height - t.contentHeight
            const p = t.mapToItem(root, x, y)
            return { x: p.x, y: p.y, w: t.contentWidth, h: t.contentHeight }
        }
        function inside(a, b) {
            const e = 1.5  // sub-pixel rounding
            return a.x >= b.x - e && a.y >= b.y - e && a.x + a.w <= b.x + b.w + e && a.y + a.h <= b.y + b.h + e
        }
        function overlap(a, b) {
            const e = 1.5
            return a.x + e < b.x + b.w && b.x + e < a.x + a.w && a.y + e < b.y + b.h && b.y + e < a.y + a.h
        }
        function gap(a, b) {
            const dx = Math.max(0, b.x - (a.x + a.w), a.x - (b.x + b.w))
            const dy = Math.max(0, b.y - (a.y + a.h), a.y - (b.y + b.h))
            return Math.max(dx, dy)
        }
        function visibleInTree(item) {
            for (let i = item; i; i = i.parent) {
                if (!i.visible || i.opacity === 0) return false
            }
            return true
        }

        // Collects the visible texts (with the control carrying each) and controls under `item`.
        function collect(item, control, texts, controls) {
            if (!item.visible || item.opacity === 0) return
            if (isControl(item)) {
                controls.push(item)
                control = item
            }
            if (isText(item) && item.text.trim().length > 0)
                texts.push({ item: item, control: control })
            for (let i = 0; i < item.children.length; ++i)
                collect(item.children[i], control, texts, controls)
        }
        // A ListView or Flickable clips what scrolls: texts outside its viewport are not shown.
        function clipBox(item) {
            for (let i = item.parent; i; i = i.parent) {
                if (i.clip) return box(i)
            }
            return { x: 0, y: 0, w: root.width, h: root.height }
        }

        function audit(item, problems) {
            const texts = [], controls = []
            collect(item, null, texts, controls)
            const screen = { x: 0, y: 0, w: root.width, h: root.height }
            const shown = []
            for (const t of texts) {
                const p = painted(t.item)
                const clip = clipBox(t.item)
                if (!overlap(p, clip)) continue  // scrolled out of view
                shown.push({ item: t.item, rect: p })
                if (t.item.truncated && !t.item.fullTextElsewhere)
                    problems.push(describe(t.item) + ": cut short")
                if (t.control && !inside(p, box(t.control)))
                    problems.push(describe(t.item) + ": outside its control " + describe(t.control)
                                  + " " + JSON.stringify(p) + " in " + JSON.stringify(box(t.control)))
                if (!inside(p, screen) && inside(clip, screen))
                    problems.push(describe(t.item) + ": outside the screen " + JSON.stringify(p))
            }
            for (let i = 0; i < shown.length; ++i) {
                for (let j = i + 1; j < shown.length; ++j) {
                    if (overlap(shown[i].rect, shown[j].rect))
                        problems.push(describe(shown[i].item) + " overlaps " + describe(shown[j].item))
                }
            }
            const minGap = 8 * Theme.scale - 1
            for (let i = 0; i < controls.length; ++i) {
                for (let j = i + 1; j < controls.length; ++j) {
                    const a = box(controls[i]), b = box(controls[j])
                    if (inside(a, b) || inside(b, a)) continue  // a control within a control
                    if (gap(a, b) < minGap)
                        problems.push(describe(controls[i]) + " and " + describe(controls[j]) + ": "
                                      + gap(a, b).toFixed(1) + " px apart")
                }
            }
        }

        function check(item, state, failures) {
            wait(30)  // layouts settle
            const problems = []
            audit(item, problems)
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
                    }
                }
            }
            for (const f of failures) console.warn("LAYOUT " + f)
            verify(failures.length === 0, failures.length + " problems, the first: " + failures[0])
        }

        function test_the_audit_catches_an_overflowing_label() {
            const problems = []
            audit(createTemporaryObject(badComponent, root), problems)
            const all = problems.join("\n")
            verify(all.indexOf("outside its control") >= 0, all)
            verify(all.indexOf("overlaps") >= 0, all)
            verify(all.indexOf("cut short") >= 0, all)
            verify(all.indexOf("px apart") >= 0, all)
        }

        // The home screen's words keep their full size: its rows reflow rather than squeeze.
        function fullSizeTitles(item, state, failures) {
            const texts = [], controls = []
            collect(item, null, texts, controls)
            for (const t of texts) {
                t.item.forceLayout()  // the size Fit chose, for the size the tile has now
                if (t.control && t.item.objectName === t.control.objectName + "Title"
                        && t.item.fontInfo.pixelSize < t.item.font.pixelSize - 1)
                    failures.push(state + ": " + describe(t.item) + " squeezed to "
                                  + t.item.fontInfo.pixelSize + " px of " + t.item.font.pixelSize)
            }
        }
        function test_home() {
            matrix(homeComponent, (s, state, f) => {
                check(s, "home " + state, f)
                fullSizeTitles(s, "home " + state, f)
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
                report.next()
                check(s, "loss: password " + state, f)
            })
        }

        function test_jobs_and_guides() {
            matrix(jobsComponent, (s, state, f) => check(s, "jobs " + state, f))
            matrix(guidesComponent, (s, state, f) => check(s, "guides " + state, f))
        }
    }
}
