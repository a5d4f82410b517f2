// The sign-in: the passphrase of the staff key file. Three wrong ones in a row lock the key
// for minutes (counted by the Counter, surviving a restart); idle minutes lock the workstation.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Item {
    id: view
    objectName: "signInView"
    property bool locked: Counter.lockedSeconds > 0
    onVisibleChanged: if (visible) passphrase.input.forceActiveFocus()
    Component.onCompleted: passphrase.input.forceActiveFocus()

    Panel {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, Theme.touchMin * 12)
        title: qsTr("人社窗口工作站 · 工作人员登录")

        Text {
            text: qsTr("请输入您的工作人员密钥口令。连续输错3次，密钥将被锁定数分钟。")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Field {
            id: passphrase
            objectName: "passphrase"
            Layout.fillWidth: true
            label: qsTr("密钥口令")
            echoMode: TextInput.Password
            enabled: !Counter.signingIn && Counter.lockedSeconds === 0
            onAccepted: signIn.activated()
        }
        Text {
            objectName: "signInMessage"
            visible: text.length > 0
            text: Counter.lockedSeconds > 0
                  ? qsTr("密钥已锁定，%1秒后可再试").arg(Counter.lockedSeconds)
                  : Counter.signInMessage
            color: Theme.disconnectedColor
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        CounterButton {
            id: signIn
            objectName: "signInButton"
            Layout.fillWidth: true
            text: Counter.signingIn ? qsTr("正在验证…") : qsTr("登录")
            enabled: !Counter.signingIn && Counter.lockedSeconds === 0
            onActivated: {
                Counter.signIn(passphrase.text)
                passphrase.text = ""
            }
        }
    }
}
