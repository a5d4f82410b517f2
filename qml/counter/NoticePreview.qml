// A notice as a hall display would show it, drawn by the display's own page (NoticeSlide) on a
// screen of `screenWidth`×`screenHeight` (1920×1080 or 1080×1920) scaled to this item's width.
import QtQuick
import Renshe.Components

Item {
    id: preview
    property int screenWidth: 1920
    property int screenHeight: 1080
    property var entry: ({})
    property string caption
    implicitHeight: width * screenHeight / screenWidth + captionText.implicitHeight + 4
    clip: true

    Rectangle {
        id: screen
        width: preview.screenWidth
        height: preview.screenHeight
        scale: preview.width / preview.screenWidth
        transformOrigin: Item.TopLeft
        color: DisplayTheme.background
        Rectangle {
            id: header
            width: parent.width
            height: DisplayTheme.headerHeight
            color: DisplayTheme.panel
        }
        NoticeSlide {
            anchors {
                left: parent.left; right: parent.right; top: header.bottom
                bottom: parent.bottom; margins: DisplayTheme.edge
                bottomMargin: DisplayTheme.footerHeight + DisplayTheme.edge
            }
            entry: preview.entry
        }
    }
    Text {
        id: captionText
        y: preview.width * preview.screenHeight / preview.screenWidth + 4
        width: preview.width
        text: preview.caption
        horizontalAlignment: Text.AlignHCenter
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontStatus
        color: Theme.textMuted
        elide: Text.ElideRight
    }
}
