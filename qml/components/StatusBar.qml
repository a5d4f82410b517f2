// Top bar: service point name, date and time, and an unmistakable online/offline indicator
// (colour plus words, never colour alone).
import QtQuick

Rectangle {
    id: bar
    property string servicePointName
    property bool connected: false
    property bool checking: false
    // Reports waiting in the kiosk's outbox for the back office (0 = none).
    property int pendingReports: 0
    // Reports the back office refused for good, kept for the staff (0 = none).
    property int heldReports: 0
    // "2026-12-03  15:30" in China Standard Time (the screen's owner keeps it current).
    property string clockText

    implicitHeight: Theme.touchMin
    color: Theme.primary

    Text {
        anchors.left: parent.left
        anchors.leftMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        text: bar.servicePointName
        color: Theme.textOnPrimary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontStatus
        font.bold: true
    }

    Row {
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.spacing

        Text {
            objectName: "pendingReports"
            visible: bar.pendingReports > 0
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("待上报 %1").arg(bar.pendingReports)
            color: Theme.focusRing
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontStatus
            font.bold: true
        }

        Text {
            objectName: "heldReports"
            visible: bar.heldReports > 0
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("%1 项请工作人员处理").arg(bar.heldReports)
            color: Theme.focusRing
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontStatus
            font.bold: true
        }

        Rectangle {
            id: indicator
            objectName: "connectivityIndicator"
            property bool connected: bar.connected
            property string label: bar.checking ? qsTr("正在连接…") : (bar.connected ? qsTr("在线") : qsTr("离线"))
            anchors.verticalCenter: parent.verticalCenter
            width: indicatorText.implicitWidth + 2 * Theme.spacing
            height: Theme.badgeHeight
            radius: height / 2
            color: bar.checking ? Theme.textMuted : (bar.connected ? Theme.connectedColor : Theme.disconnectedColor)
            Accessible.role: Accessible.StaticText
            Accessible.name: label
            Text {
                id: indicatorText
                anchors.centerIn: parent
                text: indicator.label
                color: Theme.textOnPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontStatus
            }
        }

        Text {
            id: clock
            objectName: "statusClock"
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontStatus
            text: bar.clockText
        }
    }
}
