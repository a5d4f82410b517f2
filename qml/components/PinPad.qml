// The on-screen PIN pad: six dots and large keys in the shuffled order the PinEntry model
// gives. The digits never reach JavaScript: each key press goes straight to the model.
import QtQuick
import QtQuick.Layouts

Item {
    id: pad
    // A renshe::kiosk::PinEntry (length, maxLength, keys, press(), backspace()).
    property var entry
    signal confirmed()
    signal cancelled()

    implicitWidth: grid.implicitWidth
    implicitHeight: dots.implicitHeight + grid.implicitHeight + Theme.spacing

    Row {
        id: dots
        objectName: "pinDots"
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: Theme.spacing
        Repeater {
            model: pad.entry ? pad.entry.maxLength : 6
            Rectangle {
                width: Math.round(28 * Theme.scale); height: width; radius: width / 2
                color: pad.entry && index < pad.entry.length ? Theme.text : "transparent"
                border.color: Theme.text
                border.width: 2
            }
        }
    }

    GridLayout {
        id: grid
        anchors.top: dots.bottom
        anchors.topMargin: Theme.spacing
        anchors.horizontalCenter: parent.horizontalCenter
        columns: 3
        rowSpacing: Theme.spacing / 2
        columnSpacing: Theme.spacing / 2

        // Fixed key positions; only their digits change when the entry reshuffles them.
        Repeater {
            model: 9
            Tile {
                readonly property int digit: pad.entry ? pad.entry.keys[index] : index
                objectName: "pinKey" + digit
                title: digit
                Layout.preferredWidth: Theme.wideKeyWidth
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: pad.entry.press(digit)
            }
        }
        Tile {
            objectName: "pinBackspace"
            title: qsTr("删除")
            tint: Theme.textMuted
            Layout.preferredWidth: Theme.wideKeyWidth
            Layout.preferredHeight: Theme.buttonHeight
            onActivated: pad.entry.backspace()
        }
        Tile {
            objectName: pad.entry ? "pinKey" + pad.entry.keys[9] : "pinKeyLast"
            title: pad.entry ? pad.entry.keys[9] : ""
            Layout.preferredWidth: Theme.wideKeyWidth
            Layout.preferredHeight: Theme.buttonHeight
            onActivated: pad.entry.press(pad.entry.keys[9])
        }
        Tile {
            objectName: "pinConfirm"
            title: qsTr("确认")
            tint: Theme.connectedColor
            Layout.preferredWidth: Theme.wideKeyWidth
            Layout.preferredHeight: Theme.buttonHeight
            onActivated: pad.confirmed()
        }
    }
}
