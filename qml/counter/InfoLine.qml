// "label: value" on one line of a counter panel; the value is the object's `value` for tests.
import QtQuick
import QtQuick.Layouts
import Renshe.Components

RowLayout {
    id: line
    property string label
    property string value
    Layout.fillWidth: true
    spacing: Theme.spacing / 2
    Text {
        text: line.label
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        Layout.preferredWidth: Theme.touchMin * 3.4
        wrapMode: Text.Wrap
    }
    Text {
        text: line.value
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
}
