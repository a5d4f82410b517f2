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
        Text {
            id: spelling
            objectName: "pinyinSpelling"
            anchors { left: parent.left; leftMargin: Theme.spacing / 2; verticalCenter: parent.verticalCenter }
            text: kb.input ? kb.input.spelling : ""
            font.family: Theme.fontFamily; font.pixelSize: Theme.fontTitle
            color: Theme.textMuted
        }
        // More candidates than the bar holds scroll sideways.
        ListView {
            anchors { left: spelling.right; right: parent.right; top: parent.top; bottom: parent.bottom
                      margins: Theme.spacing / 4; leftMargin: Theme.spacing / 2 }
            orientation: ListView.Horizontal
            spacing: Theme.targetGap
            clip: true
            model: kb.input ? kb.input.candidates : []
            delegate: Tile {
                objectName: "pinyinCandidate" + index
                title: modelData
                height: ListView.view.height
                width: Math.max(Theme.keySize, Theme.fontTitle * (modelData.length + 1))
                tint: Theme.tintConfirm
                onActivated: kb.input.choose(index)
            }
        }
    }

    Repeater {
        model: ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
        Row {
            anchors.horizontalCenter: kb.horizontalCenter
            spacing: Theme.targetGap
            Repeater {
                model: modelData.split("")
                Tile {
                    objectName: "pinyinKey_" + modelData
                    title: modelData
                    // Ten keys to a row: narrower keys on a narrow screen, never wider than square.
                    width: Math.min(Theme.letterKeySize, (kb.width - 9 * Theme.targetGap) / 10)
                    height: Theme.letterKeySize
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
