import QtQuick
import QtQuick.Window
import Renshe.Components
import Renshe.Kiosk

Window {
    id: root
    objectName: "mainWindow"
    width: 1280
    height: 1024
    visible: true
    title: qsTr("人社自助服务终端")
    color: Theme.background

    Binding { target: Theme; property: "scale"; value: Kiosk.elderlyMode ? 1.35 : 1.0 }

    StatusBar {
        id: statusBar
        objectName: "statusBar"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        servicePointName: Kiosk.servicePointName
        connected: Kiosk.connectivity.state === Connectivity.Online
        checking: Kiosk.connectivity.state === Connectivity.Unknown
        pendingReports: Kiosk.outbox ? Kiosk.outbox.pending : 0
    }

    // Which page the citizen chose from the home screen; a card in the reader takes over.
    property string page: "home"
    readonly property bool cardIn: Kiosk.card.stage !== CardSession.NoCard
    onCardInChanged: page = "home"
    onPageChanged: Kiosk.setPageOpen(page !== "home")
    Connections {
        target: Kiosk
        function onSessionTimedOut() { root.page = "home" }
    }

    HomeScreen {
        objectName: "homeScreen"
        visible: !root.cardIn && root.page === "home"
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
        onOpenPage: (name) => root.page = name
    }

    Loader {
        objectName: "pageLoader"
        active: !root.cardIn && root.page !== "home"
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
        // Null at home: with a default, the Loader would build that page for a moment when
        // `active` turns true before this binding follows the new page.
        sourceComponent: root.page === "jobs" ? jobsPage : root.page === "loss" ? lossPage
                         : root.page === "guides" ? guidesPage : null
    }
    Component { id: lossPage; LossReportScreen { objectName: "lossReportScreen"; onBack: root.page = "home" } }
    Component { id: jobsPage; JobsScreen { objectName: "jobsScreen"; onBack: root.page = "home" } }
    Component { id: guidesPage; GuidesScreen { objectName: "guidesScreen"; onBack: root.page = "home" } }

    CardScreen {
        objectName: "cardScreen"
        visible: Kiosk.card.stage !== CardSession.NoCard && Kiosk.certification.stage === CertificationSession.Idle
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
    }

    CertificationScreen {
        objectName: "certificationScreen"
        visible: Kiosk.certification.stage !== CertificationSession.Idle
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
    }

    // Voice guidance as the automation hook reads it (tests): what was said last, how often.
    Item {
        objectName: "voiceState"
        visible: false
        property bool enabled: Kiosk.voice.enabled
        property string state: Kiosk.voice.state
        property string lastUtterance: Kiosk.voice.lastUtterance
        property int utterances: Kiosk.voice.utterances
        property int finished: Kiosk.voice.finished
        property string voiceName: Kiosk.voice.voiceName
    }

    // "Are you still there?" with a countdown; any touch keeps the session.
    Rectangle {
        objectName: "idleWarning"
        visible: Kiosk.idleSecondsLeft >= 0
        anchors.fill: parent
        color: "#CC000000"
        // Said once as it appears (the countdown itself is not read out every second).
        onVisibleChanged: if (visible) Kiosk.voice.say(qsTr("您还在吗？请触摸屏幕继续办理"))
        Column {
            anchors.centerIn: parent
            spacing: Theme.spacing * 2
            Text {
                objectName: "idleWarningText"
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("您还在吗？%1秒后将返回首页").arg(Kiosk.idleSecondsLeft)
                color: "#FFFFFF"
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontHero; font.bold: true
            }
            Tile {
                objectName: "idleContinue"
                anchors.horizontalCenter: parent.horizontalCenter
                title: qsTr("继续办理")
                tint: Theme.connectedColor
                onActivated: Kiosk.touched()
            }
        }
    }
}
