// 通知公告 and 办事指南 on the information display: a title and text that fits, an image beside
// the text on a landscape screen and under the title on a portrait one. The display plays it
// (DisplayMain.qml) and the counter previews a notice with it before publishing.
import QtQuick

Item {
    id: slide
    // The playlist entry: kind ("notice" or "guide"), title, body, image (a URL; "" = none).
    property var entry: ({})
    Text {
        id: kindLabel
        anchors { left: parent.left; top: parent.top }
        text: entry.kind === "guide" ? qsTr("办事指南") : qsTr("通知公告")
        color: DisplayTheme.accent
        font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontLabel; bold: true }
    }
    Text {
        id: noticeTitle
        objectName: "displayTitle"
        anchors { left: parent.left; right: parent.right; top: kindLabel.bottom; topMargin: DisplayTheme.gapSmall }
        text: entry.title ?? ""
        color: DisplayTheme.textColor
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
        font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontTitle; bold: true }
    }
    // A notice's image: beside the text on a landscape screen, under the title on a
    // portrait one; decoded at the size it is shown.
    readonly property bool hasImage: entry !== undefined && (entry.image || "") !== ""
    readonly property bool landscape: width >= height
    // Only a notice with an image has an Image item at all.
    Loader {
        id: noticeImage
        objectName: "noticeImageArea"
        active: parent.hasImage
        // Positions, not anchors that change with the orientation (an anchor reset
        // does not give the width back to its binding).
        x: parent.landscape ? parent.width - width : 0
        y: noticeTitle.y + noticeTitle.height + DisplayTheme.gapBlock
        width: parent.landscape ? parent.width * 0.42 : parent.width
        height: parent.landscape ? parent.height - y : (parent.height - y) * 0.5
        sourceComponent: Image {
            objectName: "noticeImage"
            source: entry.image
            asynchronous: true
            fillMode: Image.PreserveAspectFit
            horizontalAlignment: Image.AlignHCenter
            verticalAlignment: Image.AlignTop
            sourceSize { width: noticeImage.width; height: noticeImage.height }
        }
    }
    Text {
        anchors {
            left: parent.left; right: parent.right; top: noticeTitle.bottom; bottom: parent.bottom
            topMargin: parent.hasImage && !parent.landscape ? noticeImage.height + 2 * DisplayTheme.gapBlock : DisplayTheme.gapBlock
            rightMargin: parent.hasImage && parent.landscape ? noticeImage.width + DisplayTheme.edge : 0
        }
        text: entry.body ?? ""
        color: DisplayTheme.muted
        wrapMode: Text.Wrap
        lineHeight: 1.3
        fontSizeMode: Text.VerticalFit
        minimumPixelSize: DisplayTheme.fontBodyMin
        elide: Text.ElideRight
        font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontBody }
    }
}
