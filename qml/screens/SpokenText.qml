// A prompt or a result: shown, and read aloud by the kiosk's voice guidance when it appears
// and whenever it changes while it is on screen. Only for text that may be heard by anyone
// standing near: screens give it masked data, never a PIN or a full ID number.
import QtQuick
import Renshe.Kiosk

Text {
    // False for text that is shown but not read (e.g. while a child view speaks for it).
    property bool spoken: true
    function speak() {
        if (spoken && visible && text.length > 0)
            Kiosk.voice.say(text)
    }
    onTextChanged: speak()
    onVisibleChanged: speak()
    Component.onCompleted: speak()
}
