// A titled white panel of a counter page. One layout, its title first: Qt 6.4's layouts nested
// in a layout keep a wrapped text's first height when the text re-wraps (seen with English).
import QtQuick
import QtQuick.Layouts
import Renshe.Components

Rectangle {
    id: panel
    property string title
    default property alias content: column.data
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
    }
}
