#include "drivers/pcsc/pcsc.hpp"

#include <reader.h>
#include <winscard.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <mutex>

#include "drivers/pcsc/pcsc_error.hpp"

namespace renshe::drivers::pcsc {

namespace {

constexpr int kMaxResponseChain = 64;  // GET RESPONSE rounds before we call the card broken
constexpr const char* kPnpReader = "\\\\?PnP?\\Notification";

bool isServiceLoss(LONG rc) {
    return rc == SCARD_E_NO_SERVICE || rc == SCARD_E_SERVICE_STOPPED ||
           rc == SCARD_E_INVALID_HANDLE || rc == SCARD_F_COMM_ERROR;
}

std::vector<std::string> splitMultiString(const std::string& buffer) {
    std::vector<std::string> out;
    for (std::size_t pos = 0; pos < buffer.size();) {
        const std::size_t end = buffer.find('\0', pos);
        const std::size_t stop = end == std::string::npos ? buffer.size() : end;
        if (stop == pos) {
            break;
        }
        out.emplace_back(buffer, pos, stop - pos);
        pos = stop + 1;
    }
    return out;
}

// SCardListReaders with the "no readers" answer as an empty list.
LONG listReaders(SCARDCONTEXT ctx, std::vector<std::string>& out) {
    DWORD size = 0;
    LONG rc = SCardListReaders(ctx, nullptr, nullptr, &size);
    if (rc == SCARD_E_NO_READERS_AVAILABLE) {
        out.clear();
        return SCARD_S_SUCCESS;
    }
    if (rc != SCARD_S_SUCCESS) {
        return rc;
    }
    std::string buffer(size, '\0');
    rc = SCardListReaders(ctx, nullptr, buffer.data(), &size);
    if (rc == SCARD_E_NO_READERS_AVAILABLE) {
        out.clear();
        return SCARD_S_SUCCESS;
    }
    if (rc == SCARD_S_SUCCESS) {
        buffer.resize(size);
        out = splitMultiString(buffer);
    }
    return rc;
}

}  // namespace

// ---------------------------------------------------------------- Session

Session::Session(Card& card) : m_card(&card) {
    detail::check(SCardBeginTransaction(card.m_handle), "SCardBeginTransaction");
}

Session::Session(Session&& other) noexcept : m_card(other.m_card), m_apdus(other.m_apdus) {
    other.m_card = nullptr;
}

Session::~Session() noexcept {
    if (m_card != nullptr) {
        SCardEndTransaction(m_card->m_handle, SCARD_LEAVE_CARD);
    }
}

Bytes Session::exchange(const Bytes& raw) {
    if (m_card == nullptr) {
        throw CommunicationError("transmit on a moved-from session", 0);
    }
    const SCARD_IO_REQUEST* pci = m_card->m_protocol == Protocol::T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    Bytes answer(258);  // 256 data + SW1 SW2
    DWORD length = static_cast<DWORD>(answer.size());
    detail::check(SCardTransmit(m_card->m_handle, pci, raw.data(), static_cast<DWORD>(raw.size()),
                                nullptr, answer.data(), &length),
                  "SCardTransmit");
    ++m_apdus;
    answer.resize(length);
    if (answer.empty()) {
        // A card pulled mid-command: vpcd (and some CCID readers) hand pcscd an empty answer
        // marked as success instead of an error.
        throw CardRemoved("the card left before answering", 0);
    }
    if (answer.size() < 2) {
        throw CommunicationError("card answered without a status word", 0);
    }
    return answer;
}

ResponseApdu Session::transmit(const CommandApdu& command) {
    // The encoded command may carry a PIN: wiped once sent, whatever happens.
    struct Encoded {
        Bytes bytes;
        ~Encoded() { wipe(bytes); }
    } encoded{command.encode()};
    ResponseApdu r = ResponseApdu::parse(exchange(encoded.bytes));
    if (r.sw1 == sw::kWrongLengthSw1) {
        // 6Cxx: the card tells the right Le; resend once with it.
        wipe(encoded.bytes);
        encoded.bytes = command.withLe(r.sw2 == 0 ? 256 : r.sw2).encode();
        r = ResponseApdu::parse(exchange(encoded.bytes));
    }
    Bytes data = std::move(r.data);
    for (int round = 0; r.sw1 == sw::kMoreDataSw1; ++round) {
        if (round == kMaxResponseChain) {
            throw CommunicationError("card keeps answering 61xx", 0);
        }
        auto get = CommandApdu::case2(0x00, 0xC0, 0x00, 0x00, r.sw2 == 0 ? 256 : r.sw2);
        r = ResponseApdu::parse(exchange(get.encode()));
        if (r.sw1 == sw::kWrongLengthSw1) {
            r = ResponseApdu::parse(exchange(get.withLe(r.sw2 == 0 ? 256 : r.sw2).encode()));
        }
        data.insert(data.end(), r.data.begin(), r.data.end());
    }
    r.data = std::move(data);
    return r;
}

// ---------------------------------------------------------------- Card

Card::Card(long handle, Protocol protocol, std::string reader, Bytes atr)
    : m_handle(handle), m_protocol(protocol), m_reader(std::move(reader)), m_atr(std::move(atr)) {}

Card::~Card() noexcept {
    SCardDisconnect(m_handle, SCARD_LEAVE_CARD);
}

Session Card::beginSession() {
    return Session(*this);
}

ReaderCapabilities Card::capabilities() const {
    ReaderCapabilities caps;
    unsigned char buffer[256];
    DWORD length = 0;
    const LONG rc = SCardControl(m_handle, CM_IOCTL_GET_FEATURE_REQUEST, nullptr, 0, buffer,
                                 sizeof buffer, &length);
    if (rc != SCARD_S_SUCCESS) {
        return caps;  // a reader without part-10 features (vpcd among them)
    }
    // TLV list: tag (feature), length 4, control code big-endian.
    for (DWORD i = 0; i + 2 <= length;) {
        const int tag = buffer[i];
        const int len = buffer[i + 1];
        if (i + 2 + static_cast<DWORD>(len) > length) {
            break;
        }
        caps.features.insert(tag);
        i += 2 + static_cast<DWORD>(len);
    }
    caps.pinPad = caps.features.count(FEATURE_VERIFY_PIN_DIRECT) > 0 ||
                  caps.features.count(FEATURE_VERIFY_PIN_START) > 0;
    return caps;
}

// ---------------------------------------------------------------- Context

struct Context::Impl {
    SCARDCONTEXT handle = 0;
};

Context::Context() : m_impl(std::make_unique<Impl>()) {
    detail::check(SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &m_impl->handle),
                  "SCardEstablishContext");
}

Context::~Context() noexcept {
    if (m_impl && m_impl->handle != 0) {
        SCardReleaseContext(m_impl->handle);
    }
}

Context::Context(Context&&) noexcept = default;
Context& Context::operator=(Context&&) noexcept = default;

std::vector<std::string> Context::listReaders() const {
    std::vector<std::string> readers;
    detail::check(pcsc::listReaders(m_impl->handle, readers), "SCardListReaders");
    return readers;
}

std::unique_ptr<Card> Context::connect(const std::string& reader) const {
    SCARDHANDLE handle = 0;
    DWORD protocol = 0;
    detail::check(SCardConnect(m_impl->handle, reader.c_str(), SCARD_SHARE_SHARED,
                               SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &handle, &protocol),
                  "SCardConnect");
    char name[MAX_READERNAME];
    DWORD nameLength = sizeof name;
    DWORD state = 0;
    DWORD active = 0;
    unsigned char atr[MAX_ATR_SIZE];
    DWORD atrLength = sizeof atr;
    const LONG rc = SCardStatus(handle, name, &nameLength, &state, &active, atr, &atrLength);
    if (rc != SCARD_S_SUCCESS) {
        SCardDisconnect(handle, SCARD_LEAVE_CARD);
        detail::throwForCode(rc, "SCardStatus");
    }
    return std::unique_ptr<Card>(
        new Card(handle, protocol == SCARD_PROTOCOL_T0 ? Protocol::T0 : Protocol::T1, reader,
                 Bytes(atr, atr + atrLength)));
}

// ---------------------------------------------------------------- Monitor

const char* toString(ReaderEvent::Kind kind) {
    switch (kind) {
        case ReaderEvent::Kind::ReaderAdded:
            return "reader-added";
        case ReaderEvent::Kind::ReaderRemoved:
            return "reader-removed";
        case ReaderEvent::Kind::CardInserted:
            return "card-inserted";
        case ReaderEvent::Kind::CardMute:
            return "card-mute";
        case ReaderEvent::Kind::CardRemoved:
            return "card-removed";
        case ReaderEvent::Kind::ServiceStopped:
            return "service-stopped";
        case ReaderEvent::Kind::ServiceRestored:
            return "service-restored";
    }
    return "?";
}

struct Monitor::Impl {
    struct Known {
        std::string name;
        DWORD state = SCARD_STATE_UNAWARE;
    };

    std::chrono::milliseconds serviceRetry;
    std::mutex mutex;  // guards handle/haveContext/cancelled against cancel()
    std::condition_variable wake;
    SCARDCONTEXT handle = 0;
    bool haveContext = false;
    bool cancelled = false;
    bool stoppedReported = false;
    bool needRefresh = true;
    std::vector<Known> readers;
    DWORD pnpState = SCARD_STATE_UNAWARE;

    static bool present(DWORD s) { return (s & SCARD_STATE_PRESENT) != 0; }

    void dropContext(std::vector<ReaderEvent>& events) {
        for (const auto& r : readers) {
            if (present(r.state)) {
                events.push_back({ReaderEvent::Kind::CardRemoved, r.name, {}});
            }
            events.push_back({ReaderEvent::Kind::ReaderRemoved, r.name, {}});
        }
        readers.clear();
        pnpState = SCARD_STATE_UNAWARE;
        std::lock_guard lock(mutex);
        SCardReleaseContext(handle);
        haveContext = false;
        if (!stoppedReported) {
            events.push_back({ReaderEvent::Kind::ServiceStopped, {}, {}});
            stoppedReported = true;
        }
    }

    // Returns false when the service went away meanwhile.
    bool refreshReaders(std::vector<ReaderEvent>& events) {
        std::vector<std::string> names;
        const LONG rc = listReaders(handle, names);
        if (rc != SCARD_S_SUCCESS) {
            if (isServiceLoss(rc)) {
                dropContext(events);
                return false;
            }
            detail::throwForCode(rc, "SCardListReaders");
        }
        for (auto it = readers.begin(); it != readers.end();) {
            if (std::find(names.begin(), names.end(), it->name) == names.end()) {
                if (present(it->state)) {
                    events.push_back({ReaderEvent::Kind::CardRemoved, it->name, {}});
                }
                events.push_back({ReaderEvent::Kind::ReaderRemoved, it->name, {}});
                it = readers.erase(it);
            } else {
                ++it;
            }
        }
        for (const auto& n : names) {
            const bool known = std::any_of(readers.begin(), readers.end(),
                                           [&](const Known& k) { return k.name == n; });
            if (!known) {
                readers.push_back({n, SCARD_STATE_UNAWARE});
                events.push_back({ReaderEvent::Kind::ReaderAdded, n, {}});
            }
        }
        return true;
    }

    static void diff(const std::string& reader, DWORD before, const SCARD_READERSTATE& now,
                     std::vector<ReaderEvent>& events) {
        const DWORD after = now.dwEventState;
        const bool was = present(before);
        const bool is = present(after);
        // The high word counts card events: a card swapped between two calls shows as a
        // changed counter with PRESENT in both states.
        const bool swapped =
            was && is && before != SCARD_STATE_UNAWARE && (before >> 16) != (after >> 16);
        if ((was && !is) || swapped) {
            events.push_back({ReaderEvent::Kind::CardRemoved, reader, {}});
        }
        if ((!was && is) || swapped) {
            if ((after & SCARD_STATE_MUTE) != 0 || now.cbAtr == 0) {
                events.push_back({ReaderEvent::Kind::CardMute, reader, {}});
            } else {
                events.push_back({ReaderEvent::Kind::CardInserted, reader,
                                  Bytes(now.rgbAtr, now.rgbAtr + now.cbAtr)});
            }
        }
    }
};

Monitor::Monitor(std::chrono::milliseconds serviceRetry) : m_impl(std::make_unique<Impl>()) {
    m_impl->serviceRetry = serviceRetry;
}

Monitor::~Monitor() noexcept {
    if (m_impl->haveContext) {
        SCardReleaseContext(m_impl->handle);
    }
}

void Monitor::cancel() {
    std::lock_guard lock(m_impl->mutex);
    m_impl->cancelled = true;
    if (m_impl->haveContext) {
        SCardCancel(m_impl->handle);
    }
    m_impl->wake.notify_all();
}

std::vector<ReaderEvent> Monitor::next(std::chrono::milliseconds timeout) {
    Impl& d = *m_impl;
    std::vector<ReaderEvent> events;
    {
        std::unique_lock lock(d.mutex);
        if (d.cancelled) {
            d.cancelled = false;
            return events;
        }
        if (!d.haveContext) {
            SCARDCONTEXT handle = 0;
            if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &handle) !=
                SCARD_S_SUCCESS) {
                if (!d.stoppedReported) {
                    d.stoppedReported = true;
                    events.push_back({ReaderEvent::Kind::ServiceStopped, {}, {}});
                    return events;
                }
                d.wake.wait_for(lock, std::min(timeout, d.serviceRetry),
                                [&] { return d.cancelled; });
                d.cancelled = false;
                return events;
            }
            d.handle = handle;
            d.haveContext = true;
            d.needRefresh = true;
            if (d.stoppedReported) {
                events.push_back({ReaderEvent::Kind::ServiceRestored, {}, {}});
                d.stoppedReported = false;
            }
        }
    }
    // The reader list is read when the context is new and when the PnP pseudo-reader says
    // it changed, never on every call.
    if (d.needRefresh) {
        if (!d.refreshReaders(events)) {
            return events;
        }
        d.needRefresh = false;
    }

    std::vector<SCARD_READERSTATE> states(d.readers.size() + 1);
    for (std::size_t i = 0; i < d.readers.size(); ++i) {
        states[i].szReader = d.readers[i].name.c_str();
        states[i].dwCurrentState = d.readers[i].state;
    }
    states.back().szReader = kPnpReader;
    states.back().dwCurrentState = d.pnpState;

    // Events already found (readers added, service back) are reported without waiting.
    const DWORD wait = events.empty() ? static_cast<DWORD>(timeout.count()) : 0;
    const LONG rc =
        SCardGetStatusChange(d.handle, wait, states.data(), static_cast<DWORD>(states.size()));
    if (rc == SCARD_E_TIMEOUT || rc == SCARD_E_CANCELLED) {
        std::lock_guard lock(d.mutex);
        d.cancelled = false;
        return events;
    }
    if (rc == SCARD_E_UNKNOWN_READER || rc == SCARD_E_READER_UNAVAILABLE) {
        d.refreshReaders(events);  // a reader vanished between listing and waiting
        return events;
    }
    if (rc != SCARD_S_SUCCESS) {
        if (isServiceLoss(rc)) {
            d.dropContext(events);
            return events;
        }
        detail::throwForCode(rc, "SCardGetStatusChange");
    }
    for (std::size_t i = 0; i < d.readers.size(); ++i) {
        if ((states[i].dwEventState & SCARD_STATE_CHANGED) != 0) {
            Impl::diff(d.readers[i].name, d.readers[i].state, states[i], events);
            d.readers[i].state = states[i].dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
        }
    }
    if ((states.back().dwEventState & SCARD_STATE_CHANGED) != 0) {
        d.pnpState = states.back().dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
        d.refreshReaders(events);
    }
    return events;
}

}  // namespace renshe::drivers::pcsc
