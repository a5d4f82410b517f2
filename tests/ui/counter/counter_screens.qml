import QtQuick
import QtTest
import Renshe.Components
import Renshe.Counter
import Renshe.CounterScreens
import "../layout_audit.mjs" as LayoutAudit

// renshe-counter's screens: the sign-in and its refusals, what is checked before anything is
// sent, and every page with long sample answers at the counter's sizes (1366×768, 1920×1080,
// 1280×1024) in Chinese, English and Korean — the layout audit finds nothing.
Item {
    id: root
    width: 1366
    height: 768

    Rectangle { anchors.fill: parent; color: Theme.background }

    Component { id: signInComponent; SignInView { anchors.fill: parent } }
    Component {
        id: pageComponent
        Item {
            anchors.fill: parent
            property alias page: stack.page
            CounterHeader { id: header; anchors.left: parent.left; anchors.right: parent.right }
            CounterNav {
                id: nav
                anchors.top: header.bottom
                anchors.bottom: parent.bottom
                page: stack.page
            }
            Item {
                id: stack
                property int page: 0
                anchors.top: header.bottom
                anchors.left: nav.right
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                PersonView { anchors.fill: parent; visible: stack.page === 0 }
                QueueView { anchors.fill: parent; visible: stack.page === 1 }
                HallView { anchors.fill: parent; visible: stack.page === 2 }
                ContentView { anchors.fill: parent; visible: stack.page === 3 }
            }
        }
    }

    TestCase {
        name: "Counter"
        when: windowShown

        readonly property var sizes: [[1366, 768], [1920, 1080], [1280, 1024]]
        readonly property var languages: ["zh_CN", "en", "ko"]

        function initTestCase() {
            Theme.scale = 0.62  // as CounterMain sets it
        }

        function cleanup() {
            Counter.setLanguage("zh_CN")
            root.width = 1366
            root.height = 768
        }

        function audit(item, state, failures) {
            wait(30)
            let problems = LayoutAudit.audit(item, root, Theme.scale)
            if (problems.length > 0) {
                wait(250)
                problems = LayoutAudit.audit(item, root, Theme.scale)
            }
            for (const p of problems) failures.push(state + ": " + p)
        }

        function test_1_sign_in_refusals_then_in() {
            const view = createTemporaryObject(signInComponent, root)
            Counter.signIn("")
            compare(Counter.signInMessage, "请输入密钥口令")
            Counter.signIn("wrong-passphrase")
            tryCompare(Counter, "signingIn", false, 10000)
            compare(Counter.signInMessage, "口令错误，还可尝试2次")
            compare(Counter.signedIn, false)
            Counter.signIn("ui-test-passphrase")
            tryCompare(Counter, "signedIn", true, 10000)
            compare(Counter.staffId, "S-0001")
            compare(Counter.staffRegion, "371302")
            // Nobody at the back office's address: shown, and actions refused at once.
            tryCompare(Counter, "online", false, 10000)
            Counter.person.searchById("370102194704090017")
            compare(Counter.person.message, "与后台的连接已中断，操作未执行。请在连接恢复后重试。")
        }

        function test_2_forms_are_checked_before_sending() {
            Counter.person.searchById("3701021947040900")
            compare(Counter.person.fieldError, "身份证号码不正确（应为18位，末位为校验码）")
            Counter.person.searchById("370102194704090018")  // wrong check digit
            compare(Counter.person.fieldError, "身份证号码不正确（应为18位，末位为校验码）")
            CounterFixture.showSampleQueue()
            Counter.queue.decide("reject", "  ")
            compare(Counter.queue.reasonError, "不予受理或要求补充材料时，必须填写原因（申请人会看到）")
            Counter.queue.decide("request_information", "")
            compare(Counter.queue.reasonError, "不予受理或要求补充材料时，必须填写原因（申请人会看到）")
            Counter.queue.addNote("")
            compare(Counter.queue.reasonError, "备注应为1至500字")
            CounterFixture.showSamplePerson()
            Counter.person.operate("formal_loss", "A37010002", " ")
            compare(Counter.person.operationMessage, "请填写办理原因（例如：本人持身份证申请）")
            Counter.person.reveal("")
            compare(Counter.person.message, "查看完整身份信息须填写原因")
            compare(Counter.person.operationsFor(2), ["formal_loss", "replacement", "cancel"])
            compare(Counter.person.operationsFor(6), [])
            // 协助启用 for a new card; refused at once while the back office is away.
            compare(Counter.person.operationsFor(1), ["activate", "cancel"])
            Counter.activation.begin("A37010003")
            compare(Counter.activation.staffMessage, "与后台的连接已中断，操作未执行。请在连接恢复后重试。")
            compare(Counter.activation.citizenWindow, false)
        }

        function test_4_a_picture_chosen_in_the_file_dialog_fills_the_field() {
            const pages = createTemporaryObject(pageComponent, root)
            pages.page = 3
            const dialog = findChild(pages, "pictureDialog")
            verify(dialog !== null)
            mouseClick(findChild(pages, "choosePicture"))
            tryCompare(dialog, "visible", true)
            const picture = CounterFixture.samplePicture()
            dialog.currentFolder = picture.toString().replace(/\/[^\/]*$/, "")
            // As a clerk would: the only picture in the folder clicked, then 打开.
            let file = null
            tryVerify(() => {
                file = findChild(root.Window.window.contentItem, "fileDialogDelegate0")
                return file !== null && file.visible
            }, 5000)
            mouseClick(file)
            dialog.accept()
            compare(findChild(pages, "imagePathInput").text, Counter.content.localPath(picture))
            verify(findChild(pages, "imagePathInput").text.endsWith("/通知.png"))
        }

        function test_3_every_page_fits() {
            CounterFixture.showSamplePerson()
            CounterFixture.showSampleQueue()
            CounterFixture.showSampleHall()
            const failures = []
            for (const lang of languages) {
                Counter.setLanguage(lang)
                CounterFixture.showSamplePerson()
                CounterFixture.showSampleQueue()
                CounterFixture.showSampleHall()
                for (const [w, h] of sizes) {
                    root.width = w
                    root.height = h
                    const signIn = createTemporaryObject(signInComponent, root)
                    audit(signIn, lang + " " + w + "x" + h + " sign-in", failures)
                    signIn.destroy()
                    const pages = createTemporaryObject(pageComponent, root)
                    for (let page = 0; page < 4; ++page) {
                        pages.page = page
                        audit(pages, lang + " " + w + "x" + h + " page " + page, failures)
                    }
                    pages.destroy()
                }
            }
            compare(failures, [])
        }
    }
}
