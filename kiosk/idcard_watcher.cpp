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
        const bool broken = e.problem() != idcard::Problem::NoReader;
        const bool wasBroken = presence() == Presence::Error;
        setPresence(broken ? Presence::Error : Presence::Absent);
        if (broken && !wasBroken && m_callbacks.problem)
            m_callbacks.problem(e.problem());  // once, when it turns out broken
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
        m_failures = 0;
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
            m_callbacks.read(card);
        card.cleanse();
    } catch (const idcard::IdCardError& e) {
        handle(e.problem());
    }
}

void IdCardWatcher::handle(idcard::Problem p) {
    const bool reading = m_cardOn;
    bool broken = false;
    switch (p) {
        case idcard::Problem::BadText:
        case idcard::Problem::CardRejected:
            // The reader works, the card is wrong: said once, read again only once re-placed.
            break;
        case idcard::Problem::CardRemoved:
            m_cardOn = false;  // placed again, it is read again
            break;
        case idcard::Problem::Checksum:
        case idcard::Problem::BadFrame:
        case idcard::Problem::Unsupported:
            // A garbled line: the next poll tries again, a few in a row mean a broken reader.
            m_cardOn = false;
            if (++m_failures < kFailuresBeforeReopen)
                break;
            [[fallthrough]];
        default:
            // No reader, no answer, a broken SAM: start again from opening it.
            m_reader.reset();
            m_cardOn = false;
            m_failures = 0;
            broken = p != idcard::Problem::NoReader;
            setPresence(broken ? Presence::Error : Presence::Absent);
            break;
    }
    // Said on screen when a card was being read, or when the reader turned out broken (an
    // unplugged idle reader only takes its prompt away).
    if ((reading || broken) && m_callbacks.problem)
        m_callbacks.problem(p);
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
