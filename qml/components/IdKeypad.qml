// The digit pad for an ID number (社会保障号码): 0–9, X (accepted by the view-model only as the
// 18th character) and 删除. Large keys in a fixed order: an ID number is not a secret, and
// the citizen copies it from their ID card.
import QtQuick
import QtQuick.Layouts

GridLayout {
    id: pad
    signal keyPressed(string key)
    signal backspacePressed()
    columns: 4
    rowSpacing: Theme.spacing / 2
    columnSpacing: Theme.spacing / 2
    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "X"]
        Tile {
            objectName: "idKey" + modelData
            title: modelData
            Layout.preferredWidth: Theme.digitKeyWidth
            Layout.preferredHeight: Theme.keySize
            onActivated: pad.keyPressed(modelData)
        }
    }
    Tile {
        objectName: "idBackspace"
        title: qsTr("删除")
        tint: Theme.textMuted
        Layout.preferredWidth: Theme.digitKeyWidth
        Layout.preferredHeight: Theme.keySize
        onActivated: pad.backspacePressed()
    }
}
