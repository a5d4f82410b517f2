// 协助启用 on the clerk's side: which step the citizen is at on the PIN pad window (never the
// digits), the outcome, 取消 while the citizen types, 补报启用 when the card changed but the
// back office has not recorded it yet.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Popup {
    id: popup
    objectName: "activationPopup"
    readonly property var activation: Counter.activation
    readonly property bool over: activation.step === Activation.Done
                                 || activation.step === Activation.Failed
    readonly property bool working: activation.step === Activation.Working
    function start(cardNumber) {
        activation.begin(cardNumber)
        open()
    }
    width: Math.min(parent.width - 2 * Theme.spacing, Theme.touchMin * 13)
    modal: true
    closePolicy: Popup.NoAutoClose
    // Closed by the clerk, or by the Activation going idle (cancelled, signed out).
    Connections {
        target: popup.activation
        function onChanged() {
            if (popup.activation.step === Activation.Idle && popup.opened
                    && popup.activation.staffMessage.length === 0)
                popup.close()
        }
    }
    ColumnLayout {
        // Modal: the layout audit looks at the popup only (the page is behind it).
        readonly property bool coversScreen: true
        anchors.fill: parent
        spacing: Theme.spacing / 2
        Text {
            objectName: "activationTitle"
            text: qsTr("协助启用（卡号 %1）").arg(popup.activation.cardNumber)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Text {
            text: qsTr("请市民在面向他的密码键盘窗口上输入；密码不会显示在本屏幕上。")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Text {
            objectName: "activationStep"
            text: popup.activation.stepText
            visible: text.length > 0
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Text {
            objectName: "activationMessage"
            text: popup.activation.staffMessage
            visible: text.length > 0
            color: popup.activation.succeeded && !popup.activation.pendingReport
                   ? Theme.connectedColor : Theme.disconnectedColor
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            CounterButton {
                objectName: "retryActivationReport"
                visible: popup.activation.pendingReport
                text: qsTr("补报启用")
                onActivated: popup.activation.retryReport()
            }
            CounterButton {
                objectName: "cancelActivation"
                visible: !popup.over && !popup.working
                text: qsTr("取消启用")
                outline: true
                onActivated: {
                    popup.activation.cancel()
                    popup.close()
                }
            }
            CounterButton {
                objectName: "finishActivation"
                visible: popup.over || popup.activation.step === Activation.Idle
                text: qsTr("完成")
                outline: true
                onActivated: {
                    popup.activation.finish()
                    popup.close()
                }
            }
        }
    }
}
