// renshe-counter's window: the sign-in until the staff member has given the key's passphrase,
// then the three pages (人员查询 F1, 待办 F2, 大厅设备 F3) under a bar saying who is signed in
// and whether the back office is reachable. Mouse and keyboard first, 1366×768 and larger.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

ApplicationWindow {
    id: window
    objectName: "counterWindow"
    width: 1366
    height: 768
    visible: true
    title: qsTr("人社窗口工作站")
    color: Theme.background
    property int page: 0

    // Desktop sizes of the kiosk's design system: the same tokens, smaller.
    Component.onCompleted: Theme.scale = 0.62

    Shortcut { sequence: "F1"; enabled: Counter.signedIn; onActivated: window.page = 0 }
    Shortcut { sequence: "F2"; enabled: Counter.signedIn; onActivated: window.page = 1 }
    Shortcut { sequence: "F3"; enabled: Counter.signedIn; onActivated: { window.page = 2; Counter.hall.refresh() } }
    Shortcut { sequence: "Ctrl+L"; enabled: Counter.signedIn; onActivated: Counter.signOut() }

    SignInView {
        anchors.fill: parent
        visible: !Counter.signedIn
    }

    ColumnLayout {
        anchors.fill: parent
        visible: Counter.signedIn
        spacing: 0

        // Who is signed in, the back office's state, the language, 锁定.
        Rectangle {
            Layout.fillWidth: true
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

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // The pages.
            Rectangle {
                Layout.fillHeight: true
                implicitWidth: Theme.touchMin * 4.6
                color: Theme.surface
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    spacing: Theme.spacing / 2
                    Repeater {
                        model: [
                            { name: "navPerson", text: qsTr("人员查询"), key: "F1" },
                            { name: "navQueue", text: qsTr("待办"), key: "F2" },
                            { name: "navHall", text: qsTr("大厅设备"), key: "F3" }
                        ]
                        CounterButton {
                            objectName: modelData.name
                            Layout.fillWidth: true
                            text: modelData.text
                            hint: modelData.key
                            outline: window.page !== index
                            onActivated: {
                                window.page = index
                                if (index === 2)
                                    Counter.hall.refresh()
                                if (index === 1)
                                    Counter.queue.refresh()
                            }
                            // 待办: how many are overdue or due by tomorrow.
                            Rectangle {
                                objectName: "dueBadge"
                                visible: index === 1 && Counter.queue.dueSoonCount > 0
                                property int count: Counter.queue.dueSoonCount
                                anchors.right: parent.right
                                anchors.top: parent.top
                                anchors.margins: -4
                                width: Math.max(height, badgeText.implicitWidth + 8)
                                height: Theme.badgeHeight
                                radius: height / 2
                                color: Theme.tintLoss
                                Text {
                                    id: badgeText
                                    anchors.centerIn: parent
                                    text: Counter.queue.dueSoonCount
                                    color: Theme.textOnPrimary
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontStatus
                                    font.bold: true
                                }
                            }
                        }
                    }
                    Item { Layout.fillHeight: true }
                }
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: window.page
                PersonView {}
                QueueView {}
                HallView {}
            }
        }
    }
}
