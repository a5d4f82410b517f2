// "label: value" on one line of a counter panel; the value is the object's `value` for tests.
// Positioned by hand, not a RowLayout: a layout nested in the panel's layout would keep a
// wrapped label's first height (Qt 6.4).
import QtQuick
import QtQuick.Layouts
import Renshe.Components

Item {
    id: line
    property string label
    property string value
    Layout.fillWidth: true
    implicitWidth: labelText.width + Theme.spacing / 2 + valueText.implicitWidth
    implicitHeight: Math.max(labelText.implicitHeight, valueText.implicitHeight)

    Text {
        id: labelText
        width: Theme.touchMin * 3.4
        text: line.label
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
    }
    Text {
        id: valueText
        x: labelText.width + Theme.spacing / 2
        width: Math.max(0, line.width - x)
        text: line.value
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
    }
}
