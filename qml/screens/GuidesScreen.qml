// 办事指南: the catalogue, and for one service everything to bring and do on one screen
// (一次性告知). Works from the cached catalogue when the back office is unreachable.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Kiosk

Item {
    id: screen
    readonly property var guides: Kiosk.guides
    signal back()

    Component.onCompleted: guides.refresh()

    // What tests read: whether a refresh of the catalogue is still under way.
    Item {
        objectName: "guidesState"
        visible: false
        property bool loading: guides.loading
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        Text {
            text: guides.selected.title || qsTr("办事指南")
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.primary
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        SpokenText {
            objectName: "guidesMessage"
            visible: guides.message.length > 0
            text: guides.message
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
            color: Theme.textMuted
        }

        GridLayout {
            objectName: "guidesList"
            Layout.fillWidth: true
            visible: guides.selected.title === undefined
            columns: 2
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Repeater {
                model: guides
                Tile {
                    objectName: "guide" + index
                    title: model.title
                    subtitle: model.category
                    tint: Theme.tintGuides
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.listRowHeight
                    onActivated: guides.select(index)
                }
            }
        }

        Flickable {
            objectName: "guideDetail"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: guides.selected.title !== undefined
            clip: true
            contentHeight: detail.implicitHeight
            ColumnLayout {
                id: detail
                width: parent.width
                spacing: Theme.spacing
                Text {
                    text: qsTr("需要带的材料")
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                    color: Theme.primary
                }
                Repeater {
                    model: guides.selected.materials || []
                    Text {
                        objectName: "guideMaterial" + index
                        Layout.fillWidth: true
                        text: "■ " + modelData
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
                        color: Theme.text
                    }
                }
                Text {
                    text: qsTr("办理流程")
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                    color: Theme.primary
                }
                Repeater {
                    model: guides.selected.steps || []
                    Text {
                        Layout.fillWidth: true
                        text: modelData
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
                }
                Repeater {
                    model: [
                        [qsTr("办理地点"), guides.selected.location],
                        [qsTr("办理时限"), guides.selected.timeLimit],
                        [qsTr("收费标准"), guides.selected.fees],
                        [qsTr("咨询电话"), guides.selected.consultation]
                    ]
                    Text {
                        Layout.fillWidth: true
                        visible: (modelData[1] || "").length > 0
                        text: modelData[0] + "：" + (modelData[1] || "")
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
                }
            }
        }

        Item { Layout.fillHeight: guides.selected.title === undefined }

        Tile {
            objectName: "guidesBack"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.buttonHeight
            title: guides.selected.title !== undefined ? qsTr("返回目录") : qsTr("返回首页")
            tint: Theme.textMuted
            onActivated: {
                if (guides.selected.title !== undefined) guides.clearSelection()
                else screen.back()
            }
        }
    }
}
