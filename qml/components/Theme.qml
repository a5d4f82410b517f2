// Design tokens. Every size in the UI is a token times `scale`, so elderly mode (larger
// text and targets) is one switch. Colours keep 4.5:1 contrast or better on their backgrounds.
pragma Singleton
import QtQuick

QtObject {
    // 1.0 normal; elderly mode (适老化) sets elderlyScale (bound in Main.qml from
    // Kiosk.elderlyMode).
    property real scale: 1.0
    readonly property real elderlyScale: 1.35
    // Elderly mode's scale on a screen of w×h: the full 1.35 where there is room (1280×1024,
    // 1920×1080, 1080×1920), less on a short screen (1366×768: 1.1), never below 1.1. A
    // 768-pixel-high panel is 18.5–21.5" on a kiosk (≈ 73–85 px per inch against 86–96 on a 17–19"
    // 1280×1024), so its pixels are larger: 1.1 there is about 1.25–1.35 here in millimetres.
    function elderlyScaleFor(w, h) {
        return Math.max(1.1, Math.min(elderlyScale, elderlyScale * h / 1024))
    }

    readonly property string fontFamily: "Noto Sans CJK SC"

    // Text sizes (pixels at scale 1.0 on a 1280x1024 touchscreen).
    // Body text in elderly mode is 30 px or more at any scale: on a short screen (1366×768,
    // scale 1.1) the titles and targets grow less, the running text does not.
    readonly property int fontBody: Math.round(scale > 1.0 ? Math.max(30, 24 * scale) : 24 * scale)
    // The smallest a control's label shrinks to when a word is longer than its key.
    readonly property int fontLabelMin: Math.round(24 * scale)
    readonly property int fontTitle: Math.round(34 * scale)
    readonly property int fontHero: Math.round(46 * scale)
    readonly property int fontStatus: Math.round(20 * scale)

    // Touch targets: never below 64 px at scale 1.0.
    readonly property int touchMin: Math.round(64 * scale)
    readonly property int spacing: Math.round(16 * scale)
    readonly property int targetGap: Math.round(8 * scale)  // at least between two touch targets
    readonly property int radius: Math.round(14 * scale)

    // Control sizes, all from touchMin: what each kind of control is across the screens.
    readonly property real tileWidth: touchMin * 5          // a home-screen tile's natural size
    readonly property real tileHeight: touchMin * 3
    readonly property real actionHeight: touchMin * 1.8     // a card action on the card screen
    readonly property real choiceHeight: touchMin * 1.5     // a choice on the certification screen
    readonly property real bannerHeight: touchMin * 1.4     // the home screen's loss-report banner
    readonly property real buttonHeight: touchMin * 1.3     // 确认/返回/打印 and the PIN pad's keys
    readonly property real keySize: touchMin * 1.2          // a keypad key, a bottom-row switch
    readonly property real letterKeySize: touchMin * 1.15   // a letter of the pinyin keyboard
    readonly property real digitKeyWidth: touchMin * 1.8    // a key of the ID number pad
    readonly property real wideKeyWidth: touchMin * 2       // PIN pad keys, 删除
    readonly property real listRowHeight: touchMin * 2      // a row of a list (guides)
    readonly property real chipWidth: touchMin * 2.2        // a one-touch search
    readonly property real chipHeight: touchMin * 1.1
    readonly property real toggleWidth: touchMin * 2.4      // 打字搜索 / 收起键盘
    readonly property real searchWidth: touchMin * 1.6      // 搜索
    readonly property real qrSize: touchMin * 3             // a posting's QR code
    readonly property real badgeHeight: touchMin * 0.6      // the status bar's indicators

    readonly property color background: "#F4F6F9"
    readonly property color surface: "#FFFFFF"
    readonly property color primary: "#0B5CAD"      // 人社 blue
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color text: "#1A1A1A"
    readonly property color textMuted: "#4A4F57"
    readonly property color connectedColor: "#1E7B34"
    readonly property color disconnectedColor: "#B3261E"
    readonly property color pressed: "#08457F"
    // Tile tints: one colour a service, white text on each at 4.5:1 or better.
    readonly property color tintCertification: "#1E6B52"
    readonly property color tintJobs: "#8A4B08"
    readonly property color tintGuides: "#5B3F8C"
    readonly property color tintRecords: "#00607A"
    readonly property color tintLoss: "#B3261E"
    readonly property color tintConfirm: "#1E6B52"   // 确认-like actions (keyboard, switches on)
    readonly property color focusRing: "#FFD54F"     // keyboard focus, the pending-reports badge
    readonly property color scrim: "#CC000000"       // behind a dialog
    readonly property color textOnScrim: "#FFFFFF"
}
