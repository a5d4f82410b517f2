// 临时挂失 without the card: the ID card on its reader (or the ID number and the name in pinyin),
// the service password, then the report number.
// The LossReport view-model decides every step and message.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Kiosk

Item {
    id: screen
    readonly property var report: Kiosk.lossReport
    signal back()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        Text {
            text: qsTr("社保卡临时挂失")
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.primary
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            IdCardHint {
                objectName: "lossIdCardHint"
                visible: Kiosk.idCardReaderReady && report.step === LossReport.IdNumber
            }
            SpokenText {
                objectName: "lossPrompt"
                Layout.fillWidth: true
                text: report.prompt
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                color: Theme.text
            }
        }
        SpokenText {
            objectName: "lossMessage"
            Layout.fillWidth: true
            visible: report.message.length > 0
            text: report.message
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
            color: report.messageIsError ? Theme.disconnectedColor : Theme.connectedColor
        }

        // Step 1: the ID number on a digit pad with X.
        Text {
            objectName: "lossIdNumber"
            visible: report.step === LossReport.IdNumber
            text: report.idNumber.length > 0 ? report.idNumber : " "
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.text
        }
        IdKeypad {
            visible: report.step === LossReport.IdNumber
            Layout.alignment: Qt.AlignHCenter
            onKeyPressed: (key) => report.idKey(key)
            onBackspacePressed: report.idBackspace()
        }

        // Step 2: the name.
        Text {
            objectName: "lossName"
            visible: report.step === LossReport.Name
            text: report.name.text.length > 0 ? report.name.text : " "
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.text
        }
        PinyinKeyboard {
            objectName: "pinyinKeyboard"
            visible: report.step === LossReport.Name
            Layout.fillWidth: true
            input: report.name
        }

        // Step 3: the service password.
        PinPad {
            objectName: "lossPinPad"
            visible: report.step === LossReport.Password
            Layout.alignment: Qt.AlignHCenter
            entry: report.password
            onConfirmed: report.next()
        }

        Item { Layout.fillHeight: true }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Tile {
                objectName: "lossBack"
                title: report.step === LossReport.IdNumber || report.step === LossReport.Done ? qsTr("返回首页") : qsTr("上一步")
                tint: Theme.textMuted
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: {
                    if (report.step === LossReport.IdNumber || report.step === LossReport.Done) {
                        report.reset()
                        screen.back()
                    } else {
                        report.back()
                    }
                }
            }
            Tile {
                objectName: "lossPrint"
                visible: report.step === LossReport.Done
                title: qsTr("打印回执")
                tint: Theme.primary
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: report.printReceipt()
            }
            Text {
                objectName: "receiptFile"
                visible: false
                text: Kiosk.receipts.lastFile
            }
            Tile {
                objectName: "lossNext"
                visible: report.step === LossReport.IdNumber || report.step === LossReport.Name
                title: qsTr("下一步")
                tint: Theme.connectedColor
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: report.next()
            }
        }
    }
}
