#include "kiosk/pinyin_input.hpp"

#include <pinyinime.h>

#include <QFile>
#include <QMutex>
#include <QStandardPaths>

namespace renshe::kiosk {

namespace {

constexpr int kShownCandidates = 10;

// libgooglepinyin keeps one decoder per process; open it once, share it, and serialise use.
struct Decoder {
    QMutex mutex;
    bool open = false;

    Decoder() {
        const QByteArray sys = QFile::encodeName(PinyinInput::dictionaryPath());
        // No user dictionary: a public terminal must not learn what citizens type.
        open = ime_pinyin::im_open_decoder(sys.constData(), "/dev/null");
    }
    ~Decoder() {
        if (open)
            ime_pinyin::im_close_decoder();
    }
};

Decoder& decoder() {
    static Decoder d;
    return d;
}

}  // namespace

QString PinyinInput::dictionaryPath() {
    return QStringLiteral(RENSHE_PINYIN_DICT);  // from pkg-config's libdir at configure time
}

PinyinInput::PinyinInput(int maxCharacters, QObject* parent)
    : QObject(parent), m_max(maxCharacters) {}

PinyinInput::~PinyinInput() = default;

bool PinyinInput::available() const {
    return decoder().open;
}

void PinyinInput::search() {
    m_candidates.clear();
    if (m_spelling.isEmpty() || !available())
        return;
    QMutexLocker lock(&decoder().mutex);
    const QByteArray sps = m_spelling.toLatin1();
    ime_pinyin::im_reset_search();
    const size_t n = ime_pinyin::im_search(sps.constData(), static_cast<size_t>(sps.size()));
    ime_pinyin::char16 buf[64];
    for (size_t i = 0; i < n && m_candidates.size() < kShownCandidates; ++i) {
        if (!ime_pinyin::im_get_candidate(i, buf, 63))
            break;
        buf[63] = 0;
        QString c = QString::fromUtf16(reinterpret_cast<const char16_t*>(buf));
        // Short candidates first for names: single characters are what an elderly person
        // picks one by one; the sentence candidate (id 0) stays first.
        if (!c.isEmpty() && !m_candidates.contains(c))
            m_candidates << c;
    }
}

void PinyinInput::letter(const QString& l) {
    if (l.size() != 1 || !l.at(0).isLetter() || l.at(0).unicode() > 0x7F)
        return;
    if (m_spelling.size() >= 24 || m_text.size() >= m_max)
        return;
    m_spelling += l.toLower();
    search();
    Q_EMIT changed();
}

void PinyinInput::backspace() {
    if (!m_spelling.isEmpty()) {
        m_spelling.chop(1);
        search();
    } else if (!m_text.isEmpty()) {
        m_text.chop(1);
    }
    Q_EMIT changed();
}

void PinyinInput::choose(int index) {
    if (index < 0 || index >= m_candidates.size())
        return;
    m_text += m_candidates.at(index);
    if (m_text.size() > m_max)
        m_text.truncate(m_max);
    m_spelling.clear();
    m_candidates.clear();
    Q_EMIT changed();
}

void PinyinInput::clear() {
    m_text.clear();
    m_spelling.clear();
    m_candidates.clear();
    Q_EMIT changed();
}

}  // namespace renshe::kiosk
