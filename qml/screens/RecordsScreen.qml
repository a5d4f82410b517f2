// 我的社保: the card holder's insurance records — each insurance type in plain words, a year of
// months as bars (each month also says 已缴, 欠缴 or 无 in words: never colour alone), the year
// in a sentence and the benefit payments. The RecordsView view-model decides every word.
// Nothing here is read aloud unless the citizen asks (朗读): a township hall is not private.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Kiosk

Rectangle {
    id: screen
    readonly property var records: Kiosk.card.records
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Math.round(Theme.spacing / 2)

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing * 2
            Text {
                text: qsTr("我的社保")
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
                color: Theme.primary
            }
            Text {
                objectName: "recordsHolder"
                height: Theme.fontHero * 1.4
                verticalAlignment: Text.AlignVCenter
                text: screen.records.holder
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
                color: Theme.text
            }
        }

        // Each insurance type in a sentence.
        Flickable {
            objectName: "recordsSummaryArea"
            Layout.fillWidth: true
            // Six insurance types in elderly mode would push the year off a short screen: the
            // sentences scroll beyond a fifth of the height.
            Layout.preferredHeight: Math.min(summary.height, screen.height * 0.2)
            contentHeight: summary.height
            clip: true
            interactive: contentHeight > height
            Text {
                id: summary
                objectName: "recordsSummary"
                width: parent.width
                text: screen.records.summaryLines.join("\n")
                wrapMode: Text.Wrap
                lineHeight: 1.15
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
                color: Theme.text
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Tile {
                objectName: "recordsEarlier"
                title: qsTr("上一年")
                tint: Theme.textMuted
                enabled: screen.records.canShowEarlier
                opacity: enabled ? 1 : 0.4
                Layout.preferredWidth: Math.max(Theme.wideKeyWidth, naturalWidth)
                Layout.preferredHeight: Theme.keySize
                onActivated: screen.records.showEarlier()
            }
            Text {
                objectName: "recordsYearTitle"
                Layout.fillWidth: true
                text: screen.records.yearTitle
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                color: Theme.text
            }
            Tile {
                objectName: "recordsLater"
                title: qsTr("下一年")
                tint: Theme.textMuted
                enabled: screen.records.canShowLater
                opacity: enabled ? 1 : 0.4
                Layout.preferredWidth: Math.max(Theme.wideKeyWidth, naturalWidth)
                Layout.preferredHeight: Theme.keySize
                onActivated: screen.records.showLater()
            }
        }

        // Twelve months: a bar for what was paid (its height the month's amount), an outlined
        // bar for an owed month, nothing for a month without a record; the word under each.
        Row {
            id: chart
            objectName: "recordsChart"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchMin * 2
            spacing: Math.round(Theme.spacing / 4)
            Repeater {
                model: screen.records.months
                Item {
                    objectName: "recordsMonth" + index
                    readonly property string monthState: modelData.state  // for the tests
                    width: (chart.width - 11 * chart.spacing) / 12
                    height: chart.height
                    Accessible.role: Accessible.StaticText
                    Accessible.name: modelData.month + " " + modelData.mark
                    // Each word keeps inside its twelfth of the width (a long translation on
                    // a narrow portrait screen shrinks, never below 18 dp).
                    Text {
                        id: monthLabel
                        anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Math.round(18 * Theme.scale)
                        text: modelData.month
                        font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
                    Text {
                        id: mark
                        anchors { bottom: monthLabel.top; horizontalCenter: parent.horizontalCenter }
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Math.round(18 * Theme.scale)
                        text: modelData.mark
                        font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                        color: modelData.state === "owed" ? Theme.disconnectedColor : Theme.textMuted
                    }
                    Rectangle {
                        anchors { bottom: mark.top; bottomMargin: 2; horizontalCenter: parent.horizontalCenter }
                        width: parent.width * 0.7
                        height: Math.max(0, (parent.height - mark.height - monthLabel.height - 2) * modelData.share)
                        visible: modelData.state !== "none"
                        radius: Math.round(4 * Theme.scale)
                        color: modelData.state === "paid" ? Theme.primary : Theme.surface
                        border.width: modelData.state === "owed" ? Math.round(4 * Theme.scale) : 0
                        border.color: Theme.disconnectedColor
                    }
                }
            }
        }

        Text {
            objectName: "recordsYearSummary"
            Layout.fillWidth: true
            text: screen.records.yearSummary
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
            color: Theme.text
        }

        ListView {
            objectName: "recordsPayments"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Math.round(Theme.spacing / 2)
            model: screen.records.paymentLines
            delegate: Text {
                width: ListView.view.width
                text: modelData
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                color: Theme.text
            }
        }

        SpokenText {
            objectName: "recordsMessage"
            Layout.fillWidth: true
            visible: screen.records.message.length > 0
            text: screen.records.message
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
            color: Theme.disconnectedColor
        }

        // Printing: why the printer cannot print (before the citizen chooses to), or what
        // became of the print.
        SpokenText {
            objectName: "recordsPrintMessage"
            readonly property string said: screen.records.printMessage.length > 0
                                           ? screen.records.printMessage
                                           : screen.records.printerText
            Layout.fillWidth: true
            visible: said.length > 0
            text: said
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody; font.bold: true
            color: screen.records.printFailed || screen.records.printMessage.length === 0
                   ? Theme.disconnectedColor : Theme.text
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Tile {
                objectName: "recordsBack"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                title: qsTr("返回")
                tint: Theme.textMuted
                onActivated: screen.records.close()
            }
            Tile {
                objectName: "recordsPrint"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                title: qsTr("打印参保证明")
                enabled: screen.records.canPrint
                opacity: enabled ? 1 : 0.4
                onActivated: screen.records.printStatement(false)
            }
            Tile {
                objectName: "recordsPrintYear"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                title: qsTr("打印本年记录")
                enabled: screen.records.canPrint
                opacity: enabled ? 1 : 0.4
                onActivated: screen.records.printStatement(true)
            }
            // Read aloud on request only (with voice guidance on).
            Tile {
                objectName: "recordsRead"
                visible: Kiosk.voice.enabled
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.buttonHeight
                title: qsTr("朗读")
                onActivated: Kiosk.voice.say(screen.records.spokenText)
            }
        }
    }
}
