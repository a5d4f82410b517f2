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
    // On a landscape screen the digit pad (ID number) or the PIN pad (service password) stands
    // beside the words, the buttons under both: stacked, they do not fit 1280×1024 or 1366×768
    // in elderly mode. The pinyin keyboard always takes the whole width.
    readonly property bool padBeside: (report.step === LossReport.IdNumber
                                       || report.step === LossReport.Password)
                                      && width > height * 1.1
    // While the name is spelt, the buttons stand beside the keyboard where the screen has room
    // for both at full key size (under it, they fall off 1366×768 in elderly mode).
    readonly property real besideKeyboard: width - Theme.spacing * 6
                                           - (10 * Theme.letterKeySize + 9 * Theme.targetGap)
    readonly property bool buttonsBeside: report.step === LossReport.Name
                                          && besideKeyboard >= Theme.wideKeyWidth * 1.5

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        columns: screen.padBeside || screen.buttonsBeside ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing * 2

        Text {
            Layout.row: 0; Layout.column: 0
            Layout.columnSpan: screen.buttonsBeside ? 2 : 1
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("社保卡临时挂失")
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.primary
        }
        RowLayout {
            Layout.row: 1; Layout.column: 0
            Layout.columnSpan: screen.buttonsBeside ? 2 : 1
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
            Layout.row: 2; Layout.column: 0
            Layout.columnSpan: screen.buttonsBeside ? 2 : 1
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
            Layout.row: 3; Layout.column: 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap  // at its group spaces, 6-8-4
            visible: report.step === LossReport.IdNumber
            text: report.idNumber.length > 0 ? report.idNumber : " "
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.text
        }
        IdKeypad {
            Layout.minimumWidth: implicitWidth  // the words give way, never the keys
            Layout.row: screen.padBeside ? 0 : 4
            Layout.column: screen.padBeside ? 1 : 0
            Layout.rowSpan: screen.padBeside ? 7 : 1
            visible: report.step === LossReport.IdNumber
            Layout.alignment: Qt.AlignHCenter | Qt.AlignVCenter
            onKeyPressed: (key) => report.idKey(key)
            onBackspacePressed: report.idBackspace()
        }

        // Step 2: the name.
        Text {
            objectName: "lossName"
            Layout.row: 3; Layout.column: 0
            Layout.columnSpan: screen.buttonsBeside ? 2 : 1
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: report.step === LossReport.Name
            text: report.name.text.length > 0 ? report.name.text : " "
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.text
        }
        PinyinKeyboard {
            objectName: "pinyinKeyboard"
            Layout.row: 4; Layout.column: 0
            visible: report.step === LossReport.Name
            Layout.fillWidth: true
            input: report.name
        }

        // Step 3: the service password.
        PinPad {
            objectName: "lossPinPad"
            Layout.minimumWidth: implicitWidth
            Layout.row: screen.padBeside ? 0 : 5
            Layout.column: screen.padBeside ? 1 : 0
            Layout.rowSpan: screen.padBeside ? 7 : 1
            visible: report.step === LossReport.Password
            Layout.alignment: Qt.AlignHCenter | Qt.AlignVCenter
            entry: report.password
            onConfirmed: report.next()
        }

        Item { Layout.row: 6; Layout.column: 0; Layout.fillHeight: true }

        // The buttons take the whole width under the words and the pad, or stand in a column
        // beside the keyboard.
        GridLayout {
            Layout.row: screen.buttonsBeside ? 4 : 7
            Layout.column: screen.buttonsBeside ? 1 : 0
            Layout.columnSpan: screen.padBeside ? 2 : 1
            Layout.fillWidth: true
            Layout.fillHeight: screen.buttonsBeside
            Layout.preferredWidth: screen.buttonsBeside ? screen.besideKeyboard : -1
            flow: screen.buttonsBeside ? GridLayout.TopToBottom : GridLayout.LeftToRight
            rows: screen.buttonsBeside ? 4 : 1
            columns: screen.buttonsBeside ? 1 : 4
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
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
            HelpButton {
                objectName: "lossHelp"
                visible: report.messageIsError && report.step !== LossReport.Working
                screenName: "LossReport/Error"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
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
