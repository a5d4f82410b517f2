// The digits a card flow needs for the length of one run — the holder's PIN, the new PIN and
// the service password (服务密码) — and the wipe that clears them. Plain C++: the flows run on
// the card reader's worker thread, away from Qt.
#pragma once

#include <string>

namespace renshe::kiosk::card {

// Overwrites every character (through a volatile pointer, so the stores are not optimised
// away as dead) and leaves the string empty.
void wipe(std::string& secret) noexcept;

// What the holder typed for one flow; wiped on destruction and by each flow when it ends.
struct Secrets {
    std::string currentPin;       // change PIN, un-report, history query
    std::string newPin;           // activation, change PIN, PIN reset
    std::string servicePassword;  // activation (set), PIN reset (checked by the back office)

    Secrets() = default;
    Secrets(const Secrets&) = default;
    Secrets& operator=(const Secrets&) = default;
    ~Secrets() { wipeAll(); }

    void wipeAll() noexcept {
        wipe(currentPin);
        wipe(newPin);
        wipe(servicePassword);
    }
    bool empty() const noexcept {
        return currentPin.empty() && newPin.empty() && servicePassword.empty();
    }
};

}  // namespace renshe::kiosk::card
