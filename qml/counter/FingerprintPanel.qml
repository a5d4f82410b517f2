// 指纹登记 on the person page: choose a finger on the hands, 开始登记, the person presses it
// on the counter's sensor stage after stage (progress and why a scan is repeated shown live);
// a finger already enrolled is enrolled again only with a reason.
import QtQuick
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Panel {
    id: panel
    objectName: "enrolmentPanel"
    readonly property var enrolment: Counter.enrolment
    property int finger: 0
    readonly property var enrolled: Counter.person.certification.fingerCodes || []
    readonly property bool again: enrolled.indexOf(finger) >= 0
    readonly property bool busy: enrolment.state === FingerprintEnrolment.Scanning
                                 || enrolment.state === FingerprintEnrolment.Saving
    // For the tests: the sensor is waiting for the finger, and how far it is.
    property bool waitingForFinger: enrolment.waitingForFinger
    property int stage: enrolment.stage
    property int state: enrolment.state
    title: qsTr("指纹登记")

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        HandDiagram {
            enrolled: panel.enrolled
            selected: panel.finger
            onChosen: (f) => { if (!panel.busy) { panel.finger = f; panel.enrolment.reset() } }
        }
        Column {
            width: Math.max(Theme.touchMin * 8, panel.width - Theme.touchMin * 10)
            spacing: Theme.spacing / 2
            Text {
                objectName: "chosenFinger"
                width: parent.width
                text: panel.finger === 0 ? qsTr("请在手形图上选择要登记的手指（绿色为已登记）")
                      : panel.again ? qsTr("%1（已登记，将重新登记）").arg(Counter.fingerName(panel.finger))
                      : Counter.fingerName(panel.finger)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }
            Field {
                id: reason
                objectName: "reenrolReason"
                visible: panel.again
                width: parent.width
                label: qsTr("重新登记的原因（记入审计日志）")
                placeholder: qsTr("例如：指纹磨损，原登记无法比对")
            }
            Row {
                spacing: Theme.spacing / 2
                CounterButton {
                    objectName: "startEnrolment"
                    text: qsTr("开始登记")
                    enabled: panel.finger !== 0 && !panel.busy
                    tint: Theme.tintCertification
                    onActivated: panel.enrolment.start(panel.finger, reason.text)
                }
                CounterButton {
                    objectName: "cancelEnrolment"
                    visible: panel.busy
                    text: qsTr("取消")
                    outline: true
                    onActivated: panel.enrolment.cancel()
                }
            }
            // One segment a stage.
            Row {
                visible: panel.enrolment.totalStages > 0 && panel.enrolment.state !== FingerprintEnrolment.Idle
                spacing: 4
                Repeater {
                    model: panel.enrolment.totalStages
                    Rectangle {
                        width: Theme.touchMin * 0.9
                        height: Theme.touchMin * 0.3
                        radius: height / 2
                        color: index < panel.enrolment.stage ? Theme.connectedColor : "#D5DAE1"
                    }
                }
            }
            Text {
                objectName: "enrolPrompt"
                width: parent.width
                visible: text.length > 0
                text: panel.enrolment.prompt.length > 0 && panel.busy
                      ? qsTr("第%1/%2次：%3").arg(Math.min(panel.enrolment.stage + 1, panel.enrolment.totalStages))
                            .arg(panel.enrolment.totalStages).arg(panel.enrolment.prompt)
                      : ""
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
            }
            Text {
                objectName: "enrolMessage"
                width: parent.width
                visible: text.length > 0
                text: panel.enrolment.message
                color: panel.enrolment.state === FingerprintEnrolment.Failed ? Theme.disconnectedColor
                     : panel.enrolment.state === FingerprintEnrolment.Done ? Theme.connectedColor : Theme.tintJobs
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }
        }
    }
}
