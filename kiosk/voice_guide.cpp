#include "kiosk/voice_guide.hpp"

#include <QLocale>
#include <QTextToSpeech>
#include <QVoice>

namespace renshe::kiosk {

namespace {
constexpr int kBatchMs = 150;
constexpr const char* kEngine = "speechd";

QLocale localeOf(const QString& code) {
    if (code == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    if (code == QLatin1String("ko"))
        return QLocale(QLocale::Korean, QLocale::SouthKorea);
    return QLocale(QLocale::Chinese, QLocale::China);
}
}  // namespace

VoiceGuide::VoiceGuide(bool enabled, QObject* parent) : QObject(parent), m_enabled(enabled) {
    m_batch.setSingleShot(true);
    m_batch.setInterval(kBatchMs);
    connect(&m_batch, &QTimer::timeout, this, &VoiceGuide::flush);
}

VoiceGuide::~VoiceGuide() = default;

void VoiceGuide::setEnabled(bool on) {
    if (on == m_enabled)
        return;
    m_enabled = on;
    if (!on)
        silence();
    Q_EMIT enabledChanged();
}

void VoiceGuide::setLanguage(const QString& code) {
    m_language = code;
    applyLocale();
}

void VoiceGuide::say(const QString& text) {
    const QString t = text.trimmed();
    if (!m_enabled || t.isEmpty())
        return;
    if (!m_batch.isActive()) {
        m_pending.clear();
        m_batch.start();
    }
    if (!m_pending.contains(t))
        m_pending.push_back(t);
}

void VoiceGuide::silence() {
    m_batch.stop();
    m_pending.clear();
    if (m_engine && m_speaking)
        m_engine->stop();
}

void VoiceGuide::flush() {
    if (m_pending.isEmpty())
        return;
    // One utterance; the sentence breaks give the listener a pause between the parts.
    QString utterance;
    for (const QString& part : std::as_const(m_pending)) {
        if (!utterance.isEmpty())
            utterance +=
                m_language == QLatin1String("zh_CN") ? QStringLiteral("。") : QStringLiteral(". ");
        utterance += part;
    }
    m_pending.clear();
    ensureEngine();
    m_last = utterance;
    ++m_utterances;
    Q_EMIT spoke();
    // No voice for the language: better silence than another language's voice reading it.
    if (!m_engine || !available())
        return;
    if (m_speaking)
        m_engine->stop();
    m_engine->say(utterance);
}

void VoiceGuide::ensureEngine() {
    if (m_engine)
        return;
    if (!QTextToSpeech::availableEngines().contains(QLatin1String(kEngine))) {
        m_state = QStringLiteral("error");
        Q_EMIT stateChanged();
        return;
    }
    m_engine = std::make_unique<QTextToSpeech>(QString::fromLatin1(kEngine));
    connect(m_engine.get(), &QTextToSpeech::stateChanged, this, [this](QTextToSpeech::State s) {
        const bool wasSpeaking = m_speaking;
        m_speaking = s == QTextToSpeech::Speaking;
        if (wasSpeaking && s == QTextToSpeech::Ready)
            ++m_finished;
        // Error (e.g. a refused setting) is not sticky: the next utterance is tried again.
        m_state = s == QTextToSpeech::Speaking ? QStringLiteral("speaking")
                  : s == QTextToSpeech::Error  ? QStringLiteral("error")
                                               : QStringLiteral("ready");
        Q_EMIT stateChanged();
    });
    m_state = QStringLiteral("ready");
    applyLocale();
}

void VoiceGuide::applyLocale() {
    if (!m_engine)
        return;
    // The voice by language and name: espeak-ng's Mandarin is listed under no Chinese locale
    // (its "cmn" reads as the C locale), so the locale alone cannot choose it. Variants
    // ("…+klatt") are skipped.
    const QLocale wanted = localeOf(m_language);
    const QString prefix = m_language == QLatin1String("en") ? QStringLiteral("English")
                           : m_language == QLatin1String("ko")
                               ? QStringLiteral("Korean")
                               : QStringLiteral("Chinese (Mandarin");
    QList<QLocale> candidates;
    for (const QLocale& l : m_engine->availableLocales()) {
        if (l.language() != wanted.language())
            continue;
        if (l.territory() == wanted.territory())
            candidates.prepend(l);
        else
            candidates.append(l);
    }
    candidates.append(QLocale::c());
    QString found;
    for (const QLocale& l : std::as_const(candidates)) {
        if (!m_engine->availableLocales().contains(l))
            continue;
        m_engine->setLocale(l);
        for (const QVoice& v : m_engine->availableVoices()) {
            if (v.name().startsWith(prefix) && !v.name().contains(QLatin1Char('+'))) {
                m_engine->setVoice(v);
                found = v.name();
                break;
            }
        }
        if (!found.isEmpty())
            break;
    }
    m_voiceName = found;
    if (!available())
        m_state = QStringLiteral("error");
    Q_EMIT stateChanged();
}

}  // namespace renshe::kiosk
