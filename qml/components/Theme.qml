// Design tokens. Every size in the UI is a token times `scale`, so elderly mode (larger
// text and targets) is one switch. Colours keep 4.5:1 contrast or better on their backgrounds.
pragma Singleton
import QtQuick

QtObject {
    // 1.0 normal; elderly mode sets a larger scale (bound in Main.qml from Kiosk.elderlyMode).
    property real scale: 1.0

    readonly property string fontFamily: "Noto Sans CJK SC"

    // Text sizes (pixels at scale 1.0 on a 1280x1024 touchscreen).
    readonly property int fontBody: Math.round(24 * scale)
    readonly property int fontTitle: Math.round(34 * scale)
    readonly property int fontHero: Math.round(46 * scale)
    readonly property int fontStatus: Math.round(20 * scale)

    // Touch targets: never below 64 px at scale 1.0.
    readonly property int touchMin: Math.round(64 * scale)
    readonly property int spacing: Math.round(16 * scale)
    readonly property int radius: Math.round(14 * scale)

    readonly property color background: "#F4F6F9"
    readonly property color surface: "#FFFFFF"
    readonly property color primary: "#0B5CAD"      // 人社 blue
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color text: "#1A1A1A"
    readonly property color textMuted: "#4A4F57"
    readonly property color connectedColor: "#1E7B34"
    readonly property color disconnectedColor: "#B3261E"
    readonly property color pressed: "#08457F"
}
