// Blocking work (a gRPC call, a card or sensor command) runs off the UI thread; what it found
// is applied on the UI thread only while the object that asked still exists and has not moved
// on (a new card, a new search, a timeout). The one form of this pattern every view-model uses.
#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>

namespace renshe::kiosk {

// Posts `task` to the UI thread; it runs there if `owner` still exists then. For events of a
// long-lived worker (a card inserted, the outbox emptied) that are never stale.
inline void postToUi(QPointer<QObject> owner, std::function<void()> task) {
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [owner = std::move(owner), task = std::move(task)] {
            if (owner)
                task();
        },
        Qt::QueuedConnection);
}

class UiAsync {
    struct State {
        std::atomic<std::uint64_t> generation{0};
    };

public:
    explicit UiAsync(QObject* owner) : m_owner(owner), m_state(std::make_shared<State>()) {}

    // Answers to anything started before this are dropped.
    void invalidate() { ++m_state->generation; }

    // What a worker thread posts UI-thread tasks through, under the same rule: a task runs only
    // if the owner still exists and nothing was invalidated since the poster was made.
    class Poster {
    public:
        void operator()(std::function<void()> task) const {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [owner = m_owner, state = m_state, generation = m_generation,
                 task = std::move(task)] {
                    if (owner && state->generation.load() == generation)
                        task();
                },
                Qt::QueuedConnection);
        }
        // Whether the answer is still wanted (a worker may stop early when it is not).
        bool current() const { return m_state->generation.load() == m_generation; }

    private:
        friend class UiAsync;
        Poster(QPointer<QObject> owner, std::shared_ptr<State> state, std::uint64_t generation)
            : m_owner(std::move(owner)), m_state(std::move(state)), m_generation(generation) {}
        QPointer<QObject> m_owner;
        std::shared_ptr<State> m_state;
        std::uint64_t m_generation;
    };

    // Made on the UI thread, used from any thread.
    Poster poster() const { return Poster(m_owner, m_state, m_state->generation.load()); }

    // Runs `work` on Qt's global thread pool, then `then` on the UI thread (see Poster).
    void run(std::function<void()> work, std::function<void()> then) const {
        QThreadPool::globalInstance()->start(
            [post = poster(), work = std::move(work), then = std::move(then)]() mutable {
                work();
                post(std::move(then));
            });
    }

private:
    QPointer<QObject> m_owner;
    std::shared_ptr<State> m_state;
};

}  // namespace renshe::kiosk
