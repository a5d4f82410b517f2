// The card reader worker: one thread that watches the PC/SC readers (pcsc::Monitor), reads an
// inserted social security card, and runs the card commands the session asks for (VERIFY,
// CHANGE PIN, GET CHALLENGE, RELOAD/UNBLOCK PIN) — never on the UI thread. Results come back
// through the callbacks, called on the worker thread; CardSession posts them to the UI.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "drivers/pcsc/pcsc.hpp"
#include "drivers/sscard/sscard.hpp"

namespace renshe::kiosk {

enum class CardProblem {
    Mute,                   // something in the slot gives no answer: inserted the wrong way?
    NotSocialSecurityCard,  // another kind of card
    Blocked,                // the card (application) is locked: counter
    Unreadable,             // the data breaks the profile, or the reader failed
    ReaderGone,             // no reader / pcscd down
};

class CardReader {
public:
    struct Callbacks {
        std::function<void(const drivers::sscard::CardData&)> inserted;
        std::function<void(CardProblem)> problem;
        std::function<void()> removed;
    };
    explicit CardReader(Callbacks callbacks);
    ~CardReader();
    CardReader(const CardReader&) = delete;
    CardReader& operator=(const CardReader&) = delete;

    // Runs `work` with the inserted card's application selected, on the worker thread; the
    // session is open only for the duration. Throws inside `work` surface to `done`'s error.
    using Work = std::function<void(drivers::sscard::SocialSecurityCard&)>;
    void post(Work work, std::function<void(std::exception_ptr)> done);

    // What the terminal reports in its heartbeat: readers seen, and whether pcscd answers.
    int readerCount() const { return m_readers.load(); }
    bool serviceUp() const { return m_serviceUp.load(); }

private:
    void run();
    void readInserted(const std::string& reader);

    Callbacks m_callbacks;
    std::mutex m_mutex;
    std::deque<std::pair<Work, std::function<void(std::exception_ptr)>>> m_tasks;
    bool m_stopping = false;
    std::optional<std::string> m_reader;  // the reader holding the card (worker thread only)
    std::unique_ptr<drivers::pcsc::Monitor> m_monitor;
    std::atomic<int> m_readers{0};
    std::atomic<bool> m_serviceUp{true};
    std::thread m_thread;
};

}  // namespace renshe::kiosk
