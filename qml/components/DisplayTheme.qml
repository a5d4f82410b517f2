// Design tokens of the information display (信息发布屏幕): read from five metres, light on
// deep blue. Sizes scale with the screen in DisplayMain.qml (`u`); colours keep 4.5:1 or better.
pragma Singleton
import QtQuick

QtObject {
    readonly property color background: "#0A2F57"     // deep 人社 blue
    readonly property color panel: "#103E70"
    readonly property color textColor: "#FFFFFF"      // 12.9:1 on the background
    readonly property color muted: "#D5E2F0"          // 10.6:1
    readonly property color accent: "#FFD166"         // salaries and the hotline number, 9.6:1
    readonly property string fontFamily: "Noto Sans CJK SC"
}
