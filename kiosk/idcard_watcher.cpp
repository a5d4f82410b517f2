#include "kiosk/idcard_watcher.hpp"

namespace renshe::kiosk {

namespace idcard = drivers::idcard;

IdCardWatcher::IdCardWatcher(Options options, Callbacks callbacks)
    : m_options(std::move(options)), m_callbacks(std::move(callbacks)) {
    m_thread = std::thread([this] { run(); });
}

IdCardWatcher::~IdCardWatcher() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

std::string IdCardWatcher::samId() const {
    std::lock_guard lock(m_mutex);
    return m_samId;
}

void IdCardWatcher::rearm() {
    m_rearm = true;
    m_wake.notify_all();
}

void IdCardWatcher::setPresence(Presence p) {
    if (m_presence.exchange(p) != p && m_callbacks.presenceChanged)
        m_callbacks.presenceChanged();
}

void IdCardWatcher::sleepFor(std::chrono::milliseconds d, bool wakeOnRearm) {
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, d, [&] { return m_stopping || (wakeOnRearm && m_rearm.load()); });
}

bool IdCardWatcher::openReader() {
    try {
        auto reader = std::make_unique<idcard::Reader>(
            std::make_unique<idcard::SerialLink>(m_options.device), m_options.reader);
        const std::string sam = reader->samId();
        {
            std::lock_guard lock(m_mutex);
            m_samId = sam;
        }
        m_reader = std::move(reader);
        m_cardOn = false;
        setPresence(Presence::Present);
        return true;
    } catch (const idcard::IdCardError& e) {
        setPresence(e.problem() == idcard::Problem::NoReader ? Presence::Absent : Presence::Error);
    } catch (const std::exception&) {
        setPresence(Presence::Error);
    }
    return false;
}

void IdCardWatcher::pollOnce() {
    if (m_rearm.exchange(false))
        m_cardOn = false;
    try {
        const bool found = m_reader->findCard();
        if (!found) {
            if (m_cardOn && m_callbacks.lifted)
                m_callbacks.lifted();
            m_cardOn = false;
            return;
        }
        if (m_cardOn)
            return;  // read once per placing
        m_cardOn = true;
        m_reader->selectCard();
        idcard::IdCard card = m_reader->readBase();
        if (m_callbacks.read)
            m_callbacks.read(std::move(card));
        else
            card.cleanse();
    } catch (const idcard::IdCardError& e) {
        switch (e.problem()) {
            case idcard::Problem::NoReader:
            case idcard::Problem::Timeout:
            case idcard::Problem::Truncated:
            case idcard::Problem::SamFault:
                // The reader itself: start again from opening it.
                m_reader.reset();
                setPresence(e.problem() == idcard::Problem::NoReader ? Presence::Absent
                                                                     : Presence::Error);
                if (m_cardOn && m_callbacks.problem)
                    m_callbacks.problem(e.problem());
                m_cardOn = false;
                return;
            case idcard::Problem::CardRemoved:
                m_cardOn = false;  // placed again, it is read again
                break;
            default:
                break;  // a card that cannot be read stays "read" until it is lifted
        }
        if (m_callbacks.problem)
            m_callbacks.problem(e.problem());
    }
}

void IdCardWatcher::run() {
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
        }
        if (!m_reader && !openReader()) {
            sleepFor(m_options.reopen, false);
            continue;
        }
        pollOnce();
        sleepFor(m_options.poll, true);
    }
}

}  // namespace renshe::kiosk
