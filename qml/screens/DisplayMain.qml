// The information display (信息发布屏幕): a hands-off full screen for the hall, read from
// five metres. Everything it plays comes from the Display view-model (playlist, rotation,
// online state); this file only lays it out and fades from one entry to the next. Sizes are
// DisplayTheme's tokens, which follow the shorter side of the screen, so 1920×1080, 3840×2160
// and the portrait forms all get the same proportions.
import QtQuick
import QtQuick.Window
import Renshe.Components
import Renshe.Kiosk

Window {
    id: root
    width: 1920
    height: 1080
    visible: true
    title: Display.servicePointName
    color: DisplayTheme.background

    Binding {
        target: DisplayTheme
        property: "unit"
        value: Math.min(root.width, root.height) / 1080
    }
    readonly property bool portrait: height > width

    // What tests read through the automation hook.
    Item {
        objectName: "displayState"
        width: 1
        height: 1
        property string currentTitle: Display.currentTitle
        property string currentKind: Display.current.kind || ""
        property string currentImage: Display.current.image || ""
        property bool online: Display.online
        property string lastUpdated: Display.lastUpdated
        property int shown: Display.shown
        property int entryCount: Display.entryCount
        property real revision: Display.revision
        property string frameReport: Display.frameReport
        property string settledTitle: stage.settledTitle
        property int overlaps: stage.overlaps
    }

    // Header: service point, date and clock.
    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: DisplayTheme.headerHeight
        color: DisplayTheme.panel

        Text {
            anchors { left: parent.left; leftMargin: DisplayTheme.edge; verticalCenter: parent.verticalCenter; right: clock.left; rightMargin: DisplayTheme.gap }
            text: Display.servicePointName
            color: DisplayTheme.textColor
            font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontLead; bold: true }
            elide: Text.ElideRight
        }
        Text {
            id: clock
            objectName: "displayClock"
            anchors { right: parent.right; rightMargin: DisplayTheme.edge; verticalCenter: parent.verticalCenter }
            color: DisplayTheme.textColor
            font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontClock }
            // China Standard Time whatever the host's zone. Portrait screens are narrow: the
            // weekday gives way to the service point's name.
            text: qsTr("%1月%2日").arg(ChinaClock.month).arg(ChinaClock.day)
                  + (root.portrait ? "" : " " + weekday(ChinaClock.weekday)) + "  " + ChinaClock.time
            function weekday(d) {
                return [qsTr("星期日"), qsTr("星期一"), qsTr("星期二"), qsTr("星期三"), qsTr("星期四"), qsTr("星期五"), qsTr("星期六")][d]
            }
        }
    }

    // The stage: two pages taking turns. A transition is a dip through the background: the
    // page on screen fades out, then the other one, which took the new entry while hidden,
    // fades in (600 ms in all). Only one page is ever drawn at a time — half the pixels blended
    // per frame of a crossfade, which is what keeps a 2-core terminal without a GPU at 60
    // frames a second — and a page's content only ever changes while it is hidden, even when a
    // new entry comes in the middle of a transition.
    Item {
        id: stage
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: footer.top
                  margins: DisplayTheme.edge }
        property int shownKey: -1
        function present(entry) {
            if (!entry || entry.key === shownKey) {
                return
            }
            shownKey = entry.key
            transition.stop()
            const incoming = pageA.opacity === 0 ? pageA : pageB   // one of them is always hidden
            const outgoing = incoming === pageA ? pageB : pageA
            incoming.entry = entry
            transition.from = outgoing
            transition.to = incoming
            fadeOut.duration = Math.round(300 * outgoing.opacity)   // the rest of a fade-out cut short
            transition.start()
        }
        SequentialAnimation {
            id: transition
            property Item from: pageB
            property Item to: pageA
            NumberAnimation {
                id: fadeOut
                target: transition.from; property: "opacity"; to: 0; easing.type: Easing.InOutQuad
            }
            NumberAnimation {
                target: transition.to; property: "opacity"; to: 1; duration: 300; easing.type: Easing.InOutQuad
            }
            onFinished: stage.settledTitle = transition.to.entry.title ?? ""
        }
        // The title of the entry last fully on screen, and how often both pages were drawn at
        // once (never, by design): what tests read.
        property string settledTitle: ""
        property int overlaps: 0
        readonly property bool bothDrawn: pageA.visible && pageB.visible
        onBothDrawnChanged: if (bothDrawn) ++overlaps
        Component.onCompleted: present(Display.current)
        Connections {
            target: Display
            function onCurrentChanged() { stage.present(Display.current) }
        }
        DisplayPage { id: pageA; anchors.fill: parent }
        DisplayPage { id: pageB; anchors.fill: parent }
    }

    component DisplayPage: Item {
        id: page
        property var entry
        opacity: 0
        visible: opacity > 0
        // With Qt Quick's software renderer, a fading page is painted once into a layer and the
        // layer blended: that renderer otherwise paints every glyph over 64 px as an outline on
        // every frame (this screen's titles and the hotline number are all larger). OpenGL
        // draws glyphs from a cache and is slower with the layer (bench.display).
        layer.enabled: GraphicsInfo.api === GraphicsInfo.Software && opacity > 0 && opacity < 1

        Loader {
            anchors.fill: parent
            active: page.entry !== undefined
            sourceComponent: {
                if (!page.entry) return null
                switch (page.entry.kind) {
                case "jobs": return jobsView
                case "queue": return queueView
                case "hotline": return hotlineView
                case "idle": return idleView
                default: return noticeView
                }
            }
            property var entry: page.entry  // read by the view components as parent.entry
        }
    }

    // 通知公告 and 办事指南: NoticeSlide.qml (the counter's preview draws the same).
    Component {
        id: noticeView
        NoticeSlide { entry: parent && parent.entry ? parent.entry : ({}) }
    }

    // 今日预约: the day's tickets, the service and the half day, the masked name, and whether
    // the counter is serving it now.
    Component {
        id: queueView
        Item {
            readonly property var entry: parent && parent.entry ? parent.entry : ({})
            Text {
                id: queueTitle
                objectName: "displayTitle"
                anchors { left: parent.left; right: parent.right; top: parent.top }
                text: entry.title ?? ""
                color: DisplayTheme.accent
                elide: Text.ElideRight
                font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontBoardTitle; bold: true }
            }
            ListView {
                id: queueBoard
                objectName: "queueBoard"
                anchors { left: parent.left; right: parent.right; top: queueTitle.bottom; topMargin: DisplayTheme.gap; bottom: parent.bottom }
                clip: true
                interactive: false
                spacing: DisplayTheme.gapRow
                model: entry.queue
                delegate: Rectangle {
                    objectName: "queueRow" + index
                    required property var modelData
                    required property int index
                    readonly property bool accepted: modelData.accepted
                    width: queueBoard.width
                    height: DisplayTheme.fontJobTitle * 2
                    radius: DisplayTheme.gapSmall
                    color: modelData.accepted ? DisplayTheme.accent : DisplayTheme.panel
                    Row {
                        anchors { left: parent.left; leftMargin: DisplayTheme.gapWide; right: parent.right; verticalCenter: parent.verticalCenter }
                        spacing: DisplayTheme.gapWide
                        Text {
                            objectName: "queueTicket" + index
                            text: modelData.ticket
                            color: modelData.accepted ? DisplayTheme.background : DisplayTheme.textColor
                            font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontJobTitle; bold: true }
                        }
                        Text {
                            text: modelData.name
                            color: modelData.accepted ? DisplayTheme.background : DisplayTheme.textColor
                            font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontJobTitle }
                        }
                        Text {
                            text: modelData.halfDay + " · " + modelData.service
                                  + (modelData.accepted ? "  " + qsTr("正在办理") : "")
                            // Dark on the highlight, as readable from across the hall.
                            color: modelData.accepted ? DisplayTheme.background : DisplayTheme.muted
                            font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontLead }
                        }
                    }
                }
            }
        }
    }

    // 招聘信息: a board of postings — title, employer and place, salary, QR code — scrolling
    // slowly when there are more than fit.
    Component {
        id: jobsView
        Item {
            readonly property var entry: parent && parent.entry ? parent.entry : ({})
            Text {
                id: boardTitle
                objectName: "displayTitle"
                anchors { left: parent.left; right: parent.right; top: parent.top }
                text: entry.title ?? ""
                color: DisplayTheme.accent
                elide: Text.ElideRight
                font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontBoardTitle; bold: true }
            }
            ListView {
                id: board
                objectName: "jobBoard"
                anchors { left: parent.left; right: parent.right; top: boardTitle.bottom; topMargin: DisplayTheme.gap; bottom: parent.bottom }
                clip: true
                interactive: false
                spacing: DisplayTheme.gapRow
                model: entry.jobs
                readonly property real rowHeight: root.portrait ? DisplayTheme.jobRowHeightPortrait : DisplayTheme.jobRowHeight
                delegate: Rectangle {
                    width: board.width
                    height: board.rowHeight
                    radius: DisplayTheme.gapSmall
                    color: DisplayTheme.panel
                    Image {
                        id: qr
                        anchors { right: parent.right; rightMargin: DisplayTheme.gapRow; verticalCenter: parent.verticalCenter }
                        width: parent.height - 2 * DisplayTheme.gapSmall
                        height: width
                        sourceSize: Qt.size(width, width)
                        source: "image://qr/" + modelData.qr
                        Accessible.name: qsTr("扫码查看岗位详情")
                    }
                    Column {
                        anchors { left: parent.left; leftMargin: DisplayTheme.gapWide; right: qr.left; rightMargin: DisplayTheme.gap; verticalCenter: parent.verticalCenter }
                        spacing: DisplayTheme.gapTiny
                        Row {
                            width: parent.width
                            spacing: DisplayTheme.gapWide
                            Text {
                                width: Math.min(implicitWidth, parent.width - salary.width - parent.spacing)
                                text: modelData.title
                                color: DisplayTheme.textColor
                                elide: Text.ElideRight
                                font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontJobTitle; bold: true }
                            }
                            Text {
                                id: salary
                                text: modelData.salary
                                color: DisplayTheme.accent
                                font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontLead; bold: true }
                            }
                        }
                        Text {
                            width: parent.width
                            text: modelData.place ? modelData.employer + " · " + modelData.place : modelData.employer
                            color: DisplayTheme.muted
                            elide: Text.ElideRight
                            wrapMode: root.portrait ? Text.Wrap : Text.NoWrap
                            maximumLineCount: root.portrait ? 2 : 1
                            font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontDetail }
                        }
                    }
                }
                // More rows than fit: scroll down and back over the entry's time (only while
                // shown: a hidden board left scrolling would keep the frames coming).
                readonly property real overflow: Math.max(0, contentHeight - height)
                SequentialAnimation on contentY {
                    running: board.overflow > 0 && board.visible
                    loops: Animation.Infinite
                    PauseAnimation { duration: 2000 }
                    NumberAnimation { to: board.overflow; duration: board.overflow * 12; easing.type: Easing.InOutSine }
                    PauseAnimation { duration: 2000 }
                    NumberAnimation { to: 0; duration: 800 }
                }
            }
        }
    }

    // 12333: the hotline card.
    Component {
        id: hotlineView
        Item {
            readonly property var entry: parent && parent.entry ? parent.entry : ({})
            Column {
                anchors.centerIn: parent
                width: parent.width
                spacing: DisplayTheme.gap
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: "12333"
                    color: DisplayTheme.accent
                    font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontHotline; bold: true }
                }
                Text {
                    objectName: "displayTitle"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: entry.title ?? ""
                    color: DisplayTheme.textColor
                    font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontSubtitle; bold: true }
                }
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: entry.body ? entry.body : qsTr("社保、就业、劳动关系问题，请拨打人社服务热线")
                    color: DisplayTheme.muted
                    font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontLead }
                }
            }
        }
    }

    // Nothing to play yet: the service point and the hotline.
    Component {
        id: idleView
        Item {
            readonly property var entry: parent && parent.entry ? parent.entry : ({})
            Column {
                anchors.centerIn: parent
                width: parent.width
                spacing: DisplayTheme.gapWide
                Text {
                    objectName: "displayTitle"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: qsTr("欢迎来到%1").arg(Display.servicePointName)
                    color: DisplayTheme.textColor
                    font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontWelcome; bold: true }
                }
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: qsTr("人社服务热线 12333")
                    color: DisplayTheme.accent
                    font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontSubtitle }
                }
            }
        }
    }

    // Footer: where in the playlist, and — only when the back office cannot be reached — when
    // the content was last updated (a symbol and words, not a colour alone).
    Item {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: DisplayTheme.footerHeight
        Text {
            objectName: "offlineNote"
            anchors { left: parent.left; leftMargin: DisplayTheme.edge; verticalCenter: parent.verticalCenter }
            visible: !Display.online
            text: Display.lastUpdated !== "" ? qsTr("⚠ 网络中断，显示的是 %1 更新的内容").arg(Display.lastUpdated)
                                             : qsTr("⚠ 正在连接服务器")
            color: DisplayTheme.muted
            font { family: DisplayTheme.fontFamily; pixelSize: DisplayTheme.fontFootnote }
        }
        Row {
            anchors { right: parent.right; rightMargin: DisplayTheme.edge; verticalCenter: parent.verticalCenter }
            spacing: DisplayTheme.dotGap
            visible: Display.entryCount > 1
            Repeater {
                model: Display.entryCount
                Rectangle {
                    width: DisplayTheme.dot
                    height: width
                    radius: width / 2
                    color: index === Display.current.position ? DisplayTheme.textColor : "transparent"
                    border { color: DisplayTheme.muted; width: DisplayTheme.dotBorder }
                }
            }
        }
    }
}
