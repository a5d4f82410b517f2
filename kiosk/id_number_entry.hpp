// The ID number (社会保障号码) typed on the kiosk's digit pad with X: for a loss report without
// the card and for pension certification without the card. Digits only, X only as the 18th
// character; shown grouped 6-8-4 while typed (the citizen checks it against their ID card);
// checked by GB 11643 before anything is sent; wiped from memory when cleared.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QString>
#include <optional>
#include <string>

namespace renshe::kiosk {

class IdNumberEntry : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("IdNumberEntry belongs to a view-model")
    Q_PROPERTY(QString text READ text NOTIFY changed)  // as typed, grouped 6-8-4

public:
    explicit IdNumberEntry(QObject* parent = nullptr) : QObject(parent) {}
    ~IdNumberEntry() override;

    QString text() const;
    const std::string& value() const { return m_id; }

    Q_INVOKABLE void key(const QString& key);  // "0"–"9" or "X"
    Q_INVOKABLE void backspace();
    void clear();
    // The number read from an ID card (already checked): replaces what was typed.
    void set(const std::string& id);
    // What is wrong with the number as typed, in words for the citizen; nullopt when valid.
    std::optional<QString> problem() const;

Q_SIGNALS:
    void changed();

private:
    std::string m_id;
};

}  // namespace renshe::kiosk
