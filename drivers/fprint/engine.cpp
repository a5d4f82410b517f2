#include "drivers/fprint/engine.hpp"

#include <algorithm>

namespace renshe::drivers::fprint::detail {

namespace {

// GLib hands a posted function to the loop thread under its own futex-based lock, which
// ThreadSanitizer cannot see (Debian's GLib is not built with it): the hand-off is declared
// to it, so that `./deploy/test.sh --tsan` sees what GLib guarantees.
#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
void handedOver(void* p) {
    __tsan_release(p);
}
void takenOver(void* p) {
    __tsan_acquire(p);
}
#else
void handedOver(void*) {}
void takenOver(void*) {}
#endif

gboolean runPosted(gpointer data) {
    takenOver(data);
    (*static_cast<std::function<void()>*>(data))();
    return G_SOURCE_REMOVE;
}

void deletePosted(gpointer data) {
    delete static_cast<std::function<void()>*>(data);
}

void postTo(GMainContext* context, std::function<void()> fn) {
    GSource* source = g_idle_source_new();
    g_source_set_priority(source, G_PRIORITY_DEFAULT);
    auto* posted = new std::function<void()>(std::move(fn));
    handedOver(posted);
    g_source_set_callback(source, runPosted, posted, deletePosted);
    g_source_attach(source, context);
    g_source_unref(source);
}

std::string orEmpty(const char* s) {
    return s != nullptr ? s : "";
}

}  // namespace

DeviceInfo describeDevice(FpDevice* device, std::uint64_t key) {
    DeviceInfo info;
    info.driver = orEmpty(fp_device_get_driver(device));
    info.deviceId = orEmpty(fp_device_get_device_id(device));
    info.name = orEmpty(fp_device_get_name(device));
    info.scanType =
        fp_device_get_scan_type(device) == FP_SCAN_TYPE_SWIPE ? ScanType::Swipe : ScanType::Press;
    info.enrollStages = fp_device_get_nr_enroll_stages(device);
    info.canVerify = fp_device_has_feature(device, FP_DEVICE_FEATURE_VERIFY);
    info.canIdentify = fp_device_has_feature(device, FP_DEVICE_FEATURE_IDENTIFY);
    info.hasStorage = fp_device_has_feature(device, FP_DEVICE_FEATURE_STORAGE);
    info.key = key;
    return info;
}

// ---------------------------------------------------------------- LoopThread

std::shared_ptr<LoopThread> LoopThread::shared() {
    static std::mutex mutex;
    static std::weak_ptr<LoopThread> current;
    std::lock_guard lock(mutex);
    auto loop = current.lock();
    if (!loop) {
        loop = std::make_shared<LoopThread>();
        current = loop;
    }
    return loop;
}

LoopThread::LoopThread() {
    GMainContext* context = g_main_context_default();
    m_loop = g_main_loop_new(context, FALSE);
    std::promise<void> started;
    auto ready = started.get_future();
    m_thread = std::thread([this, context, &started] {
        // Held for the thread's life: nobody else may iterate the default context meanwhile.
        if (!g_main_context_acquire(context)) {
            started.set_exception(std::make_exception_ptr(std::logic_error(
                "renshe fprint: another thread runs GLib's default main context (a Qt event "
                "loop?); use LoopMode::CallerDefault there")));
            return;
        }
        started.set_value();
        g_main_loop_run(m_loop);
        while (g_main_context_iteration(context, FALSE)) {
            // the teardown idles of the devices' listeners
        }
        g_main_context_release(context);
    });
    try {
        ready.get();
    } catch (...) {
        m_thread.join();
        g_main_loop_unref(m_loop);
        throw;
    }
}

LoopThread::~LoopThread() noexcept {
    GMainLoop* loop = m_loop;
    postTo(g_main_context_default(), [loop] { g_main_loop_quit(loop); });
    m_thread.join();
    g_main_loop_unref(m_loop);
}

// ---------------------------------------------------------------- Engine

Engine::Engine(LoopMode mode) : m_context(g_main_context_default()) {
    if (mode == LoopMode::OwnThread) {
        m_loop = LoopThread::shared();
        call([this] { start(); });
        return;
    }
    // CallerDefault: this thread runs (or will run) the default loop; enumeration iterates it.
    const bool owner = g_main_context_is_owner(m_context);
    if (!owner && !g_main_context_acquire(m_context)) {
        throw std::logic_error(
            "renshe fprint: LoopMode::CallerDefault must be created on the thread that runs "
            "GLib's default main loop");
    }
    start();
    if (!owner) {
        g_main_context_release(m_context);
    }
}

Engine::~Engine() noexcept {
    try {
        call([this] { teardown(); });
    } catch (...) {
    }
}

void Engine::requireOffLoopThread() const {
    if (onLoopThread()) {
        throw std::logic_error(
            "renshe fprint: blocking call on the thread that runs libfprint; call it from a "
            "worker thread");
    }
}

void Engine::start() {
    m_fp = fp_context_new();
    g_signal_connect(m_fp, "device-added", G_CALLBACK(onDeviceAdded), this);
    g_signal_connect(m_fp, "device-removed", G_CALLBACK(onDeviceRemoved), this);
    // Iterates the default context until every device answered: device-added arrives here.
    fp_context_enumerate(m_fp);
}

void Engine::teardown() {
    g_signal_handlers_disconnect_by_data(m_fp, this);
    {
        std::lock_guard lock(m_mutex);
        for (auto& entry : m_devices) {
            g_object_unref(entry.device);
        }
        m_devices.clear();
    }
    g_object_unref(m_fp);
    m_fp = nullptr;
}

void Engine::post(std::function<void()> fn) {
    postTo(m_context, std::move(fn));
}

void Engine::runOrPost(std::function<void()> fn) {
    if (onLoopThread()) {
        fn();
    } else if (g_main_context_acquire(m_context)) {
        fn();
        g_main_context_release(m_context);
    } else {
        post(std::move(fn));
    }
}

void Engine::onDeviceAdded(FpContext*, FpDevice* device, gpointer data) {
    auto* self = static_cast<Engine*>(data);
    std::lock_guard lock(self->m_mutex);
    Entry entry{FP_DEVICE(g_object_ref(device)), describeDevice(device, self->m_nextKey++)};
    self->m_events.push_back({DeviceEventKind::Added, entry.info});
    self->m_devices.push_back(std::move(entry));
    self->m_changed.notify_all();
}

void Engine::onDeviceRemoved(FpContext*, FpDevice* device, gpointer data) {
    auto* self = static_cast<Engine*>(data);
    std::lock_guard lock(self->m_mutex);
    auto it = std::find_if(self->m_devices.begin(), self->m_devices.end(),
                           [device](const Entry& e) { return e.device == device; });
    if (it == self->m_devices.end()) {
        return;
    }
    self->m_events.push_back({DeviceEventKind::Removed, it->info});
    g_object_unref(it->device);
    self->m_devices.erase(it);
    self->m_changed.notify_all();
}

FpDevice* Engine::findDevice(std::uint64_t key) const {
    std::lock_guard lock(m_mutex);
    for (const auto& entry : m_devices) {
        if (entry.info.key == key) {
            return entry.device;
        }
    }
    return nullptr;
}

std::vector<DeviceInfo> Engine::devices() const {
    std::lock_guard lock(m_mutex);
    std::vector<DeviceInfo> out;
    out.reserve(m_devices.size());
    for (const auto& entry : m_devices) {
        out.push_back(entry.info);
    }
    return out;
}

std::vector<DeviceEvent> Engine::nextEvents(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, timeout, [this] { return !m_events.empty() || m_waitCancelled; });
    m_waitCancelled = false;
    std::vector<DeviceEvent> out(m_events.begin(), m_events.end());
    m_events.clear();
    return out;
}

void Engine::cancelWait() noexcept {
    std::lock_guard lock(m_mutex);
    m_waitCancelled = true;
    m_changed.notify_all();
}

}  // namespace renshe::drivers::fprint::detail
