// Both hands seen from above, palms down, each finger a target: the enrolled ones filled, the
// chosen one ringed. Codes are renshe.v1.Finger (1 left thumb … 5 left little, 6 right thumb …
// 10 right little).
import QtQuick
import Renshe.Components

Item {
    id: diagram
    property var enrolled: []   // finger codes
    property int selected: 0
    signal chosen(int finger)

    readonly property real unit: Theme.touchMin * 0.62
    implicitWidth: unit * 13.8
    implicitHeight: unit * 6.2

    // One hand: `codes` from the left of the picture to the right, the thumb at `thumbAt`.
    component Hand: Item {
        id: hand
        property var codes: []
        property int thumbAt: 0
        property string name
        width: diagram.unit * 6.4
        height: diagram.implicitHeight
        Rectangle {
            id: palm
            x: diagram.unit * 0.9
            y: diagram.unit * 2.6
            width: diagram.unit * 4.6
            height: diagram.unit * 2.4
            radius: diagram.unit
            color: "#E7EBF0"
            border.color: "#B9C1CC"
        }
        Repeater {
            model: hand.codes
            Rectangle {
                required property int modelData
                required property int index
                readonly property bool thumb: index === hand.thumbAt
                readonly property int slot: hand.thumbAt === 0 ? index - 1 : index
                readonly property bool isEnrolled: diagram.enrolled.indexOf(modelData) >= 0
                objectName: "finger_" + modelData
                property bool enrolled: isEnrolled
                width: diagram.unit * 0.8
                // Thumb, index, middle, ring, little.
                height: diagram.unit * [1.6, 2.2, 2.5, 2.2, 1.7][(modelData - 1) % 5]
                x: !thumb ? palm.x + diagram.unit * (0.2 + 1.1 * slot)
                          : hand.thumbAt === 0 ? palm.x - diagram.unit * 0.7
                                               : palm.x + palm.width - diagram.unit * 0.1
                y: thumb ? palm.y + diagram.unit * 0.3 : palm.y - height + diagram.unit * 0.3
                radius: width / 2
                color: isEnrolled ? Theme.connectedColor : Theme.surface
                border.width: diagram.selected === modelData ? 4 : 2
                border.color: diagram.selected === modelData ? Theme.primary : "#8A94A3"
                Accessible.role: Accessible.Button
                Accessible.name: modelData
                MouseArea {
                    anchors.fill: parent
                    anchors.margins: -4
                    cursorShape: Qt.PointingHandCursor
                    onClicked: diagram.chosen(parent.modelData)
                }
            }
        }
        Text {
            anchors.horizontalCenter: palm.horizontalCenter
            anchors.top: palm.bottom
            anchors.topMargin: diagram.unit * 0.2
            text: hand.name
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontStatus
            color: Theme.textMuted
        }
    }

    Row {
        spacing: diagram.unit
        // Left hand: little finger at the left of the picture, the thumb at the right.
        Hand { codes: [5, 4, 3, 2, 1]; thumbAt: 4; name: qsTr("左手") }
        // Right hand: the thumb at the left, the little finger at the right.
        Hand { codes: [6, 7, 8, 9, 10]; thumbAt: 0; name: qsTr("右手") }
    }
}
