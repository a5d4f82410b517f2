// 业务申请: the kind, then one question a page (a choice of large answers, a word on the pinyin
// keyboard, digits on the pad), a check of everything, and the number with what happens next.
// The ApplicationsFlow view-model decides every page, answer and message.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Kiosk

Item {
    id: screen
    readonly property var vm: Kiosk.applications
    signal back()
    readonly property bool typing: vm.step === ApplicationsFlow.Name || vm.step === ApplicationsFlow.Text
    readonly property bool padPage: vm.step === ApplicationsFlow.IdNumber || vm.step === ApplicationsFlow.Digits
    // Landscape: the digit pad beside the words; the buttons beside the pinyin keyboard where
    // there is room for both at full key size.
    readonly property bool padBeside: padPage && width > height * 1.1
    readonly property real besideKeyboard: width - Theme.spacing * 6
                                           - (10 * Theme.letterKeySize + 9 * Theme.targetGap)
    readonly property bool buttonsBeside: typing && besideKeyboard >= Theme.wideKeyWidth * 1.5
    readonly property bool listPage: vm.step === ApplicationsFlow.Confirm
                                     || vm.step === ApplicationsFlow.Done
                                     || vm.step === ApplicationsFlow.Status

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        columns: screen.padBeside || screen.buttonsBeside ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing * 2

        Text {
            objectName: "applicationsTitle"
            Layout.row: 0; Layout.column: 0
            Layout.columnSpan: screen.buttonsBeside ? 2 : 1
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: vm.title + (vm.progress.length > 0 ? "  " + vm.progress : "")
            // Smaller over the pinyin keyboard, which needs the height.
            font.family: Theme.fontFamily; font.pixelSize: screen.typing ? Theme.fontTitle : Theme.fontHero
            font.bold: true
            color: Theme.primary
        }
        RowLayout {
            Layout.row: 1; Layout.column: 0
            Layout.columnSpan: screen.buttonsBeside ? 2 : 1
            Layout.fillWidth: true
            spacing: Theme.spacing
            IdCardHint {
                visible: Kiosk.idCardReaderReady && vm.step === ApplicationsFlow.IdNumber
            }
            SpokenText {
                objectName: "applicationsPrompt"
                Layout.fillWidth: true
                text: vm.prompt
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                color: Theme.text
            }
        }
        SpokenText {
            objectName: "applicationsMessage"
            Layout.row: 2; Layout.column: 0
            Layout.columnSpan: screen.buttonsBeside ? 2 : 1
            Layout.fillWidth: true
            visible: vm.message.length > 0
            text: vm.message
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
            color: vm.messageIsError ? Theme.disconnectedColor : Theme.connectedColor
        }

        // The kinds.
        GridLayout {
            Layout.row: 3; Layout.column: 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: vm.step === ApplicationsFlow.Choose
            columns: screen.width > screen.height * 1.1 ? 4 : 2
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Tile { objectName: "applyUnemployment"; title: qsTr("失业登记"); subtitle: qsTr("领取失业保险、享受就业服务")
                   Layout.fillWidth: true; Layout.fillHeight: true; tint: Theme.tintJobs
                   onActivated: vm.start(ApplicationsFlow.Unemployment) }
            Tile { objectName: "applyEmployment"; title: qsTr("就业登记"); subtitle: qsTr("找到工作后登记")
                   Layout.fillWidth: true; Layout.fillHeight: true; tint: Theme.tintRecords
                   onActivated: vm.start(ApplicationsFlow.Employment) }
            Tile { objectName: "applyAppointment"; title: qsTr("预约办事"); subtitle: qsTr("约好时间，到窗口不排队")
                   Layout.fillWidth: true; Layout.fillHeight: true; tint: Theme.primary
                   onActivated: vm.start(ApplicationsFlow.Appointment) }
            Tile { objectName: "applyHomeVisit"; title: qsTr("上门服务"); subtitle: qsTr("老人、病人、残疾人在家办")
                   Layout.fillWidth: true; Layout.fillHeight: true; tint: Theme.tintCertification
                   onActivated: vm.start(ApplicationsFlow.HomeVisit) }
            Tile { objectName: "applyLookup"; title: qsTr("进度查询"); subtitle: qsTr("凭申请编号查询")
                   Layout.fillWidth: true; Layout.fillHeight: true; tint: Theme.tintGuides
                   onActivated: vm.start(ApplicationsFlow.Lookup) }
        }

        // An ID number, a phone number or an application number on the digit pad.
        Text {
            objectName: "applicationsDigits"
            Layout.row: 3; Layout.column: 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: screen.padPage
            text: vm.step === ApplicationsFlow.IdNumber ? (vm.idNumber.length > 0 ? vm.idNumber : " ")
                                                           : (vm.digits.length > 0 ? vm.digits : " ")
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.text
        }
        IdKeypad {
            objectName: "applicationsKeypad"
            Layout.minimumWidth: implicitWidth
            Layout.row: screen.padBeside ? 0 : 4
            Layout.column: screen.padBeside ? 1 : 0
            Layout.rowSpan: screen.padBeside ? 7 : 1
            visible: screen.padPage
            Layout.alignment: Qt.AlignHCenter | Qt.AlignVCenter
            onKeyPressed: (key) => vm.step === ApplicationsFlow.IdNumber ? vm.idKey(key) : vm.digitKey(key)
            onBackspacePressed: vm.step === ApplicationsFlow.IdNumber ? vm.idBackspace() : vm.digitBackspace()
        }

        // A name or a word on the pinyin keyboard.
        Text {
            objectName: "applicationsTyped"
            Layout.row: 3; Layout.column: 0
            Layout.columnSpan: screen.buttonsBeside ? 2 : 1
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: screen.typing
            text: vm.text.text.length > 0 ? vm.text.text : " "
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.text
        }
        PinyinKeyboard {
            objectName: "pinyinKeyboard"
            Layout.row: 4; Layout.column: 0
            visible: screen.typing
            Layout.fillWidth: true
            input: vm.text
        }

        // A choice: large answers.
        // They scroll where two questions in large letters are taller than a short screen.
        Flickable {
            id: choicesFlick
            objectName: "applicationsChoicesScroll"
            Layout.row: 3; Layout.column: 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: vm.step === ApplicationsFlow.Choice
            clip: true
            contentHeight: choices.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
        GridLayout {
            id: choices
            objectName: "applicationsChoices"
            width: choicesFlick.width
            columns: screen.width > screen.height * 1.1 ? 3 : 2
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Repeater {
                model: vm.step === ApplicationsFlow.Choice ? vm.options : []
                // A question's heading across the row, or one of its answers.
                Loader {
                    required property var modelData
                    readonly property bool isHeader: modelData.header !== undefined
                    Layout.fillWidth: true
                    Layout.columnSpan: isHeader ? choices.columns : 1
                    Layout.preferredHeight: isHeader ? -1 : Theme.choiceHeight
                    sourceComponent: isHeader ? headerComponent : answerComponent
                    Component {
                        id: headerComponent
                        Text {
                            text: modelData.header
                            wrapMode: Text.Wrap
                            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                            color: Theme.text
                        }
                    }
                    Component {
                        id: answerComponent
                        Tile {
                            objectName: "apply_" + modelData.id
                            title: (modelData.selected ? "✔ " : "") + modelData.title
                            tint: modelData.selected ? Theme.tintConfirm : Theme.primary
                            onActivated: vm.choose(modelData.id)
                        }
                    }
                }
            }
        }
        }

        // What will be sent, what was sent, or what the back office says; it scrolls where a
        // home visit's nine lines in large letters are taller than a short screen.
        Flickable {
            id: summaryFlick
            objectName: "applicationsSummaryScroll"
            Layout.row: 3; Layout.column: 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: screen.listPage
            clip: true
            contentHeight: summaryColumn.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
        ColumnLayout {
            id: summaryColumn
            width: summaryFlick.width
            spacing: Theme.spacing / 2
            Text {
                objectName: "applicationsNumber"
                Layout.fillWidth: true
                visible: vm.number.length > 0 && vm.step === ApplicationsFlow.Done
                wrapMode: Text.Wrap
                text: qsTr("申请编号：%1").arg(vm.number)
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
                color: Theme.primary
            }
            Repeater {
                model: screen.listPage ? vm.summary : []
                Text {
                    objectName: "applicationsLine" + index
                    required property string modelData
                    required property int index
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: modelData
                    font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
            }
        }
        }

        Item { Layout.row: 6; Layout.column: 0; Layout.fillHeight: true
               visible: vm.step !== ApplicationsFlow.Choice && !screen.listPage }

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
            readonly property bool leaving: vm.step === ApplicationsFlow.Choose || vm.step === ApplicationsFlow.Done
                                            || vm.step === ApplicationsFlow.Status
            Tile {
                objectName: "applicationsBack"
                visible: vm.step !== ApplicationsFlow.Working
                title: parent.leaving ? qsTr("返回首页") : qsTr("上一步")
                tint: Theme.textMuted
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: {
                    if (parent.leaving) {
                        vm.reset()
                        screen.back()
                    } else {
                        vm.back()
                    }
                }
            }
            HelpButton {
                objectName: "applicationsHelp"
                visible: vm.messageIsError && vm.step !== ApplicationsFlow.Working
                screenName: "Applications/Error"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
            }
            Tile {
                objectName: "applicationsSkip"
                visible: vm.canSkip
                title: qsTr("跳过")
                tint: Theme.textMuted
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: vm.skip()
            }
            Tile {
                objectName: "applicationsPrint"
                visible: vm.step === ApplicationsFlow.Done
                title: qsTr("打印回执")
                tint: Theme.primary
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: vm.printSlip()
            }
            Tile {
                objectName: "applicationsNext"
                visible: screen.padPage || screen.typing || vm.step === ApplicationsFlow.Confirm
                title: vm.step === ApplicationsFlow.Confirm ? qsTr("提交") : qsTr("下一步")
                tint: Theme.connectedColor
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                onActivated: vm.next()
            }
        }
    }
}
