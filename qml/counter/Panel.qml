// A titled white panel of a counter page.
import QtQuick
import QtQuick.Layouts
import Renshe.Components

Rectangle {
    id: panel
    property string title
    default property alias content: body.data
    color: Theme.surface
    radius: Theme.radius / 2
    border.color: "#D5DAE1"
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    implicitWidth: column.implicitWidth + 2 * Theme.spacing

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing / 2
        Text {
            text: panel.title
            visible: text.length > 0
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle * 0.75
            font.bold: true
            color: Theme.text
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        ColumnLayout {
            id: body
            spacing: Theme.spacing / 2
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
