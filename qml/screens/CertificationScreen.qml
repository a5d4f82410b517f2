// 养老资格认证: the status, then the finger on the sensor with live guidance, then the result.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Kiosk

Rectangle {
    id: screen
    readonly property var cert: Kiosk.certification
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        Text {
            text: qsTr("养老金领取资格认证")
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.primary
        }
        SpokenText {
            objectName: "certStatus"
            Layout.fillWidth: true
            visible: cert.statusText.length > 0
            text: cert.statusText
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
            color: Theme.text
        }
        RowLayout {
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
            visible: cert.stage === CertificationSession.EnterId
            text: cert.idEntry.text.length > 0 ? cert.idEntry.text : " "
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.text
        }
        IdKeypad {
            visible: cert.stage === CertificationSession.EnterId
            Layout.alignment: Qt.AlignHCenter
            onKeyPressed: (key) => cert.idEntry.key(key)
            onBackspacePressed: cert.idEntry.backspace()
        }
        SpokenText {
            objectName: "certMessage"
            Layout.fillWidth: true
            visible: cert.message.length > 0
            text: cert.message
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
            color: cert.messageIsError ? Theme.disconnectedColor : Theme.connectedColor
        }
        Item { Layout.fillHeight: true }
        RowLayout {
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
            Tile {
                objectName: "certPrint"
                visible: cert.stage === CertificationSession.Done
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
                title: qsTr("开始认证")
                tint: Theme.connectedColor
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.choiceHeight
                onActivated: cert.scan()
            }
        }
    }
}
