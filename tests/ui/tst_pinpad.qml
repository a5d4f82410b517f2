import QtQuick
import QtTest
import Renshe.Components

// The PIN pad against a stand-in for the PinEntry model: every digit has exactly one key, the
// keys follow the model's order, presses go to the model, and the dots count its length.
Item {
    id: root
    width: 900
    height: 900

    QtObject {
        id: fakeEntry
        property var keys: [7, 3, 0, 9, 1, 5, 8, 2, 6, 4]
        property int length: 0
        property int maxLength: 6
        property var pressed: []
        function press(d) { pressed = pressed.concat([d]); length = Math.min(6, length + 1) }
        function backspace() { length = Math.max(0, length - 1) }
    }

    TestCase {
        name: "PinPad"
        when: windowShown

        Component {
            id: padComponent
            PinPad { entry: fakeEntry }
        }

        function findByName(item, name) {
            if (item.objectName === name) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findByName(item.children[i], name)
                if (found) return found
            }
            return null
        }

        function test_every_digit_has_one_key_in_the_models_order() {
            const pad = createTemporaryObject(padComponent, root)
            waitForRendering(pad)
            for (let d = 0; d <= 9; ++d) {
                const key = findByName(pad, "pinKey" + d)
                verify(key !== null, "no key for " + d)
                compare(key.title, String(d))
            }
            fakeEntry.pressed = []
            fakeEntry.length = 0
            mouseClick(findByName(pad, "pinKey4"))   // the last of the shuffled order
            mouseClick(findByName(pad, "pinKey7"))   // the first
            compare(fakeEntry.pressed, [4, 7])
            compare(fakeEntry.length, 2)
            fakeEntry.keys = [4, 6, 2, 8, 5, 1, 9, 0, 3, 7]  // reshuffled: same keys, new digits
            waitForRendering(pad)
            mouseClick(findByName(pad, "pinKey7"))
            compare(fakeEntry.pressed, [4, 7, 7])
        }

        function test_confirm_and_backspace() {
            const pad = createTemporaryObject(padComponent, root)
            let confirmed = 0
            pad.confirmed.connect(function() { confirmed += 1 })
            waitForRendering(pad)
            fakeEntry.length = 3
            mouseClick(findByName(pad, "pinBackspace"))
            compare(fakeEntry.length, 2)
            mouseClick(findByName(pad, "pinConfirm"))
            compare(confirmed, 1)
        }
    }
}
