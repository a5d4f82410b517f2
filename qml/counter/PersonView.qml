// 人员查询: find a person by ID number or by the card in the counter's reader; their page from
// one audited call; the full identity shown only with a reason; card operations confirmed with
// a reason. What each operation does and when it is allowed is the Counter's (C++).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Renshe.Components
import Renshe.Counter

Item {
    id: view
    readonly property var person: Counter.person
    readonly property bool loaded: person.state === PersonFile.Loaded
    readonly property var operationNames: ({
        "activate": qsTr("协助启用"),
        "formal_loss": qsTr("办理正式挂失"),
        "lift_loss": qsTr("解挂"),
        "replacement": qsTr("补换卡申请"),
        "cancel": qsTr("注销")
    })

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Field {
                id: idNumber
                objectName: "idNumber"
                Layout.fillWidth: true
                label: qsTr("身份证号码 / 社会保障号码")
                placeholder: qsTr("18位号码，输入后按回车")
                error: view.person.fieldError
                onAccepted: view.person.searchById(text)
            }
            CounterButton {
                objectName: "searchButton"
                Layout.alignment: Qt.AlignBottom
                text: qsTr("查询")
                onActivated: view.person.searchById(idNumber.text)
            }
            CounterButton {
                objectName: "readIdCardButton"
                Layout.alignment: Qt.AlignBottom
                visible: view.person.idCardReader
                text: qsTr("读身份证")
                tint: Theme.tintRecords
                onActivated: view.person.searchByIdCard()
            }
            CounterButton {
                objectName: "readCardButton"
                Layout.alignment: Qt.AlignBottom
                text: qsTr("读社保卡")
                tint: Theme.tintRecords
                onActivated: view.person.searchByCard()
            }
        }
        Text {
            objectName: "personMessage"
            Layout.fillWidth: true
            visible: text.length > 0
            text: view.person.state === PersonFile.ReadingCard ? qsTr("正在读卡…")
                : view.person.state === PersonFile.Loading ? qsTr("正在查询…")
                : view.person.message
            color: view.person.state === PersonFile.Failed ? Theme.disconnectedColor : Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
        }
        // A card whose PIN changed at 协助启用 while the back office could not record it.
        Item {
            Layout.fillWidth: true
            visible: Counter.activation.pendingReport
            implicitHeight: Math.max(pendingText.implicitHeight, pendingRetry.height)
            Text {
                id: pendingText
                objectName: "activationPending"
                width: Math.max(0, parent.width - pendingRetry.width - Theme.spacing / 2)
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("卡号 %1 的启用还没有报送后台（连接恢复后自动补报）")
                      .arg(Counter.activation.cardNumber)
                color: Theme.disconnectedColor
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }
            CounterButton {
                id: pendingRetry
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("补报启用")
                onActivated: Counter.activation.retryReport()
            }
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: view.loaded
            contentWidth: availableWidth
            clip: true

            GridLayout {
                width: parent.width
                columns: 2
                columnSpacing: Theme.spacing / 2
                rowSpacing: Theme.spacing / 2

                Panel {
                    objectName: "personPanel"
                    title: qsTr("人员信息")
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    InfoLine {
                        objectName: "personName"
                        label: qsTr("姓名")
                        value: (view.person.revealed ? view.person.summary.fullName : view.person.summary.maskedName) || ""
                    }
                    InfoLine {
                        objectName: "personSsn"
                        label: qsTr("社会保障号码")
                        value: (view.person.revealed ? view.person.summary.fullSsn : view.person.summary.maskedSsn) || ""
                    }
                    InfoLine { label: qsTr("参保地"); value: view.person.summary.region || "" }
                    InfoLine {
                        label: qsTr("养老金首次发放")
                        value: view.person.summary.pensionSince || qsTr("无")
                    }
                    InfoLine {
                        label: qsTr("服务密码")
                        value: view.person.summary.servicePassword ? qsTr("已设置") : qsTr("未设置")
                    }
                    Row {
                        spacing: Theme.spacing / 2
                        CounterButton {
                            objectName: "revealButton"
                            visible: !view.person.revealed
                            text: qsTr("显示完整信息")
                            outline: true
                            onActivated: revealPopup.open()
                        }
                        CounterButton {
                            objectName: "hideButton"
                            visible: view.person.revealed
                            text: qsTr("隐藏完整信息")
                            outline: true
                            onActivated: view.person.hide()
                        }
                    }
                }

                Panel {
                    objectName: "certificationPanel"
                    title: qsTr("养老金资格认证")
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    InfoLine {
                        objectName: "certificationState"
                        label: qsTr("状态")
                        value: view.person.certification.stateText || ""
                    }
                    InfoLine { label: qsTr("养老金"); value: view.person.certification.pension || "" }
                    InfoLine { label: qsTr("本期认证有效至"); value: view.person.certification.until || qsTr("无") }
                    InfoLine { label: qsTr("最近一次认证"); value: view.person.certification.last || qsTr("无") }
                    InfoLine {
                        objectName: "enrolledFingers"
                        label: qsTr("已登记指纹")
                        value: view.person.certification.fingers || qsTr("未登记")
                    }
                    Repeater {
                        model: view.person.certifications
                        Text {
                            text: qsTr("%1 在 %2 认证%3").arg(modelData.at).arg(modelData.terminal)
                                  .arg(modelData.resumed ? qsTr("（恢复发放）") : "")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontStatus
                            color: Theme.textMuted
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                        }
                    }
                }

                Panel {
                    objectName: "cardsPanel"
                    title: qsTr("社保卡")
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    Text {
                        visible: view.person.cards.length === 0
                        text: qsTr("没有卡")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                    }
                    Repeater {
                        model: view.person.cards
                        // The card's line and what may be done with it (positioned by hand: see
                        // InfoLine.qml).
                        Item {
                            id: cardRow
                            property string number: modelData.number
                            Layout.fillWidth: true
                            implicitHeight: Math.max(cardText.implicitHeight, actions.height)
                            Text {
                                id: cardText
                                objectName: "cardStatus_" + modelData.number
                                property int status: modelData.status
                                width: Math.max(0, cardRow.width - actions.width - Theme.spacing / 2)
                                anchors.verticalCenter: parent.verticalCenter
                                text: qsTr("卡号 %1 · %2 · 发卡 %3 · 有效期至 %4%5").arg(modelData.number)
                                      .arg(modelData.statusText).arg(modelData.issued).arg(modelData.expiry)
                                      .arg(modelData.expired ? qsTr("（已过期）") : "")
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                wrapMode: Text.Wrap
                            }
                            Row {
                                id: actions
                                anchors.right: parent.right
                                anchors.verticalCenter: parent.verticalCenter
                                spacing: Theme.spacing / 2
                                Repeater {
                                    model: view.person.operationsFor(modelData.status)
                                    CounterButton {
                                        required property string modelData
                                        objectName: "operation_" + modelData
                                        text: view.operationNames[modelData]
                                        tint: modelData === "cancel" || modelData === "formal_loss"
                                              ? Theme.tintLoss : Theme.primary
                                        outline: true
                                        onActivated: modelData === "activate"
                                                     ? activationPopup.start(cardRow.number)
                                                     : operationPopup.ask(modelData, cardRow.number)
                                    }
                                }
                            }
                        }
                    }
                }

                Panel {
                    objectName: "insurancePanel"
                    title: qsTr("参保概况")
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    Text {
                        visible: view.person.insurances.length === 0
                        text: qsTr("没有参保记录")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                    }
                    Repeater {
                        model: view.person.insurances
                        Text {
                            objectName: "insurance_" + index
                            Layout.fillWidth: true
                            text: qsTr("%1（%2起参保）").arg(modelData.line).arg(modelData.since)
                            color: modelData.owed ? Theme.tintLoss : Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap
                        }
                    }
                }

                FingerprintPanel {
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                }

                Panel {
                    objectName: "historyPanel"
                    title: qsTr("卡状态记录")
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    Repeater {
                        model: view.person.history
                        Text {
                            text: qsTr("%1 卡号 %2：%3 → %4（%5，%6）").arg(modelData.at).arg(modelData.card)
                                  .arg(modelData.from).arg(modelData.to).arg(modelData.actor).arg(modelData.reason)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontStatus
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }

                Panel {
                    objectName: "applicationsPanel"
                    title: qsTr("申请记录")
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    Text {
                        visible: view.person.applications.length === 0
                        text: qsTr("没有申请")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                    }
                    Repeater {
                        model: view.person.applications
                        Text {
                            text: qsTr("%1 %2 · %3 · %4 · 期限 %5").arg(modelData.number).arg(modelData.kind)
                                  .arg(modelData.state).arg(modelData.summary).arg(modelData.due)
                            color: modelData.overdue ? Theme.disconnectedColor : Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontStatus
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }
    }

    ActivationPopup {
        id: activationPopup
        anchors.centerIn: parent
    }

    // 显示完整信息: the reason is required and goes into the audit log with the staff id.
    Popup {
        id: revealPopup
        objectName: "revealPopup"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, Theme.touchMin * 12)
        modal: true
        onOpened: revealReason.input.forceActiveFocus()
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing / 2
            Text {
                text: qsTr("查看完整身份信息将记入审计日志。请填写原因。")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Field {
                id: revealReason
                objectName: "revealReason"
                Layout.fillWidth: true
                label: qsTr("原因")
                placeholder: qsTr("例如：核对身份证原件")
                onAccepted: confirmReveal.activated()
            }
            RowLayout {
                CounterButton {
                    id: confirmReveal
                    objectName: "confirmReveal"
                    text: qsTr("显示")
                    onActivated: {
                        view.person.reveal(revealReason.text)
                        if (revealReason.text.trim().length > 0) {
                            revealReason.text = ""
                            revealPopup.close()
                        }
                    }
                }
                CounterButton { text: qsTr("取消"); outline: true; onActivated: revealPopup.close() }
            }
        }
    }

    // A card operation, confirmed with its reason (kept in the card's history).
    Popup {
        id: operationPopup
        objectName: "operationPopup"
        property string operation
        property string card
        function ask(op, cardNumber) {
            operation = op
            card = cardNumber
            operationReason.text = ""
            view.person.resetOperation()
            open()
        }
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, Theme.touchMin * 13)
        modal: true
        onOpened: operationReason.input.forceActiveFocus()
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing / 2
            Text {
                objectName: "operationTitle"
                text: qsTr("确认办理：%1（卡号 %2）").arg(view.operationNames[operationPopup.operation] || "")
                      .arg(operationPopup.card)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Field {
                id: operationReason
                objectName: "operationReason"
                Layout.fillWidth: true
                label: qsTr("办理原因（记入卡状态记录）")
                placeholder: qsTr("例如：本人持身份证申请")
            }
            Text {
                objectName: "operationMessage"
                visible: text.length > 0
                text: view.person.operationMessage
                color: view.person.operationSucceeded ? Theme.connectedColor : Theme.disconnectedColor
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                CounterButton {
                    objectName: "confirmOperation"
                    text: view.person.operating ? qsTr("正在办理…") : qsTr("确认办理")
                    enabled: !view.person.operating && !view.person.operationSucceeded
                    tint: Theme.tintLoss
                    onActivated: view.person.operate(operationPopup.operation, operationPopup.card,
                                                     operationReason.text)
                }
                CounterButton {
                    objectName: "closeOperation"
                    text: view.person.operationSucceeded ? qsTr("完成") : qsTr("取消")
                    outline: true
                    onActivated: operationPopup.close()
                }
            }
        }
    }
}
