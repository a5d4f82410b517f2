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
    }

    // The card decides the screen: none → the attract screen; a card → its services.
    HomeScreen {
        objectName: "homeScreen"
        visible: Kiosk.card.stage === CardSession.NoCard
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
    }

    CardScreen {
        objectName: "cardScreen"
        visible: Kiosk.card.stage !== CardSession.NoCard
        anchors { left: parent.left; right: parent.right; top: statusBar.bottom; bottom: parent.bottom }
    }
}
