#include "kiosk/card_reader.hpp"

#include <QtGlobal>

namespace renshe::kiosk {

namespace pcsc = drivers::pcsc;
namespace sscard = drivers::sscard;

CardReader::CardReader(Callbacks callbacks) : m_callbacks(std::move(callbacks)) {
    m_monitor = std::make_unique<pcsc::Monitor>();
    m_thread = std::thread([this] { run(); });
}

CardReader::~CardReader() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_monitor->cancel();
    m_thread.join();
}

void CardReader::post(Work work, std::function<void(std::exception_ptr)> done) {
    {
        std::lock_guard lock(m_mutex);
        m_tasks.emplace_back(std::move(work), std::move(done));
    }
    m_monitor->cancel();  // wake the worker from its wait for reader events
}

void CardReader::readInserted(const std::string& reader) {
    try {
        pcsc::Context ctx;
        const auto card = ctx.connect(reader);
        auto session = card->beginSession();
        sscard::SocialSecurityCard app(session);
        const auto data = app.readCardData();
        m_reader = reader;
        m_callbacks.inserted(data);
    } catch (const sscard::NotSocialSecurityCard&) {
        m_callbacks.problem(CardProblem::NotSocialSecurityCard);
    } catch (const sscard::CardBlocked&) {
        m_callbacks.problem(CardProblem::Blocked);
    } catch (const sscard::ApplicationLocked&) {
        m_callbacks.problem(CardProblem::Blocked);
    } catch (const pcsc::CardUnresponsive&) {
        m_callbacks.problem(CardProblem::Mute);
    } catch (const pcsc::CardRemoved&) {
        m_callbacks.removed();
    } catch (const pcsc::NoCard&) {
        m_callbacks.removed();
    } catch (const std::exception& e) {
        // The data or the transport failed; the technician's log names which (no personal data:
        // the driver's messages never carry card contents).
        qWarning("card reader: cannot read the card: %s", e.what());
        m_callbacks.problem(CardProblem::Unreadable);
    }
}

void CardReader::run() {
    for (;;) {
        std::deque<std::pair<Work, std::function<void(std::exception_ptr)>>> tasks;
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
            tasks.swap(m_tasks);
        }
        for (auto& [work, done] : tasks) {
            std::exception_ptr error;
            try {
                if (!m_reader)
                    throw pcsc::NoCard("no card", 0);
                pcsc::Context ctx;
                const auto card = ctx.connect(*m_reader);
                auto session = card->beginSession();
                sscard::SocialSecurityCard app(session);
                app.selectApplication();
                work(app);
            } catch (...) {
                error = std::current_exception();
            }
            done(error);
        }
        for (const auto& event : m_monitor->next(std::chrono::milliseconds(500))) {
            using Kind = pcsc::ReaderEvent::Kind;
            switch (event.kind) {
                case Kind::ReaderAdded:
                    ++m_readers;
                    m_serviceUp = true;
                    break;
                case Kind::ServiceRestored:
                    m_serviceUp = true;
                    break;
                default:
                    break;
            }
            if (event.kind == Kind::ReaderRemoved && m_readers > 0)
                --m_readers;
            switch (event.kind) {
                case Kind::CardInserted:
                    readInserted(event.reader);
                    break;
                case Kind::CardMute:
                    m_callbacks.problem(CardProblem::Mute);
                    break;
                case Kind::CardRemoved:
                case Kind::ReaderRemoved:
                    if (!m_reader || *m_reader == event.reader) {
                        m_reader.reset();
                        m_callbacks.removed();
                    }
                    break;
                case Kind::ServiceStopped:
                    m_readers = 0;
                    m_serviceUp = false;
                    m_reader.reset();
                    m_callbacks.removed();
                    m_callbacks.problem(CardProblem::ReaderGone);
                    break;
                default:
                    break;
            }
        }
    }
}

}  // namespace renshe::kiosk
