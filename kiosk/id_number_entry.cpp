#include "kiosk/id_number_entry.hpp"

#include "drivers/sscard/id_number.hpp"
#include "kiosk/pin_entry.hpp"

namespace renshe::kiosk {

namespace sscard = drivers::sscard;

IdNumberEntry::~IdNumberEntry() {
    PinEntry::wipe(m_id);
}

QString IdNumberEntry::text() const {
    QString out;
    for (std::size_t i = 0; i < m_id.size(); ++i) {
        if (i == 6 || i == 14)
            out += QLatin1Char(' ');
        out += QLatin1Char(m_id[i]);
    }
    return out;
}

void IdNumberEntry::key(const QString& key) {
    if (m_id.size() >= 18 || key.size() != 1)
        return;
    const QChar c = key.at(0);
    const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
    // X only as the check character.
    if (!digit && !(c.toUpper() == QLatin1Char('X') && m_id.size() == 17))
        return;
    m_id.push_back(static_cast<char>(c.toUpper().toLatin1()));
    Q_EMIT changed();
}

void IdNumberEntry::backspace() {
    if (m_id.empty())
        return;
    m_id.back() = 0;
    m_id.pop_back();
    Q_EMIT changed();
}

void IdNumberEntry::clear() {
    if (m_id.empty())
        return;
    PinEntry::wipe(m_id);
    Q_EMIT changed();
}

void IdNumberEntry::set(const std::string& id) {
    PinEntry::wipe(m_id);
    m_id = id.substr(0, 18);
    Q_EMIT changed();
}

std::optional<QString> IdNumberEntry::problem() const {
    const auto problem = sscard::validateIdNumber(m_id);
    if (!problem)
        return std::nullopt;
    switch (*problem) {
        case sscard::IdNumberProblem::WrongLength:
            return tr("号码应为18位，请核对");
        case sscard::IdNumberProblem::BadCheckDigit:
            return tr("号码有误（最后一位校验不符），请逐位核对");
        case sscard::IdNumberProblem::BadBirthDate:
            return tr("号码中的出生日期不对，请核对");
        default:
            return tr("号码有误，请核对");
    }
}

}  // namespace renshe::kiosk
