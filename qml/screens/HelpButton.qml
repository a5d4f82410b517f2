// "请工作人员帮助": calls the hall's staff to this terminal, naming the screen (never personal
// data). After the call it says whether the staff were reached.
import QtQuick
import Renshe.Components
import Renshe.Kiosk

Tile {
    property string screenName
    title: Kiosk.feedback.helpState === Feedback.Sent ? qsTr("已呼叫工作人员") : qsTr("请工作人员帮助")
    subtitle: Kiosk.feedback.helpState === Feedback.Idle ? "" : Kiosk.feedback.helpMessage
    tint: Theme.tintLoss
    onActivated: Kiosk.feedback.callStaff(screenName)
}
