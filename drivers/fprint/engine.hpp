// Internal: where libfprint runs.
//
// libfprint and GUsb are tied to GLib's global-default main context, whatever context a thread
// pushes as its default: fp_context_enumerate() waits for the devices by iterating
// g_main_context_iteration(NULL) — the global default — while the devices' async
// initialisation completes on the thread-default context (a private pushed context therefore
// deadlocks enumeration, tried); GUsb announces hot-plugged USB sensors with g_idle_add()
// (global default again). So every libfprint call here happens on the thread that runs the
// global-default context: a loop thread of ours (LoopMode::OwnThread), or the application's
// own GLib loop (LoopMode::CallerDefault: Qt's event loop on Debian, on the main thread).
#pragma once

#include <fprint.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <vector>

#include "drivers/fprint/fprint.hpp"

namespace renshe::drivers::fprint::detail {

// A thread that owns the global-default main context and runs a GMainLoop on it; shared by
// every OwnThread Context of the process.
class LoopThread {
public:
    static std::shared_ptr<LoopThread> shared();
    LoopThread();
    ~LoopThread() noexcept;
    LoopThread(const LoopThread&) = delete;
    LoopThread& operator=(const LoopThread&) = delete;

private:
    GMainLoop* m_loop = nullptr;
    std::thread m_thread;
};

class Engine {
public:
    explicit Engine(LoopMode mode);  // creates the FpContext and enumerates
    ~Engine() noexcept;
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // True on the thread that runs libfprint (owns the global-default context right now).
    bool onLoopThread() const noexcept { return g_main_context_is_owner(m_context); }
    // Blocking calls wait for the loop thread: refused on it, they would wait for themselves.
    void requireOffLoopThread() const;

    // Runs `fn` on the loop thread, later. `fn` must not throw.
    void post(std::function<void()> fn);
    // Like call() without waiting: now when the context can be had, else posted.
    void runOrPost(std::function<void()> fn);

    // Runs `fn` with the default context owned: at once when this thread owns it or can take
    // it (nobody iterates it right now), else on the loop thread, waiting for the result.
    template <typename F>
    auto call(F&& fn) -> std::invoke_result_t<F> {
        using R = std::invoke_result_t<F>;
        if (onLoopThread()) {
            return fn();
        }
        if (g_main_context_acquire(m_context)) {
            struct Release {
                GMainContext* context;
                ~Release() { g_main_context_release(context); }
            } release{m_context};
            return fn();
        }
        auto promise = std::make_shared<std::promise<R>>();
        auto future = promise->get_future();
        post([promise, fn = std::forward<F>(fn)]() mutable {
            try {
                if constexpr (std::is_void_v<R>) {
                    fn();
                    promise->set_value();
                } else {
                    promise->set_value(fn());
                }
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        });
        return future.get();
    }

    // Loop thread only.
    FpDevice* findDevice(std::uint64_t key) const;

    // Any thread.
    std::vector<DeviceInfo> devices() const;
    std::vector<DeviceEvent> nextEvents(std::chrono::milliseconds timeout);
    void cancelWait() noexcept;

private:
    struct Entry {
        FpDevice* device;  // a reference of ours
        DeviceInfo info;
    };

    void start();     // loop thread
    void teardown();  // loop thread
    static void onDeviceAdded(FpContext* context, FpDevice* device, gpointer self);
    static void onDeviceRemoved(FpContext* context, FpDevice* device, gpointer self);

    GMainContext* m_context;             // the global default
    std::shared_ptr<LoopThread> m_loop;  // OwnThread only
    FpContext* m_fp = nullptr;           // loop thread only

    mutable std::mutex m_mutex;  // guards what follows
    std::condition_variable m_changed;
    std::vector<Entry> m_devices;
    std::deque<DeviceEvent> m_events;
    bool m_waitCancelled = false;
    std::uint64_t m_nextKey = 1;
};

// Snapshot of a device's properties (loop thread).
DeviceInfo describeDevice(FpDevice* device, std::uint64_t key);

}  // namespace renshe::drivers::fprint::detail
