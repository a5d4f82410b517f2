#include "services/backoffice/rpc/audit_chainer.hpp"

#include <pthread.h>

#include <utility>

#include "drivers/util/json.hpp"
#include "services/backoffice/rpc/audit.hpp"

namespace renshe::services::backoffice {

namespace {

// Events per transaction: 13 parameters each in one INSERT, well under PostgreSQL's 65,535.
constexpr std::size_t kBatch = 500;
// How much older than the newest chained event an asked-for round still looks (microseconds);
// a write commits within milliseconds of taking its time, unless it waits or runs again.
constexpr std::int64_t kSlack = 100'000;
// Under a stream of writes, asks come faster than rounds end. A round's cost is mostly fixed
// (the head's lock, two round trips, the index scan), so an asked-for round begins no sooner
// than this after the last one began, and chains what gathered meanwhile. Writers do not wait
// for it; a reader's ask does not wait either.
constexpr auto kGather = std::chrono::milliseconds(10);

}  // namespace

AuditChainer::AuditChainer(store::Store& store, const Keystore& keys, Log log, Lag lag,
                           std::chrono::milliseconds sweep, std::chrono::milliseconds fullEvery)
    : m_store(store),
      m_keys(keys),
      m_log(std::move(log)),
      m_lag(std::move(lag)),
      m_sweep(sweep),
      m_fullEvery(fullEvery) {
    m_thread = std::thread([this] { loop(); });
}

AuditChainer::~AuditChainer() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void AuditChainer::awaitRound(std::chrono::milliseconds limit) {
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = ++m_asked;
    if (!m_oldestAsk)
        m_oldestAsk = std::chrono::steady_clock::now();
    m_fullAsked = true;
    m_wake.notify_one();
    m_done.wait_for(lock, limit, [&] { return m_finished >= ticket || m_stopping; });
}

void AuditChainer::ask() {
    {
        std::lock_guard lock(m_mutex);
        ++m_asked;
        if (!m_oldestAsk)
            m_oldestAsk = std::chrono::steady_clock::now();
    }
    m_wake.notify_one();
}

std::chrono::nanoseconds AuditChainer::waiting() const {
    std::lock_guard lock(m_mutex);
    std::optional<std::chrono::steady_clock::time_point> oldest = m_roundOldest;
    if (m_oldestAsk && (!oldest || *m_oldestAsk < *oldest))
        oldest = m_oldestAsk;
    if (!oldest)
        return std::chrono::nanoseconds(0);
    return std::chrono::steady_clock::now() - *oldest;
}

void AuditChainer::loop() {
    pthread_setname_np(pthread_self(), "audit-chainer");
    std::unique_lock lock(m_mutex);
    for (;;) {
        const bool asked =
            m_wake.wait_for(lock, m_sweep, [&] { return m_stopping || m_asked > m_finished; });
        if (asked)
            m_wake.wait_until(lock, m_lastRound + kGather,
                              [&] { return m_stopping || m_fullAsked; });
        m_lastRound = std::chrono::steady_clock::now();
        const std::uint64_t covers = m_asked;
        const auto oldest = std::exchange(m_oldestAsk, std::nullopt);
        m_roundOldest = oldest;
        const bool last = m_stopping;
        const bool swept = !asked || last;
        const bool readerWaits = std::exchange(m_fullAsked, false);
        const bool full =
            swept || readerWaits || std::chrono::steady_clock::now() - m_lastFull >= m_fullEvery;
        lock.unlock();
        const bool chained = round(swept, full);
        if (chained && oldest && m_lag)
            m_lag(std::chrono::steady_clock::now() - *oldest);
        lock.lock();
        m_roundOldest.reset();
        // A failed round's asks wait on (their events stay pending): the lag a later round
        // observes counts from them.
        if (!chained && oldest && (!m_oldestAsk || *oldest < *m_oldestAsk))
            m_oldestAsk = oldest;
        m_finished = std::max(m_finished, covers);
        m_done.notify_all();
        if (last)
            return;
    }
}

// One round: batches until fewer than a full one was pending. A sweep first looks (a read,
// no lock) whether anything is pending at all.
bool AuditChainer::round(bool swept, bool full) {
    if (full || m_newestChained == 0) {
        full = true;
        m_lastFull = std::chrono::steady_clock::now();
    }
    try {
        if (swept) {
            bool any = false;
            m_store.read([&](store::Tx& tx) {
                any = tx.queryOne("SELECT id FROM audit_pending LIMIT 1").has_value();
            });
            if (!any)
                return true;
        }
        for (;;) {
            std::optional<std::int64_t> from;
            if (!full)
                from = m_newestChained - kSlack;
            ChainedBatch batch;
            m_store.write(
                [&](store::Tx& tx) { batch = chainPendingAudit(tx, m_keys, kBatch, from); },
                store::Store::Priority::Urgent);
            if (batch.count > 0)
                m_newestChained = batch.newestAt;  // not a running maximum: a clock that
                                                   // jumped ahead once does not keep the bound
            if (batch.count < kBatch)
                return true;
        }
    } catch (const std::exception& e) {
        // Left pending: committed with their writes, chained by a later round.
        m_log("{\"level\":\"warn\",\"event\":\"audit_chain\",\"error\":\"" +
              util::jsonEscape(e.what()) + "\"}");
        return false;
    }
}

}  // namespace renshe::services::backoffice
