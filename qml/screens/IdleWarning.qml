// "Are you still there?" over the whole screen with a countdown; any touch keeps the session.
// Its words wrap inside the screen in every language and size (the layout audit looks only at
// this warning while it shows: `coversScreen`).
import QtQuick
import Renshe.Components
import Renshe.Kiosk

Rectangle {
    id: warning
    property int secondsLeft: -1
    readonly property bool coversScreen: true
    signal continued()

    visible: secondsLeft >= 0
    color: Theme.scrim
    // Swallows touches meant for the page below; only 继续办理 acts.
    MouseArea { anchors.fill: parent }
    // Said once as it appears (the countdown itself is not read out every second).
    onVisibleChanged: if (visible) Kiosk.voice.say(qsTr("您还在吗？请触摸屏幕继续办理"))

    Column {
        anchors.centerIn: parent
        width: parent.width - Theme.spacing * 4
        spacing: Theme.spacing * 2
        Text {
            objectName: "idleWarningText"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: qsTr("您还在吗？%1秒后将返回首页").arg(Math.max(0, warning.secondsLeft))
            color: Theme.textOnScrim
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
        }
        Tile {
            objectName: "idleContinue"
            anchors.horizontalCenter: parent.horizontalCenter
            title: qsTr("继续办理")
            tint: Theme.connectedColor
            onActivated: warning.continued()
        }
    }
}
