// renshe-counter's window: the sign-in until the staff member has given the key's passphrase,
// then the pages (人员查询 F1, 待办 F2, 大厅设备 F3, 信息发布 F4) under a bar saying who is signed in
// and whether the back office is reachable. Mouse and keyboard first, 1366×768 and larger.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

ApplicationWindow {
    id: window
    objectName: "counterWindow"
    width: 1366
    height: 768
    visible: true
    title: qsTr("人社窗口工作站")
    color: Theme.background
    property int page: 0

    // Desktop sizes of the kiosk's design system: the same tokens, smaller.
    Component.onCompleted: Theme.scale = 0.62

    Shortcut { sequence: "F1"; enabled: Counter.signedIn; onActivated: window.page = 0 }
    Shortcut { sequence: "F2"; enabled: Counter.signedIn; onActivated: window.page = 1 }
    Shortcut { sequence: "F3"; enabled: Counter.signedIn; onActivated: { window.page = 2; Counter.hall.refresh() } }
    Shortcut { sequence: "F4"; enabled: Counter.signedIn; onActivated: { window.page = 3; Counter.content.refresh() } }
    Shortcut { sequence: "Ctrl+L"; enabled: Counter.signedIn; onActivated: Counter.signOut() }

    // 协助启用: the PIN pad window turned towards the citizen (shown only while it is used).
    CitizenPinWindow {}

    SignInView {
        anchors.fill: parent
        visible: !Counter.signedIn
    }

    ColumnLayout {
        anchors.fill: parent
        visible: Counter.signedIn
        spacing: 0

        CounterHeader { Layout.fillWidth: true }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            CounterNav {
                Layout.fillHeight: true
                page: window.page
                onChosen: (index) => window.page = index
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: window.page
                PersonView {}
                QueueView {}
                HallView {}
                ContentView {}
            }
        }
    }
}
