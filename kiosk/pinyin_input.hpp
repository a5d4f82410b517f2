// Chinese text entry on the touchscreen: letters of the on-screen keyboard spell pinyin, the
// candidate bar offers the characters libgooglepinyin finds for it (Debian's Qt virtual
// keyboard has no Chinese), a touch on a candidate commits it. Used for the holder's name in a
// loss report and for job search words.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QStringList>

namespace renshe::kiosk {

class PinyinInput : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PinyinInput belongs to a view-model")
    Q_PROPERTY(QString text READ text NOTIFY changed)
    Q_PROPERTY(QString spelling READ spelling NOTIFY changed)
    Q_PROPERTY(QStringList candidates READ candidates NOTIFY changed)
    Q_PROPERTY(bool available READ available CONSTANT)

public:
    explicit PinyinInput(int maxCharacters = 15, QObject* parent = nullptr);
    ~PinyinInput() override;

    QString text() const { return m_text; }
    QString spelling() const { return m_spelling; }
    QStringList candidates() const { return m_candidates; }
    // False when the dictionary could not be opened (then only Latin letters can be typed).
    bool available() const;

    Q_INVOKABLE void letter(const QString& letter);  // a–z
    Q_INVOKABLE void backspace();                    // last letter, else last committed character
    Q_INVOKABLE void choose(int index);              // commit candidate `index`
    Q_INVOKABLE void clear();

    // The system dictionary of libgooglepinyin on Debian.
    static QString dictionaryPath();

Q_SIGNALS:
    void changed();

private:
    void search();

    int m_max;
    QString m_text;
    QString m_spelling;
    QStringList m_candidates;
};

}  // namespace renshe::kiosk
