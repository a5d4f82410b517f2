// Voice guidance (语音提示) for the touchscreen: every prompt and result the screens show in
// their spoken text components is also read aloud, in the kiosk's language, through Qt
// TextToSpeech (speech-dispatcher with the espeak-ng voices on Debian).
//
// - Prompts that appear together (a result and the next step) are spoken as one utterance in
//   the order they appeared; a new screen's prompts interrupt what is still being said.
// - Only what the screen shows is spoken, and the screens give it masked text: never a PIN, an
//   ID number or a name in full. Nothing spoken is logged.
// - No speech engine (no speech-dispatcher, no voice for the language): the kiosk works on
//   without sound; `available` says so.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>

class QTextToSpeech;

namespace renshe::kiosk {

class VoiceGuide : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("VoiceGuide belongs to the Kiosk singleton")
    // The citizen's switch on the home screen (语音提示 开/关).
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY enabledChanged)
    // Whether the engine has a voice for the language (false before the first utterance and
    // without an engine).
    Q_PROPERTY(bool available READ available NOTIFY stateChanged)
    // "off", "ready", "speaking" or "error" (the engine's state; for tests and the status bar).
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    // The last utterance handed to the engine, and how many there were (tests read them).
    Q_PROPERTY(QString lastUtterance READ lastUtterance NOTIFY spoke)
    Q_PROPERTY(int utterances READ utterances NOTIFY spoke)
    // Utterances the engine has finished saying aloud.
    Q_PROPERTY(int finished READ finished NOTIFY stateChanged)
    // The engine's voice for the language ("Chinese (Mandarin, latin as English)", …); empty
    // before the engine starts or when it has none for the language.
    Q_PROPERTY(QString voiceName READ voiceName NOTIFY stateChanged)

public:
    explicit VoiceGuide(bool enabled, QObject* parent = nullptr);
    ~VoiceGuide() override;

    bool enabled() const { return m_enabled; }
    void setEnabled(bool on);
    bool available() const { return !m_voiceName.isEmpty(); }
    QString state() const { return m_state; }
    QString lastUtterance() const { return m_last; }
    int utterances() const { return m_utterances; }
    int finished() const { return m_finished; }
    QString voiceName() const { return m_voiceName; }

    // Queues `text` (empty is ignored): text said within 150 ms of each other goes out as one
    // utterance; later text interrupts the one being spoken.
    Q_INVOKABLE void say(const QString& text);
    // Stops speaking and forgets what was queued (the session ended).
    Q_INVOKABLE void silence();
    // zh_CN, en or ko: the voice follows the screen's language.
    void setLanguage(const QString& code);

Q_SIGNALS:
    void enabledChanged();
    void stateChanged();
    void spoke();

private:
    void flush();
    void ensureEngine();
    void applyLocale();

    bool m_enabled;
    QString m_state = QStringLiteral("off");
    QString m_language = QStringLiteral("zh_CN");
    QStringList m_pending;
    QString m_last;
    QString m_voiceName;
    int m_utterances = 0;
    int m_finished = 0;
    bool m_speaking = false;
    QTimer m_batch;
    std::unique_ptr<QTextToSpeech> m_engine;
};

}  // namespace renshe::kiosk
