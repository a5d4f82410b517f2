// 协助启用: the window turned towards the citizen (on the second screen where there is one).
// The citizen sets the new PIN, confirms it and sets the service password on the kiosk's own
// PIN pad, at the kiosk's size: the content is laid out with the desktop tokens and drawn
// enlarged by `enlarge`, so an elderly citizen sees the keys as large as at a terminal. The
// digits go from each key to the Activation's PinEntry (C++); this window shows only dots and
// the clerk's window only which step the citizen is at.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Window {
    id: citizen
    objectName: "citizenPinWindow"
    readonly property var activation: Counter.activation
    readonly property real enlarge: 1 / Theme.scale
    readonly property bool entering: activation.step === Activation.NewPin
                                     || activation.step === Activation.ConfirmPin
                                     || activation.step === Activation.ServicePassword
    title: qsTr("社保卡启用 · 请市民输入密码")
    width: 1024
    height: 768
    minimumWidth: 800
    minimumHeight: 600
    visible: activation.citizenWindow
    color: Theme.background
    screen: Qt.application.screens.length > 1 ? Qt.application.screens[1]
                                              : Qt.application.screens[0]
    onVisibleChanged: if (visible) requestActivate()

    Item {
        id: page
        width: citizen.width / citizen.enlarge
        height: citizen.height / citizen.enlarge
        scale: citizen.enlarge
        transformOrigin: Item.TopLeft

        ColumnLayout {
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing / 2

            Text {
                objectName: "citizenCard"
                text: qsTr("%1 的社保卡（卡号 %2）").arg(citizen.activation.holder)
                      .arg(citizen.activation.cardNumber)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Text {
                objectName: "citizenPrompt"
                text: citizen.activation.prompt
                visible: text.length > 0
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: citizen.activation.step === Activation.Done ? Theme.connectedColor : Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Text {
                objectName: "citizenMessage"
                text: citizen.activation.citizenMessage
                visible: text.length > 0 && citizen.activation.step !== Activation.Done
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: citizen.activation.citizenMessageIsError ? Theme.disconnectedColor : Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Item { Layout.fillHeight: true }
            PinPad {
                objectName: "citizenPinPad"
                visible: citizen.entering
                entry: citizen.activation.entry
                Layout.alignment: Qt.AlignHCenter
                onConfirmed: citizen.activation.confirm()
            }
            Item { Layout.fillHeight: true }
            Tile {
                objectName: "citizenCancel"
                visible: citizen.entering
                title: qsTr("不办了")
                tint: Theme.textMuted
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Theme.wideKeyWidth * 1.5
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: citizen.activation.cancel()
            }
        }
    }
}
