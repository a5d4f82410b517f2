// 待办: the region's open applications and follow-ups by due date (overdue and due-by-tomorrow
// marked), the hall's help requests, one application's detail and history, and the actions on
// it. Keyboard: Ctrl+Down / Ctrl+Up next / previous, Alt+C 认领, Alt+A 受理, Alt+I 补充材料,
// Alt+R 不予受理, Alt+D 办结, Alt+N 备注, F5 refresh.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Item {
    id: view
    readonly property var queue: Counter.queue
    readonly property bool chosen: queue.selected.number !== undefined
    readonly property bool active: visible && Counter.signedIn

    Shortcut { sequence: "F5"; enabled: view.active; onActivated: view.queue.refresh() }
    Shortcut { sequence: "Ctrl+Down"; enabled: view.active; onActivated: view.queue.selectNext(1) }
    Shortcut { sequence: "Ctrl+Up"; enabled: view.active; onActivated: view.queue.selectNext(-1) }
    Shortcut { sequence: "Alt+C"; enabled: view.active && view.chosen; onActivated: view.queue.claim(false) }
    Shortcut { sequence: "Alt+A"; enabled: view.active && view.chosen; onActivated: view.queue.decide("accept", reason.text) }
    Shortcut { sequence: "Alt+I"; enabled: view.active && view.chosen; onActivated: view.queue.decide("request_information", reason.text) }
    Shortcut { sequence: "Alt+R"; enabled: view.active && view.chosen; onActivated: view.queue.decide("reject", reason.text) }
    Shortcut { sequence: "Alt+D"; enabled: view.active && view.chosen; onActivated: view.queue.decide("complete", reason.text) }
    Shortcut { sequence: "Alt+N"; enabled: view.active && view.chosen; onActivated: view.queue.addNote(reason.text) }

    Connections {
        target: view.queue
        function onChanged() {
            // A decision or note that went through: the field is cleared for the next one.
            if (view.queue.actionMessage.length > 0 && view.queue.reasonError.length === 0 && !view.queue.acting)
                reason.text = ""
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillHeight: true
            Layout.preferredWidth: parent.width * 0.42
            spacing: Theme.spacing / 2

            RowLayout {
                Layout.fillWidth: true
                Text {
                    text: qsTr("待办申请（%1 件，%2 件即将或已经到期）").arg(view.queue.applications.length)
                          .arg(view.queue.dueSoonCount)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                CounterButton {
                    objectName: "refreshQueue"
                    text: view.queue.loading ? qsTr("刷新中…") : qsTr("刷新")
                    hint: "F5"
                    outline: true
                    onActivated: view.queue.refresh()
                }
            }
            Text {
                objectName: "queueMessage"
                visible: text.length > 0
                text: view.queue.message
                color: Theme.disconnectedColor
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontStatus
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            // The hall's terminals asking for staff.
            Repeater {
                model: view.queue.helpRequests
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: helpRow.implicitHeight + Theme.spacing / 2
                    color: "#FFF4E5"
                    radius: Theme.radius / 3
                    RowLayout {
                        id: helpRow
                        anchors.fill: parent
                        anchors.margins: Theme.spacing / 4
                        Text {
                            text: qsTr("%1 请求帮助（%2，%3）").arg(modelData.terminal).arg(modelData.screen)
                                  .arg(modelData.raised)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontStatus
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        CounterButton {
                            objectName: "answerHelp_" + modelData.id
                            text: qsTr("已前往")
                            tint: Theme.tintJobs
                            onActivated: view.queue.answerHelp(modelData.id)
                        }
                    }
                }
            }

            ListView {
                id: list
                objectName: "applicationList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 4
                model: view.queue.applications
                ScrollBar.vertical: ScrollBar {}
                delegate: Rectangle {
                    objectName: "application_" + modelData.number
                    width: list.width
                    implicitHeight: rowColumn.implicitHeight + Theme.spacing / 2
                    radius: Theme.radius / 3
                    color: view.queue.selected.number === modelData.number ? "#DCE9F7" : Theme.surface
                    border.color: modelData.overdue ? Theme.tintLoss : modelData.dueSoon ? Theme.tintJobs : "#D5DAE1"
                    border.width: modelData.dueSoon ? 2 : 1
                    ColumnLayout {
                        id: rowColumn
                        anchors.fill: parent
                        anchors.margins: Theme.spacing / 4
                        spacing: 2
                        Text {
                            text: qsTr("%1 · %2 · %3").arg(modelData.kind).arg(modelData.stateText).arg(modelData.person)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                        Text {
                            text: qsTr("期限 %1%2 · %3").arg(modelData.due)
                                  .arg(modelData.overdue ? qsTr("（已超期）") : modelData.dueSoon ? qsTr("（即将到期）") : "")
                                  .arg(modelData.claimedBy.length > 0 ? qsTr("经办人 %1").arg(modelData.claimedBy) : qsTr("未认领"))
                            color: modelData.overdue ? Theme.tintLoss : Theme.textMuted
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontStatus
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                        Text {
                            text: modelData.summary
                            color: Theme.textMuted
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontStatus
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: view.queue.select(modelData.number)
                    }
                }
            }
        }

        // The chosen application.
        Panel {
            objectName: "applicationDetail"
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: view.chosen ? qsTr("申请 %1 · %2").arg(view.queue.selected.number).arg(view.queue.selected.kind)
                               : qsTr("请从左侧选择一件申请")
            InfoLine { visible: view.chosen; objectName: "selectedState"; label: qsTr("状态"); value: view.queue.selected.stateText || "" }
            InfoLine { visible: view.chosen; label: qsTr("申请人"); value: view.queue.selected.person || "" }
            InfoLine { visible: view.chosen; label: qsTr("内容"); value: view.queue.selected.summary || "" }
            InfoLine { visible: view.chosen; label: qsTr("联系电话"); value: view.queue.selected.phone || "" }
            InfoLine { visible: view.chosen; label: qsTr("提交 / 期限"); value: (view.queue.selected.submitted || "") + " / " + (view.queue.selected.due || "") }
            InfoLine { visible: view.chosen; objectName: "selectedClaim"; label: qsTr("经办人"); value: view.queue.selected.claimedBy || qsTr("未认领") }
            InfoLine { visible: view.chosen && (view.queue.selected.reason || "").length > 0; label: qsTr("原因"); value: view.queue.selected.reason || "" }

            ScrollView {
                visible: view.chosen
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                ColumnLayout {
                    width: parent.width
                    Repeater {
                        model: view.queue.selected.history || []
                        Text {
                            text: qsTr("%1 %2：%3 → %4 %5").arg(modelData.at).arg(modelData.actor).arg(modelData.action)
                                  .arg(modelData.state).arg(modelData.text)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontStatus
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }
            }

            Field {
                id: reason
                objectName: "decisionReason"
                visible: view.chosen
                Layout.fillWidth: true
                label: qsTr("原因 / 备注（不予受理、补充材料时必填，申请人可见）")
                error: view.queue.reasonError
            }
            Text {
                objectName: "actionMessage"
                visible: text.length > 0
                text: view.queue.actionMessage
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Flow {
                visible: view.chosen
                Layout.fillWidth: true
                spacing: Theme.spacing / 2
                CounterButton { objectName: "claimButton"; text: qsTr("认领"); hint: "Alt+C"; enabled: !view.queue.acting; onActivated: view.queue.claim(false) }
                CounterButton { objectName: "takeOverButton"; text: qsTr("接手"); outline: true; enabled: !view.queue.acting; onActivated: view.queue.claim(true) }
                CounterButton { objectName: "acceptButton"; text: qsTr("受理"); hint: "Alt+A"; tint: Theme.tintConfirm; enabled: !view.queue.acting; onActivated: view.queue.decide("accept", reason.text) }
                CounterButton { objectName: "moreInfoButton"; text: qsTr("补充材料"); hint: "Alt+I"; tint: Theme.tintJobs; enabled: !view.queue.acting; onActivated: view.queue.decide("request_information", reason.text) }
                CounterButton { objectName: "rejectButton"; text: qsTr("不予受理"); hint: "Alt+R"; tint: Theme.tintLoss; enabled: !view.queue.acting; onActivated: view.queue.decide("reject", reason.text) }
                CounterButton { objectName: "completeButton"; text: qsTr("办结"); hint: "Alt+D"; tint: Theme.tintConfirm; enabled: !view.queue.acting; onActivated: view.queue.decide("complete", reason.text) }
                CounterButton { objectName: "noteButton"; text: qsTr("备注"); hint: "Alt+N"; outline: true; enabled: !view.queue.acting; onActivated: view.queue.addNote(reason.text) }
            }
        }
    }
}
