// A drawing of a resident ID card beside the prompt, shown while the ID card reader is ready
// on a step that asks for an ID number: the words are in the view-model's (spoken) prompt.
import QtQuick
import Renshe.Components

Rectangle {
    id: hint
    implicitWidth: Theme.touchMin * 2.2
    implicitHeight: Theme.touchMin * 1.4
    radius: Theme.radius / 2
    color: "#DCEBFA"
    border.color: Theme.primary
    border.width: 3
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("身份证读卡区")

    // The photo on the right, three lines of text on the left, the number along the bottom.
    Rectangle {
        anchors.right: parent.right; anchors.top: parent.top
        anchors.margins: parent.height * 0.12
        width: parent.width * 0.26; height: parent.height * 0.56
        radius: 3
        color: "#9DB9D6"
    }
    Column {
        anchors.left: parent.left; anchors.top: parent.top
        anchors.margins: parent.height * 0.14
        spacing: parent.height * 0.09
        Repeater {
            model: 3
            Rectangle { width: hint.width * (0.5 - index * 0.08); height: hint.height * 0.07; color: "#6E8FB3" }
        }
    }
    Rectangle {
        anchors.left: parent.left; anchors.bottom: parent.bottom
        anchors.margins: parent.height * 0.14
        width: parent.width * 0.8; height: parent.height * 0.08
        color: Theme.primary
    }
}
