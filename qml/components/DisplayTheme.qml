// Design tokens of the information display (信息发布屏幕): read from five metres, light on
// deep blue; colours keep 4.5:1 or better. Sizes are given for a screen whose shorter side is
// 1080 px and scale with `unit`, which DisplayMain.qml sets from the window (1 at 1080 px, 2 at
// 2160 px), so every form of screen gets the same proportions.
pragma Singleton
import QtQuick

QtObject {
    readonly property color background: "#0A2F57"     // deep 人社 blue
    readonly property color panel: "#103E70"
    readonly property color textColor: "#FFFFFF"      // 12.9:1 on the background
    readonly property color muted: "#D5E2F0"          // 10.6:1
    readonly property color accent: "#FFD166"         // salaries and the hotline number, 9.6:1
    readonly property string fontFamily: "Noto Sans CJK SC"

    property real unit: 1

    // Bars and spacing.
    readonly property real headerHeight: 120 * unit
    readonly property real footerHeight: 72 * unit
    readonly property real edge: 48 * unit            // screen edges, and image beside text
    readonly property real gapTiny: 6 * unit          // lines of one posting
    readonly property real gapSmall: 16 * unit        // a label and its title; corner radius
    readonly property real gapRow: 20 * unit          // postings on the board
    readonly property real gap: 24 * unit
    readonly property real gapWide: 32 * unit
    readonly property real gapBlock: 36 * unit        // a title and its text
    readonly property real jobRowHeight: 190 * unit
    readonly property real jobRowHeightPortrait: 300 * unit
    readonly property real dot: 18 * unit             // the playlist's position dots
    readonly property real dotGap: 14 * unit
    readonly property real dotBorder: 3 * unit

    // Type, smallest first.
    readonly property real fontFootnote: 34 * unit
    readonly property real fontBodyMin: 40 * unit     // a long notice shrinks to this, no less
    readonly property real fontDetail: 42 * unit
    readonly property real fontLabel: 44 * unit
    readonly property real fontClock: 48 * unit
    readonly property real fontLead: 52 * unit
    readonly property real fontBody: 56 * unit
    readonly property real fontJobTitle: 60 * unit
    readonly property real fontBoardTitle: 64 * unit
    readonly property real fontSubtitle: 72 * unit
    readonly property real fontTitle: 84 * unit
    readonly property real fontWelcome: 96 * unit
    readonly property real fontHotline: 260 * unit
}
