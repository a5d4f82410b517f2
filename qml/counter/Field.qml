// A labelled one-line text field with the reason it was refused next to it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Renshe.Components

ColumnLayout {
    id: field
    property alias label: caption.text
    property alias text: input.text
    property alias placeholder: input.placeholderText
    property alias echoMode: input.echoMode
    property string error
    property alias input: input
    signal accepted()
    spacing: 4

    Text {
        id: caption
        visible: text.length > 0
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontStatus
        color: Theme.textMuted
    }
    TextField {
        id: input
        objectName: field.objectName.length > 0 ? field.objectName + "Input" : ""
        Layout.fillWidth: true
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        selectByMouse: true
        onAccepted: field.accepted()
        Accessible.name: caption.text
    }
    Text {
        objectName: field.objectName.length > 0 ? field.objectName + "Error" : ""
        visible: field.error.length > 0
        text: field.error
        color: Theme.disconnectedColor
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontStatus
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
