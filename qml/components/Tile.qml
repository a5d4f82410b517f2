// A large service tile: the home screen's four services. Big text, big target, immediate
// press feedback; works by touch, mouse, Return/Space and accessibility tools.
import QtQuick

Rectangle {
    id: tile
    property string title
    property string subtitle
    property color tint: Theme.primary
    signal activated()
    // The width the title needs on one line at full size (for rows that size to their words).
    readonly property real naturalWidth: titleMetrics.advanceWidth + 2 * Theme.spacing + 2

    TextMetrics {
        id: titleMetrics
        text: tile.title
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.bold: true
    }
    TextMetrics {
        id: subtitleMetrics
        text: tile.subtitle
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
    // The subtitle gives way when the title at full size and the subtitle do not both fit:
    // the title keeps its size (the subtitle stays in Accessible.description).
    readonly property real innerWidth: width - 2 * Theme.spacing
    readonly property real innerHeight: height - 2 * Math.round(4 * Theme.scale)
    readonly property bool subtitleFits: {
        if (subtitle.length === 0 || innerWidth <= 0)
            return false
        const lines = (w) => Math.max(1, Math.ceil(w / innerWidth))
        return lines(titleMetrics.advanceWidth) * titleMetrics.height
               + lines(subtitleMetrics.advanceWidth) * subtitleMetrics.height + Theme.spacing / 2
               <= innerHeight
    }

    implicitWidth: Theme.tileWidth
    implicitHeight: Theme.tileHeight
    radius: Theme.radius
    color: area.pressed ? Theme.pressed : tint
    border.width: activeFocus ? Math.round(4 * Theme.scale) : 0
    border.color: Theme.focusRing
    activeFocusOnTab: true

    Accessible.role: Accessible.Button
    Accessible.name: title
    Accessible.description: subtitle
    Accessible.onPressAction: tile.activated()

    Keys.onReturnPressed: tile.activated()
    Keys.onEnterPressed: tile.activated()
    Keys.onSpacePressed: tile.activated()

    // The title takes what the subtitle leaves and shrinks (never below fontLabelMin) rather than
    // spill out of the tile when a word or a translation is longer than the tile is wide.
    Column {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacing
        spacing: Theme.spacing / 2
        Text {
            objectName: tile.objectName + "Title"
            width: parent.width
            height: tile.height - 2 * Math.round(4 * Theme.scale)
                    - (subtitleText.visible ? subtitleText.height + parent.spacing : 0)
            text: tile.title
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            fontSizeMode: Text.Fit
            minimumPixelSize: Theme.fontLabelMin
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: subtitleText.visible ? Text.AlignBottom : Text.AlignVCenter
            wrapMode: Text.Wrap
        }
        Text {
            id: subtitleText
            width: parent.width
            visible: tile.subtitleFits
            text: tile.subtitle
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
    }

    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: tile.activated()
    }
}
