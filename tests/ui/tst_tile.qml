import QtQuick
import QtTest
import Renshe.Components

// TestCase itself is invisible, so what the tests create lives in this visible root.
Item {
    id: root
    width: 800
    height: 600

    TestCase {
        name: "Tile"
        when: windowShown

        Component {
            id: tileComponent
            Tile { title: "社保卡服务"; subtitle: "启用"; width: 320; height: 200 }
        }
        SignalSpy { id: spy; signalName: "activated" }

        function makeTile() {
            const t = createTemporaryObject(tileComponent, root)
            verify(t !== null)
            spy.target = t
            spy.clear()
            return t
        }

        function test_click_activates_once() {
            const t = makeTile()
            mouseClick(t)
            compare(spy.count, 1)
        }

        function test_return_enter_and_space_activate() {
            const t = makeTile()
            t.forceActiveFocus()
            keyClick(Qt.Key_Return)
            keyClick(Qt.Key_Enter)
            keyClick(Qt.Key_Space)
            compare(spy.count, 3)
        }

        function test_press_darkens_immediately() {
            const t = makeTile()
            const before = String(t.color)  // a copy, not a live value-type reference
            mousePress(t)
            verify(String(t.color) !== before, "no press feedback")
            mouseRelease(t)
            compare(String(t.color), before)
        }

        function test_is_an_accessible_button_named_by_its_title() {
            const t = makeTile()
            compare(t.Accessible.role, Accessible.Button)
            compare(t.Accessible.name, "社保卡服务")
        }

        function test_touch_targets_and_text_grow_in_elderly_scale() {
            Theme.scale = 1.0
            verify(Theme.touchMin >= 64)
            const body = Theme.fontBody
            const target = Theme.touchMin
            Theme.scale = 1.35
            verify(Theme.fontBody >= 32, "elderly body text " + Theme.fontBody)
            verify(Theme.touchMin > target)
            verify(Theme.fontBody > body)
            Theme.scale = 1.0
        }
    }
}
