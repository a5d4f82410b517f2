// 信息发布: what the region's playlists play, and a notice composed, previewed as the hall's
// displays will show it (landscape and portrait, the display's own page) and published into a
// playlist. Checks (title, days, image) are the ContentPublisher's, shown next to the fields.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Item {
    id: view
    objectName: "contentView"
    readonly property var content: Counter.content
    property string playlistId: ""
    readonly property var draft: ({
        kind: "notice",
        title: noticeTitle.text,
        body: noticeBody.text,
        image: content.imageUrl(imagePath.text)
    })

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
                            Text {
                                width: parent.width
                                leftPadding: Theme.spacing
                                text: "· " + modelData.title
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontStatus
                                color: Theme.textMuted
                                elide: Text.ElideRight
                            }
                        }
                    }
                }
            }
        }

        // The notice and its previews.
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            Column {
                id: form
                width: parent.width
                spacing: Theme.spacing / 2
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
                Field {
                    id: imagePath
                    objectName: "imagePath"
                    width: parent.width
                    label: qsTr("图片文件（PNG 或 JPEG，可不填）")
                    placeholder: "/home/staff/通知.png"
                    error: view.content.imageError
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
                Row {
                    spacing: Theme.spacing / 2
                    CounterButton {
                        objectName: "publishNotice"
                        text: view.content.busy ? qsTr("正在发布…") : qsTr("发布")
                        enabled: !view.content.busy
                        tint: Theme.tintConfirm
                        onActivated: view.content.publish(view.playlistId, noticeTitle.text, noticeBody.text,
                                                          firstDay.text, lastDay.text, imagePath.text)
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
