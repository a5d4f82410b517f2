// 养老资格认证: the status, then the finger on the sensor with live guidance, then the result.
// The same steps open 我的社保 without the card (cert.forRecords): the finger proves who it is.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Kiosk

Rectangle {
    id: screen
    readonly property var cert: Kiosk.certification
    color: Theme.background
    // On a wide screen (16:9) the digit pad stands beside the words, the buttons under both (as
    // on the loss report): stacked, they do not fit 1366×768 in elderly mode. On 5:4 the column
    // beside the pad is too narrow for the English words; stacked, they fit.
    readonly property bool padBeside: cert.stage === CertificationSession.EnterId
                                      && width > height * 1.5

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        columns: screen.padBeside ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing * 2

        Text {
            Layout.row: 0; Layout.column: 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: cert.forRecords ? qsTr("我的社保") : qsTr("养老金领取资格认证")
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.primary
        }
        SpokenText {
            objectName: "certStatus"
            Layout.row: 1; Layout.column: 0
            Layout.fillWidth: true
            visible: cert.statusText.length > 0
            text: cert.statusText
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
            color: Theme.text
        }
        RowLayout {
            Layout.row: 2; Layout.column: 0
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: cert.prompt.length > 0
            IdCardHint {
                objectName: "certIdCardHint"
                visible: Kiosk.idCardReaderReady && cert.stage === CertificationSession.EnterId
            }
            SpokenText {
                objectName: "certPrompt"
                Layout.fillWidth: true
                text: cert.prompt
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                // The finger's guidance in the largest type; the ID step's longer prompt leaves
                // room for the pad on a short screen.
                font.family: Theme.fontFamily; font.bold: true
                font.pixelSize: cert.stage === CertificationSession.EnterId ? Theme.fontTitle : Theme.fontHero
                color: Theme.primary
            }
        }
        // Without a card: the ID number on the digit pad.
        Text {
            objectName: "certIdNumber"
            Layout.row: 3; Layout.column: 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap  // at its group spaces, 6-8-4
            visible: cert.stage === CertificationSession.EnterId
            text: cert.idEntry.text.length > 0 ? cert.idEntry.text : " "
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.text
        }
        IdKeypad {
            Layout.minimumWidth: implicitWidth  // the words give way, never the keys
            Layout.row: screen.padBeside ? 0 : 4
            Layout.column: screen.padBeside ? 1 : 0
            Layout.rowSpan: screen.padBeside ? 7 : 1
            visible: cert.stage === CertificationSession.EnterId
            Layout.alignment: Qt.AlignHCenter | Qt.AlignVCenter
            onKeyPressed: (key) => cert.idEntry.key(key)
            onBackspacePressed: cert.idEntry.backspace()
        }
        SpokenText {
            objectName: "certMessage"
            Layout.row: 5; Layout.column: 0
            Layout.fillWidth: true
            visible: cert.message.length > 0
            text: cert.message
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
            color: cert.messageIsError ? Theme.disconnectedColor : Theme.connectedColor
        }
        Item { Layout.row: 6; Layout.column: 0; Layout.fillHeight: true }
        // The buttons take the whole width under the words and the pad.
        RowLayout {
            Layout.row: 7; Layout.column: 0
            Layout.columnSpan: screen.padBeside ? 2 : 1
            Layout.fillWidth: true
            spacing: Theme.spacing
            Tile {
                objectName: "certBack"
                title: qsTr("返回")
                tint: Theme.textMuted
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.choiceHeight
                onActivated: cert.reset()
            }
            HelpButton {
                objectName: "certHelp"
                visible: cert.messageIsError || cert.stage === CertificationSession.Problem
                screenName: "Certification/Error"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.choiceHeight
            }
            Tile {
                objectName: "certPrint"
                visible: cert.stage === CertificationSession.Done && !cert.forRecords
                title: qsTr("打印回执")
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.choiceHeight
                onActivated: cert.printReceipt()
            }
            Tile {
                objectName: "certIdNext"
                visible: cert.stage === CertificationSession.EnterId
                title: qsTr("下一步")
                tint: Theme.connectedColor
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.choiceHeight
                onActivated: cert.submitId()
            }
            Tile {
                objectName: "certStart"
                visible: cert.canScan && cert.stage === CertificationSession.Ready
                title: cert.forRecords ? qsTr("开始验证") : qsTr("开始认证")
                tint: Theme.connectedColor
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.choiceHeight
                onActivated: cert.scan()
            }
        }
    }
}
