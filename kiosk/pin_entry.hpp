// The on-screen PIN pad's model: the digits are kept here (wiped on clear and destruction),
// never in QML/JavaScript, and the key order is shuffled for every new entry so a bystander
// cannot read the PIN from finger positions. QML shows `length` dots and the keys in `keys`.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QVariantList>
#include <string>

namespace renshe::kiosk {

class PinEntry : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PinEntry belongs to CardSession")
    Q_PROPERTY(int length READ length NOTIFY lengthChanged)
    Q_PROPERTY(int maxLength READ maxLength CONSTANT)
    Q_PROPERTY(QVariantList keys READ keys NOTIFY keysChanged)

public:
    explicit PinEntry(QObject* parent = nullptr);
    ~PinEntry() override;

    int length() const { return static_cast<int>(m_digits.size()); }
    int maxLength() const { return 6; }
    QVariantList keys() const { return m_keys; }

    Q_INVOKABLE void press(int digit);
    Q_INVOKABLE void backspace();
    // Empties the entry and shuffles the keys.
    Q_INVOKABLE void clear();

    bool complete() const { return m_digits.size() == 6; }
    // The digits entered, then cleared. The caller wipes its copy (wipe()).
    std::string take();
    static void wipe(std::string& s);

Q_SIGNALS:
    void lengthChanged();
    void keysChanged();

private:
    std::string m_digits;
    QVariantList m_keys;
};

}  // namespace renshe::kiosk
