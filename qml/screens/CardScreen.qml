// 社保卡服务: the card in the reader (masked), its state from the back office, the services its
// state allows, and the PIN pad while a flow asks for digits. Everything shown comes from the
// CardSession view-model; this file only lays it out.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Kiosk

Item {
    id: screen
    readonly property var card: Kiosk.card

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing * 1.5

        // Who and what: masked holder, card number, state.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: info.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.surface
            visible: card.stage !== CardSession.Problem
            ColumnLayout {
                id: info
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacing }
                spacing: Theme.spacing / 2
                Text {
                    objectName: "cardHolder"
                    text: card.maskedName + "　" + card.maskedSsn
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                    color: Theme.text
                }
                SpokenText {
                    objectName: "cardStatus"
                    text: card.statusText.length > 0 ? qsTr("卡片状态：%1").arg(card.statusText) : qsTr("正在查询…")
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
                    color: card.statusNormal ? Theme.connectedColor : Theme.primary
                }
            }
        }

        SpokenText {
            objectName: "cardMessage"
            Layout.fillWidth: true
            visible: card.message.length > 0
            text: card.message
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: card.messageIsError
            color: card.messageIsError ? Theme.disconnectedColor : Theme.text
        }

        SpokenText {
            objectName: "cardPrompt"
            Layout.fillWidth: true
            visible: card.stage === CardSession.Entry
            text: card.prompt
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.primary
        }

        PinPad {
            objectName: "pinPad"
            Layout.alignment: Qt.AlignHCenter
            visible: card.stage === CardSession.Entry
            entry: card.pin
            onConfirmed: card.confirm()
        }

        GridLayout {
            objectName: "cardActions"
            Layout.fillWidth: true
            visible: card.stage === CardSession.Ready
            columns: 2
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Repeater {
                model: card.actionItems
                Tile {
                    objectName: "action_" + modelData.id
                    title: modelData.title
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.actionHeight
                    onActivated: Kiosk.act(modelData.id)
                }
            }
        }

        ListView {
            objectName: "cardHistory"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: card.history.length > 0 && card.stage === CardSession.Ready
            clip: true
            model: card.history
            delegate: Text {
                width: ListView.view.width
                text: modelData
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                color: Theme.text
            }
        }

        Item { Layout.fillHeight: card.history.length === 0 }

        RowLayout {
            Layout.fillWidth: true
            Tile {
                objectName: "cardPrint"
                visible: card.canPrintReceipt && card.stage === CardSession.Ready
                title: qsTr("打印回执")
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: card.printReceipt()
            }
            Tile {
                objectName: "cardCancel"
                visible: card.stage === CardSession.Entry
                title: qsTr("取消")
                tint: Theme.textMuted
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: card.cancel()
            }
        }

        Text {
            Layout.fillWidth: true
            text: card.stage === CardSession.Working ? qsTr("请不要拔卡") : qsTr("办理完毕请取走社保卡")
            horizontalAlignment: Text.AlignHCenter
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
    }
}
