// On-screen Chinese keyboard: letters spell pinyin, the candidate bar shows the characters for
// it, a touch on one commits it. `input` is a renshe::kiosk::PinyinInput (letter, backspace,
// choose, spelling, candidates, text).
import QtQuick
import QtQuick.Layouts

Column {
    id: kb
    property var input
    spacing: Theme.spacing / 2

    // What is spelled so far, and the candidates for it.
    Rectangle {
        width: kb.width
        height: Theme.keySize
        radius: Theme.radius
        color: Theme.surface
        Row {
            anchors.fill: parent
            anchors.margins: Theme.spacing / 4
            spacing: Theme.spacing / 2
            Text {
                objectName: "pinyinSpelling"
                anchors.verticalCenter: parent.verticalCenter
                text: kb.input ? kb.input.spelling : ""
                font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
                color: Theme.textMuted
            }
            Repeater {
                model: kb.input ? kb.input.candidates : []
                Tile {
                    objectName: "pinyinCandidate" + index
                    title: modelData
                    height: parent.height
                    width: Math.max(Theme.keySize, Theme.fontTitle * (modelData.length + 1))
                    tint: Theme.tintConfirm
                    onActivated: kb.input.choose(index)
                }
            }
        }
    }

    Repeater {
        model: ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
        Row {
            anchors.horizontalCenter: kb.horizontalCenter
            spacing: Theme.spacing / 3
            Repeater {
                model: modelData.split("")
                Tile {
                    objectName: "pinyinKey_" + modelData
                    title: modelData
                    width: Theme.letterKeySize; height: Theme.letterKeySize
                    onActivated: kb.input.letter(modelData)
                }
            }
            Tile {
                visible: index === 2
                objectName: "pinyinBackspace"
                title: qsTr("删除")
                tint: Theme.textMuted
                width: Theme.wideKeyWidth; height: Theme.letterKeySize
                onActivated: kb.input.backspace()
            }
        }
    }
}
