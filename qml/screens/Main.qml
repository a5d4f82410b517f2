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

    Binding {
        target: Theme; property: "scale"
        value: Kiosk.elderlyMode ? Theme.elderlyScaleFor(root.width, root.height) : 1.0
    }

    StatusBar {
        id: statusBar
        objectName: "statusBar"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        servicePointName: Kiosk.servicePointName
        connected: Kiosk.connectivity.state === Connectivity.Online
        checking: Kiosk.connectivity.state === Connectivity.Unknown
        pendingReports: Kiosk.outbox ? Kiosk.outbox.pending : 0
        heldReports: Kiosk.outbox ? Kiosk.outbox.needsStaff : 0
        clockText: ChinaClock.date + "  " + ChinaClock.time
    }

    // The screen on show is decided in C++ (Kiosk.screen); this file only draws it.
    readonly property int screen: Kiosk.screen

    HomeScreen {
        objectName: "homeScreen"
        visible: root.screen === Kiosk.Home
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
    }

    Loader {
        objectName: "pageLoader"
        active: sourceComponent !== null
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
        sourceComponent: root.screen === Kiosk.Jobs ? jobsPage : root.screen === Kiosk.LossReport ? lossPage
                         : root.screen === Kiosk.Guides ? guidesPage
                         : root.screen === Kiosk.Applications ? applicationsPage : null
    }
    Component { id: applicationsPage; ApplicationsScreen { objectName: "applicationsScreen"; onBack: Kiosk.goHome() } }
    Component { id: lossPage; LossReportScreen { objectName: "lossReportScreen"; onBack: Kiosk.goHome() } }
    Component { id: jobsPage; JobsScreen { objectName: "jobsScreen"; onBack: Kiosk.goHome() } }
    Component { id: guidesPage; GuidesScreen { objectName: "guidesScreen"; onBack: Kiosk.goHome() } }

    CardScreen {
        objectName: "cardScreen"
        visible: root.screen === Kiosk.Card
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
    }

    RecordsScreen {
        objectName: "recordsScreen"
        visible: root.screen === Kiosk.Records
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
    }

    CertificationScreen {
        objectName: "certificationScreen"
        visible: root.screen === Kiosk.Certification
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

    RatingPanel {
        objectName: "ratingPanel"
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
    }

    IdleWarning {
        objectName: "idleWarning"
        anchors.fill: parent
        secondsLeft: Kiosk.idleSecondsLeft
        onContinued: Kiosk.touched()
    }
}
