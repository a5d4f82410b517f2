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

    // While a flow asks for digits on a landscape screen the pad stands beside the words (with
    // 取消 under them): stacked, they do not fit a 1280×1024 screen in elderly mode. Every item
    // has its cell; those of other stages are hidden and take no room.
    readonly property bool padBeside: card.stage === CardSession.Entry && width > height * 1.1

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        columns: screen.padBeside ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing * 2

        // Who and what: masked holder, card number, state.
        Rectangle {
            Layout.row: 0; Layout.column: 0
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
                    Layout.fillWidth: true
                    text: card.maskedName + "　" + card.maskedSsn
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                    color: Theme.text
                }
                SpokenText {
                    objectName: "cardStatus"
                    Layout.fillWidth: true
                    text: card.statusText.length > 0 ? qsTr("卡片状态：%1").arg(card.statusText) : qsTr("正在查询…")
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
                    color: card.statusNormal ? Theme.connectedColor : Theme.primary
                }
            }
        }

        SpokenText {
            objectName: "cardMessage"
            Layout.row: 1; Layout.column: 0
            Layout.fillWidth: true
            visible: card.message.length > 0
            text: card.message
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: card.messageIsError
            color: card.messageIsError ? Theme.disconnectedColor : Theme.text
        }

        SpokenText {
            objectName: "cardPrompt"
            Layout.row: 2; Layout.column: 0
            Layout.fillWidth: true
            // Beside the pad it has the column's height to itself and shrinks (to title size at
            // the least) rather than push 取消 off a short screen.
            Layout.fillHeight: screen.padBeside
            visible: card.stage === CardSession.Entry
            text: card.prompt
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
            fontSizeMode: screen.padBeside ? Text.Fit : Text.FixedSize
            minimumPixelSize: Theme.fontTitle
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.primary
        }

        PinPad {
            objectName: "pinPad"
            Layout.minimumWidth: implicitWidth  // the words give way, never the keys
            Layout.row: screen.padBeside ? 0 : 3
            Layout.column: screen.padBeside ? 1 : 0
            Layout.rowSpan: screen.padBeside ? 8 : 1
            Layout.alignment: Qt.AlignHCenter | Qt.AlignVCenter
            visible: card.stage === CardSession.Entry
            entry: card.pin
            onConfirmed: card.confirm()
        }

        GridLayout {
            objectName: "cardActions"
            Layout.row: 4; Layout.column: 0
            Layout.fillWidth: true
            visible: card.stage === CardSession.Ready
            // Landscape: the actions in one row when they are five or fewer (a short screen has
            // no height to spare for a second; a long title takes two lines), else rows of three.
            columns: screen.width > screen.height * 1.1
                     ? (card.actionItems.length <= 5 ? Math.max(1, card.actionItems.length) : 3) : 2
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Repeater {
                model: card.actionItems
                Tile {
                    objectName: "action_" + modelData.id
                    title: modelData.title
                    Layout.fillWidth: true
                    // Two rows of them on a landscape screen: button height, so that both fit
                    // a short screen with large letters (still well above the smallest target).
                    Layout.preferredHeight: card.actionItems.length > 5 && screen.width > screen.height * 1.1
                                            ? Theme.buttonHeight : Theme.actionHeight
                    onActivated: Kiosk.act(modelData.id)
                }
            }
        }

        ListView {
            objectName: "cardHistory"
            Layout.row: 5; Layout.column: 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: card.history.length > 0 && card.stage === CardSession.Ready
            clip: true
            model: card.history
            delegate: Text {
                width: ListView.view.width
                text: modelData
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                color: Theme.text
            }
        }

        Item {
            Layout.row: 6; Layout.column: 0
            Layout.fillHeight: !screen.padBeside
                               && (card.history.length === 0 || card.stage !== CardSession.Ready)
        }

        RowLayout {
            Layout.row: 7; Layout.column: 0
            Layout.fillWidth: true
            Tile {
                objectName: "cardPrint"
                visible: card.canPrintReceipt && card.stage === CardSession.Ready
                title: qsTr("打印回执")
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: card.printReceipt()
            }
            HelpButton {
                objectName: "cardHelp"
                // A card the kiosk cannot serve (its actions give way to this).
                visible: card.stage === CardSession.Problem
                screenName: "Card/Error"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
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
            Layout.row: 8; Layout.column: 0
            Layout.columnSpan: screen.padBeside ? 2 : 1
            Layout.fillWidth: true
            text: card.stage === CardSession.Working ? qsTr("请不要拔卡") : qsTr("办理完毕请取走社保卡")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
    }
}
