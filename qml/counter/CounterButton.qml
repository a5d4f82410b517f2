// A button of the counter: mouse and keyboard (Tab to it, Return/Space), the design system's
// colours at the desktop's size. `hint` shows its keyboard shortcut beside the words.
import QtQuick
import Renshe.Components

Rectangle {
    id: button
    property string text
    property string hint
    property color tint: Theme.primary
    property bool outline: false
    signal activated()

    implicitWidth: label.implicitWidth + 2 * Theme.spacing
    implicitHeight: Theme.touchMin
    radius: Theme.radius / 2
    color: !enabled ? "#C9CED6" : outline ? Theme.surface : area.pressed ? Qt.darker(tint, 1.3) : tint
    border.width: outline || activeFocus ? 2 : 0
    border.color: activeFocus ? Theme.focusRing : tint
    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.onPressAction: if (enabled) activated()
    Keys.onReturnPressed: if (enabled) activated()
    Keys.onSpacePressed: if (enabled) activated()

    Text {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, parent.width - Theme.spacing)
        text: button.hint.length > 0 ? button.text + "  " + button.hint : button.text
        color: button.outline ? button.tint : Theme.textOnPrimary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        elide: Text.ElideRight
    }
    MouseArea {
        id: area
        anchors.fill: parent
        cursorShape: Qt.PointingHandCursor
        onClicked: {
            button.forceActiveFocus()
            button.activated()
        }
    }
}
