// 信息发布: what the region's playlists play, and a notice composed, previewed as the hall's
// displays will show it (landscape and portrait, the display's own page) and published into a
// playlist, or a published one edited (修改). Checks (title, days, image) are the
// ContentPublisher's, shown next to the fields.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Item {
    id: view
    objectName: "contentView"
    readonly property var content: Counter.content
    property string playlistId: ""
    readonly property bool editing: content.editingId.length > 0
    // A published notice's fields into the form (修改); the checks stay the publisher's.
    function load(fields) {
        if (!fields.title)
            return
        noticeTitle.text = fields.title
        noticeBody.text = fields.body
        firstDay.text = fields.firstDay
        lastDay.text = fields.lastDay
        weekdays.mask = fields.weekdays
        fromTime.text = fields.from
        toTime.text = fields.to
        priority.text = fields.priority
        imagePath.text = ""
    }
    readonly property var draft: ({
            kind: "notice",
            title: noticeTitle.text,
            body: noticeBody.text,
            // A new file when one is given; editing, the picture the notice has.
            image: content.imageUrl(imagePath.text) || (view.editing ? content.editingImage : "")
        })

    FileDialog {
        id: pictureDialog
        objectName: "pictureDialog"
        title: qsTr("选择通知的图片")
        nameFilters: [qsTr("图片 (*.png *.jpg *.jpeg)")]
        onAccepted: imagePath.text = view.content.localPath(selectedFile)
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        // The playlists and what they play; the one chosen gets the notice.
        ScrollView {
            Layout.fillHeight: true
            Layout.preferredWidth: parent.width * 0.34
            contentWidth: availableWidth
            clip: true
            Column {
                width: parent.width
                spacing: Theme.spacing / 2
                Text {
                    width: parent.width
                    text: qsTr("发布到哪个播放列表")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                CounterButton {
                    objectName: "playlist_new"
                    width: parent.width
                    text: qsTr("新建：本所信息发布")
                    outline: view.playlistId !== ""
                    onActivated: view.playlistId = ""
                }
                Repeater {
                    model: view.content.playlists
                    Column {
                        width: parent.width
                        spacing: 2
                        CounterButton {
                            objectName: "playlist_" + modelData.id
                            width: parent.width
                            text: modelData.name
                            outline: view.playlistId !== modelData.id
                            onActivated: view.playlistId = modelData.id
                        }
                        Repeater {
                            model: modelData.entries
                            Item {
                                width: parent.width
                                height: Math.max(entryText.implicitHeight, withdrawButton.height)
                                Text {
                                    id: entryText
                                    objectName: "playlistEntry_" + modelData.itemId
                                    width: parent.width - withdrawButton.width - Theme.spacing / 2
                                           - (editButton.visible ? editButton.width + Theme.spacing / 2 : 0)
                                    anchors.verticalCenter: parent.verticalCenter
                                    leftPadding: Theme.spacing
                                    text: "· " + modelData.title
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontStatus
                                    color: Theme.textMuted
                                    elide: Text.ElideRight
                                }
                                CounterButton {
                                    id: editButton
                                    objectName: "edit_" + modelData.itemId
                                    visible: modelData.editable
                                    anchors.right: withdrawButton.left
                                    anchors.rightMargin: Theme.spacing / 2
                                    height: Theme.touchMin * 0.8
                                    text: qsTr("修改")
                                    outline: true
                                    enabled: !view.content.busy
                                    onActivated: view.load(view.content.edit(modelData.itemId))
                                }
                                CounterButton {
                                    id: withdrawButton
                                    objectName: "withdraw_" + modelData.itemId
                                    anchors.right: parent.right
                                    height: Theme.touchMin * 0.8
                                    text: qsTr("撤下")
                                    tint: Theme.tintLoss
                                    outline: true
                                    enabled: !view.content.busy
                                    onActivated: view.content.withdraw(modelData.itemId)
                                }
                            }
                        }
                    }
                }
            }
        }

        // The notice and its previews; 发布 and its outcome always in sight below them.
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollView {
                anchors { left: parent.left; right: parent.right; top: parent.top; bottom: actions.top }
                anchors.bottomMargin: Theme.spacing / 2
                contentWidth: availableWidth
                clip: true
                Column {
                    id: form
                    width: parent.width
                    spacing: Theme.spacing / 2
                    // 修改: which notice, and the way back to a new one.
                    Item {
                        width: parent.width
                        visible: view.editing
                        height: visible ? Math.max(editingText.implicitHeight, cancelEdit.height) : 0
                        Text {
                            id: editingText
                            objectName: "editingNotice"
                            width: parent.width - cancelEdit.width - Theme.spacing / 2
                            anchors.verticalCenter: parent.verticalCenter
                            text: qsTr("正在修改：%1（保存后所有播放它的信息屏都更新）")
                                  .arg(view.content.editingTitle)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        CounterButton {
                            id: cancelEdit
                            objectName: "cancelEdit"
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            text: qsTr("取消修改")
                            outline: true
                            onActivated: view.content.cancelEdit()
                        }
                    }
                    Field {
                        id: noticeTitle
                        objectName: "noticeTitle"
                        width: parent.width
                        label: qsTr("标题（最多60字）")
                        error: view.content.titleError
                    }
                    Text {
                        text: qsTr("正文")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontStatus
                        color: Theme.textMuted
                    }
                    TextArea {
                        id: noticeBody
                        objectName: "noticeBodyInput"
                        width: parent.width
                        height: Theme.touchMin * 2.4
                        wrapMode: TextEdit.Wrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        background: Rectangle { border.color: "#B9C1CC"; color: Theme.surface }
                    }
                    Text {
                        visible: text.length > 0
                        width: parent.width
                        text: view.content.bodyError
                        color: Theme.disconnectedColor
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontStatus
                        wrapMode: Text.Wrap
                    }
                    Row {
                        spacing: Theme.spacing / 2
                        width: parent.width
                        Field {
                            id: firstDay
                            objectName: "firstDay"
                            width: (parent.width - Theme.spacing / 2) / 2
                            label: qsTr("开始日期（空：今天起）")
                            placeholder: "2026-12-05"
                            error: view.content.daysError
                        }
                        Field {
                            id: lastDay
                            objectName: "lastDay"
                            width: (parent.width - Theme.spacing / 2) / 2
                            label: qsTr("结束日期（空：一直播放）")
                            placeholder: "2026-12-31"
                        }
                    }
                    // When it plays: weekdays (none chosen = every day), a daily window, a priority.
                    Text {
                        text: qsTr("播放时间（不选星期即每天；时段不填即全天）")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontStatus
                        color: Theme.textMuted
                    }
                    Row {
                        id: weekdays
                        property int mask: 0
                        spacing: 4
                        Repeater {
                            model: [qsTr("一"), qsTr("二"), qsTr("三"), qsTr("四"), qsTr("五"), qsTr("六"), qsTr("日")]
                            CounterButton {
                                objectName: "weekday_" + index
                                width: Theme.touchMin
                                text: modelData
                                outline: (weekdays.mask & (1 << index)) === 0
                                onActivated: weekdays.mask ^= (1 << index)
                            }
                        }
                    }
                    Row {
                        spacing: Theme.spacing / 2
                        width: parent.width
                        Field {
                            id: fromTime
                            objectName: "fromTime"
                            width: (parent.width - Theme.spacing) / 3
                            label: qsTr("每天从")
                            placeholder: "08:30"
                            error: view.content.scheduleError
                        }
                        Field {
                            id: toTime
                            objectName: "toTime"
                            width: (parent.width - Theme.spacing) / 3
                            label: qsTr("到")
                            placeholder: "17:00"
                        }
                        Field {
                            id: priority
                            objectName: "priority"
                            width: (parent.width - Theme.spacing) / 3
                            label: qsTr("优先级（0–9，高者先播）")
                            placeholder: "0"
                        }
                    }
                    // The picture: a path typed, or chosen in the file dialog (选择图片…).
                    Item {
                        width: parent.width
                        implicitHeight: imagePath.implicitHeight
                        Field {
                            id: imagePath
                            objectName: "imagePath"
                            width: parent.width - choosePicture.width - Theme.spacing / 2
                            label: view.editing ? qsTr("换一张图片（不填则保留原图片）")
                                                : qsTr("图片文件（PNG 或 JPEG，可不填）")
                            placeholder: "/home/staff/通知.png"
                            error: view.content.imageError
                        }
                        CounterButton {
                            id: choosePicture
                            objectName: "choosePicture"
                            anchors.right: parent.right
                            anchors.top: parent.top
                            anchors.topMargin: imagePath.input.y
                            text: qsTr("选择图片…")
                            outline: true
                            onActivated: pictureDialog.open()
                        }
                    }
                    Row {
                        spacing: Theme.spacing
                        NoticePreview {
                            objectName: "previewLandscape"
                            width: form.width * 0.55
                            entry: view.draft
                            caption: qsTr("横屏 1920×1080")
                        }
                        NoticePreview {
                            objectName: "previewPortrait"
                            width: form.width * 0.55 * 1080 / 1920 * 1080 / 1920
                            screenWidth: 1080
                            screenHeight: 1920
                            entry: view.draft
                            caption: qsTr("竖屏")
                        }
                    }
                }
            }
            Column {
                id: actions
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                spacing: Theme.spacing / 2
                Row {
                    spacing: Theme.spacing / 2
                    CounterButton {
                        objectName: "publishNotice"
                        text: view.content.busy ? qsTr("正在发布…")
                              : view.editing ? qsTr("保存修改") : qsTr("发布")
                        enabled: !view.content.busy
                        tint: Theme.tintConfirm
                        onActivated: {
                            if (view.content.setSchedule(weekdays.mask, fromTime.text, toTime.text, priority.text))
                                view.content.publish(view.playlistId, noticeTitle.text, noticeBody.text,
                                                     firstDay.text, lastDay.text, imagePath.text)
                        }
                    }
                    CounterButton {
                        objectName: "refreshContent"
                        text: qsTr("刷新")
                        outline: true
                        onActivated: view.content.refresh()
                    }
                }
                Text {
                    objectName: "contentMessage"
                    width: parent.width
                    visible: text.length > 0
                    text: view.content.message
                    color: view.content.published ? Theme.connectedColor : Theme.disconnectedColor
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
