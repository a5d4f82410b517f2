// The resident ID card reader worker: one thread that opens the reader's serial port (again
// and again while it is unplugged), polls it for a card, reads a card once when it is placed
// and reports when it is lifted. Never on the UI thread; no Qt. The callbacks run on the
// worker thread (IdCardInput posts them to the UI).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "drivers/idcard/reader.hpp"

namespace renshe::kiosk {

class IdCardWatcher {
public:
    enum class Presence {
        Absent,   // nothing at the port (or not yet found)
        Present,  // the SAM answers
        Error,    // the port opens but the reader does not answer, or its SAM is broken
    };
    struct Callbacks {
        std::function<void(drivers::idcard::IdCard)> read;      // a card was placed and read
        std::function<void(drivers::idcard::Problem)> problem;  // a placed card could not be read
        std::function<void()> lifted;                           // the card left the reader
        std::function<void()> presenceChanged;
    };
    struct Options {
        std::string device;                      // e.g. /dev/ttyUSB0
        std::chrono::milliseconds poll{50};      // find card every (one find is ~1 ms on the line)
        std::chrono::milliseconds reopen{1000};  // retry a missing or mute reader every
        drivers::idcard::ReaderOptions reader;
    };

    IdCardWatcher(Options options, Callbacks callbacks);
    ~IdCardWatcher();
    IdCardWatcher(const IdCardWatcher&) = delete;
    IdCardWatcher& operator=(const IdCardWatcher&) = delete;

    Presence presence() const { return m_presence.load(); }
    std::string samId() const;
    // Read the card lying on the reader again (a screen that asks for an ID number has just
    // opened; the card may have been placed before).
    void rearm();

private:
    void run();
    bool openReader();
    void pollOnce();
    void handle(drivers::idcard::Problem p);
    void setPresence(Presence p);
    void sleepFor(std::chrono::milliseconds d, bool wakeOnRearm);

    Options m_options;
    Callbacks m_callbacks;
    std::unique_ptr<drivers::idcard::Reader> m_reader;  // worker thread only
    bool m_cardOn = false;                              // worker thread only
    int m_failures = 0;                                 // garbled polls in a row (worker only)
    static constexpr int kFailuresBeforeReopen = 5;
    std::atomic<bool> m_rearm{false};
    std::atomic<Presence> m_presence{Presence::Absent};
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::string m_samId;
    std::thread m_thread;
};

}  // namespace renshe::kiosk
