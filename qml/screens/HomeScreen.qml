// Home / attract screen: the five services as large tiles and the invitation to insert the card.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Kiosk

Item {
    id: home
    // Asks Main to show another page ("jobs", "guides").
    // What the invitation says after a tile that starts from the card was touched without
    // one: which step comes first, for a while, then the plain invitation again.
    // Which hint ("card"; "" = none): the words come from the binding below,
    // so they follow a change of language.
    property string hint: ""
    // Large letters or a narrow screen: the settings wrap onto two or three rows.
    readonly property bool compactSettings: Kiosk.elderlyMode || home.width < 1200
    function showHint(which) {
        hint = which
        hintTimer.restart()
    }
    Timer { id: hintTimer; interval: 8000; onTriggered: home.hint = "" }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing * 1.5

        SpokenText {
            objectName: "insertCardPrompt"
            Layout.fillWidth: true
            text: home.hint === "card" ? qsTr("请把社保卡插入读卡器，芯片朝上") : qsTr("请插入社保卡")
            wrapMode: Text.Wrap
            color: Theme.primary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHero
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            SequentialAnimation on opacity {
                loops: Animation.Infinite
                NumberAnimation { to: 0.45; duration: 900; easing.type: Easing.InOutQuad }
                NumberAnimation { to: 1.0; duration: 900; easing.type: Easing.InOutQuad }
            }
        }

        GridLayout {
            id: tiles
            Layout.fillWidth: true
            Layout.fillHeight: true
            // A wide, short screen (1366×768) has room for three side by side, two rows of them.
            columns: home.width > home.height * 1.6 ? 3 : 2
            rowSpacing: Theme.spacing * 1.5
            columnSpacing: Theme.spacing * 2

            Tile { objectName: "tileCard"; title: qsTr("社保卡服务"); subtitle: qsTr("启用 · 改密 · 挂失 · 解挂")
                   Layout.fillWidth: true; Layout.fillHeight: true
                   onActivated: home.showHint("card") }
            // Without a card: the ID card (or number) and the finger; with one, its PIN (the
            // card screen offers 我的社保 then).
            Tile { objectName: "tileRecords"; title: qsTr("我的社保"); subtitle: qsTr("查缴费 · 打印参保证明")
                   Layout.fillWidth: true; Layout.fillHeight: true; tint: Theme.tintRecords
                   onActivated: Kiosk.certification.startRecordsWithoutCard() }
            // Without a card: by ID number (the finger proves who it is).
            Tile { objectName: "tileCertification"; title: qsTr("养老资格认证"); subtitle: qsTr("按指纹，免跑腿")
                   Layout.fillWidth: true; Layout.fillHeight: true; tint: Theme.tintCertification
                   onActivated: Kiosk.certification.startWithoutCard() }
            Tile { objectName: "tileJobs"; title: qsTr("就业信息"); subtitle: qsTr("本乡镇招聘岗位")
                   Layout.fillWidth: true; Layout.fillHeight: true; tint: Theme.tintJobs
                   onActivated: Kiosk.open(Kiosk.Jobs) }
            Tile { objectName: "tileGuides"; title: qsTr("办事指南"); subtitle: qsTr("一次告知，只跑一次")
                   Layout.fillWidth: true; Layout.fillHeight: true; tint: Theme.tintGuides
                   onActivated: Kiosk.open(Kiosk.Guides) }
            // 失业登记, 预约, 上门服务, 进度查询: with the ID card or number (or, from the card
            // screen, with the card and its PIN).
            Tile { objectName: "tileApplications"; title: qsTr("业务申请"); subtitle: qsTr("失业登记 · 预约 · 上门服务")
                   Layout.fillWidth: true; Layout.fillHeight: true; tint: Theme.tintConfirm
                   onActivated: Kiosk.open(Kiosk.Applications) }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing * 1.5
        Tile {
            id: lossBanner
            objectName: "tileLossReport"
            Layout.fillWidth: true
            // Two lines' height when its words (a long translation) do not fit on one.
            Layout.preferredHeight: lossBanner.naturalWidth > lossBanner.width ? Theme.bannerHeight * 1.6
                                                                              : Theme.bannerHeight
            title: qsTr("卡丢了？不用带卡，马上临时挂失")
            tint: Theme.tintLoss
            onActivated: Kiosk.open(Kiosk.LossReport)
        }
            // Beside the banner where the row has room; with large letters or a narrow
            // screen it takes the free place of the settings grid below instead.
            HelpButton {
                objectName: "tileHelp"
                visible: !home.compactSettings
                screenName: "Home"
                tint: Theme.textMuted
                Layout.preferredWidth: Math.max(naturalWidth, home.width * 0.25)
                Layout.preferredHeight: lossBanner.Layout.preferredHeight  // the banner's row
            }
        }

        // Language, text size and voice: one row, or two in elderly mode and on narrow screens
        // (the words keep their size and stay inside their buttons).
        GridLayout {
            Layout.fillWidth: true
            columns: Kiosk.elderlyMode && home.width < 1200 ? 2 : home.compactSettings ? 3 : 5
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Tile { objectName: "languageZh"; title: "简体中文"; Layout.preferredHeight: Theme.keySize
                   Layout.fillWidth: true; tint: Kiosk.language === "zh_CN" ? Theme.primary : Theme.textMuted
                   onActivated: Kiosk.setLanguage("zh_CN") }
            Tile { objectName: "languageEn"; title: "English"; Layout.preferredHeight: Theme.keySize
                   Layout.fillWidth: true; tint: Kiosk.language === "en" ? Theme.primary : Theme.textMuted
                   onActivated: Kiosk.setLanguage("en") }
            Tile { objectName: "languageKo"; title: "한국어"; Layout.preferredHeight: Theme.keySize
                   Layout.fillWidth: true; tint: Kiosk.language === "ko" ? Theme.primary : Theme.textMuted
                   onActivated: Kiosk.setLanguage("ko") }
            Tile { objectName: "elderlyToggle"; title: Kiosk.elderlyMode ? qsTr("标准字体") : qsTr("大字模式")
                   Layout.preferredHeight: Theme.keySize; Layout.fillWidth: true; tint: Theme.tintConfirm
                   onActivated: Kiosk.elderlyMode = !Kiosk.elderlyMode }
            // The state in words, not only by colour: "语音：开" / "语音：关".
            Tile { objectName: "voiceToggle"; title: Kiosk.voice.enabled ? qsTr("语音：开") : qsTr("语音：关")
                   Layout.preferredHeight: Theme.keySize; Layout.fillWidth: true
                   tint: Kiosk.voice.enabled ? Theme.tintConfirm : Theme.textMuted
                   onActivated: {
                       Kiosk.voice.enabled = !Kiosk.voice.enabled
                       Kiosk.voice.say(qsTr("语音提示已打开"))
                   } }
            HelpButton { objectName: "tileHelpCompact"; visible: home.compactSettings; screenName: "Home"
                         tint: Theme.textMuted; Layout.preferredHeight: Theme.keySize; Layout.fillWidth: true }
        }
    }
}
