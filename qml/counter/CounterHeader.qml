// The bar above every page: who is signed in and for which region, whether the back office
// is reachable (actions are refused while it is not), the language, 锁定 (Ctrl+L).
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Rectangle {
    objectName: "counterHeader"
    implicitHeight: Theme.touchMin * 1.3
    color: Theme.primary
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing
        Text {
            text: qsTr("人社窗口工作站")
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle * 0.8
            font.bold: true
        }
        Text {
            objectName: "staffLabel"
            text: qsTr("工作人员 %1 · 辖区 %2").arg(Counter.staffId).arg(Counter.staffRegion)
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        Rectangle {
            objectName: "onlineBadge"
            property bool online: Counter.online
            implicitWidth: onlineText.implicitWidth + Theme.spacing
            implicitHeight: Theme.badgeHeight * 1.2
            radius: height / 2
            color: Counter.online ? Theme.connectedColor : Theme.disconnectedColor
            Text {
                id: onlineText
                anchors.centerIn: parent
                text: Counter.online ? qsTr("后台已连接") : qsTr("后台连接中断：操作暂不可用")
                color: Theme.textOnPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontStatus
            }
        }
        Repeater {
            model: [["zh_CN", "中文"], ["en", "English"], ["ko", "한국어"]]
            CounterButton {
                objectName: "language_" + modelData[0]
                text: modelData[1]
                tint: Counter.language === modelData[0] ? Theme.pressed : "#3A7BC0"
                onActivated: Counter.setLanguage(modelData[0])
            }
        }
        CounterButton {
            objectName: "lockButton"
            text: qsTr("锁定")
            hint: "Ctrl+L"
            tint: Theme.pressed
            onActivated: Counter.signOut()
        }
    }
}

