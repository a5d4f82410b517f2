// 好差评 after a completed flow: five large faces with words, skippable; a poor rating asks why
// (several reasons may be chosen) before it is sent. Drawn over the screen; the Feedback
// view-model decides what is asked and sent.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Kiosk

Rectangle {
    id: panel
    readonly property var feedback: Kiosk.feedback
    visible: feedback.ratingOpen
    color: Theme.scrim
    MouseArea { anchors.fill: parent }  // nothing behind it is touched meanwhile

    Rectangle {
        anchors.centerIn: parent
        width: parent.width - Theme.spacing * 4
        height: content.implicitHeight + Theme.spacing * 4
        radius: Theme.radius
        color: Theme.surface

        ColumnLayout {
            id: content
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacing * 2 }
            spacing: Theme.spacing
            SpokenText {
                objectName: "ratingMessage"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: feedback.ratingMessage
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                color: Theme.text
            }
            GridLayout {
                Layout.fillWidth: true
                visible: feedback.level === 0
                columns: panel.width > panel.height * 1.1 ? 5 : 3
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing
                Repeater {
                    model: [
                        { level: 5, words: qsTr("非常满意"), tint: Theme.connectedColor },
                        { level: 4, words: qsTr("满意"), tint: Theme.tintCertification },
                        { level: 3, words: qsTr("基本满意"), tint: Theme.primary },
                        { level: 2, words: qsTr("不满意"), tint: Theme.tintJobs },
                        { level: 1, words: qsTr("非常不满意"), tint: Theme.tintLoss }
                    ]
                    // A face drawn for each level (no emoji font needed) over its words.
                    Rectangle {
                        id: faceButton
                        objectName: "rate" + modelData.level
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.choiceHeight * 1.6
                        radius: Theme.radius
                        color: faceArea.pressed ? Theme.pressed : modelData.tint
                        activeFocusOnTab: true
                        Accessible.role: Accessible.Button
                        Accessible.name: modelData.words
                        Accessible.onPressAction: feedback.rate(modelData.level)
                        Keys.onReturnPressed: feedback.rate(modelData.level)
                        Keys.onSpacePressed: feedback.rate(modelData.level)
                        Canvas {
                            id: face
                            anchors { top: parent.top; horizontalCenter: parent.horizontalCenter; topMargin: Theme.spacing / 2 }
                            width: parent.height * 0.5; height: width
                            onPaint: {
                                const c = getContext("2d")
                                const r = width / 2 - 2
                                c.reset()
                                c.strokeStyle = "white"; c.fillStyle = "white"; c.lineWidth = Math.max(2, width / 16)
                                c.beginPath(); c.arc(width / 2, height / 2, r, 0, 2 * Math.PI); c.stroke()
                                for (const x of [0.35, 0.65]) {
                                    c.beginPath(); c.arc(width * x, height * 0.4, width / 16, 0, 2 * Math.PI); c.fill()
                                }
                                // The mouth bends with the level: up for 5, flat for 3, down for 1.
                                const bend = (faceButton.modelData.level - 3) * height * 0.09
                                c.beginPath()
                                c.moveTo(width * 0.3, height * 0.66)
                                c.quadraticCurveTo(width / 2, height * 0.66 + bend * 2, width * 0.7, height * 0.66)
                                c.stroke()
                            }
                        }
                        Text {
                            anchors { bottom: parent.bottom; left: parent.left; right: parent.right; bottomMargin: Theme.spacing / 2 }
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                            text: faceButton.modelData.words
                            font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
                            color: Theme.textOnPrimary
                        }
                        MouseArea { id: faceArea; anchors.fill: parent; onClicked: feedback.rate(faceButton.modelData.level) }
                    }
                }
            }
            GridLayout {
                Layout.fillWidth: true
                visible: feedback.reasons.length > 0
                columns: panel.width > panel.height * 1.1 ? 3 : 2
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing
                Repeater {
                    model: feedback.reasons
                    Tile {
                        objectName: "ratingReason" + modelData.id
                        required property var modelData
                        title: (modelData.selected ? "✔ " : "") + modelData.title
                        tint: modelData.selected ? Theme.tintConfirm : Theme.textMuted
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.choiceHeight
                        onActivated: feedback.toggleReason(modelData.id)
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Tile {
                    objectName: "ratingSkip"
                    visible: feedback.level === 0 || feedback.reasons.length > 0
                    title: qsTr("不评价")
                    tint: Theme.textMuted
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.buttonHeight
                    onActivated: feedback.skipRating()
                }
                Tile {
                    objectName: "ratingSend"
                    visible: feedback.reasons.length > 0
                    title: qsTr("提交评价")
                    tint: Theme.connectedColor
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.buttonHeight
                    onActivated: feedback.sendRating()
                }
            }
        }
    }
}
