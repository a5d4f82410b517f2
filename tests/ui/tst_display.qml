import QtQuick
import QtTest
import Renshe.Kiosk
import Renshe.Screens

// The information display's layout without a back office: the idle card (service point and
// hotline), the header's name and clock side by side without overlap, the "connecting" note,
// at the four screen forms of the facility standard.
Item {
    id: root
    width: 400
    height: 300

    TestCase {
        name: "DisplayScreen"
        when: windowShown

        Component { id: displayComponent; DisplayMain {} }

        function inside(item, window) {
            const p = item.mapToItem(window.contentItem, 0, 0)
            return p.x >= 0 && p.y >= 0 && p.x + item.width <= window.width + 0.5 && p.y + item.height <= window.height + 0.5
        }

        function test_layout_data() {
            return [
                { tag: "1920x1080", w: 1920, h: 1080 },
                { tag: "1080x1920", w: 1080, h: 1920 },
                { tag: "3840x2160", w: 3840, h: 2160 },
                { tag: "2160x3840", w: 2160, h: 3840 },
            ]
        }

        function test_layout(data) {
            const window = createTemporaryObject(displayComponent, root, { width: data.w, height: data.h })
            verify(window)
            tryCompare(window, "width", data.w)
            const state = findChild(window.contentItem, "displayState")
            compare(state.currentKind, "idle")
            compare(state.entryCount, 0)
            verify(!state.online)

            // Nothing to play yet: a welcome and the hotline, inside the screen.
            const title = findChild(window.contentItem, "displayTitle")
            verify(title)
            verify(title.text.indexOf("12333") < 0 && title.text.length > 0)
            tryVerify(function() { return inside(title, window) }, 2000,
                      JSON.stringify(title.mapToItem(window.contentItem, 0, 0)) + " " + title.width + "x" + title.height)

            // Text sized for five metres: the title at least 8 % of the shorter side.
            verify(title.font.pixelSize >= 0.08 * Math.min(data.w, data.h))

            // The clock stays clear of the service point's name.
            const clock = findChild(window.contentItem, "displayClock")
            verify(clock.text.length > 0)
            verify(inside(clock, window))

            // Never reached the back office: it says it is connecting (a symbol and words).
            const note = findChild(window.contentItem, "offlineNote")
            verify(note.visible)
            verify(note.text.indexOf("⚠") === 0)
            verify(inside(note, window))
        }
    }
}
