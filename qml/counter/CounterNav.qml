// The pages of the counter (人员查询 F1, 待办 F2 with the count of what is overdue or due by
// tomorrow, 大厅设备 F3, 信息发布 F4); choosing one refreshes what it shows.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Rectangle {
    id: nav
    objectName: "counterNav"
    property int page: 0
    signal chosen(int index)
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
                { name: "navHall", text: qsTr("大厅设备"), key: "F3" },
                { name: "navContent", text: qsTr("信息发布"), key: "F4" }
            ]
            CounterButton {
                objectName: modelData.name
                Layout.fillWidth: true
                text: modelData.text
                hint: modelData.key
                outline: nav.page !== index
                onActivated: {
                    nav.chosen(index)
                    if (index === 2)
                        Counter.hall.refresh()
                    if (index === 1)
                        Counter.queue.refresh()
                    if (index === 3)
                        Counter.content.refresh()
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

