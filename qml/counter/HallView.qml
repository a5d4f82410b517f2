// 大厅设备: the region's terminals and displays (silent ones first, highlighted) with their
// equipment, and each service point's facility class check with what is missing.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Item {
    id: view
    readonly property var hall: Counter.hall

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true
            Text {
                objectName: "hallSummary"
                text: qsTr("终端 %1 台，其中 %2 台失联").arg(view.hall.terminals.length).arg(view.hall.staleCount)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
                Layout.fillWidth: true
            }
            CounterButton {
                objectName: "refreshHall"
                text: view.hall.loading ? qsTr("刷新中…") : qsTr("刷新")
                outline: true
                onActivated: view.hall.refresh()
            }
        }
        Text {
            visible: text.length > 0
            text: view.hall.message
            color: Theme.disconnectedColor
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontStatus
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing / 2

                Repeater {
                    model: view.hall.servicePoints
                    Panel {
                        objectName: "facility_" + modelData.id
                        property bool passed: modelData.passed
                        Layout.fillWidth: true
                        title: qsTr("%1：申报%2，实际%3 %4").arg(modelData.name).arg(modelData.required)
                               .arg(modelData.achieved).arg(modelData.passed ? qsTr("✓ 达标") : qsTr("✗ 未达标"))
                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            Repeater {
                                model: modelData.findings
                                Text {
                                    text: qsTr("%1 %2/%3").arg(modelData.item).arg(modelData.found).arg(modelData.required)
                                          + (modelData.passed ? "" : qsTr("（缺）"))
                                    color: modelData.passed ? Theme.text : Theme.tintLoss
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontStatus
                                }
                            }
                        }
                    }
                }

                Repeater {
                    model: view.hall.terminals
                    Rectangle {
                        objectName: "terminal_" + modelData.id
                        property bool stale: modelData.stale
                        Layout.fillWidth: true
                        implicitHeight: terminalColumn.implicitHeight + Theme.spacing / 2
                        radius: Theme.radius / 3
                        color: modelData.stale ? "#FDECEA" : Theme.surface
                        border.color: modelData.stale ? Theme.tintLoss : "#D5DAE1"
                        ColumnLayout {
                            id: terminalColumn
                            anchors.fill: parent
                            anchors.margins: Theme.spacing / 4
                            spacing: 2
                            Text {
                                text: qsTr("%1 %2 · %3 · 最后心跳 %4%5").arg(modelData.display ? qsTr("信息屏") : qsTr("触摸屏"))
                                      .arg(modelData.id).arg(modelData.servicePoint).arg(modelData.lastSeen || qsTr("从未"))
                                      .arg(modelData.stale ? qsTr("（失联）") : "")
                                color: modelData.stale ? Theme.tintLoss : Theme.text
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                font.bold: modelData.stale
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Text {
                                visible: !modelData.display
                                text: qsTr("读卡器 %1 · 指纹仪 %2 · 打印机 %3 · 身份证阅读器 %4 · 待发送 %5（需处理 %6）")
                                      .arg(modelData.reader).arg(modelData.sensor).arg(modelData.printer)
                                      .arg(modelData.idReader).arg(modelData.outbox).arg(modelData.needsStaff)
                                color: Theme.textMuted
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontStatus
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }
        }
    }
}
