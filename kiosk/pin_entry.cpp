#include "kiosk/pin_entry.hpp"

#include <QRandomGenerator>
#include <algorithm>
#include <vector>

#include "kiosk/card/secrets.hpp"

namespace renshe::kiosk {

PinEntry::PinEntry(QObject* parent) : QObject(parent) {
    clear();
}

PinEntry::~PinEntry() {
    wipe(m_digits);
}

void PinEntry::wipe(std::string& s) {
    card::wipe(s);
}

void PinEntry::press(int digit) {
    if (digit < 0 || digit > 9 || m_digits.size() >= 6)
        return;
    m_digits.push_back(static_cast<char>('0' + digit));
    Q_EMIT lengthChanged();
}

void PinEntry::backspace() {
    if (m_digits.empty())
        return;
    m_digits.back() = 0;
    m_digits.pop_back();
    Q_EMIT lengthChanged();
}

void PinEntry::clear() {
    const bool had = !m_digits.empty();
    wipe(m_digits);
    std::vector<int> order{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    std::shuffle(order.begin(), order.end(), *QRandomGenerator::system());
    m_keys.clear();
    for (int d : order)
        m_keys.append(d);
    Q_EMIT keysChanged();
    if (had)
        Q_EMIT lengthChanged();
}

std::string PinEntry::take() {
    std::string out = m_digits;
    clear();
    return out;
}

}  // namespace renshe::kiosk
