// 就业信息: this township's postings, newest first. Common job words are one touch away (no
// typing needed); a posting opens its details with the employer's contact.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Kiosk

Item {
    id: screen
    readonly property var jobs: Kiosk.jobs
    signal back()

    Component.onCompleted: jobs.search("")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        Text {
            text: qsTr("就业信息")
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            color: Theme.primary
        }

        // Common jobs as one-touch searches (out of the keyboard's way while one types).
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            visible: jobs.selected.title === undefined && !keyboard.visible
            Repeater {
                model: jobs.suggestions
                Tile {
                    objectName: "jobKeyword" + index
                    title: modelData.label
                    width: Theme.chipWidth; height: Theme.chipHeight
                    tint: jobs.keyword === modelData.keyword ? Theme.primary : Theme.textMuted
                    onActivated: jobs.search(modelData.keyword)
                }
            }
        }

        // Any other word: typed in pinyin.
        RowLayout {
            Layout.fillWidth: true
            visible: jobs.selected.title === undefined
            spacing: Theme.spacing / 2
            Text {
                objectName: "jobTyped"
                Layout.fillWidth: true
                text: jobs.input.text.length > 0 ? jobs.input.text : qsTr("输入其他岗位名称…")
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
                color: jobs.input.text.length > 0 ? Theme.text : Theme.textMuted
            }
            Tile {
                id: typeToggle
                objectName: "jobTypeToggle"
                title: keyboard.visible ? qsTr("收起键盘") : qsTr("打字搜索")
                tint: Theme.textMuted
                Layout.preferredWidth: Math.max(Theme.toggleWidth, typeToggle.naturalWidth)
                Layout.preferredHeight: Theme.touchMin
                onActivated: keyboard.visible = !keyboard.visible
            }
            Tile {
                objectName: "jobSearchTyped"
                visible: jobs.input.text.length > 0
                title: qsTr("搜索")
                Layout.preferredWidth: Theme.searchWidth
                Layout.preferredHeight: Theme.touchMin
                onActivated: { keyboard.visible = false; jobs.searchTyped() }
            }
        }
        PinyinKeyboard {
            id: keyboard
            objectName: "jobsKeyboard"
            visible: false
            Layout.fillWidth: true
            input: jobs.input
        }

        SpokenText {
            objectName: "jobsMessage"
            visible: jobs.message.length > 0
            text: jobs.message
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
            color: Theme.textMuted
        }

        ListView {
            id: list
            objectName: "jobsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: jobs.selected.title === undefined
            clip: true
            spacing: Theme.spacing / 2
            model: jobs
            onAtYEndChanged: if (atYEnd && jobs.hasMore) jobs.loadMore()
            delegate: Rectangle {
                objectName: "job" + index
                width: list.width
                height: row.implicitHeight + Theme.spacing * 1.5
                radius: Theme.radius
                color: Theme.surface
                ColumnLayout {
                    id: row
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.spacing }
                    RowLayout {
                        Text {
                            Layout.fillWidth: true
                            text: title
                            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                            color: Theme.text
                        }
                        Text {
                            text: salary
                            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle; font.bold: true
                            color: Theme.tintJobs
                        }
                    }
                    Text {
                        Layout.fillWidth: true
                        text: employer + "　" + qsTr("发布于%1").arg(posted)
                        font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                        elide: Text.ElideRight
                        property bool fullTextElsewhere: true  // the posting's page has it all
                    }
                }
                MouseArea { anchors.fill: parent; onClicked: jobs.select(index) }
            }
        }

        // The posting: everything on one screen, large.
        Rectangle {
            objectName: "jobDetail"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: jobs.selected.title !== undefined
            radius: Theme.radius
            color: Theme.surface
            // The words scroll when they are longer than the screen is high (elderly mode on a
            // short screen); the QR code stays beside them.
            RowLayout {
                anchors { fill: parent; margins: Theme.spacing * 1.5 }
                spacing: Theme.spacing
                Flickable {
                    id: detailFlick
                    objectName: "jobDetailScroll"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    contentHeight: detailColumn.implicitHeight
                    boundsBehavior: Flickable.StopAtBounds
                    ColumnLayout {
                        id: detailColumn
                        width: detailFlick.width
                        spacing: Theme.spacing
                        Text {
                            objectName: "jobDetailTitle"
                            Layout.fillWidth: true
                            text: jobs.selected.title || ""
                            wrapMode: Text.Wrap
                            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
                            color: Theme.text
                        }
                        Repeater {
                            model: [
                                [qsTr("招聘单位"), jobs.selected.employer],
                                [qsTr("工资待遇"), jobs.selected.salary],
                                [qsTr("招聘人数"), jobs.selected.headcount],
                                [qsTr("任职要求"), jobs.selected.requirements],
                                [qsTr("工作地点"), jobs.selected.address],
                                [qsTr("联系方式"), jobs.selected.contact],
                                [qsTr("截止日期"), jobs.selected.expires]
                            ]
                            Text {
                                Layout.fillWidth: true
                                visible: (modelData[1] || "").length > 0
                                text: modelData[0] + "：" + (modelData[1] || "")
                                wrapMode: Text.Wrap
                                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
                                color: Theme.text
                            }
                        }
                    }
                }
                ColumnLayout {
                    Layout.alignment: Qt.AlignBottom
                    visible: jobs.selected.qr !== undefined
                    spacing: Theme.spacing / 2
                    Text {
                        Layout.alignment: Qt.AlignHCenter
                        text: qsTr("扫码保存")
                        font.family: Theme.fontFamily; font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                    Image {
                        objectName: "jobQr"
                        Layout.preferredWidth: Theme.qrSize
                        Layout.preferredHeight: Theme.qrSize
                        sourceSize: Qt.size(Theme.qrSize, Theme.qrSize)
                        smooth: false
                        source: jobs.selected.qr ? "image://qr/" + jobs.selected.qr : ""
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
        Tile {
            objectName: "jobsBack"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.buttonHeight
            title: jobs.selected.title !== undefined ? qsTr("返回列表") : qsTr("返回首页")
            tint: Theme.textMuted
            onActivated: {
                if (jobs.selected.title !== undefined) jobs.clearSelection()
                else { jobs.reset(); screen.back() }
            }
        }
        // 我要应聘: the application for this posting (identity, phone, confirmation).
        Tile {
            objectName: "jobApply"
            visible: jobs.selected.title !== undefined && jobs.selected.id !== undefined
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.buttonHeight
            title: qsTr("我要应聘")
            tint: Theme.connectedColor
            onActivated: {
                Kiosk.applications.startJob(jobs.selected.id, jobs.selected.title)
                Kiosk.open(Kiosk.Applications)
            }
        }
        }
    }
}
